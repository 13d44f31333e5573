import Foundation
import JapaneseCalendar

#if canImport(Glibc)
  import Glibc
#endif

/// One recorded status change: who moved which programme from what to what, in which snapshot.
public struct StatusChange: Hashable, Sendable {
  /// When it was recorded (UTC, ISO 8601).
  public var when: String
  public var by: String?
  public var programmeID: String
  public var snapshot: CivilDate
  /// The status before (nil: the programme had no record in that snapshot).
  public var old: String?
  public var new: String
  public var note: String?

  public init(
    when: String, by: String?, programmeID: String, snapshot: CivilDate, old: String?, new: String,
    note: String?
  ) {
    self.when = when
    self.by = by
    self.programmeID = programmeID
    self.snapshot = snapshot
    self.old = old
    self.new = new
    self.note = note
  }

  /// The record as one line of JSON with sorted keys, its checksum last, ending in a newline:
  /// `{…,"when":"…","crc32":"1a2b3c4d"}`. The checksum is the CRC-32 of the line's bytes
  /// without the `,"crc32":"…"` member.
  var line: String {
    var object: [String: Any] = [
      "when": when, "programme": programmeID, "snapshot": snapshot.iso, "new": new,
      "old": old ?? NSNull(), "by": by ?? NSNull(), "note": note ?? NSNull(),
    ]
    object = object.filter { !($0.value is NSNull) || $0.key == "old" }
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    let body = Array(data)
    let sum = String(ChangeLog.crc32(body), radix: 16)
    let padded = String(repeating: "0", count: 8 - sum.count) + sum
    return String(decoding: body.dropLast(), as: UTF8.self) + ",\"crc32\":\"\(padded)\"}\n"
  }

  init?(json: [UInt8]) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any],
      let when = object["when"] as? String, let programme = object["programme"] as? String,
      let snapshotText = object["snapshot"] as? String, let snapshot = CivilDate(iso: snapshotText),
      let new = object["new"] as? String
    else { return nil }
    self.init(
      when: when, by: object["by"] as? String, programmeID: programme, snapshot: snapshot,
      old: object["old"] as? String, new: new, note: object["note"] as? String)
  }
}

/// The system calls that put a record on disk, behind a protocol so that a test can make them
/// fail as a full disk does. Both return what the system call returns, with `errno` set.
public protocol ChangeLogIO: Sendable {
  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
  func fsync(_ fd: Int32) -> Int32
}

/// The real system calls.
public struct SystemChangeLogIO: ChangeLogIO {
  public init() {}
  public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    Glibc.write(fd, bytes.baseAddress, bytes.count)
  }
  public func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
}

/// `changes.log` in the data folder: status changes appended one whole record at a time, never
/// rewriting anyone's files. The loader applies them on top of the programme records.
public enum ChangeLog {
  public static let fileName = "changes.log"
  /// How long `append` waits for another writer's lock before it gives up.
  public static let defaultLockTimeout: Duration = .seconds(10)

  /// What is wrong with one line of the log, if anything.
  enum LineProblem: Error, Equatable {
    case invalidUTF8(column: Int)
    case checksumMismatch
    case notARecord
  }

  /// Parses one line (without its newline). A line that ends in a `crc32` member must match its
  /// checksum; a line without one (written before checksums were) is read as it is.
  static func parse(_ line: ArraySlice<UInt8>) -> Result<StatusChange, LineProblem> {
    if let offset = CSVReader.firstInvalidUTF8(line) {
      let before = line.prefix(offset)
      return .failure(
        .invalidUTF8(column: String(decoding: before, as: UTF8.self).unicodeScalars.count + 1))
    }
    let bytes = Array(line)
    let suffixLength = 20  // ,"crc32":"xxxxxxxx"}
    let prefix = Array(",\"crc32\":\"".utf8)
    var json = bytes
    if bytes.count > suffixLength,
      Array(bytes[(bytes.count - suffixLength)..<(bytes.count - suffixLength + prefix.count)])
        == prefix, bytes.last == UInt8(ascii: "}"),
      bytes[bytes.count - 2] == UInt8(ascii: "\"")
    {
      let hex = String(decoding: bytes[(bytes.count - 10)..<(bytes.count - 2)], as: UTF8.self)
      json = Array(bytes[..<(bytes.count - suffixLength)]) + [UInt8(ascii: "}")]
      guard let sum = UInt32(hex, radix: 16), sum == crc32(json) else {
        return .failure(.checksumMismatch)
      }
    } else if String(decoding: bytes, as: UTF8.self).contains("\"crc32\"") {
      return .failure(.checksumMismatch)
    }
    guard let change = StatusChange(json: json) else { return .failure(.notARecord) }
    return .success(change)
  }

