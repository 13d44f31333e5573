import Foundation
import JapaneseCalendar

/// Events from a spreadsheet's CSV: the columns are found by their Japanese or English header.
extension DatasetReader {
  static let eventColumns: [String: [String]] = [
    "id": ["id", "番号", "ID"],
    "date": ["date", "日付", "開催日"],
    "start": ["start", "開始", "開始時刻"],
    "end": ["end", "終了", "終了時刻"],
    "title": ["title", "名称", "催し", "行事名"],
    "venue": ["venue", "会場", "場所"],
    "audience": ["audience", "対象"],
    "fee": ["fee", "料金", "費用"],
    "category": ["category", "分類", "種別"],
    "notes": ["notes", "備考"],
  ]

  mutating func readEventsCSV(_ rows: [CSVRow], file: String) {
    readEventsCSV(file: file) { lines, body in
      lines(rows.count)
      for row in rows { body(row) }
    }
  }

  /// The header's columns by key, or nil (reported) when it has no title column.
  mutating func eventsCSVColumns(_ header: CSVRow, file: String) -> [String: Int]? {
    var index: [String: Int] = [:]
    for (column, name) in header.fields.enumerated() {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      if let key = Self.eventColumns.first(where: {
        $0.value.contains { $0.lowercased() == trimmed.lowercased() }
      })?.key {
        index[key] = column
      } else if !trimmed.isEmpty {
        sink.warning(
          SourceLocation(file: file, line: header.line, column: header.column(of: column)),
          "unknown column '\(trimmed)' is ignored",
          hint:
            "columns: 日付 開始 終了 名称 会場 対象 料金 分類 備考 (or date start end title venue audience fee category notes)"
        )
      }
    }
    guard index["title"] != nil else {
      sink.error(
        SourceLocation(file: file, line: header.line, column: 1), "no 名称 (title) column",
        hint: "the first row must name the columns")
      return nil
    }
    let sourceID = "file:" + (file as NSString).lastPathComponent
    if sources[sourceID] == nil {
      sources[sourceID] = DataSource(id: sourceID, title: (file as NSString).lastPathComponent)
    }
    return index
  }

