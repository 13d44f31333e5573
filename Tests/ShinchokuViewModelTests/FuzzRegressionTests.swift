import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// Action sequences the `reduce` fuzz target (Tests/Fuzz) found; their inputs are in
/// Tests/Fuzz/Regressions and the fuzz script replays them too.
@Suite struct FuzzRegressionTests {
  /// Tests/Fuzz/Regressions/reduce-agenda-selection-after-search, decoded: a click selected the
  /// sixth entry of the agenda while the search line was open; typing "h" then emptied the
  /// agenda, and the selection stayed at 5, past its end (Enter then did nothing).
  @Test func theIncrementalSearchKeepsTheAgendaSelectionInside() throws {
    var state = try seedState(width: 100, height: 30)
    let actions: [Action] = [
      .focusPrevious, .focus(.events), .calendar(.beginSearch), .doubleClick(.event(35)),
      .calendar(.inputCharacter("h")), .calendar(.inputCommit),
      .calendar(.toggleCategory(number: 6)),
    ]
    for action in actions {
      reduce(&state, action)
      if let selection = state.calendar.agendaSelection {
        #expect(calendarEntries(state).indices.contains(selection), "after \(action)")
      }
    }
  }

  @Test func narrowingAndWideningTheSearchMovesTheSelectionToTheLastEntry() throws {
    var state = try seedState(width: 100, height: 30)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.beginSearch))
    let all = calendarEntries(state).count
    #expect(all > 1)
    reduce(&state, .click(.event(all - 1)))
    #expect(state.calendar.agendaSelection == all - 1)
    reduce(&state, .calendar(.inputCharacter("夏")))
    let narrowed = calendarEntries(state).count
    #expect(narrowed >= 1 && narrowed < all)
    #expect(state.calendar.agendaSelection == narrowed - 1)
    reduce(&state, .calendar(.inputCharacter("X")))
    #expect(calendarEntries(state).isEmpty)
    #expect(state.calendar.agendaSelection == nil)
    reduce(&state, .calendar(.inputCancel))
    #expect(state.calendar.agendaSelection == nil)
  }

  /// Tests/Fuzz/Regressions/reduce-click-in-an-empty-agenda, shortened: a click on an agenda
  /// entry when the filters leave the agenda empty selected entry 0 of none.
  @Test func aClickOnAnEventWhenTheAgendaIsEmptySelectsNothing() throws {
    var state = try seedState(width: 100, height: 30)
    reduce(&state, .focus(.events))
    reduce(&state, .calendar(.beginSearch))
    reduce(&state, .calendar(.inputCharacter("X")))
    reduce(&state, .calendar(.inputCommit))
    #expect(calendarEntries(state).isEmpty)
    reduce(&state, .click(.event(108)))
    #expect(state.calendar.agendaSelection == nil)
    #expect(state.focus == .events)
  }
}
