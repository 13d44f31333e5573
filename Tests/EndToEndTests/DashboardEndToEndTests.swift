import Foundation
import TerminalText
import Testing

/// The `shinchoku` executable, built next to this test bundle (or `$SHINCHOKU_BINARY`).
let binaryPath: String = {
  if let path = ProcessInfo.processInfo.environment["SHINCHOKU_BINARY"] { return path }
  let exe =
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    ?? CommandLine.arguments[0]
  return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("shinchoku")
    .path
}()

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent().path

/// A UTF-8 locale, Japanese UI (LANG is not English), no colour overrides, and Swift's crash
/// reporter not waiting for a key.
let appEnvironment = [
  "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no",
  // No user config file: the tests see the defaults.
  "XDG_CONFIG_HOME": "/nonexistent/shinchoku-test-config",
]
let unsetForApp = [
  "NO_COLOR", "COLORTERM", "LC_ALL", "LC_MESSAGES", "SHINCHOKU_DATA", "SHINCHOKU_THEMES",
]

/// Three errors and a warning in the bundled data, as (file, text, replacement).
let brokenDataEdits = [
  ("events.yaml", "end: 2012-08-31", "end: 2012-07-01"),
  ("events.yaml", "id: jidokan-50th-anniversary", "id: jidokan-officers-training"),
  (
    "comments.yaml", "    areas: [community]\n    source: seed\n    text: 地域自治",
    "    areas: [comunity]\n    source: seed\n    text: 地域自治"
  ),
  (
    "snapshots.yaml", "finance:      { ahead: 0, on-schedule: 10, behind: 2, total: 12 }",
    "finance:      { ahead: 0, on-schedule: 10, behind: 2, total: 13 }"
  ),
]

/// A copy of the bundled data with `edits` (file, text, replacement) made; each text must be
/// there.
func editedDataCopy(_ edits: [(String, String, String)]) throws -> String {
  let folder = NSTemporaryDirectory() + "shinchoku-edited-\(UUID().uuidString)"
  try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
  for (name, old, new) in edits {
    let path = folder + "/" + name
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(old), "\(name) lacks \(old)")
    try text.replacingOccurrences(of: old, with: new).write(
      toFile: path, atomically: true, encoding: .utf8)
  }
  return folder
}

/// End-to-end tests need tmux; on CI a missing tmux is a failure, not a skip.
let endToEndEnabled = TmuxSession.isAvailable || ProcessInfo.processInfo.environment["CI"] != nil

func startApp(
  _ arguments: [String] = [], width: Int = 100, height: Int = 30,
  environment: [String: String] = [:],
  recordOutput: Bool = false, waitFor text: String? = "進捗状況"
) throws -> TmuxSession {
  let session = try TmuxSession(
    command: [binaryPath] + arguments, width: width, height: height,
    environment: appEnvironment.merging(environment) { $1 }, unsetEnvironment: unsetForApp,
    workingDirectory: repositoryRoot, recordOutput: recordOutput)
  if let text {
    try session.waitFor(text)
    // The first screen does not wait for events.csv: a test starts from the whole data (the
    // frame that shows `text` shows the loading bar while the events are still coming).
    try session.waitUntil("the events read") { screen in
      let joined = screen.joined()
      // UIText.loadingEvents in both languages.
      return !joined.contains("催しを読み込み中") && !joined.contains("Reading events")
    }
  }
  return session
}

/// Byte offset of the last occurrence of `needle` in `haystack`, if any.
func lastIndex(of needle: String, in haystack: [UInt8]) -> Int? {
  lastIndex(of: Array(needle.utf8), in: haystack)
}

func lastIndex(of n: [UInt8], in haystack: [UInt8]) -> Int? {
  guard haystack.count >= n.count else { return nil }
  var i = haystack.count - n.count
  while i >= 0 {
    if haystack[i..<(i + n.count)].elementsEqual(n) { return i }
    i -= 1
  }
  return nil
}