  /// Reads the log. A last record cut short (no final newline: a crash during a write), a line
  /// that is not valid UTF-8, one whose checksum does not match (torn, or mixed with another
  /// write) and one that is not a record are each reported with their line and not applied;
  /// the rest is.
  static func read(_ url: URL, displayName: String, sink: DiagnosticSink) -> [(
    change: StatusChange, line: Int
  )] {
    guard let data = try? Data(contentsOf: url) else { return [] }
    let bytes = Array(data)
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    let complete = bytes.last == 0x0A || bytes.isEmpty
    if lines.last?.isEmpty == true { lines.removeLast() }
    var changes: [(StatusChange, Int)] = []
    for (index, line) in lines.enumerated() {
      let place = SourceLocation(file: displayName, line: index + 1, column: 1)
      if index == lines.count - 1, !complete {
        sink.warning(
          place, "the last record is incomplete (cut off during a write?) and is not applied",
          ja: "最後の記録が途中までしかない（書く途中で切れた？）ので、反映しません",
          hint: "record the change again; this line can be deleted",
          jaHint: "変更をもう一度記録してください。この行は消してかまいません")
        continue
      }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
      switch parse(line) {
      case .success(let change):
        changes.append((change, index + 1))
      case .failure(.invalidUTF8(let column)):
        sink.warning(
          SourceLocation(file: displayName, line: index + 1, column: column),
          "this line is not valid UTF-8; it is not applied",
          ja: "この行は UTF-8 として正しくないので、反映しません",
          hint: "each line is one JSON record written by `shinchoku set-status`",
          jaHint: "各行は `shinchoku set-status` が書く JSON の記録一つです")
      case .failure(.checksumMismatch):
        sink.warning(
          place,
          "this record's checksum does not match (cut off during a write, or mixed with another write); it is not applied",
          ja: "この記録のチェックサムが合わない（書く途中で切れたか、別の書き込みと混ざった）ので、反映しません",
          hint: "record the change again; this line can be deleted",
          jaHint: "変更をもう一度記録してください。この行は消してかまいません")
      case .failure(.notARecord):
        sink.warning(
          place, "this line is not a status change; it is not applied",
          ja: "この行は状況の変更ではないので、反映しません",
          hint: "each line is one JSON record written by `shinchoku set-status`",
          jaHint: "各行は `shinchoku set-status` が書く JSON の記録一つです")
      }
    }
    return changes
  }

  public enum AppendError: Error, CustomStringConvertible {
    case conflict(expected: String?, found: String?)
    case lockTimeout(path: String, waited: Duration)
    case io(String)

    public var description: String { text(.english) }

    /// What went wrong, in `language`.
    public func text(_ language: Language) -> String {
      if language == .japanese {
        switch self {
        case .conflict(let expected, let found):
          return
            "その間に状況が変わりました（変更を始めたときは \(expected ?? "なし")、今は \(found ?? "なし")）。記録していません"
        case .lockTimeout(let path, let waited):
          return
            "\(path) のロックを \(waited.components.seconds) 秒待ちましたが、別のプロセスが記録中です（またはロックを持ったまま止まっています）。記録していません。もう一度試してください"
        case .io(let message): return "変更の記録に失敗しました（\(message)）"
        }
      }
      return switch self {
      case .conflict(let expected, let found):
        "the status changed meanwhile: it was \(expected ?? "none") when this change was made, and is now \(found ?? "none"); nothing was recorded"
      case .lockTimeout(let path, let waited):
        "gave up after \(waited.components.seconds) s waiting for the lock on \(path): another process is still recording a change (or hangs holding the lock); nothing was recorded, try again"
      case .io(let message): message
      }
    }
  }

  /// What a writer waiting for the lock on `path` is told, in `language`.
  public static func waitingText(path: String, timeout: Duration, _ language: Language) -> String {
    language == .japanese
      ? "\(path) のロックを待っています。別のプロセスが変更を記録中です（\(timeout.components.seconds) 秒で諦めます）"
      : "waiting for the lock on \(path): another process is recording a change (giving up after \(timeout.components.seconds) s)"
  }

  /// What `append` found on its way.
  public struct AppendReport: Sendable, Equatable {
    /// The line of an incomplete last record found before this one: it was kept, ended with a
    /// newline so that the new record starts on a line of its own, and is not applied.
    public var tornLine: Int?
  }

