import Foundation
import Testing

@testable import ShinchokuCore

/// Input that used to be taken silently: duplicate header columns, impossible times, and YAML
/// errors whose message carried the whole file.
@Suite struct InputIntegrityTests {
  @Test(arguments: [
    ("名称,日付,名称\nA,2012-08-01,B\n", "1:7", "名称", "名称"),
    ("title,date,名称\nA,2012-08-01,B\n", "1:12", "名称", "title"),
    ("名称,開始,開始時刻\nA,10:00,11:00\n", "1:7", "開始時刻", "開始"),
  ])
  func aColumnTwiceInTheEventsHeaderIsAnErrorNamingIt(
    text: String, place: String, second: String, first: String
  ) throws {
    let errors = loadErrors(try folderWithEventsCSV(Array(text.utf8)))
    let error = try #require(errors.first { $0.location.file.hasSuffix("events.csv") })
    #expect("\(error.location.line ?? 0):\(error.location.column ?? 0)" == place)
    #expect(error.message.hasPrefix("the column '\(second)' is there twice"), "\(error.message)")
    #expect(error.message.contains("as '\(first)'"))
  }

  @Test func aColumnTwiceInTheProgrammesHeaderIsAnError() throws {
    let sample = SampleDataSet(programmes: 3, events: 0, snapshots: 1, seed: 2)
    let folder = try writeSample(sample)
    let date = try #require(try DatasetLoader().load(directory: folder).snapshots.first?.date.iso)
    let csv = "番号,分野,名称,\(date),名称,\(date)\nX1,community,試行,ahead,二つ目,behind\n"
    try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/programmes.csv"))
    let errors = loadErrors(folder).filter { $0.location.file.hasSuffix("programmes.csv") }
    #expect(errors.map(\.location.column) == [21, 24], "\(errors)")
    #expect(errors[0].message.hasPrefix("the column '名称' is there twice"))
    #expect(errors[1].message.hasPrefix("the snapshot \(date) has two columns"))
  }

  @Test(arguments: [
    ("25:99", "'25:99'"), ("9:60", "'9:60'"), ("24:30", "'24:30'"), ("１０：７５", "'１０：７５'"),
    ("13:00〜25:00", "'25:00'"),
  ])
  func anImpossibleTimeIsAnErrorWithItsPlace(time: String, shown: String) throws {
    let text = "名称,日付,開始\nA,2012-08-01,10:00\nB,2012-08-02,\(time)\n"
    let errors = loadErrors(try folderWithEventsCSV(Array(text.utf8)))
    let error = try #require(errors.first)
    #expect(error.location.line == 3 && error.location.column == 14)
    #expect(error.message == "\(shown) is not a time of day (hours 0–24, minutes 0–59)")
    #expect(impossibleTime(in: time) != nil)
  }

  @Test(arguments: ["9:30", "13:00〜15:00", "24:00", "０９：３０", "午後", "10時", "1:2", "受付 9:00"])
  func possibleAndFreeTimesPass(time: String) {
    #expect(impossibleTime(in: time) == nil)
  }

  @Test func anImpossibleTimeInEventsYAMLIsAnErrorWithItsPlace() throws {
    let events = try String(contentsOfFile: bundledData + "/events.yaml", encoding: .utf8)
    let broken = events.replacingOccurrences(of: "events:\n", with: "events:\n", options: [])
    let marker = try #require(broken.range(of: "\n    title:"))
    let withTime = broken.replacingCharacters(
      in: marker, with: "\n    time: \"10:00〜12:75\"\n    title:")
    let errors = loadErrors(try dataFolder(replacing: ["events.yaml": withTime]))
    let error = try #require(errors.first)
    #expect(error.location.file.hasSuffix("events.yaml") && error.location.line != nil)
    #expect(error.message == "'12:75' is not a time of day (hours 0–24, minutes 0–59)")
  }

  /// Broken YAML of each kind, in the middle of a big file: one error, with its line and
  /// column, in one short line; never the file's text.
  @Test(arguments: [
    ("a: 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 50001, column 1)"),
    ("top:\n  x: 1\n  y: 2\n  x: 3\n", 4, 3, "duplicate key 'x' (first at line 50002, column 3)"),
    ("a: [1, 2\nb: 3\n", 2, 2, "did not find expected ',' or ']'"),
    ("a: \"open\nb: 2\n", 3, 1, "found unexpected end of stream"),
    ("a: *nowhere\n", 1, 4, "found undefined alias"),
    ("a:\n\t- 1\n", 2, 1, "found character that cannot start any token"),
  ])
  func everyYAMLErrorHasItsPlaceAndAtMostOneLineOfContext(
    broken: String, line: Int, column: Int, message: String
  ) throws {
    let padding = (0..<50_000).map { "k\($0): \"値\($0)\"\n" }.joined()
    let brokenLines = broken.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    // The broken part after the padding, so that line numbers count the padding too; a
    // top-level key in the padding keeps the keys distinct.
    let text = padding + broken
    let sink = DiagnosticSink()
    #expect(parseYAML(text, file: "big.yaml", sink: sink) == nil)
    let diagnostics = sink.items
    #expect(diagnostics.count == 1)
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.location.line == 50_000 + line, "\(diagnostic)")
    #expect(diagnostic.location.column == column, "\(diagnostic)")
    #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
    let shown = diagnostic.description
    #expect(!shown.contains("\n") && shown.utf8.count < 300, "\(shown.utf8.count) bytes")
    #expect(brokenLines > 0)
  }
}
