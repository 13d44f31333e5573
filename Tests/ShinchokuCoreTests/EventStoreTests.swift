import Foundation
import JapaneseCalendar
import Testing

@testable import ShinchokuCore

@Suite struct EventStoreTests {
  func event(_ id: String, title: String = "おはなし会", day: Int? = 1) -> CityEvent {
    CityEvent(
      id: id, title: title, subtitle: nil, categoryID: "library", venues: ["中央図書館"],
      start: day.flatMap { CivilDate(year: 2012, month: 8, day: $0) }, end: nil, time: "10:30",
      audience: [.children], fees: [Fee(who: "", yen: 0)], notes: nil, source: "seed",
      inferred: [], inferenceNote: nil, corrections: [])
  }

  @Test func everyEventComesBackAsItWasAdded() throws {
    let data = try DatasetLoader().load(directory: bundledData)
    let events = Array(data.events)
    #expect(events.count == 6)
    // Every field of the seed's events (subtitles, inferred fields, corrections, several
    // venues, no date) survives the columns.
    let store = EventStore(events)
    #expect(Array(store) == events)
    var varied = events
    varied[0].subtitle = "副題"
    varied[1].venues = ["甲", "乙", "甲"]
    varied[2].fees = [Fee(who: "一般", yen: 300, note: "当日"), Fee(who: "子ども", yen: nil)]
    varied[3].time = nil
    varied[3].notes = "雨天中止\n予約不要"
    varied[4].categoryID = nil
    varied[4].audience = [.adults, .children]
    varied[5].inferred = ["start", "end"]
    varied[5].inferenceNote = "推定"
    #expect(Array(EventStore(varied)) == varied)
  }

