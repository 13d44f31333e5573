import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// One kind of segment of a chart's bars: a status of the plan's scale, or a kind of savings.
public struct ChartSegment: Sendable, Equatable {
  /// The status id (its colour), or "revenue" / "spending".
  public var id: String
  public var symbol: String
  public var name: String
  public var tone: StatusTone?

  public init(id: String, symbol: String, name: String, tone: StatusTone? = nil) {
    self.id = id
    self.symbol = symbol
    self.name = name
    self.tone = tone
  }
}

/// A stacked bar: the known parts, per segment, and the part known to exist but not split.
public struct ChartBar: Sendable, Equatable {
  public var label: String
  /// Per segment; nil where it is not known.
  public var parts: [Int?]
  /// How much of the stated total the known parts leave unaccounted (drawn as unknown).
  public var unknown: Int
  /// The figure written after the bar ("41", "15+", "—", "169 = 約1百億円※ + 168").
  public var figure: String
  /// The bar's length counts against this (the largest in its group).
  public var scale: Int

  public init(label: String, parts: [Int?], unknown: Int, figure: String, scale: Int) {
    self.label = label
    self.parts = parts
    self.unknown = unknown
    self.figure = figure
    self.scale = scale
  }
}

/// A chart in rows: each row a label and one bar per column.
public struct ChartView: Sendable, Equatable {
  public var title: String
  public var columnHeadings: [String]
  public var rows: [(label: String, bars: [ChartBar])]
  public var segments: [ChartSegment]
  public var notes: [String]
  /// The first line shown under the headings, where the chart is taller than its room.
  public var scroll = 0
  /// On a slide's page: how many lines from `scroll` the page holds (nil: as many as fit).
  public var pageLength: Int?
  /// The column headings are drawn (not on a slide's page of notes only, which has no bars).
  public var showsHeadings = true

  public init(
    title: String, columnHeadings: [String], rows: [(label: String, bars: [ChartBar])],
    segments: [ChartSegment], notes: [String]
  ) {
    self.title = title
    self.columnHeadings = columnHeadings
    self.rows = rows
    self.segments = segments
    self.notes = notes
  }

  public static func == (a: ChartView, b: ChartView) -> Bool {
    a.title == b.title && a.columnHeadings == b.columnHeadings && a.segments == b.segments
      && a.notes == b.notes && a.rows.map(\.label) == b.rows.map(\.label)
      && a.rows.map(\.bars) == b.rows.map(\.bars) && a.scroll == b.scroll
      && a.pageLength == b.pageLength && a.showsHeadings == b.showsHeadings
  }
}

/// One line of a chart under its column headings: a label's bars, or a line of the legend or
/// the notes.
public enum ChartLine: Sendable, Equatable {
  case bars(Int)
  case text(String)
}

extension ChartView {
  /// The rows the column headings take (none for a chart of one column).
  public var headingRows: Int { showsHeadings && columnHeadings.count > 1 ? 1 : 0 }

  /// The lines under the headings in a body `width` columns wide (the room it is drawn in, one
  /// column of margin each side): a line per label, then the legend and the notes wrapped to the
  /// width, so that nothing is cut.
  public func lines(width: Int, chrome: Chrome) -> [ChartLine] {
    blocks(width: width, chrome: chrome).flatMap { $0 }
  }

  /// The lines in the blocks a page keeps together: each label's bars, the legend, each note.
  public func blocks(width: Int, chrome: Chrome) -> [[ChartLine]] {
    let textWidth = max(1, width - 2)
    var blocks = rows.indices.map { [ChartLine.bars($0)] }
    blocks.append(packed(legendItems(chrome), width: textWidth).map(ChartLine.text))
    for note in notes {
      blocks.append(wrapped(sanitized(note), width: textWidth).map { .text($0.text) })
    }
    return blocks
  }

  /// The lines each page holds, `perPage` at most a page: blocks are not split between pages
  /// unless one is taller than a page.
  public func pages(width: Int, chrome: Chrome, perPage: Int) -> [Range<Int>] {
    let perPage = max(1, perPage)
    var pages: [Range<Int>] = []
    var start = 0
    var end = 0
    for block in blocks(width: width, chrome: chrome) {
      if end > start, end - start + block.count > perPage {
        pages.append(start..<end)
        start = end
      }
      end += block.count
      while end - start > perPage {
        pages.append(start..<(start + perPage))
        start += perPage
      }
    }
    if end > start || pages.isEmpty { pages.append(start..<end) }
    return pages
  }

