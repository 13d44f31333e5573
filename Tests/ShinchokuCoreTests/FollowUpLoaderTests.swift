import Foundation
import JapaneseCalendar
import Testing

@testable import ShinchokuCore

/// The bundled data's several plans, savings and grade scales: the real figures of SEED-NOTES.
@Suite struct BundledPlansTests {
  @Test func theDataHoldsThreePlansAndTheSecondIsCurrent() throws {
    let data = try DatasetLoader().load(directory: bundledData)
    #expect(data.plan.id == "kodaira-2nd-restructuring")
    #expect(
      data.plans.map(\.id) == [
        "kodaira-1st-restructuring", "kodaira-2nd-restructuring", "kodaira-3rd-restructuring",
      ])
    #expect(data.plans.map(\.isCurrent) == [false, true, false])
    let first = data.plans[0]
    #expect(first.latestDate?.iso == "2011-03-31")
    #expect(
      [
        first.latestCounts["ahead"], first.latestCounts["on-schedule"],
        first.latestCounts["behind"],
      ]
        == [1, 95, 4])
    #expect(first.latestTotal == 100)
    let second = data.plans[1]
    #expect(second.latestDate?.iso == "2017-03-31")
    #expect(second.latestTotal == 41)
    let third = data.plans[2]
    #expect(third.statuses.map(\.symbol) == ["S", "A", "B"])
    #expect(
      [third.latestCounts["s"], third.latestCounts["a"], third.latestCounts["b"]] == [0, 39, 4])
    #expect(third.latestTotal == 43)
    // The source gives the third plan's date two ways: both are said, neither chosen silently.
    #expect(third.inconsistency?.contains("平成29年9月末") == true)
    #expect(third.inconsistency?.contains("平成28年度末") == true)
  }

  @Test func planChoosesThePlanShownWithItsOwnScale() throws {
    let data = try DatasetLoader().load(directory: bundledData, plan: "kodaira-3rd-restructuring")
    #expect(data.plan.scale == "S / A / B")
    #expect(data.statuses.map(\.tone) == [.ahead, .onSchedule, .behind])
    let snapshot = try #require(data.snapshots.last)
    #expect(snapshot.byArea["finance"]?.count("b") == 4)
    #expect(snapshot.note?.contains("食い違う") == true)
    // The events are the city's and are there whichever plan is shown.
    #expect(data.events.count > 0)
    #expect(data.plans.map(\.isCurrent) == [false, true, false])
    let first = try DatasetLoader().load(directory: bundledData, plan: "kodaira-1st-restructuring")
    #expect(first.areas.isEmpty)
    #expect(first.snapshots.map(\.stated.statedTotal) == [100])
  }

  @Test func theSecondPlansSavingsAreThePrintedOnesWithTheAmbiguousFigureKept() throws {
    let data = try DatasetLoader().load(directory: bundledData)
    let savings = try #require(data.savings)
    #expect(savings.unit == "百万円")
    #expect(savings.isApproximate)
    #expect(savings.source == "city-2016")
    #expect(savings.years.map(\.fiscalYear) == [2011, 2012, 2013, 2014, 2015])
    #expect(savings.years.map(\.total.value) == [285, 174, 338, 87, 169])
    #expect(savings.years.map(\.spending.value) == [106, 116, 277, 64, 168])
    #expect(savings.years.prefix(4).map(\.revenue.value) == [179, 58, 61, 23])
    let h27 = savings.years[4]
    #expect(h27.revenue.value == nil)
    #expect(h27.revenue.printed == "約1百億円")
    #expect(h27.revenue.isDoubtful)
    #expect(h27.basis == "予算ベース")
    #expect(data.warnings.isEmpty, "\(data.warnings)")
  }
}

