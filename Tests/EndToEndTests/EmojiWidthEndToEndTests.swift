import Foundation
import Testing

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct EmojiWidthEndToEndTests {
  /// Emoji clusters whose width terminals disagree on (a ZWJ family, a skin tone, VS16) in a
  /// comment: drawn in a form of certain width, the pane separators stay in the same columns on
  /// every line in tmux.
  @Test func theSeparatorStaysPutBesideAZWJSequence() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-emoji-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["plan.yaml", "snapshots.yaml", "events.yaml"] {
      try FileManager.default.copyItem(
        atPath: repositoryRoot + "/Data/" + name, toPath: folder + "/" + name)
    }
    let clusters = "家族👨\u{200D}👩\u{200D}👧\u{200D}👦と👍🏽と☀\u{FE0F}と🏳\u{FE0F}\u{200D}🌈"
    try """
    comments:
      - id: c1
        number: 1
        areas: []
        source: seed
        text: "\(clusters)の話。\(clusters)"
    """.write(toFile: folder + "/comments.yaml", atomically: true, encoding: .utf8)
    let tmux = try startApp(["--data", folder])
    try tmux.waitFor("家族")
    let screen = try tmux.capture()
    let rows = screen.filter { $0.contains("家族") }
    #expect(!rows.isEmpty)
    // The family is its first emoji and +; the skin tone and VS16 are left out.
    #expect(rows.contains { $0.contains("家族👨+と👍と☀と🏳+") })
    // The lines of the comments and events panes have their borders in the same columns.
    let split = screen.filter { borderColumns($0).count == 4 }
    let expected = borderColumns(try #require(split.first { !$0.contains("家族") }))
    #expect(rows.allSatisfy { split.contains($0) }, "\(rows)")
    for row in split {
      #expect(borderColumns(row) == expected, "\(row)")
    }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }
}
