import ArgumentParser
import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel

/// The events pane's filters as options, for every command that lists events
/// (`export calendar`, `report`).
struct EventFilterOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say("カテゴリーの id で絞る（いくつもなら繰り返す）。", english: "Only this category id (repeat for several)."))
  )
  var category: [String] = []

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say("無料で参加できる催しだけ。", english: "Only events someone can attend for free.")))
  var free = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "この対象の催しだけ（家族向けと「どなたでも」は両方に入る）。",
        english: "Only events for them (families and everyone count for both).")))
  var audience: AudienceChoice?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "題名、会場、備考にこの文字列を含む催しだけ。",
        english: "Only events whose title, venue or notes contain this text.")))
  var search: String?

  /// The filter, after checking each category is one of the data's.
  func filter(for dataset: Dataset) throws -> EventFilter {
    let known = dataset.categories.map(\.id)
    for id in category where !known.contains(id) {
      throw ValidationError(
        CLI.say(
          "分類 '\(id)' はありません。データにある分類は \(known.joined(separator: ", "))",
          english: "no category '\(id)'; the data has \(known.joined(separator: ", "))"))
    }
    return EventFilter(
      categoryIDs: Set(category), freeOnly: free, audience: audience?.filter ?? .all,
      search: search ?? "")
  }
}

/// `--from` and `--to` read as the events pane's date line reads them; the range at most ten
/// years.
func dayRange(from: String, to: String, today: CivilDate) throws -> (CivilDate, CivilDate) {
  guard let first = CivilDate(iso: from) ?? parseDate(from, reference: today) else {
    throw ValidationError(
      CLI.say(
        "--from は 2012-07-01 のような日付です（'\(from)' ではなく）",
        english: "--from must be a date such as 2012-07-01, not '\(from)'"))
  }
  guard let last = CivilDate(iso: to) ?? parseDate(to, reference: first) else {
    throw ValidationError(
      CLI.say(
        "--to は 2012-08-31 のような日付です（'\(to)' ではなく）",
        english: "--to must be a date such as 2012-08-31, not '\(to)'"))
  }
  guard first <= last, first.days(to: last) <= 3660 else {
    throw ValidationError(
      CLI.say(
        "--from は --to より後にはできず、期間は十年までです",
        english: "--from must not be after --to, and the range at most ten years"))
  }
  return (first, last)
}
