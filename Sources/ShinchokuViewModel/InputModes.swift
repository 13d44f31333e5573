import ShinchokuCore

/// A mode that takes the keys before the panes do: a dialog or an input line. Each has its own
/// key table (so help lists its keys), and an input line also takes typed characters.
public enum InputMode: Sendable, Equatable {
  /// The status-change dialog of a programme's detail (choosing, or the confirm step).
  case statusDialog(confirming: Bool)
  /// The comments' search line.
  case commentSearch
  /// The events pane's date or search line.
  case calendarInput
  /// The matrix pane's line: the programme list's search, or an id to open.
  case matrixInput

  /// The mode the state is in, if any.
  public init?(_ state: AppState) {
    guard state.presentation == nil else { return nil }
    if let edit = state.statusEdit {
      self = .statusDialog(confirming: edit.isConfirming)
    } else if state.comments.isEditingQuery {
      self = .commentSearch
    } else if state.focus == .events, state.calendar.input != nil {
      self = .calendarInput
    } else if state.focus == .matrix, state.matrix.input != nil {
      self = .matrixInput
    } else {
      return nil
    }
  }

  /// The mode's keys, in help order.
  public var bindings: [KeyBinding] {
    switch self {
    case .statusDialog(let confirming):
      return (confirming ? [] : KeyMap.statusChoice) + KeyMap.statusDialog
    case .commentSearch:
      return KeyMap.lineEditing(
        commit: .comments(.confirmSearch), deleteBackward: .comments(.deleteBackward),
        cancel: .comments(.cancelSearch))
    case .calendarInput:
      return KeyMap.lineEditing(
        commit: .calendar(.inputCommit), deleteBackward: .calendar(.inputDeleteBackward),
        cancel: .calendar(.inputCancel))
    case .matrixInput:
      return KeyMap.lineEditing(
        commit: .matrix(.inputCommit), deleteBackward: .matrix(.inputDeleteBackward),
        cancel: .matrix(.inputCancel))
    }
  }

  /// What a typed character does on the mode's input line (nil: a dialog types nothing).
  public func typing(_ character: Character) -> Action? {
    switch self {
    case .statusDialog: nil
    case .commentSearch: .comments(.type(character))
    case .calendarInput: .calendar(.inputCharacter(character))
    case .matrixInput: .matrix(.inputCharacter(character))
    }
  }

  /// The action a key sends in this mode; keys the mode does not know do nothing.
  public func action(for key: Key) -> Action? {
    for binding in bindings {
      if let action = binding.action(for: key) { return action }
    }
    if case .character(let character) = key { return typing(character) }
    return nil
  }
}

extension KeyMap {
  /// Choosing a status in the dialog.
  public static let statusChoice: [KeyBinding] = [
    KeyBinding(
      [.up, .character("k"), .down, .character("j")],
      LocalizedText("↑ ↓ k j", english: "Up Down k j"),
      LocalizedText("状況を選ぶ", english: "choose the status"), .statusEdit(.move(-1)),
      perKey: [.down: .statusEdit(.move(1)), .character("j"): .statusEdit(.move(1))])
  ]

  /// The status dialog's other keys.
  public static let statusDialog: [KeyBinding] =
    [
      KeyBinding(
        [.enter], LocalizedText("Enter"), LocalizedText("決定・記録する", english: "choose, record"),
        .statusEdit(.accept)),
      KeyBinding(
        [.character("y")], LocalizedText("y"), LocalizedText("記録する", english: "yes, record it"),
        .statusEdit(.confirm)),
      KeyBinding(
        [.character("n"), .escape, .backspace], LocalizedText("n Esc BS"),
        LocalizedText("やめる", english: "cancel"), .statusEdit(.cancel)),
    ] + KeyMap.global.filter { $0.action == .toggleHelp || $0.action == .quit }

  /// An input line's keys: every other character is typed into it.
  public static func lineEditing(commit: Action, deleteBackward: Action, cancel: Action)
    -> [KeyBinding]
  {
    [
      KeyBinding(
        [.enter], LocalizedText("Enter"), LocalizedText("決定", english: "done"), commit),
      KeyBinding(
        [.backspace], LocalizedText("BS"), LocalizedText("1文字消す", english: "delete a character"),
        deleteBackward),
      KeyBinding(
        [.escape], LocalizedText("Esc"), LocalizedText("やめる", english: "cancel"), cancel),
      KeyBinding(
        [.function(1)], LocalizedText("F1"), LocalizedText("ヘルプ", english: "help"), .toggleHelp),
      KeyBinding(
        [.control("c")], LocalizedText("Ctrl-C"), LocalizedText("終了", english: "quit"), .quit),
    ]
  }
}

