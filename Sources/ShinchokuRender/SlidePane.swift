import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// Presentation mode's screen: a slide (or a blank screen), the notes and the footer.
struct PresentationWidget: Widget {
  static let slideMinimumWidth = SlideGeometry.minimumWidth
  static let slideMinimumHeight = SlideGeometry.minimumHeight

  let slide: SlideView
  let presentation: PresentationState
  /// What the last key changed ("スライド 3 / 8: …"), said in the footer in place of the number.
  var notice: String? = nil

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
    // The notice or slide number first, cut to the footer where it is longer (a long heading),
    // never left out.
    let lead =
      notice.map { " " + sanitized($0) } ?? " " + Self.slideNumberText(view, chrome: chrome)
    var footerParts = [
      BarPart(
        [Span(truncated(lead, toWidth: width, ellipsis: canvas.glyphs.ellipsis), .muted)],
        priority: 3)
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
    // Speaker notes on the lines above the footer, when asked for (`--notes-on-screen`).
    if let lines = view.projectedNotes {
      bottom -= view.geometry.notesRows
      canvas.pattern(
        String(repeating: canvas.glyphs.horizontal, count: width), x: area.x, y: bottom,
        role: .border, maxWidth: width)
      let label = language == .japanese ? " メモ " : " notes "
      canvas.put(label, x: area.x + 2, y: bottom, role: .title, maxWidth: width - 2)
      for (index, line) in lines.enumerated() {
        let y = bottom + 1 + index
        // Notes cut short end with the ellipsis.
        if index == lines.count - 1, view.projectedNotesCut {
          canvas.putContinued("  " + line, x: area.x, y: y, role: .text, maxWidth: width)
        } else {
          canvas.put("  " + line, x: area.x, y: y, role: .text, maxWidth: width)
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
    case .chart(let chart):
      let y = canvas.centredLine(chart.title, y: body.y, in: body, role: .slideTitle)
      // Centred as the matrix slide is: across (at most 120 wide) and in the rows left; a page
      // of a chart on several holds the lines from its scroll on.
      let chartWidth = view.geometry.chartWidth
      let chartBody = ChartBody(view: chart)
      let available = view.geometry.chartRows
      let natural =
        chart.headingRows
        + (chart.pageLength ?? chart.lines(width: chartWidth, chrome: canvas.chrome).count)
      canvas.draw(
        chartBody,
        in: Rect(
          x: body.x + (body.width - chartWidth) / 2, y: y + 1 + max(0, (available - natural) / 2),
          width: chartWidth, height: min(available, natural)))
    }
  }

  /// "スライド 3 / 11", with "· ページ 2/5" on a slide of several pages.
  static func slideNumberText(_ view: SlideView, chrome: Chrome) -> String {
    UIText.slideNumber(
      view.number, of: view.count, page: view.page, of: view.pageCount, chrome: chrome)
  }

  func timerText(_ presentation: PresentationState, chrome: Chrome) -> String {
    UIText.timers(talk: presentation.talkElapsed, slide: presentation.slideElapsed, chrome: chrome)
  }

  static func figureRole(_ figure: SlideFigure, index: Int, canvas: Canvas) -> Role {
    if figure.figure == .unknown { return .unknown }
    guard let id = figure.statusID else { return .bigFigure }
    return canvas.statusRole(id, index: index)
  }

  /// Figures side by side, each large (at the deck's scale) with its label (and change) under
  /// it; returns the rows used.
  func drawFigures(
    _ figures: [SlideFigure], y: Int, in rect: Rect, showDeltas: Bool, on canvas: inout Canvas
  ) -> Int {
    let glyphs = canvas.glyphs
    guard !figures.isEmpty else { return 0 }
    let columnWidth = rect.width / figures.count
    let labelRows = showDeltas ? 2 : 1
    let scale = slide.figureScale
    for (index, figure) in figures.enumerated() {
      let column = Rect(
        x: rect.x + index * columnWidth, y: y, width: columnWidth, height: rect.maxY - y)
      let role = Self.figureRole(figure, index: index, canvas: canvas)
      var row = y
      if scale > 0 {
        for line in BigDigits.lines(figure.text, scale: scale, block: glyphs.block) {
          canvas.centredLine(line, y: row, in: column, role: role)
          row += 1
        }
        row += 1
      } else {
        canvas.centredLine(figure.text, y: row, in: column, role: role)
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
    return SlideGeometry.figureRows(scale: scale, labelRows: labelRows)
  }

  func drawTitleSlide(_ slide: TitleSlide, in body: Rect, on canvas: inout Canvas) {
    let language = canvas.chrome.language
    let geometry = self.slide.geometry
    // Centred as a block: the title lines, the date, the figures, the counts.
    let titleWidth = body.width - 4
    let textRows = geometry.titleTextRows(slide)
    let glanceRows = SlideGeometry.titleGlanceRows
    let figureRows =
      slide.figures.isEmpty
      ? 0 : SlideGeometry.figureRows(scale: self.slide.figureScale, labelRows: 1)
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
    let used = drawFigures(slide.figures, y: y, in: body, showDeltas: false, on: &canvas)
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
    let used = drawFigures(
      slide.figures, y: y, in: body, showDeltas: slide.changeCaption != nil, on: &canvas)
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
    // This page of the list: the view model pages it to the rows left (the footer says which).
    let listWidth = min(body.width, max(30, programmes.map(displayWidth).max() ?? 0))
    let x = body.x + (body.width - listWidth) / 2
    for line in programmes where y < body.y + body.height {
      canvas.put(line, x: x, y: y, role: .text, maxWidth: listWidth)
      y += 1
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
    y = body.y + SlideGeometry.eventsHeaderRows
    let listWidth = min(body.width, 100)
    let x = body.x + (body.width - listWidth) / 2
    let end = body.y + body.height
    guard !slide.items.isEmpty else {
      canvas.centredLine(UIText.noEvents.text(language), y: y, in: body, role: .muted)
      return
    }
    // This page of the events: each takes two rows and a gap (the footer says which page).
    for item in slide.items where y + 1 < end {
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
