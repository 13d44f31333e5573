import JapaneseCalendar
import ShinchokuCore
import TerminalText

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
  /// The area's id; nil for the totals row.
  public var areaID: String?
  public var figures: [Figure]
  public var total: Figure
  /// The change since the previous snapshot, per figure then the total; nil where either
  /// figure is not known.
  public var deltas: [Int?]
  public var isTotals: Bool

  /// The figures then the total: one per matrix column.
  public var cells: [Figure] { figures + [total] }
}

/// The progress matrix of one snapshot: what the matrix pane, `dump`, exports and slides show.
public struct MatrixView: Sendable, Equatable {
  public var snapshotDate: CivilDate?
  public var previousSnapshotDate: CivilDate?
  public var statusHeaders: [StatusHeader]
  public var totalHeader: String
  public var areaHeader: String
  public var rows: [MatrixRowView]
  public var selection: MatrixPosition
  public var note: String?
  public var hasUnknown: Bool
  public var hasPartial: Bool

  public struct StatusHeader: Sendable, Equatable {
    public var statusID: String
    public var symbol: String
    public var name: String
  }

  public init(state: AppState) {
    self.init(Inputs(state: state))
  }

  /// Everything the matrix's view is made of (equal inputs make equal views: the renderer keeps
  /// the last view while they do not change, as on a move in the calendar).
  public struct Inputs: Sendable, Equatable {
    var dataset: Dataset
    var snapshotIndex: Int
    var language: Language
    var asciiOnly: Bool
    var selection: MatrixPosition

    public init(state: AppState) {
      dataset = state.dataset
      snapshotIndex = state.snapshotIndex
      language = state.language
      asciiOnly = state.asciiOnly
      selection = state.matrix.selection
    }
  }

  public init(_ inputs: Inputs) {
    self.init(
      dataset: inputs.dataset, snapshotIndex: inputs.snapshotIndex, language: inputs.language,
      asciiOnly: inputs.asciiOnly, selection: inputs.selection)
  }

  public init(
    dataset data: Dataset, snapshotIndex: Int, language: Language, asciiOnly: Bool = false,
    selection: MatrixPosition = MatrixPosition(row: 0, column: 0)
  ) {
    let snapshot =
      data.snapshots.indices.contains(snapshotIndex) ? data.snapshots[snapshotIndex] : nil
    let previous = snapshotIndex > 0 && snapshot != nil ? data.snapshots[snapshotIndex - 1] : nil
    snapshotDate = snapshot?.date
    previousSnapshotDate = previous?.date
    let chrome = Chrome(language: language, asciiOnly: asciiOnly)
    statusHeaders = data.statuses.map {
      StatusHeader(
        statusID: $0.id, symbol: chrome.symbol($0),
        name: $0.shortName.text(language))
    }
    totalHeader = UIText.total.text(language)
    areaHeader = UIText.area.text(language)
    let current = MatrixView.figures(data, snapshot)
    let before = previous.map { MatrixView.figures(data, $0) }
    var rows: [MatrixRowView] = []
    for (index, cells) in current.enumerated() {
      let area = index < data.areas.count ? data.areas[index] : nil
      let deltas: [Int?] = cells.indices.map { column in
        guard let now = cells[column].value, let then = before?[index][column].value else {
          return nil
        }
        return now - then
      }
      rows.append(
        MatrixRowView(
          label: area?.name.text(language) ?? UIText.totals.text(language), number: area?.number,
          areaID: area?.id,
          figures: Array(cells.dropLast()), total: cells.last ?? .unknown, deltas: deltas,
          isTotals: area == nil))
    }
    self.rows = rows
    self.selection = selection
    note = snapshot?.note
    hasUnknown = rows.contains { $0.cells.contains(.unknown) }
    hasPartial = rows.contains { row in
      row.cells.contains { if case .partial = $0 { true } else { false } }
    }
  }

  /// Per area then the totals row: the figure per status, then the row's total.
  static func figures(_ data: Dataset, _ snapshot: ProgressSnapshot?) -> [[Figure]] {
    var rows: [[Figure]] = data.areas.map { area in
      let figures = data.statuses.map {
        Figure(snapshot?.count(area: area.id, status: $0.id) ?? nil)
      }
      let total = (snapshot?.statedOrRecordedTotal(area: area.id)).flatMap { $0 }.map(Figure.known)
      return figures + [total ?? Figure.sum(figures)]
    }
    let stated = snapshot?.stated ?? StatusCounts()
    var totals = data.statuses.indices.map { column in
      stated.count(data.statuses[column].id).map(Figure.known)
        ?? Figure.sum(rows.map { $0[column] })
    }
    totals.append(
      stated.statedTotal.map(Figure.known) ?? Figure.sum(rows.map { $0.last ?? .unknown }))
    rows.append(totals)
    return rows
  }

