import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// The progress matrix as a table: areas down, statuses across, each count with its change
/// since the previous snapshot, totals on the right and below, and a bar of the statuses.
struct MatrixPane: Widget, Equatable {
  let view: MatrixView
  let focused: Bool

  /// Rows the pane wants: borders, the header, one per row, and the legend.
  static func naturalHeight(_ view: MatrixView) -> Int {
    2 + 1 + view.rows.count
      + (view.hasUnknown || view.hasPartial || view.previousSnapshotDate != nil ? 1 : 0)
  }

  static func text(_ figure: Figure, glyphs: Glyphs) -> String { figure.text(glyphs) }

  /// "▲2", "▼1", "±0"; empty where the change is not known.
  static func deltaText(_ delta: Int?, glyphs: Glyphs) -> String {
    guard let delta else { return "" }
    if delta > 0 { return glyphs.increase + "\(delta)" }
    if delta < 0 { return glyphs.decrease + "\(-delta)" }
    return glyphs.unchanged + "0"
  }

  /// Column positions, computed once per frame from the view and the width.
  struct Geometry {
    var labelWidth: Int
    /// x (relative to the pane's inside) and width of each figure column (statuses, then total).
    var columnX: [Int]
    var columnWidths: [Int]
    var deltaWidth: Int
    var compactHeaders: Bool
    var barX: Int
    var barWidth: Int

    init(view: MatrixView, width: Int, glyphs: Glyphs) {
      let figureWidth =
        view.rows.flatMap { $0.cells.map { displayWidth(MatrixPane.text($0, glyphs: glyphs)) } }
        .max() ?? 1
      let showDeltas = view.previousSnapshotDate != nil
      let deltaWidth =
        showDeltas
        ? max(
          2,
          view.rows.flatMap {
            $0.deltas.map { displayWidth(MatrixPane.deltaText($0, glyphs: glyphs)) }
          }.max() ?? 0)
        : 0
      let totalWidth = max(figureWidth, displayWidth(view.totalHeader))
      func widths(compact: Bool) -> [Int] {
        view.statusHeaders.map {
          max(figureWidth, displayWidth(compact ? $0.symbol : $0.symbol + $0.name))
        } + [totalWidth]
      }
      self.deltaWidth = deltaWidth
      func tableWidth(_ widths: [Int]) -> Int {
        widths.reduce(0) { $0 + 2 + $1 + (deltaWidth > 0 ? 1 + deltaWidth : 0) }
      }
      compactHeaders = false
      columnWidths = widths(compact: false)
      var available = width - 1 - tableWidth(columnWidths) - 1
      if available < 14 {
        compactHeaders = true
        columnWidths = widths(compact: true)
        available = width - 1 - tableWidth(columnWidths) - 1
      }
      // The label column is as wide as the longest label, so the figures stay near the names.
      let longest = view.rows.map { displayWidth(MatrixPane.label($0)) }.max() ?? 1
      labelWidth = max(1, min(available, max(longest, displayWidth(view.areaHeader))))
      columnX = []
      var x = 1 + labelWidth
      for w in columnWidths {
        x += 2
        columnX.append(x)
        x += w + (deltaWidth > 0 ? 1 + deltaWidth : 0)
      }
      barX = x + 2
      barWidth = width - barX - 1
      if barWidth < 8 { barWidth = 0 }
    }
  }

  static func label(_ row: MatrixRowView) -> String {
    row.number.map { "\($0) \(row.label)" } ?? row.label
  }

