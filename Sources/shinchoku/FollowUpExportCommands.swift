import ArgumentParser
import ShinchokuCore
import ShinchokuViewModel

/// `export savings`: the plan's savings per fiscal year (and each programme's where given).
struct ExportSavings: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "savings",
    abstract: CLI.say(
      "計画の効果額を年度ごとに、歳入確保と歳出削減に分けて。疑わしい数値は出典のまま。",
      english:
        "The plan's savings (効果額) per fiscal year, split into 歳入確保 and 歳出削減; doubtful figures as printed."
    )
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
    abstract: CLI.say(
      "各時点の状況別の件数を、分野ごとと合計で（不明は null）。",
      english: "The status counts of every snapshot, per area and in total (unknowns as null)."))

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

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "出力の形式（md: 会議録に貼る表）。", english: "The output's format (md: a table for meeting minutes).")))
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
