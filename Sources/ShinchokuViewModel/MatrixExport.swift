import Foundation
import JapaneseCalendar
import ShinchokuCore

public enum ExportFormat: String, CaseIterable, Sendable {
  case json, csv, md, txt, ics, html
}

/// What the matrix shows, as JSON, CSV or a Markdown table for meeting minutes. Unknown
/// figures are null (JSON) or empty (CSV); a partial total gives the sum of its known parts
/// separately, never as the total.
public enum MatrixExport {
  public static func text(
    _ view: MatrixView, dataset: Dataset, format: ExportFormat, language: Language,
    escaper: ExportEscaper = ExportEscaper()
  ) -> String? {
    switch format {
    case .json: json(view, dataset: dataset)
    case .csv: csv(view, escaper)
    case .md: markdown(view, dataset: dataset, language: language, escaper)
    case .txt, .ics, .html: nil
    }
  }

  static func value(_ figure: Figure) -> Any {
    figure.value.map { $0 as Any } ?? NSNull()
  }

  static func atLeast(_ figure: Figure) -> Any {
    if case .partial(let n) = figure { return n }
    return NSNull()
  }

  static func json(_ view: MatrixView, dataset: Dataset) -> String {
    func row(_ row: MatrixRowView) -> [String: Any] {
      var counts: [String: Any] = [:]
      var changes: [String: Any] = [:]
      var atLeastCounts: [String: Any] = [:]
      for (index, header) in view.statusHeaders.enumerated() {
        counts[header.statusID] = value(row.figures[index])
        atLeastCounts[header.statusID] = atLeast(row.figures[index])
        changes[header.statusID] = row.deltas[index].map { $0 as Any } ?? NSNull()
      }
      changes["total"] = row.deltas.last.flatMap { $0 }.map { $0 as Any } ?? NSNull()
      var object: [String: Any] = [
        "counts": counts, "total": value(row.total), "total_at_least": atLeast(row.total),
        "counts_at_least": atLeastCounts, "change": changes,
      ]
      if let areaID = row.areaID {
        object["id"] = areaID
        object["number"] = row.number ?? NSNull()
        object["name"] = row.label
      }
      return object
    }
    let object: [String: Any] = [
      "plan": dataset.plan.title.japanese,
      "synthetic": dataset.plan.isSynthetic,
      "snapshot": view.snapshotDate?.iso ?? NSNull(),
      "snapshot_label": view.snapshotDate.map { fiscalYearLabel(of: $0) } ?? NSNull(),
      "previous_snapshot": view.previousSnapshotDate?.iso ?? NSNull(),
      "statuses": view.statusHeaders.map {
        ["id": $0.statusID, "name": $0.name, "symbol": $0.symbol]
      },
      "areas": view.rows.filter { !$0.isTotals }.map(row),
      "totals": view.rows.last.map(row) ?? NSNull(),
    ]
    return jsonText(object)
  }

  static func csv(_ view: MatrixView, _ escaper: ExportEscaper) -> String {
    let ids = view.statusHeaders.map {
      escaper.csvCell($0.statusID, record: "status " + $0.statusID)
    }
    var lines = [
      (["number", "id", "area"] + ids + ["total", "total_at_least"] + ids.map { "change_" + $0 } + [
        "change_total"
      ])
      .joined(separator: ",")
    ]
    for row in view.rows {
      let record = "area " + (row.areaID ?? "total")
      var fields = [
        row.number.map(String.init) ?? "", escaper.csvCell(row.areaID ?? "total", record: record),
        escaper.csvCell(row.label, record: record),
      ]
      fields += row.cells.map { $0.value.map(String.init) ?? "" }
      if case .partial(let n) = row.total { fields.append(String(n)) } else { fields.append("") }
      fields += row.deltas.map { $0.map(String.init) ?? "" }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func markdown(
    _ view: MatrixView, dataset: Dataset, language: Language, _ escaper: ExportEscaper
  ) -> String {
    func cell(_ figure: Figure, _ delta: Int?) -> String {
      var text: String
      switch figure {
      case .known(let n): text = "\(n)"
      case .partial(let n): text = "\(n)+"
      case .unknown: text = "—"
      }
      if let delta {
        text += delta > 0 ? " (▲\(delta))" : delta < 0 ? " (▼\(-delta))" : " (±0)"
      }
      return text
    }
    func escape(_ text: String, _ record: String = "the matrix") -> String {
      escaper.markdownCell(text, record: record)
    }
    var lines: [String] = []
    let date = view.snapshotDate.map { UIText.snapshotLabel($0, language: language) } ?? ""
    lines.append(
      "### \(escape(dataset.plan.title.text(language), "the plan's title")) — \(UIText.matrix.text(language)) \(date)"
    )
    lines.append("")
    let headers =
      [view.areaHeader] + view.statusHeaders.map { $0.symbol + $0.name } + [view.totalHeader]
    lines.append("| " + headers.map { escape($0) }.joined(separator: " | ") + " |")
    lines.append("|---|" + String(repeating: "--:|", count: headers.count - 1))
    for row in view.rows {
      let label = row.number.map { "\($0) \(row.label)" } ?? "**\(row.label)**"
      let cells = row.cells.enumerated().map { cell($1, row.deltas[$0]) }
      let record = "area " + (row.areaID ?? "total")
      lines.append("| " + ([escape(label, record)] + cells).joined(separator: " | ") + " |")
    }
    lines.append("")
    var notes: [String] = []
    if view.hasUnknown { notes.append(UIText.unknownLegend(.unicode, language: language)) }
    if view.hasPartial { notes.append(UIText.partialLegend.text(language)) }
    if let previous = view.previousSnapshotDate {
      notes.append("▲▼± " + UIText.changeSince(previous, language: language))
    }
    if dataset.plan.isSynthetic { notes.append(UIText.synthetic.text(language)) }
    if !notes.isEmpty { lines.append(notes.map { "- " + $0 }.joined(separator: "\n")) }
    return lines.joined(separator: "\n") + "\n"
  }
}
