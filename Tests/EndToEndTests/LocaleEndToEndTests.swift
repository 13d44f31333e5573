import Foundation
import Testing

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct LocaleEndToEndTests {
  /// A locale that is not UTF-8 (or not installed) says what is needed and exits 2, before
  /// anything else reaches the terminal.
  @Test(arguments: [
    ("LANG", "C", "is not a UTF-8 locale"), ("LANG", "ja_JP.eucJP", "LANG=ja_JP.eucJP"),
    ("LC_ALL", "POSIX", "LC_ALL=POSIX is not a UTF-8 locale"),
  ])
  func aLocaleThatIsNotUTF8IsAnError(variable: String, value: String, words: String) throws {
    let tmux = try TmuxSession(
      command: [binaryPath], width: 250, height: 30,
      environment: appEnvironment.merging([variable: value]) { $1 },
      unsetEnvironment: unsetForApp.filter { $0 != variable }, workingDirectory: repositoryRoot,
      recordOutput: true)
    #expect(try tmux.waitForExit() == .status(2))
    try tmux.waitFor(words)
    try tmux.waitFor("needs a UTF-8 locale")
    #expect(!tmux.loggedOutput().contains(0x1B), "escape sequences written")
  }

  /// An absurd COLUMNS or LINES is named as what is wrong (not as ncurses failing on TERM).
  @Test(arguments: [("COLUMNS", "99999999"), ("COLUMNS", "wide"), ("LINES", "0")])
  func anAbsurdSizeVariableIsNamed(variable: String, value: String) throws {
    let tmux = try TmuxSession(
      command: [binaryPath], width: 250, height: 30,
      environment: appEnvironment.merging([variable: value]) { $1 },
      unsetEnvironment: unsetForApp, workingDirectory: repositoryRoot, recordOutput: true)
    #expect(try tmux.waitForExit() == .status(2))
    try tmux.waitFor("\(variable)=\(value) is not a usable terminal size")
    #expect(!tmux.loggedOutput().contains(0x1B), "escape sequences written")
  }
}
