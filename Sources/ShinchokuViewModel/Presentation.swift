import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// What a blanked screen shows: what a clicker's "blank" button asks for.
public enum BlankScreen: String, Sendable, Equatable, Codable {
  case black, white
}

/// Which screen this instance draws: the projected slides, or the facilitator's own view that
/// follows them (`shinchoku present --presenter`).
public enum PresentationRole: Sendable, Equatable {
  case projector, presenter
}

/// The state of the link between a projector and its presenter views, as the screen tells it.
public enum PresenterLinkStatus: Sendable, Equatable {
  /// The projector listens; `followers` presenter views are attached.
  case serving(followers: Int)
  /// The projector could not open its socket (why): it presents alone.
  case unavailable(String)
  /// The presenter view follows a projector.
  case following
  /// The presenter view finds no projector and tries again.
  case searching
}

/// The end of the talk's slot, for the presenter view's countdown.
public enum Countdown: Sendable, Equatable {
  /// `--end 15:30`: that instant.
  case until(WallTime)
  /// `--duration 20m`: this many seconds after the talk began.
  case duration(seconds: Int)
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
  /// The page of the slide (0-based): a slide whose content does not fit the screen pages.
  public var page = 0
  /// The projector, or the presenter view that follows it.
  public var role = PresentationRole.projector
  /// The link to the presenter views (or to the projector); nil when there is none.
  public var link: PresenterLinkStatus?
  /// The projector shows the notes only when asked (`present --notes-on-screen`); the
  /// presenter view always does.
  public var notesAllowed = false
  /// The end of the slot, for the presenter view's countdown, and how many seconds before it
  /// the countdown turns to the warning role.
  public var countdown: Countdown?
  public var warningSeconds = 300
  /// The presenter view: how many pages the projector's screen has for its slide.
  public var projectorPages: Int?

  public init(returnsToDashboard: Bool, role: PresentationRole = .projector) {
    self.returnsToDashboard = returnsToDashboard
    self.role = role
  }

  /// Seconds since the talk began, and since the slide came up.
  public var talkElapsed: Int? { elapsed(since: talkStart) }
  public var slideElapsed: Int? { elapsed(since: slideStart) }

  /// Seconds left until the end of the slot (negative when over); nil without a countdown.
  public var remaining: Int? {
    guard let now, let countdown else { return nil }
    switch countdown {
    case .until(let end): return end.secondsSinceEpoch - now.secondsSinceEpoch
    case .duration(let seconds):
      return (talkStart ?? now).secondsSinceEpoch + seconds - now.secondsSinceEpoch
    }
  }

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
  /// The presenter view: where the projector is (it is the authority on the position).
  case follow(PresenterPosition)
  /// The projector: what a presenter view asks for.
  case remote(PresenterCommand)
  /// The link to the other side changed.
  case linkChanged(PresenterLinkStatus?)
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
  // The presenter view following a projector asks it to move, and shows where it went.
  if presentation.role == .presenter, presentation.link == .following,
    let command = presenterCommand(for: action, &presentation, state: state)
  {
    state.presentation = presentation
    effects.append(.presenter(command))
    return
  }
  let count = presentationDeck(state).slides.count
  func go(to index: Int, page: Int = 0) {
    let target = max(0, min(index, count - 1))
    if target != presentation.slideIndex { presentation.slideStart = presentation.now }
    presentation.slideIndex = target
    presentation.page = max(0, min(page, slidePageCount(state, slide: target) - 1))
    presentation.projectorPages = nil
    presentation.jumpInput = ""
  }
  let pages = slidePageCount(state, slide: presentation.slideIndex)
  // A blanked screen comes back first: a slide never changes unseen.
  if presentation.blank != nil, presentation.role == .projector {
    switch action {
    case .nextSlide, .previousSlide, .firstSlide, .lastSlide, .confirm, .deleteBackward:
      presentation.blank = nil
      state.presentation = presentation
      return
    default: break
    }
  }
  switch action {
  case .start, .startFromFirst, .firstSlide:
    go(to: 0)
  case .nextSlide:
    // The next page of this slide, then the next slide.
    if presentation.page + 1 < pages {
      presentation.page += 1
    } else if presentation.slideIndex + 1 < count {
      go(to: presentation.slideIndex + 1)
    }
  case .previousSlide:
    // The previous page, then the previous slide's last page.
    if presentation.page > 0 {
      presentation.page = min(presentation.page, pages) - 1
    } else if presentation.slideIndex > 0 {
      go(to: presentation.slideIndex - 1, page: Int.max / 2)
    }
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
      state.presentation = presentation
      reducePresentation(&state, .previousSlide, &effects)
      return
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
    // Notes reach the projected screen only when asked for at the start.
    if presentation.notesAllowed { presentation.showsNotes.toggle() }
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
  case .follow(let position):
    presentation.slideIndex = max(0, min(position.slide, count - 1))
    presentation.page = max(0, position.page)
    presentation.projectorPages = position.pages
    presentation.blank = position.blank
    presentation.jumpInput = ""
    let offset = presentation.now?.utcOffsetSeconds ?? 0
    presentation.talkStart = position.talkStart.map {
      WallTime(secondsSinceEpoch: $0, utcOffsetSeconds: offset)
    }
    presentation.slideStart = position.slideStart.map {
      WallTime(secondsSinceEpoch: $0, utcOffsetSeconds: offset)
    }
    if let snapshot = position.snapshot, state.dataset.snapshots.indices.contains(snapshot) {
      state.snapshotIndex = snapshot
    }
  case .remote(let command):
    state.presentation = presentation
    applyRemote(command, &state, &effects)
    return
  case .linkChanged(let status):
    presentation.link = status
  case .tick(let now):
    presentation.now = now
    if presentation.talkStart == nil { presentation.talkStart = now }
    if presentation.slideStart == nil { presentation.slideStart = now }
    // A page that no longer exists (the screen grew) is the last one.
    if presentation.role == .projector { presentation.page = min(presentation.page, pages - 1) }
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
      [.character("s")], LocalizedText("s"),
      LocalizedText(
        "発表者メモ（--notes-on-screen のとき）", english: "speaker notes (with --notes-on-screen)"),
      .present(.toggleNotes)),
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
