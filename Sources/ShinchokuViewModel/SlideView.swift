import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// A figure of a slide with what it counts.
public struct SlideFigure: Sendable, Equatable {
  /// "◎予定以上", "計".
  public var label: String
  /// The status id (for its colour); nil for a total.
  public var statusID: String?
  public var figure: Figure
  /// The figure as text: "15", "15+", "—".
  public var text: String
  /// The change since the previous snapshot; nil where either figure is unknown.
  public var delta: Int?
}

/// The title slide: the plan, the snapshot both ways, the counts at a glance.
public struct TitleSlide: Sendable, Equatable {
  public var planTitle: String
  public var organisation: String?
  public var snapshotLabel: String
  /// The snapshot's totals per status and overall.
  public var figures: [SlideFigure]
  /// "分野 5 · 意見 3 · 催し 6 · 時点 3".
  public var glance: String
  public var isSynthetic: Bool
}

/// One area: its figures, their change, its programmes where the data records them.
public struct AreaSlide: Sendable, Equatable {
  public var heading: String
  public var snapshotLabel: String
  public var figures: [SlideFigure]
  /// "2016-03-31からの増減"; nil for the first snapshot.
  public var changeCaption: String?
  /// "◎ 事業名" lines of this page; nil when the snapshot has no per-programme records.
  public var programmes: [String]?
  /// How many programmes the area lists on all its pages.
  public var programmeTotal = 0
}

/// One committee comment, set large.
public struct CommentSlide: Sendable, Equatable {
  public var heading: String
  public var text: String
  public var areaLabels: [String]
  public var hasCorrections: Bool
}

/// The upcoming events that pass the events pane's filters.
public struct EventsSlide: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var when: String
    public var title: String
    public var detail: String
    public var isInferred: Bool
  }
  public var heading: String
  /// The events of this page, as many as the screen shows.
  public var items: [Item]
  /// How many events the slide is about (on all its pages).
  public var total: Int
  /// The active filters, as chips.
  public var filterNote: String?
}

/// The slide on screen: its content (the page of it that fits), its number, the page, the
/// figure scale of the deck, and the speaker notes.
public struct SlideView: Sendable, Equatable {
  public enum Content: Sendable, Equatable {
    case title(TitleSlide)
    case matrix(MatrixView)
    case area(AreaSlide)
    case comment(CommentSlide)
    case events(EventsSlide)
    /// The trend or the savings, drawn as the matrix pane's charts are.
    case chart(ChartView)
  }

  public var content: Content
  /// 1-based.
  public var number: Int
  public var count: Int
  /// The page shown (0-based) and how many the slide has at this screen's size.
  public var page: Int
  public var pageCount: Int
  /// The scale of the large figures, one for the whole deck at this size (0: plain text).
  public var figureScale: Int
  public var geometry: SlideGeometry
  public var notes: String?
  /// The notes as the projected screen shows them when asked (`--notes-on-screen`): the
  /// wrapped lines that fit (nil when they are hidden), and whether some were left out.
  public var projectedNotes: [String]?
  public var projectedNotesCut = false

  public init(state: AppState, presentation: PresentationState) {
    self.init(
      state: state, slideIndex: presentation.slideIndex, page: presentation.page,
      showsNotes: presentation.showsNotes && presentation.role == .projector)
  }

  /// Slide `slideIndex` (clamped to the deck) at `page` (clamped to its pages).
  public init(state: AppState, slideIndex: Int, page: Int, showsNotes: Bool) {
    let deck = presentationDeck(state)
    count = deck.slides.count
    let index = max(0, min(slideIndex, count - 1))
    number = index + 1
    let slide = deck.slides.indices.contains(index) ? deck.slides[index] : DeckSlide(.title)
    notes = slide.notes
    let lines = showsNotes ? Self.noteLines(slide.notes, state: state) : nil
    geometry = SlideGeometry(
      width: state.width, height: state.height,
      notesRows: lines.map { SlideGeometry.notesLines($0.count, height: state.height) + 1 } ?? 0)
    if let lines {
      let shown = SlideGeometry.notesLines(lines.count, height: state.height)
      projectedNotes = Array(lines.prefix(shown))
      projectedNotesCut = shown < lines.count
    }
    figureScale = deckFigureScale(state, showsNotes: showsNotes)
    let paged = SlideView.content(
      slide.kind, state: state, paging: Paging(geometry: geometry, scale: figureScale, page: page))
    content = paged.content
    pageCount = paged.pages
    self.page = max(0, min(page, paged.pages - 1))
  }

  static func noteLines(_ notes: String?, state: AppState) -> [String] {
    let text = notes.map { sanitized($0) } ?? UIText.noNotes.text(state.language)
    return wrapped(text, width: max(1, state.width - 4)).map(\.text)
  }

