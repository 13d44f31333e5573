import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// The matrix pane drilled down: the programmes behind a cell, or one programme's detail.
extension Painter {
  mutating func drawProgrammeList(_ view: ProgrammeListView, in rect: Rect, state: AppState) {
    let focused = state.focus == .matrix
    guard
      let listRect = fullPane(
        rect,
        path: [UIText.matrix.text(state.language), view.heading], pane: .matrix,
        focused: focused,
        hint: UIText.drillHint.text(state.language))
    else { return }
    let inner = listRect
    let idWidth = min(12, view.rows.map { displayWidth($0.id) }.max() ?? 2)
    let statusWidth = view.rows.map { displayWidth($0.statusSymbol + $0.statusName) }.max() ?? 2
    let sectionWidth = min(18, max(4, view.rows.map { displayWidth($0.section) }.max() ?? 4))
    let titleWidth = max(4, inner.width - 2 - idWidth - 2 - 2 - sectionWidth - 2 - statusWidth - 1)
    var lines: [ListLine] = []
    for (index, row) in view.rows.enumerated() {
      let role: Role = row.isSelected ? (focused ? .selection : .selectionInactive) : .text
      let statusIndex = state.dataset.statuses.firstIndex { $0.id == row.statusID } ?? 0
      lines.append(
        ListLine(
          spans: [
            Span(" ", .text),
            Span(
              padded(sanitized(row.id), toWidth: idWidth, ellipsis: glyphs.ellipsis) + "  "
                + padded(sanitized(row.title), toWidth: titleWidth, ellipsis: glyphs.ellipsis), role
            ),
            Span(
              "  "
                + padded(sanitized(row.section), toWidth: sectionWidth, ellipsis: glyphs.ellipsis)
                + "  ", .muted),
            Span(
              padded(
                row.statusSymbol + row.statusName, toWidth: statusWidth, ellipsis: glyphs.ellipsis),
              MatrixPane.role(forStatus: row.statusID, index: statusIndex)),
          ], item: index))
    }
    drawItems(
      lines, selected: view.rows.isEmpty ? nil : view.selection, in: listRect, box: rect,
      focused: focused,
      language: state.language
    ) { .programme($0) }
  }

  mutating func drawProgrammeDetail(_ view: ProgrammeDetailView, in rect: Rect, state: AppState) {
    guard
      let inner = fullPane(
        rect,
        path: [UIText.matrix.text(state.language), view.title],
        pane: .matrix, focused: state.focus == .matrix, hint: UIText.detailHint.text(state.language)
      )
    else { return }
    let labelWidth = view.fields.map { displayWidth($0.label) }.max() ?? 4
    var lines: [[Span]] = []
    for field in view.fields {
      let body = wrapped(
        sanitized(capped(field.value)), width: max(1, inner.width - labelWidth - 4))
      for (index, line) in body.enumerated() {
        let label =
          index == 0
          ? padded(field.label, toWidth: labelWidth, ellipsis: glyphs.ellipsis)
          : String(repeating: " ", count: labelWidth)
        lines.append([Span(" " + label + "  ", .muted), Span(line.text, .text)])
      }
    }
    lines.append([])
    var history: [Span] = [Span(" " + UIText.history.text(state.language) + "  ", .muted)]
    for entry in view.history {
      let index = state.dataset.statuses.firstIndex { $0.id == entry.statusID } ?? 0
      history.append(Span(entry.date.iso + " ", entry.isCurrent ? .heading : .muted))
      history.append(
        Span(
          entry.symbol,
          entry.statusID.map { MatrixPane.role(forStatus: $0, index: index) } ?? .unknown))
      history.append(Span("  ", .text))
    }
    lines.append(history)
    if !view.changes.isEmpty {
      lines.append([])
      lines.append([Span(" " + UIText.recordedChanges.text(state.language), .muted)])
      for change in view.changes { lines.append([Span("  " + sanitized(change), .text)]) }
    }
    for (row, spans) in lines.prefix(inner.height).enumerated() {
      put(spans, x: inner.x, y: inner.y + row, width: inner.width)
    }
  }
}
