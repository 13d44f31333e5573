import JapaneseCalendar
import ShinchokuCore

/// A figure as the matrix shows it.
public enum Figure: Hashable, Sendable {
  /// The source gives it.
  case known(Int)
  /// Some parts are unknown: the known parts add up to this much, so the figure is at least it.
  case partial(atLeast: Int)
  /// The source does not give it.
  case unknown

  public var value: Int? {
    if case .known(let n) = self { return n }
    return nil
  }

  /// Sums parts, marking the sum partial where any part is not known.
  public static func sum(_ parts: [Figure]) -> Figure {
    var total = 0
    var anyKnown = false
    var allKnown = true
    for part in parts {
      switch part {
      case .known(let n):
        total += n
        anyKnown = true
      case .partial(let n):
        total += n
        anyKnown = true
        allKnown = false
      case .unknown:
        allKnown = false
      }
    }
    if allKnown { return .known(total) }
    return anyKnown ? .partial(atLeast: total) : .unknown
  }

  init(_ count: Count) {
    self = count.map(Figure.known) ?? .unknown
  }
}

public struct MatrixRowView: Sendable, Equatable {
  public var label: String
  public var number: Int?
  public var figures: [Figure]
  public var total: Figure
  public var isTotals: Bool
}

/// The progress matrix of one snapshot: what the matrix pane, `dump`, exports and slides show.
public struct MatrixView: Sendable, Equatable {
  public var snapshotDate: CivilDate?
  public var statusHeaders: [(symbol: String, name: String, statusID: String)]
  public var totalHeader: String
  public var areaHeader: String
  public var rows: [MatrixRowView]
  public var selection: MatrixPosition
  public var note: String?
  public var hasUnknown: Bool
  public var hasPartial: Bool

  public static func == (a: MatrixView, b: MatrixView) -> Bool {
    a.snapshotDate == b.snapshotDate && a.rows == b.rows && a.selection == b.selection
      && a.statusHeaders.map(\.statusID) == b.statusHeaders.map(\.statusID)
  }

  public init(state: AppState) {
    let data = state.dataset
    let language = state.language
    let snapshot = state.snapshot
    snapshotDate = snapshot?.date
    statusHeaders = data.statuses.map {
      (
        symbol: state.asciiOnly ? $0.asciiSymbol : $0.symbol, name: $0.shortName.text(language),
        statusID: $0.id
      )
    }
    totalHeader = UIText.total.text(language)
    areaHeader = UIText.area.text(language)
    var rows: [MatrixRowView] = []
    for area in data.areas {
      let counts = snapshot?.byArea[area.id] ?? StatusCounts()
      let figures = data.statuses.map { Figure(counts.count($0.id)) }
      let total = counts.statedTotal.map(Figure.known) ?? Figure.sum(figures)
      rows.append(
        MatrixRowView(
          label: area.name.text(language), number: area.number, figures: figures, total: total,
          isTotals: false))
    }
    let stated = snapshot?.stated ?? StatusCounts()
    let columnTotals = data.statuses.indices.map { column in
      stated.count(data.statuses[column].id).map(Figure.known)
        ?? Figure.sum(rows.map { $0.figures[column] })
    }
    let grand = stated.statedTotal.map(Figure.known) ?? Figure.sum(rows.map(\.total))
    rows.append(
      MatrixRowView(
        label: UIText.totals.text(language), number: nil, figures: columnTotals, total: grand,
        isTotals: true))
    self.rows = rows
    selection = state.matrixSelection
    note = snapshot?.note
    hasUnknown = rows.contains { row in (row.figures + [row.total]).contains { $0 == .unknown } }
    hasPartial = rows.contains { row in
      (row.figures + [row.total]).contains { if case .partial = $0 { true } else { false } }
    }
  }
}

/// One committee comment as a pane lists it.
public struct CommentItemView: Sendable, Equatable {
  public var number: Int
  public var text: String
  public var areaLabels: [String]
  public var hasCorrections: Bool
  public var isSelected: Bool
}

public struct CommentsView: Sendable, Equatable {
  public var title: String
  public var items: [CommentItemView]

  public init(state: AppState) {
    let data = state.dataset
    title = UIText.comments.text(state.language)
    items = data.comments.enumerated().map { index, comment in
      CommentItemView(
        number: comment.number, text: comment.text,
        areaLabels: comment.areaIDs.compactMap { id in
          data.area(id).map { UIText.areaTag(number: $0.number, language: state.language) }
        },
        hasCorrections: !comment.corrections.isEmpty || !comment.unreadable.isEmpty,
        isSelected: index == state.commentSelection)
    }
  }
}

public struct AgendaItemView: Sendable, Equatable {
  public var eventID: String
  public var title: String
  public var detail: String
  public var isSelected: Bool
}

public struct AgendaGroupView: Sendable, Equatable {
  public var heading: String
  public var isInferred: Bool
  public var items: [AgendaItemView]
}

/// The events as an agenda: dated events in date order, then those without a date.
public struct AgendaView: Sendable, Equatable {
  public var title: String
  public var groups: [AgendaGroupView]
  public var count: Int

  /// The events in the order the agenda lists them; `eventSelection` indexes this.
  public static func orderedEvents(_ data: Dataset) -> [CityEvent] {
    let dated = data.events.filter(\.isDated).sorted { ($0.start!, $0.id) < ($1.start!, $1.id) }
    return dated + data.events.filter { !$0.isDated }
  }

  public init(state: AppState) {
    let language = state.language
    let events = AgendaView.orderedEvents(state.dataset)
    count = events.count
    title = UIText.events.text(language)
    var groups: [AgendaGroupView] = []
    for (index, event) in events.enumerated() {
      let heading: String
      let inferred: Bool
      if let start = event.start {
        heading = UIText.dateRange(start, event.end, language: language)
        inferred = event.isInferred("start") || event.isInferred("end")
      } else {
        heading = UIText.undated.text(language)
        inferred = false
      }
      let item = AgendaItemView(
        eventID: event.id, title: event.title,
        detail: UIText.eventDetail(event, language: language),
        isSelected: index == state.eventSelection)
      if let last = groups.last, last.heading == heading, last.isInferred == inferred {
        groups[groups.count - 1].items.append(item)
      } else {
        groups.append(AgendaGroupView(heading: heading, isInferred: inferred, items: [item]))
      }
    }
    self.groups = groups
  }
}

/// The title line: the plan and the snapshot date both ways.
public struct TitleView: Sendable, Equatable {
  public var planTitle: String
  public var snapshotLabel: String
  public var isSynthetic: Bool

  public init(state: AppState) {
    let data = state.dataset
    planTitle = data.plan.title.text(state.language)
    isSynthetic = data.plan.isSynthetic
    if let snapshot = state.snapshot {
      let position = "\(state.snapshotIndex + 1)/\(data.snapshots.count)"
      snapshotLabel =
        UIText.snapshotLabel(snapshot.date, language: state.language) + " [\(position)]"
    } else {
      snapshotLabel = UIText.noSnapshot.text(state.language)
    }
  }
}
