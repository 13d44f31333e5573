import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// A slide as text: its title and lines. The presenter view shows the next slide's outline
/// from it (the first lines), and the handout writes it whole.
public struct SlideText: Sendable, Equatable {
  public var title: String
  public var lines: [String]
}

extension SlideView.Content {
  /// The slide's words and figures as text, as the handout prints them.
  public func text(_ chrome: Chrome) -> SlideText {
    let language = chrome.language
    let separator = chrome.separator
    func figureLine(_ figures: [SlideFigure]) -> String {
      figures.map { "\($0.label) \($0.text)" }.joined(separator: separator)
    }
    switch self {
    case .title(let slide):
      return SlideText(
        title: slide.planTitle,
        lines: (slide.isSynthetic ? [UIText.synthetic.text(language)] : [])
          + [slide.organisation, slide.snapshotLabel].compactMap { $0 }
          + [figureLine(slide.figures), slide.glance])
    case .matrix(let matrix):
      let headers = matrix.statusHeaders.map { $0.symbol + $0.name } + [matrix.totalHeader]
      return SlideText(
        title: UIText.matrix.text(language),
        lines: [
          matrix.snapshotDate.map { UIText.snapshotLabel($0, language: language) }
            ?? UIText.noSnapshot.text(language)
        ]
          + matrix.rows.map { row in
            row.label + ": "
              + zip(headers, row.cells).map { "\($0) \($1.text(chrome.glyphs))" }
              .joined(separator: separator)
          })
    case .area(let slide):
      var lines = [slide.snapshotLabel, figureLine(slide.figures)]
      if let caption = slide.changeCaption {
        lines.append(
          caption + ": "
            + slide.figures.map {
              let delta = $0.delta.map { d in d > 0 ? "+\(d)" : "\(d)" } ?? chrome.glyphs.unknown
              return "\($0.label) \(delta)"
            }.joined(separator: separator))
      }
      if let programmes = slide.programmes {
        lines += programmes
      } else {
        lines.append(UIText.noProgrammeRecords.text(language))
      }
      return SlideText(title: slide.heading, lines: lines)
    case .comment(let slide):
      var meta: [String] = []
      if !slide.areaLabels.isEmpty { meta.append(chrome.tags(slide.areaLabels)) }
      if slide.hasCorrections { meta.append(chrome.correctedMark) }
      return SlideText(
        title: slide.heading,
        lines: [slide.text] + (meta.isEmpty ? [] : [meta.joined(separator: " ")]))
    case .chart(let chart):
      return SlideText(title: chart.title, lines: chart.textLines(separator: separator))
    case .events(let slide):
      let items = slide.items.map { item in
        item.when + (item.isInferred ? UIText.inferredNote(language) : "") + "  " + item.title
          + (item.detail.isEmpty ? "" : separator + item.detail)
      }
      return SlideText(
        title: slide.heading,
        lines: [slide.filterNote].compactMap { $0 }
          + (items.isEmpty ? [UIText.noEvents.text(language)] : items))
    }
  }
}

/// How the presenter view's countdown looks: plain, the warning role in the last minutes,
/// the alert role once the slot is over.
public enum CountdownLevel: Sendable, Equatable {
  case normal, warning, over
}

/// The facilitator's own screen (`shinchoku present --presenter`): where the projector is,
/// this slide's notes, what comes next, the timers, the clock and the countdown.
public struct PresenterView: Sendable, Equatable {
  /// "発表者ビュー · 投影に接続中" and whether the link is well.
  public var heading: String
  public var linkText: String
  public var linkIsUp: Bool
  /// "スライド 3 / 11 · ページ 2/5" (the projector's pages).
  public var position: String
  public var currentTitle: String
  /// What the projector shows instead of the slide ("黒い画面"), if it is blanked.
  public var blankNote: String?
  public var notes: String
  public var hasNotes: Bool
  /// "次: スライド 4 / 11" or "次: ページ 3/5", and the outline of what comes next.
  public var nextHeading: String
  public var nextOutline: [String]
  /// "経過 05:12 · このスライド 01:03".
  public var timers: String
  public var clock: String?
  /// "残り 14:48" / "超過 01:12"; nil without `--end` or `--duration`.
  public var countdown: String?
  public var countdownLevel: CountdownLevel
  /// The digits typed to jump to a slide.
  public var jumpInput: String

  public static let outlineLines = 6

