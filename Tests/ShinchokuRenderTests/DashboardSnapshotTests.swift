import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import TerminalText
import Testing

@Suite struct DashboardSnapshotTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  @Test func seedAt80x24() throws {
    try assertSnapshot(
      render(try seedState(width: 80, height: 24), theme: theme), named: "seed-80x24")
  }

  @Test func seedAt120x40() throws {
    try assertSnapshot(
      render(try seedState(width: 120, height: 40), theme: theme), named: "seed-120x40")
  }

  @Test func followUpSnapshotInEnglishAt100x30() throws {
    var state = try seedState(width: 100, height: 30, language: .english)
    state.snapshotIndex = 2
    state.focus = .events
    try assertSnapshot(render(state, theme: theme), named: "followup-en-100x30")
  }

  @Test func helpOverlayAt80x24() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .toggleHelp)
    try assertSnapshot(render(state, theme: theme), named: "help-80x24")
  }

  @Test func tooSmall() throws {
    try assertSnapshot(
      render(try seedState(width: 40, height: 10), theme: theme), named: "too-small-40x10")
  }
}

@Suite struct LayoutInvariantTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  /// Every row of a pane's box has its right border at the same display column, whatever
  /// Japanese text is inside.
  @Test(arguments: [(60, 17), (80, 24), (97, 31), (120, 40), (200, 60)])
  func bordersStayAligned(size: (Int, Int)) throws {
    for snapshot in 0..<3 {
      var state = try seedState(width: size.0, height: size.1)
      state.snapshotIndex = snapshot
      let frame = render(state, theme: theme)
      try checkBordersAligned(frame)
    }
  }

  /// Half-width katakana, full-width letters, combining marks and Latin words in the data:
  /// every border still lands in its column.
  @Test(arguments: [(60, 17), (80, 24), (101, 33), (160, 50)])
  func bordersStayAlignedWithMixedText(size: (Int, Int)) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-mixed-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: bundledData), to: folder)
    func edit(_ name: String, _ old: String, _ new: String) throws {
      let url = folder.appendingPathComponent(name)
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains(old))
      try text.replacingOccurrences(of: old, with: new).write(
        to: url, atomically: true, encoding: .utf8)
    }
    try edit("plan.yaml", "name: 財政基盤の強化", "name: ｶﾞｲﾄﾞﾗｲﾝ Ｆｉｓｃａｌ base ｺｳﾄﾞ e\u{301}")
    try edit(
      "comments.yaml", "text: 小平市をどのような都市に",
      "text: ﾊﾝｶｸｶﾀｶﾅ ｶﾞｷﾞｸﾞ and Latin words, ＰＤＣＡ 2012年8月1日 小平市をどのような都市に")
    try edit("events.yaml", "title: 子ども会役員研修会", "title: ｺﾄﾞﾓ会 Officers' training 研修会")
    var state = AppState(
      dataset: try DatasetLoader().load(directory: folder.path), language: .japanese, width: size.0,
      height: size.1, today: CivilDate(year: 2012, month: 8, day: 1)!)
    for focus in Pane.allCases {
      state.focus = focus
      try checkBordersAligned(render(state, theme: theme))
    }
  }

  @Test func everySizeFromTinyToHugeRenders() throws {
    let state = try seedState(width: 1, height: 1)
    for width in [0, 1, 2, 3, 5, 10, 20, 59, 60, 61, 79, 80, 81, 150, 400] {
      for height in [0, 1, 2, 3, 5, 16, 17, 18, 24, 120] {
        var sized = state
        reduce(&sized, .resize(width: width, height: height))
        reduce(&sized, .toggleHelp)
        let frame = render(sized, theme: theme)
        #expect(frame.width == width && frame.height == height)
        checkWideGlyphs(frame)
        for line in frame.lines { #expect(displayWidth(line) <= width) }
      }
    }
  }

  @Test func tooSmallNamesTheSizeNeeded() throws {
    let frame = render(try seedState(width: 59, height: 24), theme: theme)
    #expect(frame.text.contains("端末が小さすぎます"))
    #expect(frame.text.contains("必要: 60×17"))
    #expect(frame.text.contains("現在: 59×24"))
    #expect(!render(try seedState(width: 60, height: 17), theme: theme).text.contains("小さすぎ"))
  }

  @Test func selectionIsDrawnInTheSelectionRole() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .move(.down))
    reduce(&state, .move(.right))
    let frame = render(state, theme: theme)
    let selection = theme.style(.selection)
    let selectedCells = (0..<frame.height).flatMap { y in
      (0..<frame.width).filter { frame[$0, y].style == selection }.map { ($0, y) }
    }
    // Row of area 2 (title bar, border, header, area 1, area 2).
    #expect(Set(selectedCells.map(\.1)) == [4])
    #expect(selectedCells.contains { frame[$0.0, $0.1].text == "—" })
  }

  @Test func helpListsEveryKey() throws {
    var state = try seedState(width: 100, height: 40)
    reduce(&state, .toggleHelp)
    let text = render(state, theme: theme).text
    for binding in KeyMap.dashboard {
      #expect(text.contains(binding.label.japanese), "help lacks \(binding.label.japanese)")
      #expect(text.contains(binding.meaning.japanese))
    }
  }
}

@Suite struct FrameTests {
  @Test func aWideGlyphAtTheClipEdgeBecomesASpace() {
    var frame = Frame(width: 6, height: 1)
    let used = frame.put("ab小平", x: 0, y: 0, style: .plain, maxWidth: 5)
    #expect(frame.lines == ["ab小"])
    #expect(used == 5)
    #expect(frame[4, 0].text == " ")
    checkWideGlyphs(frame)
  }

  @Test func overwritingHalfAWideGlyphClearsTheOtherHalf() {
    var frame = Frame(width: 4, height: 1)
    frame.put("小平", x: 0, y: 0, style: .plain)
    frame.put("x", x: 1, y: 0, style: .plain)
    #expect(frame.lines == [" x平"])
    frame.put("y", x: 2, y: 0, style: .plain)
    #expect(frame.lines == [" xy"])
    checkWideGlyphs(frame)
  }

  @Test func halfWidthKatakanaAndCombiningMarksTakeTheirColumns() {
    var frame = Frame(width: 8, height: 1)
    frame.put("ｶﾞe\u{301}|", x: 0, y: 0, style: .plain)
    #expect(frame[0, 0].text == "ｶ")
    #expect(frame[1, 0].text == "ﾞ")
    #expect(frame[2, 0].text == "e\u{301}")
    #expect(frame[3, 0].text == "|")
  }

  @Test func textStartingLeftOfTheFrameIsClipped() {
    var frame = Frame(width: 5, height: 1)
    frame.put("小平市", x: -1, y: 0, style: .plain)
    #expect(frame.lines == [" 平市"])
    frame.put("小平市", x: -1, y: 0, style: .plain, maxWidth: 5)
    #expect(frame.lines == [" 平"], "市 would straddle the clip edge at column 4")
    checkWideGlyphs(frame)
  }
}
