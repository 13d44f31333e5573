import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

private func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }

private func keys(_ state: inout AppState, _ text: String) {
  for character in text {
    if let action = action(for: .key(.character(character)), in: state, target: { _, _ in nil }) {
      reduce(&state, action)
    }
  }
}

private func press(_ state: inout AppState, _ key: Key) {
  if let action = action(for: .key(key), in: state, target: { _, _ in nil }) {
    reduce(&state, action)
  }
}

@Suite struct CalendarDefaultDayTests {
  @Test func todayWhenTheDataHasEventsWithinAYear() throws {
    let state = try seedState()
    #expect(state.today == day("2012-08-01"))
    #expect(state.calendar.selectedDay == day("2012-08-01"))
  }

  @Test func theFirstDatedEventsStartWhenTodayIsFarFromTheData() throws {
    let data = try seedState().dataset
    let state = AppState(
      dataset: data, language: .japanese, width: 80, height: 24, today: day("2026-11-25"))
    #expect(state.calendar.selectedDay == day("2012-07-21"))
  }
}

@Suite struct CalendarMovementTests {
  @Test func arrowsMoveByDayAndWeekAndPagesByMonth() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    press(&state, .right)
    #expect(state.calendar.selectedDay == day("2012-08-02"))
    press(&state, .character("h"))
    press(&state, .character("h"))
    #expect(state.calendar.selectedDay == day("2012-07-31"))
    press(&state, .character("j"))
    #expect(state.calendar.selectedDay == day("2012-08-07"))
    press(&state, .up)
    #expect(state.calendar.selectedDay == day("2012-07-31"))
    press(&state, .pageDown)
    #expect(state.calendar.selectedDay == day("2012-08-31"))
    press(&state, .pageDown)
    #expect(state.calendar.selectedDay == day("2012-09-30"), "the day is clamped to the month")
    press(&state, .pageUp)
    press(&state, .pageUp)
    press(&state, .pageUp)
    #expect(state.calendar.selectedDay == day("2012-06-30"))
    press(&state, .character("t"))
    #expect(state.calendar.selectedDay == day("2012-08-01"))
  }

  @Test func theWheelMovesAWeekOnTheGridAndThreeEntriesInTheAgenda() throws {
    var state = try seedState()
    reduce(&state, .scroll(.events, .down))
    #expect(state.calendar.selectedDay == day("2012-08-08"))
    #expect(state.focus == .matrix, "the wheel does not move focus")
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.open))
    reduce(&state, .scroll(.events, .down))
    #expect(state.calendar.agendaSelection == 3)
  }

  @Test func homeAndEndGoToTheMonthsFirstAndLastDayAndToTheAgendasEnds() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    press(&state, .end)
    #expect(state.calendar.selectedDay == day("2012-08-31"))
    press(&state, .home)
    #expect(state.calendar.selectedDay == day("2012-08-01"))
    press(&state, .pageUp)
    press(&state, .end)
    #expect(state.calendar.selectedDay == day("2012-07-31"))
    press(&state, .pageDown)
    press(&state, .enter)
    let count = calendarEntries(state).count
    #expect(count > 2)
    press(&state, .end)
    #expect(state.calendar.agendaSelection == count - 1)
    #expect(state.calendar.selectedDay == day("2012-08-31"), "the agenda's End keeps the day")
    press(&state, .home)
    #expect(state.calendar.agendaSelection == 0)
  }

  @Test func theMatrixKeepsItsPagingKeys() throws {
    var state = try seedState()
    let day = state.calendar.selectedDay
    press(&state, .pageDown)
    #expect(state.matrix.selection.row == 5)
    press(&state, .character("g"))
    #expect(state.matrix.selection.row == 0)
    press(&state, .character("G"))
    #expect(state.matrix.selection.row == 5)
    #expect(state.calendar.selectedDay == day)
    #expect(state.calendar.input == nil)
  }

  @Test func gOpensADateLineThatReadsEveryForm() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    for (typed, expected) in [
      ("2012-09-17", "2012-09-17"), ("8/1", "2012-08-01"), ("平成24年7月16日", "2012-07-16"),
    ] {
      keys(&state, "g")
      #expect(state.calendar.input?.kind == .date)
      keys(&state, typed)
      #expect(state.calendar.input?.text == typed)
      press(&state, .enter)
      #expect(state.calendar.input == nil)
      #expect(state.calendar.selectedDay == day(expected), "typed \(typed)")
    }
    keys(&state, "gnot a date")
    press(&state, .enter)
    #expect(state.calendar.selectedDay == day("2012-07-16"))
    #expect(state.notice?.hasPrefix("日付として読めません: not a date") == true)
  }

  @Test func escapeLeavesTheInputLineAndBackspaceDeletes() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    keys(&state, "g8/11")
    press(&state, .backspace)
    #expect(state.calendar.input?.text == "8/1")
    press(&state, .escape)
    #expect(state.calendar.input == nil)
    #expect(state.calendar.selectedDay == day("2012-08-01"))
    #expect(
      KeyMap.action(for: .character("q"), in: state).map { reduce(&state, $0) } == [.quit],
      "q quits again once the input line is closed")
  }

  @Test func enterGoesIntoTheAgendaThenOpensTheDetailAndEscapeComesBack() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    press(&state, .enter)
    #expect(state.calendar.agendaSelection == 0)
    let entries = calendarEntries(state)
    #expect(entries.first?.event.id == "museum-summer-day")
    #expect(entries.count == 6, "the day's event, then the five undated ones")
    press(&state, .down)
    press(&state, .down)
    #expect(state.calendar.agendaSelection == 2)
    #expect(entries[2].day == nil, "the undated events are reachable")
    press(&state, .enter)
    #expect(state.calendar.openEventID == entries[2].event.id)
    press(&state, .escape)
    #expect(state.calendar.openEventID == nil && state.calendar.agendaSelection == 2)
    press(&state, .escape)
    #expect(state.calendar.agendaSelection == nil)
  }
}

