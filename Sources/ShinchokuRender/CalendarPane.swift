import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// The events pane: the month grid beside the agenda (above it when the pane is narrow), the
/// filter chips or the input line, and an event's detail over the body.
extension Painter {
  /// Columns of one day in the grid: " 21·1" (compact, in a narrow pane: "·21").
  static let dayWidth = 5
  static let compactDayWidth = 3
  static let gridWidth = 7 * dayWidth
  /// The agenda goes beside the grid from this inner width of the pane.
  static let besideWidth = gridWidth + 1 + 26

  mutating func drawCalendarPane(_ view: CalendarView, _ rect: Rect, state: AppState) {
    let focused = state.focus == .events
    drawBox(
      rect, title: UIText.events.text(state.language) + " " + view.countLabel, focused: focused)
    frame.mark(x: rect.x, y: rect.y, width: rect.width, height: rect.height, as: .pane(.events))
    var inner = rect.inside
    guard inner.width > 0, inner.height > 0 else { return }

    // The input line, or the chips of the active filters, takes the pane's last row.
    if let input = view.inputLine {
      let line = Rect(x: inner.x, y: inner.y + inner.height - 1, width: inner.width, height: 1)
      fill(line, role: .filterChip)
      put(
        " " + sanitized(input) + (state.asciiOnly ? "_" : "▏"), x: line.x, y: line.y,
        role: .filterChip, maxWidth: line.width)
      inner.height -= 1
    } else if !view.chips.isEmpty {
      var spans: [Span] = [Span(" ", .text)]
      for chip in view.chips {
        spans.append(Span(" " + sanitized(chip) + " ", .filterChip))
        spans.append(Span(" ", .text))
      }
      spans.append(Span(view.countLabel, .muted))
      put(spans, x: inner.x, y: inner.y + inner.height - 1, width: inner.width)
      inner.height -= 1
    }
    guard inner.height > 0 else { return }

    let dayWidth = inner.width >= Painter.gridWidth ? Painter.dayWidth : Painter.compactDayWidth
    let grid = gridLines(view, dayWidth: dayWidth, focused: focused, state: state)
    let gridRect: Rect
    let agendaRect: Rect
    if inner.width >= Painter.besideWidth {
      gridRect = Rect(x: inner.x, y: inner.y, width: Painter.gridWidth + 1, height: inner.height)
      agendaRect = Rect(
        x: inner.x + Painter.gridWidth + 1, y: inner.y,
        width: inner.width - Painter.gridWidth - 1, height: inner.height)
    } else {
      // Above the agenda; in the agenda, only the month and the selected week stay.
      var rows = min(grid.count, inner.height)
      if view.agendaSelection != nil { rows = min(rows, 3) }
      gridRect = Rect(x: inner.x, y: inner.y, width: inner.width, height: rows)
      agendaRect = Rect(
        x: inner.x, y: inner.y + rows, width: inner.width, height: inner.height - rows)
    }
    for (row, line) in fitted(grid, rows: gridRect.height).enumerated() {
      put(line.spans, x: gridRect.x, y: gridRect.y + row, width: gridRect.width)
      for (index, day) in (line.week ?? []).enumerated() {
        guard let day else { continue }
        frame.mark(
          x: gridRect.x + index * dayWidth, y: gridRect.y + row, width: dayWidth, height: 1,
          as: .calendarDay(day))
      }
    }
    let lines = agendaLines(view, width: agendaRect.width, focused: focused, state: state)
    let marks = drawList(lines, selected: view.agendaSelection, in: agendaRect)
    markItems(lines, first: marks.first, in: agendaRect) { .event($0) }
    drawScrollMarks(rect, above: marks.above, below: marks.below, focused: focused)
  }

  /// A line of the grid, and the days it shows (for the mouse).
  struct GridLine {
    var spans: [Span]
    var week: [CivilDate?]?
    var isSelectedWeek = false
  }

  /// The grid's lines cut to `rows`: the month and weekday lines while there is room beside
  /// the selected week, and the weeks around the selected one.
  func fitted(_ lines: [GridLine], rows: Int) -> [GridLine] {
    guard lines.count > rows else { return lines }
    guard rows > 0 else { return [] }
    let head = min(2, rows - 1)
    let body = Array(lines.dropFirst(2))
    let selected = body.firstIndex { $0.isSelectedWeek } ?? 0
    let count = rows - head
    let start = max(0, min(selected - (count - 1) / 2, body.count - count))
    return Array(lines.prefix(head)) + body[start..<min(body.count, start + count)]
  }

