import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// Figures drawn large, for the back of the room: 3×5 cells per character from full blocks
/// (`#` with `--ascii`), scaled up where the screen has room.
public enum BigDigits {
  public static let height = 5
  static let font: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"],
    "1": [" # ", "## ", " # ", " # ", "###"],
    "2": ["###", "  #", "###", "#  ", "###"],
    "3": ["###", "  #", "###", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"],
    "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"],
    "7": ["###", "  #", "  #", "  #", "  #"],
    "8": ["###", "# #", "###", "# #", "###"],
    "9": ["###", "# #", "###", "  #", "###"],
    "+": ["   ", " # ", "###", " # ", "   "],
    "-": ["   ", "   ", "###", "   ", "   "],
    "—": ["   ", "   ", "###", "   ", "   "],
    ":": [" ", "#", " ", "#", " "],
  ]

  /// The rows of `text` drawn large at `scale` (each cell becomes scale × scale), characters
  /// one column apart. Characters without a glyph are left out.
  public static func lines(_ text: String, scale: Int = 1, asciiOnly: Bool = false) -> [String] {
    let scale = max(1, scale)
    let block = asciiOnly ? "#" : "█"
    let glyphs = text.compactMap { font[$0] }
    var rows: [String] = []
    for row in 0..<height {
      let line = glyphs.map { glyph in
        glyph[row].map {
          $0 == "#" ? String(repeating: block, count: scale) : String(repeating: " ", count: scale)
        }
        .joined()
      }.joined(separator: String(repeating: " ", count: scale))
      for _ in 0..<scale { rows.append(line) }
    }
    return rows
  }

  /// Columns `text` takes at `scale`.
  public static func width(_ text: String, scale: Int = 1) -> Int {
    let glyphs = text.compactMap { font[$0] }
    guard !glyphs.isEmpty else { return 0 }
    return glyphs.reduce(0) { $0 + $1[0].count * scale } + (glyphs.count - 1) * scale
  }
}

extension Painter {
  static let slideMinimumWidth = 20
  static let slideMinimumHeight = 8

  /// A whole screen of presentation mode: the slide, or a blank screen; the notes, the timer
  /// and the footer.
  mutating func drawPresentation(_ presentation: PresentationState, state: AppState) {
    let width = frame.width
    let height = frame.height
    if let blank = presentation.blank {
      // White is also reversed, so that it shows light where no colour is sent (NO_COLOR).
      let style =
        blank == .black
        ? Style(foreground: .indexed(0), background: .indexed(0))
        : Style(foreground: .indexed(15), background: .indexed(15), attributes: [.reverse])
      frame.fill(x: 0, y: 0, width: width, height: height, style: style)
      return
    }
    guard width >= Painter.slideMinimumWidth, height >= Painter.slideMinimumHeight else {
      // Slides need less room than the dashboard: say how much.
      let lines = UIText.tooSmall(
        needWidth: Painter.slideMinimumWidth, needHeight: Painter.slideMinimumHeight,
        width: width, height: height, language: state.language, asciiOnly: state.asciiOnly)
      let body = Rect(x: 0, y: 0, width: width, height: height)
      for (index, line) in lines.enumerated() {
        centredLine(
          line, y: max(0, (height - lines.count) / 2) + index, in: body,
          role: index == 0 ? .warning : .text)
      }
      return
    }
    let view = SlideView(state: state, presentation: presentation)
    let language = state.language
    var bottom = height - 1
    // Footer: the slide number, the timer or the typed number, the clock.
    let footer = Rect(x: 0, y: bottom, width: width, height: 1)
    let position =
      (language == .japanese ? " スライド " : " slide ") + "\(view.number) / \(view.count)"
    put(position, x: 0, y: footer.y, role: .muted, maxWidth: width)
    let clock = presentation.now.map { $0.localClock + " " } ?? ""
    put(clock, x: width - displayWidth(clock), y: footer.y, role: .muted, maxWidth: width)
    var middle: (String, Role)?
    if !presentation.jumpInput.isEmpty {
      let prompt = language == .japanese ? "スライドへ: " : "go to slide: "
      middle = (prompt + presentation.jumpInput + (glyphs.asciiOnly ? "_" : "▏"), .filterChip)
    } else if presentation.showsTimer {
      middle = (timerText(presentation, language: language), .heading)
    }
    if let (text, role) = middle {
      let w = displayWidth(text)
      put(text, x: max(0, (width - w) / 2), y: footer.y, role: role, maxWidth: width)
    }
    // Speaker notes on the lines above the footer.
    if presentation.showsNotes {
      let notes =
        view.notes.map { sanitized($0) } ?? (language == .japanese ? "（メモなし）" : "(no notes)")
      let lines = wrapped(notes, width: max(1, width - 4)).prefix(max(1, (height - 8) / 3))
      bottom -= lines.count + 1
      put(
        String(repeating: glyphs.horizontal, count: width), x: 0, y: bottom, role: .border,
        maxWidth: width)
      let label = language == .japanese ? " メモ " : " notes "
      put(label, x: 2, y: bottom, role: .title, maxWidth: width - 2)
      for (index, line) in lines.enumerated() {
        put("  " + line.text, x: 0, y: bottom + 1 + index, role: .text, maxWidth: width)
      }
    }
    let body = Rect(x: 2, y: 1, width: width - 4, height: bottom - 1)
    switch view.content {
    case .title(let slide): drawTitleSlide(slide, in: body, state: state)
    case .matrix(var matrix):
      matrix.selection = MatrixPosition(row: -1, column: -1)
      let heading = UIText.matrix.text(language)
      let y = centredLine(heading, y: body.y, in: body, role: .slideTitle)
      let label =
        state.snapshot.map { UIText.snapshotLabel($0.date, language: language) }
        ?? UIText.noSnapshot.text(language)
      _ = centredLine(label, y: y + 1, in: body, role: .heading)
      let natural = MatrixPane.naturalHeight(matrix)
      let available = body.height - (y + 3 - body.y)
      let paneWidth = min(body.width, 120)
      let rect = Rect(
        x: body.x + (body.width - paneWidth) / 2, y: y + 3 + max(0, (available - natural) / 2),
        width: paneWidth, height: min(natural, available))
      MatrixPane(view: matrix, language: language, focused: false).draw(in: rect, &self)
    case .area(let slide): drawAreaSlide(slide, in: body, state: state)
    case .comment(let slide): drawCommentSlide(slide, in: body, state: state)
    case .events(let slide): drawEventsSlide(slide, in: body, state: state)
    }
  }

