import Foundation
import Testing

/// The first screen does not wait for events.csv: the matrix and the comments are there at
/// once, the events pane shows how much of events.csv is read, keys work, and the events
/// follow. `validate` shows the same progress on stderr when it is a terminal.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct FirstLoadEndToEndTests {
  /// A sample data set with enough events that a debug build reads them for seconds.
  static let events = 150_000

  static func sampleFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "shinchoku-firstload-\(UUID().uuidString)"
    let written = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "sample", "--out", folder, "--seed", "1", "--events", "\(events)",
        "--snapshots", "4",
      ])
    #expect(written.status == 0, "\(written.stderr)")
    return folder
  }

  @Test func theMatrixShowsAtOnceAndKeysWorkWhileTheEventsLoad() throws {
    let folder = try Self.sampleFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try startApp(["--data", folder], width: 120, height: 40, waitFor: nil)
    try tmux.waitFor("催しを読み込み中", timeout: .seconds(30))
    let first = try tmux.capture().joined(separator: "\n")
    #expect(first.contains("進捗状況"))
    #expect(first.contains("[4/4]"))
    #expect(first.contains("委員会の意見"))
    // A key while loading: the previous snapshot, with the events still being read.
    try tmux.sendKeys("[")
    try tmux.waitUntil("the previous snapshot while loading", timeout: .seconds(10)) { screen in
      let text = screen.joined(separator: "\n")
      return text.contains("[3/4]") && text.contains("催しを読み込み中")
    }
    // Then the events come in and the bar goes.
    try tmux.waitFor("/ \(Self.events)件", timeout: .seconds(120))
    let loaded = try tmux.capture().joined(separator: "\n")
    #expect(!loaded.contains("読み込み中"))
    #expect(loaded.contains("[3/4]"))
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func anErrorInEventsCSVFoundAfterTheFirstScreenClosesWithTheError() throws {
    let folder = try Self.sampleFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // The last row repeats the first one's id.
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/events.csv"))
    file.seekToEndOfFile()
    file.write(Data("e1,2012-04-16,10:30,again,,,,,\n".utf8))
    try file.close()
    let tmux = try startApp(["--data", folder], width: 120, height: 40, waitFor: nil)
    #expect(try tmux.waitForExit(timeout: .seconds(120)) == .status(1))
    let screen = try tmux.capture().joined(separator: "\n")
    // In the UI's language (Japanese by default), with the place editors read.
    #expect(screen.contains("events.csv:\(Self.events + 2):1: エラー: 催しの id 'e1' が重複"))
    #expect(!screen.contains("進捗状況"))
  }

  @Test func validateShowsProgressOnATerminalOnly() throws {
    let folder = try Self.sampleFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let tmux = try TmuxSession(
      command: [binaryPath, "validate", folder], width: 100, height: 10,
      environment: appEnvironment, unsetEnvironment: unsetForApp,
      workingDirectory: repositoryRoot)
    try tmux.waitFor("events.csv ", timeout: .seconds(30))
    try tmux.waitUntil("a bar with its share", timeout: .seconds(10)) { screen in
      screen.contains { $0.contains("% [") && $0.contains(" MB") }
    }
    #expect(try tmux.waitForExit(timeout: .seconds(120)) == .status(0))
    // Erased when done.
    #expect(!(try tmux.capture().contains { $0.contains("% [") }))
    // Piped: no bar.
    let piped = try spawnAndWait(binaryPath, ["shinchoku", "validate", folder])
    #expect(piped.status == 0)
    #expect(!piped.stderr.contains("% ["))
    #expect(!piped.stderr.contains("\r"))
  }
}