/// A view that covers the panes (a detail, a comment being read, the too-small screen): only
/// the keys that act on what it shows work; any other key does nothing and says so.
public enum CoveringView: Sendable, Equatable {
  case programmeDetail
  case eventDetail
  case commentReading
  /// A chart in place of the matrix table (`t`): it has no cells to move to or open.
  case matrixChart
  /// The terminal is smaller than the dashboard needs.
  case tooSmall

  /// The view the state shows over the panes, if any (none while an overlay takes the keys,
  /// unless `underOverlay`: help lists the keys of the view under it).
  public init?(_ state: AppState, underOverlay: Bool = false) {
    guard state.presentation == nil, underOverlay || state.overlay == nil else { return nil }
    if state.width < ScreenSize.minimumWidth || state.height < ScreenSize.minimumHeight {
      self = .tooSmall
    } else if state.focus == .matrix, state.matrix.mode == .detail {
      self = .programmeDetail
    } else if state.focus == .matrix, state.matrix.chart != nil, state.matrix.mode == .table {
      self = .matrixChart
    } else if state.focus == .events, state.calendar.openEventID != nil {
      self = .eventDetail
    } else if state.focus == .comments, state.comments.openCommentID != nil {
      self = .commentReading
    } else {
      return nil
    }
  }

  /// The keys that act here, in help order.
  public var bindings: [KeyBinding] {
    let kept: [Action] =
      self == .tooSmall
      ? [.toggleHelp, .toggleWarnings, .nextTheme, .quit]
      : [
        .focusNext, .focusPrevious, .previousSnapshot, .nextSnapshot, .toggleHelp,
        .toggleWarnings, .nextTheme, .openProgrammeByID, .present(.start), .quit,
      ]
    let global = KeyMap.global.filter { kept.contains($0.action) }
    switch self {
    case .tooSmall: return global
    case .programmeDetail: return KeyMap.programmeDetail + global
    case .eventDetail: return KeyMap.eventDetail + global
    case .commentReading: return KeyMap.scrolling + global
    case .matrixChart: return KeyMap.matrixChart + global
    }
  }

  /// The action a key sends here: one of its keys, or a notice that the key does nothing.
  public func action(for key: Key) -> Action {
    for binding in bindings {
      if let action = binding.action(for: key) { return action }
    }
    return .unavailable(key)
  }
}

/// The size the dashboard needs.
public enum ScreenSize {
  public static let minimumWidth = 60
  public static let minimumHeight = 17
}

extension KeyMap {
  /// Scrolling a detail or reading view, and going back from it.
  public static let scrolling: [KeyBinding] = [
    KeyBinding(
      [.up, .character("k"), .down, .character("j")],
      LocalizedText("↑ ↓ k j", english: "Up Down k j"),
      LocalizedText("スクロール", english: "scroll"), .move(.up),
      perKey: [.down: .move(.down), .character("j"): .move(.down)]),
    KeyBinding(
      [.pageUp, .pageDown], LocalizedText("PgUp PgDn"),
      LocalizedText("5行ずつスクロール", english: "scroll by five"), .page(.up),
      perKey: [.pageDown: .page(.down)]),
    KeyBinding(
      [.home, .end], LocalizedText("Home End"),
      LocalizedText("先頭・末尾へ", english: "to the top, the bottom"), .moveToFirst,
      perKey: [.end: .moveToLast]),
    KeyBinding(
      [.escape, .backspace], LocalizedText("Esc BS"), LocalizedText("戻る", english: "back"),
      .back, main: true),
  ]

  /// A programme's detail: it scrolls, and `s` changes the programme's status.
  public static let programmeDetail: [KeyBinding] = scrolling + [changeStatus]

  /// An event's detail: it scrolls, and Esc goes back through the events pane's own action.
  public static let eventDetail: [KeyBinding] = scrolling.map { binding in
    var binding = binding
    if binding.action == .back { binding.action = .calendar(.back) }
    return binding
  }
}

/// How a key is named in a message ("v", "Enter", "F3").
public func keyName(_ key: Key) -> String {
  switch key {
  case .character(let character): String(character)
  case .up: "↑"
  case .down: "↓"
  case .left: "←"
  case .right: "→"
  case .home: "Home"
  case .end: "End"
  case .pageUp: "PgUp"
  case .pageDown: "PgDn"
  case .insert: "Insert"
  case .delete: "Delete"
  case .enter: "Enter"
  case .tab: "Tab"
  case .backTab: "Shift-Tab"
  case .escape: "Esc"
  case .backspace: "BS"
  case .function(let n): "F\(n)"
  case .control(let c): "Ctrl-\(c.uppercased())"
  }
}
