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
  public static func lines(_ text: String, scale: Int = 1, block: String = "█") -> [String] {
    let scale = max(1, scale)
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

/// Presentation mode's screen: a slide (or a blank screen), the notes and the footer.
struct PresentationWidget: Widget {
  static let slideMinimumWidth = 20
  static let slideMinimumHeight = 8

  let slide: SlideView
  let presentation: PresentationState

  /// A whole screen of presentation mode: the slide, or a blank screen; the notes, the timer
  /// and the footer.
  func render(in area: Rect, on canvas: inout Canvas) {
    let chrome = canvas.chrome
    let width = area.width
    let height = area.height
    if let blank = presentation.blank {
      // White is also reversed, so that it shows light where no colour is sent (NO_COLOR).
      let style =
        blank == .black
        ? Style(foreground: .indexed(0), background: .indexed(0))
        : Style(foreground: .indexed(15), background: .indexed(15), attributes: [.reverse])
      canvas.fill(area, style: style)
      return
    }
    guard width >= Self.slideMinimumWidth, height >= Self.slideMinimumHeight else {
      // Slides need less room than the dashboard: say how much.
      canvas.draw(
        TooSmallWidget(
          view: TooSmallView(
            needWidth: Self.slideMinimumWidth, needHeight: Self.slideMinimumHeight, width: width,
            height: height, chrome: chrome)), in: area)
      return
    }
    let view = slide
    let language = chrome.language
    var bottom = area.maxY - 1
    // Footer: the slide number, the timer or the typed number, the clock; where they do not
    // all fit, the timer gives way first, then the clock.
    let footer = Rect(x: area.x, y: bottom, width: width, height: 1)
    var footerParts = [
      BarPart(
        [
          Span(
            (language == .japanese ? " スライド " : " slide ") + "\(view.number) / \(view.count)",
            .muted)
        ], priority: 3)
    ]
    if let now = presentation.now {
      footerParts.append(
        BarPart([Span(now.localClock + " ", .muted)], priority: 1, placement: .trailing))
    }
    if !presentation.jumpInput.isEmpty {
      let prompt = language == .japanese ? "スライドへ: " : "go to slide: "
      footerParts.append(
        BarPart(
          [Span(prompt + presentation.jumpInput + canvas.glyphs.inputCursor, .filterChip)],
          priority: 2, placement: .centre))
    } else if presentation.showsTimer {
      footerParts.append(
        BarPart(
          [Span(timerText(presentation, chrome: chrome), .heading)], priority: 0,
          placement: .centre))
    }
    drawBar(footerParts, in: footer, on: &canvas, gap: 2)
    // Speaker notes on the lines above the footer.
    if presentation.showsNotes {
      let notes =
        view.notes.map { sanitized($0) } ?? (language == .japanese ? "（メモなし）" : "(no notes)")
      let all = wrapped(notes, width: max(1, width - 4))
      let lines = all.prefix(max(1, (height - 8) / 3))
      bottom -= lines.count + 1
      canvas.pattern(
        String(repeating: canvas.glyphs.horizontal, count: width), x: area.x, y: bottom,
        role: .border, maxWidth: width)
      let label = language == .japanese ? " メモ " : " notes "
      canvas.put(label, x: area.x + 2, y: bottom, role: .title, maxWidth: width - 2)
      for (index, line) in lines.enumerated() {
        let y = bottom + 1 + index
        // Notes cut short end with the ellipsis.
        if index == lines.count - 1, lines.count < all.count {
          canvas.putContinued("  " + line.text, x: area.x, y: y, role: .text, maxWidth: width)
        } else {
          canvas.put("  " + line.text, x: area.x, y: y, role: .text, maxWidth: width)
        }
      }
    }
    let body = Rect(x: area.x + 2, y: area.y + 1, width: width - 4, height: bottom - area.y - 1)
    switch view.content {
    case .title(let slide): drawTitleSlide(slide, in: body, on: &canvas)
    case .matrix(var matrix):
      matrix.selection = MatrixPosition(row: -1, column: -1)
      let heading = UIText.matrix.text(language)
      let y = canvas.centredLine(heading, y: body.y, in: body, role: .slideTitle)
      let label =
        matrix.snapshotDate.map { UIText.snapshotLabel($0, language: language) }
        ?? UIText.noSnapshot.text(language)
      _ = canvas.centredLine(label, y: y + 1, in: body, role: .heading)
      let natural = MatrixPane.naturalHeight(matrix)
      let available = body.height - (y + 3 - body.y)
      let paneWidth = min(body.width, 120)
      let rect = Rect(
        x: body.x + (body.width - paneWidth) / 2, y: y + 3 + max(0, (available - natural) / 2),
        width: paneWidth, height: min(natural, available))
      canvas.draw(MatrixPane(view: matrix, focused: false), in: rect)
    case .area(let slide): drawAreaSlide(slide, in: body, on: &canvas)
    case .comment(let slide): drawCommentSlide(slide, in: body, on: &canvas)
    case .events(let slide): drawEventsSlide(slide, in: body, on: &canvas)
    }
  }

  func timerText(_ presentation: PresentationState, chrome: Chrome) -> String {
    let language = chrome.language
    func clock(_ seconds: Int?) -> String {
      guard let seconds else { return "--:--" }
      let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
      let hours = seconds / 3600
      let minutes = seconds / 60 % 60
      return (hours > 0 ? "\(hours):" : "") + two(minutes) + ":" + two(seconds % 60)
    }
    let separator = chrome.separator
    return language == .japanese
      ? "経過 \(clock(presentation.talkElapsed))\(separator)このスライド \(clock(presentation.slideElapsed))"
      : "talk \(clock(presentation.talkElapsed))\(separator)slide \(clock(presentation.slideElapsed))"
  }

  static func figureRole(_ figure: SlideFigure, index: Int, canvas: Canvas) -> Role {
    if figure.figure == .unknown { return .unknown }
    guard let id = figure.statusID else { return .bigFigure }
    return canvas.statusRole(id, index: index)
  }

  /// Figures side by side, each large with its label (and change) under it; returns the rows
  /// used.
  func drawFigures(
    _ figures: [SlideFigure], y: Int, in rect: Rect, maxHeight: Int, showDeltas: Bool,
    on canvas: inout Canvas
  ) -> Int {
    let glyphs = canvas.glyphs
    guard !figures.isEmpty, maxHeight >= 2 else { return 0 }
    let columnWidth = rect.width / figures.count
    let texts = figures.map { MatrixPane.text($0.figure, glyphs: glyphs) }
    let labelRows = showDeltas ? 2 : 1
    let (scale, big) = Self.figureScale(
      texts, columnWidth: columnWidth, maxHeight: maxHeight, labelRows: labelRows)
    for (index, figure) in figures.enumerated() {
      let column = Rect(
        x: rect.x + index * columnWidth, y: y, width: columnWidth, height: maxHeight)
      let role = Self.figureRole(figure, index: index, canvas: canvas)
      var row = y
      if big {
        for line in BigDigits.lines(texts[index], scale: scale, block: glyphs.block) {
          canvas.centredLine(line, y: row, in: column, role: role)
          row += 1
        }
        row += 1
      } else {
        canvas.centredLine(texts[index], y: row, in: column, role: role)
        row += 1
      }
      let labelRole: Role =
        figure.statusID == nil
        ? .heading : canvas.statusRole(figure.statusID!, index: index)
      canvas.centredLine(figure.label, y: row, in: column, role: labelRole)
      if showDeltas {
        let delta = MatrixPane.deltaText(figure.delta, glyphs: glyphs)
        canvas.centredLine(
          delta.isEmpty ? glyphs.unknown : delta, y: row + 1, in: column, role: .muted)
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
  func figureRows(
    _ figures: [SlideFigure], width: Int, maxHeight: Int, labelRows: Int, glyphs: Glyphs
  ) -> Int {
    guard !figures.isEmpty, maxHeight >= 2 else { return 0 }
    let texts = figures.map { MatrixPane.text($0.figure, glyphs: glyphs) }
    let (scale, big) = Self.figureScale(
      texts, columnWidth: width / figures.count, maxHeight: maxHeight, labelRows: labelRows)
    return (big ? BigDigits.height * scale + 1 : 1) + labelRows
  }

  func drawTitleSlide(_ slide: TitleSlide, in body: Rect, on canvas: inout Canvas) {
    let language = canvas.chrome.language
    let glyphs = canvas.glyphs
    // Centred as a block: the title lines, the date, the figures, the counts.
    let titleWidth = body.width - 4
    let textRows =
      (slide.isSynthetic ? 1 : 0) + wrapped(slide.planTitle, width: max(1, titleWidth)).count
      + (slide.organisation == nil ? 0 : 1) + 3
    let glanceRows = 2
    let figureRows = figureRows(
      slide.figures, width: body.width, maxHeight: body.height - textRows - glanceRows,
      labelRows: 1, glyphs: glyphs)
    var y = body.y + max(0, (body.height - textRows - figureRows - glanceRows) / 2)
    if slide.isSynthetic {
      canvas.centredLine(
        " " + UIText.synthetic.text(language) + " ", y: y, in: body, role: .synthetic)
      y += 1
    }
    y = canvas.centredParagraph(
      slide.planTitle, y: y, width: titleWidth, in: body, role: .slideTitle)
    if let organisation = slide.organisation {
      canvas.centredLine(organisation, y: y, in: body, role: .muted)
      y += 1
    }
    y += 1
    canvas.centredLine(slide.snapshotLabel, y: y, in: body, role: .heading)
    y += 2
    let used = drawFigures(
      slide.figures, y: y, in: body, maxHeight: body.y + body.height - y - glanceRows,
      showDeltas: false, on: &canvas)
    y += used + 1
    canvas.centredLine(slide.glance, y: min(y, body.y + body.height - 1), in: body, role: .text)
  }

  func drawAreaSlide(_ slide: AreaSlide, in body: Rect, on canvas: inout Canvas) {
    let language = canvas.chrome.language
    var y = body.y
    canvas.centredLine(slide.heading, y: y, in: body, role: .slideTitle)
    y += 1
    canvas.centredLine(slide.snapshotLabel, y: y, in: body, role: .heading)
    y += 2
    let programmeRows = slide.programmes.map { min($0.count, 6) + 1 } ?? 1
    let used = drawFigures(
      slide.figures, y: y, in: body,
      maxHeight: body.y + body.height - y - programmeRows - (slide.changeCaption == nil ? 0 : 1),
      showDeltas: slide.changeCaption != nil, on: &canvas)
    y += used
    if let caption = slide.changeCaption {
      canvas.centredLine(caption, y: y, in: body, role: .muted)
      y += 1
    }
    y += 1
    guard y < body.y + body.height else { return }
    guard let programmes = slide.programmes else {
      canvas.centredLine(UIText.noProgrammeRecords.text(language), y: y, in: body, role: .muted)
      return
    }
    let room = body.y + body.height - y
    let shown = programmes.count > room ? Array(programmes.prefix(max(0, room - 1))) : programmes
    let listWidth = min(body.width, max(30, shown.map(displayWidth).max() ?? 0))
    let x = body.x + (body.width - listWidth) / 2
    for line in shown {
      canvas.put(line, x: x, y: y, role: .text, maxWidth: listWidth)
      y += 1
    }
    if shown.count < programmes.count {
      let more =
        language == .japanese
        ? "ほか\(programmes.count - shown.count)件" : "\(programmes.count - shown.count) more"
      canvas.put(more, x: x, y: y, role: .muted, maxWidth: listWidth)
    }
  }

  func drawCommentSlide(_ slide: CommentSlide, in body: Rect, on canvas: inout Canvas) {
    var y = body.y
    canvas.centredLine(slide.heading, y: y, in: body, role: .slideTitle)
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
      canvas.put(line.text, x: x, y: y, role: .slideTitle, maxWidth: body.x + body.width - x)
      y += spacing
    }
    y = body.y + body.height - metaRows + 1
    var meta: [String] = []
    if !slide.areaLabels.isEmpty {
      meta.append(canvas.chrome.tags(slide.areaLabels))
    }
    if slide.hasCorrections {
      meta.append(canvas.chrome.correctedMark)
    }
    canvas.centredLine(meta.joined(separator: " "), y: y, in: body, role: .heading)
  }

  func drawEventsSlide(_ slide: EventsSlide, in body: Rect, on canvas: inout Canvas) {
    let language = canvas.chrome.language
    var y = body.y
    canvas.centredLine(slide.heading, y: y, in: body, role: .slideTitle)
    y += 1
    if let note = slide.filterNote {
      canvas.centredLine(note, y: y, in: body, role: .filterChip)
    }
    y += 2
    let listWidth = min(body.width, 100)
    let x = body.x + (body.width - listWidth) / 2
    let end = body.y + body.height
    guard !slide.items.isEmpty else {
      canvas.centredLine(UIText.noEvents.text(language), y: y, in: body, role: .muted)
      return
    }
    for (index, item) in slide.items.enumerated() {
      // Each event takes two rows and a gap; keep the last row for "n more".
      let rowsLeft = end - y
      let remaining = slide.total - index
      if rowsLeft < 2 || (remaining > 1 && rowsLeft < 4) {
        let more =
          language == .japanese ? "ほか\(remaining)件" : "\(remaining) more"
        canvas.put(more, x: x, y: min(y, end - 1), role: .muted, maxWidth: listWidth)
        break
      }
      var used = canvas.put(item.when, x: x, y: y, role: .heading, maxWidth: listWidth)
      if item.isInferred {
        used += canvas.put(
          UIText.inferredNote(language), x: x + used, y: y, role: .inferred,
          maxWidth: listWidth - used)
      }
      canvas.put(
        "  " + item.title, x: x + used, y: y, role: .slideTitle, maxWidth: listWidth - used)
      canvas.put("    " + item.detail, x: x, y: y + 1, role: .muted, maxWidth: listWidth)
      y += 3
    }
  }
}
