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
  /// "◎ 事業名" lines; nil when the snapshot has no per-programme records.
  public var programmes: [String]?
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
  /// The first events, as many as a screen can show.
  public var items: [Item]
  /// How many events the slide is about (`items` and the rest).
  public var total: Int
  /// The active filters, as chips.
  public var filterNote: String?
}

/// The slide on screen: its content, its number, and the speaker notes.
public struct SlideView: Sendable, Equatable {
  public enum Content: Sendable, Equatable {
    case title(TitleSlide)
    case matrix(MatrixView)
    case area(AreaSlide)
    case comment(CommentSlide)
    case events(EventsSlide)
  }

  public var content: Content
  /// 1-based.
  public var number: Int
  public var count: Int
  public var notes: String?

  public init(state: AppState, presentation: PresentationState) {
    let deck = presentationDeck(state)
    count = deck.slides.count
    let index = max(0, min(presentation.slideIndex, count - 1))
    number = index + 1
    let slide = deck.slides.indices.contains(index) ? deck.slides[index] : DeckSlide(.title)
    notes = slide.notes
    content = SlideView.content(slide.kind, state: state)
  }

  static func content(_ kind: SlideKind, state: AppState) -> Content {
    let language = state.language
    let data = state.dataset
    let matrix = MatrixView(state: state)
    let snapshotLabel =
      state.snapshot.map { UIText.snapshotLabel($0.date, language: language) }
      ?? UIText.noSnapshot.text(language)
    func figures(_ row: MatrixRowView?) -> [SlideFigure] {
      guard let row else { return [] }
      var figures = zip(matrix.statusHeaders, row.figures).enumerated().map { index, pair in
        SlideFigure(
          label: pair.0.symbol + pair.0.name, statusID: pair.0.statusID, figure: pair.1,
          delta: row.deltas.indices.contains(index) ? row.deltas[index] : nil)
      }
      figures.append(
        SlideFigure(
          label: matrix.totalHeader, statusID: nil, figure: row.total, delta: row.deltas.last ?? nil
        ))
      return figures
    }
    switch kind {
    case .title:
      let glance =
        language == .japanese
        ? "分野 \(data.areas.count) · 意見 \(data.comments.count) · 催し \(data.events.count) · 時点 \(data.snapshots.count)"
        : "\(data.areas.count) areas · \(data.comments.count) comments · \(data.events.count) events · \(data.snapshots.count) snapshots"
      return .title(
        TitleSlide(
          planTitle: sanitized(data.plan.title.text(language)),
          organisation: data.plan.organisation.map { sanitized($0) },
          snapshotLabel: snapshotLabel, figures: figures(matrix.rows.last),
          glance: state.asciiOnly ? glance.replacingOccurrences(of: "·", with: "/") : glance,
          isSynthetic: data.plan.isSynthetic))
    case .matrix:
      return .matrix(matrix)
    case .area(let id):
      let row = matrix.rows.first { $0.areaID == id }
      let area = data.area(id)
      var programmes: [String]?
      if let snapshot = state.snapshot, data.hasProgrammeRecords(snapshot) {
        programmes = data.programmes.filter { $0.areaID == id }.compactMap { programme in
          guard let status = programme.statuses[snapshot.date].flatMap({ data.status($0) }) else {
            return nil
          }
          return (state.asciiOnly ? status.asciiSymbol : status.symbol) + " "
            + sanitized(programme.title)
        }
      }
      return .area(
        AreaSlide(
          heading: area.map {
            UIText.areaTag(number: $0.number, language: language) + " "
              + sanitized($0.name.text(language))
          } ?? id,
          snapshotLabel: snapshotLabel, figures: figures(row),
          changeCaption: matrix.previousSnapshotDate.map {
            UIText.changeSince($0, language: language)
          },
          programmes: programmes))
    case .comment(let id):
      let comment = data.comments.first { $0.id == id }
      return .comment(
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
            ?? false))
    case .events:
      let from = state.calendar.selectedDay
      // An event takes three rows: no screen shows more than a third of its height.
      let (events, total) = state.eventIndex.upcoming(
        from: from, filter: state.calendar.filter, limit: max(1, state.height / 3 + 1))
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
      return .events(
        EventsSlide(
          heading: heading, items: items, total: total,
          filterNote: state.calendar.filter.isActive
            ? (language == .japanese ? "絞り込み中: " : "filtered: ")
              + CalendarView(state: state).chips.joined(separator: " ") : nil))
    }
  }
}
