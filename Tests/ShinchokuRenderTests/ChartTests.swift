import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import TerminalText
import Testing

@testable import ShinchokuRender

/// The charts: widget tests at tiny sizes (each line exactly), in Unicode and ASCII, and whole
/// screens of the matrix pane's chart views.
@Suite struct ChartWidgetTests {
  func draw(_ view: ChartView, width: Int, height: Int, ascii: Bool = false) -> Frame {
    var canvas = Canvas(
      width: width, height: height, theme: .builtIn,
      chrome: Chrome(language: .japanese, asciiOnly: ascii))
    canvas.draw(
      ChartWidget(view: view, focused: false), in: Rect(x: 0, y: 0, width: width, height: height))
    return canvas.finish()
  }

  static let segments = [
    ChartSegment(id: "ahead", symbol: "◎", name: "上", tone: .ahead),
    ChartSegment(id: "behind", symbol: "△", name: "遅", tone: .behind),
  ]

  func bar(_ parts: [Int?], unknown: Int, figure: String, scale: Int) -> ChartBar {
    ChartBar(label: "x", parts: parts, unknown: unknown, figure: figure, scale: scale)
  }

  @Test func barsScaleToTheLargestAndTheUnknownPartIsDrawnAsUnknown() {
    let view = ChartView(
      title: "T", columnHeadings: [],
      rows: [
        ("a", [bar([2, 2], unknown: 0, figure: "4", scale: 8)]),
        ("b", [bar([nil, nil], unknown: 8, figure: "8", scale: 8)]),
        ("c", [bar([8, 0], unknown: 0, figure: "8", scale: 8)]),
      ], segments: Self.segments, notes: ["n"])
    let frame = draw(view, width: 20, height: 7)
    #expect(
      frame.lines == [
        "┌─ T ──────────────┐",
        "│ a ███▒▒▒      4  │",
        "│ b ——————————— 8  │",
        "│ c ███████████ 8  │",
        "│ █ ◎上  ▒ △遅     │",
        "│ — 内訳不明       │",
        "└───────── 5 / 6 ▼─┘",
      ])
    #expect(frame.faults.isEmpty)
    // The legend wraps between its items, never cut; the note below is reached by scrolling.
    var scrolled = view
    scrolled.scroll = 9
    let end = draw(scrolled, width: 20, height: 7)
    #expect(end.lines[1] == "│ b ——————————— 8  │")
    #expect(end.lines[5] == "│ n                │")
    #expect(end.lines[0] == "┌─ T ────────────▲─┐")
    #expect(end.lines[6] == "└───────── 6 / 6 ──┘")
    #expect(end.scrolls == [.matrixChart: 1], "the offset settles on the first line shown")
    let ascii = draw(view, width: 20, height: 7, ascii: true)
    #expect(ascii.lines[1] == "| a ###===      4  |")
    #expect(ascii.lines[2] == "| b ??????????? 8  |")
  }

  /// A wrapped line keeps the space it broke at, which may go past the room: it is dropped,
  /// never cut with an ellipsis (for text and for spans, which every widget writes through).
  @Test func spacesPastTheRoomAreDroppedNotCut() {
    for text in ["からは ", "abcd  "] {
      var canvas = Canvas(
        width: 8, height: 2, theme: .builtIn, chrome: Chrome(language: .japanese, asciiOnly: false))
      let width = displayWidth(text.trimmingCharacters(in: .whitespaces))
      canvas.put(text, x: 0, y: 0, role: .text, maxWidth: width)
      canvas.put(
        [Span("x", .muted), Span(String(text.dropFirst()), .text)], x: 0, y: 1, width: width)
      let frame = canvas.finish()
      #expect(!frame.lines[0].contains("…"), "\(frame.lines[0])")
      #expect(frame.lines[0].hasPrefix(text.trimmingCharacters(in: .whitespaces)))
      #expect(!frame.lines[1].contains("…"), "\(frame.lines[1])")
      #expect(frame.faults.isEmpty, "\(frame.faults)")
    }
    // Text that is longer than the room is still cut with the ellipsis.
    var canvas = Canvas(
      width: 8, height: 1, theme: .builtIn, chrome: Chrome(language: .japanese, asciiOnly: false))
    canvas.put("abcdef ", x: 0, y: 0, role: .text, maxWidth: 4)
    #expect(canvas.finish().lines[0].hasPrefix("abc…"))
  }

  @Test func aTinyBoxDrawsNothingOutsideIt() {
    let view = ChartView(
      title: "T", columnHeadings: [], rows: [("a", [bar([1], unknown: 0, figure: "1", scale: 1)])],
      segments: Self.segments, notes: [])
    for (width, height) in [(1, 1), (3, 2), (5, 3), (8, 3)] {
      let frame = draw(view, width: width, height: height)
      #expect(frame.faults.isEmpty, "\(width)x\(height)")
    }
  }

  @Test func theTrendOfTheBundledDataGivesTotalsFirstAndKeepsUnknownsUnknown() throws {
    let data = try DatasetLoader().load(directory: bundledData)
    let chrome = Chrome(language: .japanese, asciiOnly: false)
    let view = ChartView.trend(data, language: .japanese, chrome: chrome)
    #expect(view.columnHeadings == ["2012-03-31", "2016-03-31", "2017-03-31"])
    #expect(view.rows.map(\.label).first == "合計")
    let totals = view.rows[0].bars
    #expect(totals.map(\.figure) == ["15+", "62", "41"])
    // 2012: nothing of the split is known, only area 1's total: all of it unknown.
    #expect(totals[0].parts == [nil, nil, nil])
    #expect(totals[0].unknown == 15)
    #expect(totals[2].parts == [1, 35, 5])
    #expect(totals[2].unknown == 0)
    #expect(totals.allSatisfy { $0.scale == 62 })
  }

  @Test func theSavingsChartKeepsTheAmbiguousFigureAsPrinted() throws {
    let data = try DatasetLoader().load(directory: bundledData)
    let view = ChartView.savings(
      data, language: .japanese, chrome: Chrome(language: .japanese, asciiOnly: false))
    #expect(view.rows.map(\.label) == ["H23", "H24", "H25", "H26", "H27（予算ベース）"])
    let h27 = try #require(view.rows.last?.bars.first)
    #expect(h27.figure == "169 = 約1百億円※ + 168")
    #expect(h27.parts == [nil, 168])
    // What the total leaves beside the known part is drawn as not known, never as revenue.
    #expect(h27.unknown == 1)
    #expect(view.notes.first?.hasPrefix("※H27 1百万円の誤植と思われる") == true)
  }

  @Test func thePlansViewShowsEachPlanInItsOwnScale() throws {
    let data = try DatasetLoader().load(directory: bundledData)
    let view = ChartView.plans(
      data, language: .english, chrome: Chrome(language: .english, asciiOnly: false))
    #expect(view.rows.count == 3)
    #expect(view.rows[2].bars[0].figure == "S0 A39 B4 Total43 2017-09-30 ※")
    #expect(view.rows[1].label.contains("shown"))
    #expect(view.notes.count == 1)
  }
}

