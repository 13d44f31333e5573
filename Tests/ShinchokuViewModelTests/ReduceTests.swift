import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

let bundledData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Data").path

func seedState(width: Int = 80, height: Int = 24, language: Language = .japanese) throws -> AppState
{
  AppState(
    dataset: try DatasetLoader().load(directory: bundledData), language: language, width: width,
    height: height,
    today: CivilDate(year: 2012, month: 8, day: 1)!)
}

@Suite struct ReduceTests {
  @Test func tabCyclesFocusBothWays() throws {
    var state = try seedState()
    #expect(state.focus == .matrix)
    reduce(&state, .focusNext)
    #expect(state.focus == .comments)
    reduce(&state, .focusNext)
    #expect(state.focus == .events)
    reduce(&state, .focusNext)
    #expect(state.focus == .matrix)
    reduce(&state, .focusPrevious)
    #expect(state.focus == .events)
  }

  @Test func matrixSelectionMovesAndStaysInside() throws {
    var state = try seedState()
    reduce(&state, .move(.up))
    reduce(&state, .move(.left))
    #expect(state.matrix.selection == MatrixPosition(row: 0, column: 0))
    for _ in 0..<20 {
      reduce(&state, .move(.down))
      reduce(&state, .move(.right))
    }
    // Five areas + the totals row; three statuses + the total column.
    #expect(state.matrix.selection == MatrixPosition(row: 5, column: 3))
    reduce(&state, .moveToFirst)
    #expect(state.matrix.selection.row == 0)
    reduce(&state, .page(.down))
    #expect(state.matrix.selection.row == 5)
  }

  @Test func arrowsMoveInTheFocusedPaneOnly() throws {
    var state = try seedState()
    reduce(&state, .focus(.events))
    let day = state.calendar.selectedDay
    reduce(&state, .move(.down))
    reduce(&state, .move(.down))
    #expect(state.calendar.selectedDay == day.adding(days: 14), "down is a week in the calendar")
    #expect(state.comments.selection == 0)
    #expect(state.matrix.selection == MatrixPosition(row: 0, column: 0))
    reduce(&state, .focus(.comments))
    reduce(&state, .moveToLast)
    #expect(state.comments.selection == 2)
    reduce(&state, .move(.down))
    #expect(state.comments.selection == 2)
  }

  @Test func snapshotsStepAndStopAtTheEnds() throws {
    var state = try seedState()
    #expect(state.snapshot?.date.iso == "2012-03-31")
    reduce(&state, .previousSnapshot)
    #expect(state.snapshotIndex == 0)
    reduce(&state, .nextSnapshot)
    reduce(&state, .nextSnapshot)
    reduce(&state, .nextSnapshot)
    #expect(state.snapshot?.date.iso == "2017-03-31")
  }

  @Test func helpOverlayOpensAndAnyKeyClosesIt() throws {
    var state = try seedState()
    reduce(&state, .toggleHelp)
    #expect(state.isShowingHelp)
    reduce(&state, .move(.down))
    #expect(!state.isShowingHelp)
    #expect(state.matrix.selection.row == 0, "the key that closes help does nothing else")
    reduce(&state, .toggleHelp)
    reduce(&state, .back)
    #expect(!state.isShowingHelp)
    reduce(&state, .toggleHelp)
    reduce(&state, .toggleWarnings)
    #expect(state.overlay == .warnings)
    #expect(reduce(&state, .quit) == [.quit], "q quits even with an overlay open")
  }

  @Test func resizeIsKeptAndNeverNegative() throws {
    var state = try seedState()
    reduce(&state, .resize(width: 1, height: 1))
    #expect(state.width == 1 && state.height == 1)
    reduce(&state, .resize(width: -3, height: 0))
    #expect(state.width == 0 && state.height == 0)
  }

  @Test func keysMapToActions() {
    #expect(KeyMap.action(for: .tab) == .focusNext)
    #expect(KeyMap.action(for: .backTab) == .focusPrevious)
    #expect(KeyMap.action(for: .character("j")) == .move(.down))
    #expect(KeyMap.action(for: .character("h")) == .move(.left))
    #expect(KeyMap.action(for: .up) == .move(.up))
    #expect(KeyMap.action(for: .character("?")) == .toggleHelp)
    #expect(KeyMap.action(for: .character("q")) == .quit)
    #expect(KeyMap.action(for: .character("]")) == .nextSnapshot)
    #expect(KeyMap.action(for: .character("x")) == nil)
    // No key is bound twice.
    let keys = KeyMap.dashboard.flatMap(\.keys)
    #expect(Set(keys).count == keys.count)
    let commentKeys = KeyMap.comments.flatMap(\.keys)
    #expect(Set(commentKeys).count == commentKeys.count)
  }
}

