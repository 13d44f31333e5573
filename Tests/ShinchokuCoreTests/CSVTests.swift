import Foundation
import Testing

@testable import ShinchokuCore

/// The bundled data plus an events.csv with these bytes.
func folderWithEventsCSV(_ bytes: [UInt8], encodingSidecar: String? = nil) throws -> String {
  let folder = try dataFolder()
  try Data(bytes).write(to: URL(fileURLWithPath: folder + "/events.csv"))
  if let encodingSidecar {
    try Data(encodingSidecar.utf8).write(to: URL(fileURLWithPath: folder + "/events.csv.encoding"))
  }
  return folder
}

/// The text as CP932 bytes. CP932 has no WAVE DASH (U+301C): its 0x8160 is FULLWIDTH TILDE
/// (U+FF5E), as Windows writes 〜, so the text is given that.
func cp932(_ text: String) -> [UInt8] {
  [UInt8](text.replacingOccurrences(of: "〜", with: "～").data(using: .shiftJIS) ?? Data())
}

let japaneseCSV = """
  日付,開始,終了,名称,会場,対象,料金,分類,備考\r
  2012-08-01,10:00,12:00,おはなし会,中央図書館,子ども,無料,図書館,\r
  2012/8/2〜2012/8/4,,,"展示「夏の絵」, 第1部",中央公民館,どなたでも,一般300円、小・中学生150円,,"1行目\r
  2行目"\r
  ,,,日付のない講座,小川西町公民館,大人,500円,講座,\r

  """

@Suite struct EventsCSVTests {
  func load(_ folder: String) throws -> Dataset { try DatasetLoader().load(directory: folder) }

  func checkJapaneseRows(_ data: Dataset) throws {
    let csvEvents = data.events.filter { $0.source == "file:events.csv" }
    #expect(csvEvents.count == 3)
    let talk = try #require(csvEvents.first { $0.title == "おはなし会" })
    #expect(talk.start?.iso == "2012-08-01" && talk.end == nil)
    #expect(talk.time == "10:00〜12:00")
    #expect(talk.audience == [.children])
    #expect(talk.fees.first?.yen == 0)
    #expect(data.category(talk.categoryID ?? "")?.name.japanese == "図書館")
    let show = try #require(csvEvents.first { $0.title == "展示「夏の絵」, 第1部" })
    #expect(show.start?.iso == "2012-08-02" && show.end?.iso == "2012-08-04")
    #expect(show.notes == "1行目\n2行目")
    #expect(show.fees.map(\.yen) == [300, 150])
    #expect(show.fees.map(\.who) == ["一般", "小・中学生"])
    #expect(show.audience == [.everyone])
    let undated = try #require(csvEvents.first { $0.title == "日付のない講座" })
    #expect(undated.start == nil && undated.audience == [.adults])
  }

  @Test func utf8WithCRLFQuotesAndEmbeddedNewlines() throws {
    let data = try load(try folderWithEventsCSV(Array(japaneseCSV.utf8)))
    try checkJapaneseRows(data)
    #expect(data.warnings.isEmpty, "\(data.warnings)")
  }

  @Test func utf8WithABOM() throws {
    try checkJapaneseRows(
      try load(try folderWithEventsCSV([0xEF, 0xBB, 0xBF] + Array(japaneseCSV.utf8))))
  }

  @Test func cp932IsDetected() throws {
    try checkJapaneseRows(try load(try folderWithEventsCSV(cp932(japaneseCSV))))
  }

  @Test func cp932WithNECAndIBMExtensionCharacters() throws {
    // ① ㈱ (NEC row 13), 髙 﨑 (IBM extensions): Japanese offices type these every day.
    let text = "名称,会場\r\n①髙橋さんの講座,㈱﨑山ホール\r\n"
    let data = try load(try folderWithEventsCSV(cp932(text)))
    let event = try #require(data.events.first { $0.source == "file:events.csv" })
    #expect(event.title == "①髙橋さんの講座")
    #expect(event.venues == ["㈱﨑山ホール"])
  }

