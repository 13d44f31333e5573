import Foundation
import JapaneseCalendar
import ShinchokuCore

/// The days of a date range and the events in it that pass a filter (the same `EventFilter`
/// as the events pane), as JSON, CSV or iCalendar.
///
/// - JSON: `days` (date, weekday, holiday or null, the ids of the events on the day),
///   `events` (those overlapping the range, every field, with what was inferred) and
///   `undated_events` (those passing the filter that the source gives no date for).
/// - CSV: one row per day and event on it; a day without events is one row with the event
///   columns empty. Undated events have no row.
/// - ICS (RFC 5545): one VEVENT per event overlapping the range: all-day (dates, DTEND
///   exclusive), or at its time in Asia/Tokyo (with the VTIMEZONE) when its time starts with
///   one (`timeRange`); CRLF line endings, lines folded at 75 octets, text escaped. Undated
///   events are left out.
public enum CalendarExport {
  public struct Request: Sendable {
    public var from: CivilDate
    public var to: CivilDate
    public var filter: EventFilter
    /// The DTSTAMP of the ICS events, e.g. "20261125T120000Z".
    public var stamp: String

    public init(from: CivilDate, to: CivilDate, filter: EventFilter, stamp: String) {
      self.from = from
      self.to = to
      self.filter = filter
      self.stamp = stamp
    }
  }

  public static func text(
    _ request: Request, dataset: Dataset, format: ExportFormat, language: Language,
    escaper: ExportEscaper = ExportEscaper()
  ) -> String? {
    var text = ""
    let written = write(
      request, dataset: dataset, format: format, language: language, escaper: escaper
    ) {
      text += $0
    }
    return written ? text : nil
  }

  /// Writes the export piece by piece to `output` (false for a format this export does not
  /// offer). A day's events are looked up in the calendar's index when the day is written and
  /// the events one at a time, so a year of a million events is never held at once.
  @discardableResult
  public static func write(
    _ request: Request, dataset: Dataset, format: ExportFormat, language: Language,
    escaper: ExportEscaper = ExportEscaper(), to output: (String) -> Void
  ) -> Bool {
    let index = EventIndex(events: dataset.events)
    switch format {
    case .json: json(request, dataset, index, language, output)
    case .csv: csv(request, index, language, escaper, output)
    case .ics: ics(request, dataset, index, language, escaper, output)
    case .md, .txt, .html: return false
    }
    return true
  }

  /// The events passing the filter on one day, in agenda order.
  static func events(on day: CivilDate, _ request: Request, _ index: EventIndex) -> [CityEvent] {
    index.events(overlapping: day, day, filter: request.filter)
  }

  /// Calls `body` with each event passing the filter that overlaps the range, in agenda order.
  static func forEachEvent(
    _ request: Request, _ index: EventIndex, _ body: (CityEvent) -> Void
  ) {
    index.forEachEvent(overlapping: request.from, request.to, filter: request.filter, body)
  }

  static func days(_ request: Request) -> [CivilDate] {
    guard request.from <= request.to else { return [] }
    return (0...request.from.days(to: request.to)).map { request.from.adding(days: $0) }
  }

  static func eventObject(_ event: CityEvent, _ dataset: Dataset, _ language: Language) -> [String:
    Any]
  {
    [
      "id": event.id,
      "title": event.title,
      "subtitle": event.subtitle ?? NSNull(),
      "category": event.categoryID ?? NSNull(),
      "category_name": event.categoryID.flatMap { dataset.category($0)?.name.text(language) }
        ?? NSNull(),
      "start": event.start?.iso ?? NSNull(),
      "end": (event.end ?? event.start)?.iso ?? NSNull(),
      "time": event.time ?? NSNull(),
      "venues": event.venues,
      "audience": event.audience.map(\.rawValue),
      "fees": event.fees.map { fee in
        [
          "who": fee.who, "yen": fee.yen.map { $0 as Any } ?? NSNull(),
          "note": fee.note.map { $0 as Any } ?? NSNull(),
        ] as [String: Any]
      },
      "free_for_some": event.fees.contains { $0.yen == 0 },
      "notes": event.notes ?? NSNull(),
      "source": event.source,
      "source_title": dataset.sources[event.source]?.title ?? NSNull(),
      "inferred": event.inferred.sorted(),
      "inference_note": event.inferenceNote ?? NSNull(),
      "corrections": event.corrections.map { ["read": $0.asRead, "corrected": $0.corrected] },
    ]
  }

