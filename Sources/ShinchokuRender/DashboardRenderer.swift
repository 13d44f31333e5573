import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// A run of text in one role: the unit widgets lay out.
struct Span {
  var text: String
  var role: Role
  init(_ text: String, _ role: Role) {
    self.text = text
    self.role = role
  }
}

/// One line of a scrolling list, and the list item it belongs to (nil for headings).
struct ListLine {
  var spans: [Span]
  var item: Int?
}

/// Draws the dashboard: a pure function of state and theme; the size is the state's.
public func render(_ state: AppState, theme: Theme) -> Frame {
  var painter = Painter(
    frame: Frame(width: state.width, height: state.height, fill: theme.style(.text)), theme: theme,
    glyphs: state.asciiOnly ? .ascii : .unicode)
  if let presentation = state.presentation {
    painter.drawPresentation(presentation, state: state)
    if state.overlay == .help { painter.drawHelp(state) }
    if state.overlay == .warnings { painter.drawWarnings(state) }
    return painter.frame
  }
  let matrix = MatrixView(state: state)
  guard
    let layout = DashboardLayout(
      width: state.width, height: state.height, matrixHeight: MatrixPane.naturalHeight(matrix))
  else {
    painter.drawTooSmall(state)
    return painter.frame
  }
  painter.drawTitleBar(TitleView(state: state), layout.titleBar, state: state)
  if state.focus == .comments, let reading = CommentReadingView(state: state) {
    painter.drawCommentReading(
      reading, in: Rect(x: 0, y: 1, width: state.width, height: state.height - 2), state: state)
  } else if state.focus == .events, let id = state.calendar.openEventID,
    let detail = EventDetailView(state: state, eventID: id)
  {
    let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
    painter.drawEventDetail(detail, in: body, state: state)
  } else if let drill = state.drill {
    // Drilled down, the matrix pane takes the whole body.
    let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 2)
    if let id = drill.openProgrammeID,
      let detail = ProgrammeDetailView(state: state, programmeID: id)
    {
      painter.drawProgrammeDetail(detail, in: body, state: state)
    } else {
      painter.drawProgrammeList(
        ProgrammeListView(state: state, drill: drill), in: body, state: state)
    }
  } else {
    MatrixPane(view: matrix, language: state.language, focused: state.focus == .matrix)
      .draw(in: layout.matrix, &painter)
    painter.drawCommentsPane(CommentsView(state: state), layout.comments, state: state)
    painter.drawCalendarPane(CalendarView(state: state), layout.events, state: state)
  }
  if let error = state.reloadError {
    // Below the title bar: the last good data stays on screen under it.
    painter.drawNotice(
      UIText.reloadFailed(error.description, language: state.language),
      above: Rect(x: 0, y: 2, width: state.width, height: 1))
  }
  if let edit = StatusEditView(state: state) { painter.drawStatusEdit(edit, state: state) }
  if let notice = state.notice { painter.drawNotice(notice, above: layout.statusBar) }
  painter.drawStatusBar(layout.statusBar, state: state)
  switch state.overlay {
  case .help: painter.drawHelp(state)
  case .warnings: painter.drawWarnings(state)
  case nil: break
  }
  return painter.frame
}

/// Writes spans and boxes into a frame with a theme's styles.
struct Painter {
  var frame: Frame
  let theme: Theme
  let glyphs: Glyphs

