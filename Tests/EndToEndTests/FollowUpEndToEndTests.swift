import Foundation
import Testing

/// The follow-up's views in the real binary: the charts of the matrix pane, switching plans,
/// and the savings export.
@Suite(.enabled(if: endToEndEnabled), .serialized) struct FollowUpEndToEndTests {
  @Test func tCyclesTheChartsAndPSwitchesToTheNextPlan() throws {
    let app = try startApp()
    try app.sendKeys("t")
    try app.waitFor("進捗の推移")
    try app.waitFor("— 内訳不明")
    try app.sendKeys("t")
    try app.waitFor("169 = 約1百億円※ + 168")
    try app.sendKeys("t")
    try app.waitFor("S0 A39 B4 計43 2017-09-30 ※")
    try app.sendKeys("P")
    // The next plan (the third) comes in with its own scale and says its source is inconsistent.
    try app.waitFor("※出典の食い違い 2017-09-30")
    let screen = try app.capture()
    #expect(screen[0].contains("小平市第3次行財政再構築プラン"))
    try app.sendKeys("t")
    try app.waitFor("S予定以上")
    try app.sendKeys("P")
    try app.waitFor("小平市行財政再構築プラン（第1次）")
    try app.sendKeys("P")
    try app.waitFor("小平市第2次行財政再構築プラン")
    try app.sendKeys("q")
    _ = try app.waitForExit()
  }

  @Test func aProgrammeOpenedByIdItsListNarrowedAndThePlanSwitchedOnTheSample() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-e2e-\(UUID().uuidString)"
    let written = try spawnAndWait(
      binaryPath, ["shinchoku", "sample", "--out", folder, "--seed", "1"])
    #expect(written.status == 0, "\(written.stderr)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Wide enough for the list's heading whole (its count is at its end).
    let app = try startApp(["--data", folder], width: 140)
    try app.waitFor("合成データ")
    // From the comments pane: # and the id, typed on the last row, open the programme.
    try app.sendKeys("Tab", "#")
    try app.waitFor("番号で開く: ")
    try app.sendKeys("p0033", "Enter")
    try app.waitFor("進捗状況 › P0033 業務委託の再編")
    try app.waitFor("所管課              収納課")
    // Esc: its cell's list, with it selected.
    try app.sendKeys("Escape")
    try app.waitFor("Enter 詳細  Esc 戻る")
    let list = try app.capture()
    let total = try #require(list[1].range(of: #"\d+件"#, options: .regularExpression))
    // o: one section at a time, said in the heading with how many of how many.
    try app.sendKeys("o")
    try app.waitFor("所管課 ")
    try app.waitFor("件 / " + list[1][total])
    let narrowed = try app.capture()
    let rows = narrowed.filter { $0.contains(" P0") }
    #expect(!rows.isEmpty)
    // c clears it; / searches by id as it is typed.
    try app.sendKeys("c", "/", "0033")
    try app.waitFor("/0033")
    try app.waitFor("1件一致")
    try app.sendKeys("Enter", "Escape", "Escape")
    try app.waitFor("委員会の意見")
    // P: the previous plan, with its own scale.
    try app.sendKeys("P")
    try app.waitFor("【合成データ】前の行財政改革プラン")
    try app.waitFor("F完了")
    try app.sendKeys("q")
    #expect(try app.waitForExit() == .status(0))
    let savings = try spawnAndWait(
      binaryPath, ["shinchoku", "export", "savings", "--data", folder, "--format", "json"])
    #expect(savings.status == 0, "\(savings.stderr)")
    #expect(savings.stdout.contains("\"fy\""))
  }

  @Test func exportSavingsPrintsTheFiguresAsTheSourcePrintsThem() throws {
    let csv = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "export", "savings", "--data", repositoryRoot + "/Data", "--format", "csv",
        "--no-bom",
      ])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "programme,fy,label,total,revenue,spending,as_printed,doubt,basis,note")
    #expect(lines.contains(",2011,H23,285,179,106,,,,"))
    #expect(
      lines.last?.hasPrefix(",2015,H27,169,,168,revenue: 約1百億円,revenue: 1百万円の誤植と思われる") == true)
    let other = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "export", "trend", "--data", repositoryRoot + "/Data", "--plan",
        "kodaira-3rd-restructuring", "--format", "md",
      ])
    #expect(other.status == 0, "\(other.stderr)")
    #expect(other.stdout.contains("| 2017-09-30（平成29年度） | 0 | 39 | 4 | 43 |"))
    let wrong = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "export", "savings", "--data", repositoryRoot + "/Data", "--plan", "nope",
        "--lang", "en",
      ])
    #expect(wrong.status == 1)
    #expect(
      wrong.stderr.contains(
        "plans.yaml: error: no plan 'nope' (plans are: kodaira-1st-restructuring"))
  }
}
