import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import TerminalText
import Testing

/// One slide of a kind, presented.
private func presenting(
  _ state: AppState, _ kind: (Dataset) -> SlideKind, notes: String? = nil
) -> AppState {
  var state = state
  state.deck = Deck(slides: [DeckSlide(kind(state.dataset), notes: notes)])
  state.presentation = PresentationState(returnsToDashboard: true)
  return state
}

private let kinds: [(name: String, kind: @Sendable (Dataset) -> SlideKind)] = [
  ("title", { _ in .title }),
  ("matrix", { _ in .matrix }),
  ("area", { .area($0.areas[0].id) }),
  ("comment", { .comment($0.comments[1].id) }),
  ("events", { _ in .events }),
  ("trend", { _ in .trend }),
  ("savings", { _ in .savings }),
]

@Suite struct PresentationSnapshotTests {
  let theme = ThemeLoader(directory: bundledThemes).load("projector").theme

  @Test(arguments: [(80, 24), (160, 48)])
  func seedSlides(size: (Int, Int)) throws {
    for (name, kind) in kinds {
      let state = presenting(try seedState(width: size.0, height: size.1), kind)
      let frame = render(state, theme: theme)
      checkWideGlyphs(frame)
      try assertSnapshot(frame, named: "slide-seed-\(name)-\(size.0)x\(size.1)")
    }
  }

  @Test(arguments: [(80, 24), (160, 48)])
  func sampleSlides(size: (Int, Int)) throws {
    let sample = try sampleState(width: size.0, height: size.1)
    for (name, kind) in kinds {
      var state = presenting(sample, kind)
      state.snapshotIndex = 1
      let frame = render(state, theme: theme)
      checkWideGlyphs(frame)
      try assertSnapshot(frame, named: "slide-sample-\(name)-\(size.0)x\(size.1)")
    }
  }

  @Test func largestScreenInEnglish() throws {
    var seed = try seedState(width: 240, height: 70, language: .english)
    seed.snapshotIndex = 2
    for (name, kind) in kinds where ["title", "area", "comment"].contains(name) {
      let frame = render(presenting(seed, kind), theme: theme)
      checkWideGlyphs(frame)
      try assertSnapshot(frame, named: "slide-seed-en-\(name)-240x70")
    }
  }

  @Test func notesTimerAndFooter() throws {
    var state = presenting(
      try seedState(width: 80, height: 24), { _ in .matrix },
      notes: "2012年度末の数値はOCRで失われている。")
    reduce(&state, .present(.tick(WallTime(secondsSinceEpoch: 1_000, utcOffsetSeconds: 9 * 3600))))
    reduce(&state, .present(.toggleTimer))
    // Notes reach the projected screen only when allowed (`present --notes-on-screen`).
    reduce(&state, .present(.toggleNotes))
    #expect(state.presentation?.showsNotes == false)
    state.presentation?.notesAllowed = true
    reduce(&state, .present(.toggleNotes))
    reduce(&state, .present(.tick(WallTime(secondsSinceEpoch: 1_075, utcOffsetSeconds: 9 * 3600))))
    try assertSnapshot(render(state, theme: theme), named: "slide-notes-timer-80x24")
  }

  @Test func asciiTitleSlide() throws {
    var seed = try seedState(width: 80, height: 24)
    seed.asciiOnly = true
    seed.snapshotIndex = 2
    let frame = render(presenting(seed, { _ in .title }), theme: theme)
    try assertSnapshot(frame, named: "slide-ascii-title-80x24")
    #expect(frame.text.contains("###"))
  }

  @Test func blankScreensAreEmptyAndHideTheFooter() throws {
    var state = presenting(try seedState(width: 80, height: 24), { _ in .title })
    reduce(&state, .present(.tick(WallTime(secondsSinceEpoch: 0))))
    reduce(&state, .present(.toggleBlank(.black)))
    let black = render(state, theme: theme)
    #expect(black.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    #expect(black[0, 0].style.background == .indexed(0))
    #expect(black[79, 23].style.background == .indexed(0))
    reduce(&state, .present(.toggleBlank(.white)))
    let white = render(state, theme: theme)
    #expect(white[40, 12].style.background == .indexed(15))
    reduce(&state, .present(.toggleBlank(.white)))
    #expect(render(state, theme: theme).text.contains("1 / 1"))
  }

  @Test func aTooSmallScreenSaysWhatSlidesNeed() throws {
    let state = presenting(try seedState(width: 18, height: 6), { _ in .title })
    let text = render(state, theme: theme).text
    #expect(text.contains("必要: 20×8"))
    #expect(text.contains("現在: 18×6"))
  }

  @Test func bigDigitFont() {
    #expect(
      BigDigits.lines("15+") == [
        " █  ███    ",
        "██  █    █ ",
        " █  ███ ███",
        " █    █  █ ",
        "███ ███    ",
      ])
    #expect(BigDigits.lines("—", block: "#")[2] == "###")
    #expect(BigDigits.lines("7", scale: 2).count == 10)
    #expect(BigDigits.width("15+", scale: 2) == 22)
  }

  @Test func everySizeFromSmallToLargeDrawsWithoutCutGlyphs() throws {
    let seed = try seedState(width: 80, height: 24)
    for (width, height) in [(0, 0), (10, 5), (40, 12), (80, 24), (120, 40), (240, 70)] {
      for (_, kind) in kinds {
        var state = presenting(seed, kind)
        reduce(&state, .resize(width: width, height: height))
        checkWideGlyphs(render(state, theme: theme))
      }
    }
  }
}