/// The program's last word on the cursor was "visible" and on mouse reporting was "off".
func expectTerminalRestored(_ output: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
  let hidden = lastIndex(of: "\u{1B}[?25l", in: output) ?? -1
  let shown = lastIndex(of: "\u{1B}[?25h", in: output) ?? -1
  #expect(shown > hidden, "cursor left hidden", sourceLocation: sourceLocation)
  let mouseOn = lastIndex(of: "\u{1B}[?1000h", in: output) ?? -1
  let mouseOff = lastIndex(of: "\u{1B}[?1000l", in: output) ?? -1
  #expect(mouseOff > mouseOn, "mouse reporting left on", sourceLocation: sourceLocation)
}

/// Display columns of every "│" on a captured line.
func borderColumns(_ line: String) -> [Int] {
  var columns: [Int] = []
  var column = 0
  for cell in terminalCells(line) {
    if cell.text == "│" { columns.append(column) }
    column += cell.width
  }
  return columns
}

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct DashboardEndToEndTests {
  @Test func theBinaryIsBuilt() {
    #expect(
      FileManager.default.isExecutableFile(atPath: binaryPath), "no shinchoku at \(binaryPath)")
  }

  @Test func opensOnTheSeedWithThreePanesAndAlignedBorders() throws {
    let tmux = try startApp()
    // The first screen does not wait for events.csv: the events follow.
    try tmux.waitFor("日付未定")
    let screen = try tmux.capture()
    #expect(screen[0].contains("小平市第2次行財政再構築プラン"))
    #expect(screen[0].contains("2012-03-31（平成23年度末）"))
    #expect(screen.contains { $0.contains("1 地域協働の推進") && $0.contains("15") })
    #expect(screen.contains { $0.contains("委員会の意見") } && screen.contains { $0.contains("催し") })
    #expect(screen.contains { $0.contains("日付未定") })
    // The key bar, then the notice line (empty at the start) last.
    #expect(screen[screen.count - 2].contains("q 終了"))
    // Every row between the bars ends in the last column; the lower panes' borders line up.
    for line in screen[1..<(screen.count - 2)] {
      #expect(displayWidth(line) == 100, "row \(line) is \(displayWidth(line)) wide")
    }
    let lower = screen.filter { $0.hasPrefix("│") && borderColumns($0).count == 4 }
    #expect(!lower.isEmpty)
    #expect(
      Set(lower.map(borderColumns)).count == 1, "borders move: \(Set(lower.map(borderColumns)))")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func keysMoveFocusAndSelection() throws {
    let tmux = try startApp()
    try tmux.sendKeys("Tab", "Down")
    try tmux.waitFor("─ 2 / 3 ")
    // The events pane opens on the first dated event's start (the seed's today is years later);
    // j moves the selected day a week on.
    try tmux.sendKeys("Tab")
    try tmux.waitFor("2012年7月21日(土)")
    try tmux.sendKeys("j", "j")
    try tmux.waitFor("2012年8月4日(土)")
    try tmux.sendKeys("BTab", "k")
    try tmux.waitFor("─ 1 / 3 ")
    try tmux.sendKeys("]")
    try tmux.waitFor("2016-03-31（平成27年度末）")
    try tmux.sendKeys("]")
    try tmux.waitFor("2017-03-31（平成28年度末）")
    try tmux.waitFor("41 ▼21")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func helpListsTheKeysAndAnyKeyClosesIt() throws {
    let tmux = try startApp()
    try tmux.sendKeys("?")
    try tmux.waitFor("他のキーで閉じます")
    let help = try tmux.capture().joined(separator: "\n")
    for text in ["次のペイン", "前のペイン", "前の時点", "次の時点", "読み込みの警告", "戻る・閉じる", "終了"] {
      #expect(help.contains(text), "help lacks \(text)")
    }
    try tmux.sendKeys("Escape")
    try tmux.waitUntil("help closed") { !$0.joined().contains("他のキーで閉じます") }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func resizingToTinyAndBackRedraws() throws {
    let tmux = try startApp()
    try tmux.resize(width: 50, height: 12)
    try tmux.waitFor("端末が小さすぎます")
    try tmux.waitFor("現在: 50×12")
    try tmux.resize(width: 1, height: 1)
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try tmux.display("#{pane_dead}") == "0", "a 1×1 terminal must not end it")
    try tmux.resize(width: 3, height: 2)
    Thread.sleep(forTimeInterval: 0.2)
    try tmux.resize(width: 100, height: 30)
    try tmux.waitFor("進捗状況")
    try tmux.waitUntil("the full dashboard again") { screen in
      screen.count == 30 && screen[28].contains("q 終了") && !screen.joined().contains("小さすぎ")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func quitRestoresTheTerminal() throws {
    let tmux = try startApp(recordOutput: true)
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
    try tmux.waitForFormat("#{alternate_on}", toBe: "0")
    expectTerminalRestored(tmux.loggedOutput())
  }

  @Test(arguments: [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3)])
  func aTerminationSignalRestoresTheTerminalAndEndsWithThatSignal(name: String, number: Int) throws
  {
    let tmux = try startApp(recordOutput: true)
    try tmux.signal(name)
    #expect(try tmux.waitForExit() == .signal(number))
    try tmux.waitForFormat("#{alternate_on}", toBe: "0")
    expectTerminalRestored(tmux.loggedOutput())
  }

  @Test func ctrlCFromTheKeyboardQuitsCleanly() throws {
    let tmux = try startApp(recordOutput: true)
    try tmux.sendKeys("C-c")
    #expect(try tmux.waitForExit() == .signal(2))
    try tmux.waitForFormat("#{alternate_on}", toBe: "0")
    expectTerminalRestored(tmux.loggedOutput())
  }

  @Test func aCrashStillRestoresTheTerminal() throws {
    let tmux = try startApp(["--crash-after-first-frame"], recordOutput: true, waitFor: nil)
    #expect(try tmux.waitForExit(timeout: .seconds(60)) == .signal(4))
    try tmux.waitForFormat("#{alternate_on}", toBe: "0")
    let history = try tmux.captureHistory().joined(separator: "\n")
    #expect(history.contains("crash requested by --crash-after-first-frame"))
    expectTerminalRestored(tmux.loggedOutput())
  }

  @Test func englishWithLangEn() throws {
    let tmux = try startApp(["--lang", "en"], waitFor: "Progress")
    try tmux.waitFor("Committee comments")
    try tmux.waitFor("FY2011 year-end (Heisei 23)")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func anEnglishLangChoosesEnglish() throws {
    let tmux = try startApp(environment: ["LANG": "en_US.UTF-8"], waitFor: "Progress")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func drillDownToProgrammesAndBackOnSampleData() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-e2e-\(UUID().uuidString)"
    let written = try spawnAndWait(
      binaryPath, ["shinchoku", "sample", "--out", folder, "--seed", "1"])
    #expect(written.status == 0, "\(written.stderr)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try startApp(["--data", folder])
    try tmux.waitFor("合成データ")
    try tmux.sendKeys("Down", "Right", "Enter")
    try tmux.waitFor("分野2 情報の共有と双方向のコミュニケーション · ○予定どおりに進捗")
    try tmux.waitFor("Enter 詳細  Esc 戻る")
    try tmux.sendKeys("Down", "Enter")
    try tmux.waitFor("各時点の状況")
    try tmux.sendKeys("Escape")
    try tmux.waitFor("Enter 詳細  Esc 戻る")
    try tmux.sendKeys("BSpace")
    try tmux.waitFor("委員会の意見")
    // A click on area 3's "behind" count, then Enter, lists that cell.
    let screen = try tmux.capture()
    let row = try #require(screen.firstIndex { $0.contains("3 PDCAサイクルの構築") })
    let header = try #require(screen.first { $0.contains("△遅れ") })
    let column = displayWidth(String(header[..<header.range(of: "△遅れ")!.lowerBound])) + 2
    try tmux.sendBytes(TmuxSession.mouseReport(button: 0, x: column, y: row))
    try tmux.sendBytes(TmuxSession.mouseReport(button: 3, x: column, y: row))
    // Let the click land before Enter (on a loaded machine the two may otherwise race).
    Thread.sleep(forTimeInterval: 0.6)
    try tmux.sendKeys("Enter")
    try tmux.waitFor("分野3 PDCAサイクルの構築 · △予定よりも遅れている")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func commentsAboutTheSelectedAreaAreMarkedAndLNarrowsToThem() throws {
    let tmux = try startApp()
    // Area 1 is selected: comments 2 and 3 are about it.
    try tmux.waitFor("│▶2. ")
    try tmux.waitFor("│▶3. ")
    try tmux.sendKeys("Down")  // area 2: no comment is about it
    try tmux.waitUntil("no comment marked") { !$0.joined().contains("▶") }
    try tmux.sendKeys("Up", "Tab", "l")
    try tmux.waitFor("委員会の意見 · 分野1のみ")
    try tmux.waitFor("─ 1 / 2 ")
    #expect(!(try tmux.capture().joined().contains("1. 小平市をどのような都市")))
    try tmux.sendKeys("l")
    try tmux.waitFor("─ 1 / 3 ")
    // Search in katakana finds hiragana, Enter opens the comment for reading with its corrections.
    try tmux.sendKeys("/")
    try tmux.sendText("ツナガッテ")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("/ツナガッテ  1件一致")
    try tmux.waitFor("─ 2 / 3 ")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("OCRの読み「全体としてという状況」")
    try tmux.sendKeys("Escape")
    try tmux.waitFor("─ 2 / 3 ")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func dataThatTriesToTakeOverTheTerminalChangesOnlyTheTextShown() throws {
    let title = try TmuxSession(command: ["true"]).display("#{pane_title}")
    let tmux = try startApp(
      ["--data", repositoryRoot + "/Tests/Fixtures/hostile-display"], waitFor: "PWNED")
    let screen = try tmux.capture()
    #expect(screen[0].contains("^[]0;PWNED^G^[[2J^[[31m小平市<U+202E>プラン"))
    #expect(try tmux.display("#{pane_title}") != "PWNED")
    #expect(try tmux.display("#{pane_title}") == title || title.isEmpty)
    #expect(try tmux.display("#{alternate_on}") == "1", "the alternate screen was not left")
    #expect(screen.contains { $0.contains("進捗状況") }, "the screen was not cleared")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func editingADataFileWhileItRunsUpdatesTheScreenAndABrokenFileShowsABanner() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-live-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try startApp(["--data", folder])
    try tmux.sendKeys("Tab", "Down")
    try tmux.waitFor("─ 2 / 3 ")
    let comments = folder + "/comments.yaml"
    let original = try String(contentsOfFile: comments, encoding: .utf8)
    try original.replacingOccurrences(of: "進めていく必要があるのではないか。", with: "進めていく必要がある（編集済み）。")
      .write(toFile: comments, atomically: true, encoding: .utf8)
    try tmux.waitFor("（編集済み）", timeout: .seconds(3))
    #expect(try tmux.capture().joined().contains("─ 2 / 3 "), "the selection is kept")
    let events = folder + "/events.yaml"
    let good = try String(contentsOfFile: events, encoding: .utf8)
    try (good + "broken: [\n").write(toFile: events, atomically: true, encoding: .utf8)
    try tmux.waitFor("データを読み込めません（前のデータを表示中）", timeout: .seconds(3))
    #expect(try tmux.capture().joined().contains("（編集済み）"), "the last good data stays")
    try good.write(toFile: events, atomically: true, encoding: .utf8)
    try tmux.waitUntil("the banner is gone", timeout: .seconds(3)) {
      !$0.joined().contains("データを読み込めません")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func aThemeBrokenWhileItRunsShowsABannerReadWholeAndUnderWarnings() throws {
    let themes = NSTemporaryDirectory() + "shinchoku-live-themes-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Themes", toPath: themes)
    defer { try? FileManager.default.removeItem(atPath: themes) }
    let tmux = try startApp(["--themes", themes], width: 80, height: 24)
    let file = themes + "/default.yaml"
    let good = try String(contentsOfFile: file, encoding: .utf8)
    try (good + "\nroles: [\n").write(toFile: file, atomically: true, encoding: .utf8)
    try tmux.waitFor("テーマを読み込めません（前の配色のまま）", timeout: .seconds(3))
    // The whole message wraps onto the banner's rows, under the title bar, above the panes.
    let screen = try tmux.capture()
    #expect(screen.joined().contains("default.yaml:"), "\(screen.joined(separator: "\n"))")
    #expect(screen.contains { $0.contains("┌─ 進捗状況") }, "the pane's title is not hidden")
    try tmux.sendKeys("!")
    try tmux.waitFor("読み込みの警告")
    #expect(try tmux.capture().joined().contains("default.yaml:"))
    try tmux.sendKeys("Escape")
    try good.write(toFile: file, atomically: true, encoding: .utf8)
    try tmux.waitUntil("the banner is gone", timeout: .seconds(3)) {
      !$0.joined().contains("テーマを読み込めません")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  /// A status change is confirmed and recorded; the detail then lists it at local time: the log
  /// keeps UTC, and 20:30 on 12-01 is 05:30 on 12-02 in Tokyo.
  @Test(arguments: [("Asia/Tokyo", "2026-12-02 05:30"), ("UTC", "2026-12-01 20:30")])
  func aStatusChangeFromTheDetailViewIsConfirmedAndRecorded(zone: String, shown: String) throws {
    let folder = NSTemporaryDirectory() + "shinchoku-status-\(UUID().uuidString)"
    let written = try spawnAndWait(
      binaryPath, ["shinchoku", "sample", "--out", folder, "--seed", "1"])
    #expect(written.status == 0)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try startApp(["--data", folder], environment: ["TZ": zone])
    try recordTheNextStatusInADetail(tmux) {
      #expect(!FileManager.default.fileExists(atPath: folder + "/changes.log"), "nothing before y")
    }
    try tmux.waitFor("記録された変更（changes.log）", timeout: .seconds(3))
    let log = try String(contentsOfFile: folder + "/changes.log", encoding: .utf8)
    #expect(log.hasSuffix("\n") && log.split(separator: "\n").count == 1)
    #expect(log.contains("\"new\":\"behind\"") && log.contains("\"old\":\"on-schedule\""))
    let stamp = try #require(log.range(of: #""when":"[^"]*""#, options: .regularExpression))
    // The edited record goes without its checksum, as records written before checksums did.
    try log.replacingCharacters(in: stamp, with: #""when":"2026-12-01T20:30:00Z""#)
      .replacingOccurrences(of: #","crc32":"[0-9a-f]+""#, with: "", options: .regularExpression)
      .write(toFile: folder + "/changes.log", atomically: true, encoding: .utf8)
    try tmux.waitFor("  \(shown) ", timeout: .seconds(3))
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func enterOnTheSeedSaysItHasNoProgrammeRecords() throws {
    let tmux = try startApp()
    try tmux.sendKeys("Enter")
    try tmux.waitFor("この時点は件数のみで、プログラムごとの記録はありません")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func theEventsPaneMovesDaysFiltersAndSearches() throws {
    let tmux = try startApp(width: 120)
    try tmux.sendKeys("Tab", "Tab")
    // The bottom bar shows the events pane's keys and, where there is room, the numbered
    // categories.
    try tmux.waitFor("g 日付へ")
    try tmux.waitFor("3児童館")
    try tmux.waitFor("2012年7月21日(土)")
    try tmux.waitFor("催し 6 / 6件")
    try tmux.sendKeys("l")
    try tmux.waitFor("2012年7月22日(日)")
    try tmux.sendKeys("k")
    try tmux.waitFor("2012年7月15日(日)")
    try tmux.sendKeys("PageDown")
    try tmux.waitFor("2012年8月 / 平成24年8月")
    try tmux.waitFor("2012年8月15日(水)")
    try tmux.sendKeys("g")
    try tmux.sendText("平成24年7月16日")
    try tmux.waitFor("日付へ: 平成24年7月16日")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("2012年7月16日(月) 海の日")
    try tmux.sendKeys("3")
    try tmux.waitFor("催し 3 / 6件")
    try tmux.waitFor("児童館  3 / 6件")
    try tmux.sendKeys("c")
    try tmux.waitFor("催し 6 / 6件")
    try tmux.sendKeys("/")
    try tmux.sendText("びーむ")
    try tmux.waitFor("検索: びーむ")
    try tmux.waitFor("催し 1 / 6件")
    try tmux.waitFor("東京都出前科学教室「ビームワーカー」")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("/びーむ  1 / 6件")
    // Into the agenda (the undated section), and the event's detail.
    try tmux.sendKeys("Enter", "Enter")
    try tmux.waitFor("催し › 東京都出前科学教室「ビームワーカー」")
    try tmux.waitFor("OCR はこの記事を約140回繰り返して読んでいる")
    try tmux.sendKeys("Escape", "Escape", "c")
    try tmux.waitFor("催し 6 / 6件")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func exportCalendarAsICS() throws {
    let result = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "export", "calendar", "--from", "2012-07-01", "--to", "2012-08-31",
        "--format", "ics", "--category", "museum", "--data", repositoryRoot + "/Data",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(result.stdout.contains("DTEND;VALUE=DATE:20120901\r\n"))
    let bad = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "export", "calendar", "--from", "2012-07-01", "--to", "2012-08-31",
        "--audience", "babies", "--data", repositoryRoot + "/Data",
      ])
    #expect(bad.status != 0)
    // The parser refuses it, listing the values (the option is an enumeration), in the UI's
    // language (Japanese here: LANG=C.UTF-8).
    #expect(
      bad.stderr.contains(
        "値 'babies' は '--audience <audience>' に使えません。次のどれかにしてください: 'children'、'adults'"
      ), "\(bad.stderr)")
  }

  @Test func withoutATerminalItSaysWhatToDo() throws {
    let result = try spawnAndWait(binaryPath, ["shinchoku", "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("not a terminal"))
    #expect(result.stderr.contains("shinchoku dump"))
  }

  @Test func dumpPrintsTheFirstScreenWithoutATerminal() throws {
    let result = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "dump", "--size", "80x24", "--data", repositoryRoot + "/Data", "--themes",
        repositoryRoot + "/Themes",
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 25)  // 24 rows and the final newline
    #expect(lines[0].contains("平成23年度末"))
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test(arguments: [("dumb", "TERM=dumb"), ("nonexistent-term", "TERM=nonexistent-term")])
  func anUnusableTerminalIsAClearError(term: String, mention: String) throws {
    let tmux = try TmuxSession(
      command: [binaryPath], environment: appEnvironment, unsetEnvironment: unsetForApp,
      terminal: term,
      workingDirectory: repositoryRoot, recordOutput: true)
    #expect(try tmux.waitForExit() == .status(2))
    try tmux.waitFor(mention)
    let output = tmux.loggedOutput()
    #expect(!output.contains(0x1B), "escape sequences written")
  }

  @Test func validateIsCleanOnTheBundledData() throws {
    let result = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "validate", "--lang", "en", repositoryRoot + "/Data", "--themes",
        repositoryRoot + "/Themes",
      ])
    #expect(result.status == 0, "\(result.stdout)")
    #expect(result.stdout.hasPrefix("0 errors, 0 warnings in "))
  }

  @Test func validateNamesEveryProblemWhereEditorsJumpTo() throws {
    let folder = try editedDataCopy(brokenDataEdits)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let result = try spawnAndWait(
      binaryPath,
      ["shinchoku", "validate", "--lang", "en", folder, "--themes", repositoryRoot + "/Themes"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let expected = [
      "\(folder)/events.yaml:26:10: error: the event ends (2012-07-01) before it starts (2012-07-21)",
      "\(folder)/events.yaml:60:5: error: duplicate event id 'jidokan-officers-training' (event ids must be unique)",
      "\(folder)/comments.yaml:40:13: error: comment 'c3' names area 'comunity', which does not exist (areas are: community, information, pdca, finance, organisation)",
      "\(folder)/snapshots.yaml:37:7: warning: 2017-03-31, area 'finance': the stated total is 13 but the counts add up to 12",
    ]
    for line in expected {
      #expect(lines.contains(line), "missing: \(line)\nin:\n\(result.stdout)")
    }
    #expect(lines.last == "3 errors, 1 warning in \(folder) and 6 themes")
  }

  @Test func aMissingDataFolderIsOneLine() throws {
    let result = try spawnAndWait(
      binaryPath, ["shinchoku", "dump", "--lang", "en", "--data", "/nonexistent/data"])
    #expect(result.status == 1)
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    #expect(result.stderr.contains("/nonexistent/data: error: no data folder here"))
  }

  @Test func brokenDataStopsBeforeTheTerminalIsTouched() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-e2e-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let events = folder + "/events.yaml"
    let text = try String(contentsOfFile: events, encoding: .utf8).replacingOccurrences(
      of: "start: 2012-07-21", with: "start: 2012-02-30")
    try text.write(toFile: events, atomically: true, encoding: .utf8)
    let tmux = try startApp(["--data", folder], recordOutput: true, waitFor: nil)
    #expect(try tmux.waitForExit() == .status(1))
    let output = String(decoding: tmux.loggedOutput(), as: UTF8.self)
    #expect(
      output.contains(
        "/events.yaml:25:12: エラー: 開始日 2012-02-30 はない日付です"),
      "\(output)")
    #expect(try tmux.display("#{alternate_on}") == "0")
    #expect(!output.contains("\u{1B}"), "the terminal was not touched")
  }

  /// The theme is read while the data is (on the other core): a missing themes folder is said
  /// after the data's errors, once, and the terminal is not touched.
  @Test func aMissingThemesFolderIsSaidAfterTheDatasErrors() throws {
    let result = try spawnAndWait(
      binaryPath, ["shinchoku", "dump", "--lang", "en", "--themes", "/nonexistent/themes"])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "/nonexistent/themes: error: no themes folder here (give one with --themes DIR)\n")
    let broken = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "dump", "--lang", "en", "--data", "/nonexistent/data", "--themes",
        "/nonexistent/themes",
      ])
    #expect(broken.status == 1)
    #expect(
      broken.stderr.hasPrefix("/nonexistent/data: error: no data folder here"), "\(broken.stderr)")
    let tmux = try startApp(
      ["--themes", "/nonexistent/themes"], recordOutput: true, waitFor: nil)
    #expect(try tmux.waitForExit() == .status(1))
    let output = String(decoding: tmux.loggedOutput(), as: UTF8.self)
    #expect(output.contains("/nonexistent/themes: エラー: ここにテーマのフォルダがありません"), "\(output)")
    #expect(!output.contains("\u{1B}"), "the terminal was not touched")
    // Both missing: the data's error, as before the theme was read ahead.
    let both = try startApp(
      ["--data", "/nonexistent/data", "--themes", "/nonexistent/themes"], recordOutput: true,
      waitFor: nil)
    #expect(try both.waitForExit() == .status(1))
    let said = String(decoding: both.loggedOutput(), as: UTF8.self)
    #expect(said.contains("/nonexistent/data: エラー:"), "\(said)")
    #expect(!said.contains("テーマのフォルダ"), "\(said)")
  }
}
