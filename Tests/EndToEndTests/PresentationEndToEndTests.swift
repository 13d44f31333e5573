import Foundation
import Testing

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct PresentationEndToEndTests {
  /// The bundled Data/deck.yaml has 13 slides; the third is area 1.
  @Test func walksJumpsBlanksTimesAndLeavesBackToTheDashboard() throws {
    let tmux = try startApp()
    try tmux.sendKeys("Tab")
    try tmux.waitFor("分野で絞る")
    try tmux.sendKeys("p")
    try tmux.waitFor("スライド 1 / 13")
    try tmux.waitFor("分野 5 · 意見 3 · 催し 6 · 時点 3")
    try tmux.sendKeys("Right")
    try tmux.waitFor("スライド 2 / 13")
    try tmux.sendKeys("Space")
    try tmux.waitFor("スライド 3 / 13")
    try tmux.sendKeys("BSpace")
    try tmux.waitFor("スライド 2 / 13")
    try tmux.sendKeys("End")
    try tmux.waitFor("スライド 13 / 13")
    try tmux.sendKeys("3", "Enter")
    try tmux.waitFor("スライド 3 / 13")
    try tmux.waitFor("分野1 地域協働の推進")
    // Blank to black: nothing on screen, not even the footer; and back.
    try tmux.sendKeys("b")
    try tmux.waitUntil("a blank screen") { screen in
      screen.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
    try tmux.sendKeys("b")
    try tmux.waitFor("スライド 3 / 13")
    // The timer ticks without a key being pressed.
    try tmux.sendKeys("t")
    try tmux.waitFor("経過")
    let first = try tmux.capture().first { $0.contains("経過") } ?? ""
    try tmux.waitUntil("the timer to tick") { screen in
      let line = screen.first { $0.contains("経過") }
      return line != nil && line != first
    }
    // Speaker notes stay off the projected screen (`present --notes-on-screen` allows them):
    // s is sent before Right, so the next slide shows only once s was taken.
    try tmux.sendKeys("s", "Right")
    try tmux.waitFor("スライド 4 / 13")
    #expect(!(try tmux.capture().joined().contains("メモ")))
    try tmux.sendKeys("Left")
    try tmux.waitFor("スライド 3 / 13")
    try tmux.sendKeys("Escape")
    try tmux.waitFor("日付未定")
    try tmux.waitFor("分野で絞る")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func presentSubcommandOpensOnTheFirstSlideAndEscQuits() throws {
    let tmux = try startApp(["present"], width: 80, height: 24, waitFor: "スライド 1 / 13")
    try tmux.sendKeys("?")
    try tmux.waitFor("次のスライド")
    try tmux.sendKeys("Escape")
    try tmux.waitUntil("help closed") { !$0.joined().contains("次のスライド") }
    try tmux.sendKeys("Escape")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func aBrokenDeckStopsPresentAndValidateNamesItsPlace() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-e2e-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "slides:\n  - title\n  - kind: chart\n  - kind: area\n    id: finanse\n".write(
      toFile: folder + "/deck.yaml", atomically: true, encoding: .utf8)
    let expected = [
      "\(folder)/deck.yaml:3:11: error: unknown slide kind 'chart' (kinds are: title, matrix, trend, savings, area, areas, comment, comments, events)",
      "\(folder)/deck.yaml:5:9: error: no area 'finanse' in the data (did you mean 'finance'?)",
    ]
    let result = try spawnAndWait(
      binaryPath,
      ["shinchoku", "validate", "--lang", "en", folder, "--themes", repositoryRoot + "/Themes"])
    #expect(result.status == 1)
    for line in expected {
      #expect(result.stdout.contains(line), "missing: \(line)\nin:\n\(result.stdout)")
    }
    let tmux = try startApp(
      ["present", "--lang", "en", "--data", folder], recordOutput: true, waitFor: nil)
    #expect(try tmux.waitForExit() == .status(1))
    let output = String(decoding: tmux.loggedOutput(), as: UTF8.self)
    for line in expected {
      #expect(output.contains(line), "missing: \(line)\nin:\n\(output)")
    }
  }
}
