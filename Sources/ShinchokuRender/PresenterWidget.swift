import ShinchokuViewModel
import TerminalText

/// The facilitator's own screen (`shinchoku present --presenter`): a line of where the
/// projector is, this slide's notes, the next slide's title and outline, the timers, the
/// clock and the countdown (in the warning role in the last minutes, the alert role when
/// over), and whether the projector is there.
struct PresenterWidget: Widget {
  let view: PresenterView

  func render(in area: Rect, on canvas: inout Canvas) {
    guard area.width >= SlideGeometry.minimumWidth, area.height >= SlideGeometry.minimumHeight
    else {
      canvas.draw(
        TooSmallWidget(
          view: TooSmallView(
            needWidth: SlideGeometry.minimumWidth, needHeight: SlideGeometry.minimumHeight,
            width: area.width, height: area.height, chrome: canvas.chrome)), in: area)
      return
    }
    let width = area.width
    let inner = Rect(x: area.x + 2, y: area.y, width: width - 4, height: area.height)
    // The top line: what this screen is, and the clock.
    let top = Rect(x: area.x, y: area.y, width: width, height: 1)
    canvas.fill(top, role: .titleBar)
    var topParts = [BarPart([Span(" " + view.heading, .titleBar)], priority: 2)]
    if let clock = view.clock {
      topParts.append(BarPart([Span(clock + " ", .titleBar)], priority: 1, placement: .trailing))
    }
    drawBar(topParts, in: top, on: &canvas, gap: 2)
    // Where the projector is.
    var y = area.y + 2
    var used = canvas.put(view.position, x: inner.x, y: y, role: .heading, maxWidth: inner.width)
    used += canvas.put(
      "  " + view.currentTitle, x: inner.x + used, y: y, role: .slideTitle,
      maxWidth: inner.width - used)
    y += 1
    if let blank = view.blankNote {
      canvas.put(blank, x: inner.x, y: y, role: .warning, maxWidth: inner.width)
    }
    y += 1
    // The bottom two lines: the timers and the countdown, then the link.
    let timerRow = area.maxY - 2
    let statusRow = area.maxY - 1
    var timerParts = [BarPart([Span(view.timers, .heading)], priority: 2)]
    if let countdown = view.countdown {
      let role: Role =
        switch view.countdownLevel {
        case .normal: .bigFigure
        case .warning: .warning
        case .over: .alert
        }
      timerParts.append(
        BarPart([Span(" " + countdown + " ", role)], priority: 3, placement: .trailing))
    }
    if !view.jumpInput.isEmpty {
      let prompt = canvas.chrome.language == .japanese ? "スライドへ: " : "go to slide: "
      timerParts.append(
        BarPart(
          [Span(prompt + view.jumpInput + canvas.glyphs.inputCursor, .filterChip)], priority: 1,
          placement: .centre))
    }
    drawBar(
      timerParts, in: Rect(x: inner.x, y: timerRow, width: inner.width, height: 1),
      on: &canvas, gap: 2)
    canvas.put(
      view.linkText, x: inner.x, y: statusRow, role: view.linkIsUp ? .muted : .warning,
      maxWidth: inner.width)
    // The notes take what the next slide's outline leaves.
    let room = timerRow - 1 - y
    guard room >= 4 else { return }
    let outline = view.nextOutline.flatMap { wrapped($0, width: inner.width).map(\.text) }
    let nextRows = min(1 + outline.count, max(1, room * 2 / 5))
    let noteRows = room - nextRows - 2
    rule(UIText.notes.text(canvas.chrome.language), y: y, in: area, on: &canvas)
    let lines = wrapped(view.notes, width: inner.width)
    for (index, line) in lines.prefix(noteRows).enumerated() {
      let cut = index == noteRows - 1 && lines.count > noteRows
      let role: Role = view.hasNotes ? .text : .muted
      if cut {
        canvas.putContinued(
          line.text, x: inner.x, y: y + 1 + index, role: role, maxWidth: inner.width)
      } else {
        canvas.put(line.text, x: inner.x, y: y + 1 + index, role: role, maxWidth: inner.width)
      }
    }
    y += 1 + max(0, noteRows)
    rule(view.nextHeading, y: y, in: area, on: &canvas)
    for (index, line) in outline.prefix(nextRows - 1).enumerated() {
      canvas.put(line, x: inner.x, y: y + 1 + index, role: .muted, maxWidth: inner.width)
    }
  }

  /// A rule across the screen with a label: "── メモ ─────".
  private func rule(_ label: String, y: Int, in area: Rect, on canvas: inout Canvas) {
    canvas.pattern(
      String(repeating: canvas.glyphs.horizontal, count: area.width), x: area.x, y: y,
      role: .border, maxWidth: area.width)
    canvas.put(" " + label + " ", x: area.x + 2, y: y, role: .title, maxWidth: area.width - 4)
  }
}