  /// The figure in a cell of the matrix.
  public func figure(at position: MatrixPosition) -> Figure? {
    guard rows.indices.contains(position.row) else { return nil }
    let cells = rows[position.row].cells
    return cells.indices.contains(position.column) ? cells[position.column] : nil
  }
}

/// One committee comment as a pane lists it.
public struct CommentItemView: Sendable, Equatable {
  public var id: String
  public var number: Int
  public var text: String
  public var areaLabels: [String]
  /// "2012-03-31（平成23年度末）" and the meeting, where the data gives them.
  public var context: String?
  public var hasCorrections: Bool
  public var isSelected: Bool
  /// About the area selected in the matrix.
  public var isLinked: Bool
  /// Where the search query occurs in `text` (character offsets).
  public var matches: [Range<Int>]
}

public struct CommentsView: Sendable, Equatable {
  public var title: String
  public var items: [CommentItemView]
  /// The area the list is narrowed to (`l`), if it is.
  public var onlyArea: String?
  /// The search line: nil when there is no search.
  public var searchLine: String?
  public var isEditingQuery: Bool
  /// The selected comment's index in `items` (nil when there are none).
  public var selection: Int?
  /// Columns of the search line up to the end of the typed query ("/" and the query).
  public var typedEnd: Int?

  public init(state: AppState) {
    self.init(Inputs(state: state))
  }

  /// Everything the comments' view is made of (equal inputs make equal views: the renderer
  /// keeps the last view while they do not change, as on a move in the calendar).
  public struct Inputs: Sendable, Equatable {
    var dataset: Dataset
    var language: Language
    var chrome: Chrome
    var comments: CommentsState
    /// The area the matrix selection is on.
    var linkedArea: PlanArea?

    public init(state: AppState) {
      dataset = state.dataset
      language = state.language
      chrome = state.chrome
      comments = state.comments
      linkedArea = selectedArea(state)
    }
  }

  public init(_ inputs: Inputs) {
    let data = inputs.dataset
    let language = inputs.language
    title = UIText.comments.text(language)
    let linkedArea = inputs.linkedArea
    onlyArea =
      inputs.comments.onlyLinked
      ? linkedArea.map { UIText.areaTag(number: $0.number, language: language) } : nil
    let query = inputs.comments.query
    let visible = CommentsContext(all: data.comments, linkedArea: linkedArea, language: language)
      .visible(inputs.comments)
    items = visible.enumerated().map { index, comment in
      let text = sanitized(capped(comment.text))
      var context: [String] = []
      if let date = comment.snapshotDate {
        // Short: the report it was made on, "平成23年度末" / "FY2011 year-end (Heisei 23)".
        context.append(
          language == .japanese ? fiscalYearLabel(of: date) : englishFiscalYearLabel(of: date))
      }
      if let meeting = comment.meeting { context.append(meeting) }
      return CommentItemView(
        id: comment.id, number: comment.number, text: text,
        areaLabels: comment.areaIDs.compactMap { id in
          data.area(id).map { UIText.areaTag(number: $0.number, language: language) }
        },
        context: context.isEmpty ? nil : context.joined(separator: " "),
        hasCorrections: !comment.corrections.isEmpty || !comment.unreadable.isEmpty,
        isSelected: index == inputs.comments.selection,
        isLinked: linkedArea.map { comment.areaIDs.contains($0.id) } ?? false,
        matches: query.isEmpty ? [] : foldedMatches(of: query, in: text))
    }
    isEditingQuery = inputs.comments.isEditingQuery
    selection = items.isEmpty ? nil : inputs.comments.selection
    typedEnd = inputs.comments.isEditingQuery ? displayWidth("/" + sanitized(query)) : nil
    if inputs.comments.isEditingQuery || !query.isEmpty {
      let count = items.filter { !$0.matches.isEmpty }.count
      searchLine =
        "/" + query + (inputs.comments.isEditingQuery ? inputs.chrome.glyphs.inputCursor : "")
        + "  "
        + UIText.matchCount(count, language: language)
    } else {
      searchLine = nil
    }
  }
}

