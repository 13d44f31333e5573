import JapaneseCalendar
import ShinchokuCore
import TerminalText
import Testing

@testable import ShinchokuRender
@testable import ShinchokuViewModel

/// Keys pressed as the main loop takes them: the action the key table gives, the reduce, the
/// frame drawn, and the scrolling views' offsets settled on what the frame showed.
struct KeyDriver {
  var state: AppState
  let theme = Theme.builtIn
  private(set) var frame: Frame

  init(_ state: AppState) {
    self.state = state
    frame = render(state, theme: theme)
    self.state.settleScrolls(frame.scrolls)
  }

  mutating func press(_ keys: Key...) {
    for key in keys {
      if let action = KeyMap.action(for: key, in: state) { _ = reduce(&state, action) }
      frame = render(state, theme: theme)
      state.settleScrolls(frame.scrolls)
    }
  }

  /// ↓ until the screen stops changing (at most `limit` times); every screen on the way.
  mutating func scrollToTheEnd(limit: Int = 200) -> [Frame] {
    var frames = [frame]
    for _ in 0..<limit {
      press(.down)
      if frame.lines.dropLast() == frames.last?.lines.dropLast() { break }
      frames.append(frame)
    }
    return frames
  }
}

/// Every line of a chart shown in the matrix pane can be reached at every size: the chart
/// scrolls under its headings, marks what is hidden, and scrolling back moves at once.
@Suite struct ChartReachTests {
  static let widths = [60, 61, 67, 80, 99, 120, 160, 200]
  static let heights = [17, 18, 19, 21, 24, 30, 40, 48]

  @Test(arguments: [Language.japanese, .english], MatrixChart.allCases)
  func everyLineOfTheChartIsReachableAtEverySize(_ language: Language, _ chart: MatrixChart)
    throws
  {
    let dataset = try seedState(width: 60, height: 17, language: language).dataset
    for width in Self.widths {
      for height in Self.heights {
        let place = "\(chart) \(width)x\(height) \(language)"
        var state = AppState(
          dataset: dataset, language: language, width: width, height: height,
          today: CivilDate(year: 2012, month: 8, day: 1)!)
        state.matrix.chart = chart
        var driver = KeyDriver(state)
        let frames = driver.scrollToTheEnd()
        let seen = frames.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n")
        let view = ChartView(chart, state: state)
        for line in view.lines(width: width - 2, chrome: state.chrome) {
          switch line {
          case .text(let text):
            #expect(seen.contains(text), "\(place): never shown: \(text)")
          case .bars(let index):
            // The label, or as much of it as its column holds.
            let label = String(sanitized(view.rows[index].label).prefix(2))
            #expect(seen.contains(label), "\(place): the row \(label) is never shown")
          }
        }
        for frame in frames { #expect(frame.faults.isEmpty, "\(place): \(frame.faults)") }
        let moreBelow = state.chrome.glyphs.moreBelow
        let lastLines: [String] = frames.last?.lines ?? []
        let matrixBottom = try #require(lastLines.first { (line: String) in line.hasPrefix("└") })
        #expect(!matrixBottom.contains(moreBelow), "\(place): ▼ at the end")
        if frames.count > 1 {
          #expect(frames[0].lines.contains { $0.hasPrefix("└") && $0.contains(moreBelow) })
          // The offset stopped where the view did: one ↑ moves at once.
          let bottom = driver.frame.lines.dropLast()
          driver.press(.up)
          #expect(driver.frame.lines.dropLast() != bottom, "\(place): ↑ after the end did not move")
        }
      }
    }
  }

  @Test func aChartThatFitsTakesItsWholeHeightAndTheHeadingsStayOnTop() throws {
    var state = try seedState(width: 100, height: 48)
    state.matrix.chart = .trend
    let whole = KeyDriver(state).frame.text
    let view = ChartView(.trend, state: state)
    for case .text(let text) in view.lines(width: 98, chrome: state.chrome) {
      #expect(whole.contains(text), "cut at 100x48: \(text)")
    }
    state.height = 17
    var small = KeyDriver(state)
    small.press(.end)
    let headings = view.columnHeadings.joined(separator: "  ")
    #expect(small.frame.lines[2].contains(view.columnHeadings[0]), "headings on top: \(headings)")
    #expect(small.frame.lines[1].contains(state.chrome.glyphs.moreAbove))
    small.press(.home)
    #expect(small.state.matrix.chartScroll == 0)
    #expect(small.frame.lines[3].contains("合計"))
  }
}

/// The class of views that scroll as a whole: past the end (↓ more than there is, End), the
/// offset stops where the view did, so that one ↑ moves at once; Home and End reach both ends.
@Suite struct ScrollPastTheEndTests {
  /// Each scrolling view, and the keys that open it.
  static let views: [(name: String, sample: Bool, keys: [Key])] = [
    ("programme detail", true, [.enter, .enter]),
    ("event detail", false, [.tab, .tab, .enter, .enter]),
    ("comment reading", false, [.tab, .enter]),
    ("help", false, [.character("?")]),
    ("trend chart", false, [.character("t")]),
  ]

  @Test(arguments: [Language.japanese, .english], [(60, 17)])
  func oneUpAfterTheEndMovesAtOnce(_ language: Language, _ size: (Int, Int)) throws {
    for view in Self.views {
      let place = "\(view.name) \(size) \(language)"
      var state =
        view.sample
        ? try sampleState(width: size.0, height: size.1, language: language)
        : try seedState(width: size.0, height: size.1, language: language)
      // The seed's comments fit the reading view; a committee's may not.
      state.dataset.comments[0].text = String(
        repeating: state.dataset.comments[0].text, count: 4)
      var driver = KeyDriver(state)
      for key in view.keys { driver.press(key) }
      // The screens without their last row (the notice a key may leave there).
      let top = driver.frame.lines.dropLast()
      let frames = driver.scrollToTheEnd()
      guard frames.count > 1 else {
        // It fits: nothing to scroll at this size (said, so that a test of nothing shows).
        Issue.record("\(place): fits whole; pick a smaller size")
        continue
      }
      let bottom = driver.frame.lines.dropLast()
      for _ in 0..<10 { driver.press(.down) }
      #expect(
        driver.frame.lines.dropLast() == bottom, "\(place): ↓ past the end changed the screen")
      driver.press(.up)
      #expect(
        driver.frame.lines.dropLast() != bottom, "\(place): ↑ after ↓ past the end did not move")
      if view.name != "help" {
        // Home and End (help closes on any key but its own).
        driver.press(.end)
        #expect(driver.frame.lines.dropLast() == bottom, "\(place): End is not the end")
        driver.press(.up)
        #expect(driver.frame.lines.dropLast() != bottom, "\(place): ↑ after End did not move")
        driver.press(.home)
        #expect(driver.frame.lines.dropLast() == top, "\(place): Home is not the top")
      }
    }
  }
}
