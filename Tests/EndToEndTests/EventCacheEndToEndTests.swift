import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The events cache, as the dashboard uses it: the first start writes it into
/// `$XDG_CACHE_HOME/shinchoku/`, the next takes the events from it, an edit of events.csv that
/// keeps its size and its modification time is seen, and `--no-cache` leaves no file.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct EventCacheEndToEndTests {
  static let events = 20_000

  /// The cache files in `home`'s shinchoku folder.
  func cacheFiles(_ home: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: home + "/shinchoku")) ?? [])
      .filter { $0.hasSuffix(".events") }
  }

  /// Runs the dashboard until its events are in (the count `/ N件`), then quits.
  func run(_ folder: String, events: Int, cacheHome: String, _ extra: [String] = []) throws {
    let tmux = try startApp(
      ["--data", folder] + extra, width: 120, height: 40,
      environment: ["XDG_CACHE_HOME": cacheHome], waitFor: nil)
    try tmux.waitFor("/ \(events)件", timeout: .seconds(120))
    // The cache is written on a thread of its own after the read: give it its time.
    if extra.isEmpty {
      try tmux.waitUntil("the cache written", timeout: .seconds(30)) { _ in
        !cacheFiles(cacheHome).isEmpty
      }
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func aSecondStartUsesTheCacheAndAnEditKeepingSizeAndTimeIsSeen() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-cache-e2e-\(UUID().uuidString)"
    let cacheHome = folder + ".cache"
    defer {
      try? FileManager.default.removeItem(atPath: folder)
      try? FileManager.default.removeItem(atPath: cacheHome)
    }
    let written = try spawnAndWait(
      binaryPath,
      ["shinchoku", "sample", "--out", folder, "--seed", "1", "--events", "\(Self.events)"])
    #expect(written.status == 0, "\(written.stderr)")
    try run(folder, events: Self.events, cacheHome: cacheHome)
    let files = cacheFiles(cacheHome)
    #expect(files.count == 1)
    let cacheFile = cacheHome + "/shinchoku/" + (files.first ?? "")
    var cached = stat()
    #expect(stat(cacheFile, &cached) == 0)
    // The second start reads it and leaves it as it was.
    try run(folder, events: Self.events, cacheHome: cacheHome)
    var after = stat()
    #expect(stat(cacheFile, &after) == 0)
    #expect(after.st_mtim.tv_sec == cached.st_mtim.tv_sec)
    #expect(after.st_mtim.tv_nsec == cached.st_mtim.tv_nsec)

    // An event's title made spaces, in place, and the times set back: the same size,
    // inode and modification time. Its row has no title now, so it is left out.
    let path = folder + "/events.csv"
    var before = stat()
    #expect(stat(path, &before) == 0)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    let header = String(decoding: lines[0], as: UTF8.self).split(separator: ",").map(String.init)
    let titleColumn = try #require(header.firstIndex { ["title", "名称"].contains($0) })
    // A row without quotes, so that its fields are where the commas say.
    let row = try #require(lines.dropFirst().first { !$0.isEmpty && !$0.contains(0x22) })
    let fields = row.split(separator: 0x2C, omittingEmptySubsequences: false)
    let title = fields[titleColumn]
    #expect(!title.isEmpty)
    for index in title.indices { bytes[index] = 0x20 }
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.write(Data(bytes))
    try handle.close()
    let times = [before.st_atim, before.st_mtim]
    #expect(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, path, $0.baseAddress, 0) } == 0)
    var edited = stat()
    #expect(stat(path, &edited) == 0)
    #expect(edited.st_size == before.st_size && edited.st_ino == before.st_ino)
    #expect(edited.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    try run(folder, events: Self.events - 1, cacheHome: cacheHome)

    // Without the cache: nothing written.
    let other = folder + ".no-cache"
    defer { try? FileManager.default.removeItem(atPath: other) }
    try run(folder, events: Self.events - 1, cacheHome: other, ["--no-cache"])
    #expect(cacheFiles(other).isEmpty)
  }
}