  /// The month header, the weekday names and the weeks.
  func gridLines(_ view: CalendarView, dayWidth: Int, focused: Bool, state: AppState)
    -> [GridLine]
  {
    var lines = [
      GridLine(spans: [Span(" " + view.westernMonth + " / " + view.eraMonth, .heading)])
    ]
    lines.append(
      GridLine(
        spans: view.weekdayNames.enumerated().map { index, name in
          let role: Role =
            index == 0 ? .calendarSunday : index == 6 ? .calendarSaturday : .heading
          let text =
            dayWidth == Painter.dayWidth
            ? padded(" " + name, toWidth: dayWidth)
            : padded(name, toWidth: dayWidth, alignment: .trailing)
          return Span(text, role)
        }))
    let dot = state.asciiOnly ? "+" : "·"
    for week in view.weeks {
      var spans: [Span] = []
      for (index, day) in week.enumerated() {
        guard let day else {
          spans.append(Span(String(repeating: " ", count: dayWidth), .text))
          continue
        }
        let role: Role
        if day.isSelected {
          role = focused && state.calendar.agendaSelection == nil ? .selection : .selectionInactive
        } else if day.isToday {
          role = .calendarToday
        } else if day.holiday != nil {
          role = .calendarHoliday
        } else if index == 0 {
          role = .calendarSunday
        } else if index == 6 {
          role = .calendarSaturday
        } else {
          role = .text
        }
        let number = Span(padded(String(day.date.day), toWidth: 2, alignment: .trailing), role)
        if dayWidth == Painter.dayWidth {
          let count = day.count == 0 ? "  " : dot + (day.count > 9 ? "+" : String(day.count))
          spans += [Span(" ", .text), number, Span(count, .muted)]
        } else {
          spans += [Span(day.count == 0 ? " " : dot, .muted), number]
        }
      }
      lines.append(
        GridLine(
          spans: spans, week: week.map { $0?.date },
          isSelectedWeek: week.contains { $0?.isSelected == true }))
    }
    if view.span != .day, let holiday = JapaneseHolidays.name(of: view.selectedDay) {
      lines.append(
        GridLine(spans: [
          Span(
            " " + UIText.dateRange(view.selectedDay, nil, language: state.language) + " ", .text),
          Span(holiday, .calendarHoliday),
        ]))
    }
    return lines
  }

  /// The agenda as list lines: a heading per day (with its holiday), then each entry's title,
  /// its dates when it spans days (marked when inferred), and its details.
  func agendaLines(_ view: CalendarView, width: Int, focused: Bool, state: AppState) -> [ListLine] {
    var lines: [ListLine] = []
    var index = view.firstItemIndex
    let inferredMark = " " + UIText.inferred.text(state.language)
    for section in view.sections {
      var heading = [Span(" " + sanitized(section.heading), .heading)]
      if let holiday = section.holiday { heading.append(Span(" " + holiday, .calendarHoliday)) }
      if section.isToday {
        heading.append(Span(" " + UIText.today.text(state.language), .calendarToday))
      }
      lines.append(ListLine(spans: heading))
      if section.items.isEmpty {
        lines.append(ListLine(spans: [Span("  " + UIText.noItems.text(state.language), .muted)]))
      }
      for item in section.items {
        let role: Role = item.isSelected ? (focused ? .selection : .selectionInactive) : .text
        let title = (item.time.map { $0 + " " } ?? "") + item.title
        for line in wrapped(sanitized(title), width: max(1, width - 3)) {
          lines.append(ListLine(spans: [Span("  ", .text), Span(line.text, role)], item: index))
        }
        if let dates = item.dates {
          let mark = item.datesInferred ? inferredMark : ""
          let body = wrapped(sanitized(dates) + mark, width: max(1, width - 5))
          for (lineIndex, line) in body.enumerated() {
            var spans = [Span("    " + line.text, .muted)]
            if lineIndex == body.count - 1, !mark.isEmpty, line.text.hasSuffix(mark) {
              spans = [
                Span("    " + line.text.dropLast(mark.count), .muted), Span(mark, .inferred),
              ]
            }
            lines.append(ListLine(spans: spans, item: index))
          }
        }
        if !item.detail.isEmpty {
          for line in wrapped(sanitized(item.detail), width: max(1, width - 5)) {
            lines.append(ListLine(spans: [Span("    " + line.text, .muted)], item: index))
          }
        }
        index += 1
      }
    }
    return lines
  }

  mutating func drawEventDetail(_ view: EventDetailView, in rect: Rect, state: AppState) {
    guard
      let inner = fullPane(
        rect, path: [UIText.events.text(state.language), sanitized(view.title)], pane: .events,
        focused: state.focus == .events, hint: UIText.eventDetailHint.text(state.language))
    else { return }
    let labelWidth = view.fields.map { displayWidth($0.label) }.max() ?? 4
    var lines: [[Span]] = []
    for field in view.fields {
      let body = wrapped(sanitized(field.value), width: max(1, inner.width - labelWidth - 4))
      for (index, line) in body.enumerated() {
        let label =
          index == 0
          ? padded(field.label, toWidth: labelWidth) : String(repeating: " ", count: labelWidth)
        lines.append([
          Span(" " + label + "  ", .muted), Span(line.text, field.isInferred ? .inferred : .text),
        ])
      }
    }
    for (row, spans) in lines.prefix(inner.height).enumerated() {
      put(spans, x: inner.x, y: inner.y + row, width: inner.width)
    }
  }
}
