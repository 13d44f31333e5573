import ArgumentParser
import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel

/// `shinchoku report`: the whole state as ordered plain text (Report.swift).
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: CLI.say(
      "状態の全体を、1 行ずつ読むプレーンテキストで出力する（スクリーンリーダー、点字ディスプレー）。",
      english: "Print the whole state as plain text to read line by line (screen readers, braille)."
    ),
    discussion: CLI.say(
      "順に: 計画と時点、各分野の件数と変化、委員会の意見の全文、期間の催し（既定では日付のある催しの全日程）のうち絞り込みに合うもの、続いて出典に日付のないもの。罫線も段組みもなく、1 行に 1 つの事柄。見出しは Markdown の # で示すので、スクリーンリーダーで見出しから見出しへ移れる。英語は --lang en。",
      english: """
        In order: the plan and the snapshot; every area with its counts and changes; the \
        committee's comments in full; the events of a range (by default every dated event's \
        days) that pass the filters, then those the source gives no date for. No box drawing and \
        no columns: one fact a line, headings marked with Markdown's #, so a screen reader can \
        jump between them. --lang en for English.
        """))

  @OptionGroup var options: CommonOptions

  @Option(
    name: .long,
    help: snapshotHelp)
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "催しの最初の日、2012-07-01 のように（既定: 最初の催しの日）。",
        english: "The first day of the events, as 2012-07-01 (default: the first event's).")))
  var from: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "催しの最後の日、2012-08-31 のように（既定: 最後の催しの日）。",
        english: "The last day of the events, as 2012-08-31 (default: the last event's).")))
  var to: String?

  @OptionGroup var filters: EventFilterOptions

  func run() throws {
    let dataset = try options.loadDataset()
    let index = try snapshotIndex(snapshot, in: dataset)
    let today = CivilDate.today()
    // By default the days of the dated events (their first ten years).
    let events = Report.eventRange(dataset).map { ($0.0, min($0.1, $0.0.adding(days: 3660))) }
    let (first, last) = try dayRange(
      from: from ?? events?.0.iso ?? today.iso, to: to ?? events?.1.iso ?? today.iso,
      today: today)
    let request = Report.Request(
      snapshotIndex: index, from: first, to: last, filter: try filters.filter(for: dataset))
    let escaper = ExportEscaper()
    Report.write(request, dataset: dataset, language: try options.language(), escaper: escaper) {
      Output.standardOutput.write($0, .export(.txt))
    }
    escaper.warning(format: .txt).map(printError)
  }
}