  /// Reads events from CSV rows as they come (the header first), so that a large file's rows
  /// are never all held at once.
  mutating func readEventsCSV(
    file: String, rows forEachRow: (_ lines: (Int) -> Void, _ body: (CSVRow) -> Void) -> Void
  ) {
    let sourceID = "file:" + (file as NSString).lastPathComponent
    var columns: [String: Int]?
    // The column of each key, by `EventsCSVColumn` (no dictionary lookup per cell).
    var positions: [Int?] = EventsCSVColumn.allCases.map { _ in nil }
    var sawHeader = false
    let reference = CivilDate(year: 2000, month: 1, day: 1)!
    // Ids seen so far, and what was made of each distinct cell text: a large file repeats its
    // venues, audiences, fees and categories, and the events then share one copy of each.
    var ids = Set(events.map(\.id))
    var texts: [UTF8Key: String] = [:]
    var dateCache: [UTF8Key: (start: CivilDate?, end: CivilDate?, warning: String?)] = [:]
    var audienceCache: [UTF8Key: [Audience]] = [:]
    var feeCache: [UTF8Key: [Fee]] = [:]
    var venueCache: [UTF8Key: [String]] = [:]
    var categoryCache: [UTF8Key: String] = [:]
    func shared(_ text: String) -> String {
      if let known = texts[UTF8Key(text)] { return known }
      texts[UTF8Key(text)] = text
      return text
    }
    func reserve(_ lines: Int) { events.reserveCapacity(events.count + lines) }
    forEachRow(reserve) { row in
      guard sawHeader else {
        sawHeader = true
        columns = eventsCSVColumns(row, file: file)
        positions = EventsCSVColumn.allCases.map { columns?[$0.key] }
        return
      }
      guard let titleColumn = positions[EventsCSVColumn.title.rawValue] else { return }
      func value(_ key: EventsCSVColumn) -> String? {
        guard let column = positions[key.rawValue], column < row.fields.count else { return nil }
        let text = Self.trimmed(row.fields[column])
        return text.isEmpty ? nil : text
      }
      func location(_ key: EventsCSVColumn) -> SourceLocation {
        SourceLocation(
          file: file, line: row.line, column: row.column(of: positions[key.rawValue] ?? 0))
      }
      guard let title = value(.title) else {
        sink.warning(
          SourceLocation(file: file, line: row.line, column: row.column(of: titleColumn)),
          "a row without a 名称 (title) is left out")
        return
      }
      let id = value(.id) ?? "\((file as NSString).lastPathComponent)-\(row.line)"
      guard ids.insert(id).inserted else {
        sink.error(location(.id), "duplicate event id '\(id)'", hint: "event ids must be unique")
        return
      }
      var start: CivilDate?
      var end: CivilDate?
      if let text = value(.date), let known = dateCache[UTF8Key(text)] {
        start = known.start
        end = known.end
        if let warning = known.warning {
          sink.warning(
            location(.date), warning,
            hint: warning.hasPrefix("the range")
              ? nil
              : "write 2012-08-01, 2012/8/1, 平成24年8月1日, or a range 2012-07-21〜2012-08-31")
        }
      } else if let text = value(.date) {
        var warning: String?
        defer { dateCache[UTF8Key(text)] = (start, end, warning) }
        let parts = text.split(whereSeparator: { "〜～~".contains($0) }).map {
          $0.trimmingCharacters(in: .whitespaces)
        }
        let dates = parts.map { part -> CivilDate? in
          // A date needs its year: "8/1" alone is refused, not guessed.
          guard part.contains(where: { $0.isNumber }), part.count >= 6 || part.contains("年"),
            let date = parseDate(part, reference: reference)
          else { return nil }
          return date
        }
        if parts.count > 2 || dates.contains(where: { $0 == nil }) {
          warning = "'\(text)' is not a date this can read; the event is listed as 日付未定"
          sink.warning(
            location(.date), "'\(text)' is not a date this can read; the event is listed as 日付未定",
            hint: "write 2012-08-01, 2012/8/1, 平成24年8月1日, or a range 2012-07-21〜2012-08-31")
        } else {
          start = dates.first ?? nil
          end = dates.count == 2 ? dates[1] : nil
          if let s = start, let e = end, e < s {
            warning = "the range ends before it starts; the end is left out"
            sink.warning(location(.date), "the range ends before it starts; the end is left out")
            end = nil
          }
        }
      }
      var time = value(.start) ?? ""
      if let end = value(.end) { time = time.isEmpty ? end : time + "〜" + end }
      var audience: [Audience] = []
      if let text = value(.audience) {
        audience = audienceCache[UTF8Key(text)] ?? Self.audiences(in: text)
        audienceCache[UTF8Key(text)] = audience
        if audience.isEmpty {
          sink.warning(
            location(.audience),
            "cannot tell the audience from '\(text)'; it is kept in the notes",
            hint: "e.g. 子ども, 大人, 親子, どなたでも")
        }
      }
      var categoryID: String?
      if let text = value(.category), let known = categoryCache[UTF8Key(text)] {
        categoryID = known
      } else if let text = value(.category) {
        defer { categoryCache[UTF8Key(text)] = categoryID }
        if let category = categories.first(where: {
          $0.id == text || $0.name.japanese == text || $0.name.english == text
        }) {
          categoryID = category.id
        } else {
          let newID = "csv-" + text
          categories.append(EventCategory(id: newID, name: LocalizedText(text)))
          categoryID = newID
        }
      }
      var notes = [value(.notes)].compactMap { $0 }
      if audience.isEmpty, let text = value(.audience) { notes.append("対象: " + text) }
      events.append(
        CityEvent(
          id: id, title: shared(title), subtitle: nil, categoryID: categoryID,
          venues: value(.venue).map { venue in
            if let known = venueCache[UTF8Key(venue)] { return known }
            venueCache[UTF8Key(venue)] = [venue]
            return [venue]
          } ?? [],
          start: start, end: end, time: time.isEmpty ? nil : time, audience: audience,
          fees: value(.fee).map { text in
            if let known = feeCache[UTF8Key(text)] { return known }
            let fees = Self.fees(text)
            feeCache[UTF8Key(text)] = fees
            return fees
          } ?? [],
          notes: notes.isEmpty ? nil : notes.joined(separator: "\n"),
          source: sourceID, inferred: [], inferenceNote: nil, corrections: []))
    }
  }

