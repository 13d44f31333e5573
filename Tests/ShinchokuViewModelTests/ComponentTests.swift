import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// Each component on its own: its state, its actions and a context, without an `AppState`.
@Suite struct ComponentTests {
  @Test func theMatrixMovesOpensAndGoesBackWithinItsOwnState() throws {
    let app = try sampleState()
    let context = app.matrixContext
    var matrix = MatrixState()
    #expect(MatrixComponent.reduce(&matrix, .moveCell(rows: 1, columns: 1), context) == [])
    #expect(matrix.selection == MatrixPosition(row: 1, column: 1))
    // Kept inside the table: areas + the totals row, statuses + the total column.
    _ = MatrixComponent.reduce(&matrix, .moveCell(rows: 100, columns: -100), context)
    #expect(matrix.selection == MatrixPosition(row: context.rowCount - 1, column: 0))
    _ = MatrixComponent.reduce(&matrix, .selectCell(MatrixPosition(row: 1, column: 1)), context)
    _ = MatrixComponent.reduce(&matrix, .openCell, context)
    #expect(matrix.mode == .list)
    let count = context.programmes(behind: matrix.selection).count
    #expect(count > 1)
    _ = MatrixComponent.reduce(&matrix, .moveProgramme(by: 1_000), context)
    #expect(matrix.drill?.selection == count - 1)
    _ = MatrixComponent.reduce(&matrix, .openProgramme, context)
    #expect(matrix.mode == .detail)
    _ = MatrixComponent.reduce(&matrix, .scrollDetail(by: 3), context)
    #expect(matrix.drill?.detailScroll == 3)
    _ = MatrixComponent.reduce(&matrix, .back, context)
    #expect(matrix.mode == .list)
    #expect(matrix.drill?.selection == count - 1, "the list keeps its selection")
    _ = MatrixComponent.reduce(&matrix, .back, context)
    #expect(matrix.mode == .table)
    #expect(matrix.selection == MatrixPosition(row: 1, column: 1))
  }

  @Test func theMatrixSaysWhyACellDoesNotOpenAsAnEffect() throws {
    let app = try seedState()
    var matrix = MatrixState()
    let effects = MatrixComponent.reduce(&matrix, .openCell, app.matrixContext)
    #expect(effects == [.notice(UIText.noProgrammeRecords.text(.japanese))])
    #expect(matrix.drill == nil)
  }

