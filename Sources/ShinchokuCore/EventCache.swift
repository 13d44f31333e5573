import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a whole read of events.csv made (the event store, the categories, the reports, where
/// the read ended), kept on disk so that the next start skips the parse: a million events load
/// from their columns in a few milliseconds where the parse takes a second.
///
/// One file per events.csv, under `$XDG_CACHE_HOME/shinchoku/` (else `~/.cache/shinchoku/`),
/// named by a hash of the file's absolute path. Its header holds what the events were read
/// from: the path, events.csv's size, modification time (ns), inode and a hash of all its bytes
/// (`ContentHash`), and a hash of what else the read depends on (events.yaml and
/// events.csv.encoding, the name the reports give the file, the size limit, the binary). A
/// start stats and hashes events.csv and loads the cache only when all agree: a file edited
/// within the same second, keeping its size and with its time set back, has another hash.
/// Anything else — no cache, another version, a truncated or corrupt file (the payload has its
/// own hash), an unwritable folder — reads events.csv as if there were no cache; nothing is
/// reported.
public final class EventCache: Sendable {
  /// The folder the cache files are in.
  public let directory: String
  /// Whether loads write the cache (on a thread of their own, after the read).
  public let writes: Bool
  private let queue = DispatchQueue(label: "shinchoku.event-cache")

  static let magic: [UInt8] = Array("SHNKEVC\n".utf8)
  /// Bumped whenever the payload's form changes; another version is not read.
  static let version: UInt32 = 1

  public init(directory: String, writes: Bool = true) {
    self.directory = directory
    self.writes = writes
  }

  /// The cache the environment asks for: nil (no cache) when `SHINCHOKU_NO_CACHE` is set to
  /// anything but `0` or empty, or when there is no absolute `$XDG_CACHE_HOME` nor `$HOME`.
  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment, writes: Bool = true
  ) -> EventCache? {
    if let off = environment["SHINCHOKU_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    let base: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      base = (home as NSString).appendingPathComponent(".cache")
    } else {
      return nil
    }
    return EventCache(
      directory: (base as NSString).appendingPathComponent("shinchoku"), writes: writes)
  }

  /// The cache file of the events.csv at `path`.
  public func file(for path: String) -> String {
    var absolute = Self.absolute(path)
    let hash = absolute.withUTF8 { ContentHash.hash(UnsafeRawBufferPointer($0)) }
    let name = String(hash, radix: 16)
    return (directory as NSString).appendingPathComponent(
      String(repeating: "0", count: 16 - name.count) + name + ".events")
  }

  static func absolute(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// Waits until the writes asked for so far are done (tests, and commands about to exit).
  public func waitForWrites() { queue.sync {} }

  // MARK: What a read depends on

  /// The identity of events.csv as the header keeps it.
  struct Source: Equatable {
    var size: Int64
    var modifiedSeconds: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64

    init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
      self.size = size
      self.modifiedSeconds = modifiedSeconds
      self.modifiedNanoseconds = modifiedNanoseconds
      self.inode = inode
    }

    init?(descriptor: Int32) {
      var info = stat()
      guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
      size = Int64(info.st_size)
      modifiedSeconds = Int64(info.st_mtim.tv_sec)
      modifiedNanoseconds = Int64(info.st_mtim.tv_nsec)
      inode = UInt64(info.st_ino)
    }

    init(_ stamp: FileStamp) {
      size = stamp.size
      modifiedSeconds = Int64(stamp.modified.seconds)
      modifiedNanoseconds = Int64(stamp.modified.nanoseconds)
      inode = stamp.inode
    }
  }

  /// A hash of what the read depends on besides events.csv's bytes.
  static func context(of url: URL, displayName: String, sizeLimit: Int) -> UInt64 {
    var encoder = CacheEncoder()
    encoder.string(displayName)
    encoder.int(sizeLimit)
    let folder = url.deletingLastPathComponent()
    for name in ["events.yaml", url.lastPathComponent + ".encoding"] {
      let path = folder.appendingPathComponent(name).path
      let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
      if descriptor >= 0, let hash = ContentHash.hash(descriptor: descriptor) {
        encoder.int(1)
        encoder.uint64(hash)
      } else {
        encoder.int(0)
      }
      if descriptor >= 0 { close(descriptor) }
    }
    // A rebuilt binary may read the same bytes otherwise.
    var binary = stat()
    if stat("/proc/self/exe", &binary) == 0 {
      encoder.int(Int(binary.st_size))
      encoder.int(Int(binary.st_mtim.tv_sec))
      encoder.int(Int(binary.st_mtim.tv_nsec))
    }
    return encoder.buffer.withUnsafeBytes { ContentHash.hash($0) }
  }

  // MARK: Reading

  /// The events kept for events.csv at `url`, when the cache holds them for exactly its bytes
  /// and the same context; nil otherwise.
  func load(_ url: URL, displayName: String, sizeLimit: Int) -> CachedEvents? {
    let path = url.path
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    guard let source = Source(descriptor: descriptor), source.size <= Int64(sizeLimit) else {
      return nil
    }
    let cacheDescriptor = open(file(for: path), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard cacheDescriptor >= 0 else { return nil }
    defer { close(cacheDescriptor) }
    var info = stat()
    guard fstat(cacheDescriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      let header = Header.read(cacheDescriptor, size: Int(info.st_size)),
      Int(info.st_size) == header.length + header.payloadSize, header.path == Self.absolute(path),
      header.source == source,
      header.context == Self.context(of: url, displayName: displayName, sizeLimit: sizeLimit)
    else { return nil }
    // events.csv is hashed on a second core while this one reads the payload; both must agree.
    let hashing = BackgroundJob<UInt64?>(nil) { $0 = ContentHash.hash(descriptor: descriptor) }
    let decoded = Self.readAll(cacheDescriptor, count: header.payloadSize).flatMap { payload in
      payload.withUnsafeBytes { raw -> CachedEvents? in
        guard ContentHash.hash(raw) == header.payloadHash else { return nil }
        var decoder = CacheDecoder(raw)
        guard let events = try? CachedEvents(from: &decoder), decoder.isAtEnd else { return nil }
        return events
      }
    }
    // (Waited for even when the payload is unusable: the descriptor is closed after.)
    guard hashing.wait() == header.contentHash else { return nil }
    return decoded
  }

  /// `count` bytes from where the descriptor is, in big reads straight into the array.
  static func readAll(_ descriptor: Int32, count: Int) -> [UInt8]? {
    guard count >= 0 else { return nil }
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var got = 0
      while got < count {
        let step = read(descriptor, buffer.baseAddress! + got, min(count - got, 16 << 20))
        if step < 0, errno == EINTR { continue }
        guard step > 0 else { break }
        got += step
      }
      if got < count {
        complete = false
        buffer.baseAddress!.update(repeating: 0, count: count)
      }
      initialized = count
    }
    return complete ? bytes : nil
  }

  struct Header {
    var length = 0
    var path: String
    var source: Source
    var contentHash: UInt64
    var context: UInt64
    var payloadSize: Int
    var payloadHash: UInt64

    func encoded() -> [UInt8] {
      var body = CacheEncoder()
      body.string(path)
      body.int(Int(source.size))
      body.int(Int(source.modifiedSeconds))
      body.int(Int(source.modifiedNanoseconds))
      body.uint64(source.inode)
      body.uint64(contentHash)
      body.uint64(context)
      body.int(payloadSize)
      body.uint64(payloadHash)
      var encoder = CacheEncoder()
      encoder.buffer = EventCache.magic
      encoder.uint32(EventCache.version)
      encoder.bytes(body.buffer)
      return encoder.buffer
    }

    /// The header at the start of the descriptor, which is left at the payload; nil when it
    /// is not one of this version's or the file is shorter than the header says.
    static func read(_ descriptor: Int32, size: Int) -> Header? {
      let fixed = EventCache.magic.count + 4 + 8
      guard size >= fixed, let start = EventCache.readAll(descriptor, count: fixed),
        Array(start.prefix(EventCache.magic.count)) == EventCache.magic
      else { return nil }
      return start.withUnsafeBytes { raw -> Header? in
        var decoder = CacheDecoder(raw)
        decoder.offset = EventCache.magic.count
        guard (try? decoder.uint32()) == EventCache.version, let length = try? decoder.int(),
          length > 0, length < 1 << 20, fixed + length <= size,
          let body = EventCache.readAll(descriptor, count: length)
        else { return nil }
        return body.withUnsafeBytes { raw -> Header? in
          var decoder = CacheDecoder(raw)
          guard let path = try? decoder.string(), let size = try? decoder.int(),
            let seconds = try? decoder.int(), let nanoseconds = try? decoder.int(),
            let inode = try? decoder.uint64(), let content = try? decoder.uint64(),
            let context = try? decoder.uint64(), let payloadSize = try? decoder.int(),
            let payloadHash = try? decoder.uint64(), decoder.isAtEnd
          else { return nil }
          return Header(
            length: fixed + length, path: path,
            source: Source(
              size: Int64(size), modifiedSeconds: Int64(seconds),
              modifiedNanoseconds: Int64(nanoseconds), inode: inode), contentHash: content,
            context: context,
            payloadSize: payloadSize, payloadHash: payloadHash)
        }
      }
    }
  }

  // MARK: Writing

  /// Writes `events`, read from events.csv at `url` as `stamp` found it before the read, on the
  /// cache's own thread: the file is hashed there, and nothing is written unless it still has
  /// that stamp (its change time included) before and after, so the hash is of the bytes read.
  func save(
    _ events: CachedEvents, of url: URL, stamp: FileStamp, displayName: String, sizeLimit: Int
  ) {
    guard writes else { return }
    let directory = directory
    let target = file(for: url.path)
    queue.async {
      Self.write(
        events, of: url, stamp: stamp, displayName: displayName, sizeLimit: sizeLimit,
        directory: directory, target: target)
    }
  }

  private static func write(
    _ events: CachedEvents, of url: URL, stamp: FileStamp, displayName: String, sizeLimit: Int,
    directory: String, target: String
  ) {
    guard stamp.exists, stamp.isRegularFile,
      (try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])) != nil
    else { return }
    let path = url.path
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    guard FileStamp(path: path) == stamp, let content = ContentHash.hash(descriptor: descriptor),
      FileStamp(path: path) == stamp
    else { return }
    var payload = CacheEncoder()
    events.encode(to: &payload)
    let header = Header(
      path: absolute(path), source: Source(stamp), contentHash: content,
      context: context(of: url, displayName: displayName, sizeLimit: sizeLimit),
      payloadSize: payload.buffer.count,
      payloadHash: payload.buffer.withUnsafeBytes { ContentHash.hash($0) })
    // A write cut short (the process killed) leaves its temporary file: gone after an hour.
    let name = (target as NSString).lastPathComponent
    for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    where file.hasPrefix(name + ".") && file.hasSuffix(".tmp") {
      let path = (directory as NSString).appendingPathComponent(file)
      var info = stat()
      if stat(path, &info) == 0, time(nil) - info.st_mtim.tv_sec > 3600 { unlink(path) }
    }
    // Beside the target, then renamed over it: a reader sees the old file or the new one.
    let temporary = target + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    let out = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard out >= 0 else { return }
    func writeAll(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBytes { raw in
        var done = 0
        while done < raw.count {
          let step = Glibc.write(out, raw.baseAddress! + done, min(raw.count - done, 16 << 20))
          if step < 0, errno == EINTR { continue }
          guard step > 0 else { return false }
          done += step
        }
        return true
      }
    }
    let written = writeAll(header.encoded()) && writeAll(payload.buffer)
    close(out)
    if !written || rename(temporary, target) != 0 { unlink(temporary) }
  }

  /// Removes the cache file of the events.csv at `path` (nothing when there is none).
  public func remove(for path: String) { unlink(file(for: path)) }
}

