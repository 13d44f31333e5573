import ShinchokuCore

/// One line of the key map: the keys, what they do, and the action they send. The help overlay
/// and the bottom bar are drawn from this table, so they list exactly the keys that work.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  /// How the keys are written in help ("Tab", "↑ ↓ ← →").
  public var label: LocalizedText
  public var meaning: LocalizedText
  public var action: Action
  /// Shown in the bottom bar as well as in help.
  public var isMain: Bool
  /// The meaning in the bottom bar, where room is short.
  public var shortMeaning: LocalizedText

  public init(
    _ keys: [Key], _ label: LocalizedText, _ meaning: LocalizedText, _ action: Action,
    main: Bool = false, short: LocalizedText? = nil
  ) {
    self.keys = keys
    self.label = label
    self.meaning = meaning
    self.action = action
    isMain = main
    shortMeaning = short ?? meaning
  }
}

public enum KeyMap {
  public static let dashboard: [KeyBinding] = [
    KeyBinding(
      [.tab], LocalizedText("Tab"), LocalizedText("次のペイン", english: "next pane"), .focusNext,
      main: true),
    KeyBinding(
      [.backTab], LocalizedText("Shift-Tab"), LocalizedText("前のペイン", english: "previous pane"),
      .focusPrevious),
    KeyBinding(
      [.up, .character("k")], LocalizedText("↑ k", english: "Up k"),
      LocalizedText("上へ", english: "move up"),
      .move(.up)),
    KeyBinding(
      [.down, .character("j")], LocalizedText("↓ j", english: "Down j"),
      LocalizedText("下へ", english: "move down"),
      .move(.down)),
    KeyBinding(
      [.left, .character("h")], LocalizedText("← h", english: "Left h"),
      LocalizedText("左へ", english: "move left"),
      .move(.left)),
    KeyBinding(
      [.right, .character("l")], LocalizedText("→ l", english: "Right l"),
      LocalizedText("右へ", english: "move right"), .move(.right)),
    KeyBinding(
      [.pageUp], LocalizedText("PgUp"), LocalizedText("5つ上へ", english: "up by five"), .page(.up)),
    KeyBinding(
      [.pageDown], LocalizedText("PgDn"), LocalizedText("5つ下へ", english: "down by five"),
      .page(.down)),
    KeyBinding(
      [.home, .character("g")], LocalizedText("Home g"), LocalizedText("先頭へ", english: "first"),
      .moveToFirst),
    KeyBinding(
      [.end, .character("G")], LocalizedText("End G"), LocalizedText("末尾へ", english: "last"),
      .moveToLast),
    KeyBinding(
      [.character("[")], LocalizedText("["), LocalizedText("前の時点", english: "previous snapshot"),
      .previousSnapshot, main: true),
    KeyBinding(
      [.character("]")], LocalizedText("]"), LocalizedText("次の時点", english: "next snapshot"),
      .nextSnapshot,
      main: true),
    KeyBinding(
      [.character("?"), .function(1)], LocalizedText("? F1"), LocalizedText("ヘルプ", english: "help"),
      .toggleHelp,
      main: true),
    KeyBinding(
      [.character("!")], LocalizedText("!"), LocalizedText("読み込みの警告", english: "load warnings"),
      .toggleWarnings),
    KeyBinding(
      [.function(2), .control("t")], LocalizedText("F2 Ctrl-T"),
      LocalizedText("次のテーマ（配色）", english: "next theme (colours)"), .nextTheme),
    KeyBinding(
      [.enter], LocalizedText("Enter"),
      LocalizedText("開く（セルのプログラム一覧・詳細）", english: "open (a cell's programmes, a programme)"),
      .activate, main: true, short: LocalizedText("開く", english: "open")),
    KeyBinding(
      [.escape, .backspace], LocalizedText("Esc BS"),
      LocalizedText("戻る・閉じる", english: "back, close"),
      .back),
    KeyBinding(
      [.character("q"), .control("c")], LocalizedText("q"), LocalizedText("終了", english: "quit"),
      .quit, main: true),
  ]

  /// Keys that mean something only in the comments pane; they win over the global ones there.
  public static let comments: [KeyBinding] = [
    KeyBinding(
      [.character("l")], LocalizedText("l"),
      LocalizedText("選んだ分野の意見だけ／すべて", english: "only the selected area's comments / all"),
      .toggleLinkedComments, main: true, short: LocalizedText("分野で絞る", english: "by area")),
    KeyBinding(
      [.character("/")], LocalizedText("/"),
      LocalizedText("意見を検索（かな・全半角を区別しない）", english: "search the comments"),
      .startSearch, main: true, short: LocalizedText("検索", english: "search")),
    KeyBinding(
      [.character("n")], LocalizedText("n"), LocalizedText("次の一致", english: "next match"),
      .nextMatch),
    KeyBinding(
      [.character("N")], LocalizedText("N"), LocalizedText("前の一致", english: "previous match"),
      .previousMatch),
  ]

  /// The keys of a pane: its own first, then the dashboard's.
  public static func bindings(for pane: Pane) -> [KeyBinding] {
    switch pane {
    case .comments: comments + dashboard
    case .matrix, .events: dashboard
    }
  }

  /// The action a key sends on the dashboard, if any (ignoring which pane has focus).
  public static func action(for key: Key) -> Action? {
    dashboard.first { $0.keys.contains(key) }?.action
  }

  /// The action a key sends in the current state: the search line takes text while it is
  /// open; otherwise the focused pane's keys, then the dashboard's.
  public static func action(for key: Key, in state: AppState) -> Action? {
    if state.comments.isEditingQuery {
      switch key {
      case .character(let character): return .searchInput(character)
      case .backspace: return .searchDeleteBackward
      case .enter: return .searchConfirm
      case .escape: return .back
      default: return nil
      }
    }
    return bindings(for: state.focus).first { $0.keys.contains(key) }?.action
  }
}

/// The action an input event sends. `target` tells what is drawn at a screen position (from
/// the last frame), for the mouse.
public func action(
  for event: InputEvent, in state: AppState, target: (_ x: Int, _ y: Int) -> ClickTarget?
) -> Action? {
  switch event {
  case .key(let key):
    return KeyMap.action(for: key, in: state)
  case .resize(let width, let height):
    return .resize(width: width, height: height)
  case .mouse(let mouse):
    guard let hit = target(mouse.x, mouse.y) else { return nil }
    switch mouse.kind {
    case .press(.left), .click(.left): return .click(hit)
    case .doubleClick(.left): return .doubleClick(hit)
    case .wheelUp: return .scroll(hit.pane, .up)
    case .wheelDown: return .scroll(hit.pane, .down)
    default: return nil
    }
  }
}

extension ClickTarget {
  /// The pane the target is in.
  public var pane: Pane {
    switch self {
    case .pane(let pane): pane
    case .matrixCell, .programme: .matrix
    case .comment: .comments
    case .event: .events
    }
  }
}
