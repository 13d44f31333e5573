import Foundation
import Testing

/// What a terminal sends for each key the app binds, as `infocmp -1 TERM` lists it on this machine
/// (the app's keypad mode: application cursor keys), plus the forms the entry does not list that
/// the same terminal, or a multiplexer in front of it, also sends. KeySequenceTests checks the
/// decoder against infocmp itself; this drives the real binary with the bytes.
struct TerminalKeys {
  let term: String
  var up: [String] = ["\u{1B}OA", "\u{1B}[A"]
  var down: [String] = ["\u{1B}OB", "\u{1B}[B"]
  var right: [String] = ["\u{1B}OC", "\u{1B}[C"]
  var left: [String] = ["\u{1B}OD", "\u{1B}[D"]
  var home: [String] = ["\u{1B}[1~"]
  var end: [String] = ["\u{1B}[4~"]
  var pageUp = "\u{1B}[5~"
  var pageDown = "\u{1B}[6~"
  var f1 = "\u{1B}OP"
  var f2 = "\u{1B}OQ"
  var f5: String? = "\u{1B}[15~"
  var backTab = "\u{1B}[Z"
  var backspace: [String] = ["\u{7F}", "\u{08}"]
  /// Keys the app does not bind (Insert, Delete, F3, F4, F6–F12): they must do nothing.
  var unbound: [String] = [
    "\u{1B}[2~", "\u{1B}[3~", "\u{1B}OR", "\u{1B}OS", "\u{1B}[17~", "\u{1B}[18~", "\u{1B}[19~",
    "\u{1B}[20~", "\u{1B}[21~", "\u{1B}[23~", "\u{1B}[24~",
  ]

  static let all: [TerminalKeys] = [
    // xterm and VTE: both cursor modes; Home/End as xterm sends them, and as tmux does in front
    // of it (the reported bug: ESC[1~ / ESC[4~ are not in xterm's entry).
    TerminalKeys(
      term: "xterm-256color", home: ["\u{1B}OH", "\u{1B}[H", "\u{1B}[1~"],
      end: ["\u{1B}OF", "\u{1B}[F", "\u{1B}[4~"]),
    TerminalKeys(term: "screen-256color"),
    TerminalKeys(term: "tmux-256color"),
    TerminalKeys(
      term: "rxvt-unicode-256color", home: ["\u{1B}[7~", "\u{1B}[1~"],
      end: ["\u{1B}[8~", "\u{1B}[4~"],
      f1: "\u{1B}[11~", f2: "\u{1B}[12~",
      unbound: ["\u{1B}[2~", "\u{1B}[3~", "\u{1B}[13~", "\u{1B}[14~", "\u{1B}[17~", "\u{1B}[24~"]),
    TerminalKeys(
      term: "linux", f1: "\u{1B}[[A", f2: "\u{1B}[[B", f5: "\u{1B}[[E", backTab: "\u{1B}\t",
      unbound: ["\u{1B}[2~", "\u{1B}[3~", "\u{1B}[[C", "\u{1B}[[D", "\u{1B}[17~", "\u{1B}[24~"]),
    // The VT220 has Find and Select where a PC has Home and End, and no F5 key.
    TerminalKeys(term: "vt220", f5: nil, backspace: ["\u{08}", "\u{7F}"]),
  ]

  /// Sequences no bound key sends: modified keys, terminal reports, strings.
  static let unknown = [
    "\u{1B}[1;5C", "\u{1B}[1;2H", "\u{1B}[3;5~", "\u{1B}[15;2~", "\u{1B}[25~", "\u{1B}[2$",
    "\u{1B}Oa", "\u{1B}[I", "\u{1B}[O", "\u{1B}[200~", "\u{1B}[?62;22c",
    "\u{1B}]11;rgb:0000/0000/0000\u{07}", "\u{1B}P1$r0m\u{1B}\\",
  ]
}

extension TmuxSession {
  func send(_ sequence: String) throws { try sendBytes(Array(sequence.utf8)) }
}

