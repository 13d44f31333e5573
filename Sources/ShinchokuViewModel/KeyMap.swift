import JapaneseCalendar
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

  /// Keys of this line that send another action than `action` (↓ beside ↑).
  public var perKey: [Key: Action]

  public init(
    _ keys: [Key], _ label: LocalizedText, _ meaning: LocalizedText, _ action: Action,
    main: Bool = false, short: LocalizedText? = nil, perKey: [Key: Action] = [:]
  ) {
    self.perKey = perKey
    self.keys = keys
    self.label = label
    self.meaning = meaning
    self.action = action
    isMain = main
    shortMeaning = short ?? meaning
  }

  /// The action `key` sends through this line, if it is one of its keys.
  public func action(for key: Key) -> Action? {
    keys.contains(key) ? perKey[key] ?? action : nil
  }
}

public enum KeyMap {
  /// Keys that work in every pane. A pane's own table comes first: where it binds the same
  /// key (Enter, Esc in the events pane), the pane's meaning wins.
  public static let global: [KeyBinding] = [
    KeyBinding(
      [.tab], LocalizedText("Tab"), LocalizedText("次のペイン", english: "next pane"), .focusNext,
      main: true),
    KeyBinding(
      [.backTab], LocalizedText("Shift-Tab"), LocalizedText("前のペイン", english: "previous pane"),
      .focusPrevious),
    // One line for the pair, as the key bar shows it: help keeps its two columns at 80×24.
    KeyBinding(
      [.character("["), .character("]")], LocalizedText("[ ]"),
      LocalizedText("前の時点・次の時点", english: "previous, next snapshot"), .previousSnapshot,
      main: true, short: UIText.snapshotKeys, perKey: [.character("]"): .nextSnapshot]),
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
    KeyMap.openProgrammeByID,
    KeyBinding(
      [.character("p"), .function(5)], LocalizedText("p F5"),
      LocalizedText("発表モード（スライド）", english: "presentation mode (slides)"), .present(.start)),
    KeyBinding(
      [.character("q"), .control("c")], LocalizedText("q"), LocalizedText("終了", english: "quit"),
      .quit, main: true),
  ]

  /// The matrix and comments panes: moving in a list or table.
  public static let list: [KeyBinding] = [
    {
      var binding = changeStatus
      binding.isMain = false
      return binding
    }(),
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
  ]

  /// `s`: in a programme's detail, change its status (the list keys name it too, for help).
  public static let changeStatus = KeyBinding(
    [.character("s")], LocalizedText("s"),
    LocalizedText(
      "状況を変更して記録（プログラムの詳細で）", english: "change the status and record it (in a programme's detail)"),
    .statusEdit(.begin), main: true, short: LocalizedText("状況を変更", english: "change status"))

