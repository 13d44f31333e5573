import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// A chart in a box: a row per label, one stacked bar per column, each bar's segments drawn
/// with their own pattern (so they read without colour) in their own colour, the part known
/// to exist but not split drawn with the unknown mark; the figures after each bar; the legend
/// and the notes below, wrapped. A chart taller than its box scrolls under its headings, with
/// ▲ / ▼ and the position in the box's edges, so every line can be reached.
struct ChartWidget: Widget {
  let view: ChartView
  let focused: Bool
  var pane: Pane = .matrix

  func render(in rect: Rect, on canvas: inout Canvas) {
    canvas.box(rect, title: view.title, focused: focused)
    canvas.mark(rect, as: .pane(pane))
    let body = ChartBody(view: view, target: .matrixChart)
    canvas.draw(body, in: rect.inside)
    if let window = body.window(in: rect.inside, chrome: canvas.chrome) {
      canvas.scrollMarks(
        rect, above: window.first > 0, below: window.first + window.height < window.count,
        focused: focused,
        position: ScrollPosition(first: window.first, height: window.height, of: window.count))
      // A chart has no selection: the cursor rests at the first line shown, where a screen
      // reader begins.
      if focused, rect.inside.width > 1 {
        canvas.placeCursor(x: rect.inside.x + 1, y: window.y)
      }
    }
  }
}

/// A chart's bars, legend and notes, without a frame: inside the matrix pane's box, or on a
/// slide under its heading. The column headings stay on the first row; the lines under them
/// scroll from the view's `scroll`.
struct ChartBody: Widget {
  let view: ChartView
  /// The state's offset the view's scroll is (reported in the frame, to be settled on).
  var target: ScrollTarget?

  var headingRows: Int { view.headingRows }

  /// The rows it takes drawn whole, `width` columns wide.
  func naturalHeight(width: Int, chrome: Chrome) -> Int {
    headingRows + view.lines(width: width, chrome: chrome).count
  }

  /// Where the scrolling lines go in `inner`: their first row, how many fit, the first shown,
  /// and how many there are (nil when nothing fits).
  func window(in inner: Rect, chrome: Chrome) -> (y: Int, height: Int, first: Int, count: Int)? {
    guard inner.width > 2, inner.height > headingRows else { return nil }
    let count = view.lines(width: inner.width, chrome: chrome).count
    let height = inner.height - headingRows
    return (
      inner.y + headingRows, height,
      ScrollingText.first(view.scroll, lines: count, height: height), count
    )
  }

  func render(in inner: Rect, on canvas: inout Canvas) {
    guard inner.width > 2, inner.height > 0 else { return }
    let x = inner.x + 1
    let width = inner.width - 2
    let labelWidth = min(
      view.rows.map { displayWidth(sanitized($0.label)) }.max() ?? 0, max(4, width / 3))
    let columns = max(1, view.rows.map(\.bars.count).max() ?? 1)
    let cellWidth = max(1, (width - labelWidth - 1) / columns)
    if view.headingRows > 0 {
      for (index, heading) in view.columnHeadings.enumerated() {
        canvas.put(
          heading, x: x + labelWidth + 1 + index * cellWidth, y: inner.y, role: .heading,
          maxWidth: cellWidth - 1)
      }
    }
    guard let window = window(in: inner, chrome: canvas.chrome) else { return }
    canvas.shown(target, first: window.first)
    let figureWidth =
      view.rows.flatMap { $0.bars.map { displayWidth(sanitized($0.figure)) } }
      .max() ?? 0
    let shown = view.lines(width: inner.width, chrome: canvas.chrome)
      .dropFirst(window.first).prefix(window.height)
    for (offset, line) in shown.enumerated() {
      let y = window.y + offset
      switch line {
      case .text(let text):
        canvas.put(text, x: x, y: y, role: .muted, maxWidth: width)
      case .bars(let index):
        let row = view.rows[index]
        canvas.put(sanitized(row.label), x: x, y: y, role: .text, maxWidth: labelWidth)
        for (index, bar) in row.bars.enumerated() {
          let cellX = x + labelWidth + 1 + index * cellWidth
          // The figures keep their room; the bar takes what is left (at most 40 columns).
          let figureRoom = min(figureWidth, max(0, cellWidth - 4))
          let barWidth = min(40, max(0, cellWidth - figureRoom - 2))
          drawBar(bar, x: cellX, y: y, width: barWidth, on: &canvas)
          canvas.put(
            sanitized(bar.figure), x: cellX + barWidth + 1, y: y, role: .text,
            maxWidth: max(0, cellWidth - barWidth - 1 - (index + 1 < columns ? 1 : 0)))
        }
      }
    }
  }

  func role(_ index: Int, _ canvas: Canvas) -> Role {
    let segment = view.segments[index % max(1, view.segments.count)]
    if segment.id == "revenue" { return .statusOnSchedule }
    if segment.id == "spending" { return .statusAhead }
    return statusRole(
      segment.id, index: index, tones: segment.tone.map { [segment.id: $0] } ?? canvas.statusTones)
  }

  func drawBar(_ bar: ChartBar, x: Int, y: Int, width: Int, on canvas: inout Canvas) {
    guard width > 0, bar.scale > 0 else { return }
    let known = bar.parts.map { $0 ?? 0 }
    let rest = max(0, bar.scale - known.reduce(0, +) - bar.unknown)
    let lengths = proportionalLengths(known + [bar.unknown, rest], total: width)
    var column = x
    let patterns = canvas.glyphs.barPatterns
    for (index, length) in lengths.dropLast().enumerated() where length > 0 {
      let isUnknown = index == known.count
      let pattern = isUnknown ? canvas.glyphs.unknown : patterns[index % patterns.count]
      canvas.pattern(
        String(repeating: pattern, count: length), x: column, y: y,
        role: isUnknown ? .unknown : role(index, canvas), maxWidth: length)
      column += length
    }
  }
}
