/// Whether `scalar` is replaced (or dropped) by ``sanitized(_:keepingLineBreaks:)``.
@inline(__always)
func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
  let value = scalar.value
  if value < 0x20 || value == 0x7F { return true }
  if value < 0x80 { return false }
  if value < 0xA0 { return true }  // C1 controls
  return value == 0x061C || (value >= 0x200E && value <= 0x2069 && isBidiOrSeparator(value))
}

@inline(__always)
private func isBidiOrSeparator(_ value: UInt32) -> Bool {
  switch value {
  case 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
  default: return false
  }
}

/// Whether `scalar` may make an emoji cluster whose width terminals disagree on: ZERO WIDTH
/// JOINER, VARIATION SELECTOR-16, or a skin-tone modifier.
@inline(__always)
func mayBeUncertainWidth(_ scalar: Unicode.Scalar) -> Bool {
  let value = scalar.value
  return value == 0x200D || value == 0xFE0F || (value >= 0x1F3FB && value <= 0x1F3FF)
}

/// Whether ``sanitized(_:keepingLineBreaks:)`` changes anything in `scalars`.
func needsSanitizing<C: Collection<Unicode.Scalar>>(_ scalars: C) -> Bool {
  for scalar in scalars where isUnsafe(scalar) || mayBeUncertainWidth(scalar) {
    return true
  }
  return false
}

/// An emoji that a ZWJ sequence or a modifier may follow (pictographs, dingbats, symbols).
@inline(__always)
private func isEmojiBase(_ value: UInt32) -> Bool {
  value >= 0x1F000 || (value >= 0x2600 && value <= 0x27BF) || (value >= 0x2B00 && value <= 0x2BFF)
}

/// The mark drawn after an emoji whose joined parts were left out: ASCII, one column on
/// every terminal.
public let joinedEmojiMarker: Unicode.Scalar = "+"

/// Returns `text` made safe to send to a terminal: no scalar in the result can move the
/// cursor, change the terminal's state or reorder the display.
///
/// - TAB becomes one space.
/// - Line breaks: with `keepingLineBreaks` false, LF, CR and CRLF each become one space; with
///   `keepingLineBreaks` true, LF is kept and CR (alone or before LF) is dropped.
/// - Other C0 controls are shown in caret notation, as `less` does: ESC → `^[`, BEL → `^G`,
///   NUL → `^@`; DEL → `^?`.
/// - C1 controls (U+0080–U+009F) become `<U+0085>`-style placeholders.
/// - Bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the
///   line and paragraph separators U+2028 and U+2029 (which `wcwidth()` does not know and some
///   programs treat as line breaks) become `<U+202E>`-style placeholders.
/// - Emoji clusters whose width terminals disagree on are drawn in a form whose width is
///   certain: a ZWJ sequence (👨‍👩‍👧‍👦: 8 columns by `wcwidth`, 2 in tmux 3.3a) becomes its first
///   emoji and `+` (3 columns everywhere); a skin-tone modifier and VARIATION SELECTOR-16
///   (☀️: 1 or 2 columns) are left out.
/// - Everything else is unchanged. In particular zero-width format characters that cannot
///   reorder or move anything stay: ZWSP, ZWNJ, ZWJ outside emoji, WORD JOINER and U+FEFF
///   (BOM / ZWNBSP); they take 0 columns and attach to the previous cell.
///
/// When nothing needs replacing, the input is returned as is, without rebuilding it.
public func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
  sanitized(
    text, keepingLineBreaks: keepingLineBreaks, keepingTabs: false, keepingCRLF: false,
    certainWidths: true)
}

/// ``sanitized(_:keepingLineBreaks:)`` without the emoji rule: only the controls are replaced,
/// for text that is not drawn in the dashboard's cells (an export keeps its emoji whole).
public func sanitizedControls(_ text: String, keepingLineBreaks: Bool = false) -> String {
  sanitized(
    text, keepingLineBreaks: keepingLineBreaks, keepingTabs: false, keepingCRLF: false,
    certainWidths: false)
}

