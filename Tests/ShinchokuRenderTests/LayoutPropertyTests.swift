import Foundation
import JapaneseCalendar
import ShinchokuCore
import TerminalText
import Testing

@testable import ShinchokuRender
@testable import ShinchokuViewModel

/// The layout's promises over a dense sample of every size from 20×8 to 240×70 (the edges always
/// included), every dashboard focus and mode and every slide kind, in Japanese, English and
/// `--ascii`, on the seed and on a sample data set: no two parts overlap, nothing is drawn
/// outside its part, every cut ends with an ellipsis, and the key bar gives way by priority.
@Suite struct LayoutPropertyTests {
  /// The ways the screen can look, each reached by the actions a user would send.
  static let modes: [(name: String, actions: [Action])] = [
    ("matrix", []),
    ("comments", [.focus(.comments)]),
    ("events", [.focus(.events)]),
    ("events agenda", [.focus(.events), .calendar(.open)]),
    ("events search", [.focus(.events), .calendar(.beginSearch), .calendar(.inputCharacter("び"))]),
    ("event detail", [.focus(.events), .calendar(.open), .calendar(.open), .move(.down)]),
    ("comment reading", [.focus(.comments), .activate, .move(.down)]),
    ("comments search", [.comments(.startSearch), .comments(.type("ち")), .comments(.type("x"))]),
    ("drill list", [.activate]),
    (
      "drill search",
      [
        .activate, .matrix(.beginInput(.search)), .matrix(.inputCharacter("P")),
        .matrix(.cycleSection),
      ]
    ),
    ("open by id", [.openProgrammeByID, .matrix(.inputCharacter("P"))]),
    ("trend chart", [.matrix(.cycleChart)]),
    ("savings chart", [.matrix(.cycleChart), .matrix(.cycleChart)]),
    ("plans chart", [.matrix(.cycleChart), .matrix(.cycleChart), .matrix(.cycleChart)]),
    ("programme detail", [.activate, .activate, .move(.down)]),
    ("status edit", [.activate, .activate, .statusEdit(.begin), .statusEdit(.move(1))]),
    ("help", [.toggleHelp]),
    ("events help", [.focus(.events), .toggleHelp]),
    ("warnings", [.toggleWarnings]),
    (
      "notice",
      [
        .focus(.comments), .comments(.startSearch), .comments(.type("x")),
        .comments(.confirmSearch),
      ]
    ),
    ("title slide", [.present(.start), .present(.toggleTimer), .present(.toggleNotes)]),
    ("matrix slide", [.present(.start), .present(.nextSlide)]),
    ("area slide", [.present(.start), .present(.nextSlide), .present(.nextSlide)]),
    ("last slide", [.present(.start), .present(.lastSlide), .present(.toggleNotes)]),
    // The bundled deck ends with the trend and the savings; the standard one has the trend third.
    ("second last slide", [.present(.start), .present(.lastSlide), .present(.previousSlide)]),
    ("slide number", [.present(.start), .present(.typeDigit(1)), .present(.toggleTimer)]),
    ("slide help", [.present(.start), .toggleHelp]),
  ]

  static let chromes: [(language: Language, ascii: Bool)] = [
    (.japanese, false), (.english, false), (.japanese, true),
  ]

  /// Every width and height near the edges and the minimum, and a stride through the rest.
  static let widths =
    Array(20...26) + Array(stride(from: 27, to: 234, by: 9)) + [59, 60, 61]
    + Array(234...240)
  static let heights =
    Array(8...11) + Array(stride(from: 12, to: 66, by: 5)) + [16, 17, 18]
    + Array(66...70)

  static let seed = try! DatasetLoader().load(directory: bundledData)
  static let sample: Dataset = {
    let folder = try! SampleDataSet(programmes: 60, events: 40, snapshots: 4, seed: 1).write(
      into: NSTemporaryDirectory() + "shinchoku-layout-\(UUID().uuidString)")
    return try! DatasetLoader().load(directory: folder)
  }()

