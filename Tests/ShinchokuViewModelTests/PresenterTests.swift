import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

private func presenting(
  _ state: AppState, _ slides: [SlideKind], role: PresentationRole = .projector
)
  -> AppState
{
  var state = state
  state.deck = Deck(slides: slides.map { DeckSlide($0) })
  state.presentation = PresentationState(returnsToDashboard: false, role: role)
  return state
}

@Suite struct PresenterTests {
  /// PgDn (next) walks an area's programme list page by page, then the events page by page,
  /// each item once; back (previous) lands on the previous slide's last page.
  @Test(arguments: [(80, 24), (100, 30), (60, 17)])
  func slidesThatDoNotFitPage(size: (Int, Int)) throws {
    var state = try sampleState(width: size.0, height: size.1)
    state.snapshotIndex = 1
    let area = state.dataset.areas[0].id
    state = presenting(state, [.area(area), .events])
    var programmes: [String] = []
    var events: [String] = []
    var pagesSeen: [Int: Int] = [:]
    for _ in 0..<200 {
      let view = SlideView(state: state, presentation: state.presentation!)
      pagesSeen[view.number] = view.pageCount
      #expect(view.page == state.presentation!.page)
      switch view.content {
      case .area(let slide):
        programmes += slide.programmes ?? []
        #expect(
          slide.programmes?.count ?? 0
            <= view.geometry.areaListRows(
              scale: view.figureScale, hasCaption: slide.changeCaption != nil))
      case .events(let slide):
        events += slide.items.map { $0.when + $0.title + $0.detail }
        #expect(slide.items.count <= view.geometry.eventsPerPage)
      default: Issue.record("unexpected slide")
      }
      let before = state.presentation!
      reduce(&state, .present(.nextSlide))
      if state.presentation! == before { break }
    }
    let snapshot = try #require(state.snapshot)
    let expected = state.dataset.programmes.filter {
      $0.areaID == area && $0.statuses[snapshot.date] != nil
    }
    #expect(programmes.count == expected.count, "every programme once")
    #expect(Set(programmes).count == programmes.count)
    let upcoming = state.eventIndex.upcoming(
      from: state.calendar.selectedDay, filter: state.calendar.filter, limit: Int.max)
    #expect(events.count == upcoming.total, "every event once")
    #expect(try #require(pagesSeen[1]) > 1, "the area's list pages at \(size)")
    #expect(try #require(pagesSeen[2]) > 1, "the events page at \(size)")
    // At the end; back goes a page back, and from the events' first page to the area's last.
    let last = try #require(pagesSeen[2])
    #expect(state.presentation!.slideIndex == 1 && state.presentation!.page == last - 1)
    for _ in 0..<last { reduce(&state, .present(.previousSlide)) }
    #expect(state.presentation!.slideIndex == 0)
    #expect(state.presentation!.page == pagesSeen[1]! - 1)
    // The footer says which page.
    let view = SlideView(state: state, presentation: state.presentation!)
    #expect(
      UIText.slideNumber(1, of: 2, page: view.page, of: view.pageCount, chrome: state.chrome)
        == "スライド 1 / 2 · ページ \(view.pageCount)/\(view.pageCount)")
  }

  /// One scale for the whole deck at a size: the largest at which every slide's figures fit.
  @Test(arguments: [(60, 17), (80, 24), (100, 30), (160, 48), (240, 70)])
  func oneFigureScaleAcrossTheDeck(size: (Int, Int)) throws {
    for var state in [
      try seedState(width: size.0, height: size.1), try sampleState(width: size.0, height: size.1),
    ] {
      state = presenting(state, Deck.standard(state.dataset).slides.map(\.kind))
      let count = presentationDeck(state).slides.count
      let scales = (0..<count).map {
        SlideView(state: state, slideIndex: $0, page: 0, showsNotes: false).figureScale
      }
      #expect(Set(scales).count == 1, "\(size): \(scales)")
      // Each figure slide on its own: the deck's scale is the smallest of their largest.
      var own: [Int] = []
      for index in 0..<count {
        var alone = state
        alone.deck = Deck(slides: [presentationDeck(state).slides[index]])
        let view = SlideView(state: alone, slideIndex: 0, page: 0, showsNotes: false)
        switch view.content {
        case .title, .area: own.append(view.figureScale)
        default: break
        }
      }
      #expect(scales[0] == own.min(), "\(size): deck \(scales[0]), slides \(own)")
    }
    // The seed at 160×48 fits 3× on every slide; at 80×24 the title and the areas agree.
    let big = presenting(try seedState(width: 160, height: 48), [.title, .area("community")])
    #expect(deckFigureScale(big, showsNotes: false) == 3)
  }

  @Test func thePresenterViewAsksTheProjectorInsteadOfMoving() throws {
    var state = presenting(try seedState(), [.title, .matrix, .events, .title], role: .presenter)
    state.presentation!.link = .following
    #expect(reduce(&state, .present(.nextSlide)) == [.presenter(.next)])
    #expect(state.presentation!.slideIndex == 0, "the projector is the authority")
    #expect(reduce(&state, .present(.previousSlide)) == [.presenter(.previous)])
    #expect(reduce(&state, .present(.lastSlide)) == [.presenter(.last)])
    #expect(reduce(&state, .present(.toggleBlank(.black))) == [.presenter(.blank(.black))])
    #expect(state.presentation!.blank == nil)
    reduce(&state, .present(.typeDigit(3)))
    #expect(reduce(&state, .present(.confirm)) == [.presenter(.goTo(3))])
    #expect(state.presentation!.jumpInput.isEmpty)
    // The projector's position is what it shows.
    reduce(
      &state,
      .present(.follow(PresenterPosition(slide: 2, page: 1, pages: 5, blank: .black, snapshot: 1))))
    #expect(state.presentation!.slideIndex == 2)
    #expect(state.snapshotIndex == 1)
    let view = PresenterView(state: state, presentation: state.presentation!)
    #expect(view.position == "スライド 3 / 4 · ページ 2/5")
    #expect(view.blankNote == "投影は黒い画面")
    #expect(view.nextHeading == "次: ページ 3/5")
    // Without a projector it moves on its own (a rehearsal), and says the projector is gone.
    reduce(&state, .present(.linkChanged(.searching)))
    #expect(reduce(&state, .present(.nextSlide)) == [])
    #expect(state.presentation!.slideIndex == 3)
    let alone = PresenterView(state: state, presentation: state.presentation!)
    #expect(!alone.linkIsUp)
    #expect(alone.linkText.contains("再接続"))
    #expect(alone.nextHeading == "次: 最後のスライドです")
  }

  @Test func theProjectorDoesWhatAPresenterViewAsks() throws {
    var state = presenting(try seedState(), [.title, .matrix, .events, .title])
    reduce(&state, .present(.remote(.goTo(3))))
    #expect(state.presentation!.slideIndex == 2)
    reduce(&state, .present(.remote(.next)))
    #expect(state.presentation!.slideIndex == 3)
    reduce(&state, .present(.remote(.first)))
    #expect(state.presentation!.slideIndex == 0)
    reduce(&state, .present(.remote(.blank(.white))))
    #expect(state.presentation!.blank == .white)
    reduce(&state, .present(.remote(.next)))
    #expect(state.presentation!.blank == nil, "a blank screen comes back before moving")
    #expect(state.presentation!.slideIndex == 0)
    reduce(&state, .present(.remote(.snapshot(2))))
    #expect(state.snapshotIndex == 2)
    reduce(&state, .present(.remote(.snapshot(99))))
    #expect(state.snapshotIndex == 2, "an index the data lacks is ignored")
    let position = try #require(PresenterPosition(state))
    #expect(position.slide == 0 && position.snapshot == 2 && position.pages == 1)
    // The messages go as JSON lines and come back the same.
    for message in [
      PresenterMessage.position(position), .command(.goTo(12)), .command(.blank(.black)),
    ] {
      let line = try JSONEncoder().encode(message)
      #expect(!line.contains(UInt8(ascii: "\n")))
      #expect(try JSONDecoder().decode(PresenterMessage.self, from: line) == message)
    }
  }

  @Test func theCountdownWarnsInTheLastMinutesAndAlertsWhenOver() throws {
    #expect(Countdown.seconds("20m") == 1200)
    #expect(Countdown.seconds("1h30m") == 5400)
    #expect(Countdown.seconds("90s") == 90)
    #expect(Countdown.seconds("20") == 1200)
    for bad in ["", "m", "20x", "1h1h", "0", "-5", "25h", "20 m"] {
      #expect(Countdown.seconds(bad) == nil, "\(bad)")
    }
    let now = WallTime(secondsSinceEpoch: 1_000_000, utcOffsetSeconds: 9 * 3600)
    let end = try #require(Countdown.endToday("15:30", now: now))
    #expect(end.localClock == "15:30")
    #expect(end.localDate == now.localDate)
    for bad in ["1530", "25:00", "12:60", "a:b", "12:3:4"] {
      #expect(Countdown.endToday(bad, now: now) == nil, "\(bad)")
    }
    var state = presenting(try seedState(), [.title, .matrix], role: .presenter)
    state.presentation!.countdown = .duration(seconds: 600)
    state.presentation!.warningSeconds = 300
    func at(_ seconds: Int) -> PresenterView {
      reduce(&state, .present(.tick(WallTime(secondsSinceEpoch: 1_000 + seconds))))
      return PresenterView(state: state, presentation: state.presentation!)
    }
    var view = at(0)
    #expect(view.countdown == "残り 10:00" && view.countdownLevel == .normal)
    view = at(299)
    #expect(view.countdown == "残り 05:01" && view.countdownLevel == .normal)
    view = at(300)
    #expect(view.countdown == "残り 05:00" && view.countdownLevel == .warning)
    view = at(672)
    #expect(view.countdown == "超過 01:12" && view.countdownLevel == .over)
    #expect(view.timers == "経過 11:12 · このスライド 11:12")
    #expect(view.clock != nil)
  }

  @Test func thePresenterViewShowsTheNotesAndTheNextSlidesOutline() throws {
    var state = try seedState()
    state.deck = Deck(slides: [
      DeckSlide(.title, notes: "まず全体像。"), DeckSlide(.area("community"), notes: nil),
    ])
    state.presentation = PresentationState(returnsToDashboard: false, role: .presenter)
    var view = PresenterView(state: state, presentation: state.presentation!)
    #expect(view.notes == "まず全体像。" && view.hasNotes)
    #expect(view.nextHeading == "次: スライド 2 / 2  分野1 地域協働の推進")
    #expect(view.nextOutline.first == "2012-03-31（平成23年度末）")
    #expect(view.nextOutline.contains { $0.contains("◎予定以上 —") })
    state.presentation!.slideIndex = 1
    view = PresenterView(state: state, presentation: state.presentation!)
    #expect(view.notes == "（メモなし）" && !view.hasNotes)
  }
}