@Suite struct EventFilterTests {
  @Test func categoriesToggleByTheirNumber() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    keys(&state, "3")
    #expect(state.calendar.filter.categoryIDs == ["jidokan"])
    #expect(
      filteredEvents(state.dataset, state.calendar.filter).map(\.id) == [
        "jidokan-officers-training", "jidokan-50th-anniversary", "tokyo-science-class",
      ])
    keys(&state, "1")
    #expect(filteredEvents(state.dataset, state.calendar.filter).count == 5)
    keys(&state, "3")
    #expect(state.calendar.filter.categoryIDs == ["museum"])
    keys(&state, "9")
    #expect(state.calendar.filter.categoryIDs == ["museum"], "no ninth category: nothing")
    #expect(CalendarView(state: state).chips == ["美術館"])
    #expect(CalendarView(state: state).countLabel == "2 / 6件")
    keys(&state, "c")
    #expect(state.calendar.filter == EventFilter())
  }

  @Test func freeMeansFreeForSomeoneAndUnstatedFeesAreNotFree() throws {
    let data = try seedState().dataset
    let free = filteredEvents(data, EventFilter(freeOnly: true))
    #expect(free.map(\.id) == ["museum-summer-day"], "小・中学生 無料")
  }

  @Test func audienceCyclesAndAnUnstatedAudiencePassesOnlyAll() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    keys(&state, "a")
    #expect(state.calendar.filter.audience == .children)
    #expect(filteredEvents(state.dataset, state.calendar.filter).map(\.id) == ["museum-summer-day"])
    keys(&state, "a")
    #expect(state.calendar.filter.audience == .adults)
    #expect(filteredEvents(state.dataset, state.calendar.filter).isEmpty)
    keys(&state, "a")
    #expect(state.calendar.filter.audience == .all)
  }

  @Test func familiesAndEveryoneCountForBothAudiences() throws {
    let data = try sampleState().dataset
    for event in filteredEvents(data, EventFilter(audience: .children)) {
      #expect(!Set(event.audience).isDisjoint(with: [.children, .families, .everyone]))
    }
    let adults = filteredEvents(data, EventFilter(audience: .adults))
    #expect(
      adults.allSatisfy { !Set($0.audience).isDisjoint(with: [.adults, .families, .everyone]) })
    #expect(adults.contains { $0.audience.contains(.families) })
  }

  @Test func aHiraganaQueryFindsAKatakanaTitle() throws {
    let data = try seedState().dataset
    let found = filteredEvents(data, EventFilter(search: "びーむわーかー"))
    #expect(found.map(\.id) == ["tokyo-science-class"], "ビームワーカー")
    #expect(filteredEvents(data, EventFilter(search: "ﾋﾞｰﾑ")).map(\.id) == ["tokyo-science-class"])
  }

  @Test func searchLooksAtVenueAndNotesToo() throws {
    let data = try seedState().dataset
    #expect(
      filteredEvents(data, EventFilter(search: "上宿")).map(\.id) == ["nursery-community-play"])
    #expect(
      filteredEvents(data, EventFilter(search: "140回")).map(\.id) == ["tokyo-science-class"])
    #expect(filteredEvents(data, EventFilter(search: "  ")).count == 6, "blank matches all")
  }

  @Test func searchIsIncrementalAndEscapeRestoresThePreviousSearch() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    keys(&state, "/児童")
    #expect(state.calendar.filter.search == "児童")
    #expect(CalendarView(state: state).countLabel == "3 / 6件", "児童館 in the venue")
    keys(&state, "館")
    press(&state, .enter)
    #expect(state.calendar.input == nil && state.calendar.filter.search == "児童館")
    #expect(CalendarView(state: state).chips == ["/児童館"])
    keys(&state, "/xyz")
    #expect(CalendarView(state: state).countLabel == "0 / 6件")
    press(&state, .escape)
    #expect(state.calendar.filter.search == "児童館")
  }
}

