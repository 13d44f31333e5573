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
      // A status change or a reload with the same events keeps the index; one with events
      // appended extends it.
      if !dataset.events.isIdentical(to: eventIndex.events) {
        eventIndex = EventIndex(events: dataset.events, previous: eventIndex)
      }
    }
  }
  /// The calendar's indexes over `dataset.events` (EventIndex.swift), rebuilt with the data.
  public internal(set) var eventIndex: EventIndex
  public var language: Language
  /// Columns and rows of the screen.
  public var width: Int
  public var height: Int
  public var today: CivilDate
  /// Swap the UI's non-ASCII symbols for ASCII.
  public var asciiOnly: Bool

  public var snapshotIndex: Int
  public var focus: Pane = .matrix
  /// Each pane's own state, changed by its component (`Component`): the matrix and its
  /// drill-down (MatrixComponent.swift), the comments (CommentsComponent.swift), the events
  /// (Calendar.swift), the status dialog (StatusEdit.swift).
  public var matrix = MatrixState()
  public var comments = CommentsState()
  public var calendar: CalendarState
  /// The status change being made from a programme's detail, if any.
  public var statusEdit: StatusEdit?
  /// A window drawn over the dashboard; any key closes it.
  public var overlay: Overlay?
  /// How far help is scrolled (rows that do not fit the screen; see HelpScroll.swift).
  public var overlayScroll = 0
  /// Why the last reload failed: shown as a banner until the data loads again.
  public var reloadError: Diagnostic?
  /// A selection the last reload's data lacked, kept to come back to (see ReloadPlace.swift).
  public var awaitedPlace: AwaitedPlace?
  /// Why a changed theme file could not be used (the theme on screen stays): shown as a banner
  /// until the themes load again.
  public var themeError: Diagnostic?
  /// A one-time message for the user (e.g. why Enter opened nothing); cleared by the next key.
  public var notice: String?
  /// Whether `notice` is the announcement of what a key changed (it keeps to its row) rather
  /// than an action's own message (a refused change, which is never cut: it wraps).
  public var noticeIsAnnouncement = false
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
  /// events.csv still being read at the start (EventsLoading.swift); nil once it is in.
  public var eventsLoading: EventsLoading?

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
      [reloadError.map { UIText.reloadFailed($0.text(language), language: language) }]
      + [themeError.map { UIText.themeReloadFailed($0.text(language), language: language) }]
    let text = parts.compactMap { $0 }.joined(separator: "  ")
    return text.isEmpty ? nil : text
  }

  public var snapshot: ProgressSnapshot? {
    dataset.snapshots.indices.contains(snapshotIndex) ? dataset.snapshots[snapshotIndex] : nil
  }

  /// Rows of the matrix: one per area plus the totals row.
  public var matrixRowCount: Int { matrixContext.rowCount }
  /// Columns of the matrix: one per status plus the total column.
  public var matrixColumnCount: Int { matrixContext.columnCount }

  // What each component reads of the rest of the app.
  public var matrixContext: MatrixContext {
    MatrixContext(dataset: dataset, snapshot: snapshot, language: language)
  }
  public var commentsContext: CommentsContext {
    CommentsContext(all: dataset.comments, linkedArea: selectedArea(self), language: language)
  }
  public var calendarContext: CalendarContext {
    CalendarContext(
      eventIndex: eventIndex, categories: dataset.categories, today: today, language: language)
  }
  public var statusEditContext: StatusEditContext {
    StatusEditContext(
      dataset: dataset, openProgrammeID: focus == .matrix ? matrix.drill?.openProgrammeID : nil,
      snapshot: snapshot, language: language)
  }
}

