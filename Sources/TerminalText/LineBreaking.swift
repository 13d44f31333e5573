/// One line produced by ``wrapped(_:width:)``.
public struct WrappedLine: Equatable, Sendable {
  public var text: String
  /// True when the line ends inside a word that was too long for a line; the renderer shows
  /// a marker after it (the line leaves one column free for it when the width is 2 or more).
  public var isSplitWord: Bool

  public init(text: String, isSplitWord: Bool = false) {
    self.text = text
    self.isSplitWord = isSplitWord
  }
}

/// Wraps `text` into lines of at most `width` columns following the Japanese line-breaking
/// rules (JLReq / JIS X 4051 kinsoku shori).
///
/// - "\n" is a hard break: each paragraph between newlines is wrapped on its own; an empty
///   paragraph gives one empty line; the newline itself is in no line. (Sanitise the text with
///   `keepingLineBreaks: true` first; a CR is not treated as a break.)
/// - Between Japanese characters a break is allowed anywhere, except that no line starts with
///   a closing bracket, `。．、，.,・：；:;？！?!`, a hyphen (`‐〜゠–`, and `～`), `ー`, an
///   iteration mark, a small kana, a half-width voiced mark (`ﾞﾟ`), a postfixed abbreviation
///   (`％ ‰ ° ℃`) or an ideographic space; no line ends with an opening bracket or a prefixed
///   abbreviation (`￥ ＄ € №`); `……`, `‥‥`, `——` and `――` stay together; a no-break space
///   joins its neighbours. (Checked against ICU's `ja@lb=strict`: LineBreakingICUTests.)
/// - Latin words and numbers (runs of non-space ASCII, full-width letters and digits and other
///   non-CJK letters) break only at spaces; between such a run and a Japanese character a
///   break is allowed.
/// - Method: oidashi (push-out). When the next character does not fit, the line is broken at
///   the last allowed break opportunity, pushing the characters after it to the next line.
///   Characters are never squeezed in past the width (no burasage / hanging punctuation).
/// - A space where a line breaks stays at the end of that line; trailing spaces may go past
///   the width (they are invisible). So for each paragraph, `lines.map(\.text).joined()`
///   equals the paragraph exactly.
/// - When a line has no allowed break opportunity (a word longer than the line, or a pane too
///   narrow for a run of characters that may not be separated), it is broken where it must:
///   inside a word the line holds at most `width - 1` columns (when `width >= 2` and the
///   word's first cell fits in them) and is marked `isSplitWord`; otherwise the line is filled
///   up to the width. A single cell wider than the
///   width (a wide glyph at width 1) stands alone on its line. Nothing is ever lost.
/// - A width of 0 or less is treated as 1.
///
/// Time is linear in the length of the text.
public func wrapped(_ text: String, width: Int) -> [WrappedLine] {
  let width = max(width, 1)
  var lines: [WrappedLine] = []
  var breaker = LineBreaker()
  var paragraphStart = text.startIndex
  var index = text.utf8.startIndex
  while true {
    if index == text.utf8.endIndex || text.utf8[index] == 0x0A {
      breaker.wrap(text.unicodeScalars[paragraphStart..<index], width: width, into: &lines)
      if index == text.utf8.endIndex { break }
      index = text.utf8.index(after: index)
      paragraphStart = index
    } else {
      text.utf8.formIndex(after: &index)
    }
  }
  return lines
}

/// Line-breaking properties of a cell, taken from its base scalar.
struct BreakClass: OptionSet {
  let rawValue: UInt8
  /// U+0020: breaks are allowed after a run of spaces, never before a space.
  static let space = BreakClass(rawValue: 1 << 0)
  /// Part of a Latin word or number: no break between two of these.
  static let word = BreakClass(rawValue: 1 << 1)
  /// May not start a line (closing brackets, punctuation, small kana, …).
  static let noStart = BreakClass(rawValue: 1 << 2)
  /// May not end a line (opening brackets).
  static let noEnd = BreakClass(rawValue: 1 << 3)
  /// Inseparable (`…`, `‥`): no break between two of these.
  static let inseparable = BreakClass(rawValue: 1 << 4)
}