  @Test func theSharedKeysMeanWhatTheMatrixModeSays() {
    var matrix = MatrixState()
    #expect(
      MatrixComponent.action(for: .move(.down, step: 1), in: matrix)
        == .moveCell(rows: 1, columns: 0))
    #expect(
      MatrixComponent.action(for: .move(.left, step: 1), in: matrix)
        == .moveCell(rows: 0, columns: -1))
    #expect(MatrixComponent.action(for: .open, in: matrix) == .openCell)
    matrix.drill = MatrixDrill(cell: MatrixPosition(row: 0, column: 0))
    #expect(MatrixComponent.action(for: .page(.down), in: matrix) == .moveProgramme(by: 5))
    #expect(MatrixComponent.action(for: .open, in: matrix) == .openProgramme)
    matrix.drill?.openProgrammeID = "P1"
    #expect(MatrixComponent.action(for: .move(.up, step: 3), in: matrix) == .scrollDetail(by: -3))
    #expect(
      MatrixComponent.action(for: .open, in: matrix) == nil, "Enter in a detail opens nothing")
    #expect(MatrixComponent.action(for: .back, in: matrix) == .back)
  }

  @Test func commentsSearchAndTheirNoticeAreTheComponentsOwn() throws {
    let app = try seedState()
    let context = app.commentsContext
    var comments = CommentsState()
    _ = CommentsComponent.reduce(&comments, .startSearch, context)
    #expect(comments.isEditingQuery)
    var effects: [Effect] = []
    for character in "存在しない語" {
      effects = CommentsComponent.reduce(&comments, .type(character), context)
    }
    #expect(effects == [.notice(UIText.noMatch("存在しない語", language: .japanese))])
    // Control characters are not typed; the line is bounded with a notice.
    _ = CommentsComponent.reduce(&comments, .cancelSearch, context)
    _ = CommentsComponent.reduce(&comments, .startSearch, context)
    _ = CommentsComponent.reduce(&comments, .type("\u{1B}"), context)
    #expect(comments.query.isEmpty)
    var last: [Effect] = []
    for _ in 0..<(InputLine.maxBytes + 10) {
      last = CommentsComponent.reduce(&comments, .type("a"), context)
    }
    #expect(comments.query.utf8.count == InputLine.maxBytes)
    #expect(
      last == [.notice(InputLine.fullNotice(.japanese))])
  }

  @Test func theLinkFilterReadsTheAreaFromTheContext() throws {
    let app = try seedState()
    let area = try #require(app.dataset.areas.first)
    let linked = CommentsContext(all: app.dataset.comments, linkedArea: area, language: .english)
    var comments = CommentsState()
    _ = CommentsComponent.reduce(&comments, .toggleLinked, linked)
    let visible = linked.visible(comments)
    #expect(visible.allSatisfy { $0.areaIDs.contains(area.id) })
    #expect(visible.count < app.dataset.comments.count)
    let noArea = CommentsContext(all: app.dataset.comments, linkedArea: nil, language: .english)
    #expect(noArea.visible(comments).count == app.dataset.comments.count)
  }

  @Test func theCalendarsKeysMeanDaysOnTheGridAndEntriesInTheAgenda() {
    var calendar = CalendarState(selectedDay: CivilDate(year: 2012, month: 7, day: 21)!)
    #expect(CalendarComponent.action(for: .move(.down, step: 3), in: calendar) == .moveDay(by: 7))
    #expect(CalendarComponent.action(for: .move(.left, step: 1), in: calendar) == .moveDay(by: -1))
    #expect(CalendarComponent.action(for: .page(.up), in: calendar) == .moveMonth(by: -1))
    calendar.agendaSelection = 2
    #expect(CalendarComponent.action(for: .page(.up), in: calendar) == .moveInAgenda(by: -5))
    #expect(CalendarComponent.action(for: .move(.right, step: 1), in: calendar) == .moveDay(by: 1))
    calendar.openEventID = "E1"
    #expect(
      CalendarComponent.action(for: .move(.down, step: 1), in: calendar) == .scrollDetail(by: 1))
  }

  @Test func theCalendarMovesWithinItsOwnState() throws {
    let app = try seedState()
    let context = app.calendarContext
    var calendar = app.calendar
    let start = calendar.selectedDay
    _ = CalendarComponent.reduce(&calendar, .moveDay(by: 7), context)
    #expect(calendar.selectedDay == start.adding(days: 7))
    _ = CalendarComponent.reduce(&calendar, .moveMonth(by: 1), context)
    #expect(calendar.selectedDay == start.adding(days: 7).adding(months: 1))
    _ = CalendarComponent.reduce(&calendar, .goTo(start), context)
    _ = CalendarComponent.reduce(&calendar, .open, context)
    #expect(calendar.agendaSelection == 0, "Enter goes into the day's agenda")
    _ = CalendarComponent.reduce(&calendar, .moveInAgenda(by: 1_000), context)
    #expect(calendar.agendaSelection == context.agenda(calendar).count - 1)
    _ = CalendarComponent.reduce(&calendar, .moveDay(by: 1), context)
    #expect(calendar.agendaSelection == nil, "a day move leaves the agenda")
  }

  @Test func theStatusDialogRecordsAsAnEffectAndClosesOnTheAnswer() throws {
    var app = try sampleState()
    reduce(&app, .move(.down))
    reduce(&app, .activate)
    reduce(&app, .activate)
    let context = app.statusEditContext
    var edit: StatusEdit?
    _ = StatusEditComponent.reduce(&edit, .begin, context)
    let opened = try #require(edit)
    let other = (opened.choice + 1) % app.dataset.statuses.count
    _ = StatusEditComponent.reduce(&edit, .move(other - opened.choice), context)
    #expect(StatusEditComponent.reduce(&edit, .accept, context) == [])
    #expect(edit?.isConfirming == true)
    let effects = StatusEditComponent.reduce(&edit, .confirm, context)
    guard case .record(let change) = effects.first else {
      Issue.record("confirming records the change: \(effects)")
      return
    }
    #expect(change.new == app.dataset.statuses[other].id)
    #expect(StatusEditComponent.reduce(&edit, .finished("done"), context) == [.notice("done")])
    #expect(edit == nil)
  }

  @Test func theTopLevelReducePutsNoticesOnTheLineAndPassesTheRestOn() throws {
    var state = try seedState()
    let effects = reduce(&state, .activate)
    #expect(effects.isEmpty, "a notice never reaches the main loop")
    #expect(state.notice == UIText.noProgrammeRecords.text(.japanese))
    #expect(reduce(&state, .quit) == [.quit])
  }
}
