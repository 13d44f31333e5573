import Foundation
import JapaneseCalendar
import Synchronization
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

/// A disk that fills up: `write` puts `room` bytes down, then fails with `failure` (ENOSPC, as
/// a full disk; EFBIG, as a file size limit); or `fsync` fails.
struct FailingIO: ChangeLogIO {
  var room: Int
  var failure: Int32 = ENOSPC
  var fsyncFails = false

  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    var status = stat()
    fstat(fd, &status)
    let left = room - Int(status.st_size)
    guard left > 0 else {
      errno = failure
      return -1
    }
    return Glibc.write(fd, bytes.baseAddress, min(left, bytes.count))
  }

  func fsync(_ fd: Int32) -> Int32 {
    if fsyncFails {
      errno = EIO
      return -1
    }
    return Glibc.fsync(fd)
  }
}

@Suite struct ChangeLogIntegrityTests {
  let sample = SampleDataSet(programmes: 20, events: 0, snapshots: 2, seed: 5)

  /// A data folder, its loaded data and the latest snapshot's date.
  func folder() throws -> (path: String, data: Dataset, date: CivilDate, log: URL) {
    let path = try writeSample(sample)
    let data = try DatasetLoader().load(directory: path)
    let date = try #require(data.snapshots.last?.date)
    return (path, data, date, URL(fileURLWithPath: path).appendingPathComponent(ChangeLog.fileName))
  }

  func other(_ status: String?) -> String { status == "ahead" ? "behind" : "ahead" }

  @discardableResult
  func record(
    _ f: (path: String, data: Dataset, date: CivilDate, log: URL), _ index: Int,
    io: any ChangeLogIO = SystemChangeLogIO()
  ) throws -> RecordedChange {
    let programme = f.data.programmes[index]
    return try ChangeLog.record(
      programme: programme.id, snapshot: f.date, expected: programme.statuses[f.date],
      new: other(programme.statuses[f.date]), by: "佐藤", dataDirectory: f.path,
      loader: DatasetLoader(), io: io)
  }

  @Test func aRecordEndsInItsChecksumAndOneFlippedByteIsCaught() throws {
    let f = try folder()
    try record(f, 0)
    let line = try String(contentsOf: f.log, encoding: .utf8)
    #expect(line.range(of: #",\"crc32\":\"[0-9a-f]{8}\"\}\n$"#, options: .regularExpression) != nil)
    #expect(ChangeLog.crc32(Array("123456789".utf8)) == 0xCBF4_3926)  // the standard check value
    // Flip one character inside the note-less record: the programme id's last digit.
    let id = f.data.programmes[0].id
    var mangled = line.replacingOccurrences(of: id, with: String(id.dropLast()) + "9")
    if mangled == line {
      mangled = line.replacingOccurrences(of: id, with: String(id.dropLast()) + "8")
    }
    try Data(mangled.utf8).write(to: f.log)
    let after = try DatasetLoader().load(directory: f.path)
    #expect(after.programmes.allSatisfy { $0.changes.isEmpty })
    let warning = try #require(after.warnings.first)
    #expect(warning.location.line == 1)
    #expect(warning.message.hasPrefix("this record's checksum does not match"))
  }

  @Test func twoRecordsMixedIntoOneLineAreDetectedAndNeitherIsApplied() throws {
    let f = try folder()
    try record(f, 0)
    try record(f, 1)
    let lines = try String(contentsOf: f.log, encoding: .utf8).split(separator: "\n")
    // As two writers without a common lock could leave them: the first cut, the second glued.
    let mixed = lines[0].prefix(40) + lines[1] + "\n"
    try Data(mixed.utf8).write(to: f.log)
    let after = try DatasetLoader().load(directory: f.path)
    #expect(after.programmes.allSatisfy { $0.changes.isEmpty })
    #expect(after.warnings.map(\.location.line) == [1])
  }

