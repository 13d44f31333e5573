import ArgumentParser
import ShinchokuCore
import ShinchokuViewModel

/// `export savings`: the plan's savings per fiscal year (and each programme's where given).
struct ExportSavings: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "savings",
    abstract:
      "The plan's savings (効果額) per fiscal year, split into 歳入確保 and 歳出削減; doubtful figures as printed."
  )

  @OptionGroup var output: FollowUpExportOptions

  func run() throws {
    try output.run { dataset, format, language, escaper in
      FollowUpExport.savings(dataset, format: format, language: language, escaper: escaper)
    }
  }
}

/// `export trend`: the status counts of every snapshot, per area and in total.
struct ExportTrend: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: "The status counts of every snapshot, per area and in total (unknowns as null).")

  @OptionGroup var output: FollowUpExportOptions

  func run() throws {
    let asciiOnly = output.options.asciiOnly
    try output.run { dataset, format, language, escaper in
      FollowUpExport.trend(
        TrendView(dataset: dataset, language: language, asciiOnly: asciiOnly), dataset: dataset,
        format: format, language: language, escaper: escaper)
    }
  }
}

/// The options of the follow-up's exports, and their one way of writing.
struct FollowUpExportOptions: ParsableArguments {
  @OptionGroup var options: CommonOptions

  @Option(name: .long, help: "The output's format (md: a table for meeting minutes).")
  var format: MatrixFormat = .json

  @OptionGroup var csv: CSVOutputOptions

  func run(
    _ text: (Dataset, ExportFormat, Language, ExportEscaper) -> String?
  ) throws {
    let format = self.format.format
    let writer = try csv.writer(for: format)
    let dataset = try options.loadDataset()
    let escaper = ExportEscaper()
    let body = text(dataset, format, try options.language(), escaper) ?? ""
    try writeExport(format, with: writer) { $0(body) }
    escaper.warning(format: format).map(printError)
  }
}
