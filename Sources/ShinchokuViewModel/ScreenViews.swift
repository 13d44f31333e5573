import JapaneseCalendar
import ShinchokuCore
import TerminalText

extension AppState {
  /// The glyphs and words the screen is drawn with, from `--ascii` and `--lang`.
  public var chrome: Chrome { Chrome(language: language, asciiOnly: asciiOnly) }
}

/// One key of the key bar, and how much it matters when the bar is short of room.
public struct KeyHint: Sendable, Equatable {
  /// What gives way first when the bar is short of room: categories (from the end), then the
  /// other global keys, then the focused pane's own keys; help and quit stay.
  public enum Importance: Int, Sendable, Comparable {
    case category = 0
    case global, pane, essential
    public static func < (a: Importance, b: Importance) -> Bool { a.rawValue < b.rawValue }
  }
  public var key: String
  public var meaning: String
  public var importance: Importance
}

/// The bottom line of the dashboard: the keys of the focused pane and the global ones, and
/// the count of load warnings.
public struct KeyBarView: Sendable, Equatable {
  public var hints: [KeyHint]
  /// " ! 警告2件 ": nil when there are none.
  public var warnings: String?

  public init(state: AppState) {
    let chrome = state.chrome
    // Key names in ASCII where the chrome is ASCII ("Up k" for "↑ k").
    let labels = chrome.asciiOnly ? Language.english : chrome.language
    // Over a detail or a reading view, its own keys; else the focused pane's and the global ones.
    let covering = CoveringView(state, underOverlay: true)?.bindings
    let own =
      covering.map { Array($0.prefix { !KeyMap.global.map(\.action).contains($0.action) }) }
      ?? KeyMap.paneBindings(in: state)
    let bindings = covering ?? KeyMap.bindings(in: state)
    let leading = bindings.prefix { $0.action == .focusNext || $0.action == .focusPrevious }
    var hints: [KeyHint] = []
    func add(_ binding: KeyBinding, _ importance: KeyHint.Importance) {
      let essential = binding.action == .toggleHelp || binding.action == .quit
      hints.append(
        KeyHint(
          key: binding.label.text(labels), meaning: binding.shortMeaning.text(chrome.language),
          importance: essential ? .essential : importance))
    }
    for binding in leading where binding.isMain { add(binding, .global) }
    for binding in own where binding.isMain { add(binding, .pane) }
    if state.focus == .events, covering == nil {
      for (index, category) in state.dataset.categories.prefix(9).enumerated() {
        hints.append(
          KeyHint(
            key: "\(index + 1)", meaning: category.name.text(chrome.language),
            importance: .category))
      }
    }
    for binding in bindings.dropFirst(leading.count + own.count) where binding.isMain {
      // `[` and `]` are one hint: a bar never shows one without the other.
      if binding.action == .nextSnapshot { continue }
      if binding.action == .previousSnapshot {
        hints.append(
          KeyHint(
            key: "[ ]", meaning: chrome.text(UIText.snapshotKeys), importance: .global))
        continue
      }
      add(binding, .global)
    }
    self.hints = hints
    let count = state.warnings.count
    warnings =
      count == 0
      ? nil : (chrome.language == .japanese ? " ! 警告\(count)件 " : " ! \(count) warnings ")
  }
}

/// The help overlay: every key that works where the user is, and the theme in use.
public struct HelpView: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var keys: String
    public var meaning: String
    public var shortMeaning: String
  }
  public var title: String
  public var rows: [Row]
  public var footer: String
  /// The first row shown (the widget stops at the last screenful).
  public var scroll = 0

  public init(state: AppState) {
    let chrome = state.chrome
    let bindings =
      state.presentation != nil
      ? KeyMap.presentation
      : InputMode(state)?.bindings ?? CoveringView(state, underOverlay: true)?.bindings
        ?? KeyMap.bindings(in: state)
    let labels = chrome.asciiOnly ? Language.english : chrome.language
    rows = bindings.map {
      Row(
        keys: $0.label.text(labels), meaning: $0.meaning.text(chrome.language),
        shortMeaning: $0.shortMeaning.text(chrome.language))
    }
    var title = chrome.text(UIText.help)
    if state.themeNames.indices.contains(state.themeIndex) {
      // Which theme F2 has chosen (nothing when the state names no themes, as in `dump`).
      title +=
        chrome.separator + (chrome.language == .japanese ? "テーマ: " : "theme: ")
        + state.themeNames[state.themeIndex]
    }
    self.title = title
    footer = helpFooter(chrome)
    scroll = state.overlayScroll
  }
}

/// The load warnings overlay.
public struct WarningsView: Sendable, Equatable {
  public var title: String
  /// One per finding, as `file:line:column: warning: message`.
  public var findings: [String]
  public var emptyText: String
  public var footer: String
  /// The first row shown (the widget stops at the last screenful).
  public var scroll = 0

  public init(state: AppState) {
    let chrome = state.chrome
    title = chrome.text(UIText.warnings)
    findings = state.warnings.map { sanitized($0.text(state.language)) }
    emptyText = chrome.text(UIText.noWarnings)
    // It scrolls as help does, and says so as help does.
    footer = helpFooter(chrome)
    scroll = state.overlayScroll
  }

  /// The findings wrapped to the box on a screen `width` columns wide: the rows that scroll.
  public func rows(screenWidth width: Int) -> [String] {
    findings.flatMap { wrapped($0, width: max(10, width - 8)).map(\.text) }
  }
}

/// The "terminal too small" screen: what is needed and what there is.
public struct TooSmallView: Sendable, Equatable {
  public var lines: [String]

  public init(needWidth: Int, needHeight: Int, width: Int, height: Int, chrome: Chrome) {
    lines = UIText.tooSmall(
      needWidth: needWidth, needHeight: needHeight, width: width, height: height,
      language: chrome.language, asciiOnly: chrome.asciiOnly)
  }
}