  public init(state: AppState, presentation: PresentationState) {
    let chrome = state.chrome
    let language = state.language
    let deck = presentationDeck(state)
    let count = deck.slides.count
    let index = max(0, min(presentation.slideIndex, count - 1))
    let current = SlideView(state: state, slideIndex: index, page: 0, showsNotes: false)
    let pages = presentation.projectorPages ?? 1
    let page = max(0, min(presentation.page, pages - 1))
    heading = UIText.presenterView.text(language)
    switch presentation.link {
    case .following:
      linkText = UIText.followingProjector.text(language)
      linkIsUp = true
    case .searching, .none:
      linkText = UIText.projectorGone.text(language)
      linkIsUp = false
    case .serving, .unavailable:
      linkText = ""
      linkIsUp = false
    }
    position = UIText.slideNumber(
      index + 1, of: count, page: page, of: pages, chrome: chrome)
    currentTitle = current.content.text(chrome).title
    blankNote = presentation.blank.map {
      ($0 == .black ? UIText.blackScreen : UIText.whiteScreen).text(language)
    }
    hasNotes = current.notes != nil
    notes = current.notes.map { sanitized($0) } ?? UIText.noNotes.text(language)
    if page + 1 < pages {
      nextHeading =
        UIText.next.text(language) + ": "
        + UIText.pageNumber(page + 1, of: pages, language: language)
      nextOutline = []
    } else if index + 1 < count {
      let next = SlideView(state: state, slideIndex: index + 1, page: 0, showsNotes: false)
      let text = next.content.text(chrome)
      nextHeading =
        UIText.next.text(language) + ": "
        + UIText.slideNumber(index + 2, of: count, page: 0, of: 1, chrome: chrome) + "  "
        + text.title
      nextOutline = Array(text.lines.prefix(Self.outlineLines))
    } else {
      nextHeading = UIText.next.text(language) + ": " + UIText.lastSlide.text(language)
      nextOutline = []
    }
    timers = UIText.timers(
      talk: presentation.talkElapsed, slide: presentation.slideElapsed, chrome: chrome)
    clock = presentation.now?.localClock
    jumpInput = presentation.jumpInput
    if let remaining = presentation.remaining {
      countdown =
        (remaining >= 0 ? UIText.remaining : UIText.overtime).text(language) + " "
        + UIText.duration(abs(remaining))
      countdownLevel =
        remaining < 0 ? .over : remaining <= presentation.warningSeconds ? .warning : .normal
    } else {
      countdown = nil
      countdownLevel = .normal
    }
  }
}

extension UIText {
  public static let presenterView = LocalizedText("発表者ビュー", english: "Presenter view")
  public static let followingProjector = LocalizedText(
    "投影画面に接続中", english: "following the projector")
  public static let projectorGone = LocalizedText(
    "投影画面が見つかりません（再接続を試みています）",
    english: "no projector found (trying to reconnect)")
  public static let blackScreen = LocalizedText("投影は黒い画面", english: "the projector shows black")
  public static let whiteScreen = LocalizedText("投影は白い画面", english: "the projector shows white")
  public static let next = LocalizedText("次", english: "Next")
  public static let lastSlide = LocalizedText("最後のスライドです", english: "this is the last slide")
  public static let notes = LocalizedText("メモ", english: "Notes")
  public static let remaining = LocalizedText("残り", english: "left")
  public static let overtime = LocalizedText("超過", english: "over by")

  /// "スライド 3 / 11", with " · ページ 2/5" on a slide of several pages.
  public static func slideNumber(
    _ number: Int, of count: Int, page: Int, of pages: Int, chrome: Chrome
  ) -> String {
    let slide =
      (chrome.language == .japanese ? "スライド " : "slide ") + "\(number) / \(count)"
    guard pages > 1 else { return slide }
    return slide + chrome.separator + pageNumber(page, of: pages, language: chrome.language)
  }

  /// "ページ 2/5" for the 0-based `page`.
  public static func pageNumber(_ page: Int, of pages: Int, language: Language) -> String {
    (language == .japanese ? "ページ " : "page ") + "\(page + 1)/\(pages)"
  }

  /// "05:12", "1:02:03"; "--:--" when not known.
  public static func duration(_ seconds: Int?) -> String {
    guard let seconds else { return "--:--" }
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    let hours = seconds / 3600
    return (hours > 0 ? "\(hours):" : "") + two(seconds / 60 % 60) + ":" + two(seconds % 60)
  }

  /// "経過 05:12 · このスライド 01:03".
  public static func timers(talk: Int?, slide: Int?, chrome: Chrome) -> String {
    chrome.language == .japanese
      ? "経過 \(duration(talk))\(chrome.separator)このスライド \(duration(slide))"
      : "talk \(duration(talk))\(chrome.separator)slide \(duration(slide))"
  }
}

/// One slide of the handout: its number, its whole content as text (every page), its notes.
public struct HandoutSlide: Sendable, Equatable {
  public var number: Int
  public var text: SlideText
  public var notes: String?
}

/// The deck as the handout prints it: every slide whole, not paged to a screen.
public func handoutSlides(_ state: AppState) -> [HandoutSlide] {
  presentationDeck(state).slides.enumerated().map { index, slide in
    HandoutSlide(
      number: index + 1,
      text: SlideView.content(slide.kind, state: state, paging: .whole).content.text(state.chrome),
      notes: slide.notes.map { sanitized($0) })
  }
}
