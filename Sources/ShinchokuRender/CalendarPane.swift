import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// The events pane: the month grid beside the agenda (above it when the pane is narrow), the
/// filter chips or the input line, and an event's detail over the body.
struct CalendarPaneWidget: Widget, Equatable {
  let view: CalendarView
  let focused: Bool
  /// Whether the agenda's lines stop where the list can no longer reach them (the default);
  /// false makes every item's lines, as the tests' reference.
  var stopsPastTheScreen = true

  /// Columns of one day in the grid: " 21·1" (compact, in a narrow pane: "·21").
  static let dayWidth = 5
  static let compactDayWidth = 3
  static let gridWidth = 7 * dayWidth
  /// The agenda goes beside the grid from this inner width of the pane.
  static let besideWidth = gridWidth + 1 + 26

  /// The grid's rows above the agenda: all its lines (the month, the weekdays, the weeks) as
  /// far as `height` goes; in the agenda, the month and the selected week, leaving it at least
  /// half the rows.
  static func gridRows(lines: Int, height: Int, inAgenda: Bool) -> Int {
    let rows = min(lines, height)
    return inAgenda ? min(rows, 3, max(1, height / 2)) : rows
  }

  /// The most rows the agenda can take in a pane drawn in `rect` (the grid's rows above it
  /// left out, and not the filter line's): how far from its selection the events view needs
  /// items (`CalendarView(state:rows:)`), known before the view is made.
  static func agendaRowsAtMost(in rect: Rect, calendar: CalendarState) -> Int {
    let inner = rect.inside
    guard inner.width > 0, inner.height > 0 else { return 0 }
    if inner.width >= besideWidth { return inner.height }
    let day = calendar.selectedDay
    // The month, the weekdays, the weeks, and a holiday's line under a longer span's grid.
    let weeks = (day.firstOfMonth.weekday.rawValue + day.lastOfMonth.day + 6) / 7
    let holiday = calendar.span != .day && JapaneseHolidays.name(of: day) != nil ? 1 : 0
    return inner.height
      - gridRows(
        lines: 2 + weeks + holiday, height: inner.height,
        inAgenda: calendar.agendaSelection != nil)
  }

  func render(in rect: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    canvas.box(rect, title: chrome.text(UIText.events) + " " + view.countLabel, focused: focused)
    canvas.mark(rect, as: .pane(.events))
    var inner = rect.inside
    var inputCursor: (x: Int, y: Int)?
    guard inner.width > 0, inner.height > 0 else { return }

    // The input line, or the chips of the active filters, takes the pane's last row.
    if let input = view.inputLine {
      let line = Rect(x: inner.x, y: inner.y + inner.height - 1, width: inner.width, height: 1)
      canvas.fill(line, role: .filterChip)
      let used = canvas.put(
        " " + sanitized(input), x: line.x, y: line.y, role: .filterChip, maxWidth: line.width - 1)
      canvas.put(
        canvas.glyphs.inputCursor, x: line.x + used, y: line.y, role: .filterChip, maxWidth: 1)
      inputCursor = (line.x + used, line.y)
      inner.height -= 1
    } else if !view.chips.isEmpty {
      var spans: [Span] = [Span(" ", .text)]
      for chip in view.chips {
        spans.append(Span(" " + sanitized(chip) + " ", .filterChip))
        spans.append(Span(" ", .text))
      }
      spans.append(Span(view.countLabel, .muted))
      canvas.put(spans, x: inner.x, y: inner.y + inner.height - 1, width: inner.width)
      inner.height -= 1
    }
    guard inner.height > 0 else { return }

    let dayWidth = inner.width >= Self.gridWidth ? Self.dayWidth : Self.compactDayWidth
    let grid = gridLines(dayWidth: dayWidth, chrome: chrome)
    let (gridRect, agendaRect) = split(inner, gridLines: grid.count)
    for (row, line) in fitted(grid, rows: gridRect.height).enumerated() {
      canvas.put(line.spans, x: gridRect.x, y: gridRect.y + row, width: gridRect.width)
      for (index, day) in (line.week ?? []).enumerated() {
        guard let day, index * dayWidth < gridRect.width else { continue }
        let dayRect = Rect(
          x: gridRect.x + index * dayWidth, y: gridRect.y + row,
          width: min(dayWidth, gridRect.width - index * dayWidth), height: 1)
        canvas.mark(dayRect, as: .calendarDay(day))
        if focused, view.agendaSelection == nil, day == view.selectedDay {
          // On the day's number (its last digit): " 21·1" and compact "·21" alike.
          canvas.placeCursor(x: min(dayRect.maxX - 1, dayRect.x + 2), y: dayRect.y)
        }
      }
    }
    let lines =
      view.loading.map { loadingLines($0, width: agendaRect.width, chrome: chrome) }
      ?? agendaLines(
        width: agendaRect.width, chrome: chrome,
        rows: stopsPastTheScreen ? agendaRect.height : nil)
    let window = ScrollingList(
      lines: lines, selected: view.agendaSelection, placesCursor: focused
    ) { .event($0) }.draw(in: agendaRect, on: &canvas)
    // The span in the bottom edge, or the key that shows the agenda where it has no room; the
    // selected entry's position.
    let label =
      agendaRect.height > 0 ? UIText.agendaSpan(view.span) : UIText.agendaHidden(view.span)
    canvas.scrollMarks(
      rect, above: window.above, below: window.below, focused: focused,
      position: ScrollPosition(selected: view.agendaSelection, of: view.entryCount),
      label: chrome.text(label))
    // Typing: the cursor at the end of the input line, over the selection.
    if focused, let inputCursor { canvas.placeCursor(x: inputCursor.x, y: inputCursor.y) }
  }