/// The part of a reader that a whole read of events.csv made.
struct CachedEvents: Sendable {
  var events: EventStore
  var categories: [EventCategory]
  /// The source the rows cite (`file:events.csv`), when the header was read.
  var source: DataSource?
  var diagnostics: [Diagnostic]
  var end: CSVReadEnd?
  var header: [Int]?

  init(_ reader: DatasetReader, fileName: String) {
    events = reader.events
    categories = reader.categories.list
    source = reader.sources["file:" + fileName]
    diagnostics = reader.sink.items
    end = reader.eventsCSVEnd?.end
    header = reader.eventsCSVEnd?.header
  }

  /// The reader `fresh` (of the other files) would be after reading events.csv.
  func reader(from fresh: DatasetReader) -> DatasetReader {
    var reader = fresh
    reader.events = events
    var table = CategoryTable()
    for category in categories { _ = table.append(category) }
    reader.categories = table
    if let source, reader.sources[source.id] == nil { reader.sources[source.id] = source }
    reader.sink.append(diagnostics)
    reader.eventsCSVEnd = end.flatMap { end in header.map { (end, $0) } }
    reader.eventsCSVRead = .cached
    return reader
  }

  func encode(to encoder: inout CacheEncoder) {
    events.encode(to: &encoder)
    encoder.int(categories.count)
    for category in categories {
      encoder.string(category.id)
      encoder.string(category.name.japanese)
      encoder.optional(category.name.english) { $1.string($0) }
    }
    encoder.optional(source) { source, encoder in
      encoder.string(source.id)
      encoder.string(source.title)
      encoder.optional(source.detail) { $1.string($0) }
      encoder.int(source.isSynthetic ? 1 : 0)
    }
    encoder.int(diagnostics.count)
    for item in diagnostics {
      encoder.string(item.severity.rawValue)
      encoder.string(item.location.file)
      encoder.optional(item.location.line) { $1.int($0) }
      encoder.optional(item.location.column) { $1.int($0) }
      encoder.string(item.message)
      encoder.optional(item.hint) { $1.string($0) }
      encoder.optional(item.japanese) { $1.string($0) }
      encoder.optional(item.japaneseHint) { $1.string($0) }
    }
    encoder.optional(end) { end, encoder in
      encoder.int(end.size)
      encoder.int(end.nextLine)
      encoder.int(end.endsWithNewline ? 1 : 0)
      encoder.bytes(end.firstBlock)
      encoder.bytes(end.lastBlock)
      encoder.int(end.identity.count)
      for part in end.identity { encoder.uint64(part) }
    }
    encoder.optional(header) { header, encoder in
      encoder.int(header.count)
      for place in header { encoder.int(place) }
    }
  }

