import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// After each action the notice line says what changed, in the UI language.
@Suite struct AnnouncementTests {
  @Test func aDayOfTheGridIsSaidWithItsEvents() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.goTo(CivilDate(year: 2012, month: 7, day: 21)!)))
    reduce(&state, .move(.right))
    #expect(state.notice == "2012年7月22日(日) 催し 1件")
    reduce(&state, .calendar(.goTo(CivilDate(year: 2012, month: 7, day: 16)!)))
    #expect(state.notice == "2012年7月16日(月) 海の日 催し 0件")
    reduce(&state, .calendar(.goToToday))
    #expect(state.notice == "2012年8月1日(水) 今日 催し 1件")
  }

  /// The span is said with what the agenda now lists (the month's events in the month span,
  /// not the selected day's), then the day.
  @Test func anAgendaSpanIsSaidWithWhatItLists() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.goTo(CivilDate(year: 2012, month: 7, day: 22)!)))
    var said: [String] = []
    for _ in 0..<3 {
      reduce(&state, .calendar(.cycleSpan))
      let agenda = calendarAgenda(state).all
      let count = Set(agenda.map(\.event.id)).count
      #expect(state.notice?.contains("催し \(count)件") == true, "\(state.notice ?? "")")
      said.append(state.notice ?? "")
    }
    #expect(said.contains { $0.hasPrefix("一覧: 月（催し ") })
    // The seed's month has more events than its 22nd: the count is the month's.
    let month = try #require(said.first { $0.hasPrefix("一覧: 月") })
    #expect(!month.hasPrefix("一覧: 月（催し 1件）"), "\(month)")
  }

  @Test func aMatrixCellIsSaidWithItsAreaStatusAndFigure() throws {
    var state = try seedState()
    reduce(&state, .move(.down))
    reduce(&state, .move(.down))
    reduce(&state, .move(.right))
    #expect(state.notice == "分野3 PDCAサイクルの構築 ○予定どおり 数値なし")
    reduce(&state, .moveToFirst)
    reduce(&state, .move(.right))
    reduce(&state, .move(.right))
    #expect(state.notice == "分野1 地域協働の推進 計 15")
    reduce(&state, .moveToLast)
    #expect(state.notice == "合計 計 15以上（一部不明）")
  }

  @Test func inEnglishToo() throws {
    var state = try seedState(language: .english)
    reduce(&state, .move(.down))
    #expect(state.notice?.hasPrefix("area 2 ") == true, "\(state.notice ?? "nil")")
    #expect(state.notice?.hasSuffix(" not given") == true)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.goTo(CivilDate(year: 2012, month: 7, day: 22)!)))
    #expect(state.notice == "Sun 2012-07-22, 1 event")
    reduce(&state, .calendar(.toggleFreeOnly))
    #expect(state.notice?.hasPrefix("filter: free for some (") == true, "\(state.notice ?? "")")
  }

  @Test func aFilterIsSaidWithWhatItLeaves() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.toggleFreeOnly))
    let passing = state.eventIndex.passingCount(state.calendar.filter)
    #expect(state.notice == "フィルター: 無料あり（\(passing) / \(state.dataset.events.count)件）")
    reduce(&state, .calendar(.clearFilters))
    #expect(state.notice?.hasPrefix("フィルター: なし") == true)
    reduce(&state, .focus(.comments))
    reduce(&state, .comments(.toggleLinked))
    #expect(state.notice?.hasPrefix("地域協働の推進のみ") == true, "\(state.notice ?? "nil")")
  }

  @Test func aSnapshotAndASlideAreSaid() throws {
    var state = try seedState()
    reduce(&state, .nextSnapshot)
    let label = UIText.snapshotLabel(try #require(state.snapshot).date, language: .japanese)
    #expect(state.notice?.hasPrefix(label + "  分野1 地域協働の推進 ") == true)
    reduce(&state, .present(.start))
    #expect(state.notice?.hasPrefix("スライド 1 / ") == true, "\(state.notice ?? "nil")")
    reduce(&state, .present(.nextSlide))
    #expect(state.notice?.hasPrefix("スライド 2 / ") == true)
    // The clock says nothing, and leaves the notice.
    let notice = state.notice
    reduce(&state, .present(.tick(WallTime(iso8601: "2026-12-01T10:00:00Z")!)))
    #expect(state.notice == notice)
  }

  @Test func aRealNoticeWinsAndNothingChangedSaysNothing() throws {
    var state = try seedState()
    reduce(&state, .activate)
    #expect(state.notice == UIText.noProgrammeRecords.text(.japanese))
    reduce(&state, .move(.up))  // at the top already
    #expect(state.notice == nil)
    reduce(&state, .comments(.startSearch))
    reduce(&state, .comments(.type("R")))
    #expect(state.notice == nil, "typing is echoed by the screen reader, not the notice")
    reduce(&state, .comments(.confirmSearch))
    #expect(state.notice?.contains("「R」") == true, "\(state.notice ?? "nil")")
  }

  /// The class: on a tour through every pane and mode, whenever what the user is on changes
  /// (outside an input line), the notice names it.
  @Test(arguments: [Language.japanese, .english])
  func everyChangeOfPlaceIsSaid(language: Language) throws {
    var state = try sampleState()
    state.language = language
    let keys: [Key] = [
      .right, .down, .enter, .down, .enter, .escape, .escape, .character("?"), .escape,
      .character("!"), .escape, .tab, .down, .enter, .escape, .character("l"), .character("l"),
      .tab, .right, .down, .character("v"), .enter, .down, .enter, .escape, .escape,
      .character("]"), .character("["), .character("f"), .character("c"), .character("p"),
      .right, .left, .escape,
    ]
    for (index, key) in keys.enumerated() {
      let before = state
      guard let action = KeyMap.action(for: key, in: state) else { continue }
      reduce(&state, action)
      let moved =
        AnnouncedPlace(before) != AnnouncedPlace(state) || before.overlay != state.overlay
        || before.snapshotIndex != state.snapshotIndex
        || before.calendar.filter != state.calendar.filter
        || before.presentation?.slideIndex != state.presentation?.slideIndex
      if moved, InputMode(state) == nil {
        #expect(state.notice != nil, "key \(index + 1) (\(key)) changed the place but said nothing")
      }
    }
  }

  @Test func scrollingHelpSaysNothingAboutThePanesUnderIt() throws {
    var state = try seedState(width: 60, height: 17)
    reduce(&state, .toggleHelp)
    #expect(state.notice != nil, "opening help is said")
    reduce(&state, .scrollOverlay(.down, by: 1))
    #expect(state.overlay == .help)
    #expect(state.notice == nil, "\(state.notice ?? "")")
  }
}
