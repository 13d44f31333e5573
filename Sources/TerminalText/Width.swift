/// The number of terminal columns a scalar takes, as glibc's `wcwidth()` reports it in a
/// UTF-8 locale (and therefore as tmux 3.3a shows it): 0 for combining marks and other
/// zero-width scalars, 2 for wide ones (CJK, full-width forms, wide emoji), 1 otherwise.
/// Ambiguous-width characters (○●▲■※①, box drawing) are 1.
/// Scalars for which `wcwidth()` returns -1 (C0, DEL, C1 controls, unassigned code points)
/// return 0; control characters should be removed with ``sanitized(_:keepingLineBreaks:)``.
@inlinable
public func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
  let value = scalar.value
  if value < 0x7F { return value >= 0x20 ? 1 : 0 }
  return nonASCIIWidth(value)
}

@usableFromInline
func nonASCIIWidth(_ value: UInt32) -> Int {
  if value < 0xA0 { return 0 }  // DEL and C1 controls
  if value < 0x300 { return 1 }  // Latin-1 and Latin extended: no zero-width or wide scalars
  // Fast path for the bulk of CJK (kana are in the tables): this block is one entry of
  // `wideRanges` (0x3220...0xA48C).
  if value >= 0x3220 && value <= 0xA48C { return 2 }
  if contains(zeroWidthRanges, value) { return 0 }
  if contains(wideRanges, value) { return 2 }
  return 1
}

/// Binary search in sorted, disjoint closed ranges.
func contains(_ ranges: [(UInt32, UInt32)], _ value: UInt32) -> Bool {
  var low = 0
  var high = ranges.count - 1
  guard high >= 0, value >= ranges[0].0, value <= ranges[high].1 else { return false }
  while low <= high {
    let mid = (low + high) >> 1
    let range = ranges[mid]
    if value < range.0 {
      high = mid - 1
    } else if value > range.1 {
      low = mid + 1
    } else {
      return true
    }
  }
  return false
}

/// The number of terminal columns `text` takes: the sum of its scalars' widths.
public func displayWidth<S: StringProtocol>(_ text: S) -> Int {
  var total = 0
  for scalar in text.unicodeScalars {
    total += scalarWidth(scalar)
  }
  return total
}

/// What a terminal puts in one cell (or two, for a wide glyph): a base scalar and the
/// zero-width scalars attached to it.
public struct TerminalCell: Equatable, Sendable {
  public var text: String
  /// 1 or 2.
  public var width: Int

  public init(text: String, width: Int) {
    self.text = text
    self.width = width
  }
}

/// The base used for a zero-width scalar that has nothing to attach to.
let orphanBase: Unicode.Scalar = "\u{00A0}"

/// Splits `text` into terminal cells. Each scalar of width 1 or 2 starts a new cell; following
/// zero-width scalars attach to it. A zero-width scalar with no base before it gets a cell of
/// its own, based on U+00A0 NO-BREAK SPACE. Control characters, bidirectional controls and
/// line breaks are first replaced as ``sanitized(_:keepingLineBreaks:)`` does (without
/// keeping line breaks), so their visible placeholders become cells. No cell has width 0 or
/// more than 2.
public func terminalCells<S: StringProtocol>(_ text: S) -> [TerminalCell] {
  if needsSanitizing(text.unicodeScalars) {
    return cells(of: sanitized(String(text)).unicodeScalars)
  }
  return cells(of: text.unicodeScalars)
}

private func cells<C: Collection<Unicode.Scalar>>(of scalars: C) -> [TerminalCell] {
  var result: [TerminalCell] = []
  result.reserveCapacity(scalars.count)
  // The cell being made: its first scalar and width, and the zero-width scalars after it
  // (rare: most cells are one scalar, made into a string without a scalar view).
  var base: Unicode.Scalar?
  var baseWidth = 0
  var marks: String.UnicodeScalarView?
  for scalar in scalars {
    let width = scalarWidth(scalar)
    if width == 0 {
      if base == nil {
        base = orphanBase
        baseWidth = 1
      }
      marks = marks ?? String.UnicodeScalarView()
      marks?.append(scalar)
      continue
    }
    if let base { result.append(cell(base, marks, width: baseWidth)) }
    base = scalar
    baseWidth = width
    marks = nil
  }
  if let base { result.append(cell(base, marks, width: baseWidth)) }
  return result
}

@inline(__always)
private func cell(_ base: Unicode.Scalar, _ marks: String.UnicodeScalarView?, width: Int)
  -> TerminalCell
{
  guard let marks else { return TerminalCell(text: String(Character(base)), width: width) }
  var text = String.UnicodeScalarView()
  text.append(base)
  text.append(contentsOf: marks)
  return TerminalCell(text: String(text), width: width)
}