  init(from decoder: inout CacheDecoder) throws(CacheFormatError) {
    events = try EventStore(from: &decoder)
    categories = try (0..<decoder.count()).map { _ throws(CacheFormatError) in
      EventCategory(
        id: try decoder.string(),
        name: LocalizedText(
          try decoder.string(),
          english: try decoder.optional { d throws(CacheFormatError) in try d.string() }))
    }
    source = try decoder.optional { d throws(CacheFormatError) in
      DataSource(
        id: try d.string(), title: try d.string(),
        detail: try d.optional { d throws(CacheFormatError) in try d.string() },
        isSynthetic: try d.int() != 0)
    }
    diagnostics = try (0..<decoder.count()).map { _ throws(CacheFormatError) in
      guard let severity = Diagnostic.Severity(rawValue: try decoder.string()) else {
        throw CacheFormatError()
      }
      let location = SourceLocation(
        file: try decoder.string(),
        line: try decoder.optional { d throws(CacheFormatError) in try d.int() },
        column: try decoder.optional { d throws(CacheFormatError) in try d.int() })
      let message = try decoder.string()
      let hint = try decoder.optional { d throws(CacheFormatError) in try d.string() }
      let japanese = try decoder.optional { d throws(CacheFormatError) in try d.string() }
      let japaneseHint = try decoder.optional { d throws(CacheFormatError) in try d.string() }
      return Diagnostic(
        severity, location, message, ja: japanese, hint: hint, jaHint: japaneseHint)
    }
    end = try decoder.optional { d throws(CacheFormatError) in
      let size = try d.int()
      let nextLine = try d.int()
      let endsWithNewline = try d.int() != 0
      let first = try d.bytes()
      let last = try d.bytes()
      let identity = try (0..<d.count()).map { _ throws(CacheFormatError) in try d.uint64() }
      return CSVReadEnd(
        size: size, nextLine: nextLine, endsWithNewline: endsWithNewline, firstBlock: first,
        lastBlock: last, identity: identity)
    }
    header = try decoder.optional { d throws(CacheFormatError) in
      try (0..<d.count()).map { _ throws(CacheFormatError) in try d.int() }
    }
  }
}