  /// What a page holds: nil geometry is everything on one page (the handout).
  struct Paging {
    var geometry: SlideGeometry?
    var scale: Int
    var page: Int
    static let whole = Paging(geometry: nil, scale: 0, page: 0)
  }

  /// A slide's content, whole (`paging: .whole`, for the handout) or one page of it.
  static func content(_ kind: SlideKind, state: AppState, paging: Paging) -> (
    content: Content, pages: Int
  ) {
    let language = state.language
    let data = state.dataset
    let glyphs = state.chrome.glyphs
    let matrix = MatrixView(state: state)
    let snapshotLabel =
      state.snapshot.map { UIText.snapshotLabel($0.date, language: language) }
      ?? UIText.noSnapshot.text(language)
    func figures(_ row: MatrixRowView?) -> [SlideFigure] {
      guard let row else { return [] }
      var figures = zip(matrix.statusHeaders, row.figures).enumerated().map { index, pair in
        SlideFigure(
          label: pair.0.symbol + pair.0.name, statusID: pair.0.statusID, figure: pair.1,
          text: pair.1.text(glyphs),
          delta: row.deltas.indices.contains(index) ? row.deltas[index] : nil)
      }
      figures.append(
        SlideFigure(
          label: matrix.totalHeader, statusID: nil, figure: row.total,
          text: row.total.text(glyphs), delta: row.deltas.last ?? nil))
      return figures
    }
    switch kind {
    case .title:
      return (.title(titleSlide(state, matrix: matrix, figures: figures(matrix.rows.last))), 1)
    case .matrix:
      return (.matrix(matrix), 1)
    case .trend, .savings:
      // A chart taller than the slide goes on pages (the column headings over its bars).
      var chart = ChartView(kind == .trend ? .trend : .savings, state: state)
      var pages = 1
      if let geometry = paging.geometry {
        let ranges = chart.pages(
          width: geometry.chartWidth, chrome: state.chrome,
          perPage: geometry.chartRows - chart.headingRows)
        pages = ranges.count
        let range = ranges[max(0, min(paging.page, pages - 1))]
        chart.scroll = range.lowerBound
        chart.pageLength = range.count
        // The bars come first: a page after them holds notes, under no column headings.
        chart.showsHeadings = range.lowerBound < chart.rows.count
      }
      return (.chart(chart), pages)
    case .area(let id):
      let row = matrix.rows.first { $0.areaID == id }
      let area = data.area(id)
      var programmes: [String]?
      if let snapshot = state.snapshot, data.hasProgrammeRecords(snapshot) {
        programmes = data.programmes.filter { $0.areaID == id }.compactMap { programme in
          guard let status = programme.statuses[snapshot.date].flatMap({ data.status($0) }) else {
            return nil
          }
          return state.chrome.symbol(status) + " "
            + sanitized(programme.title)
        }
      }
      let caption = matrix.previousSnapshotDate.map { UIText.changeSince($0, language: language) }
      var pages = 1
      let total = programmes?.count ?? 0
      if let geometry = paging.geometry, let all = programmes {
        let perPage = geometry.areaListRows(scale: paging.scale, hasCaption: caption != nil)
        pages = SlideGeometry.pages(all.count, perPage: perPage)
        let page = max(0, min(paging.page, pages - 1))
        programmes = Array(all.dropFirst(page * perPage).prefix(perPage))
      }
      return (
        .area(
          AreaSlide(
            heading: area.map {
              UIText.areaTag(number: $0.number, language: language) + " "
                + sanitized($0.name.text(language))
            } ?? id,
            snapshotLabel: snapshotLabel, figures: figures(row), changeCaption: caption,
            programmes: programmes, programmeTotal: total)), pages
      )
    case .comment(let id):
      let comment = data.comments.first { $0.id == id }
      return (
        .comment(
          CommentSlide(
            heading: language == .japanese
              ? "委員会の意見 \(comment?.number ?? 0)" : "Committee comment \(comment?.number ?? 0)",
            text: sanitized(capped(comment?.text ?? "")),
            areaLabels: comment?.areaIDs.compactMap { areaID in
              data.area(areaID).map {
                UIText.areaTag(number: $0.number, language: language) + " "
                  + sanitized($0.name.text(language))
              }
            } ?? [],
            hasCorrections: comment.map { !$0.corrections.isEmpty || !$0.unreadable.isEmpty }
              ?? false)), 1
      )
    case .events:
      let from = state.calendar.selectedDay
      let filter = state.calendar.filter
      var events: [CityEvent]
      var total: Int
      var pages = 1
      if let geometry = paging.geometry {
        let perPage = geometry.eventsPerPage
        total = state.eventIndex.upcoming(from: from, filter: filter, limit: 0).total
        pages = SlideGeometry.pages(total, perPage: perPage)
        let page = max(0, min(paging.page, pages - 1))
        events = Array(
          state.eventIndex.upcoming(from: from, filter: filter, limit: (page + 1) * perPage)
            .events.dropFirst(page * perPage))
      } else {
        (events, total) = state.eventIndex.upcoming(from: from, filter: filter, limit: Int.max)
      }
      let items = events.map { event in
        EventsSlide.Item(
          when: event.start.map {
            UIText.dateRange($0, event.end, language: language, asciiOnly: state.asciiOnly)
          } ?? UIText.undated.text(language),
          title: sanitized(event.title),
          detail: sanitized(
            UIText.eventDetail(event, language: language, asciiOnly: state.asciiOnly)),
          isInferred: event.isInferred("start") || event.isInferred("end"))
      }
      let heading =
        language == .japanese
        ? "\(UIText.events.text(language))（\(from.year)年\(from.month)月\(from.day)日から）"
        : "\(UIText.events.text(language)) from \(from.iso)"
      return (
        .events(
          EventsSlide(
            heading: heading, items: items, total: total,
            filterNote: state.calendar.filter.isActive
              ? (language == .japanese ? "絞り込み中: " : "filtered: ")
                + CalendarView(state: state).chips.joined(separator: " ") : nil)), pages
      )
    }
  }

