import ShinchokuViewModel
import TerminalText

/// The plan's title on the left, the snapshot on the right; the title gives way first.
struct TitleBarWidget: Widget, Equatable {
  let view: TitleView

  func render(in area: Rect, on canvas: inout Canvas) {
    canvas.fill(area, role: .titleBar)
    var right = [Span(view.snapshotLabel + " ", .titleBar)]
    if view.isSynthetic {
      right.insert(Span(" " + canvas.chrome.text(UIText.synthetic) + " ", .synthetic), at: 0)
    }
    let parts = [
      BarPart([Span(" " + sanitized(view.planTitle), .titleBar)], priority: 0),
      BarPart(right, priority: 1, placement: .trailing),
    ]
    drawBar(parts, in: area, on: &canvas, gap: 1, cutFirst: true)
  }
}

/// The key bar: the keys of the focused pane and the global ones, whole hints only, the least
/// important giving way first; the count of load warnings at the right.
struct KeyBarWidget: Widget, Equatable {
  let view: KeyBarView

  func render(in area: Rect, on canvas: inout Canvas) {
    canvas.fill(area, role: .statusBar)
    let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: area.height)
    drawBar(Self.parts(view), in: inner, on: &canvas, gap: 2)
  }

  /// The bar's parts: one per hint, then the warnings at the right. Categories drop from the
  /// end: each later one a little less important.
  static func parts(_ view: KeyBarView) -> [BarPart] {
    var parts: [BarPart] = []
    let categories = view.hints.filter { $0.importance == .category }.count
    var categoryIndex = 0
    for hint in view.hints {
      var priority = hint.importance.rawValue * 100
      if hint.importance == .category {
        priority += categories - categoryIndex
        categoryIndex += 1
      }
      // A category's number and name go together ("1美術館"), as the number keys read.
      let gap = hint.importance == .category ? "" : " "
      parts.append(
        BarPart(
          [Span(hint.key, .keyHint), Span(gap + hint.meaning, .statusBar)],
          priority: priority))
    }
    if let warnings = view.warnings {
      parts.append(BarPart([Span(warnings, .warning)], priority: 1000, placement: .trailing))
    }
    return parts
  }
}

/// Lays out a bar's parts with `barLayout` and writes them. With `cutFirst`, the first part
/// (a title) is not dropped but cut with an ellipsis to the room the others leave.
func drawBar(
  _ parts: [BarPart], in area: Rect, on canvas: inout Canvas, gap: Int, cutFirst: Bool = false
) {
  guard area.width > 0, area.height > 0, let first = parts.first else { return }
  let laidOut = cutFirst ? Array(parts.dropFirst()) : parts
  let placed = barLayout(laidOut, width: area.width, gap: gap)
  for (index, x) in placed {
    draw(laidOut[index], x: area.x + x, y: area.y, on: &canvas)
  }
  guard cutFirst else { return }
  // The title takes the room left of the others.
  let room = (placed.map(\.x).min() ?? area.width + gap) - gap
  if room > displayWidth(canvas.glyphs.ellipsis) + 1 {
    canvas.put(first.spans, x: area.x, y: area.y, width: room)
  }
}

private func draw(_ part: BarPart, x: Int, y: Int, on canvas: inout Canvas) {
  canvas.put(part.spans, x: x, y: y, width: part.width)
}

/// A message line: a notice after an action, or the banner of data that no longer loads,
/// wrapped onto the rows it is given.
struct NoticeWidget: Widget {
  let text: String

  /// Rows `text` takes at `width`, at most `limit`.
  static func rows(_ text: String, width: Int, limit: Int) -> Int {
    min(limit, wrapped(" " + sanitized(text), width: max(1, width)).count)
  }

  func render(in area: Rect, on canvas: inout Canvas) {
    canvas.fill(area, role: .warning)
    let lines = wrapped(" " + sanitized(text), width: max(1, area.width))
    for (row, line) in lines.prefix(area.height).enumerated() {
      if row == area.height - 1, lines.count > area.height {
        canvas.putContinued(
          line.text, x: area.x, y: area.y + row, role: .warning, maxWidth: area.width)
      } else {
        canvas.put(line.text, x: area.x, y: area.y + row, role: .warning, maxWidth: area.width)
      }
    }
  }
}

/// A line being typed on the last row ("番号で開く: P00▏"), the terminal's cursor at its end.
struct PromptWidget: Widget {
  let prompt: String
  let text: String

  func render(in area: Rect, on canvas: inout Canvas) {
    canvas.fill(area, role: .filterChip)
    let shown = " " + prompt + sanitized(text)
    let used = canvas.put(
      shown + canvas.glyphs.inputCursor, x: area.x, y: area.y, role: .filterChip,
      maxWidth: area.width)
    canvas.placeCursor(x: area.x + min(used, displayWidth(shown)), y: area.y)
  }
}

/// "端末が小さすぎます" with the size needed and the size there is, centred.
struct TooSmallWidget: Widget {
  let view: TooSmallView

  func render(in area: Rect, on canvas: inout Canvas) {
    let top = area.y + max(0, (area.height - view.lines.count) / 2)
    for (index, line) in view.lines.enumerated() where top + index < area.maxY {
      canvas.centredLine(line, y: top + index, in: area, role: index == 0 ? .warning : .text)
    }
  }
}