  /// The legend's items: each segment's pattern, symbol and name, then the unknown mark's.
  public func legendItems(_ chrome: Chrome) -> [String] {
    let patterns = chrome.glyphs.barPatterns
    var items = segments.enumerated().map { index, segment in
      patterns[index % patterns.count] + " " + segment.symbol + segment.name
    }
    items.append(chrome.glyphs.unknown + " " + chrome.text(UIText.unknownPart))
    return items
  }

  /// The chart as lines of text (the handout, the presenter's outline): a line per row, each
  /// column's heading with its figure, then the notes.
  public func textLines(separator: String) -> [String] {
    rows.map { row in
      row.label + ": "
        + row.bars.enumerated().map { index, bar in
          let heading =
            columnHeadings.count > 1 && columnHeadings.indices.contains(index)
            ? columnHeadings[index] + " " : ""
          return heading + bar.figure
        }.joined(separator: separator)
    } + notes
  }
}

extension ChartBar {
  /// A bar of a matrix row: its known counts, and of its stated total what they leave.
  init(_ row: MatrixRowView, label: String, scale: Int, unknown glyph: String) {
    let known = row.figures.compactMap(\.value).reduce(0, +)
    let total: Int
    switch row.total {
    case .known(let n), .partial(let n): total = n
    case .unknown: total = known
    }
    let figure: String
    switch row.total {
    case .known(let n): figure = "\(n)"
    case .partial(let n): figure = "\(n)+"
    case .unknown: figure = glyph
    }
    self.init(
      label: label, parts: row.figures.map(\.value), unknown: max(0, total - known),
      figure: figure, scale: scale)
  }

  var length: Int { parts.compactMap { $0 }.reduce(0, +) + unknown }
}

extension ChartView {
  /// Status over snapshots: a row for the plan's total and one per area, a column per
  /// snapshot, each a stacked bar of the statuses (unknown parts drawn as unknown).
  public static func trend(_ data: Dataset, language: Language, chrome: Chrome) -> ChartView {
    let trend = TrendView(dataset: data, language: language, asciiOnly: chrome.asciiOnly)
    let rowCount = data.areas.count + 1
    var rows: [(label: String, bars: [ChartBar])] = []
    for index in 0..<rowCount {
      let label =
        index < data.areas.count
        ? "\(data.areas[index].number) \(data.areas[index].name.text(language))"
        : UIText.totals.text(language)
      let matrixRows = trend.snapshots.map { $0.rows[min(index, $0.rows.count - 1)] }
      let bars = matrixRows.map {
        ChartBar($0, label: label, scale: 0, unknown: chrome.glyphs.unknown)
      }
      let scale = bars.map(\.length).max() ?? 0
      rows.append(
        (
          label,
          bars.map {
            var bar = $0
            bar.scale = scale
            return bar
          }
        ))
    }
    // The total first: what a reader looks for.
    if let totals = rows.popLast() { rows.insert(totals, at: 0) }
    var notes = [
      UIText.unknownLegend(chrome.glyphs, language: language), UIText.partialLegend.text(language),
    ]
    notes.append(
      contentsOf: data.snapshots.compactMap { snapshot in
        snapshot.note.map { snapshot.date.iso + " " + $0 }
      })
    return ChartView(
      title: UIText.trend.text(language),
      columnHeadings: data.snapshots.map(\.date.iso), rows: rows,
      segments: data.statuses.map {
        ChartSegment(
          id: $0.id, symbol: chrome.symbol($0), name: $0.shortName.text(language), tone: $0.tone)
      }, notes: notes)
  }

