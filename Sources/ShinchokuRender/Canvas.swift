import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// A run of text in one role: the unit widgets lay out.
public struct Span: Sendable, Equatable {
  public var text: String
  public var role: Role
  public init(_ text: String, _ role: Role) {
    self.text = text
    self.role = role
  }
}

/// One line of a scrolling list, and the list item it belongs to (nil for headings).
struct ListLine {
  var spans: [Span]
  var item: Int?
}

/// A part of the screen that draws its view into the rectangle the layout gives it, as
/// ratatui's `Widget::render(area, buf)` does. A widget holds its view (and whether its pane is
/// focused); it never sees `AppState`.
protocol Widget {
  func render(in area: Rect, on canvas: inout Canvas)
}

/// A frame being drawn, with the theme's styles and the chrome's glyphs and words: what every
/// widget draws with. Text that does not fit its room is cut with the chrome's ellipsis; a
/// write outside the area of the widget being drawn is clipped and recorded as a fault.
struct Canvas {
  private(set) var frame: Frame
  let theme: Theme
  let chrome: Chrome
  /// The area of the part being drawn.
  private(set) var area: Rect
  /// The tone of each status of the plan being drawn (its grade scale), by status id.
  var statusTones: [String: StatusTone] = [:]

  /// Where the panes' last drawings are kept, if anywhere (`drawKept`).
  var memo: WidgetMemo?

  init(width: Int, height: Int, theme: Theme, chrome: Chrome) {
    frame = Frame(width: width, height: height, fill: theme.style(.text))
    self.theme = theme
    self.chrome = chrome
    area = Rect(x: 0, y: 0, width: frame.width, height: frame.height)
  }

  var glyphs: Glyphs { chrome.glyphs }

  /// Draws `widget` in `rect`: its writes are kept to `rect`.
  mutating func draw(_ widget: some Widget, in rect: Rect) {
    let outer = area
    area = rect
    widget.render(in: rect, on: &self)
    area = outer
  }

