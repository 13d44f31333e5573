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

  /// The record as one line of JSON, ending in a newline.
  var line: String {
    var object: [String: Any] = [
      "when": when, "programme": programmeID, "snapshot": snapshot.iso, "new": new,
      "old": old ?? NSNull(), "by": by ?? NSNull(), "note": note ?? NSNull(),
    ]
    object = object.filter { !($0.value is NSNull) || $0.key == "old" }
    let data =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  init?(line: String) {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
      let when = object["when"] as? String, let programme = object["programme"] as? String,
      let snapshotText = object["snapshot"] as? String, let snapshot = CivilDate(iso: snapshotText),
      let new = object["new"] as? String
    else { return nil }
    self.init(
      when: when, by: object["by"] as? String, programmeID: programme, snapshot: snapshot,
      old: object["old"] as? String, new: new, note: object["note"] as? String)
  }
}

/// `changes.log` in the data folder: status changes appended one whole record at a time, never
/// rewriting anyone's files. The loader applies them on top of the programme records.
public enum ChangeLog {
  public static let fileName = "changes.log"

  /// Reads the log. A last record cut short (no final newline: a crash during a write) and a
  /// line that is not a record are reported and not applied; the rest is.
  static func read(_ url: URL, displayName: String, sink: DiagnosticSink) -> [(
    change: StatusChange, line: Int
  )] {
    guard let data = try? Data(contentsOf: url) else { return [] }
    let text = String(decoding: data, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let complete = text.hasSuffix("\n") || text.isEmpty
    if lines.last == "" { lines.removeLast() }
    var changes: [(StatusChange, Int)] = []
    for (index, line) in lines.enumerated() {
      if index == lines.count - 1, !complete {
        sink.warning(
          SourceLocation(file: displayName, line: index + 1, column: 1),
          "the last record is incomplete (cut off during a write?) and is not applied",
          hint: "record the change again; this line can be deleted")
        continue
      }
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      guard let change = StatusChange(line: line) else {
        sink.warning(
          SourceLocation(file: displayName, line: index + 1, column: 1),
          "this line is not a status change; it is not applied",
          hint: "each line is one JSON record written by `shinchoku set-status`")
        continue
      }
      changes.append((change, index + 1))
    }
    return changes
  }

  public enum AppendError: Error, CustomStringConvertible {
    case conflict(expected: String?, found: String?)
    case io(String)

    public var description: String {
      switch self {
      case .conflict(let expected, let found):
        "the status changed meanwhile: it was \(expected ?? "none") when this change was made, and is now \(found ?? "none"); nothing was recorded"
      case .io(let message): message
      }
    }
  }

  /// Appends one change durably: under an exclusive lock, checks that `old` still matches what
  /// `currentStatus` reads from the log as it is now (someone may have changed it first), then
  /// writes the whole record with one `write` and `fsync`s it.
  public static func append(
    _ change: StatusChange, to url: URL, currentStatus: () throws -> String?
  ) throws {
    let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw AppendError.io("cannot open \(url.path): \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    guard flock(fd, LOCK_EX) == 0 else { throw AppendError.io("cannot lock \(url.path)") }
    defer { flock(fd, LOCK_UN) }
    let found = try currentStatus()
    guard found == change.old else {
      throw AppendError.conflict(expected: change.old, found: found)
    }
    let bytes = Array(change.line.utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      throw AppendError.io("could not write the whole record to \(url.path)")
    }
    guard fsync(fd) == 0 else { throw AppendError.io("cannot flush \(url.path) to disk") }
  }
}