  /// The events pane: the month grid, its agenda and the filters.
  public static let events: [KeyBinding] = [
    KeyBinding(
      [.up, .character("k"), .down, .character("j")],
      LocalizedText("↑ ↓ k j", english: "Up Down k j"),
      LocalizedText("前週・翌週／一覧で上下", english: "week back, on / agenda up, down"),
      .move(.up), perKey: [.down: .move(.down), .character("j"): .move(.down)]),
    KeyBinding(
      [.left, .character("h"), .right, .character("l")],
      LocalizedText("← → h l", english: "Left Right h l"),
      LocalizedText("前日・翌日", english: "previous, next day"),
      .move(.left), perKey: [.right: .move(.right), .character("l"): .move(.right)]),
    KeyBinding(
      [.pageUp, .pageDown], LocalizedText("PgUp PgDn"),
      LocalizedText("前月・翌月", english: "previous, next month"),
      .page(.up), perKey: [.pageDown: .page(.down)]),
    KeyBinding(
      [.home, .end], LocalizedText("Home End"),
      LocalizedText("月初・月末／一覧で先頭・末尾", english: "first, last day / agenda top, bottom"),
      .moveToFirst, perKey: [.end: .moveToLast]),
    KeyBinding(
      [.character("t")], LocalizedText("t"), LocalizedText("今日", english: "today"),
      .calendar(.goToToday)),
    KeyBinding(
      [.character("g")], LocalizedText("g"),
      LocalizedText("日付へ（8/1, 平成24年8月1日）", english: "go to a date (2012-08-01, 8/1)"),
      .calendar(.beginDateInput), main: true, short: LocalizedText("日付へ", english: "go to")),
    KeyBinding(
      [.character("v")], LocalizedText("v"),
      LocalizedText("一覧：日・週・月", english: "agenda: day, week, month"),
      .calendar(.cycleSpan), main: true, short: LocalizedText("日/週/月", english: "day/week/month")),
    KeyBinding(
      (1...9).map { Key.character(Character(String($0))) }, LocalizedText("1-9"),
      LocalizedText("分類で絞り込む", english: "filter by category"),
      .calendar(.toggleCategory(number: 1)),
      perKey: Dictionary(
        uniqueKeysWithValues: (2...9).map {
          (Key.character(Character(String($0))), Action.calendar(.toggleCategory(number: $0)))
        })),
    KeyBinding(
      [.character("f")], LocalizedText("f"),
      LocalizedText("無料枠のある催しのみ", english: "free for someone"),
      .calendar(.toggleFreeOnly)),
    KeyBinding(
      [.character("a")], LocalizedText("a"),
      LocalizedText("対象：全員・子ども・大人", english: "audience: all, children, adults"),
      .calendar(.cycleAudience)),
    KeyBinding(
      [.character("/")], LocalizedText("/"),
      LocalizedText("検索（名称・会場・備考）", english: "search (title, venue, notes)"),
      .calendar(.beginSearch), main: true, short: LocalizedText("検索", english: "search")),
    KeyBinding(
      [.character("c")], LocalizedText("c"), LocalizedText("絞り込みを解除", english: "clear filters"),
      .calendar(.clearFilters)),
    KeyBinding(
      [.enter], LocalizedText("Enter"),
      LocalizedText("一覧へ・詳細を開く", english: "agenda, event detail"),
      .calendar(.open)),
    KeyBinding(
      [.escape, .backspace], LocalizedText("Esc BS"),
      LocalizedText("戻る・閉じる", english: "back, close"),
      .calendar(.back)),
  ]

  /// Keys that mean something only in the comments pane; they win over the list keys there.
  public static let comments: [KeyBinding] = [
    KeyBinding(
      [.character("l")], LocalizedText("l"),
      LocalizedText("選んだ分野の意見だけ／すべて", english: "only the selected area's comments / all"),
      .comments(.toggleLinked), main: true, short: LocalizedText("分野で絞る", english: "by area")),
    KeyBinding(
      [.character("/")], LocalizedText("/"),
      LocalizedText("意見を検索（かな・全半角を区別しない）", english: "search the comments"),
      .comments(.startSearch), main: true, short: LocalizedText("検索", english: "search")),
    KeyBinding(
      [.character("n")], LocalizedText("n"), LocalizedText("次の一致", english: "next match"),
      .comments(.nextMatch)),
    KeyBinding(
      [.character("N")], LocalizedText("N"), LocalizedText("前の一致", english: "previous match"),
      .comments(.previousMatch)),
  ]

  /// The focused pane's own table, as its component gives it for the pane's main view (a
  /// detail or reading view over it is a `CoveringView`, with its own keys).
  public static func paneBindings(_ pane: Pane) -> [KeyBinding] {
    keyTable(pane).own
  }

  /// The table of `pane`'s main view.
  static func keyTable(_ pane: Pane) -> KeyTable {
    switch pane {
    case .events:
      CalendarComponent.keyTable(CalendarState(selectedDay: CivilDate(daysSinceEpoch: 0)))
    case .matrix: MatrixComponent.keyTable(MatrixState())
    case .comments: CommentsComponent.keyTable(CommentsState())
    }
  }

  /// The focused pane's own table in the state it is in (the matrix's list has its search and
  /// section keys; the table its chart keys).
  public static func paneBindings(in state: AppState) -> [KeyBinding] {
    keyTable(in: state).own
  }

  /// Every key that works where the user is, in help order (as `bindings(for:)`).
  public static func bindings(in state: AppState) -> [KeyBinding] {
    keyTable(in: state).all
  }