  func timerText(_ presentation: PresentationState, language: Language) -> String {
    func clock(_ seconds: Int?) -> String {
      guard let seconds else { return "--:--" }
      let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
      let hours = seconds / 3600
      let minutes = seconds / 60 % 60
      return (hours > 0 ? "\(hours):" : "") + two(minutes) + ":" + two(seconds % 60)
    }
    let separator = glyphs.asciiOnly ? " / " : " · "
    return language == .japanese
      ? "経過 \(clock(presentation.talkElapsed))\(separator)このスライド \(clock(presentation.slideElapsed))"
      : "talk \(clock(presentation.talkElapsed))\(separator)slide \(clock(presentation.slideElapsed))"
  }

  /// Writes `text` centred on row `y` of `rect` (truncated to fit); returns `y`.
  @discardableResult
  mutating func centredLine(_ text: String, y: Int, in rect: Rect, role: Role) -> Int {
    guard y >= rect.y, y < rect.y + rect.height else { return y }
    let line = truncated(text, toWidth: rect.width, ellipsis: glyphs.ellipsis)
    let x = rect.x + max(0, (rect.width - displayWidth(line)) / 2)
    put(line, x: x, y: y, role: role, maxWidth: rect.width)
    return y
  }

  /// Text wrapped to `width` and centred line by line from row `y`; returns the next free row.
  mutating func centredParagraph(
    _ text: String, y: Int, width: Int, in rect: Rect, role: Role, spacing: Int = 1
  ) -> Int {
    var row = y
    for line in wrapped(text, width: max(1, min(width, rect.width))) {
      guard row < rect.y + rect.height else { break }
      centredLine(line.text, y: row, in: rect, role: role)
      row += spacing
    }
    return row
  }

  static func figureRole(_ figure: SlideFigure, index: Int) -> Role {
    if figure.figure == .unknown { return .unknown }
    guard let id = figure.statusID else { return .bigFigure }
    return MatrixPane.role(forStatus: id, index: index)
  }