  static func json(
    _ request: Request, _ dataset: Dataset, _ index: EventIndex, _ language: Language,
    _ output: (String) -> Void
  ) {
    writeJSONObject(jsonMembers(request, dataset, index, language), to: output)
  }

  /// The JSON document's members, its arrays given element by element.
  static func jsonMembers(
    _ request: Request, _ dataset: Dataset, _ index: EventIndex, _ language: Language
  ) -> [String: JSONMember] {
    let filter = request.filter
    return [
      "from": .value(request.from.iso),
      "to": .value(request.to.iso),
      "synthetic": .value(dataset.plan.isSynthetic),
      "filter": .value(
        [
          "categories": filter.categoryIDs.sorted(),
          "free_only": filter.freeOnly,
          "audience": filter.audience.rawValue,
          "search": filter.search.isEmpty ? NSNull() : filter.search,
        ] as [String: Any]),
      "days": .elements { element in
        for day in days(request) {
          element(
            [
              "date": day.iso,
              "weekday": day.weekday.japaneseName,
              "weekday_en": day.weekday.englishShortName,
              "holiday": JapaneseHolidays.name(of: day) ?? NSNull(),
              "events": events(on: day, request, index).map(\.id),
            ] as [String: Any])
        }
      },
      "events": .elements { element in
        forEachEvent(request, index) { element(eventObject($0, dataset, language)) }
      },
      "undated_events": .elements { element in
        for event in index.undatedEvents(filter: filter) {
          element(eventObject(event, dataset, language))
        }
      },
    ]
  }

  static func csv(
    _ request: Request, _ index: EventIndex, _ language: Language, _ escaper: ExportEscaper,
    _ output: (String) -> Void
  ) {
    output(
      "date,weekday,holiday,event_id,title,category,start,end,dates_inferred,time,venues,audience,fees\n"
    )
    for day in days(request) {
      let head = [day.iso, day.weekday.japaneseName, JapaneseHolidays.name(of: day) ?? ""].map {
        escaper.csvCell($0, record: day.iso)
      }
      let onDay = events(on: day, request, index)
      if onDay.isEmpty {
        output((head + Array(repeating: "", count: 10)).joined(separator: ",") + "\n")
      }
      for event in onDay {
        let fields = [
          event.id, event.title, event.categoryID ?? "", event.start?.iso ?? "",
          (event.end ?? event.start)?.iso ?? "",
          event.isInferred("start") || event.isInferred("end") ? "true" : "false",
          event.time ?? "", event.venues.joined(separator: "・"),
          event.audience.map(\.rawValue).joined(separator: " "),
          // " / " between fees: CP932 (--encoding cp932, for Excel) has no "·".
          UIText.feeSummary(event.fees, language: language, asciiOnly: true),
        ]
        let cells = fields.map { escaper.csvCell($0, record: "event " + event.id) }
        output((head + cells).joined(separator: ",") + "\n")
      }
    }
  }