  @Test func anEventsSummaryIsItsFieldsOfThoseNames() throws {
    var events = Array(try DatasetLoader().load(directory: bundledData).events)
    // Inferred and read venues and dates, several venues, no time, no date.
    events[0].inferred = ["venue"]
    events[1].inferred = ["end"]
    events[2].inferred = ["start", "category"]
    events[3].venues = ["甲", "乙"]
    events[3].time = nil
    events[4].start = nil
    events[4].end = nil
    let store = EventStore(events)
    for (position, event) in events.enumerated() {
      let summary = store.summary(at: position)
      #expect(
        summary
          == EventSummary(
            id: event.id, title: event.title, venues: event.venues, start: event.start,
            end: event.end, time: event.time, audience: event.audience, fees: event.fees,
            venueInferred: event.isInferred("venue"),
            datesInferred: event.isInferred("start") || event.isInferred("end")),
        "\(event.id)")
    }
    #expect(store.summary(at: 0).venueInferred && store.summary(at: 1).datesInferred)
    #expect(store.summary(at: 2).datesInferred && store.summary(at: 4).start == nil)
  }

  @Test func aTakenIdIsRefusedAndIdsAreFoundByHash() {
    var store = EventStore()
    let added = [
      store.append(event("a")), store.append(event("b", title: "別の催し")),
      store.append(event("a", title: "同じ id")),
    ]
    #expect(added == [true, true, false])
    #expect(store.count == 2)
    #expect(store[0].title == "おはなし会")
    #expect(store.position(ofID: "b") == 1)
    #expect(store.position(ofID: "c") == nil)
    #expect(store.contains(id: "a") && !store.contains(id: "A"))
  }

  @Test func storesWithTheSameEventsAreEqualHoweverTheyWereBuilt() {
    let one = EventStore([event("a", title: "x"), event("b", title: "y")])
    // The same events with their texts numbered in another order (the first event's notes
    // name the second one's title first).
    var first = event("a", title: "x")
    first.notes = "y"
    let two = EventStore([first, event("b", title: "y")])
    #expect(one != two)
    var reordered = EventStore()
    _ = reordered.internText("y")
    reordered.append(event("a", title: "x"))
    reordered.append(event("b", title: "y"))
    #expect(one == reordered)
    #expect(one == EventStore(Array(one)))
    #expect(one != EventStore([event("a", title: "x"), event("b", title: "z")]))
    #expect(one != EventStore([event("a", title: "x")]))
  }

  @Test func theStringTableKeepsEveryTextThroughItsGrowth() {
    var table = StringTable()
    var numbers: [String: Int32] = [:]
    for index in 0..<20_000 {
      let text = index % 3 == 0 ? "催し\(index)" : "e\(index)"
      let (number, inserted) = table.intern(text)
      #expect(inserted)
      numbers[text] = number
    }
    #expect(table.count == 20_000)
    for (text, number) in numbers {
      #expect(table[number] == text)
      #expect(table.find(text) == number)
      let again = table.intern(text)
      #expect(again.id == number && !again.inserted)
    }
    #expect(table.find("") == nil)
    #expect(table.intern("").inserted)
    #expect(table.find("") == 20_000)
  }

  /// Columns take the fewest bytes their numbers need, and every number survives each
  /// widening (1 → 2 → 4 bytes), whatever its sign; a day column keeps "none" apart from every
  /// day.
  @Test func packedColumnsKeepEveryNumberThroughTheirWidening() {
    let numbers: [Int32] = [-1, 0, 3, 254, 255, 256, 65_534, 65_535, 65_536, Int32.max, -2]
    var column = NumberColumn()
    for (index, number) in numbers.enumerated() {
      column.append(number)
      #expect((0...index).map { column[$0] } == Array(numbers[0...index]))
      // Read whole, at each width, and the bounds the cache checks.
      #expect(column.all == Array(numbers[0...index]))
      let stored = numbers[0...index].map { UInt32(bitPattern: $0) &+ 1 }
      #expect(column.packed.bounds == (stored.min()!, stored.max()!))
    }
    var small = NumberColumn()
    for number in [-1, 0, 200] as [Int32] { small.append(number) }
    #expect(small.packed.bytes.count == 3, "one byte a number below 255")
    let days: [Int32] = [
      Int32.min, 0, -1, 1, 15_552, 32_767, -32_767, 32_768, Int32.max, Int32.min + 1,
    ]
    var dayColumn = DayColumn()
    for day in days { dayColumn.append(day) }
    #expect((0..<days.count).map { dayColumn[$0] } == days)
    #expect(dayColumn.all == days)
    var recent = DayColumn()
    for day in [Int32.min, 15_552, 20_000, -1] { recent.append(day) }
    #expect(recent.packed.bytes.count == 8, "two bytes a day from 1880 to 2059")
    // Columns of equal numbers are equal whatever their width.
    var narrow = PackedColumn()
    var wide = PackedColumn()
    for value in [1, 2, 70_000] as [UInt32] { wide.append(value) }
    for value in [1, 2] as [UInt32] { narrow.append(value) }
    #expect(narrow != wide)
    narrow.append(70_000)
    #expect(narrow == wide)
  }

  @Test func startTimesAreReadFromTheTimeText() {
    #expect(startMinute(of: "9:30") == 9 * 60 + 30)
    #expect(startMinute(of: "13:00〜15:00") == 13 * 60)
    #expect(startMinute(of: "１０：０５") == 10 * 60 + 5)
    #expect(startMinute(of: "午前10時") == nil)
    #expect(startMinute(of: "24:00") == nil)
    #expect(startMinute(of: "9:7") == nil)
    #expect(startMinute(of: "123:00") == nil)
    #expect(startMinute(of: "") == nil)
  }

  @Test func aReloadKeepsTheEventsWhileTheirFilesAreUnchanged() throws {
    let csv =
      "id,date,title,notes\nx1,2012-08-01,催し,\nx2,2012-08-02,催し,\"引用\"\"符\"\nx4,2012-08-03,,\n"
    let folder = try dataFolder(replacing: ["events.csv": csv])
    let loader = DatasetLoader()
    let first = try loader.load(directory: folder)
    #expect(first.events.count == 8)
    // A status change: the change log is written, the events files are not.
    try Data().write(
      to: URL(fileURLWithPath: folder).appendingPathComponent(ChangeLog.fileName))
    let second = try loader.load(directory: folder)
    #expect(second.events.isIdentical(to: first.events))
    #expect(second.warnings == first.warnings)
    #expect(first.warnings.contains { $0.message.contains("without a 名称") })
    // Another loader, or a rewritten file, reads them again.
    let fresh = try DatasetLoader().load(directory: folder)
    #expect(!fresh.events.isIdentical(to: first.events) && fresh.events == first.events)
    try Data(csv.replacingOccurrences(of: "x2", with: "x3").utf8).write(
      to: URL(fileURLWithPath: folder).appendingPathComponent("events.csv"))
    let third = try loader.load(directory: folder)
    #expect(!third.events.isIdentical(to: first.events))
    #expect(third.events.contains(id: "x3") && !third.events.contains(id: "x2"))
  }

  @Test func theByteLevelDateReadingAgreesWithTheDateParser() {
    func iso(_ text: String) -> (CivilDate, CivilDate?)? {
      var text = text
      return text.withUTF8 { DatasetReader.isoDates($0) }.map { ($0.start, $0.end) }
    }
    let reference = CivilDate(year: 2000, month: 1, day: 1)!
    for text in ["2012-08-01", "1989-01-08", "2024-02-29", "2099-12-31", "0012-08-01"] {
      #expect(iso(text)?.0 == parseDate(text, reference: reference), "\(text)")
      #expect(iso(text)?.1 == nil)
    }
    let range = iso("2012-07-21〜2012-08-31")
    #expect(range?.0 == CivilDate(year: 2012, month: 7, day: 21))
    #expect(range?.1 == CivilDate(year: 2012, month: 8, day: 31))
    #expect(iso("2012-07-21～2012-07-21")?.1 == CivilDate(year: 2012, month: 7, day: 21))
    #expect(iso("2012-07-21~2012-08-01")?.1 == CivilDate(year: 2012, month: 8, day: 1))
    // Left to the general reader (which reads or reports them).
    for text in [
      "2012-02-30", "2012-8-1", "2012/08/01", "2012-08-31〜2012-08-01", "2012-08-01〜",
      "平成24年8月1日", "2012-08-01 ", "2012-08-0a", "2012-08-01〜2012-08-01〜",
    ] {
      #expect(iso(text) == nil, "\(text)")
    }
  }

  @Test func cellsAreTrimmedAsStringTrimsThem() {
    let spaces: [Unicode.Scalar] = [
      "\t", "\n", "\u{0B}", "\u{0C}", "\r", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
      "\u{2005}", "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
      "\u{200B}",
    ]
    // Not trimmed, though some look like spaces or share their bytes.
    let others: [Unicode.Scalar] = ["\u{FEFF}", "館", "会", "\u{2060}", "\u{01}", "a", "\u{200C}"]
    var cells: [String] = ["", "館", "a b", "中央 公民館"]
    for space in spaces {
      for other in others {
        cells += [
          "\(space)\(other)", "\(other)\(space)", "\(space)\(space)\(other)\(space)",
          "\(other)\(space)\(other)", "\(space)",
        ]
      }
    }
    // And every scalar alone, up to the CJK symbols and around U+FEFF.
    for value in Array(0...0x3100) + Array(0xFE00...0xFFFF) {
      if let scalar = Unicode.Scalar(value) { cells.append(String(scalar)) }
    }
    for cell in cells {
      var copy = cell
      let trimmed = copy.withUTF8 { String(decoding: DatasetReader.trimmed($0), as: UTF8.self) }
      #expect(
        trimmed == cell.trimmingCharacters(in: .whitespacesAndNewlines),
        "\(cell.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }
}
