import ShinchokuViewModel
import TerminalText

/// Where the reader is in what scrolls: the selected item of a list, or the last line shown of
/// a text, out of all of them (`12 / 200`, in the box's bottom edge).
struct ScrollPosition: Equatable {
  var current: Int
  var total: Int
  var text: String { "\(current) / \(total)" }

  /// The selected item of a list of `count` (nil: nothing is selected).
  init?(selected: Int?, of count: Int) {
    guard let selected, count > 0 else { return nil }
    current = min(selected, count - 1) + 1
    total = count
  }

  /// The last of `count` lines shown from `first` in `height` rows, where some are hidden.
  init?(first: Int, height: Int, of count: Int) {
    guard height > 0, first > 0 || first + height < count else { return nil }
    current = min(count, first + height)
    total = count
  }
}

/// Which lines of a list are on screen.
struct ListWindow {
  var first: Int
  var above: Bool
  var below: Bool
}

/// A list of lines scrolled so the selected item (with the heading lines before it) is in
/// view; its items are recorded as click targets.
struct ScrollingList {
  var lines: [ListLine]
  var selected: Int?
  /// Whether the selection is where the cursor goes (the focused list).
  var placesCursor = true
  var target: (Int) -> ClickTarget

  /// Draws the list in `rect`; returns which lines show.
  func draw(in rect: Rect, on canvas: inout Canvas) -> ListWindow {
    guard rect.height > 0, rect.width > 0 else {
      return ListWindow(first: 0, above: false, below: false)
    }
    var offset = 0
    if let selected, let first = lines.firstIndex(where: { $0.item == selected }),
      let last = lines.lastIndex(where: { $0.item == selected })
    {
      var top = first
      while top > 0, lines[top - 1].item == nil { top -= 1 }
      if last - offset >= rect.height { offset = last - rect.height + 1 }
      // The item with its heading where both fit; else the item from its first line.
      if top < offset || last - top >= rect.height {
        offset = last - top < rect.height ? top : first
      }
    }
    var cursorPlaced = false
    for row in 0..<rect.height where offset + row < lines.count {
      let line = lines[offset + row]
      canvas.put(line.spans, x: rect.x, y: rect.y + row, width: rect.width)
      if placesCursor, !cursorPlaced, let selected, line.item == selected {
        // At the item's text, past the gutter.
        canvas.placeCursor(x: rect.x + min(1, rect.width - 1), y: rect.y + row)
        cursorPlaced = true
      }
      if let item = line.item {
        canvas.mark(
          Rect(x: rect.x, y: rect.y + row, width: rect.width, height: 1), as: target(item))
      }
    }
    return ListWindow(first: offset, above: offset > 0, below: offset + rect.height < lines.count)
  }
}

/// A pane's list in its box: a "none" line when it is empty, ▲ / ▼ where lines are hidden, and
/// the selected item's position in the bottom edge.
struct PaneList {
  var lines: [ListLine]
  var selected: Int?
  var focused: Bool
  var target: (Int) -> ClickTarget

  func draw(in rect: Rect, box: Rect, on canvas: inout Canvas) {
    let lines =
      lines.isEmpty
      ? [ListLine(spans: [Span(" " + canvas.chrome.text(UIText.noItems), .muted)])] : lines
    let window = ScrollingList(
      lines: lines, selected: selected, placesCursor: focused, target: target
    ).draw(in: rect, on: &canvas)
    // Every item of a pane's list is among its lines, numbered from 0.
    let count = (self.lines.compactMap(\.item).max() ?? -1) + 1
    canvas.scrollMarks(
      box, above: window.above, below: window.below, focused: focused,
      position: ScrollPosition(selected: selected, of: count))
  }
}

/// A pane that takes the whole body (a drill-down, a detail, a comment being read): its box
/// with the path as title, its click target, and a hint on its last row.
struct FullPane {
  var path: [String]
  var pane: Pane
  var focused: Bool
  var hint: String

  /// Draws the frame; returns the rows above the hint, or nil if none fit.
  func draw(in rect: Rect, on canvas: inout Canvas) -> Rect? {
    canvas.box(rect, title: path.joined(separator: canvas.chrome.pathSeparator), focused: focused)
    canvas.mark(rect, as: .pane(pane))
    let inner = rect.inside
    guard inner.width > 4, inner.height > 1 else { return nil }
    canvas.put(" " + hint, x: inner.x, y: inner.maxY - 1, role: .muted, maxWidth: inner.width)
    return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
  }
}

/// Lines that scroll as a whole (a detail or a reading view): from `scroll`, as many as fit,
/// with ▲ / ▼ in the box's edges where lines are hidden and the last line shown out of all
/// (`12 / 40`). Every line can be reached.
struct ScrollingText {
  var lines: [[Span]]
  var scroll: Int
  /// The state's offset this view shows (reported in the frame, to be settled on).
  var target: ScrollTarget?

  /// The first line shown for a scroll position and a height.
  static func first(_ scroll: Int, lines: Int, height: Int) -> Int {
    max(0, min(scroll, lines - height))
  }

  func draw(in rect: Rect, box: Rect, focused: Bool, on canvas: inout Canvas) {
    let first = Self.first(scroll, lines: lines.count, height: rect.height)
    canvas.shown(target, first: first)
    for (row, spans) in lines.dropFirst(first).prefix(rect.height).enumerated() {
      canvas.put(spans, x: rect.x, y: rect.y + row, width: rect.width)
    }
    // The line being read: the first one shown.
    if focused { canvas.placeCursor(x: rect.x + min(1, rect.width - 1), y: rect.y) }
    canvas.scrollMarks(
      box, above: first > 0, below: first + rect.height < lines.count, focused: focused,
      position: ScrollPosition(first: first, height: rect.height, of: lines.count))
  }
}

/// Label and value lines, the value wrapped beside its label.
func labelledLines(
  _ fields: [(label: String, value: String, role: Role)], width: Int, ellipsis: String
) -> [[Span]] {
  let labelWidth = min(max(4, width / 3), fields.map { displayWidth($0.label) }.max() ?? 4)
  var lines: [[Span]] = []
  for field in fields {
    let body = wrapped(sanitized(capped(field.value)), width: max(1, width - labelWidth - 4))
    for (index, line) in body.enumerated() {
      let label =
        index == 0
        ? padded(field.label, toWidth: labelWidth, ellipsis: ellipsis)
        : String(repeating: " ", count: labelWidth)
      lines.append([Span(" " + label + "  ", .muted), Span(line.text, field.role)])
    }
  }
  return lines
}