/// Writes a data folder with a plans.yaml and the given plan folders.
private func multiPlanFolder(plans: String, extra: [String: String] = [:]) throws -> String {
  let folder = try dataFolder(replacing: ["plans.yaml": plans])
  for (path, text) in extra {
    let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
  return folder
}

private let otherPlan = """
  plan: { id: other, title: 別の計画, source: other-source }
  sources: [{ id: other-source, title: 出典 }]
  areas: [{ id: community, number: 1, name: 地域協働の推進 }]
  statuses: [{ id: done, name: 完了, symbol: 完, tone: done }]
  """

@Suite struct PlanCatalogueTests {
  @Test func anUnknownPlanIsAnErrorListingThePlans() throws {
    let folder = try multiPlanFolder(
      plans: "plans:\n  - { id: kodaira-2nd-restructuring, folder: ., current: true }\n")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      _ = try DatasetLoader().load(directory: folder, plan: "nope")
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.map(\.message) == ["no plan 'nope'"])
      #expect(error.errors.first?.hint == "plans are: kodaira-2nd-restructuring")
      #expect(error.errors.first?.japanese == "計画 'nope' はありません")
    }
  }

  @Test func withoutPlansYAMLTheFolderIsOnePlanAndPlanMustNameIt() throws {
    let folder = try dataFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try DatasetLoader().load(directory: folder)
    #expect(data.plans.map(\.id) == ["kodaira-2nd-restructuring"])
    _ = try DatasetLoader().load(directory: folder, plan: "kodaira-2nd-restructuring")
    do {
      _ = try DatasetLoader().load(directory: folder, plan: "kodaira-3rd-restructuring")
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.first?.message.contains("the data holds one plan") == true)
    }
  }

  @Test func catalogueMistakesAreErrorsAtTheirLines() throws {
    let cases: [(plans: String, message: String, line: Int)] = [
      (
        "plans:\n  - { id: a, folder: ., current: true }\n  - { id: b, folder: missing }\n",
        "no folder 'missing' for plan 'b'", 3
      ),
      (
        "plans:\n  - { id: a, folder: ., current: true }\n  - { id: b, folder: ../x }\n",
        "the folder '../x' is outside the data folder", 3
      ),
      (
        "plans:\n  - { id: a, folder: ., current: true }\n  - { id: a, folder: . }\n",
        "a second plan 'a'", 3
      ),
      (
        "plans:\n  - { id: kodaira-2nd-restructuring, folder: ., current: true }\n  - { id: o, folder: o, current: true }\n",
        "more than one plan is marked current", 3
      ),
      (
        "plans:\n  - { id: kodaira-2nd-restructuring, folder: . }\n", "no plan is marked current", 1
      ),
      (
        "plans:\n  - { id: wrong, folder: ., current: true }\n",
        "plans.yaml names this plan 'wrong' but its plan.yaml says 'kodaira-2nd-restructuring'", 2
      ),
    ]
    for entry in cases {
      let folder = try multiPlanFolder(plans: entry.plans, extra: ["o/plan.yaml": otherPlan])
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let errors = loadErrors(folder)
      let error = errors.first { $0.message == entry.message }
      #expect(error != nil, "\(entry.message): \(errors.map(\.message))")
      #expect(error?.location.file.hasSuffix("plans.yaml") == true)
      #expect(error?.location.line == entry.line)
      #expect(error?.japanese != nil)
    }
  }

  @Test func anotherPlansErrorsAreReportedInItsOwnFile() throws {
    let folder = try multiPlanFolder(
      plans:
        "plans:\n  - { id: kodaira-2nd-restructuring, folder: ., current: true }\n  - { id: other, folder: o }\n",
      extra: ["o/plan.yaml": otherPlan.replacingOccurrences(of: "tone: done", with: "tone: fine")])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let errors = loadErrors(folder)
    let tone = try #require(errors.first { $0.message == "unknown tone 'fine'" })
    #expect(tone.location.file.hasSuffix("o/plan.yaml"))
    #expect(tone.location.line == 4)
    #expect(tone.hint?.contains("not-started") == true)
  }

  @Test func aPlanInItsFolderShowsItsOwnScaleAndTheSharedSources() throws {
    let folder = try multiPlanFolder(
      plans:
        "plans:\n  - { id: kodaira-2nd-restructuring, folder: ., current: true }\n  - { id: other, folder: o }\n",
      extra: [
        "o/plan.yaml": otherPlan,
        "o/snapshots.yaml":
          "snapshots:\n  - { date: 2020-03-31, source: seed, areas: { community: { done: 2 } } }\n",
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try DatasetLoader().load(directory: folder, plan: "other")
    #expect(data.statuses.map(\.name.japanese) == ["完了"])
    #expect(data.statuses.first?.tone == .done)
    // "seed" is a source of the data folder's plan.yaml: shared with every plan.
    #expect(data.sources["seed"] != nil)
    #expect(data.plans.last?.latestCounts["done"] == 2)
    #expect(data.comments.isEmpty)
  }

  /// A plan whose figures are plan-wide only (no areas, as the 1st plan's) is not said to
  /// disagree with areas that add up to 0; another plan's real findings are the loaded data
  /// set's warnings, with or without a first screen before the events.
  @Test func anotherPlansFindingsAreReportedAndAnAreaLessPlanAddsNothingUp() throws {
    let folder = try multiPlanFolder(
      plans:
        "plans:\n  - { id: kodaira-2nd-restructuring, folder: ., current: true }\n  - { id: other, folder: o }\n",
      extra: [
        "o/plan.yaml": otherPlan.replacingOccurrences(
          of: "areas: [{ id: community, number: 1, name: 地域協働の推進 }]", with: "areas: []"),
        "o/snapshots.yaml":
          "snapshots:\n  - { date: 2020-03-31, source: seed, stated: { done: 5, total: 5 }, colour: red }\n",
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for progress in [nil, LoadProgress()] {
      let data = try DatasetLoader().load(directory: folder, progress: progress)
      let theirs = data.warnings.filter { $0.location.file.hasSuffix("o/snapshots.yaml") }
      #expect(theirs.map(\.message) == ["unknown key 'colour' in a snapshot is ignored"])
    }
  }

  @Test func aStatusChangeOfAPlanIsRecordedInItsOwnFolderAndCheckedAgainstIt() throws {
    let folder = try multiPlanFolder(
      plans:
        "plans:\n  - { id: kodaira-2nd-restructuring, folder: ., current: true }\n  - { id: other, folder: o }\n",
      extra: [
        "o/plan.yaml": otherPlan.replacingOccurrences(
          of: "statuses: [{ id: done, name: 完了, symbol: 完, tone: done }]",
          with:
            "statuses: [{ id: done, name: 完了, symbol: 完, tone: done }, { id: late, name: 遅れ, symbol: 遅, tone: behind }]"
        ),
        "o/snapshots.yaml": "snapshots:\n  - { date: 2020-03-31, source: seed }\n",
        "o/programmes.yaml":
          "programmes:\n  - { id: X1, area: community, title: 別の事業, statuses: { 2020-03-31: late } }\n",
      ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let before = try DatasetLoader().load(directory: folder, plan: "other")
    let date = try #require(CivilDate(year: 2020, month: 3, day: 31))
    let recorded = try ChangeLog.record(
      programme: "X1", snapshot: date, expected: "late", new: "done", by: "佐藤",
      dataDirectory: folder, plan: "other", planDirectory: before.planDirectory,
      loader: DatasetLoader())
    // Beside the plan's own records, not in the data folder (whose plan has no X1).
    #expect(recorded.log.path == folder + "/o/" + ChangeLog.fileName)
    #expect(!FileManager.default.fileExists(atPath: folder + "/" + ChangeLog.fileName))
    let after = try DatasetLoader().load(directory: folder, plan: "other")
    #expect(after.programmes.first?.statuses[date] == "done")
    // The expected status is the plan's: a second change expecting "late" is refused.
    #expect(throws: StatusConflict.self) {
      try ChangeLog.record(
        programme: "X1", snapshot: date, expected: "late", new: "done", by: "佐藤",
        dataDirectory: folder, plan: "other", planDirectory: before.planDirectory,
        loader: DatasetLoader())
    }
  }
}

@Suite struct ProgrammeSheetYAMLTests {
  static let snapshot = "2017-03-31"

  func load(_ programmes: String) throws -> (Dataset?, [Diagnostic]) {
    let folder = try dataFolder(replacing: ["programmes.yaml": programmes])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    do {
      return (try DatasetLoader().load(directory: folder), [])
    } catch {
      return (nil, error.diagnostics)
    }
  }

  @Test func everySheetFieldIsRead() throws {
    let (data, diagnostics) = try load(
      """
      programmes:
        - id: P1
          area: finance
          title: 市税収納率の向上
          section: 収納課
          progress: コンビニ収納を始めた。
          problems: 滞納繰越分の整理が遅れている。
          direction: 催告を早める。
          key_item: true
          indicators:
            - name: 収納率
              unit: "%"
              baseline: 95.2
              baseline_year: H22
              years:
                H28: { target: 96, result: 95.8 }
                2017: { target: 96.5, result: ~ }
          savings:
            - { fy: H28, revenue: 12, spending: 0, total: 12 }
          statuses: { 2017-03-31: behind }
      """)
    #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
    let programme = try #require(data?.programmes.first)
    #expect(programme.section == "収納課")
    #expect(programme.progress == "コンビニ収納を始めた。")
    #expect(programme.problems == "滞納繰越分の整理が遅れている。")
    #expect(programme.direction == "催告を早める。")
    #expect(programme.isKeyItem)
    let indicator = try #require(programme.indicators.first)
    #expect(indicator.name == "収納率")
    #expect(indicator.unit == "%")
    #expect(indicator.baseline == 95.2)
    #expect(indicator.baselineYear == 2010)
    #expect(
      indicator.years == [
        Indicator.Year(fiscalYear: 2016, target: 96, result: 95.8),
        Indicator.Year(fiscalYear: 2017, target: 96.5, result: nil),
      ])
    #expect(programme.savings.map(\.fiscalYear) == [2016])
    #expect(programme.savings.first?.revenue.value == 12)
  }

  @Test func eachFieldsMistakeIsAnErrorAtItsLineAndColumn() throws {
    let head = "programmes:\n  - id: P1\n    area: finance\n    title: t\n"
    let cases: [(body: String, message: String, line: Int, column: Int)] = [
      ("    key_item: maybe\n", "key_item must be true or false, not 'maybe'", 5, 15),
      (
        "    indicators:\n      - { name: n, baseline: lots }\n",
        "baseline must be a number, not 'lots'", 6, 30
      ),
      (
        "    indicators:\n      - name: n\n        years: { later: { target: 1 } }\n",
        "'later' is not a fiscal year", 7, 18
      ),
      (
        "    indicators:\n      - name: n\n        years: { H28: { target: 1 }, 2016: { result: 2 } }\n",
        "the fiscal year 2016 is given twice", 7, 38
      ),
      ("    indicators:\n      - { unit: \"%\" }\n", "an indicator has no 'name'", 6, 9),
      (
        "    savings:\n      - { fy: 2012, revenue: 1 }\n      - { fy: H24, spending: 2 }\n",
        "the savings of H24 are given twice", 7, 15
      ),
      (
        "    savings:\n      - { fy: 2012, revenue: { doubt: x } }\n",
        "revenue gives neither a value nor the text as printed", 6, 30
      ),
    ]
    for entry in cases {
      let (_, diagnostics) = try load(head + entry.body)
      let error = diagnostics.first { $0.message == entry.message }
      #expect(error != nil, "\(entry.message): \(diagnostics.map(\.description))")
      #expect(error?.location.file.hasSuffix("programmes.yaml") == true)
      #expect(error?.location.line == entry.line, "\(entry.message)")
      #expect(error?.location.column == entry.column, "\(entry.message)")
    }
  }

  @Test func savingsThatDoNotAddUpAreAWarningInBothLanguages() throws {
    let folder = try dataFolder(replacing: [
      "savings.yaml":
        "savings:\n  unit: 百万円\n  source: city-2016\n  years:\n    - { fy: 2011, total: 10, revenue: 3, spending: 4 }\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let data = try DatasetLoader().load(directory: folder)
    let warning = try #require(data.warnings.first { $0.location.file.hasSuffix("savings.yaml") })
    #expect(warning.message == "H23: the total is 10 but revenue and spending add up to 7")
    #expect(warning.location.line == 5)
    #expect(warning.japanese?.contains("歳入確保と歳出削減の和は 7") == true)
  }

  @Test func aSavingsYearWithoutItsTotalIsAnError() throws {
    let folder = try dataFolder(replacing: [
      "savings.yaml":
        "savings:\n  unit: 百万円\n  source: nowhere\n  years:\n    - { fy: 2011, revenue: 3 }\n"
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let messages = loadErrors(folder).map(\.message)
    #expect(messages.contains("a year of savings has no 'total'"))
    #expect(messages.contains("unknown source 'nowhere'"))
  }
}

@Suite struct FiscalYearParsingTests {
  @Test func theWaysAFiscalYearIsWritten() {
    let cases: [(String, Int?)] = [
      ("2017", 2017), ("H29", 2017), ("平成29年度", 2017), ("平成29", 2017), ("R1", 2019),
      ("令和元年度", 2019), ("FY2011", 2011), ("H0", nil), ("29", nil), ("later", nil), ("", nil),
    ]
    for (text, year) in cases { #expect(parseFiscalYear(text) == year, "\(text)") }
    #expect(fiscalYearShortName(2015) == "H27")
    #expect(fiscalYearName(2015, language: .japanese) == "平成27年度")
    #expect(fiscalYearName(2015, language: .english) == "FY2015")
  }
}

@Suite struct ProgrammeSheetCSVTests {
  static let header =
    "番号,分野,名称,所管課,取組内容,問題点・課題,今後の方向性,主要管理項目,指標,単位,基準値,目標値 H28,実績値 H28,歳入確保 H28,歳出削減 H28,2017-03-31\n"

  func load(_ bytes: [UInt8]) throws -> (Dataset?, [Diagnostic]) {
    let folder = try dataFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(bytes).write(to: URL(fileURLWithPath: folder + "/programmes.csv"))
    do {
      return (try DatasetLoader().load(directory: folder), [])
    } catch {
      return (nil, error.diagnostics)
    }
  }

  func checkSheet(_ data: Dataset?) throws {
    let programme = try #require(data?.programmes.first { $0.id == "P1" })
    #expect(programme.section == "収納課")
    #expect(programme.progress == "コンビニ収納を開始")
    #expect(programme.problems == "滞納整理の遅れ")
    #expect(programme.direction == "催告の前倒し")
    #expect(programme.isKeyItem)
    #expect(
      programme.indicators == [
        Indicator(
          name: "収納率", unit: "%", baseline: 95.2,
          years: [Indicator.Year(fiscalYear: 2016, target: 96, result: 95.8)])
      ])
    #expect(programme.savings.map(\.revenue.value) == [12])
    #expect(programme.savings.map(\.spending.value) == [1200])
    #expect(programme.statuses[CivilDate(year: 2017, month: 3, day: 31)!] == "behind")
    let other = try #require(data?.programmes.first { $0.id == "P2" })
    #expect(!other.isKeyItem)
    #expect(other.indicators.isEmpty)
  }

  static let rows =
    "P1,4,市税収納率の向上,収納課,コンビニ収納を開始,滞納整理の遅れ,催告の前倒し,○,収納率,%,95.2,96,95.8,12,\"1,200\",△\nP2,1,地域の会議,市民協働推進課,,,,,,,,,,,,○\n"

  @Test func everySheetColumnIsReadInUTF8() throws {
    let (data, diagnostics) = try load(Array((Self.header + Self.rows).utf8))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    try checkSheet(data)
  }

  @Test func everySheetColumnIsReadInCP932() throws {
    let (data, diagnostics) = try load(cp932(Self.header + Self.rows))
    #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    try checkSheet(data)
  }

  @Test func eachColumnsMistakeIsAnErrorAtItsRowAndColumn() throws {
    let cases: [(row: String, message: String, column: Int)] = [
      ("P1,4,t,課,,,,たぶん,,,,,,,,△\n", "主要管理項目 must be yes or no, not 'たぶん'", 13),
      ("P1,4,t,課,,,,,収納率,%,多い,,,,,△\n", "'多い' is not a number", 20),
      ("P1,4,t,課,,,,,,,,96,,,,△\n", "figures of an indicator without its name (指標)", 14),
    ]
    for entry in cases {
      let (_, diagnostics) = try load(Array((Self.header + entry.row).utf8))
      let error = diagnostics.first { $0.message == entry.message }
      #expect(error != nil, "\(entry.message): \(diagnostics.map(\.description))")
      #expect(error?.location.file.hasSuffix("programmes.csv") == true)
      #expect(error?.location.line == 2)
      #expect(error?.location.column == entry.column, "\(entry.message)")
      #expect(error?.japanese != nil)
    }
  }

  @Test func aYearlyColumnTwiceIsAnError() throws {
    let (_, diagnostics) = try load(Array("番号,分野,名称,目標値 H28,目標 2016\n".utf8))
    let error = try #require(diagnostics.first { $0.message.hasPrefix("the column '目標 2016'") })
    #expect(error.location.line == 1)
    #expect(error.location.column == 18)
  }
}