/// A cache file that is not what it should be.
struct CacheFormatError: Error {}

/// Little-endian numbers, length-prefixed strings and byte arrays.
struct CacheEncoder {
  var buffer: [UInt8] = []

  mutating func uint32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
  }
  mutating func uint64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
  }
  mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }
  mutating func bytes(_ bytes: [UInt8]) {
    int(bytes.count)
    buffer.append(contentsOf: bytes)
  }
  mutating func uint32s(_ values: [UInt32]) {
    int(values.count)
    values.withUnsafeBytes { raw in
      #if _endian(little)
        buffer.append(contentsOf: raw)
      #else
        for value in values { uint32(value) }
      #endif
    }
  }
  mutating func string(_ text: String) { bytes(Array(text.utf8)) }
  mutating func optional<T>(_ value: T?, _ body: (T, inout CacheEncoder) -> Void) {
    guard let value else { return int(0) }
    int(1)
    body(value, &self)
  }
}

/// Reads what `CacheEncoder` wrote; any read past the end, or a count that cannot be, throws.
struct CacheDecoder {
  let raw: UnsafeRawBufferPointer
  var offset = 0

  init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

  var isAtEnd: Bool { offset == raw.count }

  private mutating func take(_ count: Int) throws(CacheFormatError) -> Int {
    guard count >= 0, count <= raw.count - offset else { throw CacheFormatError() }
    defer { offset += count }
    return offset
  }