  /// The focused pane's table, made once for each view a pane has (every key and every frame's
  /// key bar asks for it).
  static func keyTable(in state: AppState) -> KeyTable {
    switch state.focus {
    case .events: CalendarComponent.keyTable(state.calendar)
    case .matrix: MatrixComponent.keyTable(state.matrix)
    case .comments: CommentsComponent.keyTable(state.comments)
    }
  }

  /// Every key that works with `pane` focused, in help order: Tab and Shift-Tab, the pane's
  /// own keys, then the rest of the global keys that the pane does not take over.
  public static func bindings(for pane: Pane) -> [KeyBinding] {
    keyTable(pane).all
  }

  fileprivate static func merged(own: [KeyBinding]) -> [KeyBinding] {
    let taken = Set(own.flatMap(\.keys))
    let rest = global.filter { !$0.keys.contains(where: taken.contains) }
    let leading = rest.prefix { $0.action == .focusNext || $0.action == .focusPrevious }
    return Array(leading) + own + rest.dropFirst(leading.count)
  }

  /// The matrix pane's keys (the table before the key map became focus-aware).
  public static let dashboard: [KeyBinding] = bindings(for: .matrix)

  /// The action a key sends with `pane` focused, if any.
  public static func action(for key: Key, in pane: Pane = .matrix) -> Action? {
    for binding in bindings(for: pane) {
      if let action = binding.action(for: key) { return action }
    }
    return nil
  }

  /// The action a key sends where the user is (the focused pane in its state).
  ///
  /// The answer `bindings(in:)` gives, without building that table for every key: a key the
  /// pane's own table binds is the pane's; else the first global binding of the key, unless
  /// that binding shares a key with the pane's table (the merged table leaves it out whole).
  static func paneAction(for key: Key, in state: AppState) -> Action? {
    let own = paneBindings(in: state)
    if let binding = own.first(where: { $0.keys.contains(key) }) { return binding.action(for: key) }
    for binding in global where binding.keys.contains(key) {
      let overridden = own.contains { mine in mine.keys.contains(where: binding.keys.contains) }
      if !overridden { return binding.action(for: key) }
    }
    return nil
  }

  /// The action a key sends in a state (input lines included).
  public static func action(for key: Key, in state: AppState) -> Action? {
    ShinchokuViewModel.action(for: .key(key), in: state) { _, _ in nil }
  }
}

/// The action an input event sends in a state: keys go to the focused pane's table, or to
/// an input line while one is open (the comments' search, the events pane's date and search).
public func action(
  for event: InputEvent, in state: AppState, target: (_ x: Int, _ y: Int) -> ClickTarget?
) -> Action? {
  if state.presentation != nil {
    switch event {
    case .key(let key) where state.overlay != nil:
      // Any key closes help on a slide; q still quits.
      return KeyMap.presentationAction(for: key) == .quit ? .quit : .back
    case .key(let key): return KeyMap.presentationAction(for: key)
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .mouse(let mouse):
      // A click or the wheel turns the page.
      switch mouse.kind {
      case .press(.left), .click(.left), .wheelDown: return .present(.nextSlide)
      case .press(.right), .click(.right), .wheelUp: return .present(.previousSlide)
      default: return nil
      }
    }
  }
  // Help or the warnings are open: any key closes them, as they say; q still quits.
  if case .key(let key) = event, state.overlay != nil {
    if let scroll = helpScroll(for: key) { return scroll }
    let action = InputMode(state)?.action(for: key) ?? KeyMap.paneAction(for: key, in: state)
    return action == .quit ? .quit : .back
  }
  // A dialog or an input line takes the keys first, from its own table.
  if case .key(let key) = event, let mode = InputMode(state) { return mode.action(for: key) }
  // A view over the panes takes only the keys that act on what it shows.
  if case .key(let key) = event, let view = CoveringView(state) { return view.action(for: key) }
  if case .key(let key) = event { return KeyMap.paneAction(for: key, in: state) }
  return action(for: event, target: target)
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
    case .event, .calendarDay: .events
    }
  }
}

/// A pane's own keys in one of its views, and every key that works there (`all`: its own, and
/// the global ones it does not take over, in help order).
struct KeyTable: Sendable {
  let own: [KeyBinding]
  let all: [KeyBinding]

  init(_ own: [KeyBinding]) {
    self.own = own
    all = KeyMap.merged(own: own)
  }
}
