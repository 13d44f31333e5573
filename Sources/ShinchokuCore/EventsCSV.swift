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
  /// are never all held at once, into the event store's columns: each cell's bytes are looked
  /// up in a table of the texts seen so far, and what was made of a cell text (a date, a fee
  /// list, an audience, a category) is remembered by the text's number. No `String` is made for
  /// a cell the store already has, and no `CityEvent` at all.
  mutating func readEventsCSV<Row: CSVFields>(
    file: String,
    rows forEachRow: (_ estimatedRows: (Int) -> Void, _ body: (Row) -> Void) -> Void
  ) {
    let fileName = (file as NSString).lastPathComponent
    let sourceID = "file:" + fileName
    var positions: [Int?] = EventsCSVColumn.allCases.map { _ in nil }
    var sawHeader = false
    let reference = CivilDate(year: 2000, month: 1, day: 1)!
    // Cell texts (dates, audiences, fees, categories) by number, and what each was read as.
    var cells = StringTable()
    var dates = NumberedCache<(start: CivilDate?, end: CivilDate?, warning: String?)>()
    var audiences = NumberedCache<(list: Int32, known: Bool)>()
    var feeLists = NumberedCache<Int32>()
    var categoryTexts = NumberedCache<Int32>()
    var venueLists = NumberedCache<Int32>()
    let details = events.number(details: EventDetails(source: sourceID))
    let noVenues = events.number(venues: [])
    let noAudience = events.number(audience: [])
    let noFees = events.number(fees: [])
    func reserve(_ rows: Int) { events.reserveCapacity(events.count + rows) }
    forEachRow(reserve) { row in
      guard sawHeader else {
        sawHeader = true
        let columns = eventsCSVColumns(row.row, file: file)
        positions = EventsCSVColumn.allCases.map { columns?[$0.key] }
        return
      }
      guard let titleColumn = positions[EventsCSVColumn.title.rawValue] else { return }
      /// The trimmed cell, lent to `body` (empty when the column is missing).
      func cell<R>(_ key: EventsCSVColumn, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let column = positions[key.rawValue] else {
          return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return row.withField(column) { Self.withTrimmed($0, body) }
      }
      func has(_ key: EventsCSVColumn) -> Bool { cell(key) { !$0.isEmpty } }
      func text(_ key: EventsCSVColumn) -> String {
        cell(key) { String(decoding: $0, as: UTF8.self) }
      }
      func cellNumber(_ key: EventsCSVColumn) -> Int32 { cell(key) { cells.intern($0).id } }
      func location(_ key: EventsCSVColumn) -> SourceLocation {
        SourceLocation(
          file: file, line: row.line, column: row.column(of: positions[key.rawValue] ?? 0))
      }
      guard has(.title) else {
        sink.warning(
          SourceLocation(file: file, line: row.line, column: row.column(of: titleColumn)),
          "a row without a 名称 (title) is left out")
        return
      }
      let inserted =
        has(.id)
        ? cell(.id) { events.internID($0) }
        : {
          var generated = "\(fileName)-\(row.line)"
          return generated.withUTF8 { events.internID($0) }
        }()
      guard inserted else {
        let id = has(.id) ? text(.id) : "\(fileName)-\(row.line)"
        sink.error(location(.id), "duplicate event id '\(id)'", hint: "event ids must be unique")
        return
      }
      var start: CivilDate?
      var end: CivilDate?
      if has(.date) {
        let number = cellNumber(.date)
        if dates[number] == nil {
          dates[number] = readDate(text(.date), reference: reference)
        }
        let known = dates[number]!
        start = known.start
        end = known.end
        if let warning = known.warning {
          sink.warning(
            location(.date), warning,
            hint: warning.hasPrefix("the range")
              ? nil
              : "write 2012-08-01, 2012/8/1, 平成24年8月1日, or a range 2012-07-21〜2012-08-31")
        }
      }
      var time = EventStore.none
      if has(.end) {
        let startText = text(.start)
        let endText = text(.end)
        time = events.internText(startText.isEmpty ? endText : startText + "〜" + endText)
      } else if has(.start) {
        time = cell(.start) { events.internText($0) }
      }
      var audience = noAudience
      var audienceUnknown = false
      if has(.audience) {
        let number = cellNumber(.audience)
        if audiences[number] == nil {
          let list = Self.audiences(in: text(.audience))
          audiences[number] = (events.number(audience: list), !list.isEmpty)
        }
        audience = audiences[number]!.list
        if !audiences[number]!.known {
          audienceUnknown = true
          sink.warning(
            location(.audience),
            "cannot tell the audience from '\(text(.audience))'; it is kept in the notes",
            hint: "e.g. 子ども, 大人, 親子, どなたでも")
        }
      }
      var category = EventStore.none
      if has(.category) {
        let number = cellNumber(.category)
        if categoryTexts[number] == nil {
          let name = text(.category)
          if let known = categories.first(where: {
            $0.id == name || $0.name.japanese == name || $0.name.english == name
          }) {
            categoryTexts[number] = events.internText(known.id)
          } else {
            let newID = "csv-" + name
            categories.append(EventCategory(id: newID, name: LocalizedText(name)))
            categoryTexts[number] = events.internText(newID)
          }
        }
        category = categoryTexts[number]!
      }
      var notes = EventStore.none
      if audienceUnknown {
        let audienceNote = "対象: " + text(.audience)
        notes = events.internText(has(.notes) ? text(.notes) + "\n" + audienceNote : audienceNote)
      } else if has(.notes) {
        notes = cell(.notes) { events.internText($0) }
      }
      var venues = noVenues
      if has(.venue) {
        let venue = cell(.venue) { events.internText($0) }
        if venueLists[venue] == nil { venueLists[venue] = events.number(venues: [venue]) }
        venues = venueLists[venue]!
      }
      var fees = noFees
      if has(.fee) {
        let number = cellNumber(.fee)
        if feeLists[number] == nil { feeLists[number] = events.number(fees: Self.fees(text(.fee))) }
        fees = feeLists[number]!
      }
      let title = cell(.title) { events.internText($0) }
      events.appendColumns(
        title: title, category: category, venues: venues,
        start: start, end: end, time: time, notes: notes, audience: audience, fees: fees,
        details: details)
    }
  }

  /// A date cell: a day, or a range written with 〜; a warning when it cannot be read.
  private func readDate(_ text: String, reference: CivilDate) -> (
    start: CivilDate?, end: CivilDate?, warning: String?
  ) {
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
      return (nil, nil, "'\(text)' is not a date this can read; the event is listed as 日付未定")
    }
    let start = dates.first ?? nil
    let end = dates.count == 2 ? dates[1] : nil
    if let s = start, let e = end, e < s {
      return (start, nil, "the range ends before it starts; the end is left out")
    }
    return (start, end, nil)
  }

  /// The cell without white space (and newlines) at either end, lent to `body`: the bytes
  /// themselves when they start and end with neither, as nearly every cell; else the text
  /// trimmed as `String` does.
  static func withTrimmed<R>(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    guard let first = bytes.first, let last = bytes.last else { return body(bytes) }
    let plainStart = first > 0x20 && first < 0x7F || first >= 0x80 && !Self.startsWithSpace(bytes)
    let plainEnd = last > 0x20 && last < 0x7F || last >= 0x80 && !Self.endsWithSpace(bytes)
    if plainStart, plainEnd { return body(bytes) }
    var text = trimmed(String(decoding: bytes, as: UTF8.self))
    return text.withUTF8(body)
  }

  private static func startsWithSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else { return false }
    return mayBeSpace(Unicode.UTF8.decode(encoded))
  }

  private static func endsWithSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = bytes.count - 1
    while start > 0, bytes[start] & 0xC0 == 0x80, bytes.count - start < 4 { start -= 1 }
    let tail = UnsafeBufferPointer(rebasing: bytes[start...])
    return startsWithSpace(tail)
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
  static func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000, 0xFEFF:
      return true
    default: return false
    }
  }
}

/// A CSV row whose fields can be read as bytes.
protocol CSVFields {
  var line: Int { get }
  /// The field's bytes (empty past the last field), lent to `body`.
  func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R
  func column(of field: Int) -> Int
  /// The row as text.
  var row: CSVRow { get }
}

extension CSVRow: CSVFields {
  func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    guard index < fields.count else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    var text = fields[index]
    return text.withUTF8(body)
  }
  var row: CSVRow { self }
}

/// Values by a text's number in a `StringTable` (numbers are dense, from 0).
struct NumberedCache<Value> {
  private var values: [Value?] = []

  subscript(number: Int32) -> Value? {
    get { Int(number) < values.count ? values[Int(number)] : nil }
    set {
      if Int(number) >= values.count {
        values.append(contentsOf: repeatElement(nil, count: Int(number) - values.count + 1))
      }
      values[Int(number)] = newValue
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
