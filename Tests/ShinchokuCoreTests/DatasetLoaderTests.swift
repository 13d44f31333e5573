import Foundation
import JapaneseCalendar
import Testing

@testable import ShinchokuCore

/// The repository's own Data/ folder.
let bundledData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Data").path

/// A scratch data folder made from the bundled files (the shown plan's: no plans.yaml), with
/// some of them replaced.
func dataFolder(replacing files: [String: String] = [:]) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "shinchoku-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for name in DatasetLoader.fileNames where name != "plans.yaml" {
    let source = URL(fileURLWithPath: bundledData).appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: source.path) else { continue }
    try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
  }
  for (name, text) in files {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }
  return folder.path
}

func loadErrors(_ directory: String) -> [Diagnostic] {
  do {
    _ = try DatasetLoader().load(directory: directory)
    return []
  } catch {
    return error.errors
  }
}

@Suite struct BundledDataTests {
  let data: Dataset

  init() throws { data = try DatasetLoader().load(directory: bundledData) }

  @Test func planAreasAndStatusesAreTheSeeds() {
    #expect(data.plan.title.japanese == "小平市第2次行財政再構築プラン")
    #expect(data.plan.programmeCount == 62)
    #expect(
      data.areas.map(\.name.japanese) == [
        "地域協働の推進", "情報の共有と双方向のコミュニケーション", "PDCAサイクルの構築", "財政基盤の強化", "執行体制の再構築",
      ])
    #expect(data.statuses.map(\.name.japanese) == ["予定以上に進捗", "予定どおりに進捗", "予定よりも遅れている"])
    #expect(Set(data.statuses.map(\.symbol)).count == 3)
  }

  @Test func theSeedSnapshotKnowsOnlyAreaOnesTotal() throws {
    let seed = try #require(data.snapshots.first)
    #expect(seed.date == CivilDate(year: 2012, month: 3, day: 31))
    #expect(data.defaultSnapshotIndex == 0)
    #expect(seed.byArea["community"]?.statedTotal == 15)
    for area in data.areas {
      for status in data.statuses {
        #expect(
          seed.byArea[area.id]?.count(status.id) == nil, "\(area.id)/\(status.id) must be unknown")
      }
      if area.id != "community" { #expect(seed.byArea[area.id]?.statedTotal == nil) }
    }
  }

  @Test func theFollowUpSnapshotHasTheCitysFigures() throws {
    let followUp = try #require(data.snapshots.last)
    #expect(followUp.date.iso == "2017-03-31")
    let expected: [String: [Int]] = [
      "community": [1, 7, 1, 9], "information": [0, 4, 0, 4], "pdca": [0, 5, 1, 6],
      "finance": [0, 10, 2, 12],
      "organisation": [0, 9, 1, 10],
    ]
    for (area, figures) in expected {
      let counts = try #require(followUp.byArea[area])
      #expect(
        [
          counts.count("ahead"), counts.count("on-schedule"), counts.count("behind"),
          counts.statedTotal,
        ]
          == figures.map { Optional($0) })
    }
    #expect(followUp.stated.statedTotal == 41)
    #expect(data.warnings.isEmpty, "\(data.warnings)")
  }

  @Test func commentsKeepTheirCorrectionsAndAreas() throws {
    #expect(data.comments.map(\.number) == [1, 2, 3])
    let second = data.comments[1]
    #expect(second.areaIDs == ["community"])
    #expect(second.text.contains("全体としてどういう状況"))
    #expect(second.corrections.first?.asRead == "全体としてという状況")
    #expect(second.unreadable == ["R1"])
    #expect(data.comments[2].text.contains("頼らざるを得ない"))
    #expect(data.comments[0].areaIDs.isEmpty)
  }

  @Test func eventsWithoutDatesStayUndatedAndInferenceIsMarked() throws {
    #expect(data.events.count == 6, "the repeated science-class block is one event")
    let museum = try #require(data.events.first { $0.id == "museum-summer-day" })
    #expect(museum.isInferred("start") && museum.isInferred("end"))
    #expect(museum.start?.iso == "2012-07-21")
    #expect(museum.fees.first { $0.who == "同伴の保護者" }?.yen == nil)
    let undated = data.events.filter { !$0.isDated }
    #expect(undated.count == 5)
    #expect(undated.allSatisfy { $0.inferred.isEmpty })
  }
}

@Suite struct BrokenDataTests {
  @Test func aYAMLSyntaxErrorNamesFileLineAndColumn() throws {
    let folder = try dataFolder(replacing: [
      "events.yaml": "events:\n  - id: a\n    title: [unclosed\n"
    ])
    let errors = loadErrors(folder)
    let error = try #require(errors.first)
    #expect(error.location.file.hasSuffix("events.yaml"))
    #expect(error.location.line == 4)
    #expect(error.location.column != nil)
    #expect(error.description.contains("events.yaml:4:"))
  }

