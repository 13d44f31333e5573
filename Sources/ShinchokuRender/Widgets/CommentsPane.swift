import ShinchokuViewModel
import TerminalText

/// The comments pane: numbered comments wrapped with Japanese line breaking, the linked ones
/// marked, search matches highlighted, the search line at the foot.
struct CommentsPaneWidget: Widget, Equatable {
  let view: CommentsView
  let focused: Bool

  func render(in area: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    // The selection's position is in the bottom edge, as in every list.
    let narrowed =
      view.onlyArea.map { chrome.separator + UIText.onlyArea($0, language: chrome.language) } ?? ""
    canvas.box(area, title: view.title + narrowed, focused: focused)
    canvas.mark(area, as: .pane(.comments))
    var inner = area.inside
    var inputCursor: (x: Int, y: Int)?
    let textWidth = inner.width - 2
    guard textWidth > 0, inner.height > 0 else { return }
    if let searchLine = view.searchLine, inner.height > 1 {
      inner.height -= 1
      let role: Role = view.isEditingQuery ? .filterChip : .muted
      let used = canvas.put(
        " " + sanitized(searchLine), x: inner.x, y: inner.maxY, role: role, maxWidth: inner.width)
      if view.isEditingQuery, let typed = view.typedEnd {
        inputCursor = (inner.x + min(used, 1 + typed), inner.maxY)
      }
    }
    var lines: [ListLine] = []
    for (index, item) in view.items.enumerated() {
      let prefix = "\(item.number). "
      let indent = String(repeating: " ", count: displayWidth(prefix))
      let body = wrapped(item.text, width: max(1, textWidth - displayWidth(prefix)))
      let numberRole: Role =
        item.isSelected ? (focused ? .selection : .selectionInactive) : .heading
      var offset = 0
      for (lineIndex, line) in body.enumerated() {
        let gutter = Span(
          lineIndex == 0 && item.isLinked ? canvas.glyphs.linkMark : " ", .borderFocused)
        let lead = lineIndex == 0 ? Span(prefix, numberRole) : Span(indent, .text)
        var spans =
          [gutter, lead] + highlighted(line.text, from: offset, matches: item.matches, role: .text)
        if line.isSplitWord { spans.append(Span("-", .muted)) }
        lines.append(ListLine(spans: spans, item: index))
        offset += line.text.count
      }
      var meta: [Span] = []
      if !item.areaLabels.isEmpty {
        meta.append(Span(chrome.tags(item.areaLabels), item.isLinked ? .heading : .muted))
      }
      if let context = item.context {
        // The report (and meeting) the comment belongs to.
        meta.append(Span((meta.isEmpty ? "" : " ") + context + " ", .muted))
      }
      if item.hasCorrections { meta.append(Span(chrome.correctedMark, .inferred)) }
      if !meta.isEmpty {
        lines.append(ListLine(spans: [Span(" " + indent, .text)] + meta, item: index))
      }
    }
    PaneList(lines: lines, selected: view.selection, focused: focused) { .comment($0) }.draw(
      in: inner, box: area, on: &canvas)
    // Typing: the cursor at the end of the query, over the list's selection.
    if let inputCursor { canvas.placeCursor(x: inputCursor.x, y: inputCursor.y) }
  }
}

/// A comment open for reading, full-pane: where it came from, its text with the search
/// matches marked, and what was corrected from the OCR. It scrolls.
struct CommentReadingWidget: Widget {
  let view: CommentReadingView

  func render(in area: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    guard
      let inner = FullPane(
        path: [chrome.text(UIText.comments), view.heading], pane: .comments, focused: true,
        hint: UIText.readingHint(chrome)
      ).draw(in: area, on: &canvas)
    else { return }
    var lines = labelledLines(
      view.facts.map { ($0.label, $0.value, Role.text) }, width: inner.width,
      ellipsis: canvas.glyphs.ellipsis)
    lines.append([])
    var offset = 0
    for line in wrapped(view.text, width: max(1, inner.width - 4)) {
      lines.append(
        [Span("  ", .text)]
          + highlighted(line.text, from: offset, matches: view.matches, role: .text))
      offset += line.text.count
    }
    if !view.corrections.isEmpty {
      lines.append([])
      for correction in view.corrections {
        for line in wrapped(sanitized(correction), width: max(1, inner.width - 4)) {
          lines.append([Span("  " + line.text, .inferred)])
        }
      }
    }
    ScrollingText(lines: lines, scroll: view.scroll, target: .commentReading).draw(
      in: inner, box: area, focused: true, on: &canvas)
  }
}

/// Splits a line of text into spans, marking the characters inside `matches` (offsets into the
/// whole text; the line starts at `from`).
func highlighted(_ text: String, from start: Int, matches: [Range<Int>], role: Role) -> [Span] {
  guard !matches.isEmpty else { return [Span(text, role)] }
  var spans: [Span] = []
  var current = ""
  var inMatch = false
  for (index, character) in text.enumerated() {
    let isMatch = matches.contains { $0.contains(start + index) }
    if isMatch != inMatch, !current.isEmpty {
      spans.append(Span(current, inMatch ? .match : role))
      current = ""
    }
    inMatch = isMatch
    current.append(character)
  }
  if !current.isEmpty { spans.append(Span(current, inMatch ? .match : role)) }
  return spans
}