@Suite struct HandoutEscapingTests {
  @Test func htmlTextEscapesMarkupAndReplacesControls() {
    let escaper = ExportEscaper()
    #expect(
      escaper.htmlText("<a href=\"x\">'&'</a>", record: "c1")
        == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(escaper.replacedCount == 0)
    #expect(escaper.htmlText("a\u{1B}[31mb", record: "c2") == "a^[[31mb")
    #expect(escaper.replacedRecords == ["c2"])
  }

  @Test func theHandoutHasEverySlideWholeNotPaged() throws {
    var state = try sampleState(width: 60, height: 17)
    state.snapshotIndex = 1
    state.deck = Deck(slides: [
      DeckSlide(.area(state.dataset.areas[0].id), notes: "n"), DeckSlide(.events),
    ])
    let slides = handoutSlides(state)
    #expect(slides.map(\.number) == [1, 2])
    #expect(slides[0].notes == "n")
    let snapshot = try #require(state.snapshot)
    let programmes = state.dataset.programmes.filter {
      $0.areaID == state.dataset.areas[0].id && $0.statuses[snapshot.date] != nil
    }
    #expect(
      slides[0].text.lines.filter { line in programmes.contains { line.hasSuffix($0.title) } }.count
        == programmes.count)
    let total = state.eventIndex.upcoming(
      from: state.calendar.selectedDay, filter: state.calendar.filter, limit: 0
    ).total
    #expect(slides[1].text.lines.count == total)
  }
}
