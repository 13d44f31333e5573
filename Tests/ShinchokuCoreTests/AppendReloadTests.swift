import Foundation
import Testing

@testable import ShinchokuCore

#if canImport(Glibc)
  import Glibc
#endif

/// A reload after rows were appended to events.csv reads only the new rows, and gives what a
/// whole read gives; anything else (a rewrite keeping the size and the time, a truncation, a
/// last row without its newline) is read whole.
@Suite struct AppendReloadTests {
  /// Rows `first..<last`, each dated, some with a note.
  func rows(_ range: Range<Int>) -> String {
    range.map { "x\($0),2012-08-\(1 + $0 % 28),催し\($0),\($0 % 5 == 0 ? "備考\($0)" : "")\n" }
      .joined()
  }

  func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  func append(_ text: String, to path: String) throws {
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data(text.utf8))
    try handle.close()
  }

  /// Both loads give the same data (events, categories, warnings in order).
  func expectSame(_ one: Dataset, _ other: Dataset) {
    // Compared apart from the expectation: a difference would print both stores whole.
    let sameEvents = one.events == other.events && one.events.map(\.id) == other.events.map(\.id)
    #expect(sameEvents)
    #expect(one.categories == other.categories)
    #expect(one.warnings == other.warnings)
  }

  static let header = "id,date,title,notes\n"

  @Test func anAppendedRowIsReadAloneAndGivesWhatAWholeReadGives() throws {
    let head = Self.header + rows(0..<3000)
    let folder = try dataFolder(replacing: ["events.csv": head])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/events.csv"
    let loader = DatasetLoader()
    let first = try loader.load(directory: folder)
    #expect(loader.eventsCache.lastRead == .whole)
    // A row, then a row without a title (a warning at its line), then a new category.
    let tail = "y1,2012-09-01,追加の催し,\ny2,2012-09-02,,\n"
    try append(tail, to: path)
    let second = try loader.load(directory: folder)
    #expect(loader.eventsCache.lastRead == .appended(bytes: tail.utf8.count))
    #expect(second.events.count == first.events.count + 1)
    #expect(second.events.contains(id: "y1"))
    expectSame(second, try DatasetLoader().load(directory: folder))
    let line = head.split(separator: "\n").count + 2
    #expect(second.warnings.contains { $0.location.line == line && $0.message.contains("名称") })
    // And again: the next append starts where this one ended.
    let row = "y3,2012-09-03,三つ目,\n"
    try append(row, to: path)
    let third = try loader.load(directory: folder)
    #expect(loader.eventsCache.lastRead == .appended(bytes: row.utf8.count))
    expectSame(third, try DatasetLoader().load(directory: folder))
    // A duplicate id in the appended rows is the error a whole read reports.
    let duplicate = "x7,2012-09-04,重複,\n"
    try append(duplicate, to: path)
    let errors = loadErrors(folder)
    #expect(errors.contains { $0.message.contains("duplicate event id 'x7'") })
    do {
      _ = try loader.load(directory: folder)
      Issue.record("a duplicate id in the appended rows loaded")
    } catch {
      #expect(loader.eventsCache.lastRead == .appended(bytes: duplicate.utf8.count))
      #expect(error.errors == errors)
    }
  }

  /// Same size, same modification time (set back), other bytes: read again, never the old
  /// events. Both a change near the start and one just before the old end are seen (the
  /// file is larger than the two blocks compared).
  @Test func aRewriteKeepingTheSizeAndTheTimeIsReadAgain() throws {
    let text = Self.header + rows(0..<8000)
    #expect(text.utf8.count > 2 * CSVReadEnd.blockSize)
    let folder = try dataFolder(replacing: ["events.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/events.csv"
    let loader = DatasetLoader()
    _ = try loader.load(directory: folder)
    var info = stat()
    #expect(stat(path, &info) == 0)
    let times = [info.st_atim, info.st_mtim]
    for (old, new) in [("催し3,", "催シ3,"), ("催し7998,", "催シ7998,")] {
      let changed = text.replacingOccurrences(of: old, with: new)
      #expect(changed.utf8.count == text.utf8.count)
      // Rewritten in place (the same inode), and its time put back as it was.
      let handle = try #require(FileHandle(forWritingAtPath: path))
      handle.write(Data(changed.utf8))
      try handle.close()
      #expect(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, path, $0.baseAddress, 0) } == 0)
      var after = stat()
      #expect(stat(path, &after) == 0)
      #expect(after.st_size == info.st_size && after.st_mtim.tv_sec == info.st_mtim.tv_sec)
      let reloaded = try loader.load(directory: folder)
      #expect(loader.eventsCache.lastRead == .whole)
      let title = String(new.dropLast())
      #expect(reloaded.events.contains { $0.title == title })
      expectSame(reloaded, try DatasetLoader().load(directory: folder))
      try write(text, to: path)
      _ = try loader.load(directory: folder)
    }
  }

  @Test func aTruncatedOrReplacedFileIsReadWhole() throws {
    let text = Self.header + rows(0..<50)
    let folder = try dataFolder(replacing: ["events.csv": text])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/events.csv"
    let loader = DatasetLoader()
    let first = try loader.load(directory: folder)
    #expect(truncate(path, off_t(text.utf8.count - 30)) == 0)
    try append("\n", to: path)
    let shorter = try loader.load(directory: folder)
    #expect(loader.eventsCache.lastRead == .whole)
    #expect(shorter.events.count < first.events.count)
    expectSame(shorter, try DatasetLoader().load(directory: folder))
    // Replaced by another file (a rename over it) that starts the same and is longer.
    let replacement = folder + "/events.csv.new"
    try write(text + rows(50..<51), to: replacement)
    #expect(rename(replacement, path) == 0)
    let replaced = try loader.load(directory: folder)
    #expect(loader.eventsCache.lastRead == .whole)
    #expect(replaced.events.count == first.events.count + 1)
  }

  /// A last row without its newline may go on in what is appended: read whole.
  @Test func aLastRowWithoutItsNewlineIsReadAgainWhole() throws {
    let folder = try dataFolder(replacing: ["events.csv": Self.header + "x1,2012-08-01,催し"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let loader = DatasetLoader()
    _ = try loader.load(directory: folder)
    try append("の続き\nx2,2012-08-02,次,\n", to: folder + "/events.csv")
    let reloaded = try loader.load(directory: folder)
    #expect(loader.eventsCache.lastRead == .whole)
    #expect(reloaded.events.contains { $0.title == "催しの続き" })
    expectSame(reloaded, try DatasetLoader().load(directory: folder))
  }

  /// Quoted fields with newlines, split by the reader's chunks on every byte, and rows
  /// appended after them: the same events as a whole read.
  @Test func appendedRowsReadInTinyChunksAgreeWithAWholeRead() throws {
    let folder = try dataFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/events.csv"
    let head = Self.header + "a1,2012-08-01,\"二行の\n催し\",\"引用\"\"符\"\n"
    try write(head, to: path)
    let sink = DiagnosticSink()
    var end: CSVReadEnd?
    var titles: [String] = []
    _ = CSVReader.forEachByteRow(
      URL(fileURLWithPath: path), displayName: "events.csv", sizeLimit: 1 << 20, sink: sink,
      chunkSize: 3, ended: { end = $0 }, { titles.append($0.string(2)) })
    let tail = "a2,2012-08-02,\"また\n二行\",\na3,2012-08-03,三,\n"
    try append(tail, to: path)
    var lines: [Int] = []
    let appended = CSVReader.forEachAppendedRow(
      URL(fileURLWithPath: path), since: try #require(end), displayName: "events.csv",
      sizeLimit: 1 << 20, sink: sink, chunkSize: 2
    ) {
      titles.append($0.string(2))
      lines.append($0.line)
    }
    #expect(appended == true)
    #expect(titles == ["title", "二行の\n催し", "また\n二行", "三"])
    #expect(lines == [4, 6])
    #expect(sink.items.isEmpty)
  }
}