  @discardableResult
  mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int) -> Int {
    guard maxWidth > 0 else { return 0 }
    return frame.put(text, x: x, y: y, style: theme.style(role), maxWidth: maxWidth)
  }

  /// Writes spans left to right within `width` columns; returns the columns used.
  @discardableResult
  mutating func put(_ spans: [Span], x: Int, y: Int, width: Int) -> Int {
    var used = 0
    for span in spans where used < width {
      used += put(span.text, x: x + used, y: y, role: span.role, maxWidth: width - used)
    }
    return used
  }

  mutating func fill(_ rect: Rect, role: Role) {
    frame.fill(
      x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: theme.style(role))
  }

  mutating func restyle(_ rect: Rect, role: Role) {
    frame.restyle(
      x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: theme.style(role))
  }

  /// A one-cell border with a title in its top edge.
  mutating func drawBox(_ rect: Rect, title: String, focused: Bool, role: Role? = nil) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let border = role ?? (focused ? .borderFocused : .border)
    let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
    put(
      glyphs.topLeft + horizontal + glyphs.topRight, x: rect.x, y: rect.y, role: border,
      maxWidth: rect.width)
    for row in 1..<(rect.height - 1) {
      put(glyphs.vertical, x: rect.x, y: rect.y + row, role: border, maxWidth: 1)
      put(glyphs.vertical, x: rect.x + rect.width - 1, y: rect.y + row, role: border, maxWidth: 1)
    }
    put(
      glyphs.bottomLeft + horizontal + glyphs.bottomRight, x: rect.x, y: rect.y + rect.height - 1,
      role: border,
      maxWidth: rect.width)
    if !title.isEmpty, rect.width > 6 {
      put(
        " \(title) ", x: rect.x + 2, y: rect.y, role: focused ? .borderFocused : .title,
        maxWidth: rect.width - 4)
    }
  }

  /// The plan's title on the left, the snapshot on the right; the title gives way first.
  mutating func drawTitleBar(_ view: TitleView, _ rect: Rect, state: AppState) {
    fill(rect, role: .titleBar)
    var right = [Span(view.snapshotLabel + " ", .titleBar)]
    if view.isSynthetic {
      right.insert(Span(" " + UIText.synthetic.text(state.language) + " ", .synthetic), at: 0)
    }
    let rightWidth = min(rect.width, right.reduce(0) { $0 + displayWidth($1.text) })
    put(right, x: rect.x + rect.width - rightWidth, y: rect.y, width: rightWidth)
    let titleWidth = rect.width - rightWidth - 1
    if titleWidth > 2 {
      put(
        " "
          + truncated(
            sanitized(view.planTitle), toWidth: titleWidth - 1, ellipsis: glyphs.ellipsis),
        x: rect.x, y: rect.y,
        role: .titleBar, maxWidth: titleWidth)
    }
  }

  mutating func drawStatusBar(_ rect: Rect, state: AppState) {
    fill(rect, role: .statusBar)
    let warnings = state.warnings.count
    let warningText =
      warnings == 0
      ? "" : (state.language == .japanese ? " ! 警告\(warnings)件 " : " ! \(warnings) warnings ")
    let warningWidth = displayWidth(warningText)
    // Tab, then the focused pane's main keys (and, in the events pane, the category numbers),
    // then the other global keys.
    let labels = state.asciiOnly ? Language.english : state.language
    let own = KeyMap.paneBindings(state.focus)
    let bindings = KeyMap.bindings(for: state.focus)
    let first = bindings.prefix { $0.action == .focusNext || $0.action == .focusPrevious }
    var hints: [(key: String, meaning: String)] = []
    func add(_ binding: KeyBinding) {
      hints.append((binding.label.text(labels), " " + binding.shortMeaning.text(state.language)))
    }
    for binding in first where binding.isMain { add(binding) }
    for binding in own where binding.isMain { add(binding) }
    if state.focus == .events {
      for (index, category) in state.dataset.categories.prefix(9).enumerated() {
        hints.append(("\(index + 1)", category.name.text(state.language)))
      }
    }
    for binding in bindings.dropFirst(first.count + own.count) where binding.isMain { add(binding) }
    var spans: [Span] = [Span(" ", .statusBar)]
    var used = 1
    for hint in hints {
      // Whole hints only: one that does not fit is left out (a later, shorter one may fit).
      let width = displayWidth(hint.key) + displayWidth(hint.meaning) + 2
      if used + width - 2 > rect.width - warningWidth { continue }
      used += width
      spans.append(Span(hint.key, .keyHint))
      spans.append(Span(hint.meaning + "  ", .statusBar))
    }
    put(spans, x: rect.x, y: rect.y, width: rect.width - warningWidth)
    if warningWidth > 0 {
      put(
        warningText, x: rect.x + rect.width - warningWidth, y: rect.y, role: .warning,
        maxWidth: warningWidth)
    }
  }

  /// A one-line message just above the status bar.
  mutating func drawNotice(_ text: String, above bar: Rect) {
    let line = Rect(x: bar.x, y: bar.y - 1, width: bar.width, height: 1)
    fill(line, role: .warning)
    put(" " + sanitized(text), x: line.x, y: line.y, role: .warning, maxWidth: line.width)
  }

  mutating func drawTooSmall(_ state: AppState) {
    let lines = UIText.tooSmall(
      needWidth: DashboardLayout.minimumWidth, needHeight: DashboardLayout.minimumHeight,
      width: state.width,
      height: state.height, language: state.language, asciiOnly: state.asciiOnly)
    let top = max(0, (state.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < state.height {
      let text = truncated(line, toWidth: state.width, ellipsis: glyphs.ellipsis)
      let x = max(0, (state.width - displayWidth(text)) / 2)
      put(
        text, x: x, y: top + index, role: index == 0 ? .warning : .text, maxWidth: state.width - x)
    }
  }

  /// Draws list lines in `rect`, scrolled so the selected item is in view; returns whether
  /// lines are hidden above and below.
  mutating func drawList(_ lines: [ListLine], selected: Int?, in rect: Rect) -> (
    first: Int, above: Bool, below: Bool
  ) {
    guard rect.height > 0, rect.width > 0 else { return (0, false, false) }
    var offset = 0
    if let selected, let first = lines.firstIndex(where: { $0.item == selected }),
      let last = lines.lastIndex(where: { $0.item == selected })
    {
      // Keep the item's heading (the lines before it that belong to no item) in view with it.
      var top = first
      while top > 0, lines[top - 1].item == nil { top -= 1 }
      if last - offset >= rect.height { offset = last - rect.height + 1 }
      if top < offset || last - top >= rect.height { offset = top }
    }
    for row in 0..<rect.height where offset + row < lines.count {
      put(lines[offset + row].spans, x: rect.x, y: rect.y + row, width: rect.width)
    }
    return (offset, offset > 0, offset + rect.height < lines.count)
  }

  /// A pane that takes the whole body (a drill-down, a comment being read): its box, its click
  /// target, and a hint on its last row. Returns the rows above the hint, or nil if none fit.
  mutating func fullPane(_ rect: Rect, path: [String], pane: Pane, focused: Bool, hint: String)
    -> Rect?
  {
    drawBox(rect, title: path.joined(separator: glyphs.asciiOnly ? " > " : " › "), focused: focused)
    frame.mark(x: rect.x, y: rect.y, width: rect.width, height: rect.height, as: .pane(pane))
    let inner = rect.inside
    guard inner.width > 4, inner.height > 1 else { return nil }
    put(" " + hint, x: inner.x, y: inner.y + inner.height - 1, role: .muted, maxWidth: inner.width)
    return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
  }

  /// Draws a pane's list in `inner` (a "none" line when it is empty), records its items as
  /// click targets, and marks the pane's box where lines are hidden above or below.
  mutating func drawItems(
    _ lines: [ListLine], selected: Int?, in inner: Rect, box: Rect, focused: Bool,
    language: Language,
    as target: (Int) -> ClickTarget
  ) {
    let lines =
      lines.isEmpty ? [ListLine(spans: [Span(" " + UIText.noItems.text(language), .muted)])] : lines
    let shown = drawList(lines, selected: selected, in: inner)
    markItems(lines, first: shown.first, in: inner, as: target)
    drawScrollMarks(box, above: shown.above, below: shown.below, focused: focused)
  }

  /// Records the list items drawn in `rect` as click targets.
  mutating func markItems(
    _ lines: [ListLine], first: Int, in rect: Rect, as target: (Int) -> ClickTarget
  ) {
    for row in 0..<rect.height where first + row < lines.count {
      if let item = lines[first + row].item {
        frame.mark(x: rect.x, y: rect.y + row, width: rect.width, height: 1, as: target(item))
      }
    }
  }

  mutating func drawScrollMarks(_ box: Rect, above: Bool, below: Bool, focused: Bool) {
    let role: Role = focused ? .borderFocused : .border
    if above { put(glyphs.moreAbove, x: box.x + box.width - 3, y: box.y, role: role, maxWidth: 1) }
    if below {
      put(
        glyphs.moreBelow, x: box.x + box.width - 3, y: box.y + box.height - 1, role: role,
        maxWidth: 1)
    }
  }

  mutating func drawCommentsPane(_ view: CommentsView, _ rect: Rect, state: AppState) {
    let focused = state.focus == .comments
    let position = view.items.isEmpty ? "" : " \(state.commentSelection + 1)/\(view.items.count)"
    let narrowed = view.onlyArea.map { " · " + UIText.onlyArea($0, language: state.language) } ?? ""
    drawBox(rect, title: view.title + position + narrowed, focused: focused)
    frame.mark(x: rect.x, y: rect.y, width: rect.width, height: rect.height, as: .pane(.comments))
    var inner = rect.inside
    let textWidth = inner.width - 2
    guard textWidth > 0 else { return }
    if let searchLine = view.searchLine, inner.height > 1 {
      inner.height -= 1
      let role: Role = view.isEditingQuery ? .filterChip : .muted
      put(
        " " + sanitized(searchLine), x: inner.x, y: inner.y + inner.height, role: role,
        maxWidth: inner.width)
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
        let gutter = Span(lineIndex == 0 && item.isLinked ? glyphs.linkMark : " ", .borderFocused)
        let lead = lineIndex == 0 ? Span(prefix, numberRole) : Span(indent, .text)
        var spans =
          [gutter, lead] + highlighted(line.text, from: offset, matches: item.matches, role: .text)
        if line.isSplitWord { spans.append(Span("-", .muted)) }
        lines.append(ListLine(spans: spans, item: index))
        offset += line.text.count
      }
      var meta: [Span] = []
      if !item.areaLabels.isEmpty {
        meta.append(
          Span(
            state.asciiOnly
              ? "[" + item.areaLabels.joined(separator: ", ") + "]"
              : "〔" + item.areaLabels.joined(separator: "・") + "〕",
            item.isLinked ? .heading : .muted))
      }
      if let context = item.context {
        // The report (and meeting) the comment belongs to.
        meta.append(Span((meta.isEmpty ? "" : " ") + context + " ", .muted))
      }
      if item.hasCorrections {
        let mark = UIText.corrected.text(state.language)
        meta.append(
          Span(state.asciiOnly ? mark.replacingOccurrences(of: "※", with: "*") : mark, .inferred))
      }
      if !meta.isEmpty {
        lines.append(ListLine(spans: [Span(" " + indent, .text)] + meta, item: index))
      }
    }
    drawItems(
      lines, selected: view.items.isEmpty ? nil : state.commentSelection, in: inner, box: rect,
      focused: focused,
      language: state.language
    ) { .comment($0) }
  }

  /// A comment open for reading, full-pane: where it came from, its text with the search
  /// matches marked, and what was corrected from the OCR.
  mutating func drawCommentReading(_ view: CommentReadingView, in rect: Rect, state: AppState) {
    guard
      let inner = fullPane(
        rect,
        path: [UIText.comments.text(state.language), view.heading],
        pane: .comments,
        focused: true,
        hint: UIText.readingHint.text(state.language))
    else { return }
    let labelWidth = view.facts.map { displayWidth($0.label) }.max() ?? 4
    var lines: [[Span]] = []
    for fact in view.facts {
      lines.append([
        Span(" " + padded(fact.label, toWidth: labelWidth) + "  ", .muted),
        Span(sanitized(fact.value), .text),
      ])
    }
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
    let height = inner.height
    let scroll = max(0, min(view.scroll, lines.count - height))
    for (row, spans) in lines.dropFirst(scroll).prefix(height).enumerated() {
      put(spans, x: inner.x, y: inner.y + row, width: inner.width)
    }
    drawScrollMarks(rect, above: scroll > 0, below: scroll + height < lines.count, focused: true)
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

  mutating func drawHelp(_ state: AppState) {
    let language = state.language
    let bindings =
      state.presentation == nil ? KeyMap.bindings(for: state.focus) : KeyMap.presentation
    // Key labels in English are ASCII ("Up k" for "↑ k").
    let labelLanguage = state.asciiOnly ? Language.english : language
    func rows(_ bindings: ArraySlice<KeyBinding>, short: Bool = false) -> [[Span]] {
      let keyWidth = bindings.map { displayWidth($0.label.text(labelLanguage)) }.max() ?? 0
      return bindings.map { binding in
        [
          Span(
            padded(binding.label.text(labelLanguage), toWidth: keyWidth, ellipsis: glyphs.ellipsis),
            .keyHint),
          Span("  " + (short ? binding.shortMeaning : binding.meaning).text(language), .overlay),
        ]
      }
    }
    var lines = rows(bindings[...])
    // Too many keys for the screen's height: two columns, with the short meanings where the
    // full ones would not fit side by side.
    if lines.count + 4 > frame.height - 2 {
      let half = (bindings.count + 1) / 2
      let width = { (row: [Span]) in row.reduce(0) { $0 + displayWidth($1.text) } }
      func twoColumns(short: Bool) -> [[Span]] {
        let left = rows(bindings.prefix(half), short: short)
        let right = rows(bindings.dropFirst(half), short: short)
        let leftWidth = left.map(width).max() ?? 0
        return left.enumerated().map { index, row in
          guard index < right.count else { return row }
          let gap = String(repeating: " ", count: leftWidth - width(row) + 2)
          return row + [Span(gap, .overlay)] + right[index]
        }
      }
      lines = twoColumns(short: false)
      if (lines.map(width).max() ?? 0) + 6 > frame.width { lines = twoColumns(short: true) }
    }
    drawOverlay(
      title: UIText.help.text(language) + themeLabel(state), rows: lines,
      footer: UIText.helpClose.text(language))
  }

  /// " · テーマ: light" after the help title: which theme F2 has chosen (nothing when the state
  /// names no themes, as in `dump`).
  func themeLabel(_ state: AppState) -> String {
    guard state.themeNames.indices.contains(state.themeIndex) else { return "" }
    let name = state.themeNames[state.themeIndex]
    let separator = glyphs.asciiOnly ? " / " : " · "
    return separator + (state.language == .japanese ? "テーマ: " : "theme: ") + name
  }

  mutating func drawWarnings(_ state: AppState) {
    let language = state.language
    var rows: [[Span]] = []
    for diagnostic in state.warnings {
      for line in wrapped(sanitized(diagnostic.description), width: max(10, frame.width - 8)) {
        rows.append([Span(line.text, .overlay)])
      }
    }
    if rows.isEmpty { rows = [[Span(UIText.noWarnings.text(language), .muted)]] }
    drawOverlay(
      title: UIText.warnings.text(language), rows: rows, footer: UIText.helpClose.text(language))
  }

  /// The status-change box over a programme's detail: the statuses to choose from, then the
  /// question that confirms the change.
  mutating func drawStatusEdit(_ view: StatusEditView, state: AppState) {
    var rows: [[Span]] = view.options.enumerated().map { index, option in
      let statusID = state.dataset.statuses[index].id
      let current = option.isCurrent ? " " + UIText.currentMark.text(state.language) : ""
      return [
        Span(option.isChosen ? "> " : "  ", .keyHint),
        Span(
          option.symbol + " " + option.name + current,
          option.isChosen ? .selection : MatrixPane.role(forStatus: statusID, index: index)),
      ]
    }
    if let question = view.question {
      rows += [[], [Span(question, .warning)]]
    }
    drawOverlay(title: view.title, rows: rows, footer: UIText.statusEditHint.text(state.language))
  }

  /// A box in the middle of the screen with rows of spans and a footer line.
  mutating func drawOverlay(title: String, rows: [[Span]], footer: String) {
    let rowWidths = rows.map { $0.reduce(0) { $0 + displayWidth($1.text) } }
    let contentWidth = max(rowWidths.max() ?? 0, displayWidth(footer), displayWidth(title) + 2)
    let width = min(frame.width - 2, contentWidth + 4)
    let height = min(frame.height - 2, rows.count + 4)
    guard width >= 8, height >= 4 else { return }
    let box = Rect(
      x: (frame.width - width) / 2, y: (frame.height - height) / 2, width: width, height: height)
    fill(box, role: .overlay)
    drawBox(box, title: title, focused: true, role: .overlayBorder)
    let inner = box.inside
    for (row, spans) in rows.prefix(max(0, inner.height - 2)).enumerated() {
      put([Span(" ", .overlay)] + spans, x: inner.x, y: inner.y + row, width: inner.width)
    }
    put(
      " " + footer, x: inner.x, y: inner.y + inner.height - 1, role: .muted, maxWidth: inner.width)
  }
}
