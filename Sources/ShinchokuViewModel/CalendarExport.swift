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
/// - ICS (RFC 5545): one all-day VEVENT per event overlapping the range (DTEND exclusive),
///   CRLF line endings, lines folded at 75 octets, text escaped. Undated events are left out.
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
    _ request: Request, dataset: Dataset, format: ExportFormat, language: Language
  ) -> String? {
    switch format {
    case .json: json(request, dataset: dataset, language: language)
    case .csv: csv(request, dataset: dataset, language: language)
    case .ics: ics(request, dataset: dataset, language: language)
    case .md, .txt: nil
    }
  }

  /// The events passing the filter that overlap the range, in agenda order (through the
  /// calendar's index: a month of a million events is not a scan of them all).
  static func events(_ request: Request, _ index: EventIndex) -> [CityEvent] {
    index.events(overlapping: request.from, request.to, filter: request.filter)
  }

  /// The events on each day of the range, in the order given.
  static func byDay(_ events: [CityEvent], _ request: Request) -> [CivilDate: [CityEvent]] {
    var days: [CivilDate: [CityEvent]] = [:]
    for event in events {
      guard let start = event.start else { continue }
      var day = max(start, request.from)
      let last = min(event.end ?? start, request.to)
      while day <= last {
        days[day, default: []].append(event)
        day = day.adding(days: 1)
      }
    }
    return days
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

  static func json(_ request: Request, dataset: Dataset, language: Language) -> String {
    let index = EventIndex(events: dataset.events)
    let events = events(request, index)
    let onDay = byDay(events, request)
    let filter = request.filter
    let object: [String: Any] = [
      "from": request.from.iso,
      "to": request.to.iso,
      "synthetic": dataset.plan.isSynthetic,
      "filter": [
        "categories": filter.categoryIDs.sorted(),
        "free_only": filter.freeOnly,
        "audience": filter.audience.rawValue,
        "search": filter.search.isEmpty ? NSNull() : filter.search,
      ] as [String: Any],
      "days": days(request).map { day in
        [
          "date": day.iso,
          "weekday": day.weekday.japaneseName,
          "weekday_en": day.weekday.englishShortName,
          "holiday": JapaneseHolidays.name(of: day) ?? NSNull(),
          "events": (onDay[day] ?? []).map(\.id),
        ] as [String: Any]
      },
      "events": events.map { eventObject($0, dataset, language) },
      "undated_events": index.undatedEvents(filter: filter).map {
        eventObject($0, dataset, language)
      },
    ]
    return jsonText(object)
  }

  static func csv(_ request: Request, dataset: Dataset, language: Language) -> String {
    let events = byDay(events(request, EventIndex(events: dataset.events)), request)
    var lines = [
      "date,weekday,holiday,event_id,title,category,start,end,dates_inferred,time,venues,audience,fees"
    ]
    for day in days(request) {
      let head = [day.iso, day.weekday.japaneseName, JapaneseHolidays.name(of: day) ?? ""]
      let onDay = events[day] ?? []
      if onDay.isEmpty {
        lines.append((head + Array(repeating: "", count: 10)).joined(separator: ","))
      }
      for event in onDay {
        let fields = [
          event.id, event.title, event.categoryID ?? "", event.start?.iso ?? "",
          (event.end ?? event.start)?.iso ?? "",
          event.isInferred("start") || event.isInferred("end") ? "true" : "false",
          event.time ?? "", event.venues.joined(separator: "・"),
          event.audience.map(\.rawValue).joined(separator: " "),
          UIText.feeSummary(event.fees, language: language),
        ]
        lines.append((head + fields).map(MatrixExport.csvField).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func ics(_ request: Request, dataset: Dataset, language: Language) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Shinchoku//Event calendar//JA",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    ]
    for event in events(request, EventIndex(events: dataset.events)) {
      guard let start = event.start else { continue }
      let end = (event.end ?? start).adding(days: 1)
      lines.append("BEGIN:VEVENT")
      lines.append("UID:\(icsText(event.id))@shinchoku")
      lines.append("DTSTAMP:\(request.stamp)")
      lines.append("DTSTART;VALUE=DATE:\(icsDate(start))")
      lines.append("DTEND;VALUE=DATE:\(icsDate(end))")
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
    }
    lines.append("END:VCALENDAR")
    return lines.map(folded).joined(separator: "\r\n") + "\r\n"
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
        UIText.fieldInferred.text(language) + ": " + event.inferred.sorted().joined(separator: ", ")
          + (event.inferenceNote.map { " — " + $0 } ?? ""))
    }
    parts.append(
      UIText.fieldSource.text(language) + ": "
        + (dataset.sources[event.source]?.title ?? event.source))
    return parts.joined(separator: "\n")
  }

  static func icsDate(_ date: CivilDate) -> String {
    date.iso.replacingOccurrences(of: "-", with: "")
  }

  /// RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n.
  static func icsText(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n", "\r\n", "\r": out += "\\n"
      default: out.append(character)
      }
    }
    return out
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
