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

  /// Notes that header column `column` is `key`; a second column for the same key is an error
  /// naming both (which of them holds the data cannot be guessed), and the first one is kept.
  mutating func noteHeaderColumn(
    _ key: String, at column: Int, in index: inout [String: Int], header: CSVRow, file: String
  ) {
    if let first = index[key] {
      sink.error(
        SourceLocation(file: file, line: header.line, column: header.column(of: column)),
        "the column '\(header.fields[column].trimmingSpaces())' is there twice (first at column \(header.column(of: first)), as '\(header.fields[first].trimmingSpaces())')",
        ja:
          "列 '\(header.fields[column].trimmingSpaces())' が二つあります（一つ目は \(header.column(of: first)) 列目の '\(header.fields[first].trimmingSpaces())'）",
        hint: "remove or rename one of them", jaHint: "どちらかを消すか名前を変えてください")
      return
    }
    index[key] = column
  }

  /// The header's columns by key, or nil (reported) when it has no title column.
  mutating func eventsCSVColumns(_ header: CSVRow, file: String) -> [String: Int]? {
    var index: [String: Int] = [:]
    for (column, name) in header.fields.enumerated() {
      let trimmed = name.trimmingSpaces()
      if let key = Self.eventColumns.first(where: {
        $0.value.contains { $0.lowercased() == trimmed.lowercased() }
      })?.key {
        noteHeaderColumn(key, at: column, in: &index, header: header, file: file)
      } else if !trimmed.isEmpty {
        sink.warning(
          SourceLocation(file: file, line: header.line, column: header.column(of: column)),
          "unknown column '\(trimmed)' is ignored", ja: "知らない列 '\(trimmed)' は無視します",
          hint:
            "columns: 日付 開始 終了 名称 会場 対象 料金 分類 備考 (or date start end title venue audience fee category notes)",
          jaHint: "列は 日付 開始 終了 名称 会場 対象 料金 分類 備考 です"
        )
      }
    }
    guard index["title"] != nil else {
      sink.error(
        SourceLocation(file: file, line: header.line, column: 1), "no 名称 (title) column",
        ja: "名称の列がありません", hint: "the first row must name the columns",
        jaHint: "1 行目に列の名前を書きます")
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
  ///
  /// With `header` (the columns' places, as an earlier read found them) the rows have no
  /// header: they are those appended since. Answers the columns' places (nil before a header).
  @discardableResult
  mutating func readEventsCSV(
    file: String, header: [Int]? = nil,
    rows forEachRow: (_ estimatedRows: (Int) -> Void, _ body: (CSVByteRow) -> Void) -> Void
  ) -> [Int]? {
    let fileName = (file as NSString).lastPathComponent
    let sourceID = "file:" + fileName
    var positions: [Int] = header ?? EventsCSVColumn.allCases.map { _ in -1 }
    var sawHeader = header != nil
    let reference = CivilDate(year: 2000, month: 1, day: 1)!
    // Cell texts (dates, audiences, fees, categories) by number, and what each was read as.
    var cells = StringTable()
    var dates = NumberedCache<(start: CivilDate?, end: CivilDate?, warning: DateProblem?)>()
    var audiences = NumberedCache<(list: Int32, known: Bool)>()
    var feeLists = NumberedCache<Int32>()
    var categoryTexts = NumberedCache<Int32>()
    var venueLists = NumberedCache<Int32>()
    let details = events.number(details: EventDetails(source: sourceID))
    let noVenues = events.number(venues: [])
    let noAudience = events.number(audience: [])
    let noFees = events.number(fees: [])
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    func reserve(_ rows: Int) { events.reserveCapacity(events.count + rows) }
    forEachRow(reserve) { row in
      guard sawHeader else {
        sawHeader = true
        let columns = eventsCSVColumns(row.row, file: file)
        positions = EventsCSVColumn.allCases.map { columns?[$0.key] ?? -1 }
        return
      }
      let titleColumn = positions[EventsCSVColumn.title.rawValue]
      guard titleColumn >= 0 else { return }
      // Each cell trimmed, once; the bytes are the row's, valid in this call.
      func cell(_ key: EventsCSVColumn) -> UnsafeBufferPointer<UInt8> {
        let column = positions[key.rawValue]
        return column < 0 ? empty : Self.trimmed(row.field(column))
      }
      func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
      }
      func location(_ key: EventsCSVColumn) -> SourceLocation {
        SourceLocation(
          file: file, line: row.line, column: row.column(of: max(0, positions[key.rawValue])))
      }
      let title = cell(.title)
      guard !title.isEmpty else {
        sink.warning(
          SourceLocation(file: file, line: row.line, column: row.column(of: titleColumn)),
          "a row without a 名称 (title) is left out", ja: "名称のない行は除きます")
        return
      }
      let idCell = cell(.id)
      var generatedID = idCell.isEmpty ? "\(fileName)-\(row.line)" : ""
      let inserted =
        idCell.isEmpty ? generatedID.withUTF8 { events.internID($0) } : events.internID(idCell)
      guard inserted else {
        let id = idCell.isEmpty ? generatedID : text(idCell)
        sink.error(
          location(.id), "duplicate event id '\(id)'", ja: "催しの id '\(id)' が重複しています",
          hint: "event ids must be unique", jaHint: "催しの id は一つずつ違うものにします")
        return
      }
      var start: CivilDate?
      var end: CivilDate?
      let dateCell = cell(.date)
      if !dateCell.isEmpty {
        let number = cells.intern(dateCell).id
        if dates[number] == nil {
          dates[number] =
            Self.isoDates(dateCell).map { ($0.start, $0.end, nil) }
            ?? readDate(text(dateCell), reference: reference)
        }
        let known = dates[number]!
        start = known.start
        end = known.end
        switch known.warning {
        case nil: break
        case .unreadable(let written):
          sink.warning(
            location(.date),
            "'\(written)' is not a date this can read; the event is listed as 日付未定",
            ja: "'\(written)' は読める日付ではないので、日付未定として載せます",
            hint: "write 2012-08-01, 2012/8/1, 平成24年8月1日, or a range 2012-07-21〜2012-08-31",
            jaHint: "2012-08-01、2012/8/1、平成24年8月1日、期間なら 2012-07-21〜2012-08-31 と書きます")
        case .endsBeforeStart:
          sink.warning(
            location(.date), "the range ends before it starts; the end is left out",
            ja: "期間の終わりが始まりより前なので、終わりを除きます")
        }
      }
      var time = EventStore.none
      let startCell = cell(.start)
      let endCell = cell(.end)
      for (key, bytes) in [(EventsCSVColumn.start, startCell), (.end, endCell)] where !bytes.isEmpty
      {
        if let problem = impossibleTime(in: text(bytes)) {
          sink.error(
            location(key), problem.english ?? problem.japanese, ja: problem.japanese,
            hint: "write a time of day such as 9:30 or 13:00", jaHint: "9:30 や 13:00 のように時刻を書きます")
        }
      }
      if !endCell.isEmpty {
        time = events.internText(
          startCell.isEmpty ? text(endCell) : text(startCell) + "〜" + text(endCell))
      } else if !startCell.isEmpty {
        time = events.internText(startCell)
      }
      var audience = noAudience
      var audienceNote: String?
      let audienceCell = cell(.audience)
      if !audienceCell.isEmpty {
        let number = cells.intern(audienceCell).id
        if audiences[number] == nil {
          let list = Self.audiences(in: text(audienceCell))
          audiences[number] = (events.number(audience: list), !list.isEmpty)
        }
        audience = audiences[number]!.list
        if !audiences[number]!.known {
          audienceNote = "対象: " + text(audienceCell)
          sink.warning(
            location(.audience),
            "cannot tell the audience from '\(text(audienceCell))'; it is kept in the notes",
            ja: "'\(text(audienceCell))' から対象を読み取れないので、備考に残します",
            hint: "e.g. 子ども, 大人, 親子, どなたでも", jaHint: "例: 子ども、大人、親子、どなたでも")
        }
      }
      var category = EventStore.none
      let categoryCell = cell(.category)
      if !categoryCell.isEmpty {
        let number = cells.intern(categoryCell).id
        if categoryTexts[number] == nil {
          let name = text(categoryCell)
          if let known = categories.first(matching: name) {
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
      let notesCell = cell(.notes)
      if let audienceNote {
        notes = events.internText(
          notesCell.isEmpty ? audienceNote : text(notesCell) + "\n" + audienceNote)
      } else if !notesCell.isEmpty {
        notes = events.internText(notesCell)
      }
      var venues = noVenues
      let venueCell = cell(.venue)
      if !venueCell.isEmpty {
        let venue = events.internText(venueCell)
        if venueLists[venue] == nil { venueLists[venue] = events.number(venues: [venue]) }
        venues = venueLists[venue]!
      }
      var fees = noFees
      let feeCell = cell(.fee)
      if !feeCell.isEmpty {
        let number = cells.intern(feeCell).id
        if feeLists[number] == nil {
          feeLists[number] = events.number(fees: Self.fees(text(feeCell)))
        }
        fees = feeLists[number]!
      }
      let titleText = events.internText(title)
      events.appendColumns(
        title: titleText, category: category, venues: venues, start: start, end: end, time: time,
        notes: notes, audience: audience, fees: fees, details: details)
    }
    return sawHeader ? positions : nil
  }

  /// Reads events.csv into the events of `fresh` (the reader of the other files), or, when
  /// `previous` (the reader after the last read of it) ended where the file has only been
  /// appended to since (`CSVReader.forEachAppendedRow`), only the appended rows, after the
  /// events read then: a one-row append to a million rows reads one row. Either way the
  /// reader answered remembers where this read ended, for the next.
  static func readingEventsCSV(
    _ url: URL, displayName: String, sizeLimit: Int, fresh: DatasetReader,
    previous: DatasetReader?, progress: LoadProgress?, cache: EventCache? = nil
  ) -> DatasetReader {
    if var reader = previous, let (end, header) = previous?.eventsCSVEnd {
      // The earlier reports stay; the appended rows add theirs.
      let sink = DiagnosticSink(visitLimit: reader.sink.visitLimit)
      sink.append(reader.sink.items)
      reader.sink = sink
      var newEnd: CSVReadEnd?
      var appended: Bool?
      reader.readEventsCSV(file: displayName, header: header) { _, body in
        appended = CSVReader.forEachAppendedRow(
          url, since: end, displayName: displayName, sizeLimit: sizeLimit, sink: sink,
          ended: { newEnd = $0 }, body)
      }
      if appended != nil {
        reader.eventsCSVEnd = newEnd.map { ($0, header) }
        reader.eventsCSVRead = .appended(bytes: (newEnd?.size ?? end.size) - end.size)
        return reader
      }
    }
    // The cache on disk, when it holds exactly this file's events (it says nothing otherwise).
    if let cached = cache?.load(url, displayName: displayName, sizeLimit: sizeLimit) {
      return cached.reader(from: fresh)
    }
    var reader = fresh
    reader.eventsCSVEnd = nil
    var end: CSVReadEnd?
    let sink = reader.sink
    let header = reader.readEventsCSV(file: displayName) { estimatedRows, body in
      // Row by row: a large file's rows are never all held at once.
      _ = CSVReader.forEachByteRow(
        url, displayName: displayName, sizeLimit: sizeLimit, sink: sink, progress: progress,
        estimatedRows: estimatedRows, ended: { end = $0 }, body)
    }
    if let end, let header { reader.eventsCSVEnd = (end, header) }
    reader.eventsCSVRead = .whole
    return reader
  }

  /// The common cell at the byte level: `2012-08-01`, or `2012-07-21〜2012-08-31` (〜, ～ or
  /// ~) in order. Anything else (other forms, a day that does not exist, a range backwards)
  /// is nil, for `readDate` to read or report.
  static func isoDates(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: CivilDate, end: CivilDate?)?
  {
    func day(at offset: Int) -> CivilDate? {
      guard offset + 10 <= bytes.count, bytes[offset + 4] == 0x2D, bytes[offset + 7] == 0x2D
      else { return nil }
      var fields = [0, 0, 0]
      for (field, range) in [(0, 0..<4), (1, 5..<7), (2, 8..<10)] {
        for index in range {
          let digit = bytes[offset + index] &- 0x30
          guard digit < 10 else { return nil }
          fields[field] = fields[field] * 10 + Int(digit)
        }
      }
      return CivilDate(year: fields[0], month: fields[1], day: fields[2])
    }
    guard let start = day(at: 0) else { return nil }
    if bytes.count == 10 { return (start, nil) }
    let separator: Int
    switch bytes.count {
    case 21 where bytes[10] == 0x7E: separator = 1
    case 23
    where bytes[10] == 0xE3 && bytes[11] == 0x80 && bytes[12] == 0x9C
      || bytes[10] == 0xEF && bytes[11] == 0xBD && bytes[12] == 0x9E:
      separator = 3
    default: return nil
    }
    guard let end = day(at: 10 + separator), start <= end else { return nil }
    return (start, end)
  }

  /// A date cell: a day, or a range written with 〜; a warning when it cannot be read.
  /// What is wrong with a date cell that can still be listed.
  enum DateProblem {
    case unreadable(String)
    case endsBeforeStart
  }

  private func readDate(_ text: String, reference: CivilDate) -> (
    start: CivilDate?, end: CivilDate?, warning: DateProblem?
  ) {
    let parts = text.split(whereSeparator: { "〜～~".contains($0) }).map {
      $0.trimmingSpaces()
    }
    let dates = parts.map { part -> CivilDate? in
      // A date needs its year: "8/1" alone is refused, not guessed.
      guard part.contains(where: { $0.isNumber }), part.count >= 6 || part.contains("年"),
        let date = parseDate(part, reference: reference)
      else { return nil }
      return date
    }
    if parts.count > 2 || dates.contains(where: { $0 == nil }) {
      return (nil, nil, .unreadable(text))
    }
    let start = dates.first ?? nil
    let end = dates.count == 2 ? dates[1] : nil
    if let s = start, let e = end, e < s {
      return (start, nil, .endsBeforeStart)
    }
    return (start, end, nil)
  }

  /// The cell without white space (and newlines) at either end, as `trimmingCharacters(in:
  /// .whitespacesAndNewlines)` trims a `String` (the White_Space scalars), at the byte level.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    // Nearly every cell: its first byte cannot start a space (they start with 09–0D, 20, C2,
    // E1, E2 or E3) and its last byte cannot end one.
    guard let first = bytes.first, let last = bytes.last else { return bytes }
    let mayStartSpace =
      first <= 0x20 || first == 0xC2 || (0xE1...0xE3).contains(first)
    let mayEndSpace: Bool
    switch last {
    case 0x00...0x20, 0x80...0x8B, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF: mayEndSpace = true
    default: mayEndSpace = false
    }
    guard mayStartSpace || mayEndSpace else { return bytes }
    var start = 0
    var end = bytes.count
    while start < end {
      let (scalar, length) = Self.scalar(in: bytes, at: start)
      guard isSpace(scalar) else { break }
      start += length
    }
    while end > start {
      var first = end - 1
      while first > start, bytes[first] & 0xC0 == 0x80, end - first < 4 { first -= 1 }
      guard isSpace(Self.scalar(in: bytes, at: first).scalar) else { break }
      end = first
    }
    return start == 0 && end == bytes.count
      ? bytes : UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// The scalar that starts at `offset` and its length in bytes (U+FFFD, 1 for a bad byte:
  /// the CSV reader has left such lines out).
  private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (
    scalar: Unicode.Scalar, length: Int
  ) {
    let byte = bytes[offset]
    if byte < 0x80 { return (Unicode.Scalar(byte), 1) }
    var iterator = UnsafeBufferPointer(rebasing: bytes[offset...]).makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    guard case .valid(let encoded) = parser.parseScalar(from: &iterator) else {
      return ("\u{FFFD}", 1)
    }
    return (Unicode.UTF8.decode(encoded), encoded.count)
  }

  /// Whether `String.trimmingCharacters(in: .whitespacesAndNewlines)` trims the scalar:
  /// the Unicode White_Space scalars and, in Foundation, U+200B zero width space.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      return true
    default: return false
    }
  }
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
      $0.trimmingSpaces()
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

/// How events.csv was last read: the whole file, only the bytes appended since the read
/// before, or not at all, its events taken from the cache on disk (EventCache.swift).
public enum EventsCSVRead: Sendable, Equatable {
  case whole
  case appended(bytes: Int)
  case cached
}

extension EventsCSVCache {
  /// How the events kept were read (nil before any read of events.csv).
  public var lastRead: EventsCSVRead? { keptReader?.eventsCSVRead }
}
