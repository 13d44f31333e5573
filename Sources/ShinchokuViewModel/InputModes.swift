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

  /// The mode the state is in, if any.
  public init?(_ state: AppState) {
    guard state.presentation == nil else { return nil }
    if let edit = state.statusEdit {
      self = .statusDialog(confirming: edit.isConfirming)
    } else if state.comments.isEditingQuery {
      self = .commentSearch
    } else if state.focus == .events, state.calendar.input != nil {
      self = .calendarInput
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
        commit: .searchConfirm, deleteBackward: .searchDeleteBackward, cancel: .back)
    case .calendarInput:
      return KeyMap.lineEditing(
        commit: .calendar(.inputCommit), deleteBackward: .calendar(.inputDeleteBackward),
        cancel: .calendar(.inputCancel))
    }
  }

  /// What a typed character does on the mode's input line (nil: a dialog types nothing).
  public func typing(_ character: Character) -> Action? {
    switch self {
    case .statusDialog: nil
    case .commentSearch: .searchInput(character)
    case .calendarInput: .calendar(.inputCharacter(character))
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
  public static let statusDialog: [KeyBinding] = [
    KeyBinding(
      [.enter], LocalizedText("Enter"), LocalizedText("決定・記録する", english: "choose, record"),
      .statusEdit(.accept)),
    KeyBinding(
      [.character("y")], LocalizedText("y"), LocalizedText("記録する", english: "yes, record it"),
      .statusEdit(.confirm)),
    KeyBinding(
      [.character("n"), .escape, .backspace], LocalizedText("n Esc BS"),
      LocalizedText("やめる", english: "cancel"), .statusEdit(.cancel)),
    KeyBinding(
      [.character("?"), .function(1)], LocalizedText("? F1"), LocalizedText("ヘルプ", english: "help"),
      .toggleHelp),
    KeyBinding(
      [.character("q"), .control("c")], LocalizedText("q"), LocalizedText("終了", english: "quit"),
      .quit),
  ]

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