/// ``sanitized(_:keepingLineBreaks:)`` for a whole text written to standard output or standard
/// error: LF is kept, TAB too when `keepingTabs` (a format where it is data: CSV, Markdown,
/// plain text), and CR before LF when `keepingCRLF` (iCalendar's line ends). Every other
/// control is replaced as on the screen, so no byte of the result is a C0 or C1 control but
/// those kept.
public func sanitizedForOutput(
  _ text: String, keepingTabs: Bool = false, keepingCRLF: Bool = false
) -> String {
  sanitized(
    text, keepingLineBreaks: true, keepingTabs: keepingTabs, keepingCRLF: keepingCRLF,
    certainWidths: false)
}

func sanitized(
  _ text: String, keepingLineBreaks: Bool, keepingTabs: Bool, keepingCRLF: Bool,
  certainWidths: Bool
) -> String {
  let scalars = text.unicodeScalars
  guard
    let first = scalars.firstIndex(where: {
      isUnsafe($0) || (certainWidths && mayBeUncertainWidth($0))
    })
  else { return text }
  var out = String.UnicodeScalarView()
  out.append(contentsOf: scalars[..<first])
  var index = first
  // The last scalar kept that takes columns (a ZWJ or modifier after it may join it).
  var base: UInt32 = out.reversed().first { scalarWidth($0) > 0 }?.value ?? 0
  while index < scalars.endIndex {
    let scalar = scalars[index]
    var next = scalars.index(after: index)
    defer { index = next }
    if certainWidths, mayBeUncertainWidth(scalar) {
      let value = scalar.value
      if value == 0x200D {
        guard isEmojiBase(base), next < scalars.endIndex, scalarWidth(scalars[next]) > 0 else {
          out.append(scalar)
          continue
        }
        // Leave out the rest of the sequence: each joined scalar with what attaches to it.
        var cursor = index
        while cursor < scalars.endIndex, scalars[cursor].value == 0x200D {
          let joined = scalars.index(after: cursor)
          guard joined < scalars.endIndex, scalarWidth(scalars[joined]) > 0 else { break }
          cursor = scalars.index(after: joined)
          while cursor < scalars.endIndex, scalars[cursor].value != 0x200D,
            scalarWidth(scalars[cursor]) == 0 || mayBeUncertainWidth(scalars[cursor])
          {
            cursor = scalars.index(after: cursor)
          }
        }
        next = cursor
        out.append(joinedEmojiMarker)
        base = joinedEmojiMarker.value
      } else if value != 0xFE0F, !isEmojiBase(base) {
        // A skin-tone modifier standing alone is an emoji of its own.
        out.append(scalar)
        base = value
      }
      continue
    }
    if !isUnsafe(scalar) {
      out.append(scalar)
      if scalarWidth(scalar) > 0 { base = scalar.value }
      continue
    }
    base = 0
    let value = scalar.value
    switch value {
    case 0x09:
      out.append(keepingTabs ? "\t" : " ")
    case 0x0A:
      out.append(keepingLineBreaks ? "\n" : " ")
    case 0x0D:
      // CRLF is one line break: drop the CR and let the LF decide.
      let beforeLF = next < scalars.endIndex && scalars[next] == "\n"
      if keepingCRLF && beforeLF {
        out.append("\r")
      } else if !keepingLineBreaks && !beforeLF {
        out.append(" ")
      }
    case 0x00..<0x20:
      out.append("^")
      out.append(Unicode.Scalar(UInt8(value + 0x40)))
    case 0x7F:
      out.append("^")
      out.append("?")
    default:
      appendPlaceholder(value, to: &out)
    }
  }
  return String(out)
}

/// Appends `<U+XXXX>` (at least four upper-case hex digits).
private func appendPlaceholder(_ value: UInt32, to out: inout String.UnicodeScalarView) {
  out.append(contentsOf: "<U+".unicodeScalars)
  var shift: UInt32 = value > 0xFFFF ? (value > 0xFFFFF ? 20 : 16) : 12
  while true {
    let digit = UInt8((value >> shift) & 0xF)
    out.append(Unicode.Scalar(digit < 10 ? 0x30 + digit : 0x37 + digit))
    if shift == 0 { break }
    shift -= 4
  }
  out.append(">")
}

/// Whether ``sanitized(_:keepingLineBreaks:)`` replaces anything in `text` but line breaks:
/// whether it holds a control, a C1 or a bidirectional control.
public func containsControls(_ text: String) -> Bool {
  text.unicodeScalars.contains { isUnsafe($0) && $0 != "\n" && $0 != "\r" }
}