  /// Savings per fiscal year: a bar of 歳入確保 and 歳出削減, scaled to the largest total,
  /// with the figures as printed; a doubtful figure is kept as printed and marked.
  public static func savings(_ data: Dataset, language: Language, chrome: Chrome) -> ChartView {
    let years = data.savings?.years ?? []
    let dash = chrome.glyphs.unknown
    let mark = chrome.noteMark
    let scale = years.compactMap { $0.total.value.map { Int($0.rounded()) } }.max() ?? 0
    let rows = years.map { year -> (label: String, bars: [ChartBar]) in
      let parts = [year.revenue, year.spending].map { $0.value.map { Int($0.rounded()) } }
      let known = parts.compactMap { $0 }.reduce(0, +)
      let total = year.total.value.map { Int($0.rounded()) } ?? known
      let figure =
        year.total.text(unknown: dash, doubtMark: mark) + " = "
        + year.revenue.text(unknown: dash, doubtMark: mark) + " + "
        + year.spending.text(unknown: dash, doubtMark: mark)
      let label = fiscalYearShortName(year.fiscalYear) + (year.basis.map { chrome.note($0) } ?? "")
      return (
        label,
        [
          ChartBar(
            label: label, parts: parts, unknown: max(0, total - known), figure: figure,
            scale: scale)
        ]
      )
    }
    var notes: [String] = []
    for year in years {
      for figure in [year.total, year.revenue, year.spending] {
        if let doubt = figure.doubt {
          notes.append(mark + fiscalYearShortName(year.fiscalYear) + " " + doubt)
        }
      }
    }
    if data.savings?.isApproximate == true { notes.append(UIText.approximateNote.text(language)) }
    if let source = data.savings.map({ data.sources[$0.source]?.title ?? $0.source }) {
      notes.append(UIText.fieldSource.text(language) + ": " + source)
    }
    if years.isEmpty { notes.append(UIText.noSavings.text(language)) }
    let unit = data.savings?.unit ?? "百万円"
    return ChartView(
      title: UIText.savings.text(language) + chrome.note(unit),
      columnHeadings: [
        UIText.savingsTotal.text(language) + " = " + UIText.savingsRevenue.text(language) + " + "
          + UIText.savingsSpending.text(language)
      ],
      rows: rows,
      segments: [
        ChartSegment(id: "revenue", symbol: "", name: UIText.savingsRevenue.text(language)),
        ChartSegment(id: "spending", symbol: "", name: UIText.savingsSpending.text(language)),
      ], notes: notes)
  }

  /// Every plan's latest totals side by side, each in its own grade scale.
  public static func plans(_ data: Dataset, language: Language, chrome: Chrome) -> ChartView {
    let scale = data.plans.compactMap(\.latestTotal).max() ?? 0
    let dash = chrome.glyphs.unknown
    var segments: [ChartSegment] = []
    let rows = data.plans.map { plan -> (label: String, bars: [ChartBar]) in
      // Segments by place in each plan's scale: the first plan's names label the legend.
      for (index, status) in plan.statuses.enumerated() where index >= segments.count {
        segments.append(
          ChartSegment(
            id: status.id, symbol: chrome.symbol(status), name: status.shortName.text(language),
            tone: status.tone))
      }
      let parts = plan.statuses.map { plan.latestCounts[$0.id] ?? nil }
      let known = parts.compactMap { $0 }.reduce(0, +)
      var marks: [String] = []
      if plan.id == data.plan.id { marks.append(UIText.shownPlan.text(language)) }
      if plan.isCurrent { marks.append(UIText.currentPlan.text(language)) }
      let counts = zip(plan.statuses, parts).map { status, count in
        chrome.symbol(status) + (count.map(String.init) ?? dash)
      }
      let figure =
        (counts + [UIText.total.text(language) + (plan.latestTotal.map(String.init) ?? dash)])
        .joined(separator: " ") + (plan.latestDate.map { " " + $0.iso } ?? "")
        + (plan.inconsistency == nil ? "" : " " + chrome.noteMark)
      let label =
        plan.title.text(language)
        + (marks.isEmpty ? "" : chrome.note(marks.joined(separator: chrome.listSeparator)))
      return (
        label,
        [
          ChartBar(
            label: label, parts: parts, unknown: max(0, (plan.latestTotal ?? known) - known),
            figure: figure, scale: scale)
        ]
      )
    }
    let notes = data.plans.compactMap { plan in
      plan.inconsistency.map { chrome.noteMark + plan.title.text(language) + ": " + $0 }
    }
    return ChartView(
      title: UIText.plans.text(language), columnHeadings: [], rows: rows, segments: segments,
      notes: notes)
  }
}

/// Items on lines of at most `width` columns, two spaces apart, never split between lines; an
/// item wider than a line is wrapped on its own.
func packed(_ items: [String], width: Int) -> [String] {
  var lines: [String] = []
  var line = ""
  for item in items.map({ sanitized($0) }) {
    let joined = line.isEmpty ? item : line + "  " + item
    if displayWidth(joined) <= width {
      line = joined
      continue
    }
    if !line.isEmpty { lines.append(line) }
    let parts = wrapped(item, width: width).map(\.text)
    lines += parts.dropLast()
    line = parts.last ?? ""
  }
  if !line.isEmpty { lines.append(line) }
  return lines
}