  /// Writes `text` at (x, y) in at most `maxWidth` columns, cut with an ellipsis when it is
  /// longer; returns the columns written. Spaces at its end that go past the room are
  /// invisible (a wrapped line keeps the space it broke at): they are dropped, not cut.
  @discardableResult
  mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int) -> Int {
    guard maxWidth > 0 else { return 0 }
    var text = text
    while text.last == " ", displayWidth(text) > maxWidth { text.removeLast() }
    let fitted = truncated(text, toWidth: maxWidth, ellipsis: glyphs.ellipsis)
    return write(fitted, x: x, y: y, role: role, maxWidth: maxWidth)
  }

  /// Writes the last line shown of text that goes on past it: it ends with the ellipsis.
  @discardableResult
  mutating func putContinued(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int) -> Int {
    let ellipsis = glyphs.ellipsis
    let room = maxWidth - displayWidth(ellipsis)
    guard room >= 0 else { return 0 }
    var kept = truncated(text, toWidth: room, ellipsis: "")
    while kept.last == " " { kept.removeLast() }
    return put(kept + ellipsis, x: x, y: y, role: role, maxWidth: maxWidth)
  }

  /// Writes a pattern that is meant to be cut where its room ends (a border, a bar, a rule).
  @discardableResult
  mutating func pattern(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int) -> Int {
    guard maxWidth > 0 else { return 0 }
    return write(text, x: x, y: y, role: role, maxWidth: maxWidth, cuttable: true)
  }

  /// Writes spans left to right within `width` columns, the last one that fits cut with an
  /// ellipsis when they are longer; returns the columns used.
  @discardableResult
  mutating func put(_ spans: [Span], x: Int, y: Int, width: Int) -> Int {
    guard width > 0 else { return 0 }
    var spans = spans
    var total = spans.reduce(0) { $0 + displayWidth($1.text) }
    // Spaces at the end past the room are invisible (see `put(_:x:y:role:maxWidth:)`).
    while total > width, let last = spans.indices.last, spans[last].text.last == " " {
      spans[last].text.removeLast()
      total -= 1
      if spans[last].text.isEmpty { spans.removeLast() }
    }
    guard total > width else {
      var used = 0
      for span in spans {
        used += write(span.text, x: x + used, y: y, role: span.role, maxWidth: width - used)
      }
      return used
    }
    // Too long: keep whole spans while they fit before the ellipsis, cut the next one.
    let room = width - displayWidth(glyphs.ellipsis)
    var used = 0
    for span in spans {
      let spanWidth = displayWidth(span.text)
      if used + spanWidth <= room {
        used += write(span.text, x: x + used, y: y, role: span.role, maxWidth: width - used)
        continue
      }
      let cut = truncated(span.text, toWidth: width - used, ellipsis: glyphs.ellipsis)
      used += write(cut, x: x + used, y: y, role: span.role, maxWidth: width - used)
      break
    }
    return used
  }

  /// Writes text that already fits, clipped to the widget's area (a fault if it had to be).
  private mutating func write(
    _ text: String, x: Int, y: Int, role: Role, maxWidth: Int, cuttable: Bool = false
  ) -> Int {
    let width = displayWidth(text)
    if !cuttable, width > maxWidth {
      frame.faults.append(DrawingFault(kind: .cutWithoutEllipsis, x: x, y: y, detail: text))
    }
    let wanted = Rect(x: x, y: y, width: min(width, maxWidth), height: 1)
    if !area.contains(wanted) {
      frame.faults.append(
        DrawingFault(kind: .outsideArea, x: x, y: y, detail: "\(wanted) in \(area): \(text)"))
      guard y >= area.y, y < area.maxY, x < area.maxX else { return 0 }
      let start = max(x, area.x)
      let limit = min(x + maxWidth, area.maxX) - start
      guard limit > 0 else { return 0 }
      // Skip the columns left of the area.
      var skipped = 0
      var rest = Substring(text)
      while skipped < start - x, let first = rest.first {
        skipped += displayWidth(String(first))
        rest = rest.dropFirst()
      }
      let written = frame.put(
        String(rest), x: x + skipped, y: y, style: theme.style(role),
        maxWidth: min(x + maxWidth, area.maxX) - (x + skipped))
      return skipped + written
    }
    return frame.put(text, x: x, y: y, style: theme.style(role), maxWidth: maxWidth)
  }

  mutating func fill(_ rect: Rect, role: Role) {
    let clipped = clip(rect)
    frame.fill(
      x: clipped.x, y: clipped.y, width: clipped.width, height: clipped.height,
      style: theme.style(role))
  }

  mutating func fill(_ rect: Rect, style: Style) {
    let clipped = clip(rect)
    frame.fill(
      x: clipped.x, y: clipped.y, width: clipped.width, height: clipped.height, style: style)
  }

  /// Records that `target` is drawn in `rect` (for the mouse, and for the cursor).
  mutating func mark(_ rect: Rect, as target: ClickTarget) {
    let clipped = clip(rect)
    frame.mark(
      x: clipped.x, y: clipped.y, width: clipped.width, height: clipped.height, as: target)
  }

  /// Records the first line a scrolling view showed (see `Frame.scrolls`).
  mutating func shown(_ target: ScrollTarget?, first: Int) {
    if let target { frame.scrolls[target] = first }
  }

  /// Puts the terminal's cursor at (x, y), the selection of the widget being drawn; a later
  /// widget (an overlay, an input line) that places it wins.
  mutating func placeCursor(x: Int, y: Int) {
    guard area.contains(x: x, y: y) else { return }
    frame.cursor = CursorPosition(x: x, y: y)
  }

  /// `rect` cut to the widget's area; a fault if it had to be.
  private mutating func clip(_ rect: Rect) -> Rect {
    guard !area.contains(rect) else { return rect }
    frame.faults.append(
      DrawingFault(kind: .outsideArea, x: rect.x, y: rect.y, detail: "\(rect) in \(area)"))
    return rect.intersection(area)
  }

  /// A one-cell border with a title in its top edge (cut with an ellipsis where it is long).
  mutating func box(_ rect: Rect, title: String, focused: Bool, role: Role? = nil) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let border = role ?? (focused ? .borderFocused : .border)
    // Each border glyph laid out once and its cells set straight into the frame where the box
    // is inside the area and the frame and every glyph is one cell of width 1 (as with every
    // bundled chrome); else each edge is written as any pattern is, faults and all.
    let parts = [
      glyphs.topLeft, glyphs.horizontal, glyphs.topRight, glyphs.vertical, glyphs.bottomLeft,
      glyphs.bottomRight,
    ]
    let cells = parts.map { terminalCells($0) }
    let direct =
      zip(parts, cells).allSatisfy { part, cells in
        cells.count == 1 && cells[0].width == 1 && displayWidth(part) == 1
      } && area.contains(rect)
      && Rect(x: 0, y: 0, width: frame.width, height: frame.height).contains(rect)
    if direct {
      let style = theme.style(border)
      let (topLeft, horizontal, topRight) = (cells[0][0], cells[1][0], cells[2][0])
      let (vertical, bottomLeft, bottomRight) = (cells[3][0], cells[4][0], cells[5][0])
      for (y, left, right) in [
        (rect.y, topLeft, topRight), (rect.maxY - 1, bottomLeft, bottomRight),
      ] {
        frame.put(narrow: left, x: rect.x, y: y, style: style)
        for x in (rect.x + 1)..<(rect.maxX - 1) {
          frame.put(narrow: horizontal, x: x, y: y, style: style)
        }
        frame.put(narrow: right, x: rect.maxX - 1, y: y, style: style)
      }
      for y in (rect.y + 1)..<(rect.maxY - 1) {
        frame.put(narrow: vertical, x: rect.x, y: y, style: style)
        frame.put(narrow: vertical, x: rect.maxX - 1, y: y, style: style)
      }
    } else {
      let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
      pattern(
        glyphs.topLeft + horizontal + glyphs.topRight, x: rect.x, y: rect.y, role: border,
        maxWidth: rect.width)
      for row in 1..<(rect.height - 1) {
        pattern(glyphs.vertical, x: rect.x, y: rect.y + row, role: border, maxWidth: 1)
        pattern(glyphs.vertical, x: rect.maxX - 1, y: rect.y + row, role: border, maxWidth: 1)
      }
      pattern(
        glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: rect.x, y: rect.maxY - 1,
        role: border, maxWidth: rect.width)
    }
    // The title ends before the scroll mark's place (3 columns from the right) but for its
    // trailing space; one cut short ends with the ellipsis there.
    if !title.isEmpty, rect.width > 8 {
      let role: Role = focused ? .borderFocused : .title
      let text = " \(title) "
      if displayWidth(text) <= rect.width - 4 {
        put(text, x: rect.x + 2, y: rect.y, role: role, maxWidth: rect.width - 4)
      } else {
        let used = put(" \(title)", x: rect.x + 2, y: rect.y, role: role, maxWidth: rect.width - 6)
        put(" ", x: rect.x + 2 + used, y: rect.y, role: role, maxWidth: 1)
      }
    }
  }

  /// ▲ / ▼ in a box's top and bottom edges where lines are hidden above or below.
  /// In the bottom edge, the position in what scrolls (`12 / 200`) just left of ▼'s place, and
  /// `label` after the corner (the state the pane is in, or the key that shows what it left
  /// out); each is left out where it does not fit whole, the label first.
  mutating func scrollMarks(
    _ box: Rect, above: Bool, below: Bool, focused: Bool, position: ScrollPosition? = nil,
    label: String? = nil
  ) {
    let role: Role = focused ? .borderFocused : .border
    guard box.width >= 4 else { return }
    if above { put(glyphs.moreAbove, x: box.maxX - 3, y: box.y, role: role, maxWidth: 1) }
    if below { put(glyphs.moreBelow, x: box.maxX - 3, y: box.maxY - 1, role: role, maxWidth: 1) }
    guard box.height >= 2 else { return }
    // The room between the corner and the mark's place: "└─" … "▼─┘".
    var end = box.maxX - 3
    if let position {
      let text = " \(position.text) "
      let width = displayWidth(text)
      if box.x + 2 + width <= end {
        put(text, x: end - width, y: box.maxY - 1, role: role, maxWidth: width)
        end -= width + 1
      }
    }
    if let label {
      let text = " \(label) "
      let width = displayWidth(text)
      if box.x + 2 + width <= end {
        put(
          text, x: box.x + 2, y: box.maxY - 1, role: focused ? .borderFocused : .title,
          maxWidth: width)
      }
    }
  }

  /// Writes `text` centred on row `y` of `rect` (cut to fit); returns `y`.
  @discardableResult
  mutating func centredLine(_ text: String, y: Int, in rect: Rect, role: Role) -> Int {
    guard y >= rect.y, y < rect.maxY else { return y }
    let line = truncated(text, toWidth: rect.width, ellipsis: glyphs.ellipsis)
    let x = rect.x + max(0, (rect.width - displayWidth(line)) / 2)
    put(line, x: x, y: y, role: role, maxWidth: rect.maxX - x)
    return y
  }

  /// Text wrapped to `width` and centred line by line from row `y`; returns the next free row.
  mutating func centredParagraph(
    _ text: String, y: Int, width: Int, in rect: Rect, role: Role, spacing: Int = 1
  ) -> Int {
    var row = y
    for line in wrapped(text, width: max(1, min(width, rect.width))) {
      guard row < rect.maxY else { break }
      centredLine(line.text, y: row, in: rect, role: role)
      row += spacing
    }
    return row
  }

  /// The finished frame.
  func finish() -> Frame { frame }
}

