import ShinchokuCore
import TerminalText

/// Figures drawn large, for the back of the room: 3×5 cells per character from full blocks
/// (`#` with `--ascii`), scaled up where the screen has room.
public enum BigDigits {
  public static let height = 5
  static let font: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"],
    "1": [" # ", "## ", " # ", " # ", "###"],
    "2": ["###", "  #", "###", "#  ", "###"],
    "3": ["###", "  #", "###", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"],
    "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"],
    "7": ["###", "  #", "  #", "  #", "  #"],
    "8": ["###", "# #", "###", "# #", "###"],
    "9": ["###", "# #", "###", "  #", "###"],
    "+": ["   ", " # ", "###", " # ", "   "],
    "-": ["   ", "   ", "###", "   ", "   "],
    "—": ["   ", "   ", "###", "   ", "   "],
    ":": [" ", "#", " ", "#", " "],
  ]

  /// The rows of `text` drawn large at `scale` (each cell becomes scale × scale), characters
  /// one column apart. Characters without a glyph are left out.
  public static func lines(_ text: String, scale: Int = 1, block: String = "█") -> [String] {
    let scale = max(1, scale)
    let glyphs = text.compactMap { font[$0] }
    var rows: [String] = []
    for row in 0..<height {
      let line = glyphs.map { glyph in
        glyph[row].map {
          $0 == "#" ? String(repeating: block, count: scale) : String(repeating: " ", count: scale)
        }
        .joined()
      }.joined(separator: String(repeating: " ", count: scale))
      for _ in 0..<scale { rows.append(line) }
    }
    return rows
  }

  /// Columns `text` takes at `scale`.
  public static func width(_ text: String, scale: Int = 1) -> Int {
    let glyphs = text.compactMap { font[$0] }
    guard !glyphs.isEmpty else { return 0 }
    return glyphs.reduce(0) { $0 + $1[0].count * scale } + (glyphs.count - 1) * scale
  }
}

extension Figure {
  /// "15", "15+" (a partial total), or the unknown mark.
  public func text(_ glyphs: Glyphs) -> String {
    switch self {
    case .known(let n): "\(n)"
    case .partial(let n): "\(n)+"
    case .unknown: glyphs.unknown
    }
  }
}

/// Where a slide's parts go on a screen of a size: the body (inside the margins, above the
/// footer and the notes), the rows the figures take at a scale, what a page holds. The view
/// model pages with it and the slide widget draws with it, so that a page always fits.
public struct SlideGeometry: Sendable, Equatable {
  public static let minimumWidth = 20
  public static let minimumHeight = 8
  /// The most the figures are scaled up.
  public static let largestScale = 3
  /// Rows an area slide keeps for its programme list at least (a page of it).
  public static let areaListMinimumRows = 4

  public var width: Int
  public var height: Int
  /// Rows the notes take above the footer on the projected screen (0 when they are hidden).
  public var notesRows: Int

  public init(width: Int, height: Int, notesRows: Int = 0) {
    self.width = width
    self.height = height
    self.notesRows = notesRows
  }

  /// Two columns of margin each side; a row at the top, the footer (and notes) at the bottom.
  public var bodyWidth: Int { max(1, width - 4) }
  public var bodyHeight: Int { max(1, height - 2 - notesRows) }

  /// Rows of notes shown on the projected screen, out of `lineCount` wrapped lines.
  public static func notesLines(_ lineCount: Int, height: Int) -> Int {
    min(max(1, lineCount), max(1, (height - 8) / 3))
  }

  /// Rows the figures take at `scale` (0: as plain text), with their label rows.
  public static func figureRows(scale: Int, labelRows: Int) -> Int {
    (scale > 0 ? BigDigits.height * scale + 1 : 1) + labelRows
  }

  /// The largest scale at which every text fits its column and the rows; 0 when even 1× does
  /// not (the figures are then plain text).
  public static func largestScale(
    _ texts: [String], columnWidth: Int, maxHeight: Int, labelRows: Int
  ) -> Int {
    for scale in stride(from: largestScale, through: 1, by: -1)
    where texts.allSatisfy({ BigDigits.width($0, scale: scale) <= columnWidth - 2 })
      && figureRows(scale: scale, labelRows: labelRows) <= maxHeight
    {
      return scale
    }
    return 0
  }

  // MARK: The title slide

  /// Rows above the figures (the synthetic label, the title, the organisation, the date) and
  /// below them (the counts at a glance).
  public func titleTextRows(_ slide: TitleSlide) -> Int {
    (slide.isSynthetic ? 1 : 0) + wrapped(slide.planTitle, width: max(1, bodyWidth - 4)).count
      + (slide.organisation == nil ? 0 : 1) + 3
  }
  public static let titleGlanceRows = 2

  /// The rows the title slide's figures may take.
  public func titleFigureRoom(_ slide: TitleSlide) -> Int {
    bodyHeight - titleTextRows(slide) - Self.titleGlanceRows
  }

  // MARK: The area slide

  /// Rows above the figures: the heading, the date, a gap.
  public static let areaHeaderRows = 3

  /// The rows an area slide's figures may take: what is left after the heading, the change
  /// caption and the shortest programme list.
  public func areaFigureRoom(hasCaption: Bool, hasProgrammes: Bool) -> Int {
    bodyHeight - Self.areaHeaderRows - (hasCaption ? 1 : 0) - 1
      - (hasProgrammes ? Self.areaListMinimumRows : 1)
  }

  /// The programmes one page of an area slide lists, with the figures at `scale`.
  public func areaListRows(scale: Int, hasCaption: Bool) -> Int {
    let used =
      Self.areaHeaderRows + Self.figureRows(scale: scale, labelRows: hasCaption ? 2 : 1)
      + (hasCaption ? 1 : 0) + 1
    return max(1, bodyHeight - used)
  }

  // MARK: The events slide

  /// Rows above the list: the heading, the filters, a gap.
  public static let eventsHeaderRows = 3

  /// Events on one page: each takes two rows and a gap (the last needs no gap).
  public var eventsPerPage: Int { max(1, (bodyHeight - Self.eventsHeaderRows + 1) / 3) }

  /// Pages of `count` items at `perPage` a page (at least one).
  /// A chart slide: the chart's width (at most 120 columns, centred) and its rows under the
  /// slide's heading.
  public var chartWidth: Int { min(bodyWidth, 120) }
  public var chartRows: Int { max(1, bodyHeight - 1) }

  public static func pages(_ count: Int, perPage: Int) -> Int {
    max(1, (count + max(1, perPage) - 1) / max(1, perPage))
  }
}