@Suite struct ChartScreenTests {
  func screen(_ chart: MatrixChart, plan: String? = nil, ascii: Bool = false) throws -> Frame {
    var state = AppState(
      dataset: try DatasetLoader().load(directory: bundledData, plan: plan), language: .japanese,
      width: 100, height: 30, today: CivilDate(year: 2012, month: 8, day: 1)!, asciiOnly: ascii)
    state.matrix.chart = chart
    return render(state, theme: .builtIn)
  }

  @Test func theTrendScreen() throws {
    try assertSnapshot(try screen(.trend), named: "chart-trend-100x30")
  }

  @Test func theSavingsScreen() throws {
    try assertSnapshot(try screen(.savings), named: "chart-savings-100x30")
  }

  @Test func thePlansScreenInASCII() throws {
    try assertSnapshot(try screen(.plans, ascii: true), named: "chart-plans-ascii-100x30")
  }

  @Test func theThirdPlansMatrixSaysItsSourceIsInconsistent() throws {
    var state = AppState(
      dataset: try DatasetLoader().load(directory: bundledData, plan: "kodaira-3rd-restructuring"),
      language: .japanese, width: 100, height: 30, today: CivilDate(year: 2012, month: 8, day: 1)!)
    state.matrix.chart = nil
    let frame = render(state, theme: .builtIn)
    #expect(frame.lines[0].contains("※出典の食い違い 2017-09-30"))
    #expect(frame.lines[2].contains("S予定以上"))
  }
}

/// Every chart in every shipped theme, with and without `--ascii`: each segment of the legend
/// has a pattern of its own, and every bar cell is visible (its colour is not its background),
/// so that the charts read in the monochrome and colour-blind themes, by pattern alone.
@Suite struct ChartThemeTests {
  @Test(arguments: shippedThemes)
  func everyChartReadsByPatternInTheme(_ name: String) throws {
    let theme = ThemeLoader(directory: bundledThemes).load(name).theme
    let dataset = try DatasetLoader().load(directory: bundledData)
    for ascii in [false, true] {
      let glyphs = Chrome(language: .japanese, asciiOnly: ascii).glyphs
      for chart in MatrixChart.allCases {
        var state = AppState(
          dataset: dataset, language: .japanese, width: 100, height: 30,
          today: CivilDate(year: 2012, month: 8, day: 1)!, asciiOnly: ascii)
        state.matrix.chart = chart
        let frame = render(state, theme: theme)
        let view = ChartView(chart, state: state)
        // The legend's patterns: one per segment, none alike, none the unknown mark.
        let used = Array(glyphs.barPatterns.prefix(view.segments.count))
        #expect(Set(used).count == view.segments.count, "\(name) \(chart)")
        #expect(!used.contains(glyphs.unknown))
        let legend = try #require(
          frame.lines.first { line in used.allSatisfy { line.contains($0 + " ") } },
          "\(name) \(chart) ascii \(ascii): no legend")
        #expect(legend.contains(glyphs.unknown + " "))
        // Every bar cell inside the chart's box is drawn visibly.
        let box = try #require(frame.lines.firstIndex { $0.contains(view.title) })
        let end = try #require(frame.lines.firstIndex { $0 == legend })
        var barCells = 0
        for y in (box + 1)..<end {
          for x in 0..<frame.width where used.contains(frame[x, y].text) {
            let style = frame[x, y].style
            barCells += 1
            #expect(
              style.foreground != style.background
                || style.attributes.contains(TextAttributes.reverse)
                || style.foreground == TerminalColor.terminalDefault,
              "\(name) \(chart): an invisible bar cell at \(x),\(y)")
          }
        }
        #expect(barCells > 0, "\(name) \(chart): no bars")
      }
    }
  }
}
