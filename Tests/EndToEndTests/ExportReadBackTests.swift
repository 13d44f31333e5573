import Foundation
import Testing

/// The Python of the venv `.ci/run` makes (`.build/ci-venv`, with `icalendar`), or
/// `$SHINCHOKU_TEST_PYTHON`.
let venvPython =
  ProcessInfo.processInfo.environment["SHINCHOKU_TEST_PYTHON"]
  ?? repositoryRoot + "/.build/ci-venv/bin/python3"

/// Runs `python` on `script` with `arguments`, giving its standard output.
func python(
  _ script: String, _ arguments: [String], python: String = "python3",
  sourceLocation: SourceLocation = #_sourceLocation
) throws -> String {
  let result = try spawnAndWait("/usr/bin/env", ["env", python, "-c", script] + arguments)
  #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
  return result.stdout
}

/// Runs the binary on the seed data plus `events.csv` rows (in a copy of Data/), writing its
/// standard output to `output`.
struct ExportFolder {
  let root: String
  var data: String { root + "/Data" }

  init(eventsCSV rows: [String] = []) throws {
    root = try temporaryFolder("export")
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: data)
    if !rows.isEmpty {
      try (["日付,開始,終了,名称,会場,対象,料金,分類,備考"] + rows).joined(separator: "\n")
        .appending("\n").write(toFile: data + "/events.csv", atomically: true, encoding: .utf8)
    }
  }

  /// Runs an export to the file `name` in the folder; the status, the file's path and stderr.
  func export(_ arguments: [String], to name: String) throws -> (
    status: Int32, path: String, stderr: String
  ) {
    let path = root + "/" + name
    let result = try shell(
      "out=\"$1\" binary=\"$2\" data=\"$3\"; shift 3; \"$binary\" \"$@\" --data \"$data\" > \"$out\"",
      [path, binaryPath, data] + arguments)
    return (result.status, path, result.stderr)
  }

  func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct ExportReadBackTests {
  static let readCSV = """
    import csv, json, sys
    with open(sys.argv[1], encoding=sys.argv[2], newline="") as f:
        print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
    """

  func rows(_ path: String, _ encoding: String) throws -> [[String]] {
    let text = try python(Self.readCSV, [path, encoding])
    return try JSONDecoder().decode([[String]].self, from: Data(text.utf8))
  }

  @Test func theBOMCSVIsReadByPythonsCSVModuleAsUTF8SIG() throws {
    let folder = try ExportFolder()
    defer { folder.remove() }
    for (arguments, firstHeader) in [
      (["export", "matrix", "--format", "csv"], "number"),
      (
        ["export", "calendar", "--from", "2012-07-01", "--to", "2012-08-31", "--format", "csv"],
        "date"
      ),
    ] {
      let bom = try folder.export(arguments, to: "bom.csv")
      #expect(bom.status == 0, "\(bom.stderr)")
      let bytes = try Data(contentsOf: URL(fileURLWithPath: bom.path))
      #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the default has the BOM")
      let plain = try folder.export(arguments + ["--no-bom"], to: "plain.csv")
      #expect(try Data(contentsOf: URL(fileURLWithPath: plain.path)) == bytes.dropFirst(3))
      let read = try rows(bom.path, "utf-8-sig")
      #expect(read.first?.first == firstHeader, "no BOM left in the first header")
      #expect(read == (try rows(plain.path, "utf-8")))
      #expect(read.count > 5)
      if firstHeader == "number" {
        #expect(read[1].prefix(3) == ["1", "community", "地域協働の推進"])
      } else {
        let museum = try #require(read.first { $0[0] == "2012-07-21" })
        #expect(museum[1] == "土" && museum[4] == "夏休みわくわく体験美術館")
        #expect(museum[12] == "小・中学生 無料 / 同伴の保護者 観覧料が必要")
      }
    }
  }

  @Test func theCP932CSVDecodesAsCP932ToTheSameRows() throws {
    let folder = try ExportFolder(eventsCSV: [
      "2012-07-25,13:00,15:30,①髙橋さんの〜科学教室,小川町二丁目児童館,子ども,無料,jidokan,"
    ])
    defer { folder.remove() }
    let arguments = [
      "export", "calendar", "--from", "2012-07-01", "--to", "2012-08-31", "--format", "csv",
    ]
    let cp932 = try folder.export(arguments + ["--encoding", "cp932"], to: "sjis.csv")
    #expect(cp932.status == 0, "\(cp932.stderr)")
    let utf8 = try folder.export(arguments, to: "utf8.csv")
    // CP932 writes 〜 (U+301C) as 0x8160, which Windows (and Python) read as ～ (U+FF5E).
    let expected = try rows(utf8.path, "utf-8-sig").map { row in
      row.map { $0.replacingOccurrences(of: "〜", with: "～") }
    }
    let read = try rows(cp932.path, "cp932")
    #expect(read == expected)
    #expect(read.contains { $0[4] == "①髙橋さんの～科学教室" })
    let matrix = try folder.export(
      ["export", "matrix", "--format", "csv", "--encoding", "cp932"], to: "matrix.csv")
    #expect(matrix.status == 0, "\(matrix.stderr)")
    #expect(try rows(matrix.path, "cp932")[1].prefix(3) == ["1", "community", "地域協働の推進"])
  }

  @Test func aCharacterCP932LacksStopsTheExportNamingTheRow() throws {
    let folder = try ExportFolder(eventsCSV: ["2012-07-25,,,𠮷野家の会,小川町二丁目児童館,,,jidokan,"])
    defer { folder.remove() }
    let result = try folder.export(
      [
        "export", "calendar", "--lang", "en", "--from", "2012-07-24", "--to", "2012-07-26",
        "--format", "csv", "--encoding", "cp932",
      ], to: "sjis.csv")
    #expect(result.status == 1)
    // Rows: the header, 7/24 (the museum's summer period), 7/25 (the museum, then this one).
    #expect(
      result.stderr
        == "shinchoku: row 4, column 5 (title): '𠮷' (U+20BB7) has no code in CP932 (Shift_JIS), in \"𠮷\"; export in UTF-8 (leave out --encoding cp932), or change the data\n"
    )
    #expect(try Data(contentsOf: URL(fileURLWithPath: result.path)).isEmpty, "nothing written")
  }

  static let readICS = """
    import json, sys, icalendar
    calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
    def when(value):
        if value is None:
            return None
        dt = value.dt
        if hasattr(dt, "hour"):
            return {"at": dt.isoformat(), "zone": str(dt.tzinfo), "offset": dt.utcoffset().total_seconds()}
        return {"date": dt.isoformat()}
    out = {}
    for event in calendar.walk("VEVENT"):
        rule = event.get("rrule")
        out[str(event["uid"])] = {
            "summary": str(event["summary"]), "start": when(event.get("dtstart")),
            "end": when(event.get("dtend")), "count": rule["COUNT"][0] if rule else None}
    print(json.dumps({"zones": [str(z["tzid"]) for z in calendar.walk("VTIMEZONE")],
                      "events": out}, ensure_ascii=False))
    """

  struct ICSRead: Decodable {
    struct When: Decodable, Equatable {
      var at: String?
      var zone: String?
      var offset: Double?
      var date: String?
    }
    struct Event: Decodable {
      var summary: String
      var start: When?
      var end: When?
      var count: Int?
    }
    var zones: [String]
    var events: [String: Event]
  }

  @Test(
    .enabled(
      if: availableOrCI(FileManager.default.isExecutableFile(atPath: venvPython)),
      "no Python venv with icalendar at .build/ci-venv (.ci/run makes it: python3 -m venv .build/ci-venv && .build/ci-venv/bin/pip install icalendar)"
    ))
  func theICSImportsIntoICalendarWithTimesInTokyo() throws {
    let folder = try ExportFolder(eventsCSV: [
      "2012-07-25,13:00,15:30,児童館の科学教室,小川町二丁目児童館,子ども,無料,jidokan,",
      "2012-07-26,10:00,,朝のおはなし会,小川町二丁目児童館,子ども,無料,jidokan,",
      "2012-07-27〜2012-07-29,9:30,12:00,三日間の工作教室,小川町二丁目児童館,子ども,無料,jidokan,",
    ])
    defer { folder.remove() }
    let ics = try folder.export(
      ["export", "calendar", "--from", "2012-07-01", "--to", "2012-08-31", "--format", "ics"],
      to: "events.ics")
    #expect(ics.status == 0, "\(ics.stderr)")
    let text = try python(Self.readICS, [ics.path], python: venvPython)
    let read = try JSONDecoder().decode(ICSRead.self, from: Data(text.utf8))
    #expect(read.zones == ["Asia/Tokyo"])
    #expect(read.events.count == 4)
    // All-day stays date-valued, DTEND the day after the last.
    let museum = try #require(read.events["museum-summer-day@shinchoku"])
    #expect(museum.start == .init(date: "2012-07-21") && museum.end == .init(date: "2012-09-01"))
    let byTitle = Dictionary(uniqueKeysWithValues: read.events.values.map { ($0.summary, $0) })
    let tokyo = 9.0 * 3600
    let science = try #require(byTitle["児童館の科学教室"])
    #expect(
      science.start == .init(at: "2012-07-25T13:00:00+09:00", zone: "Asia/Tokyo", offset: tokyo))
    #expect(
      science.end == .init(at: "2012-07-25T15:30:00+09:00", zone: "Asia/Tokyo", offset: tokyo))
    #expect(science.count == nil)
    let story = try #require(byTitle["朝のおはなし会"])
    #expect(story.start?.at == "2012-07-26T10:00:00+09:00" && story.end == nil)
    let craft = try #require(byTitle["三日間の工作教室"])
    #expect(craft.start?.at == "2012-07-27T09:30:00+09:00")
    #expect(craft.end?.at == "2012-07-27T12:00:00+09:00" && craft.count == 3)
  }
}