  @Test func anUnknownStatusIsReportedWhereItIsWritten() throws {
    let text = try String(contentsOfFile: bundledData + "/snapshots.yaml", encoding: .utf8)
      .replacingOccurrences(of: "community:    { ahead: 1,", with: "community:    { ahaed: 1,")
    let folder = try dataFolder(replacing: ["snapshots.yaml": text])
    let errors = loadErrors(folder)
    #expect(errors.count == 1)
    let error = try #require(errors.first)
    #expect(error.message.contains("unknown status 'ahaed'"))
    let line =
      text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
        $0.contains("ahaed")
      }! + 1
    #expect(error.location.line == line)
    #expect(error.location.column == 23)
    #expect(error.hint?.contains("ahead") == true)
  }

  @Test func anImpossibleDateIsAnError() throws {
    let text = try String(contentsOfFile: bundledData + "/events.yaml", encoding: .utf8)
      .replacingOccurrences(of: "start: 2012-07-21", with: "start: 2012-02-30")
    let errors = loadErrors(try dataFolder(replacing: ["events.yaml": text]))
    #expect(errors.first?.message == "the start date 2012-02-30 is not a date that exists")
    #expect(errors.first?.hint == "write it as YYYY-MM-DD, e.g. 2012-03-31")
  }

  @Test func anEndBeforeTheStartIsAnError() throws {
    let text = try String(contentsOfFile: bundledData + "/events.yaml", encoding: .utf8)
      .replacingOccurrences(of: "end: 2012-08-31", with: "end: 2012-07-01")
    let errors = loadErrors(try dataFolder(replacing: ["events.yaml": text]))
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("before it starts") == true)
  }

  @Test func aCommentOnAMissingAreaIsAnError() throws {
    let text = try String(contentsOfFile: bundledData + "/comments.yaml", encoding: .utf8)
      .replacingOccurrences(
        of: "areas: [community]\n    source: seed\n    text: 地域自治",
        with: "areas: [comunity]\n    source: seed\n    text: 地域自治")
    let errors = loadErrors(try dataFolder(replacing: ["comments.yaml": text]))
    #expect(errors.map(\.message) == ["comment 'c3' names area 'comunity', which does not exist"])
  }

  @Test func duplicateIDsAreErrors() throws {
    let text = try String(contentsOfFile: bundledData + "/events.yaml", encoding: .utf8)
      .replacingOccurrences(
        of: "id: jidokan-50th-anniversary", with: "id: jidokan-officers-training")
    let errors = loadErrors(try dataFolder(replacing: ["events.yaml": text]))
    #expect(errors.map(\.message) == ["duplicate event id 'jidokan-officers-training'"])
  }

  @Test func invalidUTF8NamesTheByte() throws {
    let folder = try dataFolder()
    var bytes = Data("events:\n  - id: a\n    title: ".utf8)
    bytes.append(contentsOf: [0x82, 0xA0])  // Shift_JIS "あ"
    bytes.append(contentsOf: Array("\n".utf8))
    try bytes.write(to: URL(fileURLWithPath: folder + "/events.yaml"))
    let errors = loadErrors(folder)
    #expect(errors.count == 1)
    #expect(errors.first?.message == "byte 29 is not valid UTF-8")
    #expect(errors.first?.location.line == 3)
  }

  @Test func aMissingFolderIsOneClearError() {
    let errors = loadErrors("/nonexistent/shinchoku-data")
    #expect(errors.count == 1)
    #expect(
      errors.first?.description.hasPrefix("/nonexistent/shinchoku-data: error: no data folder here")
        == true)
  }

  @Test func aMismatchedTotalIsAWarningNamingBothNumbers() throws {
    let text = try String(contentsOfFile: bundledData + "/snapshots.yaml", encoding: .utf8)
      .replacingOccurrences(of: "behind: 2, total: 12", with: "behind: 2, total: 13")
    let data = try DatasetLoader().load(
      directory: try dataFolder(replacing: ["snapshots.yaml": text]))
    let messages = data.warnings.map(\.message)
    #expect(
      messages == ["2017-03-31, area 'finance': the stated total is 13 but the counts add up to 12"]
    )
  }

  @Test func anUnknownKeyIsAWarningWithASuggestion() throws {
    let text = try String(contentsOfFile: bundledData + "/events.yaml", encoding: .utf8)
      .replacingOccurrences(
        of: "    venue: 小川町二丁目児童館\n    source: seed\n\n  - id: jidokan-50th",
        with: "    venu: 小川町二丁目児童館\n    source: seed\n\n  - id: jidokan-50th")
    let data = try DatasetLoader().load(directory: try dataFolder(replacing: ["events.yaml": text]))
    let warning = try #require(data.warnings.first)
    #expect(warning.message == "unknown key 'venu' in an event is ignored")
    #expect(warning.hint == "did you mean 'venue'?")
  }

  @Test func aFileOverTheSizeLimitIsRefused() throws {
    let folder = try dataFolder()
    do {
      _ = try DatasetLoader(fileSizeLimit: 100).load(directory: folder)
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.first?.message.contains("over the limit of 100 bytes") == true)
    }
  }
}