extension Canvas {
  /// Draws `widget` in `rect` as `draw` does, or copies its last drawing when nothing it is
  /// drawn from has changed (WidgetMemo). For a pane drawn on a part of the frame that nothing
  /// else has drawn on before it.
  mutating func drawKept<W: Widget & Equatable & Sendable>(_ widget: W, in rect: Rect) {
    guard let memo else { return draw(widget, in: rect) }
    if let kept = memo.drawing(
      of: widget, rect: rect, theme: theme, chrome: chrome, statusTones: statusTones)
    {
      replay(kept)
      return
    }
    let (cursor, scrolls) = (frame.cursor, frame.scrolls)
    let (regions, faults) = (frame.hitRegions.count, frame.faults.count)
    // Inside the frame: what the drawing can have changed.
    let drawn = rect.intersection(Rect(x: 0, y: 0, width: frame.width, height: frame.height))
    frame.cursor = nil
    frame.scrolls = [:]
    draw(widget, in: rect)
    let drawing = WidgetMemo.Drawing(
      widget: widget, rect: rect, drawn: drawn, theme: theme, chrome: chrome,
      statusTones: statusTones,
      cells: frame.cells(in: drawn), hitRegions: Array(frame.hitRegions[regions...]),
      faults: Array(frame.faults[faults...]), cursor: frame.cursor, scrolls: frame.scrolls)
    memo.keep(drawing, of: W.self)
    frame.cursor = frame.cursor ?? cursor
    frame.scrolls = scrolls.merging(drawing.scrolls) { $1 }
  }

  private mutating func replay(_ drawing: WidgetMemo.Drawing) {
    frame.setCells(drawing.cells, in: drawing.drawn)
    frame.hitRegions += drawing.hitRegions
    frame.faults += drawing.faults
    if let cursor = drawing.cursor { frame.cursor = cursor }
    frame.scrolls.merge(drawing.scrolls) { $1 }
  }
}