/// Runs the app under `TERM=term` inside tmux.
func startApp(
  term: String, _ arguments: [String], waitFor text: String, escapeDelay: String? = "400"
) throws -> TmuxSession {
  // These tests are about which bytes make which key, not the race of the 25 ms escape delay
  // on a loaded machine (a sequence read in two parts more than 25 ms apart is Esc + text, as
  // it should be): the user's ESCDELAY, which the app honours, gives them room.
  let session = try TmuxSession(
    command: [binaryPath] + arguments, width: 100, height: 30,
    environment: appEnvironment.merging(escapeDelay.map { ["ESCDELAY": $0] } ?? [:]) { $1 },
    unsetEnvironment: unsetForApp, terminal: term, workingDirectory: repositoryRoot)
  try session.waitFor(text)
  return session
}

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct KeysEndToEndTests {
  /// The slide counter of `shinchoku present`.
  private func slide(_ n: Int) -> String { "スライド \(n) / 13" }

  @Test(arguments: TerminalKeys.all.map(\.term))
  func presentationUnderEachTerminal(term: String) throws {
    let keys = TerminalKeys.all.first { $0.term == term }!
    let tmux = try startApp(term: term, ["present"], waitFor: slide(1))
    // The reported bug: Home after two PgDn went to the dashboard or quit.
    for home in keys.home {
      try tmux.send(keys.pageDown)
      try tmux.send(keys.pageDown)
      try tmux.waitFor(slide(3))
      try tmux.send(home)
      try tmux.waitFor(slide(1))
    }
    for end in keys.end {
      try tmux.send(keys.home[0])
      try tmux.waitFor(slide(1))
      try tmux.send(keys.pageDown)
      try tmux.waitFor(slide(2))
      try tmux.send(end)
      try tmux.waitFor(slide(13))
      try tmux.send(keys.pageUp)
      try tmux.waitFor(slide(12))
    }
    // Now on slide 12: back with each previous key, forward with each next key.
    var n = 12
    for previous in keys.up + keys.left + keys.backspace {
      try tmux.send(previous)
      n -= 1
      try tmux.waitFor(slide(n))
    }
    for next in keys.down + keys.right {
      try tmux.send(next)
      n += 1
      try tmux.waitFor(slide(n))
    }
    // Keys that mean nothing here, and sequences nobody binds: nothing happens. The last key
    // (PgDn) shows they were all read, and nothing before it moved the slide or left.
    for sequence in keys.unbound + TerminalKeys.unknown + [keys.f2, keys.backTab] {
      try tmux.send(sequence)
    }
    try tmux.send(keys.pageDown)
    try tmux.waitFor(slide(n + 1))
    try tmux.send(keys.pageUp)
    try tmux.waitFor(slide(n))
    if let f5 = keys.f5 {
      try tmux.send(f5)
      try tmux.waitFor(slide(1))
    }
    try tmux.send(keys.f1)
    try tmux.waitFor("次のスライド")
    // A real Esc still acts: it closes help, then leaves the presentation.
    try tmux.sendKeys("Escape")
    try tmux.waitUntil("help closed") { !$0.joined().contains("次のスライド") }
    try tmux.sendKeys("Escape")
    #expect(try tmux.waitForExit() == .status(0))
  }

  /// The events pane's selected day (its heading above the agenda; an event's own dates follow
  /// more indented).
  private func day(_ date: String) -> String { "│ \(date) " }

  @Test(arguments: TerminalKeys.all.map(\.term))
  func dashboardUnderEachTerminal(term: String) throws {
    let keys = TerminalKeys.all.first { $0.term == term }!
    let tmux = try startApp(term: term, [], waitFor: "進捗状況")
    // Shift-Tab: from the matrix back to the events pane (its keys in the bottom bar).
    try tmux.send(keys.backTab)
    try tmux.waitFor("g 日付へ")
    try tmux.waitFor(day("2012年7月21日(土)"))
    let before = try tmux.capture()
    // The unbound keys and the unknown sequences must change nothing: no snapshot switch, no
    // filter, no quitting.
    for sequence in keys.unbound + TerminalKeys.unknown {
      try tmux.send(sequence)
    }
    try tmux.send(keys.right[0])
    try tmux.waitFor(day("2012年7月22日(日)"))
    try tmux.send(keys.left[0])
    try tmux.waitFor(day("2012年7月21日(土)"))
    // The same screen; only the notice line (last) says what the last key changed.
    let after = try tmux.capture()
    #expect(after.dropLast() == before.dropLast(), "\(zip(before, after).filter { $0 != $1 })")
    #expect(after.last?.contains("2012年7月21日(土) 催し 1件") == true, "\(after.last ?? "")")
    // Home and End, as each terminal sends them: the month's first and last day.
    for home in keys.home {
      try tmux.send(keys.end[0])
      try tmux.waitFor(day("2012年7月31日(火)"))
      try tmux.send(home)
      try tmux.waitFor(day("2012年7月1日(日)"))
    }
    for end in keys.end {
      try tmux.send(keys.home[0])
      try tmux.waitFor(day("2012年7月1日(日)"))
      try tmux.send(end)
      try tmux.waitFor(day("2012年7月31日(火)"))
    }
    for _ in 0..<10 { try tmux.send(keys.left[0]) }
    try tmux.waitFor(day("2012年7月21日(土)"))
    for (forward, back) in zip(keys.right, keys.left) {
      try tmux.send(forward)
      try tmux.waitFor(day("2012年7月22日(日)"))
      try tmux.send(back)
      try tmux.waitFor(day("2012年7月21日(土)"))
    }
    for (down, up) in zip(keys.down, keys.up) {
      try tmux.send(down)
      try tmux.waitFor(day("2012年7月28日(土)"))
      try tmux.send(up)
      try tmux.waitFor(day("2012年7月21日(土)"))
    }
    try tmux.send(keys.pageDown)
    try tmux.waitFor("2012年8月 / 平成24年8月")
    try tmux.send(keys.pageUp)
    try tmux.waitFor("2012年7月 / 平成24年7月")
    try tmux.send(keys.f1)
    try tmux.waitFor("ヘルプ ·")
    try tmux.sendKeys("Escape")
    try tmux.waitUntil("help closed") { !$0.joined().contains("ヘルプ ·") }
    try tmux.send(keys.f2)
    try tmux.waitFor("テーマ: ")
    // Tab (a plain character) back to the matrix, then F5 starts the presentation.
    try tmux.sendKeys("Tab")
    if let f5 = keys.f5 {
      try tmux.send(f5)
      try tmux.waitFor(slide(1))
      try tmux.sendKeys("Escape")
      try tmux.waitFor("進捗状況")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func escapeDelayFromTheEnvironmentIsUsed() throws {
    // With ESCDELAY=3000, an Esc whose sequence ends 0.3 s later is still one key (Down: the
    // next slide). With the built-in 25 ms it would be Esc, leaving the presentation.
    let session = try TmuxSession(
      command: [binaryPath, "present"], width: 100, height: 30,
      environment: appEnvironment.merging(["ESCDELAY": "3000"]) { $1 },
      unsetEnvironment: unsetForApp, workingDirectory: repositoryRoot)
    try session.waitFor(slide(1))
    try session.send("\u{1B}")
    Thread.sleep(forTimeInterval: 0.3)
    try session.send("[B")
    try session.waitFor(slide(2))
    try session.sendKeys("Escape")
    #expect(try session.waitForExit(timeout: .seconds(15)) == .status(0))
  }

  @Test func withTheBuiltInDelayASlowSequenceIsEscAndText() throws {
    let session = try startApp(
      term: "tmux-256color", ["present"], waitFor: slide(1), escapeDelay: nil)
    try session.send("\u{1B}")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(try session.waitForExit() == .status(0))
  }
}
