import ShinchokuCore
import ShinchokuViewModel

/// The SGR escape sequence that sets `style` on a terminal of the given depth, with the colour
/// mapping the curses backend uses (`nearestColor`): indexes 0–7 as 30–37 / 40–47, 8–15 as
/// 90–97 / 100–107, others as 38;5 / 48;5, RGB as 38;2 / 48;2 (truecolor only). At `.none` only
/// the attributes are set. The sequence starts from a reset, so styles do not leak.
public func sgrSequence(_ style: Style, depth: ColorDepth) -> String {
  var codes = ["0"]
  if style.attributes.contains(.bold) { codes.append("1") }
  if style.attributes.contains(.dim) { codes.append("2") }
  if style.attributes.contains(.underline) { codes.append("4") }
  if style.attributes.contains(.reverse) { codes.append("7") }
  func color(_ c: TerminalColor, base: Int, bright: Int, extended: Int) {
    switch nearestColor(c, depth: depth) {
    case nil, .terminalDefault?: break
    case .indexed(let i)? where i < 8: codes.append("\(base + Int(i))")
    case .indexed(let i)? where i < 16: codes.append("\(bright + Int(i) - 8)")
    case .indexed(let i)?: codes.append("\(extended);5;\(i)")
    case .rgb(let r, let g, let b)?: codes.append("\(extended);2;\(r);\(g);\(b)")
    }
  }
  color(style.foreground, base: 30, bright: 90, extended: 38)
  color(style.background, base: 40, bright: 100, extended: 48)
  return "\u{1B}[" + codes.joined(separator: ";") + "m"
}

/// The colour depth of a terminal as its environment tells it, for output that does not go
/// through curses (`shinchoku themes`): NO_COLOR (present and not empty) or TERM=dumb → none;
/// COLORTERM truecolor/24bit → 24-bit; a TERM with "256color" → 256; "16color" → 16; else 8.
public func colorDepth(environment: [String: String]) -> ColorDepth {
  if noColorRequested(environment: environment) { return .none }
  let term = environment["TERM"] ?? ""
  if term.isEmpty || term == "dumb" { return .none }
  let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
  if colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
  if term.contains("256color") { return .indexed256 }
  if term.contains("16color") { return .sixteen }
  return .eight
}

/// A line that shows a theme at work: the statuses with their symbols, unknown and inferred
/// figures, a selection, a warning and the calendar's colours.
public func themeSample(language: Language, asciiOnly: Bool) -> [(text: String, role: Role)] {
  let ja = language == .japanese
  let symbols = asciiOnly ? ["+", "=", "-"] : ["◎", "○", "△"]
  // The chrome's own mark for a figure not given (`?` in ASCII: `-` is behind's symbol).
  let unknown = Chrome(language: language, asciiOnly: asciiOnly).glyphs.unknown
  return [
    (symbols[0] + (ja ? "予定以上" : "ahead"), .statusAhead), (" ", .text),
    (symbols[1] + (ja ? "予定どおり" : "on schedule"), .statusOnSchedule), (" ", .text),
    (symbols[2] + (ja ? "遅れ" : "behind"), .statusBehind), ("  ", .text),
    (unknown + (ja ? " 不明" : " unknown"), .unknown), ("  ", .text),
    (ja ? "推定" : "inferred", .inferred), ("  ", .text),
    (ja ? " 選択 " : " selected ", .selection), (" ", .text),
    (ja ? " 警告 " : " warning ", .warning), ("  ", .text),
    (ja ? "日" : "Sun", .calendarSunday), (" ", .text), (ja ? "土" : "Sat", .calendarSaturday),
    (" ", .text), (ja ? "祝" : "Hol", .calendarHoliday), ("  ", .text),
    (ja ? "補足" : "note", .muted),
  ]
}

/// The sample line in a theme: with SGR sequences at `depth`, or plain text when `depth` is nil.
public func themeSampleLine(
  _ theme: Theme, language: Language, asciiOnly: Bool, depth: ColorDepth?
) -> String {
  let spans = themeSample(language: language, asciiOnly: asciiOnly)
  guard let depth else { return spans.map(\.text).joined() }
  return spans.map { sgrSequence(theme.style($0.role), depth: depth) + $0.text }.joined()
    + "\u{1B}[0m"
}