  static func titleSlide(_ state: AppState, matrix: MatrixView, figures: [SlideFigure])
    -> TitleSlide
  {
    let language = state.language
    let data = state.dataset
    let dot = state.chrome.separator
    let glance =
      language == .japanese
      ? "分野 \(data.areas.count)\(dot)意見 \(data.comments.count)\(dot)催し \(data.events.count)\(dot)時点 \(data.snapshots.count)"
      : "\(data.areas.count) areas\(dot)\(data.comments.count) comments\(dot)\(data.events.count) events\(dot)\(data.snapshots.count) snapshots"
    return TitleSlide(
      planTitle: sanitized(data.plan.title.text(language)),
      organisation: data.plan.organisation.map { sanitized($0) },
      snapshotLabel: state.snapshot.map { UIText.snapshotLabel($0.date, language: language) }
        ?? UIText.noSnapshot.text(language),
      figures: figures,
      glance: glance,
      isSynthetic: data.plan.isSynthetic)
  }
}

/// The pages slide `index` of the deck has at the screen's size.
func slidePageCount(_ state: AppState, slide index: Int) -> Int {
  // The presenter view shows the projector's pages; its own screen does not page them.
  guard let presentation = state.presentation, presentation.role == .projector else { return 1 }
  let deck = presentationDeck(state)
  guard deck.slides.indices.contains(index) else { return 1 }
  switch deck.slides[index].kind {
  case .area, .events, .trend, .savings:
    return SlideView(state: state, slideIndex: index, page: 0, showsNotes: presentation.showsNotes)
      .pageCount
  default: return 1
  }
}

/// The one scale the deck's large figures are drawn at on this screen: the largest at which
/// every slide's figures fit (so they do not jump between slides); 0 when some slide has no
/// room for even 1× (then every slide shows them as plain text).
public func deckFigureScale(_ state: AppState, showsNotes: Bool) -> Int {
  let deck = presentationDeck(state)
  let matrix = MatrixView(state: state)
  let glyphs = state.chrome.glyphs
  let hasProgrammes = state.snapshot.map { state.dataset.hasProgrammeRecords($0) } ?? false
  let hasCaption = matrix.previousSnapshotDate != nil
  var scale = SlideGeometry.largestScale
  var title: TitleSlide?
  for slide in deck.slides {
    var notesRows = 0
    if showsNotes {
      let lines = SlideView.noteLines(slide.notes, state: state).count
      notesRows = SlideGeometry.notesLines(lines, height: state.height) + 1
    }
    let geometry = SlideGeometry(width: state.width, height: state.height, notesRows: notesRows)
    let row: MatrixRowView?
    let room: Int
    let labelRows: Int
    switch slide.kind {
    case .title:
      row = matrix.rows.last
      let slide = title ?? SlideView.titleSlide(state, matrix: matrix, figures: [])
      title = slide
      room = geometry.titleFigureRoom(slide)
      labelRows = 1
    case .area(let id):
      row = matrix.rows.first { $0.areaID == id }
      room = geometry.areaFigureRoom(hasCaption: hasCaption, hasProgrammes: hasProgrammes)
      labelRows = hasCaption ? 2 : 1
    default: continue
    }
    guard let row else { continue }
    let texts = row.cells.map { $0.text(glyphs) }
    scale = min(
      scale,
      SlideGeometry.largestScale(
        texts, columnWidth: geometry.bodyWidth / texts.count, maxHeight: room,
        labelRows: labelRows))
  }
  return scale
}
