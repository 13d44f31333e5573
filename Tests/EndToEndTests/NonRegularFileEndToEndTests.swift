import Foundation
import Testing

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct NonRegularFileEndToEndTests {
  /// events.csv as a FIFO at start: an error naming it (not a hang); made a FIFO during a run:
  /// a banner naming it, and later reloads still work.
  @Test func aFIFOEventsFileIsRefusedAtStartAndDuringARun() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-fifo-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let csv = folder + "/events.csv"
    #expect(mkfifo(csv, 0o644) == 0)
    let start = try spawnAndWait(
      binaryPath, ["shinchoku", "dump", "--lang", "en", "--data", folder])
    #expect(start.status == 1)
    #expect(start.stderr.contains("events.csv: error: the file is a named pipe (FIFO)"))
    try FileManager.default.removeItem(atPath: csv)
    let rows = "id,date,title\nf1,2012-07-25,ふつうの催し\n"
    try rows.write(toFile: csv, atomically: true, encoding: .utf8)
    let tmux = try startApp(["--data", folder])
    try FileManager.default.removeItem(atPath: csv)
    #expect(mkfifo(csv, 0o644) == 0)
    try tmux.waitFor("データを読み込めません（前のデータを表示中）", timeout: .seconds(5))
    // Fixing the file takes the banner away: the FIFO did not block the reloads.
    try FileManager.default.removeItem(atPath: csv)
    try rows.write(toFile: csv, atomically: true, encoding: .utf8)
    try tmux.waitUntil("the banner is gone", timeout: .seconds(5)) {
      !$0.joined().contains("データを読み込めません")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  /// set-status with changes.log as a FIFO: an error, at once.
  @Test func setStatusWithAFIFOChangeLogSaysSo() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-fifo-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(mkfifo(folder + "/changes.log", 0o644) == 0)
    let result = try spawnAndWait(
      binaryPath, ["shinchoku", "set-status", "--lang", "en", "--data", folder, "P1", "ahead"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("changes.log: error: the file is a named pipe (FIFO)"))
    #expect(!result.stderr.contains("permission"))
  }
}