  /// Figures side by side, each large with its label (and change) under it; returns the rows
  /// used.
  mutating func drawFigures(
    _ figures: [SlideFigure], y: Int, in rect: Rect, maxHeight: Int, showDeltas: Bool
  ) -> Int {
    guard !figures.isEmpty, maxHeight >= 2 else { return 0 }
    let columnWidth = rect.width / figures.count
    let texts = figures.map { MatrixPane.text($0.figure, glyphs: glyphs) }
    let labelRows = showDeltas ? 2 : 1
    let (scale, big) = Painter.figureScale(
      texts, columnWidth: columnWidth, maxHeight: maxHeight, labelRows: labelRows)
    for (index, figure) in figures.enumerated() {
      let column = Rect(
        x: rect.x + index * columnWidth, y: y, width: columnWidth, height: maxHeight)
      let role = Painter.figureRole(figure, index: index)
      var row = y
      if big {
        for line in BigDigits.lines(texts[index], scale: scale, asciiOnly: glyphs.asciiOnly) {
          centredLine(line, y: row, in: column, role: role)
          row += 1
        }
        row += 1
      } else {
        centredLine(texts[index], y: row, in: column, role: role)
        row += 1
      }
      let labelRole: Role =
        figure.statusID == nil
        ? .heading : MatrixPane.role(forStatus: figure.statusID!, index: index)
      centredLine(figure.label, y: row, in: column, role: labelRole)
      if showDeltas {
        let delta = MatrixPane.deltaText(figure.delta, glyphs: glyphs)
        centredLine(delta.isEmpty ? glyphs.unknown : delta, y: row + 1, in: column, role: .muted)
      }
    }
    return (big ? BigDigits.height * scale + 1 : 1) + labelRows
  }

  /// How large figures can be drawn: the largest scale (up to 3) at which each fits its
  /// column and the rows; `big` is false when even 1× does not fit (then they are plain text).
  static func figureScale(_ texts: [String], columnWidth: Int, maxHeight: Int, labelRows: Int)
    -> (scale: Int, big: Bool)
  {
    var scale = 3
    while scale > 1,
      texts.contains(where: { BigDigits.width($0, scale: scale) > columnWidth - 2 })
        || BigDigits.height * scale + 1 + labelRows > maxHeight
    {
      scale -= 1
    }
    return (scale, BigDigits.height * scale <= maxHeight - labelRows)
  }

  /// Rows `drawFigures` takes for these figures.
  func figureRows(_ figures: [SlideFigure], width: Int, maxHeight: Int, labelRows: Int) -> Int {
    guard !figures.isEmpty, maxHeight >= 2 else { return 0 }
    let texts = figures.map { MatrixPane.text($0.figure, glyphs: glyphs) }
    let (scale, big) = Painter.figureScale(
      texts, columnWidth: width / figures.count, maxHeight: maxHeight, labelRows: labelRows)
    return (big ? BigDigits.height * scale + 1 : 1) + labelRows
  }

  mutating func drawTitleSlide(_ slide: TitleSlide, in body: Rect, state: AppState) {
    // Centred as a block: the title lines, the date, the figures, the counts.
    let titleWidth = body.width - 4
    let textRows =
      (slide.isSynthetic ? 1 : 0) + wrapped(slide.planTitle, width: max(1, titleWidth)).count
      + (slide.organisation == nil ? 0 : 1) + 3
    let glanceRows = 2
    let figureRows = figureRows(
      slide.figures, width: body.width, maxHeight: body.height - textRows - glanceRows,
      labelRows: 1)
    var y = body.y + max(0, (body.height - textRows - figureRows - glanceRows) / 2)
    if slide.isSynthetic {
      centredLine(
        " " + UIText.synthetic.text(state.language) + " ", y: y, in: body, role: .synthetic)
      y += 1
    }
    y = centredParagraph(
      slide.planTitle, y: y, width: titleWidth, in: body, role: .slideTitle)
    if let organisation = slide.organisation {
      centredLine(organisation, y: y, in: body, role: .muted)
      y += 1
    }
    y += 1
    centredLine(slide.snapshotLabel, y: y, in: body, role: .heading)
    y += 2
    let used = drawFigures(
      slide.figures, y: y, in: body, maxHeight: body.y + body.height - y - glanceRows,
      showDeltas: false)
    y += used + 1
    centredLine(slide.glance, y: min(y, body.y + body.height - 1), in: body, role: .text)
  }

