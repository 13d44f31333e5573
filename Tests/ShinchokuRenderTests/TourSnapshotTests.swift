import Foundation
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

/// A tour of the whole dashboard and deck, as a new user would take it, at 60×17, 80×24 and
/// 160×48 in both languages: one snapshot file per size and language, the screens one after
/// the other under a heading that says which keys led there. Read each as a user before
/// recording it (SHINCHOKU_RECORD_SNAPSHOTS=1).
@Suite struct TourSnapshotTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  /// The dashboard's screens, each from the first screen by the actions of its keys.
  static let dashboard: [(keys: String, actions: [Action])] = [
    ("(first screen)", []),
    ("Tab: the comments", [.focusNext]),
    ("Tab Enter: a comment read", [.focusNext, .activate]),
    ("Tab Tab: the events", [.focusNext, .focusNext]),
    ("Tab Tab Enter: the agenda", [.focusNext, .focusNext, .activate]),
    ("Tab Tab Enter Enter: an event's detail", [.focusNext, .focusNext, .activate, .activate]),
    (
      "Tab Tab v v: the month's agenda",
      [.focusNext, .focusNext, .calendar(.cycleSpan), .calendar(.cycleSpan)]
    ),
    ("?: help", [.toggleHelp]),
    ("!: the load warnings", [.toggleWarnings]),
  ]

  /// The sample data's programmes (the seed gives counts only).
  static let drill: [(keys: String, actions: [Action])] = [
    ("Down Right Enter: the programmes behind a cell", [.move(.down), .move(.right), .activate]),
    (
      "Down Right Enter Enter: a programme's detail",
      [.move(.down), .move(.right), .activate, .activate]
    ),
    (
      "... s Down: the status dialog",
      [
        .move(.down), .move(.right), .activate, .activate, .statusEdit(.begin),
        .statusEdit(.move(1)),
      ]
    ),
  ]

  func screen(_ heading: String, _ state: AppState) -> String {
    let frame = render(state, theme: theme)
    checkWideGlyphs(frame)
    #expect(frame.faults.isEmpty, "\(heading): \(frame.faults.prefix(2))")
    return "=== \(heading)\n" + frame.text + "\n"
  }

  @Test(arguments: [Language.japanese, .english], [(60, 17), (80, 24), (160, 48)])
  func tour(language: Language, size: (Int, Int)) throws {
    let (width, height) = size
    var text = ""
    let seed = try seedState(width: width, height: height, language: language)
    for step in Self.dashboard {
      var state = seed
      for action in step.actions { reduce(&state, action) }
      text += screen(step.keys, state)
    }
    let sample = try sampleState(width: width, height: height, language: language)
    for step in Self.drill {
      var state = sample
      for action in step.actions { reduce(&state, action) }
      text += screen("sample data: " + step.keys, state)
    }
    // The deck of the data folder, slide by slide.
    var deck = seed
    deck.deck = try DeckLoader().load(directory: bundledData, dataset: seed.dataset)
    let count = try #require(deck.deck?.slides.count)
    reduce(&deck, .present(.start))
    // Every page of every slide: PgDn until it stops (a slide may take several pages).
    for presses in 0..<(count * 4) {
      let shown = try #require(deck.presentation)
      text += screen(
        "p, then PgDn \(presses) times: slide \(shown.slideIndex + 1) of \(count), "
          + "page \(shown.page + 1)", deck)
      reduce(&deck, .present(.nextSlide))
      let next = try #require(deck.presentation)
      if next.slideIndex == shown.slideIndex, next.page == shown.page { break }
    }
    #expect(deck.presentation?.slideIndex == count - 1, "the tour reached the last slide")
    let name = "tour-\(language == .japanese ? "ja" : "en")-\(width)x\(height)"
    try assertSnapshot(text: text, named: name)
  }
}
