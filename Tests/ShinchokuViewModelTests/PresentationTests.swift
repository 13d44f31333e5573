import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

private func at(_ seconds: Int) -> Action {
  .present(.tick(WallTime(secondsSinceEpoch: seconds)))
}

private func key(_ key: Key, _ state: AppState) -> Action? {
  KeyMap.action(for: key, in: state)
}

@Suite struct PresentationTests {
  @Test func pAndEscGoInAndBackOutKeepingTheDashboardsPlace() throws {
    var state = try seedState()
    reduce(&state, .focusNext)
    reduce(&state, .move(.down))
    reduce(&state, try #require(key(.character("p"), state)))
    #expect(state.presentation?.slideIndex == 0)
    #expect(state.presentation?.returnsToDashboard == true)
    reduce(&state, try #require(key(.right, state)))
    #expect(reduce(&state, try #require(key(.escape, state))) == [], "Esc does not quit")
    #expect(state.presentation == nil)
    #expect(state.focus == .comments)
    #expect(state.comments.selection == 1)
  }

  @Test func escQuitsWhenStartedAsPresent() throws {
    var state = try seedState()
    state.presentation = PresentationState(returnsToDashboard: false)
    #expect(reduce(&state, try #require(key(.escape, state))) == [.quit])
  }

  @Test func theStandardDeckHasEveryKindInOrder() throws {
    let state = try seedState()
    let kinds = presentationDeck(state).slides.map(\.kind)
    #expect(
      kinds
        == [.title, .matrix, .trend, .savings] + state.dataset.areas.map { .area($0.id) }
        + state.dataset.comments.map { .comment($0.id) } + [.events])
    #expect(kinds.count == 4 + 5 + 3 + 1)
  }

  @Test func everyNextAndPreviousKeyMovesAndStopsAtTheEnds() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    let count = presentationDeck(state).slides.count
    for next in [
      Key.right, .down, .character(" "), .enter, .pageDown, .character("l"), .character("j"),
    ] {
      let before = state.presentation!.slideIndex
      reduce(&state, try #require(key(next, state)))
      #expect(state.presentation!.slideIndex == before + 1, "\(next)")
    }
    for previous in [Key.left, .up, .backspace, .pageUp, .character("h"), .character("k")] {
      let before = state.presentation!.slideIndex
      reduce(&state, try #require(key(previous, state)))
      #expect(state.presentation!.slideIndex == before - 1, "\(previous)")
    }
    reduce(&state, try #require(key(.end, state)))
    #expect(state.presentation!.slideIndex == count - 1)
    reduce(&state, .present(.nextSlide))
    #expect(state.presentation!.slideIndex == count - 1)
    reduce(&state, try #require(key(.character("g"), state)))
    #expect(state.presentation!.slideIndex == 0)
    reduce(&state, .present(.previousSlide))
    #expect(state.presentation!.slideIndex == 0)
    reduce(&state, try #require(key(.character("G"), state)))
    #expect(state.presentation!.slideIndex == count - 1)
    reduce(&state, try #require(key(.home, state)))
    #expect(state.presentation!.slideIndex == 0)
    reduce(&state, .present(.lastSlide))
    reduce(&state, try #require(key(.function(5), state)))
    #expect(state.presentation!.slideIndex == 0, "F5 starts from the first slide")
  }

  @Test func typingANumberThenEnterJumps() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    for typed in [Key.character("1"), .character("0")] {
      reduce(&state, try #require(key(typed, state)))
    }
    #expect(state.presentation!.jumpInput == "10")
    #expect(state.presentation!.slideIndex == 0, "typing alone does not move")
    reduce(&state, try #require(key(.enter, state)))
    #expect(state.presentation!.slideIndex == 9)
    #expect(state.presentation!.jumpInput.isEmpty)
    // Backspace takes back a digit; past the end is the last slide; Esc forgets the number.
    reduce(&state, .present(.typeDigit(9)))
    reduce(&state, .present(.typeDigit(9)))
    reduce(&state, .present(.deleteBackward))
    #expect(state.presentation!.jumpInput == "9")
    reduce(&state, .present(.confirm))
    #expect(state.presentation!.slideIndex == 8)
    reduce(&state, .present(.typeDigit(9)))
    reduce(&state, .present(.typeDigit(9)))
    reduce(&state, .present(.confirm))
    #expect(state.presentation!.slideIndex == presentationDeck(state).slides.count - 1)
    reduce(&state, .present(.typeDigit(3)))
    reduce(&state, .present(.leave))
    #expect(state.presentation != nil)
    #expect(state.presentation!.jumpInput.isEmpty)
  }

  @Test func blankTogglesBlackAndWhite() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    reduce(&state, try #require(key(.character("b"), state)))
    #expect(state.presentation!.blank == .black)
    reduce(&state, try #require(key(.character("."), state)))
    #expect(state.presentation!.blank == nil)
    reduce(&state, try #require(key(.character("w"), state)))
    #expect(state.presentation!.blank == .white)
    reduce(&state, try #require(key(.character("b"), state)))
    #expect(state.presentation!.blank == .black)
    reduce(&state, try #require(key(.character("b"), state)))
    #expect(state.presentation!.blank == nil)
  }

  @Test func nextAndPreviousFirstBringABlankedSlideBack() throws {
    for (keyName, blankKey) in [(Key.pageDown, "b"), (.pageUp, "w"), (.right, "."), (.end, "b")] {
      var state = try seedState()
      reduce(&state, .present(.start))
      reduce(&state, .present(.nextSlide))
      reduce(&state, try #require(key(.character(Character(blankKey)), state)))
      #expect(state.presentation!.blank != nil)
      reduce(&state, try #require(key(keyName, state)))
      #expect(state.presentation!.blank == nil, "\(keyName) shows the slide again")
      #expect(state.presentation!.slideIndex == 1, "\(keyName) did not turn the page unseen")
      reduce(&state, try #require(key(keyName, state)))
      #expect(state.presentation!.slideIndex != 1, "then \(keyName) turns it")
    }
  }

  @Test func timerCountsTheTalkAndTheSlideFromTicks() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    #expect(state.presentation!.talkElapsed == nil, "no tick yet, no time")
    reduce(&state, at(100))
    reduce(&state, try #require(key(.character("t"), state)))
    #expect(state.presentation!.showsTimer)
    reduce(&state, at(130))
    #expect(state.presentation!.talkElapsed == 30)
    #expect(state.presentation!.slideElapsed == 30)
    reduce(&state, .present(.nextSlide))
    reduce(&state, at(145))
    #expect(state.presentation!.talkElapsed == 45)
    #expect(state.presentation!.slideElapsed == 15)
    reduce(&state, try #require(key(.character("T"), state)))
    #expect(state.presentation!.talkElapsed == 0)
    reduce(&state, at(150))
    #expect(state.presentation!.talkElapsed == 5)
    reduce(&state, try #require(key(.character("t"), state)))
    #expect(!state.presentation!.showsTimer)
  }

  @Test func ticksKeepOverlaysAndNotices() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    reduce(&state, try #require(key(.character("?"), state)))
    #expect(state.overlay == .help)
    reduce(&state, at(5))
    #expect(state.overlay == .help)
    #expect(state.presentation!.now == WallTime(secondsSinceEpoch: 5))
    #expect(key(.character("b"), state) == .back, "any key closes help on a slide")
    #expect(key(.character("q"), state) == .quit)
    reduce(&state, .present(.nextSlide))
    #expect(state.overlay == nil, "any key closes help")
    #expect(state.presentation!.slideIndex == 0, "the key that closes help does nothing else")
  }

  @Test func aReloadedDeckKeepsTheSlideWhereItStillExists() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    reduce(&state, .present(.lastSlide))
    reduce(&state, .toggleHelp)
    reduce(&state, .present(.deckLoaded(Deck(slides: [DeckSlide(.title), DeckSlide(.matrix)]))))
    #expect(state.presentation!.slideIndex == 1)
    #expect(state.overlay == .help, "a file change does not close help")
    reduce(&state, .present(.deckLoaded(nil)))
    #expect(presentationDeck(state) == Deck.standard(state.dataset))
    #expect(state.presentation!.slideIndex == 1)
  }

  @Test func aClickOrTheWheelTurnsThePage() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    func mouse(_ kind: MouseEvent.Kind) -> Action? {
      action(for: .mouse(MouseEvent(kind: kind, x: 3, y: 3)), in: state) { _, _ in nil }
    }
    #expect(mouse(.press(.left)) == .present(.nextSlide))
    #expect(mouse(.wheelDown) == .present(.nextSlide))
    #expect(mouse(.wheelUp) == .present(.previousSlide))
    #expect(mouse(.release(.left)) == nil)
  }

  @Test func notesToggleAndQuitWorks() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    // The projected screen keeps the notes to itself unless they were allowed at the start.
    reduce(&state, try #require(key(.character("s"), state)))
    #expect(!state.presentation!.showsNotes)
    state.presentation!.notesAllowed = true
    reduce(&state, try #require(key(.character("s"), state)))
    #expect(state.presentation!.showsNotes)
    #expect(reduce(&state, try #require(key(.character("q"), state))) == [.quit])
  }

  @Test func presentationKeysHaveTheirOwnTableAndDashboardKeysAreOff() throws {
    var state = try seedState()
    reduce(&state, .present(.start))
    #expect(key(.tab, state) == nil, "Tab does nothing while presenting")
    #expect(key(.character("]"), state) == .nextSnapshot, "the snapshot can change on a slide")
    let keys = KeyMap.presentation.flatMap(\.keys)
    #expect(Set(keys).count == keys.count, "no key is bound twice")
    #expect(KeyMap.bindings(for: .matrix).contains { $0.action == .present(.start) })
  }

  @Test func slideViewsCarryTheDataAndTheNotes() throws {
    var state = try seedState()
    state.deck = Deck(slides: [
      DeckSlide(.area("community"), notes: "n"), DeckSlide(.comment("c2")), DeckSlide(.events),
    ])
    reduce(&state, .present(.start))
    var view = SlideView(state: state, presentation: state.presentation!)
    #expect(view.number == 1 && view.count == 3 && view.notes == "n")
    guard case .area(let area) = view.content else {
      Issue.record("not an area slide")
      return
    }
    #expect(area.figures.map(\.figure) == [.unknown, .unknown, .unknown, .known(15)])
    #expect(area.programmes == nil, "the seed's 2012 snapshot has no programme records")
    reduce(&state, .present(.nextSlide))
    view = SlideView(state: state, presentation: state.presentation!)
    guard case .comment(let comment) = view.content else {
      Issue.record("not a comment slide")
      return
    }
    #expect(comment.text.hasPrefix("R1が続いている"))
    #expect(comment.hasCorrections)
    // The events slide follows the events pane's filter.
    reduce(&state, .present(.nextSlide))
    state.calendar.filter.freeOnly = true
    view = SlideView(state: state, presentation: state.presentation!)
    guard case .events(let events) = view.content else {
      Issue.record("not an events slide")
      return
    }
    let free = filteredEvents(state.dataset, state.calendar.filter).filter { event in
      (event.end ?? event.start ?? state.calendar.selectedDay) >= state.calendar.selectedDay
    }
    #expect(events.total == free.count)
    #expect(events.items.map(\.title) == free.prefix(events.items.count).map(\.title))
    #expect(events.filterNote != nil)
  }
}
