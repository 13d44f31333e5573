import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// The three panes of the dashboard, in focus order.
public enum Pane: Int, CaseIterable, Sendable {
  case matrix, comments, events
}

/// A cell of the progress matrix: a row (an area, or the totals row after the last area) and a
/// column (a status, or the total column after the last status).
public struct MatrixPosition: Hashable, Sendable {
  public var row: Int
  public var column: Int
  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }
}

public enum Overlay: Sendable, Equatable {
  case help
  /// The load warnings of the data and the theme.
  case warnings
}

/// Where the matrix pane is drilled down to: the programmes behind a cell, and perhaps one
/// programme's detail. The matrix selection is kept underneath, so going back lands on it.
public struct MatrixDrill: Sendable, Equatable {
  /// The cell whose programmes are listed.
  public var cell: MatrixPosition
  /// The selected row of the programme list.
  public var selection: Int = 0
  /// The programme whose detail is open, if any.
  public var openProgrammeID: String? {
    didSet { if openProgrammeID != oldValue { detailScroll = 0 } }
  }
  /// How far the open programme's detail is scrolled.
  public var detailScroll = 0

  public init(cell: MatrixPosition) { self.cell = cell }
}

/// The comments pane: the link filter, the comment open for reading, and the search.
public struct CommentsState: Sendable, Equatable {
  /// Show only the comments about the area selected in the matrix.
  public var onlyLinked = false
  /// The comment open full-pane for reading, and how far it is scrolled.
  public var openCommentID: String?
  public var readingScroll = 0
  /// The search query (kana and width folded when matched).
  public var query = ""
  /// The query line is taking keystrokes.
  public var isEditingQuery = false

  public init() {}
}

/// What a mouse click can land on; the renderer records where each one is drawn.
public enum ClickTarget: Sendable, Equatable, Hashable {
  case pane(Pane)
  case matrixCell(MatrixPosition)
  case programme(Int)
  case comment(Int)
  case event(Int)
  /// A day of the events pane's month grid.
  case calendarDay(CivilDate)
}

public enum Direction: Sendable {
  case up, down, left, right
}

/// Everything the dashboard shows, in one value. Changed only by `reduce`, which answers with
/// the effects (`Effect`) the main loop is to run.
public struct AppState: Sendable {
  public var dataset: Dataset {
    didSet {
      // A status change or a reload with the same events keeps the index.
      if !dataset.events.isIdentical(to: eventIndex.events) {
        eventIndex = EventIndex(events: dataset.events)
      }
    }
  }
  /// The calendar's indexes over `dataset.events` (EventIndex.swift), rebuilt with the data.
  public private(set) var eventIndex: EventIndex
  public var language: Language
  /// Columns and rows of the screen.
  public var width: Int
  public var height: Int
  public var today: CivilDate
  /// Swap the UI's non-ASCII symbols for ASCII.
  public var asciiOnly: Bool

  public var snapshotIndex: Int
  public var focus: Pane = .matrix
  public var matrixSelection = MatrixPosition(row: 0, column: 0)
  /// What the matrix pane shows: the table, or a chart (`t`; MatrixCharts.swift).
  public var matrixChart: MatrixChart?
  public var commentSelection = 0
  /// The events pane: the month grid, its agenda, the event filter (see Calendar.swift).
  public var calendar: CalendarState
  /// A window drawn over the dashboard; any key closes it.
  public var overlay: Overlay?
  /// The matrix drilled down to programmes (nil: the table).
  public var drill: MatrixDrill?
  public var comments = CommentsState()
  /// The status change being made from a programme's detail, if any.
  public var statusEdit: StatusEdit?
  /// Why the last reload failed: shown as a banner until the data loads again.
  public var reloadError: Diagnostic?
  /// A selection the last reload's data lacked, kept to come back to (see ReloadPlace.swift).
  public var awaitedPlace: AwaitedPlace?
  /// Why a changed theme file could not be used (the theme on screen stays): shown as a banner
  /// until the themes load again.
  public var themeError: Diagnostic?
  /// A one-time message for the user (e.g. why Enter opened nothing); cleared by the next key.
  public var notice: String?
  /// Findings from outside the data (a theme that could not be read), shown with the data's.
  public var startupWarnings: [Diagnostic] = []
  /// The themes F2 cycles through, by name, and the one in use. The main loop holds the loaded
  /// themes and renders with the one at `themeIndex`; `reduce` only moves the index.
  public var themeNames: [String] = []
  public var themeIndex = 0
  /// Presentation mode (Presentation.swift); nil while the dashboard shows.
  public var presentation: PresentationState?
  /// The slides from `deck.yaml`; nil for the standard order.
  public var deck: Deck?