  @Test func recordsWithoutAChecksumFromOlderVersionsStillApply() throws {
    let f = try folder()
    let programme = f.data.programmes[0]
    let old = programme.statuses[f.date]
    let legacy =
      #"{"by":"佐藤","new":"\#(other(old))","old":\#(old.map { "\"\($0)\"" } ?? "null"),"programme":"\#(programme.id)","snapshot":"\#(f.date.iso)","when":"2012-05-01T00:00:00Z"}"#
    try Data((legacy + "\n").utf8).write(to: f.log)
    let after = try DatasetLoader().load(directory: f.path)
    #expect(after.programmes[0].statuses[f.date] == other(old))
    #expect(after.warnings.isEmpty, "\(after.warnings)")
  }

  @Test func aLineThatIsNotUTF8IsReportedWithItsPlaceAndNotRepaired() throws {
    let f = try folder()
    try record(f, 0)
    var bytes = Array(try Data(contentsOf: f.log))
    // "佐藤" is the author; cut its first character's last byte: column of 佐 in the line.
    let text = String(decoding: bytes, as: UTF8.self)
    let column =
      text.unicodeScalars.distance(
        from: text.unicodeScalars.startIndex,
        to: text.range(of: "佐")!.lowerBound.samePosition(in: text.unicodeScalars)!) + 1
    let at = try #require(bytes.firstIndex(of: 0xE4))
    bytes[at + 1] = 0x41
    try record(f, 1)
    bytes += Array(try Data(contentsOf: f.log)).suffix(from: bytes.count)
    try Data(bytes).write(to: f.log)
    let after = try DatasetLoader().load(directory: f.path)
    #expect(after.programmes[0].changes.isEmpty, "the bad line is not applied")
    #expect(after.programmes[1].changes.count == 1, "the good line is")
    let warning = try #require(after.warnings.first)
    #expect(warning.location.line == 1 && warning.location.column == column)
    #expect(warning.message == "this line is not valid UTF-8; it is not applied")
  }