  @Test func aBadByteIsShownWithItsLineAndColumnAndItsRowKept() throws {
    var bytes = cp932("名称,会場\r\nよい行,会場A\r\n")
    // "あ," then 0x81 0x20: a lead byte without its trail byte.
    bytes += [0x82, 0xA0, 0x2C, 0x81, 0x20] + Array("\r\n".utf8)
    bytes += cp932("次の行,会場B\r\n")
    let data = try load(try folderWithEventsCSV(bytes))
    let events = data.events.filter { $0.source == "file:events.csv" }
    #expect(events.map(\.title) == ["よい行", "あ", "次の行"])
    #expect(events[1].venues == ["\u{FFFD}"])
    let warning = try #require(data.warnings.first { $0.message.contains("not valid") })
    #expect(warning.location.line == 3 && warning.location.column == 3)
    #expect(warning.message == "byte 0x81 is not valid Shift_JIS (CP932); it is shown as \u{FFFD}")
  }

  @Test func theSidecarNamesTheEncoding() throws {
    // Valid as UTF-8 and as CP932 alike (ASCII): the sidecar decides; then a CP932 file read as
    // UTF-8 because the sidecar says so reports its bytes.
    // The header is then no header: the load stops, and says why.
    #expect {
      try load(try folderWithEventsCSV(cp932("名称\r\nテスト\r\n"), encodingSidecar: "utf-8\n"))
    } throws: { error in
      let messages = (error as? DataLoadError)?.diagnostics.map(\.message) ?? []
      return messages.contains {
        $0.hasPrefix("bytes 0x96 0xBC are not a UTF-8 character")
          || $0.hasPrefix("byte 0x96 is not valid UTF-8")
      }
        && messages.contains { $0.hasPrefix("no 名称 (title) column") }
    }
    let right = try load(
      try folderWithEventsCSV(cp932("名称\r\nテスト\r\n"), encodingSidecar: "shift_jis"))
    #expect(right.events.contains { $0.title == "テスト" })
  }

  @Test func englishHeaders() throws {
    let text = "title,date,venue,fee\nBook talk,2012-08-01,Central Library,free\n"
    let data = try load(try folderWithEventsCSV(Array(text.utf8)))
    let event = try #require(data.events.first { $0.title == "Book talk" })
    #expect(event.start?.iso == "2012-08-01" && event.fees.first?.yen == 0)
  }

  @Test func badRowsAreWarningsAndTheRestLoads() throws {
    let text = "名称,日付,謎\nよい催し,2012-02-30\n,2012-08-01\n年のない催し,8/1\n"
    let data = try load(try folderWithEventsCSV(Array(text.utf8)))
    let messages = data.warnings.map {
      "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)"
    }
    #expect(messages.contains("1:7 unknown column '謎' is ignored"))
    #expect(
      messages.contains("2:6 '2012-02-30' is not a date this can read; the event is listed as 日付未定")
    )
    #expect(messages.contains("3:1 a row without a 名称 (title) is left out"))
    #expect(messages.contains("4:8 '8/1' is not a date this can read; the event is listed as 日付未定"))
    #expect(
      data.events.filter { $0.source == "file:events.csv" }.map(\.title) == ["よい催し", "年のない催し"])
  }

  @Test func anUnclosedQuoteIsAnErrorWhereItOpened() throws {
    let text = "名称,備考\nA,\"開いたまま\nB,x\n"
    let errors = loadErrors(try folderWithEventsCSV(Array(text.utf8)))
    #expect(errors.count == 1)
    #expect(errors.first?.location.line == 2 && errors.first?.location.column == 3)
    #expect(errors.first?.message == "this quoted field is never closed")
  }
}

@Suite struct ProgrammesCSVTests {
  @Test func programmesFromASpreadsheetGiveTheFollowUpsSplit() throws {
    // Nine programmes of area 1 in the 2017-03-31 follow-up: 1 ahead, 7 on schedule, 1 behind,
    // as the city's figures say; written by number, name and symbol as people do.
    var text = "番号,分野,名称,担当,2017-03-31\r\n"
    text += "P1,1,窓口の見直し,市民課,◎\r\n"
    for n in 2...8 { text += "P\(n),地域協働の推進,取組\(n),協働推進課,予定どおり\r\n" }
    text += "P9,community,取組9,協働推進課,behind\r\n"
    let folder = try dataFolder()
    try Data(cp932(text)).write(to: URL(fileURLWithPath: folder + "/programmes.csv"))
    let data = try DatasetLoader().load(directory: folder)
    #expect(data.programmes.count == 9)
    // Area 1's records agree with the city's figures; the other areas have no records here, so
    // their stated counts disagree (records are taken as complete for a snapshot).
    #expect(!data.warnings.contains { $0.message.contains("'community'") }, "\(data.warnings)")
    #expect(data.warnings.contains { $0.message.contains("'finance'") })
    let followUp = try #require(data.snapshots.last)
    #expect(followUp.recordCounts?["community"] == ["ahead": 1, "on-schedule": 7, "behind": 1])
    #expect(data.programmes.first?.section == "市民課")
  }