func breakClass(of scalar: Unicode.Scalar) -> BreakClass {
  let value = scalar.value
  if value < 0x80 {
    switch value {
    case 0x20: return .space
    case 0x28, 0x5B, 0x7B: return [.word, .noEnd]  // ( [ {
    case 0x24, 0x2B, 0x5C: return [.word, .noEnd]  // $ + \ (¥ in Japanese fonts): prefixes
    case 0x29, 0x5D, 0x7D, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x21, 0x25:  // ) ] } , . : ; ? ! %
      return [.word, .noStart]
    case 0x21...0x7E: return .word
    default: return []
    }
  }
  switch value {
  // Opening brackets and quotation marks.
  case 0x2018, 0x201C, 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016, 0x3018,
    0x301A, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF5F, 0xFF62:
    return .noEnd
  // Closing brackets and quotation marks.
  case 0x2019, 0x201D, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019,
    0x301B, 0x301E, 0x301F, 0xFF09, 0xFF3D, 0xFF5D, 0xFF60, 0xFF63:
    return .noStart
  // Full stops, commas, middle dots, colons, question and exclamation marks.
  case 0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0x203C,
    0x2047, 0x2048, 0x2049, 0xFF61, 0xFF64, 0xFF65:
    return .noStart
  // Hyphens (JLReq cl-03): ‐ 〜 ゠ –, and ～ (what a CP932 import gives for 〜); the figure
  // dash ‒ and the soft hyphen beside them.
  case 0x2010, 0x2013, 0x301C, 0x30A0, 0xFF5E, 0x2012, 0x00AD:
    return .noStart
  // Postfixed abbreviations (JLReq: not separated from the number before them): ％ ‰ ‱ ′ ″ ‴
  // ° ℃ ℉ ¢ ￠.
  case 0xFF05, 0x2030...0x2034, 0x00B0, 0x2103, 0x2109, 0x00A2, 0xFFE0:
    return .noStart
  // Prefixed abbreviations (not separated from the number after them): ￥ ¥ ＄ £ ￡ ￦ ¤ № ±
  // (€ and the rest of the currency block below).
  case 0xFFE5, 0x00A5, 0xFF04, 0x00A3, 0xFFE1, 0xFFE6, 0x00A4, 0x2116, 0x00B1:
    return .noEnd
  // The currency block: prefixed but for the few written after the amount (₧ ₶ ₻ ₾ ⃀).
  case 0x20A7, 0x20B6, 0x20BB, 0x20BE, 0x20C0:
    return .noStart
  case 0x20A0...0x20CF:
    return .noEnd
  // Other opening marks (European quotation marks, ¡ ¿, ⁅, the acute accent).
  case 0x00A1, 0x00BF, 0x00AB, 0x00B4, 0x201A, 0x201B, 0x201E, 0x201F, 0x2039, 0x2045:
    return .noEnd
  // Other closing and trailing marks: » › ⁆, ‽, ‵ ‶ ‷, ⁄, the dot leaders ․ ‧, the dot
  // punctuation ⁖–⁞, the ideographic space, 〵, 〼 and the Hangul tone marks.
  case 0x00BB, 0x203A, 0x2046, 0x203D, 0x2035...0x2037, 0x2044, 0x2024, 0x2027,
    0x2056...0x205B, 0x205D, 0x205E, 0x3000, 0x3035, 0x303C, 0x302E, 0x302F:
    return .noStart
  // No break on either side: no-break spaces and the non-breaking hyphen.
  case 0x00A0, 0x202F, 0x2011:
    return [.noStart, .noEnd]
  // Prolonged sound marks, iteration marks, spacing voiced marks.
  case 0x30FC, 0xFF70, 0x30FD, 0x30FE, 0x309D, 0x309E, 0x3005, 0x303B, 0x309B, 0x309C:
    return .noStart
  // Small hiragana and katakana.
  case 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E,
    0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7,
    0x30EE, 0x30F5, 0x30F6, 0x31F0...0x31FF:
    return .noStart
  // Half-width small katakana ｧ–ｯ and half-width voiced marks ﾞﾟ.
  case 0xFF67...0xFF6F, 0xFF9E, 0xFF9F:
    return .noStart
  // ‥ … and the dashes — ―: a pair of them is never split.
  case 0x2025, 0x2026, 0x2014, 0x2015:
    return .inseparable
  // Full-width digits and Latin letters.
  case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
    return .word
  case 0xFF61...0xFF9F:  // other half-width katakana: Japanese
    return []
  default:
    break
  }
  // Other narrow letters and digits (accented Latin, Greek, Cyrillic, …) belong to words.
  if scalarWidth(scalar) == 1 {
    let properties = scalar.properties
    if properties.isAlphabetic || properties.generalCategory == .decimalNumber {
      return .word
    }
  }
  return []
}