  /// The text without white space (and newlines) at either end; the text itself when it has
  /// none, as nearly every cell.
  static func trimmed(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else {
      return text
    }
    if !mayBeSpace(first), !mayBeSpace(last) { return text }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Whether a scalar may be white space or a newline (a quick test before the real one).
  private static func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000, 0xFEFF:
      return true
    default: return false
    }
  }
}

/// The columns an events CSV may have, by their key in `eventColumns`.
enum EventsCSVColumn: Int, CaseIterable {
  case id, date, start, end, title, venue, audience, fee, category, notes

  var key: String { "\(self)" }
}

/// A dictionary key that hashes and compares a string's UTF-8 bytes: the cell caches need no
/// Unicode normalisation, which makes hashing Japanese text slow.
public struct UTF8Key: Hashable, Sendable {
  public let text: String
  public init(_ text: String) { self.text = text }

  public func hash(into hasher: inout Hasher) {
    var copy = text
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
    var left = a.text
    var right = b.text
    return left.withUTF8 { x in
      right.withUTF8 { y in
        x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
      }
    }
  }
}

extension DatasetReader {

  /// The audiences a spreadsheet's 対象 text names.
  static func audiences(in text: String) -> [Audience] {
    var found: [Audience] = []
    let lower = text.lowercased()
    if ["どなたでも", "全", "everyone", "誰でも", "市民"].contains(where: { lower.contains($0) }) {
      found.append(.everyone)
    }
    if ["親子", "家族", "families", "family"].contains(where: { lower.contains($0) }) {
      found.append(.families)
    }
    if ["子", "児", "小学", "中学", "小・中", "幼", "children", "child", "kids"].contains(where: {
      lower.contains($0)
    })
      && !found.contains(.families)
    {
      found.append(.children)
    }
    if ["大人", "一般", "成人", "adult", "保護者", "高齢"].contains(where: { lower.contains($0) }) {
      found.append(.adults)
    }
    return found
  }

  /// Fees from a 料金 cell: "無料", "300円", "一般300円、小・中学生150円", "500".
  static func fees(_ text: String) -> [Fee] {
    let parts = text.split(whereSeparator: { "、,;／/".contains($0) }).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return parts.map { part in
      if ["無料", "free", "0円", "0"].contains(part.lowercased()) {
        return Fee(who: "", yen: 0, note: nil)
      }
      let digits = part.filter { $0.isASCII && $0.isNumber }
      let who = part.prefix { !($0.isASCII && $0.isNumber) }.trimmingCharacters(
        in: CharacterSet(charactersIn: " :："))
      if part.hasSuffix("無料") {
        return Fee(
          who: String(part.dropLast(2)).trimmingCharacters(in: CharacterSet(charactersIn: " :：")),
          yen: 0, note: nil)
      }
      guard let yen = Int(digits), part.hasSuffix("円") || Int(part) != nil || part.hasSuffix("円)")
      else {
        return Fee(who: "", yen: nil, note: part)
      }
      return Fee(who: who, yen: yen, note: nil)
    }
  }
}
