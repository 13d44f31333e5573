import ShinchokuCore

/// The symbols the UI's frames and marks are drawn with; `ascii` swaps every one for ASCII.
public struct Glyphs: Sendable, Equatable {
  public var horizontal: String
  public var vertical: String
  public var topLeft: String
  public var topRight: String
  public var bottomLeft: String
  public var bottomRight: String
  public var moreAbove: String
  public var moreBelow: String
  /// A figure the source does not give.
  public var unknown: String
  public var inferredMark: String
  public var increase: String
  public var decrease: String
  public var unchanged: String
  /// Fill patterns of the status bar's segments, one per status, told apart without colour.
  public var barPatterns: [String]
  /// Marks a comment about the area selected in the matrix.
  public var linkMark: String
  /// The mark of text cut short.
  public var ellipsis: String
  /// The mark at the end of an input line (where the next character goes).
  public var inputCursor: String
  /// Between the day and its event count in the month grid (`21·1`).
  public var countMark: String
  /// A big figure's block.
  public var block: String
  /// Before a day of the month grid that is today, or a public holiday (today wins): told by
  /// a mark, not only by colour or an attribute the selection would hide.
  public var todayMark: String = ">"
  public var holidayMark: String = "!"

  public static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    moreAbove: "▲", moreBelow: "▼", unknown: "—", inferredMark: "*", increase: "▲", decrease: "▼",
    unchanged: "±", barPatterns: ["█", "▒", "░", "▓", "▚", "╳"], linkMark: "▶", ellipsis: "…",
    inputCursor: "▏", countMark: "·", block: "█", todayMark: "▸", holidayMark: "!")
  /// Each mark means one thing: `?` unknown, `^` / `v` up and down, `=` unchanged (the ASCII
  /// status symbols are the data's own: `+` `=` `-`).
  public static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    moreAbove: "^", moreBelow: "v", unknown: "?", inferredMark: "*", increase: "^", decrease: "v",
    unchanged: "=", barPatterns: ["#", "=", ".", "%", "o", "x"], linkMark: ">", ellipsis: "~",
    inputCursor: "_", countMark: "+", block: "#", todayMark: "@", holidayMark: "!")
}

/// Everything the UI draws that is not data: glyphs, symbols, separators and words, chosen once
/// from `--ascii` and `--lang`. Views and widgets ask it; none of them branches on a flag.
public struct Chrome: Sendable, Equatable {
  public let language: Language
  /// Whether the chrome is ASCII (kept for the few places that must say so, e.g. `themes`).
  public let asciiOnly: Bool
  public let glyphs: Glyphs

  /// Between the parts of a heading or a line of details: " · " / " / ".
  public let separator: String
  /// Between the levels of a path in a title: " › " / " > ".
  public let pathSeparator: String
  /// Between the items of a short list in Japanese text: "・" / ", ".
  public let listSeparator: String
  /// Between two dates of a range: "〜" / "から" (ASCII).
  public let rangeMark: String
  /// From one value to another: "→" / "->".
  public let arrow: String
  /// The times sign of a size: "×" / "x".
  public let times: String
  /// Round brackets around a note after a value: "（…）" / " (…)".
  public let noteOpen: String
  public let noteClose: String
  /// Brackets around area labels: "〔…〕" / "[…]".
  public let tagOpen: String
  public let tagClose: String
  /// The mark before a note that the text was corrected: "※" / "*".
  public let noteMark: String
  /// The ↑ and ↓ keys in a hint: "↑↓" / "Up Down" (as help's ASCII key labels name them).
  public let upDownKeys: String
  /// Between a note and what it is about: " — " / " - ".
  public let dash: String

  public init(language: Language, asciiOnly: Bool) {
    self.language = language
    self.asciiOnly = asciiOnly
    if asciiOnly {
      glyphs = .ascii
      separator = " / "
      pathSeparator = " > "
      listSeparator = ", "
      // A word, not a mark: `~` is the ASCII ellipsis (a cut text), and `-` is behind.
      rangeMark = language == .japanese ? "から" : " to "
      arrow = "->"
      times = "x"
      noteOpen = " ("
      noteClose = ")"
      tagOpen = "["
      tagClose = "]"
      noteMark = "*"
      upDownKeys = "Up Down"
      dash = " - "
    } else {
      glyphs = .unicode
      separator = " · "
      pathSeparator = " › "
      listSeparator = language == .japanese ? "・" : ", "
      rangeMark = "〜"
      arrow = "→"
      times = "×"
      noteOpen = language == .japanese ? "（" : " ("
      noteClose = language == .japanese ? "）" : ")"
      tagOpen = "〔"
      tagClose = "〕"
      noteMark = "※"
      upDownKeys = "↑↓"
      dash = " — "
    }
  }

  /// The UI's own words in the chosen language.
  public func text(_ text: LocalizedText) -> String { text.text(language) }

  /// The symbol that tells a status apart without colour.
  public func symbol(_ status: ProgressStatus) -> String {
    asciiOnly ? status.asciiSymbol : status.symbol
  }

  /// "〔分野1・分野3〕" / "[area 1, area 3]".
  public func tags(_ labels: [String]) -> String {
    tagOpen + labels.joined(separator: asciiOnly ? ", " : "・") + tagClose
  }

  /// "※OCR訂正あり" with the chrome's note mark.
  public var correctedMark: String { noteMark + UIText.corrected.text(language).dropFirst() }

  /// "（note）" after a value.
  public func note(_ text: String) -> String { noteOpen + text + noteClose }

  /// "60×17".
  public func size(_ width: Int, _ height: Int) -> String { "\(width)\(times)\(height)" }
}
