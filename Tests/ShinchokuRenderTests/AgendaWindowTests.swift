import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuRender
@testable import ShinchokuViewModel

/// The events pane makes items of only the agenda entries its rows can show around the
/// selection (`CalendarView(state:rows:)`), and lines of only the items the list can reach:
/// drawn so, it is the pane drawn from every line of the whole agenda, for every selection in a busy day and a busy month, at every kind of size (the
/// agenda beside the grid and under it).
@Suite struct AgendaWindowTests {
  @Test func thePaneDrawnFromTheWindowIsThePaneDrawnFromTheWholeAgenda() throws {
    var base = try busyState()
    let dataset = base.dataset
    // The busiest day: the most entries for the day span, and its month for the month span.
    let index = base.eventIndex
    let days = dataset.events.compactMap(\.start)
    let busiest = try #require(
      Set(days).max { a, b in
        index.agenda(a, span: .day, filter: EventFilter()).count
          < index.agenda(b, span: .day, filter: EventFilter()).count
      })
    base.calendar.selectedDay = busiest
    base.focus = .events
    let theme = Theme.builtIn
    var compared = 0
    var windowed = 0
    for span in [AgendaSpan.day, .month] {
      base.calendar.span = span
      let entries = calendarAgenda(base).count
      #expect(entries > 60, "the \(span) agenda holds \(entries) entries: too few to window")
      let selections = [nil, 0, 1, entries / 2, entries - 2, entries - 1]
      for (width, height) in [(60, 17), (60, 40), (80, 24), (100, 30), (120, 40), (200, 48)] {
        for selection in selections {
          var state = base
          state.width = width
          state.height = height
          state.calendar.agendaSelection = selection
          guard let layout = DashboardLayout(state: state, matrix: MatrixView(state: state)) else {
            Issue.record("no layout at \(width)×\(height)")
            continue
          }
          let rect = layout.events
          func drawn(_ view: CalendarView, stopping: Bool) -> Frame {
            var canvas = Canvas(width: width, height: height, theme: theme, chrome: state.chrome)
            CalendarPaneWidget(view: view, focused: true, stopsPastTheScreen: stopping)
              .render(in: rect, on: &canvas)
            return canvas.finish()
          }
          // As the renderer makes it: items only as far as the agenda's rows reach.
          let window = CalendarView(
            state: state,
            rows: CalendarPaneWidget.agendaRowsAtMost(in: rect, calendar: state.calendar))
          let whole = CalendarView(state: state, rows: entries * 4)
          #expect(whole.firstItemIndex == 0)
          if window.sections.map(\.items.count).reduce(0, +) < entries { windowed += 1 }
          let a = drawn(window, stopping: true)
          let b = drawn(whole, stopping: false)
          #expect(
            a.lines == b.lines && a.cells == b.cells && a.hitRegions == b.hitRegions
              && a.cursor == b.cursor,
            """
            \(span), \(width)×\(height), selection \(String(describing: selection)):
            \(a.lines.joined(separator: "\n"))
            ---
            \(b.lines.joined(separator: "\n"))
            """)
          compared += 1
        }
      }
    }
    #expect(compared == 2 * 6 * 6)
    // Most of them did leave entries out (else the test shows nothing).
    #expect(windowed > compared / 2)
  }

  /// The agenda's rows, as the renderer works them out before the view is made, are at least
  /// those the pane gives it (and exactly those without a filter line): for twelve months (of
  /// five and six weeks, on a holiday where the month has one), in the grid and in the agenda,
  /// with and without the filter line, at every height of a narrow, a middle and a wide pane.
  @Test func theAgendaRowsWorkedOutBeforehandAreNeverFewerThanThePaneGives() throws {
    var base = try busyState()
    let dataset = base.dataset
    base.focus = .events
    // The month's agenda: enough entries to fill any pane.
    base.calendar.span = .month
    let starts = dataset.events.compactMap(\.start).sorted()
    let first = starts[starts.count / 3].firstOfMonth
    var weekCounts: Set<Int> = []
    var checked = 0
    var holidays = 0
    for month in 0..<12 {
      var day = first
      for _ in 0..<month { day = day.lastOfMonth.adding(days: 1) }
      // A holiday of the month where it has one (its line goes under the month's grid).
      var probe = day
      while probe <= day.lastOfMonth, JapaneseHolidays.name(of: probe) == nil {
        probe = probe.adding(days: 1)
      }
      if probe <= day.lastOfMonth {
        day = probe
        holidays += 1
      }
      for agenda in [nil, 0] as [Int?] {
        for filtered in [false, true] {
          for width in [40, 60, 80] {
            for height in 4...30 {
              var state = base
              state.calendar.selectedDay = day
              state.calendar.agendaSelection = agenda
              if filtered { state.calendar.filter.freeOnly = true }
              let rect = Rect(x: 0, y: 0, width: width, height: height)
              let bound = CalendarPaneWidget.agendaRowsAtMost(in: rect, calendar: state.calendar)
              let view = CalendarView(state: state, rows: 1000)
              weekCounts.insert(view.weeks.count)
              // The agenda's part of the pane as the pane lays it out: the inside less the
              // filter line, split with the grid's lines (the month, the weekdays, the weeks).
              var inner = rect.inside
              if view.inputLine != nil || !view.chips.isEmpty { inner.height -= 1 }
              let widget = CalendarPaneWidget(view: view, focused: true)
              let lines = widget.gridLines(
                dayWidth: CalendarPaneWidget.dayWidth, chrome: state.chrome)
              let agendaRows = widget.split(inner, gridLines: lines.count).agenda.height
              #expect(
                agendaRows <= bound,
                "\(day) \(width)×\(height) agenda \(String(describing: agenda)), filtered \(filtered)"
              )
              // Without the filter line, the bound is the agenda's rows exactly.
              if !filtered { #expect(agendaRows == bound, "\(day) \(width)×\(height)") }
              checked += 1
            }
          }
        }
      }
    }
    #expect(weekCounts.isSuperset(of: [5, 6]) && holidays > 6)
    #expect(checked == 12 * 2 * 2 * 3 * 27)
  }
}

/// A 120×40 dashboard on a generated set of 3 000 events (a few dozen on the busiest days).
private func busyState() throws -> AppState {
  let folder = try SampleDataSet(programmes: 20, events: 3000, snapshots: 2, seed: 7).write(
    into: NSTemporaryDirectory() + "shinchoku-agenda-window-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(atPath: folder) }
  return AppState(
    dataset: try DatasetLoader().load(directory: folder), language: .japanese, width: 120,
    height: 40, today: CivilDate(year: 2013, month: 10, day: 1)!)
}