/// One comment open for reading: its text, where it came from, and what was corrected.
public struct CommentReadingView: Sendable, Equatable {
  public var heading: String
  /// Label and value pairs shown above the text.
  public var facts: [LabelledValue]
  public var text: String
  public var matches: [Range<Int>]
  /// "訂正「…」 OCRの読み「…」 — note" lines.
  public var corrections: [String]
  public var scroll: Int

  public struct LabelledValue: Sendable, Equatable {
    public var label: String
    public var value: String
  }

  public init?(state: AppState) {
    guard let id = state.comments.openCommentID,
      let comment = state.dataset.comments.first(where: { $0.id == id })
    else { return nil }
    let data = state.dataset
    let language = state.language
    heading = UIText.commentNumber(comment.number, language: language)
    var facts: [LabelledValue] = []
    let areas = comment.areaIDs.compactMap { data.area($0) }.map {
      "\($0.number) \($0.name.text(language))"
    }
    facts.append(
      LabelledValue(
        label: UIText.area.text(language),
        value: areas.isEmpty ? state.chrome.glyphs.unknown : areas.joined(separator: "、")
      ))
    facts.append(
      LabelledValue(
        label: UIText.snapshotField.text(language),
        value: comment.snapshotDate.map { UIText.snapshotLabel($0, language: language) }
          ?? state.chrome.glyphs.unknown))
    facts.append(
      LabelledValue(
        label: UIText.meeting.text(language),
        value: comment.meeting ?? state.chrome.glyphs.unknown))
    facts.append(
      LabelledValue(
        label: UIText.fieldSource.text(language),
        value: data.sources[comment.source]?.title ?? comment.source))
    self.facts = facts
    text = sanitized(capped(comment.text))
    matches = state.comments.query.isEmpty ? [] : foldedMatches(of: state.comments.query, in: text)
    corrections =
      comment.corrections.map {
        UIText.correctionLine($0, language: language, asciiOnly: state.asciiOnly)
      }
      + comment.unreadable.map { UIText.unreadableLine($0, language: language) }
    scroll = state.comments.readingScroll
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
      // A plan whose source contradicts itself says so beside the date (see `!` and `t`).
      snapshotLabel =
        (data.plan.inconsistency == nil
          ? "" : state.chrome.noteMark + UIText.inconsistency.text(state.language) + " ")
        + UIText.snapshotLabel(snapshot.date, language: state.language) + " [\(position)]"
    } else {
      snapshotLabel = UIText.noSnapshot.text(state.language)
    }
  }
}

/// The programmes behind a matrix cell: the first level of the drill-down.
public struct ProgrammeListView: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var id: String
    public var title: String
    public var section: String
    public var statusID: String
    public var statusSymbol: String
    public var statusName: String
    /// The status's place in the data's scale (for its colour where it has no own role).
    public var statusIndex: Int
    public var isSelected: Bool
  }

  /// "分野1 地域協働の推進 · ◎予定以上 · 2017-03-31 · 所管課 収納課 · 3件 / 12件".
  public var heading: String
  public var rows: [Row]
  public var selection: Int
  /// The search line at the foot ("/収納▏  3件"), while typing or while a search is kept.
  public var searchLine: String?
  /// Where the typed text ends in the search line (columns), while typing.
  public var typedEnd: Int?

  public init(state: AppState, drill: MatrixDrill) {
    let data = state.dataset
    let language = state.language
    let chrome = state.chrome
    var parts: [String] = []
    if drill.cell.row < data.areas.count {
      let area = data.areas[drill.cell.row]
      parts.append(
        UIText.areaTag(number: area.number, language: language) + " " + area.name.text(language))
    } else {
      parts.append(UIText.allAreas.text(language))
    }
    if drill.cell.column < data.statuses.count {
      let status = data.statuses[drill.cell.column]
      parts.append(
        chrome.symbol(status) + status.name.text(language))
    } else {
      parts.append(UIText.allStatuses.text(language))
    }
    if let snapshot = state.snapshot { parts.append(snapshot.date.iso) }
    if let section = drill.section {
      parts.append(UIText.sectionFilter.text(language) + " " + sanitized(section))
    }
    let context = state.matrixContext
    let programmes = context.listed(drill)
    let count = UIText.count(programmes.count, language: language)
    parts.append(
      drill.isFiltered
        ? count + " / "
          + UIText.count(context.programmes(behind: drill.cell).count, language: language)
        : count)
    heading = parts.joined(separator: chrome.separator)
    selection = drill.selection
    let typing = state.matrix.input?.kind == .search
    if typing || !drill.query.isEmpty {
      let query = sanitized(typing ? state.matrix.input?.text ?? "" : drill.query)
      typedEnd = typing ? displayWidth("/" + query) : nil
      searchLine =
        "/" + query + (typing ? chrome.glyphs.inputCursor : "") + "  "
        + UIText.matchCount(programmes.count, language: language)
    }
    rows = programmes.enumerated().map { index, programme in
      let status = state.snapshot.flatMap { programme.statuses[$0.date] }.flatMap {
        data.status($0)
      }
      let dash = chrome.glyphs.unknown
      return Row(
        id: programme.id, title: programme.title, section: programme.section ?? dash,
        statusID: status?.id ?? "",
        statusSymbol: status.map(chrome.symbol) ?? "",
        statusName: status?.shortName.text(language) ?? dash,
        statusIndex: data.statuses.firstIndex { $0.id == status?.id } ?? 0,
        isSelected: index == drill.selection)
    }
  }
}

