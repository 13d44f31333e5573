import ShinchokuCore

/// One room of the dashboard: the matrix, the comments, the events, the status dialog, the
/// overlays. A component owns its `State`, names its `Action`s for what they mean ("open the
/// cell's programmes", "next day"), and changes its state only in `reduce`, which sees the rest
/// of the app through a read-only `Context` and answers with effects (`Effect`). Its key table
/// says which keys send which of its actions in the state it is in; help and the key bar are
/// drawn from that table.
///
/// The top-level `reduce` (AppState.swift) routes each app `Action` to the component it is
/// for and collects the effects, as bubbletea's nested `Update` does.
public protocol Component {
  associatedtype State: Sendable
  associatedtype Action: Sendable
  associatedtype Context

  /// The one place the component's state changes.
  static func reduce(_ state: inout State, _ action: Action, _ context: Context) -> [Effect]

  /// The keys that work in `state`, in help order.
  static func bindings(_ state: State) -> [KeyBinding]

  /// What the shared navigation keys mean here: an arrow, a page, first and last, Enter and Esc
  /// are the same keys in every pane but mean "next status", "next programme", "scroll" or
  /// "next day" by where the user is. Also what the mouse wheel sends.
  static func action(for navigation: Navigation, in state: State) -> Action?
}

/// The keys every pane shares, before a component says what they mean where the user is.
public enum Navigation: Sendable, Equatable {
  /// An arrow (`step` 1), or the wheel (3), or a page (5).
  case move(Direction, step: Int)
  /// PgUp / PgDn.
  case page(Direction)
  /// Home / End.
  case first, last
  /// Enter.
  case open
  /// Esc / Backspace.
  case back
}

extension Navigation {
  /// A move as a signed step along one axis: up and left are negative.
  var signedStep: Int {
    switch self {
    case .move(let direction, let step): direction.sign &* step
    case .page(let direction): direction.sign &* 5
    case .first: -(Int.max / 2)
    case .last: Int.max / 2
    case .open, .back: 0
    }
  }
}

extension Direction {
  /// -1 for up and left, 1 for down and right.
  var sign: Int { self == .up || self == .left ? -1 : 1 }
}

/// An index moved by `step` and kept inside `0..<count` (0 when the list is empty).
func clamped(_ value: Int, _ count: Int) -> Int {
  max(0, min(value, count - 1))
}

/// A detail or reading view's scroll position after a move (the view stops at its last line).
func scrolled(_ scroll: Int, by step: Int) -> Int {
  max(0, min(10_000, scroll &+ step))
}
