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
  public var glyph: Glyph
  /// 1 or 2.
  public var width: Int

  public init(glyph: Glyph, width: Int) {
    self.glyph = glyph
    self.width = width
  }

  public init(text: String, width: Int) {
    self.init(glyph: Glyph(text), width: width)
  }

  public var text: String { glyph.text }
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
  var result: [TerminalCell] = []
  result.reserveCapacity(text.utf8.count)
  forEachTerminalCell(text) {
    result.append(TerminalCell(glyph: $0, width: $1))
    return true
  }
  return result
}

/// The cells of `text`, as `terminalCells` makes them, one by one to `body` (glyph, width)
/// without an array of them, until `body` returns false: how a frame writes text.
@inline(__always)
public func forEachTerminalCell<S: StringProtocol>(_ text: S, _ body: (Glyph, Int) -> Bool) {
  if needsSanitizing(text.unicodeScalars) {
    forEachCell(of: sanitized(String(text)).unicodeScalars, body)
  } else {
    forEachCell(of: text.unicodeScalars, body)
  }
}

@inline(__always)
private func forEachCell<C: Collection<Unicode.Scalar>>(
  of scalars: C, _ body: (Glyph, Int) -> Bool
) {
  // The cell being made: its first scalar and width, and the zero-width scalars after it
  // (rare: most cells are one scalar, made into a glyph without an array).
  var base: Unicode.Scalar?
  var baseWidth = 0
  var marks: [Unicode.Scalar] = []
  func flush(_ base: Unicode.Scalar) -> Bool {
    if marks.isEmpty { return body(Glyph(base), baseWidth) }
    defer { marks.removeAll(keepingCapacity: true) }
    return body(Glyph(base: base, marks: marks), baseWidth)
  }
  for scalar in scalars {
    let width = scalarWidth(scalar)
    if width == 0 {
      if base == nil {
        base = orphanBase
        baseWidth = 1
      }
      marks.append(scalar)
      continue
    }
    if let base, !flush(base) { return }
    base = scalar
    baseWidth = width
  }
  if let base { _ = flush(base) }
}