  mutating func uint32() throws(CacheFormatError) -> UInt32 {
    UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
  }
  mutating func uint64() throws(CacheFormatError) -> UInt64 {
    UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
  }
  mutating func int() throws(CacheFormatError) -> Int {
    let value = Int64(bitPattern: try uint64())
    guard let fits = Int(exactly: value) else { throw CacheFormatError() }
    return fits
  }
  /// A count of things still to read (each at least a byte).
  mutating func count() throws(CacheFormatError) -> Int {
    let count = try int()
    guard count >= 0, count <= raw.count - offset else { throw CacheFormatError() }
    return count
  }
  mutating func bytes() throws(CacheFormatError) -> [UInt8] {
    let start = try take(try count())
    return [UInt8](UnsafeRawBufferPointer(rebasing: raw[start..<offset]))
  }
  mutating func uint32s() throws(CacheFormatError) -> [UInt32] {
    let count = try int()
    guard count >= 0, count <= (raw.count - offset) / 4 else { throw CacheFormatError() }
    let start = try take(count * 4)
    return [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
      for index in 0..<count {
        buffer[index] = UInt32(
          littleEndian: raw.loadUnaligned(fromByteOffset: start + index * 4, as: UInt32.self))
      }
      initialized = count
    }
  }
  mutating func string() throws(CacheFormatError) -> String {
    let start = try take(try count())
    return String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<offset]), as: UTF8.self)
  }
  mutating func optional<T>(
    _ body: (inout CacheDecoder) throws(CacheFormatError) -> T
  ) throws(CacheFormatError) -> T? {
    switch try int() {
    case 0: return nil
    case 1: return try body(&self)
    default: throw CacheFormatError()
    }
  }
}

