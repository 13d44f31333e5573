import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// The matrix pane drilled down: the programmes behind a cell.
struct ProgrammeListWidget: Widget {
  let view: ProgrammeListView
  let focused: Bool

  func render(in rect: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    let ellipsis = canvas.glyphs.ellipsis
    guard
      var inner = FullPane(
        path: [chrome.text(UIText.matrix), view.heading], pane: .matrix, focused: focused,
        hint: chrome.text(UIText.drillHint)
      ).draw(in: rect, on: &canvas)
    else { return }
    var inputCursor: (x: Int, y: Int)?
    if let searchLine = view.searchLine, inner.height > 1 {
      // The search at the foot, above the hint, as the comments pane has it.
      inner.height -= 1
      let typing = view.typedEnd != nil
      let used = canvas.put(
        " " + searchLine, x: inner.x, y: inner.maxY, role: typing ? .filterChip : .muted,
        maxWidth: inner.width)
      if let typed = view.typedEnd { inputCursor = (inner.x + min(used, 1 + typed), inner.maxY) }
    }
    let idWidth = min(12, view.rows.map { displayWidth($0.id) }.max() ?? 2)
    let statusWidth = view.rows.map { displayWidth($0.statusSymbol + $0.statusName) }.max() ?? 2
    let sectionWidth = min(18, max(4, view.rows.map { displayWidth($0.section) }.max() ?? 4))
    let titleWidth = max(4, inner.width - 2 - idWidth - 2 - 2 - sectionWidth - 2 - statusWidth - 1)
    let lines = view.rows.enumerated().map { index, row in
      let role: Role = row.isSelected ? (focused ? .selection : .selectionInactive) : .text
      return ListLine(
        spans: [
          Span(" ", .text),
          Span(
            padded(sanitized(row.id), toWidth: idWidth, ellipsis: ellipsis) + "  "
              + padded(sanitized(row.title), toWidth: titleWidth, ellipsis: ellipsis), role),
          Span(
            "  " + padded(sanitized(row.section), toWidth: sectionWidth, ellipsis: ellipsis)
              + "  ", .muted),
          Span(
            padded(row.statusSymbol + row.statusName, toWidth: statusWidth, ellipsis: ellipsis),
            canvas.statusRole(row.statusID, index: row.statusIndex)),
        ], item: index)
    }
    PaneList(lines: lines, selected: view.rows.isEmpty ? nil : view.selection, focused: focused) {
      .programme($0)
    }.draw(in: inner, box: rect, on: &canvas)
    if let inputCursor { canvas.placeCursor(x: inputCursor.x, y: inputCursor.y) }
  }
}

/// One programme in full, scrollable: every field, its status in each snapshot, and the
/// changes recorded for it.
struct ProgrammeDetailWidget: Widget {
  let view: ProgrammeDetailView
  let focused: Bool

  func render(in rect: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    guard
      let inner = FullPane(
        path: [chrome.text(UIText.matrix), view.title], pane: .matrix, focused: focused,
        hint: chrome.text(UIText.detailHint)
      ).draw(in: rect, on: &canvas)
    else { return }
    var lines = labelledLines(
      view.fields.map { ($0.label, $0.value, Role.text) }, width: inner.width,
      ellipsis: canvas.glyphs.ellipsis)
    lines.append([])
    lines.append([Span(" " + chrome.text(UIText.history), .muted)])
    // One snapshot a line: every one can be reached by scrolling, however narrow the pane.
    for entry in view.history {
      lines.append([
        Span("  " + entry.date.iso + " ", entry.isCurrent ? .heading : .muted),
        Span(
          entry.symbol,
          entry.statusID.map { canvas.statusRole($0, index: entry.statusIndex) } ?? .unknown),
        Span(entry.isCurrent ? " " + chrome.text(UIText.currentMark) : "", .muted),
      ])
    }
    if !view.changes.isEmpty {
      lines.append([])
      lines.append([Span(" " + chrome.text(UIText.recordedChanges), .muted)])
      for change in view.changes {
        for line in wrapped(sanitized(change), width: max(1, inner.width - 3)) {
          lines.append([Span("  " + line.text, .text)])
        }
      }
    }
    ScrollingText(lines: lines, scroll: view.scroll, target: .programmeDetail).draw(
      in: inner, box: rect, focused: focused, on: &canvas)
  }
}
