import Foundation
import Testing

/// The seams a person touches, one test per class, in the real binary under tmux: every field
/// of every detail reachable at the smallest size, a live edit's error read whole, a dialog
/// that follows the data changing under it.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct SeamsEndToEndTests {
  /// The position in the focused box's bottom edge (`12 / 19`), read from the screen.
  func position(_ screen: [String]) -> (current: Int, total: Int)? {
    position(in: screen.reversed())
  }

  /// The position in the first box's bottom edge, from the top (the matrix pane's).
  func topPosition(_ screen: [String]) -> (current: Int, total: Int)? {
    position(in: screen)
  }

  func position(in lines: some Sequence<String>) -> (current: Int, total: Int)? {
    for line in lines {
      if let match = line.firstMatch(of: /─ (\d+) \/ (\d+) [▼─]/) {
        return (Int(match.1)!, Int(match.2)!)
      }
    }
    return nil
  }

  /// Scrolls the detail on screen with ↓ to its end (its position `n / n`) and returns every
  /// line seen on the way.
  func readToTheEnd(
    _ tmux: TmuxSession, position read: (([String]) -> (current: Int, total: Int)?)? = nil
  ) throws -> [String] {
    let position = read ?? self.position
    var seen: [String] = []
    for _ in 0..<60 {
      let screen = try tmux.capture()
      seen += screen
      if let at = position(screen), at.current == at.total { return seen }
      let before = position(screen)?.current
      try tmux.sendKeys("Down")
      try tmux.waitUntil("the detail scrolls") { position($0)?.current != before }
    }
    Issue.record("the end was never reached")
    return seen
  }

  /// The text of the rows seen, the box's borders and spaces taken out: what a reader reads.
  func read(_ lines: [String]) -> String {
    lines.joined().filter { !"│ ".contains($0) }
  }

  @Test(arguments: ["ja", "en"])
  func everyFieldOfTheEventDetailIsReachableAt60x17(language: String) throws {
    let tmux = try startApp(
      ["--lang", language], width: 60, height: 17,
      waitFor: language == "ja" ? "進捗状況" : "Progress")
    try tmux.sendKeys("Tab", "Tab", "Enter", "Enter")
    try tmux.waitFor(language == "ja" ? "Esc 戻る" : "Esc back")
    let text = read(try readToTheEnd(tmux))
    // The inferred values, the reason for the inference and the OCR correction, whole.
    let expected =
      language == "ja"
      ? [
        "推定した値開始日、終了日、会場", "推定の根拠紙面に日付はない。",
        "次の記事（平櫛田中彫刻美術館）からの推定。", "OCR訂正「夏休みみわくわく体験美術館」→「夏休みわくわく体験美術館」",
      ]
      : ["夏休みみわくわく体験美術館", "平櫛田中彫刻美術館"]
    for part in expected { #expect(text.contains(part), "\(part) never shown") }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func theProgrammeDetailsLatestStatusesAreReachableAt60x17() throws {
    let folder = try sampleFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try startApp(["--data", folder], width: 60, height: 17)
    try tmux.sendKeys("Down", "Right", "Enter")
    try tmux.waitFor("Enter 詳細  Esc 戻る")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("s 状況を変更")
    let text = read(try readToTheEnd(tmux))
    // Every snapshot of the sample, the last (the current one) marked.
    for date in ["2012-03-31", "2012-09-30", "2013-03-31"] {
      #expect(text.contains(date), "\(date) never shown")
    }
    #expect(text.contains("2013-09-30○（現在）"))
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  /// Each chart of the matrix pane at 60×17, in the real terminal: read to its end by
  /// scrolling (its last note, its legend), then one ↑ after End moves at once.
  @Test(arguments: ["ja", "en"])
  func everyLineOfTheChartsIsReachableAt60x17(language: String) throws {
    let tmux = try startApp(
      ["--lang", language], width: 60, height: 17,
      waitFor: language == "ja" ? "進捗状況" : "Progress")
    // The last line of each chart (its last note, the data's own Japanese text in both UIs), as
    // a reader reads it.
    let ends =
      language == "ja"
      ? ["全体の数値のみ。", "出典:小平市ウェブサイトkurashi/023/023264", "ここでは本文の日付に置き、どちらとも決めていない。"]
      : ["全体の数値のみ。", "Source:小平市ウェブサイトkurashi/023/023264", "どちらとも決めていない。"]
    let titles =
      language == "ja" ? ["進捗の推移", "効果額", "計画の比較"] : ["Progress over", "Savings", "Plans"]
    for (title, end) in zip(titles, ends) {
      try tmux.sendKeys("t")
      try tmux.waitFor(title)
      let text = read(try readToTheEnd(tmux, position: topPosition))
      #expect(text.contains(end), "\(title): \(end) never shown")
      try tmux.sendKeys("End")
      let bottom = try tmux.capture()
      try tmux.sendKeys("Up")
      try tmux.waitUntil("\(title): ↑ after End moves at once") {
        topPosition($0)?.current == (topPosition(bottom)?.current ?? 0) - 1
      }
      try tmux.sendKeys("Home")
      try tmux.waitUntil("\(title): Home goes to the top") { !$0[1].contains("▲") }
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func theCommentReadingViewsSourceLineIsReadWholeAt60x17() throws {
    let tmux = try startApp(width: 60, height: 17)
    try tmux.sendKeys("Tab", "Enter")
    try tmux.waitFor("↑↓ スクロール  Esc 戻る")
    let text = read(try tmux.capture())
    #expect(text.contains("出典市報こだいら（2012年半ば）の1ページ（OCRテキスト）"), "\(text)")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  /// A live edit breaks snapshots.yaml: the banner wraps under the title bar (the panes' titles
  /// stay), `!` lists the whole error with its "did you mean"; a broken theme gets its banner
  /// too; fixing both takes the banners and the warnings away.
  @Test func aLiveEditsErrorIsReadWholeAndGoesWhenFixed() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-seams-\(UUID().uuidString)"
    let themes = folder + "-themes"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Themes", toPath: themes)
    defer {
      try? FileManager.default.removeItem(atPath: folder)
      try? FileManager.default.removeItem(atPath: themes)
    }
    let tmux = try startApp(["--data", folder, "--themes", themes], width: 80, height: 24)
    #expect(!(try tmux.capture().joined().contains("! 警告")), "the seed loads without warnings")
    let snapshots = folder + "/snapshots.yaml"
    let good = try String(contentsOfFile: snapshots, encoding: .utf8)
    let bad = good.replacingOccurrences(
      of: "{ ahead: 1, on-schedule: 7,", with: "{ ahaed: 1, on-schedule: 7,")
    #expect(bad != good)
    try bad.write(toFile: snapshots, atomically: true, encoding: .utf8)
    try tmux.waitFor("データを読み込めません（前のデータを表示中）", timeout: .seconds(5))
    let screen = try tmux.capture()
    #expect(screen.contains { $0.hasPrefix("┌─ 進捗状況 ") }, "the matrix's title shows")
    #expect(screen.contains { $0.hasPrefix("┌─ 委員会の意見 ") }, "the lower panes' titles show")
    #expect(read(screen).contains("snapshots.yaml:34:23:エラー:"))
    try tmux.sendKeys("!")
    try tmux.waitFor("読み込みの警告")
    let listed = read(try tmux.capture())
    #expect(listed.contains("'ahaed'"))
    #expect(listed.contains("'ahead'のことですか？"), "\(listed)")
    try tmux.sendKeys("Escape")
    try tmux.waitUntil("the warnings closed") { !$0.joined().contains("読み込みの警告") }

    let theme = themes + "/default.yaml"
    let goodTheme = try String(contentsOfFile: theme, encoding: .utf8)
    try (goodTheme + "colors: [\n").write(toFile: theme, atomically: true, encoding: .utf8)
    // Under the data's, in the banner's last row (cut there with …); `!` lists it whole.
    try tmux.waitUntil("the theme's banner", timeout: .seconds(5)) {
      read($0).contains("テーマを読み込めま")
    }
    try tmux.waitFor("! 警告2件")
    try tmux.sendKeys("!")
    try tmux.waitFor("読み込みの警告")
    let both = read(try tmux.capture())
    #expect(both.contains("'ahead'のことですか？"))
    #expect(both.contains("default.yaml:") && both.contains("YAMLの書き方の誤り"), "\(both)")
    try tmux.sendKeys("Escape")
    try tmux.waitUntil("the warnings closed") { !$0.joined().contains("読み込みの警告") }

    try good.write(toFile: snapshots, atomically: true, encoding: .utf8)
    try tmux.waitUntil("the data's banner gone", timeout: .seconds(5)) {
      !$0.joined().contains("データを読み込めません")
    }
    try tmux.waitFor("! 警告1件")
    try goodTheme.write(toFile: theme, atomically: true, encoding: .utf8)
    try tmux.waitUntil("the theme's banner and the warnings gone", timeout: .seconds(5)) {
      let text = $0.joined()
      return !text.contains("テーマを読み込めません") && !text.contains("! 警告")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  /// The status dialog is open when another process records a change to the same programme:
  /// the dialog shows the new current status and says so.
  @Test func theStatusDialogFollowsAChangeRecordedUnderIt() throws {
    let folder = try sampleFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try startApp(["--data", folder], width: 80, height: 24)
    try tmux.sendKeys("Down", "Right", "Enter")
    try tmux.waitFor("Enter 詳細  Esc 戻る")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("s 状況を変更")
    let title = try #require(
      try tmux.capture().lazy.compactMap { $0.firstMatch(of: /進捗状況 › (P\d+)[ ]/) }.first)
    let programme = String(title.1)
    try tmux.sendKeys("s")
    try tmux.waitFor("○ 予定どおりに進捗 （現在）")
    let recorded = try spawnAndWait(
      binaryPath,
      ["shinchoku", "set-status", "--data", folder, "--lang", "en", programme, "behind"])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    try tmux.waitFor("状況が他の場所で変更されました", timeout: .seconds(5))
    // Whole and in the UI language (the status by its name, not its id), wrapped if need be.
    let said = read(try tmux.capture())
    #expect(said.contains("状況が他の場所で変更されました（現在:予定よりも遅れている）。もう一度選んでください"), "\(said)")
    #expect(!said.contains("behind"))
    try tmux.waitFor("△ 予定よりも遅れている （現在）")
    #expect(!(try tmux.capture().joined().contains("○ 予定どおりに進捗 （現在）")))
    try tmux.sendKeys("Escape", "q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  func sampleFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "shinchoku-seams-sample-\(UUID().uuidString)"
    let written = try spawnAndWait(
      binaryPath, ["shinchoku", "sample", "--out", folder, "--seed", "1"])
    try #require(written.status == 0)
    return folder
  }
}
