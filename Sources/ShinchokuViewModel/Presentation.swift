import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// What a blanked screen shows: what a clicker's "blank" button asks for.
public enum BlankScreen: Sendable, Equatable {
  case black, white
}

/// Presentation mode: the deck's current slide, the blank screen, the timer, the notes and the
/// number being typed to jump to a slide. `nil` in `AppState` while the dashboard shows.
public struct PresentationState: Sendable, Equatable {
  public var slideIndex = 0
  public var blank: BlankScreen?
  public var showsTimer = false
  public var showsNotes = false
  /// Digits typed so far; Enter jumps to that slide.
  public var jumpInput = ""
  /// Esc goes back to the dashboard (started with `p`), or quits (`shinchoku present`).
  public var returnsToDashboard: Bool
  /// The last instant a tick brought; the timer and the clock are drawn from it.
  public var now: WallTime?
  /// When the talk and the current slide began (set by the first tick when unknown).
  public var talkStart: WallTime?
  public var slideStart: WallTime?

  public init(returnsToDashboard: Bool) { self.returnsToDashboard = returnsToDashboard }

  /// Seconds since the talk began, and since the slide came up.
  public var talkElapsed: Int? { elapsed(since: talkStart) }
  public var slideElapsed: Int? { elapsed(since: slideStart) }

  private func elapsed(since start: WallTime?) -> Int? {
    guard let now, let start else { return nil }
    return max(0, now.secondsSinceEpoch - start.secondsSinceEpoch)
  }
}

/// What the presenter asks for.
public enum PresentationAction: Sendable, Equatable {
  /// `p` in the dashboard: present from the first slide; Esc comes back.
  case start
  /// F5: the first slide (starting presentation mode from the dashboard).
  case startFromFirst
  case nextSlide
  case previousSlide
  case firstSlide
  case lastSlide
  /// A digit of the slide number to jump to.
  case typeDigit(Int)
  /// Enter: jump to the typed number, or the next slide when none was typed.
  case confirm
  /// Backspace: a typed digit back, or the previous slide.
  case deleteBackward
  /// Blank the screen (or show it again).
  case toggleBlank(BlankScreen)
  case toggleTimer
  case resetTimer
  case toggleNotes
  /// Esc: forget a typed number, or leave presentation mode.
  case leave
  /// About once a second from the main loop: the current instant.
  case tick(WallTime)
  /// `deck.yaml` was read again after a change (nil: the file is gone, the standard order).
  case deckLoaded(Deck?)
}

/// The deck in use: `deck.yaml`'s, or the standard order.
public func presentationDeck(_ state: AppState) -> Deck {
  state.deck ?? Deck.standard(state.dataset)
}

func reducePresentation(
  _ state: inout AppState, _ action: PresentationAction, _ effects: inout [Effect]
) {
  switch action {
  case .start:
    state.presentation = PresentationState(returnsToDashboard: true)
    return
  case .startFromFirst where state.presentation == nil:
    state.presentation = PresentationState(returnsToDashboard: true)
    return
  case .deckLoaded(let deck):
    state.deck = deck
    if var presentation = state.presentation {
      presentation.slideIndex = max(
        0, min(presentation.slideIndex, presentationDeck(state).slides.count - 1))
      state.presentation = presentation
    }
    return
  default: break
  }
  guard var presentation = state.presentation else { return }
  let count = presentationDeck(state).slides.count
  func go(to index: Int) {
    let target = max(0, min(index, count - 1))
    if target != presentation.slideIndex { presentation.slideStart = presentation.now }
    presentation.slideIndex = target
    presentation.jumpInput = ""
  }
  switch action {
  case .start, .startFromFirst, .firstSlide:
    go(to: 0)
  case .nextSlide:
    go(to: presentation.slideIndex + 1)
  case .previousSlide:
    go(to: presentation.slideIndex - 1)
  case .lastSlide:
    go(to: count - 1)
  case .typeDigit(let digit):
    if presentation.jumpInput.count < 4 { presentation.jumpInput += "\(digit)" }
  case .confirm:
    if let number = Int(presentation.jumpInput) {
      go(to: number - 1)
    } else {
      go(to: presentation.slideIndex + 1)
    }
  case .deleteBackward:
    if presentation.jumpInput.isEmpty {
      go(to: presentation.slideIndex - 1)
    } else {
      presentation.jumpInput.removeLast()
    }
  case .toggleBlank(let screen):
    presentation.blank = presentation.blank == screen ? nil : screen
  case .toggleTimer:
    presentation.showsTimer.toggle()
  case .resetTimer:
    presentation.showsTimer = true
    presentation.talkStart = presentation.now
    presentation.slideStart = presentation.now
  case .toggleNotes:
    presentation.showsNotes.toggle()
  case .leave:
    if !presentation.jumpInput.isEmpty {
      presentation.jumpInput = ""
    } else if presentation.returnsToDashboard {
      state.presentation = nil
      return
    } else {
      effects.append(.quit)
    }
  case .deckLoaded:
    break
  case .tick(let now):
    presentation.now = now
    if presentation.talkStart == nil { presentation.talkStart = now }
    if presentation.slideStart == nil { presentation.slideStart = now }
  }
  state.presentation = presentation
}

