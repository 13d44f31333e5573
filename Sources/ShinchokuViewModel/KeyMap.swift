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

  /// The action a key sends on the dashboard, if any.
  public static func action(for key: Key) -> Action? {
    dashboard.first { $0.keys.contains(key) }?.action
  }
}

/// The action an input event sends. `target` tells what is drawn at a screen position (from
/// the last frame), for the mouse.
public func action(for event: InputEvent, target: (_ x: Int, _ y: Int) -> ClickTarget?) -> Action? {
  switch event {
  case .key(let key):
    return KeyMap.action(for: key)
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
