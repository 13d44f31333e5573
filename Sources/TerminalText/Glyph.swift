import Synchronization

/// What one terminal cell shows: a base scalar and the zero-width scalars that ride on it.
///
/// Held inline, four scalars in four words, so that a screen's cells are plain values: a frame
/// is made, copied and compared without a reference count or an allocation per cell (a cell
/// that held a `String` spent a fifth of a frame's time retaining and releasing it). The rare
/// cell with more than four scalars (a base under a pile of combining marks) keeps its marks
/// in one table of such clusters for the whole process, so nothing is lost and equal glyphs
/// stay equal values.
public struct Glyph: Hashable, Sendable, CustomDebugStringConvertible {
  // The scalars in order, 0 after the last; an empty glyph (a wide glyph's continuation) is
  // all 0. With more than four scalars: the base in `s0` and, in `s1`, `overflowBit` and the
  // number of its marks in `Overflow`. (No scalar is 0 or has the high bit set: U+0000 is
  // replaced by its placeholder before it becomes a cell, and scalars end at 0x10FFFF.)
  private var s0: UInt32
  private var s1: UInt32
  private var s2: UInt32
  private var s3: UInt32

  private static let overflowBit: UInt32 = 0x8000_0000

  /// The continuation half of a wide glyph: no scalars.
  public static let empty = Glyph(s0: 0, s1: 0, s2: 0, s3: 0)
  /// U+0020, a blank cell.
  public static let space = Glyph(" ")

  private init(s0: UInt32, s1: UInt32, s2: UInt32, s3: UInt32) {
    (self.s0, self.s1, self.s2, self.s3) = (s0, s1, s2, s3)
  }

  /// One scalar alone.
  public init(_ scalar: Unicode.Scalar) {
    self.init(s0: scalar.value, s1: 0, s2: 0, s3: 0)
  }

  /// A base scalar and the zero-width scalars after it.
  public init(base: Unicode.Scalar, marks: some Collection<Unicode.Scalar>) {
    var values = marks.makeIterator()
    guard marks.count > 3 else {
      self.init(
        s0: base.value, s1: values.next()?.value ?? 0, s2: values.next()?.value ?? 0,
        s3: values.next()?.value ?? 0)
      return
    }
    self.init(
      s0: base.value, s1: Self.overflowBit | Overflow.number(of: marks.map(\.value)), s2: 0,
      s3: 0)
  }

  /// The scalars of `text`, the first as the base (empty text: the empty glyph).
  public init(_ text: String) {
    let scalars = text.unicodeScalars
    guard let base = scalars.first else {
      self = .empty
      return
    }
    self.init(base: base, marks: scalars.dropFirst())
  }

  /// No scalars: a wide glyph's continuation.
  public var isEmpty: Bool { s0 == 0 }

  /// Calls `body` with each scalar, base first.
  @inline(__always)
  public func forEachScalar(_ body: (Unicode.Scalar) -> Void) {
    guard s0 != 0 else { return }
    body(Unicode.Scalar(s0).unsafelyUnwrapped)
    if s1 & Self.overflowBit != 0 {
      for mark in Overflow.marks(s1 & ~Self.overflowBit) {
        body(Unicode.Scalar(mark).unsafelyUnwrapped)
      }
      return
    }
    guard s1 != 0 else { return }
    body(Unicode.Scalar(s1).unsafelyUnwrapped)
    guard s2 != 0 else { return }
    body(Unicode.Scalar(s2).unsafelyUnwrapped)
    guard s3 != 0 else { return }
    body(Unicode.Scalar(s3).unsafelyUnwrapped)
  }

  /// The scalars as text.
  public var text: String {
    if s1 == 0 { return s0 == 0 ? "" : String(Character(Unicode.Scalar(s0).unsafelyUnwrapped)) }
    var scalars = String.UnicodeScalarView()
    forEachScalar { scalars.append($0) }
    return String(scalars)
  }

  public var debugDescription: String { text.debugDescription }
}

/// The marks of the glyphs with more than three, each distinct run numbered once (so equal
/// runs give equal glyphs). It only grows: it holds what the process has drawn of such runs.
private enum Overflow {
  private static let table = Mutex<(numbers: [[UInt32]: UInt32], runs: [[UInt32]])>(([:], []))

  static func number(of marks: [UInt32]) -> UInt32 {
    table.withLock { table in
      if let known = table.numbers[marks] { return known }
      let number = UInt32(table.runs.count)
      table.runs.append(marks)
      table.numbers[marks] = number
      return number
    }
  }

  static func marks(_ number: UInt32) -> [UInt32] {
    table.withLock { $0.runs[Int(number)] }
  }
}
