import Foundation
import Testing

@testable import ShinchokuCore

#if canImport(Glibc)
  import Glibc
#endif

/// The events cache on disk (EventCache.swift): a second start takes events.csv's events from
/// it and gets what a read gets; any change to the file, even one keeping its size and its
/// time, and any cache that is not whole and of this version, gives a read of the file, with
/// nothing said.
@Suite struct EventCacheTests {
  /// Rows with every kind of cell the reader makes something of, and some it warns about: a
  /// row without a title, an unreadable date, an audience it cannot tell, a new category.
  static func rows(_ range: Range<Int>) -> String {
    range.map { n in
      let date = n % 97 == 0 ? "そのうち" : "2012-08-\(1 + n % 28)"
      let title = n % 211 == 0 ? "" : "催し\(n % 50)"
      let audience = ["子ども", "親子", "どなたでも", "犬", ""][n % 5]
      let fee = ["無料", "300円", "一般300円、小・中学生150円", ""][n % 4]
      let category = ["", "スポーツ", "新しい分類\(n % 3)"][n % 3]
      return "e\(n),\(date),\(n % 2 == 0 ? "9:30" : ""),\(title),会場\(n % 7),\(audience),\(fee),"
        + "\(category),\(n % 10 == 0 ? "備考\(n)" : "")\n"
    }.joined()
  }

  static let header = "id,date,start,title,venue,audience,fee,category,notes\n"

  /// A data folder with events.csv, and a cache folder of its own; both removed by `clean`.
  struct Setup {
    let folder: String
    let cacheFolder: String
    var csv: String { folder + "/events.csv" }
    let cache: EventCache

    init(_ text: String = EventCacheTests.header + EventCacheTests.rows(0..<3000)) throws {
      folder = try dataFolder(replacing: ["events.csv": text])
      cacheFolder = NSTemporaryDirectory() + "shinchoku-cache-test-\(UUID().uuidString)"
      cache = EventCache(directory: cacheFolder)
    }

    /// A loader as a new process has it: no events kept in memory.
    func loader(_ cache: EventCache? = nil) -> DatasetLoader {
      var loader = DatasetLoader()
      loader.eventCache = cache ?? self.cache
      return loader
    }

    /// Loads as a new process would, and waits for the cache to be written.
    func start(_ cache: EventCache? = nil) throws -> (Dataset, EventsCSVRead?) {
      let loader = loader(cache)
      let data = try loader.load(directory: folder)
      (cache ?? self.cache).waitForWrites()
      return (data, loader.eventsCache.lastRead)
    }

    func clean() {
      try? FileManager.default.removeItem(atPath: folder)
      try? FileManager.default.removeItem(atPath: cacheFolder)
    }
  }

  /// The data a read of the folder without any cache gives.
  func uncached(_ folder: String) throws -> Dataset { try DatasetLoader().load(directory: folder) }

  /// Both loads give the same data: events field by field, categories, sources, warnings.
  func expectSame(_ one: Dataset, _ other: Dataset) {
    let sameEvents =
      one.events.count == other.events.count && one.events.elementsEqual(other.events)
    #expect(sameEvents)
    #expect(one.categories == other.categories)
    #expect(one.sources == other.sources)
    // Apart from the expectation too: a difference would print thousands of warnings.
    let sameWarnings = one.warnings == other.warnings
    #expect(sameWarnings, "\(one.warnings.count) warnings against \(other.warnings.count)")
  }

  @Test func aSecondStartTakesTheEventsFromTheCacheAndGetsWhatAReadGets() throws {
    let setup = try Setup()
    defer { setup.clean() }
    let (first, firstRead) = try setup.start()
    #expect(firstRead == .whole)
    #expect(FileManager.default.fileExists(atPath: setup.cache.file(for: setup.csv)))
    #expect(first.warnings.count > 10)
    let (second, secondRead) = try setup.start()
    #expect(secondRead == .cached)
    expectSame(second, first)
    expectSame(second, try uncached(setup.folder))
    // Found by id, as the store's id table answers.
    #expect(second.events.position(ofID: "e2999") == first.events.position(ofID: "e2999"))
  }

  @Test func anAppendAfterACachedStartIsReadAloneAndTheCacheIsUpdated() throws {
    let setup = try Setup()
    defer { setup.clean() }
    _ = try setup.start()
    let loader = setup.loader()
    _ = try loader.load(directory: setup.folder)
    #expect(loader.eventsCache.lastRead == .cached)
    let tail = Self.rows(3000..<3003)
    let handle = try #require(FileHandle(forWritingAtPath: setup.csv))
    handle.seekToEndOfFile()
    handle.write(Data(tail.utf8))
    try handle.close()
    let appended = try loader.load(directory: setup.folder)
    // The cache kept where the read ended: the reload read the new rows only.
    #expect(loader.eventsCache.lastRead == .appended(bytes: tail.utf8.count))
    expectSame(appended, try uncached(setup.folder))
    setup.cache.waitForWrites()
    let (next, read) = try setup.start()
    #expect(read == .cached)
    #expect(next.events.contains(id: "e3002"))
    expectSame(next, appended)
  }