@Suite struct MatrixViewTests {
  @Test func unknownFiguresStayUnknownAndTotalsArePartial() throws {
    let view = MatrixView(state: try seedState())
    #expect(view.rows.count == 6)
    #expect(view.rows[0].figures == [.unknown, .unknown, .unknown])
    #expect(view.rows[0].total == .known(15))
    #expect(view.rows[1].total == .unknown)
    let totals = try #require(view.rows.last)
    #expect(totals.isTotals)
    #expect(totals.figures == [.unknown, .unknown, .unknown])
    #expect(totals.total == .partial(atLeast: 15))
    #expect(view.hasUnknown && view.hasPartial)
  }

  @Test func statedPlanFiguresFillTheTotalsRow() throws {
    var state = try seedState()
    reduce(&state, .nextSnapshot)
    let view = MatrixView(state: state)
    #expect(view.rows.last?.figures == [.known(1), .known(50), .known(11)])
    #expect(view.rows.last?.total == .known(62))
    #expect(view.rows[0].total == .unknown)
  }

  @Test func aFullyKnownSnapshotSums() throws {
    var state = try seedState()
    reduce(&state, .moveToLast)
    state.snapshotIndex = 2
    let view = MatrixView(state: state)
    #expect(view.rows.map(\.total) == [9, 4, 6, 12, 10, 41].map(Figure.known))
    #expect(!view.hasUnknown && !view.hasPartial)
  }

  @Test func figureSumRules() {
    #expect(Figure.sum([.known(1), .known(2)]) == .known(3))
    #expect(Figure.sum([.known(1), .unknown]) == .partial(atLeast: 1))
    #expect(Figure.sum([.partial(atLeast: 4), .known(2)]) == .partial(atLeast: 6))
    #expect(Figure.sum([.unknown, .unknown]) == .unknown)
    #expect(Figure.sum([]) == .known(0))
  }

  @Test func titleShowsBothDateForms() throws {
    #expect(TitleView(state: try seedState()).snapshotLabel == "2012-03-31（平成23年度末） [1/3]")
    #expect(
      TitleView(state: try seedState(language: .english)).snapshotLabel
        == "2012-03-31, FY2011 year-end (Heisei 23) [1/3]")
  }
}

@Suite struct ReloadTests {
  @Test func reloadedDataKeepsTheUsersPlace() throws {
    var state = try seedState()
    reduce(&state, .nextSnapshot)
    reduce(&state, .move(.down))
    reduce(&state, .focus(.comments))
    reduce(&state, .move(.down))
    var data = state.dataset
    data.comments.removeFirst()
    reduce(&state, .dataReloaded(data))
    #expect(state.snapshot?.date.iso == "2016-03-31")
    #expect(state.matrix.selection.row == 1)
    #expect(state.comments.selection == 0, "still on the comment that was selected (c2), now first")
    #expect(visibleComments(state)[state.comments.selection].id == "c2")
  }

  @Test func aFailedReloadKeepsTheDataAndAGoodOneClearsTheBanner() throws {
    var state = try seedState()
    let error = Diagnostic(
      .error, SourceLocation(file: "Data/events.yaml", line: 3, column: 1), "broken")
    reduce(&state, .reloadFailed(error))
    #expect(state.reloadError == error)
    #expect(state.dataset.comments.count == 3)
    reduce(&state, .dataReloaded(state.dataset))
    #expect(state.reloadError == nil)
  }

  @Test func aBrokenThemeOrDataIsInTheBannerAndUnderTheWarningsOnce() throws {
    var state = try seedState()
    let data = Diagnostic(
      .error, SourceLocation(file: "Data/snapshots.yaml", line: 34, column: 23), "broken")
    let theme = Diagnostic(
      .error, SourceLocation(file: "Themes/light.yaml", line: 2, column: 1), "unknown role")
    state.startupWarnings = [data]
    reduce(&state, .reloadFailed(data))
    reduce(&state, .themeReloadFailed(theme))
    let banner = try #require(state.bannerText)
    #expect(banner.contains("Data/snapshots.yaml:34:23: error: broken"))
    #expect(banner.contains("Themes/light.yaml:2:1: error: unknown role"))
    #expect(state.warnings.filter { $0 == data }.count == 1, "the same finding is listed once")
    #expect(state.warnings.prefix(2) == [data, theme], "what no longer loads comes first")
    #expect(reduce(&state, .themesReloaded) == [.redraw(.themesChanged)])
    #expect(state.themeError == nil && state.bannerText?.contains("light.yaml") == false)
    reduce(&state, .dataReloaded(state.dataset))
    state.startupWarnings = []
    #expect(state.bannerText == nil && state.warnings == state.dataset.warnings)
  }
}
