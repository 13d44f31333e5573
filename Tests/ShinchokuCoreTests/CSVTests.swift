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

  @Test func aBadByteCostsOneRowWithItsLineAndColumn() throws {
    var bytes = cp932("名称,会場\r\nよい行,会場A\r\n")
    // "あ," then 0x81 0x20: a lead byte without its trail byte.
    bytes += [0x82, 0xA0, 0x2C, 0x81, 0x20] + Array("\r\n".utf8)
    bytes += cp932("次の行,会場B\r\n")
    let data = try load(try folderWithEventsCSV(bytes))
    #expect(data.events.filter { $0.source == "file:events.csv" }.map(\.title) == ["よい行", "次の行"])
    let warning = try #require(data.warnings.first { $0.message.contains("not valid") })
    #expect(warning.location.line == 3 && warning.location.column == 4)
    #expect(warning.message == "byte 0x81 is not valid Shift_JIS (CP932); this row is left out")
  }

  @Test func theSidecarNamesTheEncoding() throws {
    // Valid as UTF-8 and as CP932 alike (ASCII): the sidecar decides; then a CP932 file read as
    // UTF-8 because the sidecar says so reports its bytes.
    let data = try load(try folderWithEventsCSV(cp932("名称\r\nテスト\r\n"), encodingSidecar: "utf-8\n"))
    #expect(data.warnings.contains { $0.message.hasPrefix("byte 0x96 is not valid UTF-8") })
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

/// The byte-level UTF-8 reader gives the rows, lines, columns and diagnostics the decoding
/// reader gives.
@Suite struct ByteCSVTests {
  static let cases: [[UInt8]] = [
    Array(japaneseCSV.utf8),
    Array("a,b\nc,d".utf8),
    Array("a,\"b\"\"c\",d\r\n\"x\ny\",,\r\n\n\n".utf8),
    Array("名称,会場\n\"ひらいた\n".utf8),
    Array("名称,会場\n\"\",\"\"\r\n全角　スペース, 会場 \n".utf8),
    [0x61, 0x2C, 0x62, 0x0A, 0x63, 0xFF, 0x2C, 0x64, 0x0A, 0x65, 0x2C, 0x66, 0x0A],
    [0x22, 0x61, 0x0A, 0xC3, 0x28, 0x0A, 0x62, 0x22, 0x2C, 0x63, 0x0A],
    Array("x\r\n\"a\"\r\n\"\"\r\n,\r\n".utf8),
  ]

  @Test(arguments: cases.indices)
  func bytesAndDecodedTextGiveTheSameRows(index: Int) {
    let bytes = Self.cases[index]
    let oldSink = DiagnosticSink()
    let decoded = CSVReader.decode(Data(bytes), file: "t.csv", declared: .utf8, sink: oldSink)
    let old = CSVReader.parse(decoded.text, lineMap: decoded.lineMap, file: "t.csv", sink: oldSink)
    let newSink = DiagnosticSink()
    var new: [CSVRow] = []
    let lines = CSVReader.splitLines(bytes)
    let bad = Set(lines.indices.filter { CSVReader.firstInvalidUTF8(lines[$0]) != nil })
    bytes.withUnsafeBufferPointer { buffer in
      CSVReader.parseUTF8(buffer, badLines: bad, file: "t.csv", sink: newSink) { new.append($0) }
    }
    #expect(new.map(\.fields) == old.map(\.fields))
    #expect(new.map(\.line) == old.map(\.line))
    #expect(new.map(\.columns) == old.map(\.columns))
    let oldErrors = oldSink.items.filter { !$0.message.hasPrefix("byte") }.map(\.description)
    #expect(newSink.items.map(\.description) == oldErrors)
    #expect(
      bytes.withUnsafeBufferPointer(CSVReader.isValidUTF8)
        == (String(validating: bytes, as: UTF8.self) != nil))
  }
}