  @Test func anEditWithinTheSameSecondKeepingSizeAndTimeShowsTheFreshData() throws {
    let text = Self.header + Self.rows(0..<3000)
    let setup = try Setup(text)
    defer { setup.clean() }
    _ = try setup.start()
    var before = stat()
    #expect(stat(setup.csv, &before) == 0)
    // One byte in the middle, rewritten in place; its times set back to the nanosecond.
    let old = "催し17,"
    let new = "催シ17,"
    let changed = text.replacingOccurrences(of: old, with: new)
    #expect(changed != text && changed.utf8.count == text.utf8.count)
    let handle = try #require(FileHandle(forWritingAtPath: setup.csv))
    handle.write(Data(changed.utf8))
    try handle.close()
    let times = [before.st_atim, before.st_mtim]
    #expect(
      times.withUnsafeBufferPointer { utimensat(AT_FDCWD, setup.csv, $0.baseAddress, 0) } == 0)
    var after = stat()
    #expect(stat(setup.csv, &after) == 0)
    #expect(after.st_size == before.st_size && after.st_ino == before.st_ino)
    #expect(
      after.st_mtim.tv_sec == before.st_mtim.tv_sec
        && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
    let (fresh, read) = try setup.start()
    #expect(read == .whole)
    #expect(fresh.events.contains { $0.title == "催シ17" })
    #expect(!fresh.events.contains { $0.title == "催し17" })
    expectSame(fresh, try uncached(setup.folder))
    // The read wrote the cache again, for the new bytes.
    let (again, againRead) = try setup.start()
    #expect(againRead == .cached)
    expectSame(again, fresh)
  }

  /// What is done to the cache file, each leaving one that must not be used.
  static let damages: [(name: String, damage: @Sendable (inout [UInt8]) -> Void)] = [
    ("a byte of the payload changed", { $0[$0.count / 2] ^= 0x40 }),
    ("the last byte changed", { $0[$0.count - 1] ^= 0x01 }),
    ("a byte of the header's hash changed", { $0[$0.count > 200 ? 120 : 20] ^= 0x01 }),
    ("cut in half", { $0.removeLast($0.count / 2) }),
    ("cut by one byte", { $0.removeLast() }),
    ("cut to 10 bytes", { $0.removeLast($0.count - 10) }),
    ("empty", { $0 = [] }),
    ("a byte added", { $0.append(0) }),
    ("another version", { $0[EventCache.magic.count] &+= 1 }),
    ("not a cache file", { $0 = Array("id,date,title\n".utf8) }),
  ]

  @Test(arguments: 0..<damages.count)
  func aDamagedOrOtherVersionCacheIsReadPastSilently(_ which: Int) throws {
    let setup = try Setup()
    defer { setup.clean() }
    let (first, _) = try setup.start()
    let file = setup.cache.file(for: setup.csv)
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    Self.damages[which].damage(&bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    let (data, read) = try setup.start()
    #expect(read == .whole, "\(Self.damages[which].name)")
    expectSame(data, first)
    // The read put a whole cache back.
    #expect(try setup.start().1 == .cached, "\(Self.damages[which].name)")
  }

  @Test func aWriteCutShortLeavesNoTemporaryFileBehindForLong() throws {
    let setup = try Setup()
    defer { setup.clean() }
    try FileManager.default.createDirectory(
      atPath: setup.cacheFolder, withIntermediateDirectories: true)
    let target = setup.cache.file(for: setup.csv)
    let old = target + ".1.2.tmp"
    let recent = target + ".3.4.tmp"
    for path in [old, recent] { try Data("cut".utf8).write(to: URL(fileURLWithPath: path)) }
    let hoursAgo = timespec(tv_sec: time(nil) - 7200, tv_nsec: 0)
    let times = [hoursAgo, hoursAgo]
    #expect(times.withUnsafeBufferPointer { utimensat(AT_FDCWD, old, $0.baseAddress, 0) } == 0)
    #expect(try setup.start().1 == .whole)
    #expect(!FileManager.default.fileExists(atPath: old))
    // One that may still be being written is left alone.
    #expect(FileManager.default.fileExists(atPath: recent))
    #expect(try setup.start().1 == .cached)
  }

  @Test func aCacheFolderThatCannotBeWrittenIsNoError() throws {
    let setup = try Setup()
    defer { setup.clean() }
    // A file where the folder would be: it cannot be made (even by root, as CI runs).
    try Data("x".utf8).write(to: URL(fileURLWithPath: setup.cacheFolder))
    let (first, read) = try setup.start()
    #expect(read == .whole)
    let (second, secondRead) = try setup.start()
    #expect(secondRead == .whole)
    expectSame(first, second)
    expectSame(second, try uncached(setup.folder))
    // A folder without write permission (root may write anyway: then the cache just works).
    try FileManager.default.removeItem(atPath: setup.cacheFolder)
    try FileManager.default.createDirectory(
      atPath: setup.cacheFolder, withIntermediateDirectories: false,
      attributes: [.posixPermissions: 0o500])
    defer { chmod(setup.cacheFolder, 0o700) }
    let (third, thirdRead) = try setup.start()
    #expect(thirdRead == .whole)
    expectSame(third, first)
    #expect(try setup.start().1 == (getuid() == 0 ? .cached : .whole))
  }

  @Test func whatElseTheReadDependsOnIsPartOfTheKey() throws {
    let setup = try Setup()
    defer { setup.clean() }
    _ = try setup.start()
    // Another events.yaml (a category the CSV's rows then name) is read again.
    let yaml = setup.folder + "/events.yaml"
    let original = try String(contentsOfFile: yaml, encoding: .utf8)
    try Data((original + "\n").utf8).write(to: URL(fileURLWithPath: yaml))
    #expect(try setup.start().1 == .whole)
    #expect(try setup.start().1 == .cached)
    // A lower size limit than the file: the error, not the cached events.
    var limited = setup.loader()
    limited.eventsCSVSizeLimit = 1000
    #expect(throws: DataLoadError.self) { try limited.load(directory: setup.folder) }
    // A copy of the folder elsewhere has a cache file of its own.
    let copy = try dataFolder(replacing: [
      "events.csv": try String(contentsOfFile: setup.csv, encoding: .utf8),
      "events.yaml": original + "\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: copy) }
    #expect(setup.cache.file(for: copy + "/events.csv") != setup.cache.file(for: setup.csv))
    let loader = setup.loader()
    let copied = try loader.load(directory: copy)
    #expect(loader.eventsCache.lastRead == .whole)
    // Its reports name its own folder.
    #expect(copied.warnings.contains { $0.location.file.hasPrefix(copy) })
  }

  @Test func withoutACacheNothingIsWrittenAndTheEnvironmentChoosesTheFolder() throws {
    let setup = try Setup()
    defer { setup.clean() }
    let loader = DatasetLoader()
    #expect(loader.eventCache == nil)
    _ = try loader.load(directory: setup.folder)
    let reading = EventCache(directory: setup.cacheFolder, writes: false)
    #expect(try setup.start(reading).1 == .whole)
    #expect(!FileManager.default.fileExists(atPath: setup.cacheFolder))

    #expect(
      EventCache.standard(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.directory
        == "/c/shinchoku")
    #expect(
      EventCache.standard(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])?.directory
        == "/h/.cache/shinchoku")
    #expect(EventCache.standard(environment: ["HOME": "/h"])?.directory == "/h/.cache/shinchoku")
    #expect(EventCache.standard(environment: [:]) == nil)
    #expect(EventCache.standard(environment: ["HOME": "/h", "SHINCHOKU_NO_CACHE": "1"]) == nil)
    #expect(EventCache.standard(environment: ["HOME": "/h", "SHINCHOKU_NO_CACHE": "0"]) != nil)
  }

  @Test func theFileHashReadInAnyChunksIsTheHashOfTheBytesAndSeesEveryByte() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let path = NSTemporaryDirectory() + "shinchoku-hash-\(UUID().uuidString)"
    defer { unlink(path) }
    for length in [0, 1, 7, 31, 32, 33, 64, 999, 1000] {
      let part = Array(bytes.prefix(length))
      try Data(part).write(to: URL(fileURLWithPath: path))
      let descriptor = open(path, O_RDONLY)
      defer { close(descriptor) }
      let whole = part.withUnsafeBytes { ContentHash.hash($0) }
      for chunk in [1, 5, 32, 33, 100, 4 << 20] {
        #expect(ContentHash.hash(descriptor: descriptor, chunkSize: chunk) == whole)
      }
    }
    // Every single byte changed, and every length, gives another hash.
    var seen = Set<UInt64>()
    for position in 0..<bytes.count {
      var changed = bytes
      changed[position] ^= 0x01
      seen.insert(changed.withUnsafeBytes { ContentHash.hash($0) })
    }
    for length in 0...bytes.count {
      seen.insert(
        bytes.withUnsafeBytes { ContentHash.hash(UnsafeRawBufferPointer(rebasing: $0[..<length])) })
    }
    #expect(seen.count == 2 * bytes.count + 1)
  }
}