/// A fast hash of a file's bytes, 32 at a time in four independent 64-bit lanes (the rounds
/// of xxHash64), for telling whether a file is byte for byte the one read before. Not a
/// defence against a file made to collide on purpose; a local data file does not need one.
enum ContentHash {
  private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
  private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
  private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63

  struct State {
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      ContentHash.prime1 &+ ContentHash.prime2, ContentHash.prime2, 0, 0 &- ContentHash.prime1
    )
    var length: UInt64 = 0

    @inline(__always) static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
      let mixed = lane &+ word &* ContentHash.prime2
      return ((mixed << 31) | (mixed >> 33)) &* ContentHash.prime1
    }

    /// Takes the whole 32-byte stripes of `raw`; answers how many bytes it took.
    mutating func stripes(_ raw: UnsafeRawBufferPointer) -> Int {
      let whole = raw.count / 32 * 32
      guard whole > 0, let base = raw.baseAddress else { return 0 }
      var (a, b, c, d) = lanes
      var offset = 0
      while offset < whole {
        a = Self.round(
          a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        b = Self.round(
          b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)))
        c = Self.round(
          c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)))
        d = Self.round(
          d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)))
        offset += 32
      }
      lanes = (a, b, c, d)
      length &+= UInt64(whole)
      return whole
    }

    /// The hash, with `tail` (fewer than 32 bytes) as the last bytes.
    func finish(_ tail: UnsafeRawBufferPointer) -> UInt64 {
      var hash =
        lanes.0 ^ (lanes.1 << 7 | lanes.1 >> 57) ^ (lanes.2 << 12 | lanes.2 >> 52)
        ^ (lanes.3 << 18 | lanes.3 >> 46)
      hash = (hash ^ (length &+ UInt64(tail.count))) &* ContentHash.prime4
      var offset = 0
      while offset + 8 <= tail.count {
        hash = Self.round(
          hash, UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
        offset += 8
      }
      while offset < tail.count {
        hash = (hash ^ UInt64(tail[offset]) &* ContentHash.prime3) &* ContentHash.prime1
        hash = hash << 11 | hash >> 53
        offset += 1
      }
      hash ^= hash >> 33
      hash = hash &* ContentHash.prime2
      hash ^= hash >> 29
      hash = hash &* ContentHash.prime3
      return hash ^ (hash >> 32)
    }
  }

  static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
    var state = State()
    let taken = state.stripes(raw)
    return state.finish(UnsafeRawBufferPointer(rebasing: raw[taken...]))
  }

  /// The hash of everything from the descriptor's start, read 4 MiB at a time (a 110 MB file
  /// is never resident); nil when it cannot be read.
  static func hash(descriptor: Int32, chunkSize: Int = 4 << 20) -> UInt64? {
    let size = max(chunkSize, 32)
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
    defer { buffer.deallocate() }
    var state = State()
    var pending = 0
    var offset: off_t = 0
    while true {
      let step = pread(descriptor, buffer + pending, min(size - pending, chunkSize), offset)
      if step < 0, errno == EINTR { continue }
      guard step >= 0 else { return nil }
      if step == 0 { break }
      offset += off_t(step)
      let filled = pending + step
      let taken = state.stripes(UnsafeRawBufferPointer(start: buffer, count: filled))
      pending = filled - taken
      if pending > 0 { (buffer).copyMemory(from: buffer + taken, byteCount: pending) }
    }
    return state.finish(UnsafeRawBufferPointer(start: buffer, count: pending))
  }
}
