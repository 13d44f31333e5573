import JapaneseCalendar
import ShinchokuCore

/// Where the projector is: what it sends its presenter views after every change (and to each
/// one when it attaches). The projector is the authority on the position.
public struct PresenterPosition: Codable, Sendable, Equatable {
  /// 0-based, as `PresentationState.slideIndex` and `.page`.
  public var slide: Int
  public var page: Int
  /// The pages the slide has on the projector's screen.
  public var pages: Int?
  public var blank: BlankScreen?
  /// The progress snapshot shown (`[` / `]`).
  public var snapshot: Int?
  /// When the talk and the slide began, in seconds since the epoch.
  public var talkStart: Int?
  public var slideStart: Int?

  public init(
    slide: Int, page: Int, pages: Int? = nil, blank: BlankScreen? = nil, snapshot: Int? = nil,
    talkStart: Int? = nil,
    slideStart: Int? = nil
  ) {
    self.slide = slide
    self.page = page
    self.pages = pages
    self.blank = blank
    self.snapshot = snapshot
    self.talkStart = talkStart
    self.slideStart = slideStart
  }

  /// The projector's position in `state`; nil outside presentation mode.
  public init?(_ state: AppState) {
    guard let presentation = state.presentation else { return nil }
    self.init(
      slide: presentation.slideIndex, page: presentation.page,
      pages: slidePageCount(state, slide: presentation.slideIndex), blank: presentation.blank,
      snapshot: state.snapshotIndex, talkStart: presentation.talkStart?.secondsSinceEpoch,
      slideStart: presentation.slideStart?.secondsSinceEpoch)
  }
}

/// What a presenter view asks the projector for: the keys that move the slides.
public enum PresenterCommand: Codable, Sendable, Equatable {
  case next, previous, first, last
  /// A slide by its number (1-based, as typed).
  case goTo(Int)
  case blank(BlankScreen)
  case resetTimer
  /// A progress snapshot by its index.
  case snapshot(Int)
}

/// One line of the link, either way: the projector sends positions, a presenter view commands.
public enum PresenterMessage: Codable, Sendable, Equatable {
  case position(PresenterPosition)
  case command(PresenterCommand)
}

/// The command a presenter view sends for `action` instead of moving on its own (nil: the
/// action is the presenter view's own, such as typing a digit). A typed number is taken here.
func presenterCommand(
  for action: PresentationAction, _ presentation: inout PresentationState, state: AppState
) -> PresenterCommand? {
  switch action {
  case .nextSlide: return .next
  case .previousSlide: return .previous
  case .firstSlide, .startFromFirst: return .first
  case .lastSlide: return .last
  case .confirm:
    defer { presentation.jumpInput = "" }
    return Int(presentation.jumpInput).map(PresenterCommand.goTo) ?? .next
  case .deleteBackward where presentation.jumpInput.isEmpty: return .previous
  case .toggleBlank(let screen): return .blank(screen)
  case .resetTimer: return .resetTimer
  default: return nil
  }
}

/// The projector does what a presenter view asked, as if its own key had been pressed.
func applyRemote(_ command: PresenterCommand, _ state: inout AppState, _ effects: inout [Effect]) {
  switch command {
  case .next: reducePresentation(&state, .nextSlide, &effects)
  case .previous: reducePresentation(&state, .previousSlide, &effects)
  case .first: reducePresentation(&state, .firstSlide, &effects)
  case .last: reducePresentation(&state, .lastSlide, &effects)
  case .goTo(let number):
    guard var presentation = state.presentation else { return }
    presentation.jumpInput = ""
    state.presentation = presentation
    for digit in String(max(1, number)).prefix(4) {
      reducePresentation(&state, .typeDigit(digit.wholeNumberValue ?? 0), &effects)
    }
    reducePresentation(&state, .confirm, &effects)
  case .blank(let screen): reducePresentation(&state, .toggleBlank(screen), &effects)
  case .resetTimer: reducePresentation(&state, .resetTimer, &effects)
  case .snapshot(let index):
    if state.dataset.snapshots.indices.contains(index) { state.snapshotIndex = index }
  }
}

extension Countdown {
  /// Seconds in a length: "20m", "1h30m", "90s", "1h", or a plain number of minutes; nil for
  /// anything else, zero or more than a day.
  public static func seconds(_ text: String) -> Int? {
    if let minutes = Int(text) { return (1...1440).contains(minutes) ? minutes * 60 : nil }
    var total = 0
    var number = ""
    var units = Set<Character>()
    for character in text.lowercased() {
      if character.isASCII, character.isNumber {
        number.append(character)
        continue
      }
      guard let value = Int(number), units.insert(character).inserted else { return nil }
      switch character {
      case "h": total += value * 3600
      case "m": total += value * 60
      case "s": total += value
      default: return nil
      }
      number = ""
    }
    guard number.isEmpty, (1...86_400).contains(total) else { return nil }
    return total
  }

  /// Today's `HH:MM` at `now`'s offset from UTC; nil when it is not a time of day.
  public static func endToday(_ text: String, now: WallTime) -> WallTime? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }),
      let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours),
      (0..<60).contains(minutes)
    else { return nil }
    let local = now.secondsSinceEpoch + now.utcOffsetSeconds
    let midnight = local - ((local % 86_400) + 86_400) % 86_400
    return WallTime(
      secondsSinceEpoch: midnight + hours * 3600 + minutes * 60 - now.utcOffsetSeconds,
      utcOffsetSeconds: now.utcOffsetSeconds)
  }
}
