import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

private func request(
  _ from: String = "2012-07-01", _ to: String = "2012-08-31", filter: EventFilter = EventFilter()
) -> CalendarExport.Request {
  CalendarExport.Request(
    from: CivilDate(iso: from)!, to: CivilDate(iso: to)!, filter: filter,
    stamp: "20120801T000000Z")
}

@Suite struct CalendarExportTests {
  @Test func theExportsListWhatAPlainScanOfTheEventsFinds() throws {
    let folder = try SampleDataSet(
      programmes: 5, events: 600, snapshots: 2, seed: 5, eventsAsCSV: true
    ).write(into: NSTemporaryDirectory() + "shinchoku-export-\(UUID().uuidString)")
    let data = try DatasetLoader().load(directory: folder)
    for filter in [EventFilter(), EventFilter(freeOnly: true, audience: .children)] {
      let asked = request("2012-06-15", "2013-01-10", filter: filter)
      let text = try #require(
        CalendarExport.text(asked, dataset: data, format: .json, language: .japanese))
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let passing = filteredEvents(data, filter)
      for day in try #require(object["days"] as? [[String: Any]]) {
        let date = try #require(CivilDate(iso: day["date"] as? String ?? ""))
        #expect(
          day["events"] as? [String] == passing.filter { $0.fallsOn(date) }.map(\.id), "\(date)")
      }
      let inRange = passing.filter { event in
        guard let start = event.start else { return false }
        return start <= asked.to && (event.end ?? start) >= asked.from
      }
      let events = try #require(object["events"] as? [[String: Any]])
      #expect(events.map { $0["id"] as? String } == inRange.map(\.id))
      let undated = try #require(object["undated_events"] as? [[String: Any]])
      #expect(undated.map { $0["id"] as? String } == passing.filter { !$0.isDated }.map(\.id))
      #expect(inRange.count > 50 && !undated.isEmpty)
      // Written element by element, byte for byte what the encoder writes of the whole tree.
      let members = CalendarExport.jsonMembers(
        asked, data, EventIndex(events: data.events), .japanese)
      #expect(text == jsonText(jsonTree(members)))
    }
    // Empty arrays too.
    let none = request("2012-06-15", "2012-06-16", filter: EventFilter(search: "zzzz"))
    #expect(
      CalendarExport.text(none, dataset: data, format: .json, language: .english)
        == jsonText(
          jsonTree(
            CalendarExport.jsonMembers(none, data, EventIndex(events: data.events), .english))))
  }

  @Test func jsonGivesEveryDayWithItsHolidayAndTheEventsOnIt() throws {
    let data = try seedState().dataset
    let text = try #require(
      CalendarExport.text(request(), dataset: data, format: .json, language: .japanese))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["from"] as? String == "2012-07-01" && object["to"] as? String == "2012-08-31")
    let days = try #require(object["days"] as? [[String: Any]])
    #expect(days.count == 62)
    let marine = try #require(days.first { $0["date"] as? String == "2012-07-16" })
    #expect(marine["holiday"] as? String == "海の日")
    #expect(marine["weekday"] as? String == "月" && marine["weekday_en"] as? String == "Mon")
    #expect(marine["events"] as? [String] == [])
    #expect(days[0]["holiday"] is NSNull)
    let first = try #require(days.first { $0["date"] as? String == "2012-07-21" })
    #expect(first["events"] as? [String] == ["museum-summer-day"])
    #expect((days.last?["events"] as? [String]) == ["museum-summer-day"], "8/31, the last day")

    let events = try #require(object["events"] as? [[String: Any]])
    #expect(events.count == 1)
    let museum = events[0]
    #expect(museum["id"] as? String == "museum-summer-day")
    #expect(museum["start"] as? String == "2012-07-21" && museum["end"] as? String == "2012-08-31")
    #expect(museum["inferred"] as? [String] == ["end", "start", "venue"])
    #expect(museum["venues"] as? [String] == ["平櫛田中彫刻美術館"])
    #expect(museum["audience"] as? [String] == ["children"])
    #expect(museum["time"] is NSNull)
    #expect(museum["free_for_some"] as? Bool == true)
    let fees = try #require(museum["fees"] as? [[String: Any]])
    #expect(fees[0]["who"] as? String == "小・中学生" && fees[0]["yen"] as? Int == 0)
    #expect(fees[1]["yen"] is NSNull && fees[1]["note"] as? String == "観覧料が必要")
    let corrections = try #require(museum["corrections"] as? [[String: String]])
    #expect(corrections == [["read": "夏休みみわくわく体験美術館", "corrected": "夏休みわくわく体験美術館"]])
    #expect((object["undated_events"] as? [[String: Any]])?.count == 5)
  }

  @Test func theFilterIsThePanesFilter() throws {
    let data = try seedState().dataset
    let filter = EventFilter(search: "びーむ")
    let text = try #require(
      CalendarExport.text(
        request(filter: filter), dataset: data, format: .json, language: .japanese))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((object["events"] as? [Any])?.isEmpty == true)
    let undated = try #require(object["undated_events"] as? [[String: Any]])
    #expect(undated.map { $0["id"] as? String } == ["tokyo-science-class"])
    let echoed = try #require(object["filter"] as? [String: Any])
    #expect(echoed["search"] as? String == "びーむ" && echoed["audience"] as? String == "all")
  }

  @Test func sampleExportsTheSameEventsTheCalendarCounts() throws {
    var state = try sampleState()
    state.calendar.filter = EventFilter(freeOnly: true)
    reduce(&state, .calendar(.goTo(CivilDate(iso: "2012-09-01")!)))
    reduce(&state, .calendar(.cycleSpan))
    reduce(&state, .calendar(.cycleSpan))
    let calendarIDs = Set(calendarEntries(state).filter { $0.day != nil }.map(\.event.id))
    let text = try #require(
      CalendarExport.text(
        request("2012-09-01", "2012-09-30", filter: state.calendar.filter),
        dataset: state.dataset, format: .json, language: .japanese))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let exported = (object["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    #expect(!calendarIDs.isEmpty)
    #expect(Set(exported) == calendarIDs)
  }

  @Test func csvHasARowPerDayAndEvent() throws {
    let data = try seedState().dataset
    let text = try #require(
      CalendarExport.text(
        request("2012-07-15", "2012-07-22"), dataset: data, format: .csv, language: .japanese))
    let rows = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.count == 9)
    #expect(rows.allSatisfy { $0.count == 13 })
    #expect(
      rows[0].joined(separator: ",")
        == "date,weekday,holiday,event_id,title,category,start,end,dates_inferred,time,venues,audience,fees"
    )
    #expect(
      rows[2][0] == "2012-07-16" && rows[2][1] == "月" && rows[2][2] == "海の日" && rows[2][3] == "")
    let museum = rows[7]
    #expect(museum[0] == "2012-07-21" && museum[1] == "土")
    #expect(museum[3] == "museum-summer-day" && museum[4] == "夏休みわくわく体験美術館")
    #expect(museum[5] == "museum" && museum[6] == "2012-07-21" && museum[7] == "2012-08-31")
    #expect(museum[8] == "true" && museum[9] == "" && museum[10] == "平櫛田中彫刻美術館")
    #expect(museum[11] == "children" && museum[12] == "小・中学生 無料 / 同伴の保護者 観覧料が必要")
  }

  @Test func icsIsAllDayWithAnExclusiveEndCRLFAndFoldedLines() throws {
    let data = try seedState().dataset
    let text = try #require(
      CalendarExport.text(request(), dataset: data, format: .ics, language: .japanese))
    let bytes = Array(text.utf8)
    #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    // Every line break is CRLF, and every line is at most 75 octets and valid UTF-8.
    var lines: [[UInt8]] = [[]]
    for (index, byte) in bytes.enumerated() {
      if byte == 0x0A {
        #expect(index > 0 && bytes[index - 1] == 0x0D, "a bare LF")
        lines[lines.count - 1].removeLast()
        lines.append([])
      } else {
        lines[lines.count - 1].append(byte)
      }
    }
    for line in lines {
      #expect(line.count <= 75)
      #expect(String(validating: line, as: UTF8.self) != nil, "a fold splits a character")
    }
    // Unfolded, the event's properties.
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
      .components(separatedBy: "\r\n")
    #expect(unfolded.contains("DTSTART;VALUE=DATE:20120721"))
    #expect(unfolded.contains("DTEND;VALUE=DATE:20120901"), "the day after 8/31")
    #expect(unfolded.contains("SUMMARY:夏休みわくわく体験美術館"))
    #expect(unfolded.contains("LOCATION:平櫛田中彫刻美術館"))
    #expect(unfolded.contains("UID:museum-summer-day@shinchoku"))
    #expect(unfolded.contains("DTSTAMP:20120801T000000Z"))
    let description = try #require(unfolded.first { $0.hasPrefix("DESCRIPTION:") })
    #expect(description.contains("推定した値: 開始日、終了日、会場"))
    #expect(description.contains("\\n料金: 小・中学生 無料"))
    #expect(unfolded.filter { $0 == "BEGIN:VEVENT" }.count == 1, "undated events are left out")
  }

  @Test func icsTextIsEscapedAndFoldingKeepsCharactersWhole() {
    #expect(ExportEscaper().icsText("a,b;c\\d\ne", record: "") == "a\\,b\\;c\\\\d\\ne")
    let long = "SUMMARY:" + String(repeating: "夏", count: 40)
    let folded = CalendarExport.folded(long)
    let parts = folded.components(separatedBy: "\r\n")
    #expect(parts.count == 2)
    #expect(parts.allSatisfy { $0.utf8.count <= 75 })
    #expect(parts[1].hasPrefix(" "))
    #expect(parts[0] + parts[1].dropFirst() == long)
  }

  @Test func icsTimesEveryKindOfEventTime() {
    let day = CivilDate(iso: "2012-07-21")!
    let zone = "DTSTART;TZID=Asia/Tokyo:"
    // No time, or a text that does not start with one: all-day, date-valued.
    for time in [nil, "午前中", "終日", "未定 10:00"] as [String?] {
      #expect(
        CalendarExport.icsTimes(start: day, end: day, time: time) == [
          "DTSTART;VALUE=DATE:20120721", "DTEND;VALUE=DATE:20120722",
        ], "\(time ?? "nil")")
    }
    // A start only: no DTEND (the event ends when it starts; no length is made up).
    #expect(
      CalendarExport.icsTimes(start: day, end: day, time: "9:30") == [zone + "20120721T093000"])
    #expect(
      CalendarExport.icsTimes(start: day, end: day, time: "１０：００") == [zone + "20120721T100000"])
    // A start and an end, with each separator the data may use.
    for separator in ["〜", "～", "~", "-", " - ", "－", "–", "—"] {
      #expect(
        CalendarExport.icsTimes(start: day, end: day, time: "13:00\(separator)15:30") == [
          zone + "20120721T130000", "DTEND;TZID=Asia/Tokyo:20120721T153000",
        ], "\(separator)")
    }
    // An end at or before the start is the next day's.
    #expect(
      CalendarExport.icsTimes(start: day, end: day, time: "22:00〜1:00") == [
        zone + "20120721T220000", "DTEND;TZID=Asia/Tokyo:20120722T010000",
      ])
    // Several days at a time: the time is each day's.
    #expect(
      CalendarExport.icsTimes(start: day, end: CivilDate(iso: "2012-08-31")!, time: "10:00〜16:00")
        == [
          zone + "20120721T100000", "DTEND;TZID=Asia/Tokyo:20120721T160000",
          "RRULE:FREQ=DAILY;COUNT=42",
        ])
    // All-day over several days: one event, DTEND the day after the last.
    #expect(
      CalendarExport.icsTimes(start: day, end: CivilDate(iso: "2012-08-31")!, time: nil) == [
        "DTSTART;VALUE=DATE:20120721", "DTEND;VALUE=DATE:20120901",
      ])
  }

  @Test func icsHasTheTokyoTimeZoneAndTimedEventsFromTheData() throws {
    let folder = try SampleDataSet(programmes: 1, events: 40, snapshots: 1, seed: 3)
      .write(into: NSTemporaryDirectory() + "shinchoku-ics-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try DatasetLoader().load(directory: folder)
    let text = try #require(
      CalendarExport.text(
        request("2000-01-01", "2030-12-31"), dataset: data, format: .ics, language: .japanese))
    let lines = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 1)
    #expect(lines.contains("TZID:Asia/Tokyo") && lines.contains("TZOFFSETTO:+0900"))
    // Every dated sample event has a start time ("9:30"), some span days.
    let dated = data.events.filter { $0.start != nil }
    #expect(!dated.isEmpty && dated.allSatisfy { $0.startMinute != nil })
    #expect(lines.filter { $0.hasPrefix("DTSTART;TZID=Asia/Tokyo:") }.count == dated.count)
    #expect(!lines.contains { $0.hasPrefix("DTSTART;VALUE=DATE") || $0.hasPrefix("DTEND") })
    let spanning = dated.filter { event in event.end.map { $0 > event.start! } ?? false }
    #expect(lines.filter { $0.hasPrefix("RRULE:FREQ=DAILY;COUNT=") }.count == spanning.count)
  }
}