/// One programme in full: every field, its notes, and its status in each snapshot.
public struct ProgrammeDetailView: Sendable, Equatable {
  public struct HistoryEntry: Sendable, Equatable {
    public var date: CivilDate
    /// nil where the snapshot has no record of the programme.
    public var statusID: String?
    public var symbol: String
    public var statusIndex: Int
    public var isCurrent: Bool
  }

  public var title: String
  public var fields: [(label: String, value: String)]
  public var history: [HistoryEntry]
  /// The changes recorded in the change log, at local time: "2026-11-25 09:30 佐藤 2013-09-30
  /// ○→△ note".
  public var changes: [String]
  /// How far the detail is scrolled.
  public var scroll: Int

  public static func == (a: ProgrammeDetailView, b: ProgrammeDetailView) -> Bool {
    a.title == b.title && a.history == b.history && a.fields.map(\.value) == b.fields.map(\.value)
  }

  public init?(state: AppState, programmeID: String) {
    let data = state.dataset
    let language = state.language
    guard let programme = data.programmes.first(where: { $0.id == programmeID }) else { return nil }
    title = programme.id + " " + programme.title
    scroll = state.matrix.drill?.detailScroll ?? 0
    let area = data.area(programme.areaID)
    let current = state.snapshot.flatMap { programme.statuses[$0.date] }.flatMap { data.status($0) }
    let source = data.sources[programme.source]
    let chrome = state.chrome
    let dash = chrome.glyphs.unknown
    fields =
      [
        (UIText.fieldID.text(language), programme.id),
        (UIText.fieldTitle.text(language), programme.title),
        (
          UIText.area.text(language),
          area.map { "\($0.number) \($0.name.text(language))" } ?? programme.areaID
        ),
        (UIText.fieldResponsible.text(language), programme.section ?? dash),
        (
          UIText.fieldStatus.text(language),
          current.map { "\(chrome.symbol($0)) \($0.name.text(language))" } ?? dash
        ),
        (UIText.fieldSource.text(language), source.map { $0.title } ?? programme.source),
        (UIText.fieldNotes.text(language), programme.notes ?? dash),
      ] + sheetFields(programme, language: language, chrome: chrome)
    changes = programme.changes.map { change in
      let symbol = { (id: String?) in
        id.flatMap { data.status($0) }.map(chrome.symbol) ?? dash
      }
      return [
        UIText.changeTime(change.when), change.by ?? "", change.snapshot.iso,
        symbol(change.old) + chrome.arrow + symbol(change.new),
        change.note ?? "",
      ].filter { !$0.isEmpty }.joined(separator: " ")
    }
    history = data.snapshots.map { snapshot in
      let status = programme.statuses[snapshot.date].flatMap { data.status($0) }
      return HistoryEntry(
        date: snapshot.date, statusID: status?.id,
        symbol: status.map(chrome.symbol) ?? dash,
        statusIndex: data.statuses.firstIndex { $0.id == status?.id } ?? 0,
        isCurrent: snapshot.date == state.snapshot?.date)
    }
  }
}
