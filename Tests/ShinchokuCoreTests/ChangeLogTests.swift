import Foundation
import JapaneseCalendar
import Testing

@testable import ShinchokuCore

@Suite struct ChangeLogTests {
  let sample = SampleDataSet(programmes: 20, events: 0, snapshots: 2, seed: 5)

  func change(_ programme: Programme, to new: String, old: String?, on date: CivilDate)
    -> StatusChange
  {
    StatusChange(
      when: "2026-11-25T10:00:00Z", by: "佐藤", programmeID: programme.id, snapshot: date, old: old,
      new: new,
      note: "会議で確認")
  }

  @Test func anAppendedChangeIsAppliedAndShownInTheHistory() throws {
    let folder = try writeSample(sample)
    let before = try DatasetLoader().load(directory: folder)
    let programme = try #require(before.programmes.first)
    let date = try #require(before.snapshots.last?.date)
    let old = programme.statuses[date]
    let new = old == "behind" ? "ahead" : "behind"
    let log = URL(fileURLWithPath: folder).appendingPathComponent(ChangeLog.fileName)
    try ChangeLog.append(change(programme, to: new, old: old, on: date), to: log) { old }
    let after = try DatasetLoader().load(directory: folder)
    let changed = try #require(after.programmes.first { $0.id == programme.id })
    #expect(changed.statuses[date] == new)
    #expect(changed.changes.map(\.new) == [new])
    #expect(changed.changes.first?.by == "佐藤" && changed.changes.first?.note == "会議で確認")
    // The split of that snapshot follows the records.
    let area = programme.areaID
    let snapshot = try #require(after.snapshots.last)
    let previous = try #require(before.snapshots.last)
    #expect(
      snapshot.count(area: area, status: new) == (previous.count(area: area, status: new) ?? 0) + 1)
    #expect(after.warnings.isEmpty, "\(after.warnings)")
    // The file holds exactly one line, a whole record.
    let text = try String(contentsOf: log, encoding: .utf8)
    #expect(text.hasSuffix("\n") && text.split(separator: "\n").count == 1)
  }

  @Test func aChangeWhoseOldNoLongerMatchesIsRefused() throws {
    let folder = try writeSample(sample)
    let data = try DatasetLoader().load(directory: folder)
    let programme = try #require(data.programmes.first)
    let date = try #require(data.snapshots.last?.date)
    let log = URL(fileURLWithPath: folder).appendingPathComponent(ChangeLog.fileName)
    #expect(throws: ChangeLog.AppendError.self) {
      try ChangeLog.append(change(programme, to: "ahead", old: "behind", on: date), to: log) {
        "on-schedule"
      }
    }
    let written = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    #expect(written.isEmpty, "nothing is written when the change is refused")
  }

  @Test func aTornLastRecordIsReportedAndTheRestStillApplies() throws {
    let folder = try writeSample(sample)
    let data = try DatasetLoader().load(directory: folder)
    let first = data.programmes[0]
    let second = data.programmes[1]
    let date = try #require(data.snapshots.last?.date)
    let good = change(first, to: "ahead", old: first.statuses[date], on: date)
    let torn = change(second, to: "ahead", old: second.statuses[date], on: date).line.dropLast(20)
    try Data((good.line + torn).utf8).write(
      to: URL(fileURLWithPath: folder + "/" + ChangeLog.fileName))
    let after = try DatasetLoader().load(directory: folder)
    #expect(after.programmes[0].statuses[date] == "ahead")
    #expect(
      after.programmes[1].statuses[date] == second.statuses[date], "the torn record is not applied")
    let warning = try #require(after.warnings.first)
    #expect(warning.location.line == 2)
    #expect(
      warning.message
        == "the last record is incomplete (cut off during a write?) and is not applied")
  }

  @Test func aRecordThatNoLongerFitsIsSkippedWithAWarning() throws {
    let folder = try writeSample(sample)
    let data = try DatasetLoader().load(directory: folder)
    let programme = data.programmes[0]
    let date = try #require(data.snapshots.last?.date)
    let wrongOld = programme.statuses[date] == "behind" ? "ahead" : "behind"
    let record = change(programme, to: "on-schedule", old: wrongOld, on: date)
    try Data((record.line + "not json\n").utf8).write(
      to: URL(fileURLWithPath: folder + "/" + ChangeLog.fileName))
    let after = try DatasetLoader().load(directory: folder)
    #expect(after.programmes[0].statuses[date] == programme.statuses[date])
    let warnings = after.warnings.sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
    #expect(warnings.map(\.location.line) == [1, 2])
    #expect(warnings[0].message.hasSuffix("as the change expects; it is not applied"))
    #expect(warnings[1].message == "this line is not a status change; it is not applied")
  }
}
