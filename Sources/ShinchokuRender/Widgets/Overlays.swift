import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// A box in the middle of its area with rows of spans and a footer line. Rows that do not fit
/// are left out, and the box marks ▲/▼ where they are; `scroll` says which come first.
struct OverlayWidget: Widget {
  let title: String
  let rows: [[Span]]
  let footer: String
  /// The row the cursor rests on (the chosen option of a dialog; else the first).
  var cursorRow = 0
  /// The first row shown, for a box that scrolls (help); kept to the last screenful.
  var scroll = 0
  /// The state's offset `scroll` is (reported in the frame, to be settled on).
  var scrollTarget: ScrollTarget?

  func render(in area: Rect, on canvas: inout Canvas) {
    let rowWidths = rows.map { $0.reduce(0) { $0 + displayWidth($1.text) } }
    let contentWidth = max(rowWidths.max() ?? 0, displayWidth(footer), displayWidth(title) + 4)
    let box = area.centred(width: min(area.width - 2, contentWidth + 4), height: rows.count + 4)
    guard box.width >= 8, box.height >= 4 else { return }
    canvas.fill(box, role: .overlay)
    canvas.box(box, title: title, focused: true, role: .overlayBorder)
    let inner = box.inside
    let room = max(0, inner.height - 2)
    let first = max(0, min(scroll, rows.count - room))
    canvas.shown(scrollTarget, first: first)
    for (row, spans) in rows.dropFirst(first).prefix(room).enumerated() {
      canvas.put([Span(" ", .overlay)] + spans, x: inner.x, y: inner.y + row, width: inner.width)
    }
    if room > 0 {
      canvas.placeCursor(
        x: inner.x + min(1, inner.width - 1), y: inner.y + min(max(0, cursorRow), room - 1))
    }
    canvas.put(
      " " + footer, x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
    canvas.scrollMarks(
      box, above: first > 0, below: first + room < rows.count, focused: true,
      position: ScrollPosition(first: first, height: room, of: rows.count))
  }
}

/// Help: the keys in one column, or two (with the short meanings where the full ones would
/// not fit side by side) when the screen is short; one column of short meanings, scrolled, when
/// two do not fit.
struct HelpWidget: Widget {
  let view: HelpView

  func render(in area: Rect, on canvas: inout Canvas) {
    func rows(_ rows: ArraySlice<HelpView.Row>, short: Bool = false) -> [[Span]] {
      let keyWidth = rows.map { displayWidth($0.keys) }.max() ?? 0
      return rows.map { row in
        [
          Span(padded(row.keys, toWidth: keyWidth, ellipsis: canvas.glyphs.ellipsis), .keyHint),
          Span("  " + (short ? row.shortMeaning : row.meaning), .overlay),
        ]
      }
    }
    var lines = rows(view.rows[...])
    if lines.count + 4 > area.height - 2 {
      let half = (view.rows.count + 1) / 2
      let width = { (row: [Span]) in row.reduce(0) { $0 + displayWidth($1.text) } }
      func twoColumns(short: Bool) -> [[Span]] {
        let left = rows(view.rows.prefix(half), short: short)
        let right = rows(view.rows.dropFirst(half), short: short)
        let leftWidth = left.map(width).max() ?? 0
        return left.enumerated().map { index, row in
          guard index < right.count else { return row }
          let gap = String(repeating: " ", count: leftWidth - width(row) + 2)
          return row + [Span(gap, .overlay)] + right[index]
        }
      }
      lines = twoColumns(short: false)
      if (lines.map(width).max() ?? 0) + 6 > area.width { lines = twoColumns(short: true) }
      // Two columns that still do not fit side by side: one column of short meanings, which
      // scrolls (a column cut at the border would drop its keys).
      if (lines.map(width).max() ?? 0) + 6 > area.width {
        lines = rows(view.rows[...], short: true)
      }
    }
    canvas.draw(
      OverlayWidget(
        title: view.title, rows: lines, footer: view.footer, scroll: view.scroll,
        scrollTarget: .overlay),
      in: area)
  }
}

/// The load warnings, each wrapped to the box; they scroll as help does.
struct WarningsWidget: Widget {
  let view: WarningsView

  func render(in area: Rect, on canvas: inout Canvas) {
    var rows = view.rows(screenWidth: area.width).map { [Span($0, .overlay)] }
    if rows.isEmpty { rows = [[Span(view.emptyText, .muted)]] }
    canvas.draw(
      OverlayWidget(
        title: view.title, rows: rows, footer: view.footer, scroll: view.scroll,
        scrollTarget: .overlay),
      in: area)
  }
}

/// The status-change box over a programme's detail: the statuses to choose from, then the
/// question that confirms the change.
struct StatusEditWidget: Widget {
  let view: StatusEditView

  func render(in area: Rect, on canvas: inout Canvas) {
    var rows: [[Span]] = view.options.enumerated().map { index, option in
      let current = option.isCurrent ? " " + canvas.chrome.text(UIText.currentMark) : ""
      return [
        Span(option.isChosen ? "> " : "  ", .keyHint),
        Span(
          option.symbol + " " + option.name + current,
          option.isChosen ? .selection : canvas.statusRole(option.statusID, index: index)),
      ]
    }
    if let question = view.question {
      rows += [[], [Span(question, .warning)]]
    }
    let chosen =
      view.question == nil ? view.options.firstIndex { $0.isChosen } ?? 0 : rows.count - 1
    canvas.draw(
      OverlayWidget(
        title: view.title, rows: rows, footer: UIText.statusEditHint(canvas.chrome),
        cursorRow: chosen),
      in: area)
  }
}

/// The role a status is drawn in: by the tone its plan's scale gives it (ahead, on schedule,
/// behind and their kin), else by the three known ids, else by its place in the scale.
func statusRole(_ id: String, index: Int, tones: [String: StatusTone] = [:]) -> Role {
  switch tones[id] {
  case .ahead, .done: return .statusAhead
  case .onSchedule: return .statusOnSchedule
  case .behind, .stopped: return .statusBehind
  case .notStarted, .unrated: return .unknown
  case nil: break
  }
  switch id {
  case "ahead": return .statusAhead
  case "on-schedule": return .statusOnSchedule
  case "behind": return .statusBehind
  default: return [Role.statusAhead, .statusOnSchedule, .statusBehind][index % 3]
  }
}

extension Canvas {
  /// The role of a status of the plan being drawn (see `canvas.statusRole(_:index:tones:)`).
  func statusRole(_ id: String, index: Int) -> Role {
    ShinchokuRender.statusRole(id, index: index, tones: statusTones)
  }
}

/// The tones the data's grade scale gives its statuses, by id.
func statusTones(_ dataset: Dataset) -> [String: StatusTone] {
  var tones: [String: StatusTone] = [:]
  for status in dataset.statuses { tones[status.id] = status.tone }
  return tones
}