@Suite struct CalendarViewTests {
  @Test func augustTwentyTwelveHasFiveWeeksFromWednesday() throws {
    let view = CalendarView(state: try seedState())
    #expect(view.westernMonth == "2012年8月" && view.eraMonth == "平成24年8月")
    #expect(view.weekdayNames == ["日", "月", "火", "水", "木", "金", "土"])
    #expect(view.weeks.count == 5)
    #expect(view.weeks[0].prefix(3).allSatisfy { $0 == nil })
    #expect(view.weeks[0][3]?.date == day("2012-08-01"))
    #expect(view.weeks[0][3]?.isSelected == true && view.weeks[0][3]?.isToday == true)
    // The museum's inferred summer holiday runs to 8/31: one event every day.
    #expect(view.weeks.joined().compactMap { $0?.count }.allSatisfy { $0 == 1 })
  }

  @Test func holidaysAreNamedAndTheEraYearOneIsGannen() throws {
    var state = try seedState()
    reduce(&state, .calendar(.goTo(day("2012-07-16"))))
    let view = CalendarView(state: state)
    let marine = view.weeks.joined().compactMap { $0 }.first { $0.date == day("2012-07-16") }
    #expect(marine?.holiday == "海の日")
    #expect(view.sections.first?.holiday == "海の日")
    reduce(&state, .calendar(.goTo(day("2019-05-01"))))
    #expect(CalendarView(state: state).eraMonth == "令和元年5月")
  }

