import Foundation
import Testing

/// The SGR sequences (ESC [ … m) in `text`, each as its parameter list.
func sgrParameters(_ text: String) -> [[Int]] {
  var result: [[Int]] = []
  var rest = Substring(text)
  while let start = rest.range(of: "\u{1B}[") {
    rest = rest[start.upperBound...]
    guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
    if rest[end] == "m" {
      result.append(
        rest[..<end].split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
    }
    rest = rest[end...]
  }
  return result
}

/// Whether an SGR parameter list sets a foreground or background colour (30–37, 38;…, 40–47,
/// 48;…, 90–97, 100–107; 39 and 49, the defaults, are not colours).
func setsColour(_ parameters: [Int]) -> Bool {
  parameters.contains { p in
    (30...38).contains(p) || (40...48).contains(p) || (90...97).contains(p)
      || (100...107).contains(p)
  }
}

/// Runs the binary with extra environment variables, without a terminal.
func runBinary(_ arguments: [String], environment: [String: String] = [:]) throws -> (
  status: Int32, stdout: String, stderr: String
) {
  let base = ["XDG_CONFIG_HOME=/nonexistent/shinchoku-test-config"]
  let env = base + environment.keys.sorted().map { "\($0)=\(environment[$0]!)" }
  return try spawnAndWait(
    "/usr/bin/env",
    ["env", "-u", "NO_COLOR"] + env + [binaryPath] + arguments + [
      "--data", repositoryRoot + "/Data", "--themes", repositoryRoot + "/Themes",
    ])
}

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct ThemeEndToEndTests {
  @Test func noColorMeansNoColourSequencesOnScreen() throws {
    let tmux = try startApp(environment: ["NO_COLOR": "1"])
    try tmux.sendKeys("Tab")
    try tmux.waitFor("─ 1 / 3 ")
    let screen = try tmux.captureWithEscapes().joined(separator: "\n")
    let sgr = sgrParameters(screen)
    #expect(!sgr.isEmpty, "no attributes at all: selection and focus need them")
    #expect(!sgr.contains(where: setsColour), "colour with NO_COLOR: \(sgr.filter(setsColour))")
    #expect(!screen.contains("38;5;") && !screen.contains("48;5;"))
    // Meaning without colour: the selection is reverse video, the status bar too.
    #expect(sgr.contains { $0.contains(7) })
    try tmux.sendKeys("F2")
    try tmux.waitFor("テーマ: monochrome (1/1)")
    #expect(!sgrParameters(try tmux.captureWithEscapes().joined()).contains(where: setsColour))
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func anEmptyNoColorIsUnset() throws {
    // no-color.org: NO_COLOR counts "when present and not an empty string".
    let tmux = try startApp(environment: ["NO_COLOR": ""])
    let screen = try tmux.captureWithEscapes().joined(separator: "\n")
    #expect(sgrParameters(screen).contains(where: setsColour))
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func theDashboardsColorOption() throws {
    // never: attributes only, and F2 has only the monochrome theme.
    let never = try startApp(["--color", "never"])
    let plain = try never.captureWithEscapes().joined(separator: "\n")
    #expect(!sgrParameters(plain).contains(where: setsColour))
    #expect(sgrParameters(plain).contains { $0.contains(7) }, "the selection is reverse video")
    try never.sendKeys("F2")
    try never.waitFor("テーマ: monochrome (1/1)")
    try never.sendKeys("q")
    #expect(try never.waitForExit() == .status(0))
    // always wins over NO_COLOR, as its name says.
    let always = try startApp(["--color", "always"], environment: ["NO_COLOR": "1"])
    #expect(sgrParameters(try always.captureWithEscapes().joined()).contains(where: setsColour))
    try always.sendKeys("q")
    #expect(try always.waitForExit() == .status(0))
    // present takes it too.
    let present = try startApp(["present", "--color", "never"], waitFor: "スライド 1 /")
    #expect(!sgrParameters(try present.captureWithEscapes().joined()).contains(where: setsColour))
    try present.sendKeys("q")
    #expect(try present.waitForExit() == .status(0))
  }

  @Test func f2SwitchesThemesAndTheColoursChange() throws {
    let tmux = try startApp()
    let before = try tmux.captureWithEscapes()
    #expect(
      sgrParameters(before.joined()).contains(where: setsColour), "the default theme has colour")
    try tmux.sendKeys("F2")
    try tmux.waitFor("テーマ: high-contrast (3/6)")
    let after = try tmux.captureWithEscapes()
    // The title bar row (same text) is drawn in other colours: high-contrast's is black on white.
    #expect(before[0] != after[0])
    #expect(Set(sgrParameters(before.joined()).map { $0 }) != Set(sgrParameters(after.joined())))
    #expect(
      sgrParameters(after[0]).contains { $0.contains(97) || $0.contains(107) || $0.contains(15) })
    // Round the cycle back to the start: the same screen as before.
    try tmux.sendKeys("F2", "F2", "F2", "F2")
    try tmux.waitFor("テーマ: colorblind (1/6)")
    try tmux.sendKeys("F2")
    try tmux.waitFor("テーマ: default (2/6)")
    try tmux.sendKeys("k")
    try tmux.waitUntil("the notice gone") { !$0.joined().contains("テーマ:") }
    #expect(try tmux.captureWithEscapes() == before)
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func ctrlTSwitchesToo() throws {
    let tmux = try startApp()
    try tmux.sendKeys("C-t")
    try tmux.waitFor("テーマ: high-contrast (3/6)")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func anASCIIEnglishDumpHasOnlyASCIIChromeAndJapaneseData() throws {
    let result = try runBinary(["dump", "--ascii", "--lang", "en", "--size", "100x30"])
    #expect(result.status == 0, "\(result.stderr)")
    let chrome = Set("─│┌┐└┘▲▼◎○△—〔〕※〜×·›±█▒░↑↓←→…")
    #expect(!result.stdout.contains { chrome.contains($0) }, "\(result.stdout)")
    #expect(result.stdout.contains("+-"))
    #expect(result.stdout.contains("地域協働の推進") || result.stdout.contains("Community"))
  }

  @Test func themesListsEveryThemePlainWhenPiped() throws {
    let result = try runBinary(["themes"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    for name in ["colorblind", "default", "high-contrast", "light", "monochrome", "projector"] {
      #expect(result.stdout.contains(" \(name) "), "\(name) missing")
    }
    #expect(result.stdout.contains("* default"))
    #expect(result.stdout.contains("◎予定以上 ○予定どおり △遅れ"))
  }

  @Test func themesWithColourAlwaysAndNoColor() throws {
    let coloured = try runBinary(
      ["themes", "--color", "always"], environment: ["TERM": "xterm-256color"])
    #expect(coloured.status == 0)
    #expect(sgrParameters(coloured.stdout).contains(where: setsColour))
    // --color always wins over NO_COLOR; auto (here: piped) sends nothing.
    let noColor = try runBinary(
      ["themes", "--color", "always"], environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
    #expect(sgrParameters(noColor.stdout).contains(where: setsColour))
    #expect(noColor.stdout == coloured.stdout)
    let auto = try runBinary(["themes"], environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
    #expect(!auto.stdout.contains("\u{1B}"))
    let never = try runBinary(
      ["themes", "--color", "never"], environment: ["TERM": "xterm-256color"])
    #expect(!never.stdout.contains("\u{1B}"))
  }

  @Test func theConfigFileChoosesAndOptionsWin() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-config-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/shinchoku", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "theme: projector\nlang: en\nascii: true\n".write(
      toFile: folder + "/shinchoku/config.yaml", atomically: true, encoding: .utf8)
    let themes = try runBinary(["themes"], environment: ["XDG_CONFIG_HOME": folder])
    #expect(themes.stdout.contains("* projector"))
    #expect(themes.stdout.contains("+ahead =on schedule -behind"))
    let chosen = try runBinary(
      ["themes", "--theme", "light", "--lang", "ja"], environment: ["XDG_CONFIG_HOME": folder])
    #expect(chosen.stdout.contains("* light"))
    #expect(chosen.stdout.contains("+予定以上"))
    let dump = try runBinary(["dump"], environment: ["XDG_CONFIG_HOME": folder])
    #expect(dump.status == 0)
    #expect(dump.stdout.contains("Progress"))
    #expect(dump.stdout.unicodeScalars.contains { $0 == "+" })
    #expect(!dump.stdout.contains("─"))
  }

  @Test func aBrokenConfigIsAWarningNotARefusal() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-config-\(UUID().uuidString)"
    try FileManager.default.createDirectory(
      atPath: folder + "/shinchoku", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "lang: fr\ntheme: [\n".write(
      toFile: folder + "/shinchoku/config.yaml", atomically: true, encoding: .utf8)
    let dump = try runBinary(
      ["dump", "--size", "100x30"], environment: ["XDG_CONFIG_HOME": folder])
    #expect(dump.status == 0, "\(dump.stderr)")
    #expect(dump.stdout.contains("! 警告1件"), "\(dump.stdout)")
  }
}
