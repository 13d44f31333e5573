import ShinchokuViewModel
import TerminalText

/// Where something clickable was drawn.
public struct HitRegion: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int
  public var target: ClickTarget
}

/// A cell of the screen, for the cursor.
public struct CursorPosition: Equatable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A write that broke a drawing rule, and where.
public struct DrawingFault: Equatable, Sendable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    /// Text was cut at the edge of its room with no ellipsis to say so.
    case cutWithoutEllipsis = "cut without an ellipsis"
    /// A part wrote outside the area the layout gave it.
    case outsideArea = "outside its area"
  }
  public var kind: Kind
  public var x: Int
  public var y: Int
  /// The text concerned, or the area, for the message.
  public var detail: String

  public var description: String { "\(kind.rawValue) at \(x),\(y): \(detail)" }
}

/// One terminal cell. A wide glyph occupies its cell (width 2) and the next one, a continuation
/// cell with an empty glyph and width 0. Zero-width scalars (combining marks) ride on their base.
/// A plain value (no reference inside): frames are made, copied and compared as bytes.
public struct Cell: Equatable, Sendable {
  public var glyph: Glyph
  public var width: UInt8
  public var style: Style

  public init(glyph: Glyph, width: UInt8, style: Style) {
    self.glyph = glyph
    self.width = width
    self.style = style
  }

  public init(text: String, width: UInt8, style: Style) {
    self.init(glyph: Glyph(text), width: width, style: style)
  }

  /// The glyph's scalars as text ("" for a continuation).
  public var text: String { glyph.text }

  public static func blank(_ style: Style = .plain) -> Cell {
    Cell(glyph: .space, width: 1, style: style)
  }
  public var isContinuation: Bool { width == 0 }
}

/// A whole screen as a grid of cells: what `render` produces and every backend draws.
/// Text is written clipped by display width; a wide glyph is never cut in half.
public struct Frame: Equatable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]
  /// What was drawn where, later regions on top: the main loop maps mouse clicks through it.
  public var hitRegions: [HitRegion] = []
  /// Writes that broke a drawing rule (text cut without an ellipsis, a write outside the area
  /// of the part that made it). Nothing shows them; the layout tests require there are none.
  public var faults: [DrawingFault] = []
  /// Where the terminal's cursor rests after the frame is drawn: on the selection (the matrix
  /// cell, the comment, the day or agenda entry, the line being read, the end of an input
  /// line), so that a screen reader or a braille display follows it.
  public var cursor: CursorPosition?
  /// The first line each scrolling view showed (kept to its last screenful): the main loop
  /// settles the state's offsets on them (`AppState.settleScrolls`).
  public var scrolls: [ScrollTarget: Int] = [:]

  public init(width: Int, height: Int, fill: Style = .plain) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank(fill), count: self.width * self.height)
  }

  public subscript(x: Int, y: Int) -> Cell {
    cells[y * width + x]
  }

  /// Writes `text` at (x, y), clipped to the columns `x ..< x + maxWidth` (and the frame).
  /// A wide glyph that would straddle the clip edge is replaced by a space in the style given.
  /// Returns the number of columns written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = maxWidth.map { min(width, x + $0) } ?? width
    var col = x
    forEachTerminalCell(text) { glyph, cellWidth in
      if col >= limit { return false }
      if col < 0 {
        col += cellWidth
        if col > 0 { for c in 0..<min(col, limit) { set(c, y, .blank(style)) } }
        return true
      }
      if col + cellWidth > limit {
        for c in col..<limit { set(c, y, .blank(style)) }
        col = limit
        return false
      }
      set(col, y, Cell(glyph: glyph, width: UInt8(cellWidth), style: style))
      if cellWidth == 2 { set(col + 1, y, Cell(glyph: .empty, width: 0, style: style)) }
      col += cellWidth
      return true
    }
    return max(0, col - x)
  }

  /// Puts one cell of width 1 (a border's side) at (x, y), which must be inside the frame.
  mutating func put(narrow cell: TerminalCell, x: Int, y: Int, style: Style) {
    set(x, y, Cell(glyph: cell.glyph, width: 1, style: style))
  }

  /// Fills a rectangle with blanks of `style`.
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + w)
    let y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    for row in y0..<y1 {
      for col in x0..<x1 { set(col, row, .blank(style)) }
    }
  }

  /// Changes the style of the cells in a rectangle, keeping their text.
  public mutating func restyle(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + w)
    let y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    for row in y0..<y1 {
      for col in x0..<x1 { cells[row * width + col].style = style }
    }
  }

  /// Sets one cell, repairing the halves of any wide glyph it overwrites.
  private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
    let i = y * width + x
    let old = cells[i]
    if old.isContinuation, !cell.isContinuation, x > 0, cells[i - 1].width == 2 {
      cells[i - 1] = .blank(cells[i - 1].style)
    }
    if old.width == 2, cell.width != 2, x + 1 < width, cells[i + 1].isContinuation {
      cells[i + 1] = .blank(cells[i + 1].style)
    }
    cells[i] = cell
  }

  /// The cells of a rectangle inside the frame, row by row.
  func cells(in rect: Rect) -> [Cell] {
    var copied: [Cell] = []
    copied.reserveCapacity(rect.width * rect.height)
    for row in rect.y..<rect.maxY {
      copied += cells[(row * width + rect.x)..<(row * width + rect.x + rect.width)]
    }
    return copied
  }

  /// Puts back cells that `cells(in:)` copied from the same rectangle.
  mutating func setCells(_ copied: [Cell], in rect: Rect) {
    for row in 0..<rect.height {
      let start = (rect.y + row) * width + rect.x
      cells.replaceSubrange(
        start..<(start + rect.width), with: copied[(row * rect.width)..<((row + 1) * rect.width)])
    }
  }

  /// Records that `target` is drawn in a rectangle (clipped to the frame).
  public mutating func mark(x: Int, y: Int, width w: Int, height h: Int, as target: ClickTarget) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let w0 = min(width, x + w) - x0
    let h0 = min(height, y + h) - y0
    guard w0 > 0, h0 > 0 else { return }
    hitRegions.append(HitRegion(x: x0, y: y0, width: w0, height: h0, target: target))
  }

  /// The topmost target drawn at a screen position.
  public func target(atX x: Int, y: Int) -> ClickTarget? {
    hitRegions.last { x >= $0.x && x < $0.x + $0.width && y >= $0.y && y < $0.y + $0.height }?
      .target
  }

  /// The text of each row, continuation cells skipped, trailing spaces removed.
  public var lines: [String] {
    (0..<height).map { row in
      var line = String.UnicodeScalarView()
      for col in 0..<width {
        let cell = cells[row * width + col]
        if !cell.isContinuation { cell.glyph.forEachScalar { line.append($0) } }
      }
      while line.last == " " { line.removeLast() }
      return String(line)
    }
  }

  /// All rows joined by newlines: what `shinchoku dump` prints and snapshot tests compare.
  public var text: String { lines.joined(separator: "\n") }
}
