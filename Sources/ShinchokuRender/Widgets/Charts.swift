import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// A chart in a box: a row per label, one stacked bar per column, each bar's segments drawn
/// with their own pattern (so they read without colour) in their own colour, the part known
/// to exist but not split drawn with the unknown mark; the figures after each bar; a legend
/// and the notes below, as many as fit.
struct ChartWidget: Widget {
  let view: ChartView
  let focused: Bool
  var pane: Pane = .matrix

  func render(in rect: Rect, on canvas: inout Canvas) {
    canvas.box(rect, title: view.title, focused: focused)
    canvas.mark(rect, as: .pane(pane))
    canvas.draw(ChartBody(view: view), in: rect.inside)
    // A chart has no selection: the cursor rests at its start, where a screen reader begins.
    if focused, rect.inside.width > 1, rect.inside.height > 0 {
      canvas.placeCursor(x: rect.inside.x + 1, y: rect.inside.y)
    }
  }
}

/// A chart's bars, legend and notes, without a frame: inside the matrix pane's box, or on a
/// slide under its heading.
struct ChartBody: Widget {
  let view: ChartView

  /// The rows it takes drawn whole: the headings, a row per label, the legend, the notes.
  var naturalHeight: Int {
    (view.columnHeadings.count > 1 ? 1 : 0) + view.rows.count + 1 + view.notes.count
  }

  func render(in inner: Rect, on canvas: inout Canvas) {
    guard inner.width > 2, inner.height > 0 else { return }
    var y = inner.y
    let x = inner.x + 1
    let width = inner.width - 2
    let labelWidth = min(
      view.rows.map { displayWidth(sanitized($0.label)) }.max() ?? 0, max(4, width / 3))
    let columns = max(1, view.rows.map(\.bars.count).max() ?? 1)
    let cellWidth = max(1, (width - labelWidth - 1) / columns)
    if view.columnHeadings.count > 1 {
      for (index, heading) in view.columnHeadings.enumerated() {
        canvas.put(
          heading, x: x + labelWidth + 1 + index * cellWidth, y: y, role: .heading,
          maxWidth: cellWidth - 1)
      }
      y += 1
    }
    let figureWidth =
      view.rows.flatMap { $0.bars.map { displayWidth(sanitized($0.figure)) } }
      .max() ?? 0
    for row in view.rows where y < inner.maxY {
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
      y += 1
    }
    guard y < inner.maxY else { return }
    canvas.put(legend(canvas), x: x, y: y, role: .muted, maxWidth: width)
    y += 1
    for note in view.notes where y < inner.maxY {
      canvas.put(sanitized(note), x: x, y: y, role: .muted, maxWidth: width)
      y += 1
    }
  }

  func legend(_ canvas: Canvas) -> String {
    let patterns = canvas.glyphs.barPatterns
    var items = view.segments.enumerated().map { index, segment in
      patterns[index % patterns.count] + " " + segment.symbol + segment.name
    }
    items.append(canvas.glyphs.unknown + " " + canvas.chrome.text(UIText.unknownPart))
    return items.joined(separator: "  ")
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
