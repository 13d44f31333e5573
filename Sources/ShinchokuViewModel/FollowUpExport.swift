import Foundation
import JapaneseCalendar
import ShinchokuCore

/// The status counts of every snapshot: one matrix per snapshot, oldest first (what the trend
/// chart draws and `export trend` prints). The matrix's rules hold: unknown is unknown, a total
/// of unknown parts is partial.
public struct TrendView: Sendable, Equatable {
  public var statusHeaders: [MatrixView.StatusHeader]
  public var snapshots: [MatrixView]

  public init(dataset: Dataset, language: Language, asciiOnly: Bool = false) {
    snapshots = dataset.snapshots.indices.map {
      MatrixView(dataset: dataset, snapshotIndex: $0, language: language, asciiOnly: asciiOnly)
    }
    statusHeaders =
      snapshots.first?.statusHeaders
      ?? MatrixView(dataset: dataset, snapshotIndex: 0, language: language, asciiOnly: asciiOnly)
      .statusHeaders
  }
}

extension PrintedFigure {
  /// "285", "約1百億円?" (as printed, marked), "—".
  public func text(unknown: String, doubtMark: String) -> String {
    if let printed { return printed + (isDoubtful ? doubtMark : "") }
    return value.map(shortNumber).map { $0 + (isDoubtful ? doubtMark : "") } ?? unknown
  }
}

/// `export trend` and `export savings`.
public enum FollowUpExport {
  static func figureJSON(_ figure: Figure) -> [String: Any] {
    [
      "count": MatrixExport.value(figure), "at_least": MatrixExport.atLeast(figure),
    ]
  }

  public static func trend(
    _ view: TrendView, dataset: Dataset, format: ExportFormat, language: Language,
    escaper: ExportEscaper = ExportEscaper()
  ) -> String? {
    let ids = view.statusHeaders.map(\.statusID)
    switch format {
    case .json:
      let snapshots = view.snapshots.map { matrix -> [String: Any] in
        [
          "date": matrix.snapshotDate?.iso ?? NSNull(),
          "label": matrix.snapshotDate.map { fiscalYearLabel(of: $0) } ?? NSNull(),
          "note": matrix.note ?? NSNull(),
          "rows": matrix.rows.map { row -> [String: Any] in
            var counts: [String: Any] = [:]
            var atLeast: [String: Any] = [:]
            for (index, id) in ids.enumerated() {
              counts[id] = MatrixExport.value(row.figures[index])
              atLeast[id] = MatrixExport.atLeast(row.figures[index])
            }
            return [
              "area": row.areaID ?? "total", "counts": counts, "counts_at_least": atLeast,
              "total": MatrixExport.value(row.total),
              "total_at_least": MatrixExport.atLeast(row.total),
            ]
          },
        ]
      }
      return jsonText([
        "plan": dataset.plan.id, "plan_title": dataset.plan.title.japanese,
        "synthetic": dataset.plan.isSynthetic,
        "statuses": view.statusHeaders.map {
          ["id": $0.statusID, "name": $0.name, "symbol": $0.symbol]
        },
        "snapshots": snapshots,
      ])
    case .csv:
      let header = ["date", "area"] + ids + ["total", "total_at_least"]
      var lines = [header.map { escaper.csvCell($0, record: "the header") }.joined(separator: ",")]
      for matrix in view.snapshots {
        for row in matrix.rows {
          let record = "area " + (row.areaID ?? "total")
          var fields = [
            matrix.snapshotDate?.iso ?? "", escaper.csvCell(row.areaID ?? "total", record: record),
          ]
          fields += row.cells.map { $0.value.map(String.init) ?? "" }
          if case .partial(let n) = row.total {
            fields.append(String(n))
          } else {
            fields.append("")
          }
          lines.append(fields.joined(separator: ","))
        }
      }
      return lines.joined(separator: "\n") + "\n"
    case .md:
      func escape(_ text: String) -> String {
        escaper.markdownCell(text, record: "the trend")
      }
      var lines = [
        "### \(escape(dataset.plan.title.text(language))) — \(UIText.trend.text(language))", "",
      ]
      let headers =
        [UIText.snapshotColumn.text(language)] + view.statusHeaders.map { $0.symbol + $0.name }
        + [UIText.total.text(language)]
      lines.append("| " + headers.map(escape).joined(separator: " | ") + " |")
      lines.append("|---|" + String(repeating: "--:|", count: headers.count - 1))
      for matrix in view.snapshots {
        guard let totals = matrix.rows.last else { continue }
        let date = matrix.snapshotDate.map { UIText.snapshotLabel($0, language: language) } ?? ""
        let cells = totals.cells.map { figure -> String in
          switch figure {
          case .known(let n): "\(n)"
          case .partial(let n): "\(n)+"
          case .unknown: "—"
          }
        }
        lines.append("| " + ([escape(date)] + cells).joined(separator: " | ") + " |")
      }
      lines.append("")
      lines.append("- " + UIText.unknownLegend(.unicode, language: language))
      lines.append("- " + UIText.partialLegend.text(language))
      if dataset.plan.isSynthetic { lines.append("- " + UIText.synthetic.text(language)) }
      return lines.joined(separator: "\n") + "\n"
    case .txt, .ics, .html:
      return nil
    }
  }