  @Test func aCountTheRecordsContradictIsAWarning() throws {
    let text = "id,area,title,2017-03-31\nP1,1,x,behind\nP2,1,y,behind\n"
    let folder = try dataFolder()
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/programmes.csv"))
    let data = try DatasetLoader().load(directory: folder)
    #expect(
      data.warnings.map(\.message).contains(
        "2017-03-31, area 'community', status 'behind': the snapshot states 1 but the programme records give 2"
      ))
  }

  @Test func unknownSnapshotsAreasAndStatusesAreReportedWhereTheyAre() throws {
    let text = "id,area,title,2017-04-01,2017-03-31\nP1,9,x,,○\nP2,1,y,,?\n"
    let folder = try dataFolder()
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/programmes.csv"))
    let errors = loadErrors(folder)
    #expect(
      errors.map { "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)" } == [
        "1:15 no snapshot on 2017-04-01"
      ])
  }
}

/// What `CSVReader.forEachByteRow` gave: each row's line, fields (bytes and strings) and
/// columns, and the diagnostics.
struct ByteRead {
  var rows: [(line: Int, fields: [String], columns: [Int])] = []
  var bytes: [[[UInt8]]] = []
  var diagnostics: [String] = []
  var encoding: CSVEncoding?
  var estimates: [Int] = []
  var estimateBeforeRows = true

  var lines: [Int] { rows.map(\.line) }
  var fields: [[String]] { rows.map(\.fields) }
  var columns: [[Int]] { rows.map(\.columns) }
}

/// Reads the bytes as a file `t.csv` (with a sidecar naming its encoding when given), `chunk`
/// bytes at a time.
func readBytes(_ bytes: [UInt8], chunk: Int, sidecar: String? = nil) throws -> ByteRead {
  let folder = NSTemporaryDirectory() + "shinchoku-csv-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let url = URL(fileURLWithPath: folder + "/t.csv")
  try Data(bytes).write(to: url)
  if let sidecar { try Data(sidecar.utf8).write(to: URL(fileURLWithPath: url.path + ".encoding")) }
  let sink = DiagnosticSink()
  var read = ByteRead()
  var estimates: [Int] = []
  func estimate(_ rows: Int) { estimates.append(rows) }
  read.encoding = CSVReader.forEachByteRow(
    url, displayName: "t.csv", sizeLimit: 1 << 30, sink: sink, chunkSize: chunk,
    estimatedRows: estimate
  ) { row in
    if estimates.isEmpty { read.estimateBeforeRows = false }
    read.rows.append(
      (row.line, (0..<row.count).map(row.string), (0..<row.count).map(row.column(of:))))
    read.bytes.append((0..<row.count).map { index in row.withField(index) { Array($0) } })
    // Past the last field: empty, column 1.
    #expect(row.string(row.count).isEmpty && row.field(row.count).isEmpty)
    #expect(row.column(of: row.count) == 1)
    // The String form agrees with the byte form.
    #expect(row.row.fields == (0..<row.count).map(row.string))
    #expect(row.row.columns == (0..<row.count).map(row.column(of:)))
    #expect(row.row.line == row.line)
  }
  read.estimates = estimates
  read.diagnostics = sink.items.map {
    "\($0.location.line ?? 0):\($0.location.column ?? 0) \($0.message)"
  }
  return read
}