  @Test func weekAndMonthSpansListEachDayOfASpanningEvent() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    keys(&state, "v")
    #expect(state.calendar.span == .week)
    let week = calendarEntries(state).filter { $0.day != nil }
    #expect(
      week.map(\.day!.iso) == (29...31).map { "2012-07-\($0)" } + (1...4).map { "2012-08-0\($0)" })
    keys(&state, "v")
    #expect(calendarEntries(state).filter { $0.day != nil }.count == 31)
    keys(&state, "v")
    #expect(state.calendar.span == .day)
  }

  @Test func theDetailGivesEveryFieldAndWhatWasInferred() throws {
    let state = try seedState()
    let detail = try #require(EventDetailView(state: state, eventID: "museum-summer-day"))
    let fields = Dictionary(uniqueKeysWithValues: detail.fields.map { ($0.label, $0) })
    #expect(fields["日付"]?.value == "2012年7月21日(土)〜8月31日(金)（推定）")
    #expect(fields["日付"]?.isInferred == true)
    #expect(fields["会場"]?.value == "平櫛田中彫刻美術館（推定）")
    #expect(fields["対象"]?.value == "子ども" && fields["対象"]?.isInferred == false)
    #expect(fields["料金"]?.value == "小・中学生 無料 · 同伴の保護者 観覧料が必要")
    #expect(fields["推定した値"]?.value == "開始日、終了日、会場")
    #expect(fields["推定の根拠"]?.value.hasPrefix("紙面に日付はない。") == true)
    #expect(fields["OCR訂正"]?.value == "「夏休みみわくわく体験美術館」→「夏休みわくわく体験美術館」")
    #expect(fields["出典"]?.value == state.dataset.sources["seed"]?.title)
    #expect(fields["副題"]?.value == "夏休みの一日を美術館で過ごしませんか")
  }
}

@Suite struct FocusAwareKeyMapTests {
  @Test func eachPaneHasItsOwnTableAndTheGlobalKeysStillWork() {
    #expect(KeyMap.action(for: .pageDown, in: .matrix) == .page(.down))
    #expect(KeyMap.action(for: .pageDown, in: .events) == .page(.down))
    #expect(KeyMap.action(for: .character("g"), in: .matrix) == .moveToFirst)
    #expect(KeyMap.action(for: .character("g"), in: .events) == .calendar(.beginDateInput))
    #expect(
      KeyMap.action(for: .character("3"), in: .events) == .calendar(.toggleCategory(number: 3)))
    #expect(KeyMap.action(for: .character("3"), in: .comments) == nil)
    #expect(KeyMap.action(for: .enter, in: .matrix) == .activate)
    #expect(KeyMap.action(for: .enter, in: .events) == .calendar(.open))
    for pane in Pane.allCases {
      #expect(KeyMap.action(for: .tab, in: pane) == .focusNext)
      #expect(KeyMap.action(for: .character("q"), in: pane) == .quit)
      #expect(KeyMap.action(for: .character("]"), in: pane) == .nextSnapshot)
      let keys = KeyMap.bindings(for: pane).flatMap(\.keys)
      #expect(Set(keys).count == keys.count, "a key bound twice in \(pane)")
      // The keys a user moves with first: each pane gives every one of them a meaning, but
      // the comments' one-column list has no left and right.
      let sideways: [Key] = pane == .comments ? [] : [.left, .right]
      for key in [Key.up, .down, .pageUp, .pageDown, .home, .end] + sideways {
        #expect(KeyMap.action(for: key, in: pane) != nil, "\(key) does nothing in \(pane)")
      }
      if pane == .comments {
        #expect(KeyMap.action(for: .left, in: pane) == nil, "← moved a list up")
      }
    }
  }
}

/// A paste of 10⁶ characters into the events search: the line stops at its byte limit, every
/// character past it is dropped at once, and the search stays what the line holds.
@Suite struct CalendarSearchInputBoundTests {
  @Test func aMillionPastedCharactersStopAtTheLimit() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.beginSearch))
    let pair: Character = "\u{3042}\u{3099}"  // あ + a combining voiced mark: one Character
    for _ in 0..<1_000_000 { reduce(&state, .calendar(.inputCharacter(pair))) }
    let text = try #require(state.calendar.input?.text)
    #expect(text.utf8.count <= CalendarInput.maxBytes)
    #expect(text.utf8.count > CalendarInput.maxBytes - pair.utf8.count)
    #expect(text.allSatisfy { $0 == pair })
    #expect(state.calendar.filter.search == text)
    reduce(&state, .calendar(.inputDeleteBackward))
    #expect(state.calendar.input?.text.count == text.count - 1)
  }
}
