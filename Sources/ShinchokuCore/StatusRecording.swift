import Foundation
import JapaneseCalendar

/// A status change that was recorded: written, flushed and read back whole.
public struct RecordedChange: Sendable {
  public var change: StatusChange
  public var log: URL
  public var report: ChangeLog.AppendReport
}

/// A status change that was not recorded because the status is no longer what the caller saw.
public struct StatusConflict: Error, CustomStringConvertible {
  public var programmeID: String
  public var snapshot: CivilDate
  public var expected: String?
  public var found: String?
  /// The change that put the status where it is now, when the log has it.
  public var lastChange: StatusChange?

  public var description: String { text(.english) }

  /// The refusal in `language`.
  public func text(_ language: Language) -> String {
    if language == .japanese {
      var text =
        "\(programmeID) の \(snapshot.iso) の状況は今 \(found ?? "なし") で、前提の \(expected ?? "なし") ではありません"
      if let last = lastChange { text += "（\(last.by ?? "誰か") が \(last.when) に変更）" }
      return text + "。記録していません"
    }
    var text =
      "\(programmeID) is now \(found ?? "without a status") in \(snapshot.iso), not \(expected ?? "without a status") as expected"
    if let last = lastChange {
      text += " (changed by \(last.by ?? "someone") at \(last.when))"
    }
    return text + "; nothing was recorded"
  }
}

extension ChangeLog {
  /// Records `programme`'s new status in `snapshot`, provided it is still `expected` (what the
  /// caller showed or was told): the one way both `set-status` and the dashboard record. Under
  /// the log's lock the data is loaded again and its status compared; then the record is
  /// appended (see `append`). The author is `by`, else `defaultAuthor()`.
  /// Throws `StatusConflict`, `ChangeLog.AppendError`, or the data's `DataLoadError`.
  public static func record(
    programme: String, snapshot: CivilDate, expected: String?, new: String, note: String? = nil,
    by: String? = nil, dataDirectory: String, plan: String? = nil, planDirectory: String? = nil,
    loader: DatasetLoader,
    lockTimeout: Duration = defaultLockTimeout, io: any ChangeLogIO = SystemChangeLogIO(),
    now: Date = Date(), waiting: (String) -> Void = { _ in }
  ) throws -> RecordedChange {
    let change = StatusChange(
      when: ISO8601DateFormatter().string(from: now), by: by ?? defaultAuthor(),
      programmeID: programme, snapshot: snapshot, old: expected, new: new, note: note)
    // A plan's changes are kept in its own folder, beside its programme records.
    let log = URL(fileURLWithPath: planDirectory ?? dataDirectory).appendingPathComponent(fileName)
    var current: Programme?
    do {
      let report = try append(change, to: log, lockTimeout: lockTimeout, io: io, waiting: waiting) {
        // Read again under the lock: someone may have recorded a change since.
        current = try loader.load(directory: dataDirectory, plan: plan).programmes.first {
          $0.id == programme
        }
        return current?.statuses[snapshot]
      }
      return RecordedChange(change: change, log: log, report: report)
    } catch AppendError.conflict(let expected, let found) {
      throw StatusConflict(
        programmeID: programme, snapshot: snapshot, expected: expected, found: found,
        lastChange: current?.changes.last { $0.snapshot == snapshot })
    }
  }
}