  @Test(arguments: [false, true])
  func everySizeModeAndLanguageKeepsTheLayoutsPromises(sampleData: Bool) throws {
    let dataset = sampleData ? Self.sample : Self.seed
    let today =
      sampleData
      ? CivilDate(year: 2013, month: 10, day: 1)! : CivilDate(year: 2012, month: 8, day: 1)!
    let theme = Theme.builtIn
    var checked = 0
    var sizeIndex = 0
    for width in Set(Self.widths).sorted() {
      for height in Set(Self.heights).sorted() {
        sizeIndex += 1
        let edge =
          width == 20 || width == 240 || height == 8 || height == 70
          || (width, height) == (60, 17)
        for (modeIndex, mode) in Self.modes.enumerated() {
          for (chromeIndex, chrome) in Self.chromes.enumerated() {
            // At the edges every combination; elsewhere each combination in turn.
            guard edge || (sizeIndex + modeIndex + chromeIndex) % 9 == 0 else { continue }
            var state = AppState(
              dataset: dataset, language: chrome.language, width: width, height: height,
              today: today, asciiOnly: chrome.ascii)
            for action in mode.actions { reduce(&state, action) }
            if state.presentation != nil {
              reduce(&state, .present(.tick(WallTime(secondsSinceEpoch: 1_343_800_000))))
            }
            let frame = render(state, theme: theme)
            let label = "\(mode.name) \(width)x\(height) \(chrome.language) ascii=\(chrome.ascii)"
            try check(frame, state: state, label: label)
            checked += 1
          }
        }
      }
    }
    #expect(checked > 2000)
  }

  func check(_ frame: Frame, state: AppState, label: String) throws {
    #expect(frame.faults.isEmpty, "\(label): \(frame.faults.prefix(3))")
    checkWideGlyphs(frame)
    guard state.presentation == nil, let layout = DashboardLayout(state: state) else { return }
    let screen = Rect(x: 0, y: 0, width: state.width, height: state.height)
    let parts = layout.parts.filter { !$0.rect.isEmpty }
    for (index, part) in parts.enumerated() {
      #expect(screen.contains(part.rect), "\(label): \(part.name) \(part.rect) off screen")
      for other in parts.dropFirst(index + 1) {
        #expect(
          !part.rect.intersects(other.rect),
          "\(label): \(part.name) \(part.rect) overlaps \(other.name) \(other.rect)")
      }
    }
    guard state.overlay == nil, state.statusEdit == nil else { return }
    // The key bar: a hint shows only while every more important one shows too.
    let bar = frame.lines[layout.keyBar.y]
    let hints = KeyBarWidget.parts(KeyBarView(state: state))
    let texts = hints.map { $0.spans.map(\.text).joined() }
    let shown = texts.map { bar.contains($0) }
    for (index, isShown) in shown.enumerated() where !isShown {
      for (other, otherShown) in shown.enumerated() where otherShown {
        #expect(
          hints[other].priority >= hints[index].priority,
          "\(label): \(texts[other]) shows while \(texts[index]) does not: \(bar)")
      }
    }
    if state.width >= 60 {
      #expect(bar.contains("q"), "\(label): no q in \(bar)")
    }
  }
}

/// Widgets drawn into tiny rectangles, as ratatui tests its widgets: each line exactly.
@Suite struct TinyWidgetTests {
  func draw(_ widget: some Widget, width: Int, height: Int, ascii: Bool = false) -> Frame {
    var canvas = Canvas(
      width: width, height: height, theme: .builtIn,
      chrome: Chrome(language: .japanese, asciiOnly: ascii))
    canvas.draw(widget, in: Rect(x: 0, y: 0, width: width, height: height))
    return canvas.finish()
  }

  @Test func aNoticeCutShortEndsWithTheEllipsis() {
    let frame = draw(NoticeWidget(text: "データを読み込めません: snapshots.yaml:34:23"), width: 12, height: 2)
    #expect(frame.lines == [" データを読", "み込めませ…"])
    #expect(frame.faults.isEmpty)
  }

  @Test func theKeyBarKeepsHelpAndQuitAtTwelveColumns() throws {
    // The dashboard's state (a screen it fits), the bar drawn into a narrow rectangle.
    var state = try seedState(width: 100, height: 30)
    state.focus = .events
    let frame = draw(KeyBarWidget(view: KeyBarView(state: state)), width: 12, height: 1)
    #expect(frame.lines == [" ? F1 ヘルプ"])
    let wider = draw(KeyBarWidget(view: KeyBarView(state: state)), width: 30, height: 1)
    #expect(wider.lines == [" g 日付へ  ? F1 ヘルプ  q 終了"])
  }

