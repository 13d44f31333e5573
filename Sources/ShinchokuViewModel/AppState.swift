import JapaneseCalendar
import ShinchokuCore

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

public enum Direction: Sendable {
  case up, down, left, right
}

/// Everything the dashboard shows, in one value. Changed only by `reduce`.
public struct AppState: Sendable {
  public var dataset: Dataset
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
  public var commentSelection = 0
  public var eventSelection = 0
  /// A window drawn over the dashboard; any key closes it.
  public var overlay: Overlay?
  /// Findings from outside the data (a theme that could not be read), shown with the data's.
  public var startupWarnings: [Diagnostic] = []
  public var shouldQuit = false

  public init(
    dataset: Dataset, language: Language, width: Int, height: Int, today: CivilDate,
    asciiOnly: Bool = false
  ) {
    self.dataset = dataset
    self.language = language
    self.width = width
    self.height = height
    self.today = today
    self.asciiOnly = asciiOnly
    snapshotIndex = dataset.defaultSnapshotIndex
  }

  public var isShowingHelp: Bool { overlay == .help }

  /// Every warning to show: the data's, then the theme's.
  public var warnings: [Diagnostic] { dataset.warnings + startupWarnings }

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
  case dismissOverlay
  case resize(width: Int, height: Int)
  case quit
}

/// The one place state changes.
public func reduce(_ state: inout AppState, _ action: Action) {
  switch action {
  case .quit:
    state.shouldQuit = true
  case .resize(let width, let height):
    state.width = max(0, width)
    state.height = max(0, height)
  case .toggleHelp:
    state.overlay = state.overlay == .help ? nil : .help
  case .toggleWarnings:
    state.overlay = state.overlay == .warnings ? nil : .warnings
  case .dismissOverlay:
    state.overlay = nil
  case _ where state.overlay != nil:
    // An overlay takes no other action: any other key closes it.
    state.overlay = nil
  case .focusNext:
    state.focus = Pane(rawValue: (state.focus.rawValue + 1) % Pane.allCases.count)!
  case .focusPrevious:
    state.focus = Pane(
      rawValue: (state.focus.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
  case .focus(let pane):
    state.focus = pane
  case .nextSnapshot:
    state.snapshotIndex = min(state.snapshotIndex + 1, max(0, state.dataset.snapshots.count - 1))
  case .previousSnapshot:
    state.snapshotIndex = max(state.snapshotIndex - 1, 0)
  case .move(let direction):
    move(&state, direction, by: 1)
  case .page(let direction):
    move(&state, direction, by: 5)
  case .moveToFirst:
    move(&state, .up, by: Int.max / 2)
  case .moveToLast:
    move(&state, .down, by: Int.max / 2)
  }
}

private func clamp(_ value: Int, _ count: Int) -> Int {
  max(0, min(value, count - 1))
}

private func move(_ state: inout AppState, _ direction: Direction, by step: Int) {
  switch state.focus {
  case .matrix:
    var position = state.matrixSelection
    switch direction {
    case .up: position.row = clamp(position.row &- step, state.matrixRowCount)
    case .down: position.row = clamp(position.row &+ step, state.matrixRowCount)
    case .left: position.column = clamp(position.column &- step, state.matrixColumnCount)
    case .right: position.column = clamp(position.column &+ step, state.matrixColumnCount)
    }
    state.matrixSelection = position
  case .comments:
    let count = state.dataset.comments.count
    switch direction {
    case .up, .left: state.commentSelection = clamp(state.commentSelection &- step, count)
    case .down, .right: state.commentSelection = clamp(state.commentSelection &+ step, count)
    }
  case .events:
    let count = state.dataset.events.count
    switch direction {
    case .up, .left: state.eventSelection = clamp(state.eventSelection &- step, count)
    case .down, .right: state.eventSelection = clamp(state.eventSelection &+ step, count)
    }
  }
}