  mutating func drawAreaSlide(_ slide: AreaSlide, in body: Rect, state: AppState) {
    var y = body.y
    centredLine(slide.heading, y: y, in: body, role: .slideTitle)
    y += 1
    centredLine(slide.snapshotLabel, y: y, in: body, role: .heading)
    y += 2
    let programmeRows = slide.programmes.map { min($0.count, 6) + 1 } ?? 1
    let used = drawFigures(
      slide.figures, y: y, in: body,
      maxHeight: body.y + body.height - y - programmeRows - (slide.changeCaption == nil ? 0 : 1),
      showDeltas: slide.changeCaption != nil)
    y += used
    if let caption = slide.changeCaption {
      centredLine(caption, y: y, in: body, role: .muted)
      y += 1
    }
    y += 1
    guard y < body.y + body.height else { return }
    guard let programmes = slide.programmes else {
      centredLine(UIText.noProgrammeRecords.text(state.language), y: y, in: body, role: .muted)
      return
    }
    let room = body.y + body.height - y
    let shown = programmes.count > room ? Array(programmes.prefix(max(0, room - 1))) : programmes
    let listWidth = min(body.width, max(30, shown.map(displayWidth).max() ?? 0))
    let x = body.x + (body.width - listWidth) / 2
    for line in shown {
      put(line, x: x, y: y, role: .text, maxWidth: listWidth)
      y += 1
    }
    if shown.count < programmes.count {
      let more =
        state.language == .japanese
        ? "ほか\(programmes.count - shown.count)件" : "\(programmes.count - shown.count) more"
      put(more, x: x, y: y, role: .muted, maxWidth: listWidth)
    }
  }

  mutating func drawCommentSlide(_ slide: CommentSlide, in body: Rect, state: AppState) {
    var y = body.y
    centredLine(slide.heading, y: y, in: body, role: .slideTitle)
    y += 2
    // Short lines read better from afar: at most 72 columns (36 Japanese characters).
    let textWidth = min(body.width, max(30, min(72, body.width * 3 / 4)))
    let lines = wrapped(slide.text, width: textWidth)
    let metaRows = 2
    let room = body.y + body.height - y - metaRows
    // Double-spaced where there is room: easier to read from afar.
    let spacing = lines.count * 2 - 1 <= room ? 2 : 1
    let blockHeight = min(room, lines.count * spacing - (spacing - 1))
    y += max(0, (room - blockHeight) / 2)
    let x =
      body.x + (body.width - min(textWidth, lines.map { displayWidth($0.text) }.max() ?? 0)) / 2
    for line in lines where y < body.y + body.height - metaRows {
      put(line.text, x: x, y: y, role: .slideTitle, maxWidth: body.x + body.width - x)
      y += spacing
    }
    y = body.y + body.height - metaRows + 1
    var meta: [String] = []
    if !slide.areaLabels.isEmpty {
      meta.append(
        glyphs.asciiOnly
          ? "[" + slide.areaLabels.joined(separator: ", ") + "]"
          : "〔" + slide.areaLabels.joined(separator: "・") + "〕")
    }
    if slide.hasCorrections {
      let mark = UIText.corrected.text(state.language)
      meta.append(glyphs.asciiOnly ? mark.replacingOccurrences(of: "※", with: "*") : mark)
    }
    centredLine(meta.joined(separator: " "), y: y, in: body, role: .heading)
  }

  mutating func drawEventsSlide(_ slide: EventsSlide, in body: Rect, state: AppState) {
    var y = body.y
    centredLine(slide.heading, y: y, in: body, role: .slideTitle)
    y += 1
    if let note = slide.filterNote {
      centredLine(note, y: y, in: body, role: .filterChip)
    }
    y += 2
    let listWidth = min(body.width, 100)
    let x = body.x + (body.width - listWidth) / 2
    let end = body.y + body.height
    guard !slide.items.isEmpty else {
      centredLine(UIText.noEvents.text(state.language), y: y, in: body, role: .muted)
      return
    }
    for (index, item) in slide.items.enumerated() {
      // Each event takes two rows and a gap; keep the last row for "n more".
      let rowsLeft = end - y
      let remaining = slide.total - index
      if rowsLeft < 2 || (remaining > 1 && rowsLeft < 4) {
        let more =
          state.language == .japanese ? "ほか\(remaining)件" : "\(remaining) more"
        put(more, x: x, y: min(y, end - 1), role: .muted, maxWidth: listWidth)
        break
      }
      var used = put(item.when, x: x, y: y, role: .heading, maxWidth: listWidth)
      if item.isInferred {
        used += put(
          UIText.inferredNote(state.language), x: x + used, y: y, role: .inferred,
          maxWidth: listWidth - used)
      }
      put("  " + item.title, x: x + used, y: y, role: .slideTitle, maxWidth: listWidth - used)
      put("    " + item.detail, x: x, y: y + 1, role: .muted, maxWidth: listWidth)
      y += 3
    }
  }
}