  public init(
    dataset: Dataset, language: Language, width: Int, height: Int, today: CivilDate,
    asciiOnly: Bool = false, themeNames: [String] = [], themeIndex: Int = 0,
    startupWarnings: [Diagnostic] = [], deck: Deck? = nil,
    presentation: PresentationState? = nil
  ) {
    self.themeNames = themeNames
    self.themeIndex = themeIndex
    self.startupWarnings = startupWarnings
    self.deck = deck
    self.presentation = presentation
    self.dataset = dataset
    eventIndex = EventIndex(events: dataset.events)
    self.language = language
    self.width = width
    self.height = height
    self.today = today
    self.asciiOnly = asciiOnly
    snapshotIndex = dataset.defaultSnapshotIndex
    calendar = CalendarState(dataset: dataset, today: today)
  }

  public var isShowingHelp: Bool { overlay == .help }

  /// Every finding to show under `!`: why the data or a theme no longer loads, then the data's
  /// warnings, then the theme's; each once.
  public var warnings: [Diagnostic] {
    var seen: Set<String> = []
    return ([reloadError, themeError].compactMap { $0 } + dataset.warnings + startupWarnings)
      .filter { seen.insert($0.description).inserted }
  }

  /// The banner's text: why the data or a theme no longer loads (nil when both load).
  public var bannerText: String? {
    let parts =
      [reloadError.map { UIText.reloadFailed($0.description, language: language) }]
      + [themeError.map { UIText.themeReloadFailed($0.description, language: language) }]
    let text = parts.compactMap { $0 }.joined(separator: "  ")
    return text.isEmpty ? nil : text
  }

  public var snapshot: ProgressSnapshot? {
    dataset.snapshots.indices.contains(snapshotIndex) ? dataset.snapshots[snapshotIndex] : nil
  }

  /// Rows of the matrix: one per area plus the totals row.
  public var matrixRowCount: Int { dataset.areas.count + 1 }
  /// Columns of the matrix: one per status plus the total column.
  public var matrixColumnCount: Int { dataset.statuses.count + 1 }
}

/// What the user (or the terminal) asks for, named for what it means.
public enum Action: Sendable, Equatable {
  case focusNext
  case focusPrevious
  case focus(Pane)
  case move(Direction)
  case moveToFirst
  case moveToLast
  case page(Direction)
  case nextSnapshot
  case previousSnapshot
  case toggleHelp
  case toggleWarnings
  /// F2: the next theme in `themeNames`.
  case nextTheme
  /// Changing a programme's status from its detail (`s`), with a confirm step.
  case statusEdit(StatusEditAction)
  /// A file in the data folder changed and the data loaded again: shown, keeping the
  /// selections and filters where they still fit.
  case dataReloaded(Dataset)
  /// A file changed but the data no longer loads: the last good data stays, with a banner.
  case reloadFailed(Diagnostic)
  /// Enter: open what is selected (a matrix cell's programmes, a programme's detail).
  case activate
  /// Esc / Backspace: close an overlay, or go back one level.
  case back
  case click(ClickTarget)
  case doubleClick(ClickTarget)
  /// The mouse wheel over a pane.
  case scroll(Pane, Direction)
  /// `l` in the comments pane: only the comments about the selected area, or all.
  case toggleLinkedComments
  /// The matrix pane's next view (table, trend, savings, plans) and the next plan.
  case cycleMatrixChart
  case nextPlan
  /// `/`: start typing a search of the focused pane.
  case startSearch
  /// A character typed into the search line, or a deletion.
  case searchInput(Character)
  case searchDeleteBackward
  /// Enter on the search line: keep the query and jump to the first match.
  case searchConfirm
  /// `n` / `N`: the next or previous match.
  case nextMatch
  case previousMatch
  case resize(width: Int, height: Int)
  /// A key that does nothing where the user is: the notice line says so.
  case unavailable(Key)
  /// The theme files changed and were read again: the screen is drawn anew.
  case themesReloaded
  /// A changed theme file no longer loads: the theme on screen stays, with a banner.
  case themeReloadFailed(Diagnostic)
  case quit
  /// The events pane's own actions (Calendar.swift).
  case calendar(CalendarAction)
  /// Presentation mode's actions (Presentation.swift).
  case present(PresentationAction)
}