/// What the user (or the terminal) asks for. Each pane's own actions are its component's
/// (`.matrix`, `.comments`, `.calendar`, `.statusEdit`, `.present`), named for what they mean;
/// the shared navigation keys (`.move`, `.page`, `.moveToFirst`, `.moveToLast`, `.activate`,
/// `.back`) are given their meaning by the focused component (`Component.action(for:in:)`).
public enum Action: Sendable, Equatable {
  case focusNext
  case focusPrevious
  case focus(Pane)
  /// An arrow key.
  case move(Direction)
  /// Home / End.
  case moveToFirst
  case moveToLast
  /// PgUp / PgDn.
  case page(Direction)
  case nextSnapshot
  case previousSnapshot
  /// `#`: type a programme's id and open it, from wherever the user is.
  case openProgrammeByID
  case toggleHelp
  case toggleWarnings
  /// F2: the next theme in `themeNames`.
  case nextTheme
  /// A file in the data folder changed and the data loaded again: shown, keeping the
  /// selections and filters where they still fit.
  case dataReloaded(Dataset)
  /// A file changed but the data no longer loads: the last good data stays, with a banner.
  case reloadFailed(Diagnostic)
  /// The first load's events.csv: its progress, then its events (EventsLoading.swift).
  case eventsLoading(EventsLoadingAction)
  /// Enter: open what is selected.
  case activate
  /// Esc / Backspace: close an overlay, or go back one level.
  case back
  case click(ClickTarget)
  case doubleClick(ClickTarget)
  /// The mouse wheel over a pane.
  case scroll(Pane, Direction)
  /// ↑↓ PgUp PgDn in help or the warnings: scroll it by `by` rows.
  case scrollOverlay(Direction, by: Int)
  case resize(width: Int, height: Int)
  /// A key that does nothing where the user is: the notice line says so.
  case unavailable(Key)
  /// The theme files changed and were read again: the screen is drawn anew.
  case themesReloaded
  /// A changed theme file no longer loads: the theme on screen stays, with a banner.
  case themeReloadFailed(Diagnostic)
  case quit
  /// The matrix pane's own actions (MatrixComponent.swift).
  case matrix(MatrixAction)
  /// The comments pane's own actions (CommentsComponent.swift).
  case comments(CommentsAction)
  /// The events pane's own actions (Calendar.swift).
  case calendar(CalendarAction)
  /// Changing a programme's status from its detail (`s`), with a confirm step (StatusEdit.swift).
  case statusEdit(StatusEditAction)
  /// Presentation mode's actions (Presentation.swift).
  case present(PresentationAction)
}

/// The one place state changes: routes the action to the component it is for, puts the
/// components' notices on the notice line, and returns what the main loop is to do.
@discardableResult
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
  // What changed is said on the notice line, unless a component said something (Announcement.swift).
  let before = state
  defer { announceChange(action, before: before, after: &state) }
  switch action {
  case .present(.tick), .present(.deckLoaded):
    // The clock and a changed deck.yaml leave overlays and notices open.
    break
  // A notice lasts until the user's next key or click, not the next reload or resize.
  case .resize, .dataReloaded, .reloadFailed, .statusEdit(.finished), .themesReloaded,
    .themeReloadFailed, .eventsLoading:
    break
  default: state.notice = nil
  }
  var effects: [Effect] = []
  for effect in route(&state, action) {
    if case .notice(let text) = effect {
      state.notice = text
      state.noticeIsAnnouncement = false
    } else {
      effects.append(effect)
    }
  }
  return effects
}

