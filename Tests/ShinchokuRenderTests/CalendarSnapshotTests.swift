import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import TerminalText
import Testing

@Suite struct CalendarSnapshotTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  /// The sample data's September 2012: 敬老の日 (9/17) and 秋分の日 (9/22, a Saturday) with
  /// events on them, and three events spanning days (8/25–9/5, 9/1–9/2, 9/4–9/7).
  func sampleSeptember(width: Int, height: Int) throws -> AppState {
    var state = try sampleState(width: width, height: height)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.goTo(CivilDate(iso: "2012-09-17")!)))
    return state
  }

  @Test func sampleSeptemberWithHolidaysAndSpansAt100x30() throws {
    let state = try sampleSeptember(width: 100, height: 30)
    try assertSnapshot(render(state, theme: theme), named: "calendar-sample-2012-09-100x30")
  }

  @Test func sampleSeptemberWeekBesideTheGridAt140x40() throws {
    var state = try sampleSeptember(width: 140, height: 40)
    reduce(&state, .calendar(.goTo(CivilDate(iso: "2012-09-04")!)))
    reduce(&state, .calendar(.cycleSpan))
    try assertSnapshot(render(state, theme: theme), named: "calendar-sample-week-140x40")
  }

  @Test func daysAreDrawnInTheirRoles() throws {
    let state = try sampleSeptember(width: 140, height: 40)
    let frame = render(state, theme: theme)
    /// The style of a day's number in the grid (the last digit's cell).
    func style(ofDay number: Int) throws -> Style {
      let text = String(number)
      // The grid starts at the events pane's inner left edge, below the matrix.
      let left = (140 + 1) / 2 + 1
      for y in 0..<frame.height {
        for x in stride(from: left, to: left + 35, by: 5) {
          let digits = (1...2).map { frame[x + $0, y].text }.joined()
            .trimmingCharacters(in: .whitespaces)
          if digits == text, y > 12 { return frame[x + 2, y].style }
        }
      }
      throw CalendarTestError.dayNotFound(number)
    }
    #expect(try style(ofDay: 17) == theme.style(.selection), "the selected day, pane focused")
    #expect(try style(ofDay: 22) == theme.style(.calendarHoliday), "秋分の日 on a Saturday")
    #expect(try style(ofDay: 15) == theme.style(.calendarSaturday))
    #expect(try style(ofDay: 16) == theme.style(.calendarSunday))
    #expect(try style(ofDay: 18) == theme.style(.text))
  }

  @Test func seedAugustFilteredWithChipsAt80x24() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.toggleCategory(number: 1)))
    reduce(&state, .calendar(.toggleFreeOnly))
    try assertSnapshot(render(state, theme: theme), named: "calendar-seed-filtered-80x24")
  }

  @Test func searchLineAt100x30() throws {
    var state = try seedState(width: 100, height: 30)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.beginSearch))
    for character in "びーむ" { reduce(&state, .calendar(.inputCharacter(character))) }
    try assertSnapshot(render(state, theme: theme), named: "calendar-seed-search-100x30")
  }

  @Test func eventDetailAt100x30() throws {
    var state = try seedState(width: 100, height: 30)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.open))
    reduce(&state, .calendar(.open))
    #expect(state.calendar.openEventID == "museum-summer-day")
    try assertSnapshot(render(state, theme: theme), named: "calendar-seed-detail-100x30")
  }

  @Test func helpShowsTheEventsPaneKeysAt80x24() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .focus(.events))
    reduce(&state, .toggleHelp)
    let frame = render(state, theme: theme)
    try assertSnapshot(frame, named: "calendar-help-80x24")
    for binding in KeyMap.bindings(for: .events) {
      #expect(frame.text.contains(binding.label.japanese), "help lacks \(binding.label.japanese)")
    }
  }

  @Test func inTheAgendaANarrowPaneKeepsOnlyTheSelectedWeekAt80x24() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.open))
    reduce(&state, .move(.down))
    #expect(state.calendar.agendaSelection == 1)
    try assertSnapshot(render(state, theme: theme), named: "calendar-seed-agenda-80x24")
  }

  @Test func theSmallestDashboardHasACompactGridAt60x17() throws {
    var state = try seedState(width: 60, height: 17)
    reduce(&state, .focus(.events))
    try assertSnapshot(render(state, theme: theme), named: "calendar-seed-60x17")
  }

  @Test func clickingADaySelectsIt() throws {
    var state = try seedState(width: 100, height: 30)
    let frame = render(state, theme: theme)
    let target = CivilDate(iso: "2012-08-15")!
    let region = try #require(frame.hitRegions.first { $0.target == .calendarDay(target) })
    let click = InputEvent.mouse(MouseEvent(kind: .press(.left), x: region.x + 1, y: region.y))
    let sent = try #require(action(for: click, in: state, target: frame.target))
    #expect(sent == .click(.calendarDay(target)))
    reduce(&state, sent)
    #expect(state.focus == .events && state.calendar.selectedDay == target)
  }

  @Test(arguments: [(60, 17), (80, 24), (97, 31), (120, 40), (200, 60)])
  func theCalendarNeverCutsAWideGlyph(size: (Int, Int)) throws {
    for span in 0..<3 {
      var state = try sampleSeptember(width: size.0, height: size.1)
      for _ in 0..<span { reduce(&state, .calendar(.cycleSpan)) }
      reduce(&state, .calendar(.open))
      checkWideGlyphs(render(state, theme: theme))
    }
  }
}

enum CalendarTestError: Error {
  case dayNotFound(Int)
}