  /// Appends one change durably, under an exclusive lock on the whole file:
  /// 1. waits for the lock (a record lock through `fcntl`, polled until `lockTimeout`; after half a
  ///    second, `waiting` hears once what it waits for);
  /// 2. checks that `change.old` is still what `currentStatus` reads now (someone may have
  ///    changed it first);
  /// 3. writes the record with one `write(2)` on an `O_APPEND` descriptor, after a newline when
  ///    the file ends in a torn record;
  /// 4. `fsync`s it and reads it back; only then it returns. Any failure on the way truncates
  ///    the file back to its size before, so no partial record stays behind.
  @discardableResult
  public static func append(
    _ change: StatusChange, to url: URL, lockTimeout: Duration = defaultLockTimeout,
    io: any ChangeLogIO = SystemChangeLogIO(), waiting: (String) -> Void = { _ in },
    currentStatus: () throws -> String?
  ) throws -> AppendReport {
    // Past a `ulimit -f`, write(2) fails with EFBIG instead of the process being killed.
    signal(SIGXFSZ, SIG_IGN)
    let path = url.path
    let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw AppendError.io("cannot open \(path): \(errorText())") }
    defer { close(fd) }
    try lock(fd, path: path, timeout: lockTimeout, waiting: waiting)
    let found = try currentStatus()
    guard found == change.old else {
      throw AppendError.conflict(expected: change.old, found: found)
    }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw AppendError.io("cannot stat \(path)") }
    let sizeBefore = status.st_size
    var report = AppendReport()
    var bytes = Array(change.line.utf8)
    if sizeBefore > 0, let tail = try? readBytes(fd, at: sizeBefore - 1, count: 1), tail != [0x0A] {
      report.tornLine = (try? lineCount(fd, size: sizeBefore)).map { $0 + 1 }
      bytes.insert(0x0A, at: 0)
    }
    func rollBack(_ what: String) -> AppendError {
      let undone = ftruncate(fd, sizeBefore) == 0 && fsync(fd) == 0
      return AppendError.io(
        "\(what); nothing was recorded"
          + (undone
            ? " (\(path) is as it was)"
            : ", and \(path) could not be cut back to its size before (\(sizeBefore) bytes): \(errorText())")
      )
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes {
        io.write(fd, UnsafeRawBufferPointer(rebasing: $0[written...]))
      }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        throw rollBack(
          "could not write the record to \(path): \(count < 0 ? errorText() : "nothing written")")
      }
      written += count
    }
    guard io.fsync(fd) == 0 else {
      throw rollBack("could not flush \(path) to disk: \(errorText())")
    }
    guard let back = try? readBytes(fd, at: sizeBefore, count: bytes.count), back == bytes else {
      throw rollBack("the record read back from \(path) is not the one written")
    }
    return report
  }

  /// Takes an exclusive record lock on the whole file, polling every 50 ms until `timeout`.
  /// Linux's open-file-description locks (`F_OFD_SETLK`): like classic POSIX record locks they
  /// go to NFS servers' lock managers, but unlike them they are not dropped when the process
  /// closes another descriptor of the same file (which the conflict check's reading does).
  static func lock(
    _ fd: Int32, path: String, timeout: Duration, waiting: (String) -> Void
  ) throws {
    #if os(Linux)
      let setLock: Int32 = 37  // F_OFD_SETLK
    #else
      let setLock = F_SETLK
    #endif
    var request = flock()
    request.l_type = Int16(F_WRLCK)
    request.l_whence = Int16(SEEK_SET)
    request.l_start = 0
    request.l_len = 0
    let clock = ContinuousClock()
    let start = clock.now
    var told = false
    while fcntl(fd, setLock, &request) != 0 {
      guard errno == EAGAIN || errno == EACCES || errno == EINTR else {
        throw AppendError.io("cannot lock \(path): \(errorText())")
      }
      if clock.now - start >= timeout {
        throw AppendError.lockTimeout(path: path, waited: timeout)
      }
      // A wait of a few milliseconds is the ordinary case; a longer one is worth a word.
      if !told, clock.now - start >= .milliseconds(500) {
        told = true
        waiting(waitingText(path: path, timeout: timeout, .english))
      }
      usleep(50_000)
    }
  }

  static func readBytes(_ fd: Int32, at offset: off_t, count: Int) throws -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = buffer.withUnsafeMutableBytes {
        pread(fd, $0.baseAddress! + done, count - done, offset + off_t(done))
      }
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { throw AppendError.io("cannot read back: \(errorText())") }
      done += n
    }
    return buffer
  }

  /// The number of newlines in the first `size` bytes.
  static func lineCount(_ fd: Int32, size: off_t) throws -> Int {
    var lines = 0
    var offset: off_t = 0
    while offset < size {
      let chunk = try readBytes(fd, at: offset, count: Int(min(size - offset, 1 << 20)))
      lines += chunk.lazy.filter { $0 == 0x0A }.count
      offset += off_t(chunk.count)
    }
    return lines
  }

  static func errorText() -> String { String(cString: strerror(errno)) }

  /// CRC-32 (IEEE 802.3, as zlib and `cksum -a crc32b` compute it).
  static func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return crc ^ 0xFFFF_FFFF
  }

  private static let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// Who records a change when no name is given: `$USER`, else the OS account's name.
  public static func defaultAuthor(
    environment: [String: String] = ProcessInfo.processInfo.environment
  )
    -> String?
  {
    if let user = environment["USER"], !user.isEmpty { return user }
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }
}
