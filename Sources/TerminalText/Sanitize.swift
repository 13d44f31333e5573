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

func needsSanitizing<C: Collection<Unicode.Scalar>>(_ scalars: C) -> Bool {
  for scalar in scalars where isUnsafe(scalar) {
    return true
  }
  return false
}

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
/// - Everything else is unchanged. In particular zero-width format characters that cannot
///   reorder or move anything stay: ZWSP, ZWNJ, ZWJ (needed in emoji sequences), WORD JOINER
///   and U+FEFF (BOM / ZWNBSP); they take 0 columns and attach to the previous cell.
///
/// When nothing needs replacing, the input is returned as is, without rebuilding it.
public func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
  sanitized(text, keepingLineBreaks: keepingLineBreaks, keepingTabs: false, keepingCRLF: false)
}

/// ``sanitized(_:keepingLineBreaks:)`` for a whole text written to standard output or standard
/// error: LF is kept, TAB too when `keepingTabs` (a format where it is data: CSV, Markdown,
/// plain text), and CR before LF when `keepingCRLF` (iCalendar's line ends). Every other
/// control is replaced as on the screen, so no byte of the result is a C0 or C1 control but
/// those kept.
public func sanitizedForOutput(
  _ text: String, keepingTabs: Bool = false, keepingCRLF: Bool = false
) -> String {
  sanitized(text, keepingLineBreaks: true, keepingTabs: keepingTabs, keepingCRLF: keepingCRLF)
}

func sanitized(
  _ text: String, keepingLineBreaks: Bool, keepingTabs: Bool, keepingCRLF: Bool
) -> String {
  let scalars = text.unicodeScalars
  guard let first = scalars.firstIndex(where: isUnsafe) else { return text }
  var out = String.UnicodeScalarView()
  out.append(contentsOf: scalars[..<first])
  var index = first
  while index < scalars.endIndex {
    let scalar = scalars[index]
    let next = scalars.index(after: index)
    defer { index = next }
    if !isUnsafe(scalar) {
      out.append(scalar)
      continue
    }
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