/// The one place state changes; returns what the main loop is to do about it.
@discardableResult
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
  var effects: [Effect] = []
  switch action {
  case .present(.tick), .present(.deckLoaded):
    // The clock and a changed deck.yaml leave overlays and notices open.
    if case .present(let presentationAction) = action {
      reducePresentation(&state, presentationAction, &effects)
    }
    return effects
  // A notice lasts until the user's next key or click, not the next reload or resize.
  case .resize, .dataReloaded, .reloadFailed, .statusEdit(.finished), .themesReloaded,
    .themeReloadFailed:
    break
  default: state.notice = nil
  }
  switch action {
  case .quit:
    effects.append(.quit)
  case .unavailable(let key):
    state.notice = UIText.keyUnavailable(keyName(key), language: state.language)
  case .themesReloaded:
    state.themeError = nil
    effects.append(.redraw(.themesChanged))
  case .themeReloadFailed(let diagnostic):
    state.themeError = diagnostic
  case .resize(let width, let height):
    state.width = max(0, width)
    state.height = max(0, height)
  case .toggleHelp:
    state.overlay = state.overlay == .help ? nil : .help
  case .toggleWarnings:
    state.overlay = state.overlay == .warnings ? nil : .warnings
  case .back where state.overlay != nil:
    state.overlay = nil
  case _ where state.overlay != nil:
    // An overlay takes no other action: any other key closes it.
    state.overlay = nil
  case .dataReloaded(let dataset):
    reload(&state, dataset)
  case .reloadFailed(let diagnostic):
    state.reloadError = diagnostic
  case .nextTheme:
    cycleTheme(&state)
  case .statusEdit(let edit):
    reduceStatusEdit(&state, edit, &effects)
  case .focusNext:
    state.focus = Pane(rawValue: (state.focus.rawValue + 1) % Pane.allCases.count)!
  case .focusPrevious:
    state.focus = Pane(
      rawValue: (state.focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
  case .focus(let pane):
    state.focus = pane
  case .nextSnapshot:
    state.snapshotIndex = min(state.snapshotIndex + 1, max(0, state.dataset.snapshots.count - 1))
    refreshDrill(&state)
  case .previousSnapshot:
    state.snapshotIndex = max(state.snapshotIndex - 1, 0)
    refreshDrill(&state)
  case .cycleMatrixChart:
    cycleMatrixChart(&state)
  case .nextPlan:
    effects += nextPlan(state)
  case .toggleLinkedComments:
    state.comments.onlyLinked.toggle()
    state.commentSelection = 0
  case .startSearch:
    state.focus = .comments
    state.comments.isEditingQuery = true
    state.comments.query = ""
  case .searchInput(let character):
    state.comments.query.append(character)
    jumpToMatch(&state, from: state.commentSelection, step: 1)
  case .searchDeleteBackward:
    if state.comments.query.isEmpty {
      state.comments.isEditingQuery = false
    } else {
      state.comments.query.removeLast()
    }
  case .searchConfirm:
    state.comments.isEditingQuery = false
    jumpToMatch(&state, from: state.commentSelection, step: 1)
  case .nextMatch:
    jumpToMatch(&state, from: state.commentSelection + 1, step: 1)
  case .previousMatch:
    jumpToMatch(&state, from: state.commentSelection - 1, step: -1)
  case .activate:
    activate(&state)
  case .back:
    back(&state)
  case .click(let target):
    select(&state, target)
  case .doubleClick(let target):
    select(&state, target)
    activate(&state)
  case .scroll(let pane, let direction):
    let focus = state.focus
    state.focus = pane
    move(&state, direction, by: 3)
    state.focus = focus
  case .calendar(let action):
    reduceCalendar(&state, action)
  case .present(let action):
    reducePresentation(&state, action, &effects)
  case .move(let direction):
    move(&state, direction, by: 1)
  case .page(let direction) where state.focus == .events:
    pageInCalendar(&state, direction)
  case .page(let direction):
    move(&state, direction, by: 5)
  case .moveToFirst:
    move(&state, .up, by: Int.max / 2)
  case .moveToLast:
    move(&state, .down, by: Int.max / 2)
  }
  return effects
}

private func clamp(_ value: Int, _ count: Int) -> Int {
  max(0, min(value, count - 1))
}

private func move(_ state: inout AppState, _ direction: Direction, by step: Int) {
  switch state.focus {
  case .matrix where state.drill?.openProgrammeID != nil:
    let scroll = scrolled(state.drill?.detailScroll ?? 0, direction, by: step)
    state.drill?.detailScroll = scroll
  case .matrix where state.drill != nil:
    guard var drill = state.drill else { return }
    let count = programmes(behind: drill.cell, in: state).count
    switch direction {
    case .up, .left: drill.selection = clamp(drill.selection &- step, count)
    case .down, .right: drill.selection = clamp(drill.selection &+ step, count)
    }
    state.drill = drill
  case .matrix:
    var position = state.matrixSelection
    switch direction {
    case .up: position.row = clamp(position.row &- step, state.matrixRowCount)
    case .down: position.row = clamp(position.row &+ step, state.matrixRowCount)
    case .left: position.column = clamp(position.column &- step, state.matrixColumnCount)
    case .right: position.column = clamp(position.column &+ step, state.matrixColumnCount)
    }
    state.matrixSelection = position
  case .comments where state.comments.openCommentID != nil:
    state.comments.readingScroll = scrolled(state.comments.readingScroll, direction, by: step)
  case .comments:
    let count = visibleComments(state).count
    switch direction {
    case .up, .left: state.commentSelection = clamp(state.commentSelection &- step, count)
    case .down, .right: state.commentSelection = clamp(state.commentSelection &+ step, count)
    }
  case .events:
    moveInCalendar(&state, direction, by: step)
  }
}

/// A detail or reading view's scroll position after a move (the view stops at its last line).
func scrolled(_ scroll: Int, _ direction: Direction, by step: Int) -> Int {
  switch direction {
  case .up, .left: max(0, scroll &- step)
  case .down, .right: min(10_000, scroll &+ step)
  }
}

/// The programmes behind a matrix cell in the current snapshot: an area's with a status, an
/// area's all (the total column), a status across areas (the totals row), or all.
public func programmes(behind cell: MatrixPosition, in state: AppState) -> [Programme] {
  guard let snapshot = state.snapshot else { return [] }
  let data = state.dataset
  let areaID = cell.row < data.areas.count ? data.areas[cell.row].id : nil
  let statusID = cell.column < data.statuses.count ? data.statuses[cell.column].id : nil
  return data.programmes.filter { programme in
    guard let status = programme.statuses[snapshot.date] else { return false }
    return (areaID == nil || programme.areaID == areaID) && (statusID == nil || status == statusID)
  }
}

private func activate(_ state: inout AppState) {
  if state.focus == .comments {
    let visible = visibleComments(state)
    if state.comments.openCommentID == nil, visible.indices.contains(state.commentSelection) {
      state.comments.openCommentID = visible[state.commentSelection].id
      state.comments.readingScroll = 0
    }
    return
  }
  guard state.focus == .matrix else { return }
  guard var drill = state.drill else {
    guard let snapshot = state.snapshot, state.dataset.hasProgrammeRecords(snapshot) else {
      state.notice = UIText.noProgrammeRecords.text(state.language)
      return
    }
    state.drill = MatrixDrill(cell: state.matrixSelection)
    return
  }
  guard drill.openProgrammeID == nil else { return }
  let list = programmes(behind: drill.cell, in: state)
  guard list.indices.contains(drill.selection) else { return }
  drill.openProgrammeID = list[drill.selection].id
  state.drill = drill
}

private func back(_ state: inout AppState) {
  if state.comments.isEditingQuery {
    state.comments.isEditingQuery = false
    state.comments.query = ""
    return
  }
  if state.focus == .comments {
    if state.comments.openCommentID != nil {
      state.comments.openCommentID = nil
    } else if !state.comments.query.isEmpty {
      state.comments.query = ""
    }
    return
  }
  guard var drill = state.drill else { return }
  if drill.openProgrammeID != nil {
    drill.openProgrammeID = nil
    state.drill = drill
  } else {
    state.drill = nil
  }
}

/// After the snapshot changes, keep the drill-down only where the new snapshot has records.
private func refreshDrill(_ state: inout AppState) {
  guard var drill = state.drill else { return }
  guard let snapshot = state.snapshot, state.dataset.hasProgrammeRecords(snapshot) else {
    state.drill = nil
    return
  }
  if drill.openProgrammeID == nil {
    drill.selection = clamp(drill.selection, programmes(behind: drill.cell, in: state).count)
  }
  state.drill = drill
}

private func select(_ state: inout AppState, _ target: ClickTarget) {
  switch target {
  case .pane(let pane):
    state.focus = pane
  case .matrixCell(let position):
    state.focus = .matrix
    state.drill = nil
    state.matrixSelection = MatrixPosition(
      row: clamp(position.row, state.matrixRowCount),
      column: clamp(position.column, state.matrixColumnCount))
  case .programme(let index):
    state.focus = .matrix
    if var drill = state.drill, drill.openProgrammeID == nil {
      drill.selection = clamp(index, programmes(behind: drill.cell, in: state).count)
      state.drill = drill
    }
  case .comment(let index):
    state.focus = .comments
    state.commentSelection = clamp(index, visibleComments(state).count)
  case .event(let index):
    state.focus = .events
    // A click can arrive from a frame drawn before the agenda emptied: then it selects nothing.
    let entries = calendarAgenda(state).count
    state.calendar.agendaSelection = entries == 0 ? nil : clamp(index, entries)
  case .calendarDay(let day):
    state.focus = .events
    reduceCalendar(&state, .goTo(day))
  }
}

/// The area the matrix selection is on, if it is on an area row.
public func selectedArea(_ state: AppState) -> PlanArea? {
  let row = state.drill?.cell.row ?? state.matrixSelection.row
  return row < state.dataset.areas.count ? state.dataset.areas[row] : nil
}

/// The comments the pane lists: all, or with `l` only those about the selected area.
public func visibleComments(_ state: AppState) -> [CommitteeComment] {
  guard state.comments.onlyLinked else { return state.dataset.comments }
  guard let area = selectedArea(state) else { return state.dataset.comments }
  return state.dataset.comments.filter { $0.areaIDs.contains(area.id) }
}

/// Whether a comment matches the search query.
public func commentMatches(_ comment: CommitteeComment, query: String) -> Bool {
  !query.isEmpty && !foldedMatches(of: query, in: comment.text).isEmpty
}

/// Selects the first comment from `start` (going by `step`, wrapping) that matches the query.
private func jumpToMatch(_ state: inout AppState, from start: Int, step: Int) {
  let visible = visibleComments(state)
  guard !visible.isEmpty, !state.comments.query.isEmpty else { return }
  for offset in 0..<visible.count {
    let index = ((start + offset * step) % visible.count + visible.count) % visible.count
    if commentMatches(visible[index], query: state.comments.query) {
      state.commentSelection = index
      state.focus = .comments
      return
    }
  }
  state.notice = UIText.noMatch(state.comments.query, language: state.language)
}

/// Shows newly loaded data, keeping what the user had selected where it still exists.
private func reload(_ state: inout AppState, _ dataset: Dataset) {
  let date = state.snapshot?.date
  let commentID =
    visibleComments(state).indices.contains(state.commentSelection)
    ? visibleComments(state)[state.commentSelection].id : nil
  state.dataset = dataset
  state.reloadError = nil
  selectSnapshotByIdentity(&state, previous: date)
  state.matrixSelection = MatrixPosition(
    row: clamp(state.matrixSelection.row, state.matrixRowCount),
    column: clamp(state.matrixSelection.column, state.matrixColumnCount))
  let comments = visibleComments(state)
  state.commentSelection =
    comments.firstIndex { $0.id == commentID } ?? clamp(state.commentSelection, comments.count)
  if let id = state.comments.openCommentID, !dataset.comments.contains(where: { $0.id == id }) {
    state.comments.openCommentID = nil
  }
  if var drill = state.drill {
    keepOpenProgrammeByIdentity(&state, &drill)
    state.drill = drill
    refreshDrill(&state)
  }
  refreshStatusEdit(&state)
}