/// The byte-level reader, against rows written out by hand, at chunk sizes that split rows at
/// every place (1, 2, 3 and 7 bytes) and at the real size.
@Suite struct ByteCSVTests {
  static let chunks = [1, 2, 3, 7, CSVReader.defaultChunkSize]

  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var bytes: [UInt8]
    var lines: [Int]
    var fields: [[String]]
    var columns: [[Int]]
    var diagnostics: [String] = []
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "quotes, doubled quotes, CRLF, a newline in quotes, empty lines",
      bytes: Array("a,\"b\"\"c\",d\r\n\"x\ny\",,\r\n\n\n".utf8),
      lines: [1, 2], fields: [["a", "b\"c", "d"], ["x\ny", "", ""]],
      columns: [[1, 3, 10], [1, 4, 5]]),
    Case(
      name: "a last line without LF", bytes: Array("a,b\nc,d".utf8), lines: [1, 2],
      fields: [["a", "b"], ["c", "d"]], columns: [[1, 3], [1, 3]]),
    Case(
      name: "a quote inside an unquoted field is a character",
      bytes: Array("a\"b,c\"\"\n".utf8), lines: [1], fields: [["a\"b", "c\"\""]],
      columns: [[1, 5]]),
    Case(
      name: "a row of one empty field is left out; CRs",
      bytes: Array("\"a\"\r\n\"\"\r\n,\r\n\"a\"\r,b\n\"a\r\"\nc\r,d\r\n\"1\r\n2\"\r\n\r\n".utf8),
      lines: [1, 3, 4, 5, 6, 7],
      fields: [["a"], ["", ""], ["a", "b"], ["a\r"], ["c\r", "d"], ["1\n2"]],
      columns: [[1], [1, 2], [1, 6], [1], [1, 4], [1]]),
    Case(
      name: "characters counted in columns, a quoted newline keeps the lines counting",
      bytes: Array("名称,会場,備考\n\"展示「夏」\",中央公民館,\"1行目\r\n2行目\",終\n次,x\n".utf8),
      lines: [1, 2, 4],
      fields: [["名称", "会場", "備考"], ["展示「夏」", "中央公民館", "1行目\n2行目", "終"], ["次", "x"]],
      columns: [[1, 4, 7], [1, 9, 15, 6], [1, 3]]),
    Case(
      name: "an unclosed quote is an error where it opened",
      bytes: Array("名称,会場\nあ,\"ひらいた\nB,x\n".utf8), lines: [1], fields: [["名称", "会場"]],
      columns: [[1, 4]], diagnostics: ["2:3 this quoted field is never closed"]),
    Case(
      name: "an unclosed quote on the last line without LF",
      bytes: Array("a\n\"b".utf8), lines: [1], fields: [["a"]], columns: [[1]],
      diagnostics: ["2:1 this quoted field is never closed"]),
    Case(
      name: "a bad byte is shown as U+FFFD and its row kept",
      bytes: Array("a,b\nc".utf8) + [0xFF] + Array(",d\ne,f\n".utf8),
      lines: [1, 2, 3], fields: [["a", "b"], ["c\u{FFFD}", "d"], ["e", "f"]],
      columns: [[1, 3], [1, 4], [1, 3]],
      diagnostics: ["2:2 byte 0xFF is not valid UTF-8; it is shown as \u{FFFD}"]),
    Case(
      name: "a bad byte inside quotes is kept in the field, shown as U+FFFD",
      bytes: Array("\"a\n".utf8) + [0xFF, 0x28] + Array("\nb\",c\nd\n".utf8), lines: [1, 4],
      fields: [["a\n\u{FFFD}(\nb", "c"], ["d"]], columns: [[1, 4], [1]],
      diagnostics: ["2:1 byte 0xFF is not valid UTF-8; it is shown as \u{FFFD}"]),
    Case(
      name: "a BOM is skipped", bytes: [0xEF, 0xBB, 0xBF] + Array("名,b\n".utf8), lines: [1],
      fields: [["名", "b"]], columns: [[1, 3]]),
    Case(name: "an empty file", bytes: [], lines: [], fields: [], columns: []),
  ]

  @Test(arguments: cases, chunks)
  func rowsAreTheHandWrittenOnes(_ test: Case, chunk: Int) throws {
    let read = try readBytes(test.bytes, chunk: chunk)
    #expect(read.fields == test.fields)
    #expect(read.lines == test.lines)
    #expect(read.columns == test.columns)
    // The bytes as the file has them; decoded, they are the fields.
    #expect(read.bytes.map { $0.map { String(decoding: $0, as: UTF8.self) } } == test.fields)
    #expect(read.diagnostics == test.diagnostics)
    #expect(read.encoding == .utf8)
  }

  /// A row far longer than the chunk: the buffer grows to hold it.
  @Test(arguments: [1, 7, 64])
  func aRowLongerThanTheChunk(chunk: Int) throws {
    let quoted = String(repeating: "長い,\"\"x", count: 2_000)
    let unquoted = String(repeating: "長いx", count: 3_000)
    let text = "h\n\"\(quoted)\",\(unquoted)\nlast\n"
    let read = try readBytes(Array(text.utf8), chunk: chunk)
    #expect(
      read.fields == [
        ["h"], [quoted.replacingOccurrences(of: "\"\"", with: "\""), unquoted], ["last"],
      ])
    #expect(read.lines == [1, 2, 3])
  }

  /// The estimate comes once, before the rows, and is near the number of rows.
  @Test(arguments: [64, CSVReader.defaultChunkSize])
  func theRowEstimate(chunk: Int) throws {
    let text = (1...1_000).map { "row\($0),x\n" }.joined()
    let read = try readBytes(Array(text.utf8), chunk: chunk)
    #expect(read.rows.count == 1_000)
    #expect(read.estimates.count == 1 && read.estimateBeforeRows)
    let estimate = try #require(read.estimates.first)
    #expect(estimate >= 1_000 && estimate <= 1_500, "\(estimate)")
  }

  /// CP932 (guessed or declared) goes through the same parser after decoding.
  @Test(arguments: [1, 3, CSVReader.defaultChunkSize])
  func cp932Rows(chunk: Int) throws {
    let bytes = cp932("名称,会場\r\n\"①髙橋\r\nさん\",㈱﨑山\r\n") + [0x81, 0x20] + cp932("\r\n次,x\r\n")
    for sidecar in [nil, "cp932"] {
      let read = try readBytes(bytes, chunk: chunk, sidecar: sidecar)
      #expect(read.encoding == .cp932)
      #expect(
        read.fields == [["名称", "会場"], ["①髙橋\nさん", "㈱﨑山"], ["\u{FFFD} "], ["次", "x"]])
      #expect(read.lines == [1, 2, 4, 5])
      #expect(read.columns == [[1, 4], [1, 5], [1], [1, 3]])
      #expect(
        read.diagnostics == [
          "4:1 byte 0x81 is not valid Shift_JIS (CP932); it is shown as \u{FFFD}"
        ])
    }
  }

  @Test func aFolderIsAFileThatCannotBeRead() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-csv-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/t.csv", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sink = DiagnosticSink()
    var rows = 0
    let encoding = CSVReader.forEachByteRow(
      URL(fileURLWithPath: folder + "/t.csv"), displayName: "t.csv", sizeLimit: 1 << 30,
      sink: sink
    ) { _ in rows += 1 }
    #expect(encoding == nil && rows == 0)
    #expect(
      sink.items.map(\.message) == ["the file is a folder, not a regular file; it is not read"])
  }

  @Test func isValidUTF8AgreesWithTheStandardLibrary() {
    var samples = Self.cases.map(\.bytes)
    for position in 0..<20 {
      var bytes = Array(String(repeating: "a", count: 20).utf8)
      bytes[position] = 0xFF
      samples.append(bytes)
      samples.append(Array(bytes[..<position]) + Array("日本".utf8) + [0xE6, 0x97])
    }
    // Every lead byte with second bytes at the edges of the ranges (overlong forms, surrogates,
    // past U+10FFFF), then random bytes.
    for lead in UInt8(0x80)...0xFF {
      for second: UInt8 in [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
        samples.append([lead, second, 0x80, 0x80])
        samples.append([0x61, lead, second, 0x80])
      }
    }
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<2_000 {
      samples.append(
        (0..<Int.random(in: 1...12, using: &generator)).map { _ in
          UInt8.random(in: 0x80...0xFF, using: &generator)
        })
    }
    for bytes in samples {
      #expect(
        bytes.withUnsafeBufferPointer(CSVReader.isValidUTF8)
          == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
  }
}