  /// The grid's and the agenda's parts of the pane's inside (less its filter or input line):
  /// side by side where there is room, else the grid above.
  func split(_ inner: Rect, gridLines: Int) -> (grid: Rect, agenda: Rect) {
    let parts: [Rect]
    if inner.width >= Self.besideWidth {
      parts = Layout(.horizontal, [.length(Self.gridWidth + 1), .fill(1)]).split(inner)
    } else {
      // Above the agenda; in the agenda, only the month and the selected week stay.
      let rows = Self.gridRows(
        lines: gridLines, height: inner.height, inAgenda: view.agendaSelection != nil)
      parts = Layout(.vertical, [.length(rows), .fill(1)]).split(inner)
    }
    return (parts[0], parts[1])
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
  func gridLines(dayWidth: Int, chrome: Chrome) -> [GridLine] {
    var lines = [
      GridLine(spans: [Span(" " + view.westernMonth + " / " + view.eraMonth, .heading)])
    ]
    lines.append(
      GridLine(
        spans: view.weekdayNames.enumerated().map { index, name in
          let role: Role =
            index == 0 ? .calendarSunday : index == 6 ? .calendarSaturday : .heading
          // A compact day is 3 columns: "Sun" shortened to "Su", so the names stay apart.
          let short = displayWidth(name) < dayWidth ? name : String(name.prefix(dayWidth - 1))
          let text =
            dayWidth == Self.dayWidth
            ? padded(" " + name, toWidth: dayWidth)
            : padded(short, toWidth: dayWidth, alignment: .trailing)
          return Span(text, role)
        }))
    let dot = chrome.glyphs.countMark
    for week in view.weeks {
      var spans: [Span] = []
      for (index, day) in week.enumerated() {
        guard let day else {
          spans.append(Span(String(repeating: " ", count: dayWidth), .text))
          continue
        }
        let role: Role
        if day.isSelected {
          role = focused && view.agendaSelection == nil ? .selection : .selectionInactive
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
        if dayWidth == Self.dayWidth {
          let count = day.count == 0 ? "  " : dot + (day.count > 9 ? "+" : String(day.count))
          let mark =
            day.isToday
            ? chrome.glyphs.todayMark : day.holiday != nil ? chrome.glyphs.holidayMark : " "
          spans += [Span(mark, day.isToday ? .calendarToday : .calendarHoliday), number]
          spans.append(Span(count, .muted))
        } else {
          spans += [Span(day.count == 0 ? " " : dot, .muted), number]
        }
      }
      lines.append(
        GridLine(
          spans: spans, week: week.map { $0?.date },
          isSelectedWeek: week.contains { $0?.isSelected == true }))
    }
    if view.span != .day, let holiday = view.selectedDayHoliday {
      lines.append(
        GridLine(spans: [
          Span(
            " " + UIText.dateRange(view.selectedDay, nil, language: chrome.language) + " ", .text),
          Span(holiday, .calendarHoliday),
        ]))
    }
    return lines
  }

  /// The agenda as list lines: a heading per day (with its holiday), then each entry's title,
  /// its dates when it spans days (marked when inferred), and its details.
  ///
  /// With `rows` (the list's height), the lines end once `rows` + 1 follow the selected item's
  /// (the first item's, with the day selected on the grid): the list shows the selection at
  /// the lowest, so it never reaches past them, and the one more tells it lines are hidden.
  func agendaLines(width: Int, chrome: Chrome, rows: Int? = nil) -> [ListLine] {
    var lines: [ListLine] = []
    var index = view.firstItemIndex
    let inferredMark = " " + chrome.text(UIText.inferred)
    let selected = view.agendaSelection ?? view.firstItemIndex
    var selectionEnd: Int?
    for section in view.sections {
      if let rows, let end = selectionEnd, lines.count > end + rows { break }
      var heading = [Span(" " + sanitized(section.heading), .heading)]
      if let holiday = section.holiday { heading.append(Span(" " + holiday, .calendarHoliday)) }
      if section.isToday {
        heading.append(Span(" " + chrome.text(UIText.today), .calendarToday))
      }
      lines.append(ListLine(spans: heading))
      if section.items.isEmpty {
        lines.append(ListLine(spans: [Span("  " + chrome.text(UIText.noItems), .muted)]))
      }
      for item in section.items {
        if let rows, let end = selectionEnd, lines.count > end + rows { break }
        defer { if index - 1 == selected { selectionEnd = lines.count - 1 } }
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
}

/// One event in full, scrollable: every field, its source, which values were inferred and
/// why, and the OCR corrections.
struct EventDetailWidget: Widget {
  let view: EventDetailView
  let focused: Bool

  func render(in rect: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    guard
      let inner = FullPane(
        path: [chrome.text(UIText.events), sanitized(view.title)], pane: .events,
        focused: focused, hint: chrome.text(UIText.eventDetailHint)
      ).draw(in: rect, on: &canvas)
    else { return }
    let lines = labelledLines(
      view.fields.map { ($0.label, $0.value, $0.isInferred ? Role.inferred : .text) },
      width: inner.width, ellipsis: canvas.glyphs.ellipsis)
    ScrollingText(lines: lines, scroll: view.scroll, target: .eventDetail).draw(
      in: inner, box: rect, focused: focused, on: &canvas)
  }
}
