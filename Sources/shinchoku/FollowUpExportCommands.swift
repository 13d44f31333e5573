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

  @OptionGroup var options: CommonOptions

  @Option(name: .long, help: "The output's format (md: a table for meeting minutes).")
  var format: MatrixFormat = .json

  @OptionGroup var csv: CSVOutputOptions

  func run() throws {
    let format = self.format.format
    let writer = try csv.writer(for: format)
    let dataset = try options.loadDataset()
    let escaper = ExportEscaper()
    let text =
      FollowUpExport.savings(
        dataset, format: format, language: try options.language(), escaper: escaper) ?? ""
    try writeExport(format, with: writer) { $0(text) }
    escaper.warning(format: format).map(printError)
  }
}

/// `export trend`: the status counts of every snapshot, per area and in total.
struct ExportTrend: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: "The status counts of every snapshot, per area and in total (unknowns as null).")

  @OptionGroup var options: CommonOptions

  @Option(name: .long, help: "The output's format (md: a table for meeting minutes).")
  var format: MatrixFormat = .json

  @OptionGroup var csv: CSVOutputOptions

  func run() throws {
    let format = self.format.format
    let writer = try csv.writer(for: format)
    let dataset = try options.loadDataset()
    let language = try options.language()
    let escaper = ExportEscaper()
    let view = TrendView(dataset: dataset, language: language, asciiOnly: options.asciiOnly)
    let text =
      FollowUpExport.trend(
        view, dataset: dataset, format: format, language: language, escaper: escaper) ?? ""
    try writeExport(format, with: writer) { $0(text) }
    escaper.warning(format: format).map(printError)
  }
}
