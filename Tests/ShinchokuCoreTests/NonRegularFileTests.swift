import Foundation
import Testing

@testable import ShinchokuCore

#if canImport(Glibc)
  import Glibc
#endif

/// Every data file the loader reads, as every kind of thing that is not a regular file: each
/// is refused with a message that names what it is, and nothing blocks or grows.
@Suite struct NonRegularFileTests {
  /// The file names the loader opens (the optional ones too).
  static let names =
    DatasetLoader.fileNames + [
      "events.csv", "events.csv.encoding", "programmes.csv", ChangeLog.fileName,
    ]

  /// What each kind is made of, and the words its message must hold.
  enum Kind: CaseIterable {
    case fifo, device, folder, danglingLink, loopingLink

    func make(at path: String) throws {
      switch self {
      case .fifo: #expect(mkfifo(path, 0o644) == 0)
      case .device:
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
      case .folder:
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      case .danglingLink:
        try FileManager.default.createSymbolicLink(
          atPath: path, withDestinationPath: "no-such-file")
      case .loopingLink:
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
      }
    }

    var words: String {
      switch self {
      case .fifo: "is a named pipe (FIFO), not a regular file"
      case .device: "is a character device, not a regular file"
      case .folder: "is a folder, not a regular file"
      case .danglingLink: "the symbolic link points at 'no-such-file', which does not exist"
      case .loopingLink: "the symbolic link loops"
      }
    }
  }

  @Test(arguments: Kind.allCases)
  func everyDataFileAsThisKindIsRefusedByName(_ kind: Kind) throws {
    for name in Self.names {
      let folder = try dataFolder()
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let path = folder + "/" + name
      try? FileManager.default.removeItem(atPath: path)
      if name == "events.csv.encoding" {
        try Data("date,title\n".utf8).write(to: URL(fileURLWithPath: folder + "/events.csv"))
      }
      try kind.make(at: path)
      // A FIFO that blocked the open or a read would hang here; /dev/zero would grow to the limit.
      let errors = loadErrors(folder)
      let mine = errors.filter { $0.location.file.hasSuffix("/" + name) }
      #expect(!mine.isEmpty, "\(name) as \(kind): \(errors.map(\.description))")
      #expect(
        mine.contains { $0.message.contains(kind.words) },
        "\(name) as \(kind): \(mine.map(\.message))")
      #expect(
        !errors.contains { $0.message.contains("permission") },
        "a \(kind) is not a permission problem")
    }
  }

  /// The size limit holds for the bytes read: /proc files say size 0 and have more.
  @Test func theLimitHoldsForTheBytesReadNotForWhatStatSays() throws {
    var status = stat()
    #expect(stat("/proc/self/status", &status) == 0 && status.st_size == 0)
    let sink = DiagnosticSink()
    #expect(
      DataFile.read("/proc/self/status", displayName: "status", sizeLimit: 16, sink: sink) == nil)
    #expect(sink.items.map(\.message) == ["the file is over the limit of 16 bytes"])
    let whole = DiagnosticSink()
    let bytes = DataFile.read(
      "/proc/self/status", displayName: "status", sizeLimit: 1 << 20, sink: whole)
    #expect(whole.items.isEmpty)
    #expect((bytes?.count ?? 0) > 16)
    // The CSV reader too (it reads in chunks).
    let csv = DiagnosticSink()
    let encoding = CSVReader.forEachByteRow(
      URL(fileURLWithPath: "/proc/self/status"), displayName: "status", sizeLimit: 16, sink: csv,
      chunkSize: 8
    ) { _ in }
    #expect(encoding == nil)
    #expect(csv.items.map(\.message) == ["the file is over the limit of 16 bytes"])
  }
}