  static func ics(
    _ request: Request, _ dataset: Dataset, _ index: EventIndex, _ language: Language,
    _ escaper: ExportEscaper, _ output: (String) -> Void
  ) {
    var lines =
      [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shinchoku//Event calendar//JA",
        "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      ] + tokyoTimeZone
    func flush() {
      output(lines.map { folded($0) + "\r\n" }.joined())
      lines.removeAll(keepingCapacity: true)
    }
    forEachEvent(request, index) { event in
      guard let start = event.start else { return }
      func icsText(_ text: String) -> String { escaper.icsText(text, record: "event " + event.id) }
      lines.append("BEGIN:VEVENT")
      lines.append("UID:\(icsText(event.id))@shinchoku")
      lines.append("DTSTAMP:\(request.stamp)")
      lines += icsTimes(start: start, end: event.end ?? start, time: event.time)
      lines.append("SUMMARY:" + icsText(event.title))
      if !event.venues.isEmpty {
        lines.append("LOCATION:" + icsText(event.venues.joined(separator: "・")))
      }
      if let category = event.categoryID {
        lines.append(
          "CATEGORIES:" + icsText(dataset.category(category)?.name.text(language) ?? category))
      }
      lines.append("DESCRIPTION:" + icsText(description(event, dataset, language)))
      lines.append("END:VEVENT")
      flush()
    }
    lines.append("END:VCALENDAR")
    flush()
  }

  /// Everything a calendar program has no field for, one item a line.
  static func description(_ event: CityEvent, _ dataset: Dataset, _ language: Language) -> String {
    var parts: [String] = []
    if let subtitle = event.subtitle { parts.append(subtitle) }
    if let time = event.time { parts.append(UIText.fieldTime.text(language) + ": " + time) }
    if !event.audience.isEmpty {
      parts.append(
        UIText.fieldAudience.text(language) + ": "
          + event.audience.map { UIText.audience($0, language: language) }.joined(separator: "・"))
    }
    if !event.fees.isEmpty {
      parts.append(
        UIText.fieldFees.text(language) + ": "
          + UIText.feeSummary(event.fees, language: language, notes: true))
    }
    if let notes = event.notes { parts.append(notes) }
    if !event.inferred.isEmpty {
      parts.append(
        UIText.fieldInferred.text(language) + ": "
          + UIText.inferredFields(event.inferred, language: language)
          + (event.inferenceNote.map { " — " + $0 } ?? ""))
    }
    parts.append(
      UIText.fieldSource.text(language) + ": "
        + (dataset.sources[event.source]?.title ?? event.source))
    return parts.joined(separator: "\n")
  }

  /// Japan's time zone: +09:00 all year (no daylight saving since 1951).
  static let tokyoTimeZone = [
    "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE",
  ]

  /// The DTSTART, DTEND and RRULE lines of an event on `start`…`end` (days) at `time`.
  ///
  /// - No time, or one that does not start with a time of day: all-day, date-valued, DTEND
  ///   the day after the last day.
  /// - A start time (and an end time when the text gives one: "13:00〜15:00"): DTSTART and
  ///   DTEND with TZID=Asia/Tokyo on the first day (an end at or before the start is the next
  ///   day's). Without an end time there is no DTEND: RFC 5545 then has the event end when it
  ///   starts, and no length the data does not give is made up.
  /// - Over several days, the time is each day's: RRULE FREQ=DAILY with COUNT the days.
  static func icsTimes(start: CivilDate, end: CivilDate, time: String?) -> [String] {
    guard let time, let minutes = timeRange(time) else {
      return [
        "DTSTART;VALUE=DATE:\(icsDate(start))", "DTEND;VALUE=DATE:\(icsDate(end.adding(days: 1)))",
      ]
    }
    func dateTime(_ day: CivilDate, _ minute: Int) -> String {
      let hour = minute / 60
      let rest = minute % 60
      return icsDate(day) + "T" + (hour < 10 ? "0" : "") + "\(hour)" + (rest < 10 ? "0" : "")
        + "\(rest)00"
    }
    var lines = ["DTSTART;TZID=Asia/Tokyo:" + dateTime(start, minutes.start)]
    if let endMinute = minutes.end {
      let endDay = endMinute <= minutes.start ? start.adding(days: 1) : start
      lines.append("DTEND;TZID=Asia/Tokyo:" + dateTime(endDay, endMinute))
    }
    let days = start.days(to: end) + 1
    if days > 1 { lines.append("RRULE:FREQ=DAILY;COUNT=\(days)") }
    return lines
  }

  /// The minutes after midnight a time text starts and ends at: "9:30" → (570, nil),
  /// "13:00〜15:00" (or with ～ ~ - － – —) → (780, 900); nil when it does not start with a time.
  static func timeRange(_ time: String) -> (start: Int, end: Int?)? {
    guard let start = startMinute(of: time) else { return nil }
    let separators: Set<Character> = ["〜", "～", "~", "-", "－", "–", "—"]
    guard let separator = time.firstIndex(where: { separators.contains($0) }) else {
      return (start, nil)
    }
    let rest = time[time.index(after: separator)...].trimmingSpaces()
    return (start, startMinute(of: rest))
  }

  static func icsDate(_ date: CivilDate) -> String {
    date.iso.replacingOccurrences(of: "-", with: "")
  }

  /// Folds a content line into lines of at most 75 octets (continuations start with a space),
  /// never splitting a UTF-8 sequence.
  static func folded(_ line: String) -> String {
    var lines: [String] = []
    var current = ""
    var octets = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if octets + size > 75 {
        lines.append(current)
        current = " "
        octets = 1
      }
      current.unicodeScalars.append(scalar)
      octets += size
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }
}