  func render(in rect: Rect, on canvas: inout Canvas) {
    let language = canvas.chrome.language
    canvas.box(rect, title: UIText.matrix.text(language), focused: focused)
    canvas.mark(rect, as: .pane(.matrix))
    let inner = rect.inside
    guard inner.width > 4, inner.height > 0 else { return }
    let glyphs = canvas.glyphs
    let geometry = Geometry(view: view, width: inner.width, glyphs: glyphs)
    let deltaSpace = geometry.deltaWidth > 0 ? 1 + geometry.deltaWidth : 0

    // Header.
    var y = inner.y
    canvas.put(view.areaHeader, x: inner.x + 1, y: y, role: .muted, maxWidth: geometry.labelWidth)
    for (index, header) in view.statusHeaders.enumerated() {
      let label = geometry.compactHeaders ? header.symbol : header.symbol + header.name
      canvas.put(
        padded(
          label, toWidth: geometry.columnWidths[index], alignment: .trailing,
          ellipsis: glyphs.ellipsis),
        x: inner.x + geometry.columnX[index],
        y: y, role: canvas.statusRole(header.statusID, index: index),
        maxWidth: inner.width - geometry.columnX[index])
    }
    let totalColumn = view.statusHeaders.count
    canvas.put(
      padded(
        view.totalHeader, toWidth: geometry.columnWidths[totalColumn], alignment: .trailing,
        ellipsis: glyphs.ellipsis),
      x: inner.x + geometry.columnX[totalColumn], y: y, role: .heading,
      maxWidth: inner.width - geometry.columnX[totalColumn])
    let anyBar = view.rows.contains { row in row.figures.allSatisfy { $0.value != nil } }
    if geometry.barWidth > 0, anyBar {
      // The bar's header says which pattern is which status.
      var spans = [Span(UIText.split.text(language), .muted)]
      for (index, header) in view.statusHeaders.enumerated() {
        let pattern = glyphs.barPatterns[index % glyphs.barPatterns.count]
        spans.append(
          Span(" " + pattern + header.symbol, canvas.statusRole(header.statusID, index: index)))
      }
      canvas.put(spans, x: inner.x + geometry.barX, y: y, width: geometry.barWidth)
    }

    // Rows; when they do not all fit, the selected one stays in view.
    let firstRow = max(0, view.selection.row - max(1, inner.height - 1) + 1)
    for (rowIndex, row) in view.rows.enumerated() where rowIndex >= firstRow {
      y += 1
      guard y < inner.y + inner.height else { break }
      canvas.put(
        padded(sanitized(Self.label(row)), toWidth: geometry.labelWidth, ellipsis: glyphs.ellipsis),
        x: inner.x + 1, y: y,
        role: row.isTotals ? .heading : .text, maxWidth: geometry.labelWidth)
      for (column, figure) in row.cells.enumerated() {
        let position = MatrixPosition(row: rowIndex, column: column)
        let isSelected = view.selection == position
        let role: Role =
          isSelected
          ? (focused ? .selection : .selectionInactive)
          : (figure == .known(0) || figure.value == nil
            ? .unknown : (row.isTotals || column == totalColumn ? .heading : .text))
        let cellX = inner.x + geometry.columnX[column]
        let width = geometry.columnWidths[column]
        // The highlight covers the gap before the figure too, so a lone "—" is easy to see.
        canvas.put(
          padded(
            Self.text(figure, glyphs: glyphs), toWidth: width + 1, alignment: .trailing,
            ellipsis: glyphs.ellipsis),
          x: cellX - 1, y: y,
          role: isSelected ? role : .text, maxWidth: inner.x + inner.width - cellX + 1)
        if !isSelected {
          canvas.put(
            padded(
              Self.text(figure, glyphs: glyphs), toWidth: width, alignment: .trailing,
              ellipsis: glyphs.ellipsis),
            x: cellX, y: y,
            role: role, maxWidth: inner.x + inner.width - cellX)
        }
        if deltaSpace > 0 {
          let delta = row.deltas[column]
          let deltaRole: Role = delta.map { $0 == 0 ? .muted : .text } ?? .muted
          canvas.put(
            Self.deltaText(delta, glyphs: glyphs), x: cellX + width + 1, y: y, role: deltaRole,
            maxWidth: min(geometry.deltaWidth, inner.x + inner.width - (cellX + width + 1)))
        }
        // A cell past the pane's edge (a very narrow slide) is not there to click.
        let cell = Rect(x: cellX - 2, y: y, width: width + 2 + deltaSpace, height: 1)
          .intersection(inner)
        if !cell.isEmpty { canvas.mark(cell, as: .matrixCell(position)) }
        if isSelected, focused, !cell.isEmpty {
          // On the figure's last column.
          canvas.placeCursor(x: min(cell.maxX, cellX + width) - 1, y: y)
        }
      }
      if geometry.barWidth > 0 {
        drawBar(row, x: inner.x + geometry.barX, y: y, width: geometry.barWidth, &canvas)
      }
    }
    if view.hasUnknown || view.hasPartial || view.previousSnapshotDate != nil,
      y + 1 < inner.y + inner.height
    {
      var legend: [String] = []
      if let previous = view.previousSnapshotDate {
        legend.append(
          glyphs.increase + glyphs.decrease + glyphs.unchanged + " "
            + UIText.changeSince(previous, language: language))
      }
      if view.hasUnknown {
        legend.append(UIText.unknownLegend(glyphs, language: language))
      }
      if view.hasPartial { legend.append(UIText.partialLegend.text(language)) }
      canvas.put(
        " " + legend.joined(separator: "   "), x: inner.x, y: y + 1, role: .muted,
        maxWidth: inner.width)
    }
  }

  /// A bar of the row's statuses in proportion, each segment drawn with its own pattern (so it
  /// reads without colour) in its status's colour. Nothing where a figure is unknown.
  func drawBar(_ row: MatrixRowView, x: Int, y: Int, width: Int, _ canvas: inout Canvas) {
    let counts = row.figures.compactMap(\.value)
    // No bar where a figure is unknown: a bar of the known parts would misstate the split.
    guard counts.count == row.figures.count else { return }
    let lengths = proportionalLengths(counts, total: width)
    var column = x
    for (index, length) in lengths.enumerated() where length > 0 {
      let pattern = canvas.glyphs.barPatterns[index % canvas.glyphs.barPatterns.count]
      let role = canvas.statusRole(view.statusHeaders[index].statusID, index: index)
      canvas.pattern(
        String(repeating: pattern, count: length), x: column, y: y, role: role, maxWidth: length)
      column += length
    }
  }
}

/// Splits `total` cells among `counts` in proportion (largest remainder), giving every non-zero
/// count at least one cell when there is room.
func proportionalLengths(_ counts: [Int], total: Int) -> [Int] {
  let sum = counts.reduce(0, +)
  guard sum > 0, total > 0 else { return counts.map { _ in 0 } }
  var lengths = counts.map { $0 * total / sum }
  var remainders = counts.indices.map { (index: $0, rest: counts[$0] * total % sum) }
  remainders.sort { $0.rest > $1.rest || ($0.rest == $1.rest && $0.index < $1.index) }
  var left = total - lengths.reduce(0, +)
  for entry in remainders where left > 0 {
    lengths[entry.index] += 1
    left -= 1
  }
  for index in counts.indices where counts[index] > 0 && lengths[index] == 0 {
    if let donor = lengths.indices.filter({ lengths[$0] > 1 }).max(by: { lengths[$0] < lengths[$1] }
    ) {
      lengths[donor] -= 1
      lengths[index] = 1
    }
  }
  return lengths
}
