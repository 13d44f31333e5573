import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// The progress matrix as a table: areas down, statuses across, totals on the right and below.
struct MatrixPane {
  let view: MatrixView
  let language: Language
  let focused: Bool

  /// Rows the pane wants: borders, the header, one per row, and the legend when a figure is unknown.
  static func naturalHeight(_ view: MatrixView) -> Int {
    2 + 1 + view.rows.count + (view.hasUnknown || view.hasPartial ? 1 : 0)
  }

  static func text(_ figure: Figure, glyphs: Glyphs) -> String {
    switch figure {
    case .known(let n): "\(n)"
    case .partial(let n): "\(n)+"
    case .unknown: glyphs.unknown
    }
  }

  static func role(forStatus id: String, index: Int) -> Role {
    switch id {
    case "ahead": .statusAhead
    case "on-schedule": .statusOnSchedule
    case "behind": .statusBehind
    default: [Role.statusAhead, .statusOnSchedule, .statusBehind][index % 3]
    }
  }

  func draw(in rect: Rect, _ painter: inout Painter) {
    painter.drawBox(rect, title: UIText.matrix.text(language), focused: focused)
    let inner = rect.inside
    guard inner.width > 4, inner.height > 0 else { return }
    let glyphs = painter.glyphs
    let figureWidth =
      view.rows.flatMap {
        ($0.figures + [$0.total]).map { displayWidth(Self.text($0, glyphs: glyphs)) }
      }
      .max() ?? 1
    // Column widths: full headers if the area names keep at least 14 columns, else symbols only.
    func widths(compact: Bool) -> [Int] {
      view.statusHeaders.map { header in
        max(figureWidth, displayWidth(compact ? header.symbol : header.symbol + header.name))
      }
    }
    let totalWidth = max(figureWidth, displayWidth(view.totalHeader))
    var compact = false
    var columnWidths = widths(compact: false)
    var labelWidth = inner.width - 1 - columnWidths.reduce(0) { $0 + $1 + 2 } - (totalWidth + 2) - 1
    if labelWidth < 14 {
      compact = true
      columnWidths = widths(compact: true)
      labelWidth = inner.width - 1 - columnWidths.reduce(0) { $0 + $1 + 2 } - (totalWidth + 2) - 1
    }
    // The label column is as wide as the longest label, so the figures stay near the names.
    let longestLabel =
      view.rows.map { row in displayWidth(row.number.map { "\($0) \(row.label)" } ?? row.label) }
      .max() ?? 1
    labelWidth = max(1, min(labelWidth, max(longestLabel, displayWidth(view.areaHeader))))

    // Column x positions (relative to inner.x).
    var columnX: [Int] = []
    var x = 1 + labelWidth
    for width in columnWidths + [totalWidth] {
      x += 2
      columnX.append(x)
      x += width
    }
    let allWidths = columnWidths + [totalWidth]

    // Header.
    var y = inner.y
    painter.put(
      padded(view.areaHeader, toWidth: labelWidth), x: inner.x + 1, y: y, role: .muted,
      maxWidth: labelWidth)
    for (index, header) in view.statusHeaders.enumerated() {
      let label = compact ? header.symbol : header.symbol + header.name
      painter.put(
        padded(label, toWidth: allWidths[index], alignment: .trailing), x: inner.x + columnX[index],
        y: y,
        role: Self.role(forStatus: header.statusID, index: index),
        maxWidth: inner.width - columnX[index])
    }
    let totalColumn = view.statusHeaders.count
    painter.put(
      padded(view.totalHeader, toWidth: totalWidth, alignment: .trailing),
      x: inner.x + columnX[totalColumn], y: y,
      role: .heading, maxWidth: inner.width - columnX[totalColumn])

    // Rows.
    for (rowIndex, row) in view.rows.enumerated() {
      y += 1
      guard y < inner.y + inner.height else { break }
      let label = row.number.map { "\($0) \(row.label)" } ?? row.label
      painter.put(
        padded(sanitized(label), toWidth: labelWidth), x: inner.x + 1, y: y,
        role: row.isTotals ? .heading : .text,
        maxWidth: labelWidth)
      for (column, figure) in (row.figures + [row.total]).enumerated() {
        let isSelected = view.selection == MatrixPosition(row: rowIndex, column: column)
        let role: Role =
          isSelected
          ? (focused ? .selection : .selectionInactive)
          : (figure.value == nil
            ? .unknown : (row.isTotals || column == totalColumn ? .heading : .text))
        let cellX = inner.x + columnX[column]
        if isSelected {
          // The highlight covers the gap before the figure too, so a lone "—" is easy to see.
          painter.put(
            padded(
              Self.text(figure, glyphs: glyphs), toWidth: allWidths[column] + 1,
              alignment: .trailing),
            x: cellX - 1, y: y, role: role, maxWidth: inner.width - columnX[column] + 1)
        } else {
          painter.put(
            padded(
              Self.text(figure, glyphs: glyphs), toWidth: allWidths[column], alignment: .trailing),
            x: cellX,
            y: y, role: role, maxWidth: inner.width - columnX[column])
        }
      }
    }
    if view.hasUnknown || view.hasPartial, y + 1 < inner.y + inner.height {
      var legend: [String] = []
      if view.hasUnknown {
        legend.append(
          UIText.unknownLegend.text(language).replacingOccurrences(of: "—", with: glyphs.unknown))
      }
      if view.hasPartial { legend.append(UIText.partialLegend.text(language)) }
      painter.put(
        " " + legend.joined(separator: "   "), x: inner.x, y: y + 1, role: .muted,
        maxWidth: inner.width)
    }
  }
}
