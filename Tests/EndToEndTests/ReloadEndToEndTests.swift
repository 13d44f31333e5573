import Foundation
import Synchronization
import Testing

/// A writer that saves `snapshots.yaml` in two steps (a valid prefix, a 30 ms pause, the rest)
/// against the running dashboard: the prefix (one snapshot only) must never be shown.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct ReloadEndToEndTests {
  /// Writes `text` in place (same file, truncated) in two steps with a pause between.
  static func writeInTwoSteps(_ text: String, to path: String, splitAt marker: String) {
    let bytes = Array(text.utf8)
    let cut =
      text.range(of: marker).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
      ?? bytes.count / 2
    let fd = open(path, O_WRONLY | O_TRUNC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = bytes[..<cut].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    usleep(30_000)
    _ = bytes[cut...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }

  /// A row appended to events.csv while the dashboard runs shows in the events pane (read
  /// alone: AppendReloadTests), in its day's agenda and in the count; then a rewrite that keeps
  /// the file's size shows the rewritten title, not the old one.
  @Test func aRowAppendedToEventsCSVShowsAndARewriteIsReadAgain() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-append-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/events.csv"
    let head =
      "id,date,start,title\n" + (1...300).map { "r\($0),2012-07-21,10:00,既存の催し\($0)\n" }.joined()
    try Data(head.utf8).write(to: URL(fileURLWithPath: path))
    let tmux = try startApp(
      ["--data", folder, "--lang", "en"], width: 120, height: 40, waitFor: "Progress")
    try tmux.waitFor("306 / 306 events")
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("added,2012-07-21,8:00,追記した朝の催し\n".utf8))
    try handle.close()
    try tmux.waitFor("307 / 307 events")
    try tmux.waitFor("8:00 追記した朝の催し")
    // The same size, other bytes: the new title, never the old one.
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "追記した朝の催し", with: "書き換えた催し___").utf8)
      .write(to: URL(fileURLWithPath: path))
    #expect(
      try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == text.utf8.count)
    try tmux.waitFor("8:00 書き換えた催し___")
    #expect(!(try tmux.capture().joined().contains("追記した朝の催し")))
  }

  @Test func aFileSavedInTwoStepsIsNeverShownHalfWritten() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-settle-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/snapshots.yaml"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    // The prefix up to the second snapshot is valid YAML with the first snapshot alone.
    let marker = "  - date: 2016-03-31"
    let tmux = try startApp(["--data", folder])
    try tmux.sendKeys("]", "]")
    try tmux.waitFor("2017-03-31（平成28年度末）")
    let done = Atomic(false)
    let writer = Thread {
      // About 2.5 s of saves, one after another: the prefix is on disk most of the time.
      for _ in 0..<50 {
        Self.writeInTwoSteps(original, to: path, splitAt: marker)
        usleep(20_000)
      }
      done.store(true, ordering: .sequentiallyConsistent)
    }
    writer.start()
    var captures = 0
    var partial: [String] = []
    while !done.load(ordering: .sequentiallyConsistent) {
      let screen = try tmux.capture()
      captures += 1
      if let title = screen.first, !title.contains("2017-03-31（平成28年度末） [3/3]") {
        partial.append(title)
      }
      if screen.joined().contains("データを読み込めません") { partial.append("banner") }
    }
    #expect(captures > 20)
    #expect(partial.isEmpty, "\(partial.count) of \(captures) captures: \(partial.prefix(3))")
    // A last save in two steps that changes a figure is shown once the file holds still.
    let before = try #require(try tmux.capture().first { $0.contains("1 地域協働の推進") })
    let edited = original.replacingOccurrences(
      of: "community:    { ahead: 1, on-schedule: 7,  behind: 1, total: 9 }",
      with: "community:    { ahead: 1, on-schedule: 8,  behind: 1, total: 10 }")
    try #require(edited != original)
    Self.writeInTwoSteps(edited, to: path, splitAt: marker)
    try tmux.waitUntil("the edited figure shows", timeout: .seconds(3)) {
      guard let row = $0.first(where: { $0.contains("1 地域協働の推進") }) else { return false }
      return row != before
    }
    #expect(try tmux.capture().first?.contains("2017-03-31（平成28年度末） [3/3]") == true)
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }
}