extension KeyMap {
  /// Presentation mode's keys: what clickers send (PgDn, PgUp, b, .) and the usual ones.
  public static let presentation: [KeyBinding] = [
    KeyBinding(
      [.right, .down, .character(" "), .enter, .pageDown, .character("l"), .character("j")],
      LocalizedText("→ ↓ Space Enter PgDn l j", english: "Right Down Space Enter PgDn l j"),
      LocalizedText("次のスライド", english: "next slide"), .present(.nextSlide), main: true,
      short: LocalizedText("次", english: "next"), perKey: [.enter: .present(.confirm)]),
    KeyBinding(
      [.left, .up, .backspace, .pageUp, .character("h"), .character("k")],
      LocalizedText("← ↑ BS PgUp h k", english: "Left Up BS PgUp h k"),
      LocalizedText("前のスライド", english: "previous slide"), .present(.previousSlide), main: true,
      short: LocalizedText("前", english: "previous"),
      perKey: [.backspace: .present(.deleteBackward)]),
    KeyBinding(
      [.home, .character("g"), .end, .character("G")], LocalizedText("Home g / End G"),
      LocalizedText("最初・最後のスライド", english: "first, last slide"), .present(.firstSlide),
      perKey: [.end: .present(.lastSlide), .character("G"): .present(.lastSlide)]),
    KeyBinding(
      (0...9).map { Key.character(Character(String($0))) },
      LocalizedText("数字 Enter", english: "number Enter"),
      LocalizedText("そのスライドへ", english: "go to that slide"), .present(.typeDigit(0)),
      perKey: Dictionary(
        uniqueKeysWithValues: (0...9).map {
          (Key.character(Character(String($0))), Action.present(.typeDigit($0)))
        })),
    KeyBinding(
      [.character("b"), .character(".")], LocalizedText("b ."),
      LocalizedText("画面を黒に・戻す", english: "black screen, and back"), .present(.toggleBlank(.black)),
      main: true, short: LocalizedText("黒", english: "black")),
    KeyBinding(
      [.character("w")], LocalizedText("w"),
      LocalizedText("画面を白に・戻す", english: "white screen, and back"), .present(.toggleBlank(.white))),
    KeyBinding(
      [.character("t")], LocalizedText("t"),
      LocalizedText("タイマー（全体・このスライド）", english: "timer (talk, slide)"), .present(.toggleTimer),
      main: true, short: LocalizedText("タイマー", english: "timer")),
    KeyBinding(
      [.character("T")], LocalizedText("T"), LocalizedText("タイマーを0に", english: "reset the timer"),
      .present(.resetTimer)),
    KeyBinding(
      [.character("s")], LocalizedText("s"), LocalizedText("発表者メモ", english: "speaker notes"),
      .present(.toggleNotes), main: true, short: LocalizedText("メモ", english: "notes")),
    KeyBinding(
      [.character("["), .character("]")], LocalizedText("[ ]"),
      LocalizedText("前の時点・次の時点", english: "previous, next snapshot"), .previousSnapshot,
      perKey: [.character("]"): .nextSnapshot]),
    KeyBinding(
      [.function(5)], LocalizedText("F5"), LocalizedText("最初から", english: "from the start"),
      .present(.startFromFirst)),
    KeyBinding(
      [.escape], LocalizedText("Esc"),
      LocalizedText("発表モードを終える", english: "leave presentation mode"), .present(.leave), main: true,
      short: LocalizedText("終える", english: "leave")),
    KeyBinding(
      [.character("?"), .function(1)], LocalizedText("? F1"), LocalizedText("ヘルプ", english: "help"),
      .toggleHelp),
    KeyBinding(
      [.character("q"), .control("c")], LocalizedText("q"), LocalizedText("終了", english: "quit"),
      .quit),
  ]

  /// The action a key sends in presentation mode.
  public static func presentationAction(for key: Key) -> Action? {
    for binding in presentation {
      if let action = binding.action(for: key) { return action }
    }
    return nil
  }
}
