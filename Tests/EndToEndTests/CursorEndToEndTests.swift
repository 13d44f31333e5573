import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

/// The real binary in tmux: after each key of a tour through every pane and mode, the
/// terminal's cursor (`#{cursor_x},#{cursor_y}`) is where the frame puts it, and inside the
/// selected item's cell range. The ranges come from the frame's hit regions: the same data,
/// size and keys are rendered in-process (`KeyMap`, `reduce`, `render`), and each step waits
/// until tmux shows that frame, so the two are known to agree.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct CursorEndToEndTests {
  /// tmux key names and the keys they send.
  static let tour: [(String, Key)] = [
    // The matrix, the drill-down, a programme's detail and its status dialog.
    ("Right", .right), ("Down", .down), ("End", .end), ("Home", .home), ("Right", .right),
    ("Enter", .enter), ("Down", .down), ("Enter", .enter), ("Down", .down), ("s", .character("s")),
    ("Down", .down), ("Escape", .escape), ("Escape", .escape), ("Escape", .escape),
    // Comments, the reading view, the search line.
    ("Tab", .tab), ("Down", .down), ("Enter", .enter), ("Down", .down), ("Escape", .escape),
    ("/", .character("/")), ("a", .character("a")), ("Enter", .enter),
    // Events: the grid, the agenda, an event's detail.
    ("Tab", .tab), ("Right", .right), ("Down", .down), ("v", .character("v")),
    ("Enter", .enter), ("Down", .down), ("Enter", .enter), ("Escape", .escape),
    ("Escape", .escape), ("g", .character("g")), ("1", .character("1")), ("Enter", .enter),
    // Help and the warnings.
    ("?", .character("?")), ("Escape", .escape), ("!", .character("!")), ("Escape", .escape),
  ]

  func trimmed(_ line: String) -> String {
    var line = Substring(line)
    while line.last == " " { line.removeLast() }
    return String(line)
  }

  @Test func theCursorFollowsTheSelectionInTheRealTerminal() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-cursor-\(UUID().uuidString)"
    let made = try spawnAndWait(
      binaryPath, ["shinchoku", "sample", "--out", folder, "--seed", "1"])
    #expect(made.status == 0, "\(made.stderr)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (width, height) = (100, 30)
    let tmux = try startApp(["--data", folder], width: width, height: height)
    var state = AppState(
      dataset: try DatasetLoader().load(directory: folder), language: .japanese, width: width,
      height: height, today: .today(), themeNames: ["default"])
    let theme = ThemeLoader(directory: repositoryRoot + "/Themes").load("default").theme
    var checked = 0
    for (index, (name, key)) in Self.tour.enumerated() {
      if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
      let frame = render(state, theme: theme)
      state.settleScrolls(frame.scrolls)
      // The whole screen; under help (which names the themes the binary found) its last rows.
      let rows = state.overlay == .help ? 2 : height
      let expected = frame.lines.suffix(rows).map(trimmed)
      try tmux.sendKeys(name)
      let place = "key \(index + 1) (\(name))"
      try tmux.waitUntil("\(place): the frame drawn in-process") { screen in
        screen.suffix(rows).map(trimmed) == expected
      }
      let reported = try tmux.display("#{cursor_x},#{cursor_y}").split(separator: ",")
        .compactMap { Int($0) }
      let cursor = try #require(frame.cursor, "\(place): the frame places no cursor")
      #expect(reported == [cursor.x, cursor.y], "\(place): tmux \(reported), frame \(cursor)")
      if let target = selectedTarget(state) {
        let regions = frame.hitRegions.filter { $0.target == target }
        #expect(
          regions.contains {
            reported.count == 2 && reported[0] >= $0.x && reported[0] < $0.x + $0.width
              && reported[1] >= $0.y && reported[1] < $0.y + $0.height
          }, "\(place): cursor \(reported) not on \(target) \(regions)")
        checked += 1
      }
    }
    #expect(checked > Self.tour.count / 2, "most steps have a selected item: \(checked)")
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }
}