  /// The savings rows: the plan's, then each programme's where given.
  static func savingsRows(_ dataset: Dataset) -> [(programme: Programme?, year: SavingsYear)] {
    (dataset.savings?.years ?? []).map { (nil, $0) }
      + dataset.programmes.flatMap { programme in programme.savings.map { (programme, $0) } }
  }

  public static func savings(
    _ dataset: Dataset, format: ExportFormat, language: Language,
    escaper: ExportEscaper = ExportEscaper()
  ) -> String? {
    let table = dataset.savings
    let unit = table?.unit ?? "百万円"
    let rows = savingsRows(dataset)
    func json(_ figure: PrintedFigure) -> Any {
      figure.value.map { $0 as Any } ?? NSNull()
    }
    switch format {
    case .json:
      func year(_ year: SavingsYear) -> [String: Any] {
        var object: [String: Any] = [
          "fy": year.fiscalYear, "label": fiscalYearName(year.fiscalYear, language: .japanese),
          "total": json(year.total), "revenue": json(year.revenue),
          "spending": json(year.spending), "basis": year.basis ?? NSNull(),
          "note": year.note ?? NSNull(),
        ]
        for (key, figure) in [
          ("total", year.total), ("revenue", year.revenue), ("spending", year.spending),
        ] where figure.printed != nil || figure.doubt != nil {
          object[key + "_as_printed"] = figure.printed ?? NSNull()
          object[key + "_doubt"] = figure.doubt ?? NSNull()
        }
        return object
      }
      let programmes = dataset.programmes.filter { !$0.savings.isEmpty }.map {
        ["id": $0.id, "title": $0.title, "years": $0.savings.map(year)] as [String: Any]
      }
      return jsonText([
        "plan": dataset.plan.id, "plan_title": dataset.plan.title.japanese,
        "synthetic": dataset.plan.isSynthetic, "unit": unit,
        "approximate": table?.isApproximate ?? false,
        "source": table.map { dataset.sources[$0.source]?.title ?? $0.source } ?? NSNull(),
        "years": table?.years.map(year) ?? [], "programmes": programmes,
      ])
    case .csv:
      let header = [
        "programme", "fy", "label", "total", "revenue", "spending", "as_printed", "doubt", "basis",
        "note",
      ]
      var lines = [header.joined(separator: ",")]
      for (programme, year) in rows {
        let record = programme.map { "programme " + $0.id } ?? "savings \(year.fiscalYear)"
        let doubtful = [
          ("total", year.total), ("revenue", year.revenue), ("spending", year.spending),
        ].filter { $0.1.printed != nil || $0.1.doubt != nil }
        let fields = [
          programme.map { escaper.csvCell($0.id, record: record) } ?? "",
          String(year.fiscalYear), fiscalYearShortName(year.fiscalYear),
          year.total.value.map(shortNumber) ?? "", year.revenue.value.map(shortNumber) ?? "",
          year.spending.value.map(shortNumber) ?? "",
          escaper.csvCell(
            doubtful.compactMap { f in f.1.printed.map { "\(f.0): \($0)" } }.joined(
              separator: "; "),
            record: record),
          escaper.csvCell(
            doubtful.compactMap { f in f.1.doubt.map { "\(f.0): \($0)" } }.joined(separator: "; "),
            record: record),
          escaper.csvCell(year.basis ?? "", record: record),
          escaper.csvCell(year.note ?? "", record: record),
        ]
        lines.append(fields.joined(separator: ","))
      }
      return lines.joined(separator: "\n") + "\n"
    case .md:
      func escape(_ text: String) -> String {
        escaper.markdownCell(text, record: "the savings")
      }
      var lines = [
        "### \(escape(dataset.plan.title.text(language))) — \(UIText.savings.text(language))（\(escape(unit))）",
        "",
      ]
      let headers = [
        UIText.fiscalYearColumn.text(language), UIText.savingsTotal.text(language),
        UIText.savingsRevenue.text(language), UIText.savingsSpending.text(language),
      ]
      lines.append("| " + headers.joined(separator: " | ") + " |")
      lines.append("|---|--:|--:|--:|")
      var doubts: [String] = []
      for (programme, year) in rows {
        var label = fiscalYearName(year.fiscalYear, language: language)
        if let basis = year.basis { label += "（\(basis)）" }
        if let programme { label = programme.id + " " + label }
        let cells = [year.total, year.revenue, year.spending].map {
          $0.text(unknown: "—", doubtMark: " ※")
        }
        lines.append("| " + ([label] + cells).map(escape).joined(separator: " | ") + " |")
        for figure in [year.total, year.revenue, year.spending] {
          if let doubt = figure.doubt {
            doubts.append("※ \(fiscalYearShortName(year.fiscalYear)): \(doubt)")
          }
        }
      }
      lines.append("")
      var notes = doubts
      if table?.isApproximate == true { notes.append(UIText.approximateNote.text(language)) }
      if let source = table.map({ dataset.sources[$0.source]?.title ?? $0.source }) {
        notes.append(UIText.fieldSource.text(language) + ": " + source)
      }
      if rows.isEmpty { notes.append(UIText.noSavings.text(language)) }
      if dataset.plan.isSynthetic { notes.append(UIText.synthetic.text(language)) }
      lines += notes.map { "- " + escape($0) }
      return lines.joined(separator: "\n") + "\n"
    case .txt, .ics, .html:
      return nil
    }
  }
}