/// Whether a line may break between a cell of class `before` and one of class `after`.
@inline(__always)
func canBreak(between before: BreakClass, and after: BreakClass) -> Bool {
  if after.contains(.space) || after.contains(.noStart) { return false }
  if before.contains(.noEnd) { return false }
  if before.contains(.space) { return true }
  if before.contains(.inseparable) && after.contains(.inseparable) { return false }
  if before.contains(.word) && after.contains(.word) { return false }
  return true
}

/// Reusable buffers for wrapping one paragraph after another.
struct LineBreaker {
  /// Index of each cell's first scalar.
  var starts: [String.UnicodeScalarView.Index] = []
  var widths: [Int] = []
  var classes: [BreakClass] = []

  mutating func wrap(
    _ paragraph: Substring.UnicodeScalarView, width: Int, into lines: inout [WrappedLine]
  ) {
    starts.removeAll(keepingCapacity: true)
    widths.removeAll(keepingCapacity: true)
    classes.removeAll(keepingCapacity: true)
    var index = paragraph.startIndex
    while index < paragraph.endIndex {
      let scalar = paragraph[index]
      let columns = scalarWidth(scalar)
      if columns > 0 || starts.isEmpty {
        starts.append(index)
        widths.append(columns)
        classes.append(breakClass(of: scalar))
      } else if classes[classes.count - 1].contains(.space) {
        // A mark on a space makes it visible: it may not overhang the width like a space.
        classes[classes.count - 1] = .word
      }
      paragraph.formIndex(after: &index)
    }
    let count = starts.count
    if count == 0 {
      lines.append(WrappedLine(text: ""))
      return
    }
    func text(_ from: Int, _ to: Int) -> String {
      let end = to < count ? starts[to] : paragraph.endIndex
      return String(paragraph[starts[from]..<end])
    }
    var lineStart = 0
    while lineStart < count {
      // Extend the line while the next visible cell fits; spaces never overflow.
      var used = 0
      var next = lineStart
      var lastBreak = -1
      while next < count {
        if next > lineStart && canBreak(between: classes[next - 1], and: classes[next]) {
          lastBreak = next
        }
        if !classes[next].contains(.space) && used + widths[next] > width { break }
        used += widths[next]
        next += 1
      }
      if next == count {
        lines.append(WrappedLine(text: text(lineStart, count)))
        return
      }
      var end: Int
      var isSplitWord = false
      if next == lineStart {
        end = lineStart + 1  // one cell wider than the whole line
      } else if lastBreak > lineStart {
        end = lastBreak  // lastBreak == next when the break falls right here
      } else {
        // No allowed break: break where we must.
        end = next
        if width >= 2 && classes[end - 1].contains(.word) && classes[end].contains(.word) {
          // Inside a word: leave a column for the continuation marker.
          var lineColumns = used
          while end > lineStart + 1 && lineColumns > width - 1 {
            end -= 1
            lineColumns -= widths[end]
          }
        }
        isSplitWord = classes[end - 1].contains(.word) && classes[end].contains(.word)
      }
      lines.append(WrappedLine(text: text(lineStart, end), isSplitWord: isSplitWord))
      lineStart = end
    }
  }
}