  @Test func aTornTailIsSetAsideAndTheNextRecordIsNotGluedToIt() throws {
    let f = try folder()
    try record(f, 0)
    let whole = try Data(contentsOf: f.log)
    try whole.dropLast(30).write(to: f.log)  // torn in the middle of the record
    let recorded = try record(f, 1)
    #expect(recorded.report.tornLine == 1)
    let lines = try String(contentsOf: f.log, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3 && lines[2].isEmpty)
    #expect(
      lines[0] == String(decoding: whole.dropLast(30), as: UTF8.self), "the torn bytes are kept")
    let after = try DatasetLoader().load(directory: f.path)
    #expect(after.programmes[1].statuses[f.date] == other(f.data.programmes[1].statuses[f.date]))
    #expect(after.programmes[0].changes.isEmpty)
    #expect(after.warnings.map(\.location.line) == [1])
  }

  @Test(arguments: [ENOSPC, EFBIG])
  func aFailedWriteIsRolledBackAndTheNextRecordIsWhole(failure: Int32) throws {
    let f = try folder()
    try record(f, 0)
    let before = try Data(contentsOf: f.log)
    // Room for half a record more.
    let io = FailingIO(room: before.count + 60, failure: failure)
    #expect {
      try record(f, 1, io: io)
    } throws: { error in
      "\(error)".contains(String(cString: strerror(failure)))
        && "\(error)".contains("nothing was recorded")
    }
    #expect(try Data(contentsOf: f.log) == before, "the partial record is cut away")
    // Space freed: the next change is whole and applied, nothing glued.
    try record(f, 1)
    let after = try DatasetLoader().load(directory: f.path)
    #expect(after.programmes[0].changes.count == 1 && after.programmes[1].changes.count == 1)
    #expect(after.warnings.isEmpty, "\(after.warnings)")
  }

  @Test func aFailedFlushIsRolledBackAndNotReportedAsRecorded() throws {
    let f = try folder()
    #expect(throws: ChangeLog.AppendError.self) {
      try record(f, 0, io: FailingIO(room: 1 << 20, fsyncFails: true))
    }
    #expect(try Data(contentsOf: f.log).isEmpty)
  }

  @Test func aStaleExpectationIsRefusedNamingWhoChangedIt() throws {
    let f = try folder()
    let programme = f.data.programmes[0]
    let shown = programme.statuses[f.date]
    try record(f, 0)  // 佐藤 changes it first
    let before = try Data(contentsOf: f.log)
    // From a view that still shows the old status.
    #expect {
      try ChangeLog.record(
        programme: programme.id, snapshot: f.date, expected: shown, new: "on-schedule",
        by: "鈴木", dataDirectory: f.path, loader: DatasetLoader())
    } throws: { error in
      guard let conflict = error as? StatusConflict else { return false }
      return conflict.found == other(shown) && conflict.lastChange?.by == "佐藤"
        && "\(conflict)".contains("nothing was recorded")
    }
    #expect(try Data(contentsOf: f.log) == before)
  }

  @Test func aHeldLockIsWaitedForThenGivenUpWithAMessage() throws {
    let f = try folder()
    try Data().write(to: f.log)
    let holder = open(f.log.path, O_RDWR)
    defer { close(holder) }
    try ChangeLog.lock(holder, path: f.log.path, timeout: .seconds(1), waiting: { _ in })
    var heard: [String] = []
    let clock = ContinuousClock()
    let start = clock.now
    #expect {
      try ChangeLog.append(
        StatusChange(
          when: "", by: nil, programmeID: "x", snapshot: f.date, old: nil, new: "ahead", note: nil),
        to: f.log, lockTimeout: .milliseconds(800), waiting: { heard.append($0) },
        currentStatus: { nil })
    } throws: { error in
      "\(error)".hasPrefix("gave up after")
    }
    #expect(clock.now - start >= .milliseconds(800))
    #expect(heard.count == 1 && heard[0].hasPrefix("waiting for the lock on \(f.log.path)"))
    #expect(try Data(contentsOf: f.log).isEmpty)
  }

  @Test func fourWritersOfFiveHundredRecordsEachAreAllReadBackExactlyOnce() throws {
    let f = try folder()
    let date = f.date
    let log = f.log
    let failures = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 4) { writer in
      for n in 0..<500 {
        let change = StatusChange(
          when: "2026-12-01T00:00:00Z", by: "w\(writer)", programmeID: "P\(writer)", snapshot: date,
          old: nil, new: "ahead", note: "\(writer)-\(n)")
        // Each call opens the file anew: its own open file description, its own lock.
        do { try ChangeLog.append(change, to: log) { nil } } catch { failures.withLock { $0 += 1 } }
      }
    }
    #expect(failures.withLock { $0 } == 0)
    let sink = DiagnosticSink()
    let read = ChangeLog.read(log, displayName: "changes.log", sink: sink)
    #expect(sink.items.isEmpty, "\(sink.items.prefix(3))")
    let notes = read.compactMap(\.change.note)
    #expect(notes.count == 2000)
    #expect(Set(notes) == Set((0..<4).flatMap { w in (0..<500).map { "\(w)-\($0)" } }))
    // Each writer's records in its own order.
    for writer in 0..<4 {
      let mine = notes.filter { $0.hasPrefix("\(writer)-") }
      #expect(mine == (0..<500).map { "\(writer)-\($0)" })
    }
  }

  @Test func withoutUSERTheAuthorIsTheAccountName() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/id")
    process.arguments = ["-un"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    process.waitUntilExit()
    let name = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .newlines)
    #expect(!name.isEmpty)
    #expect(ChangeLog.defaultAuthor(environment: [:]) == name)
    #expect(ChangeLog.defaultAuthor(environment: ["USER": ""]) == name)
    #expect(ChangeLog.defaultAuthor(environment: ["USER": "tanaka"]) == "tanaka")
  }
}