  @Test func aBoxTitleCutShortEndsWithTheEllipsisBeforeTheScrollMark() {
    var canvas = Canvas(
      width: 12, height: 3, theme: .builtIn, chrome: Chrome(language: .japanese, asciiOnly: false))
    canvas.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "委員会の意見", focused: false)
    canvas.scrollMarks(
      Rect(x: 0, y: 0, width: 12, height: 3), above: true, below: false, focused: false)
    #expect(canvas.finish().lines == ["┌─ 委員… ▲─┐", "│          │", "└──────────┘"])
  }

  @Test func theFooterGivesUpTheTimerThenTheClock() {
    let parts = [
      BarPart([Span(" スライド 2 / 7", .muted)], priority: 3),
      BarPart([Span("経過 01:02 · このスライド 00:10", .heading)], priority: 0, placement: .centre),
      BarPart([Span("15:30 ", .muted)], priority: 1, placement: .trailing),
    ]
    func line(_ width: Int) -> [Int] { barLayout(parts, width: width).map(\.index) }
    #expect(line(60) == [0, 1, 2])
    #expect(line(40) == [0, 2])
    #expect(line(18) == [0])
    #expect(line(10) == [])
  }

  @Test func aScrollingDetailMarksWhatIsHidden() {
    struct Detail: Widget {
      func render(in area: Rect, on canvas: inout Canvas) {
        canvas.box(area, title: "", focused: true)
        let lines = (1...5).map { [Span(" 行\($0)", .text)] }
        ScrollingText(lines: lines, scroll: 2).draw(
          in: area.inside, box: area, focused: true, on: &canvas)
      }
    }
    #expect(
      draw(Detail(), width: 10, height: 4).lines == [
        "┌──────▲─┐", "│ 行3    │", "│ 行4    │", "└──────▼─┘",
      ])
    #expect(
      draw(Detail(), width: 10, height: 4, ascii: true).lines == [
        "+------^-+", "| 行3    |", "| 行4    |", "+------v-+",
      ])
  }
}

@Suite struct ConstraintLayoutTests {
  @Test func partsFillTheRectWithoutGapsOrOverlap() {
    let rect = Rect(x: 3, y: 2, width: 50, height: 10)
    for total in [0, 1, 5, 17, 50] {
      let layout = Layout(
        .horizontal, [.length(10), .min(5), .ratio(1, 3), .max(4), .fill(2), .fill(1)])
      let sizes = layout.sizes(total)
      #expect(sizes.reduce(0, +) <= total)
      #expect(sizes.allSatisfy { $0 >= 0 })
      let parts = layout.split(Rect(x: rect.x, y: rect.y, width: total, height: rect.height))
      var x = rect.x
      for part in parts {
        #expect(part.x == x)
        x += part.width
      }
    }
    #expect(Layout(.horizontal, [.length(10), .fill(1), .fill(2)]).sizes(40) == [10, 10, 20])
    #expect(Layout(.horizontal, [.length(10), .max(4), .fill(1)]).sizes(40) == [10, 4, 26])
    #expect(Layout(.horizontal, [.min(10), .min(10)]).sizes(25) == [13, 12])
    // Too little room: the ratio gives way first, then the minimum, then the length.
    #expect(Layout(.horizontal, [.length(10), .min(10), .ratio(1, 2)]).sizes(24) == [10, 10, 4])
    #expect(Layout(.horizontal, [.length(10), .min(10), .ratio(1, 2)]).sizes(15) == [10, 5, 0])
    #expect(Layout(.horizontal, [.length(10), .min(10), .ratio(1, 2)]).sizes(6) == [6, 0, 0])
  }
}

@Suite struct CompactGridTests {
  /// In a pane narrower than the grid, a day is 3 columns: the weekday names stay apart in both
  /// languages ("Sun" is shortened to "Su"; 日 is 2 columns already).
  @Test(arguments: [Language.english, .japanese])
  func weekdayNamesStayApartInTheCompactGrid(language: Language) throws {
    let state = try seedState(width: 60, height: 17, language: language)
    let lines = render(state, theme: .builtIn).lines
    let expected = language == .english ? " Su Mo Tu We Th Fr Sa" : " 日 月 火 水 木 金 土"
    #expect(lines.contains { $0.contains(expected) }, "\(lines.joined(separator: "\n"))")
  }
}