/// A reference splitter for the random test: the whole input at once, one byte at a time, with
/// columns counted as it goes (the reader under test reads chunks, searches runs and counts
/// columns afterwards). A sequence that is not valid UTF-8 is reported and becomes U+FFFD.
func referenceRows(_ bytes: [UInt8]) -> (
  rows: [(line: Int, fields: [String], columns: [Int])], diagnostics: [String]
) {
  var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
  if lines.last?.isEmpty == true { lines.removeLast() }
  var diagnostics: [String] = []
  for (index, line) in lines.enumerated() {
    // Each ill-formed sequence, at its column: the characters before it, each earlier bad
    // sequence counted as its U+FFFD.
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = line.makeIterator()
    var offset = 0
    loop: while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: break loop
      case .error(let length):
        let before = line.prefix(offset)
        let column = String(decoding: before, as: UTF8.self).unicodeScalars.count + 1
        let shown = line.dropFirst(offset).prefix(length).map {
          "0x" + String($0, radix: 16, uppercase: true)
        }
        diagnostics.append(
          length == 1
            ? "\(index + 1):\(column) byte \(shown[0]) is not valid UTF-8; it is shown as \u{FFFD}"
            : "\(index + 1):\(column) bytes \(shown.joined(separator: " ")) are not a UTF-8 character; they are shown as \u{FFFD}"
        )
        offset += length
      }
    }
  }
  var rows: [(line: Int, fields: [String], columns: [Int])] = []
  var fields: [String] = []
  var columns = [1]
  var field: [UInt8] = []
  var inQuotes = false
  var closed = false
  var quote = (line: 0, column: 0)
  var line = 1
  var rowLine = 1
  var column = 1
  var index = 0
  func endField() {
    if !closed, field.last == 0x0D { field.removeLast() }
    fields.append(String(decoding: field, as: UTF8.self))
  }
  func endRow() {
    endField()
    if fields != [""] { rows.append((rowLine, fields, columns)) }
    (fields, columns, field, closed) = ([], [1], [], false)
  }
  rowLine = line
  while index < bytes.count {
    let byte = bytes[index]
    index += 1
    let start = column
    if byte & 0xC0 != 0x80 { column += 1 }
    if inQuotes {
      if byte == 0x22 {
        (inQuotes, closed) = (false, true)
      } else if byte == 0x0A {
        if field.last == 0x0D { field.removeLast() }
        field.append(0x0A)
        (line, column) = (line + 1, 1)
      } else {
        field.append(byte)
      }
      continue
    }
    switch byte {
    case 0x22 where closed:
      field.append(0x22)
      (inQuotes, closed) = (true, false)
    case 0x22 where field.isEmpty:
      inQuotes = true
      quote = (line, start)
    case 0x2C:
      fields.append(String(decoding: field, as: UTF8.self))
      (field, closed) = ([], false)
      columns.append(column)
    case 0x0A:
      endRow()
      (line, column) = (line + 1, 1)
      rowLine = line
    case 0x0D where closed:
      break
    default:
      field.append(byte)
      closed = false
    }
  }
  if inQuotes {
    diagnostics.append("\(quote.line):\(quote.column) this quoted field is never closed")
  } else if !field.isEmpty || !fields.isEmpty || closed {
    endRow()
  }
  return (rows, diagnostics)
}

@Suite struct RandomCSVTests {
  /// Random files of the bytes that matter (and a bad one), read at several chunk sizes, give
  /// the reference splitter's rows, columns and diagnostics.
  @Test func randomFilesGiveTheReferenceRows() throws {
    let pieces: [[UInt8]] = [
      [0x61], [0x62], [0x2C], [0x22], [0x0A], [0x0D], Array("日".utf8), [0xFF], [0x20],
      [0x22, 0x22], Array("abcdefghij".utf8),
    ]
    var state: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<1_500 {
      let bytes = (0..<next(48)).flatMap { _ in pieces[next(pieces.count)] }
      let expected = referenceRows(bytes)
      for chunk in [1, 2, 5, 64] {
        let read = try readBytes(bytes, chunk: chunk, sidecar: "utf-8")
        let same =
          read.fields == expected.rows.map(\.fields) && read.lines == expected.rows.map(\.line)
          && read.columns == expected.rows.map(\.columns)
          && read.diagnostics.sorted() == expected.diagnostics.sorted()
        #expect(same, "chunk \(chunk), bytes \(bytes)")
        if !same { return }
      }
    }
  }
}