private func route(_ state: inout AppState, _ action: Action) -> [Effect] {
  switch action {
  case .present(.tick), .present(.deckLoaded):
    // The clock and a changed deck.yaml pass under an overlay.
    var effects: [Effect] = []
    if case .present(let action) = action { reducePresentation(&state, action, &effects) }
    return effects
  case .quit:
    return [.quit]
  case .unavailable(let key):
    return [.notice(UIText.keyUnavailable(keyName(key), language: state.language))]
  case .themesReloaded:
    state.themeError = nil
    return [.redraw(.themesChanged)]
  case .themeReloadFailed(let diagnostic):
    state.themeError = diagnostic
  case .resize(let width, let height):
    state.width = max(0, width)
    state.height = max(0, height)
  case .eventsLoading(let loading):
    // Before the overlays: an open one stays open.
    return reduceEventsLoading(&state, loading, reload: reload)
  case .toggleHelp:
    state.overlay = state.overlay == .help ? nil : .help
    state.overlayScroll = 0
  case .scrollOverlay(let direction, let step):
    guard let overlay = state.overlay else { break }
    let rows =
      overlay == .help
      ? HelpView(state: state).rows.count
      : WarningsView(state: state).rows(screenWidth: state.width).count
    state.overlayScroll = min(
      scrolled(state.overlayScroll, by: direction.sign &* step), max(0, rows - 1))
  case .toggleWarnings:
    state.overlay = state.overlay == .warnings ? nil : .warnings
    state.overlayScroll = 0
  case .dataReloaded(let dataset):
    // The data changes under an open overlay too; the overlay stays.
    return reload(&state, dataset)
  case .reloadFailed(let diagnostic):
    state.reloadError = diagnostic
  case _ where state.overlay != nil:
    // An overlay takes no other action: any other key (Esc too) closes it.
    state.overlay = nil
  case .nextTheme:
    cycleTheme(&state)
  case .openProgrammeByID:
    state.focus = .matrix
    return route(&state, .matrix(.beginInput(.programmeID)))
  case .focusNext:
    state.focus = Pane(rawValue: (state.focus.rawValue + 1) % Pane.allCases.count)!
  case .focusPrevious:
    state.focus = Pane(
      rawValue: (state.focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
  case .focus(let pane):
    state.focus = pane
  case .nextSnapshot:
    state.snapshotIndex = min(state.snapshotIndex + 1, max(0, state.dataset.snapshots.count - 1))
    return route(&state, .matrix(.keepInside))
  case .previousSnapshot:
    state.snapshotIndex = max(state.snapshotIndex - 1, 0)
    return route(&state, .matrix(.keepInside))
  case .click(let target):
    return select(&state, target)
  case .doubleClick(let target):
    return select(&state, target) + navigate(&state, .open, in: state.focus)
  case .scroll(let pane, let direction):
    return navigate(&state, .move(direction, step: 3), in: pane)
  case .move(let direction):
    return navigate(&state, .move(direction, step: 1), in: state.focus)
  case .page(let direction):
    return navigate(&state, .page(direction), in: state.focus)
  case .moveToFirst:
    return navigate(&state, .first, in: state.focus)
  case .moveToLast:
    return navigate(&state, .last, in: state.focus)
  case .activate:
    return navigate(&state, .open, in: state.focus)
  case .back:
    return navigate(&state, .back, in: state.focus)
  case .matrix(let action):
    return MatrixComponent.reduce(&state.matrix, action, state.matrixContext)
  case .comments(let action):
    return CommentsComponent.reduce(&state.comments, action, state.commentsContext)
  case .calendar(let action):
    return CalendarComponent.reduce(&state.calendar, action, state.calendarContext)
  case .statusEdit(let action):
    return StatusEditComponent.reduce(&state.statusEdit, action, state.statusEditContext)
  case .present(let action):
    var effects: [Effect] = []
    reducePresentation(&state, action, &effects)
    return effects
  }
  return []
}

/// A shared navigation key, given its meaning by the component of `pane`.
private func navigate(_ state: inout AppState, _ navigation: Navigation, in pane: Pane)
  -> [Effect]
{
  let action: Action? =
    switch pane {
    case .matrix: MatrixComponent.action(for: navigation, in: state.matrix).map(Action.matrix)
    case .comments:
      CommentsComponent.action(for: navigation, in: state.comments).map(Action.comments)
    case .events:
      CalendarComponent.action(for: navigation, in: state.calendar).map(Action.calendar)
    }
  return action.map { route(&state, $0) } ?? []
}

/// A click: focuses the pane and selects what was clicked.
private func select(_ state: inout AppState, _ target: ClickTarget) -> [Effect] {
  state.focus = target.pane
  switch target {
  case .pane: return []
  case .matrixCell(let position): return route(&state, .matrix(.selectCell(position)))
  case .programme(let index): return route(&state, .matrix(.selectProgramme(index)))
  case .comment(let index): return route(&state, .comments(.select(index)))
  case .event(let index): return route(&state, .calendar(.selectEntry(index)))
  case .calendarDay(let day): return route(&state, .calendar(.goTo(day)))
  }
}

/// The programmes behind a matrix cell in the current snapshot.
public func programmes(behind cell: MatrixPosition, in state: AppState) -> [Programme] {
  state.matrixContext.programmes(behind: cell)
}

/// The area the matrix selection is on, if it is on an area row.
public func selectedArea(_ state: AppState) -> PlanArea? {
  let row = state.matrix.drill?.cell.row ?? state.matrix.selection.row
  return row < state.dataset.areas.count ? state.dataset.areas[row] : nil
}

/// The comments the pane lists: all, or with `l` only those about the selected area.
public func visibleComments(_ state: AppState) -> [CommitteeComment] {
  state.commentsContext.visible(state.comments)
}

/// Shows newly loaded data, keeping what the user had selected where it still exists.
private func reload(_ state: inout AppState, _ dataset: Dataset) -> [Effect] {
  let date = state.snapshot?.date
  let visible = visibleComments(state)
  let commentID =
    visible.indices.contains(state.comments.selection) ? visible[state.comments.selection].id : nil
  state.dataset = dataset
  state.reloadError = nil
  selectSnapshotByIdentity(&state, previous: date)
  if var drill = state.matrix.drill {
    keepOpenProgrammeByIdentity(&state, &drill)
    state.matrix.drill = drill
  }
  // Straight to the components: what the user has open (an overlay too) stays open.
  return MatrixComponent.reduce(&state.matrix, .keepInside, state.matrixContext)
    + CommentsComponent.reduce(
      &state.comments, .keepInside(selectedID: commentID), state.commentsContext)
    + StatusEditComponent.reduce(&state.statusEdit, .keepInside, state.statusEditContext)
}
