import ShinchokuCore

/// Words for data keys and changes, so that a person reads them in the UI language.
extension UIText {
  /// `l` where no area is selected (the totals row): the comments cannot follow an area.
  public static let noAreaToLink = LocalizedText(
    "合計の行は分野ではないので、意見を絞り込めません。分野の行を選んでください",
    english: "the totals row is no area: choose an area's row to see its comments")

  /// An event field's name, as the detail view labels it, for the key `events.yaml` uses.
  public static func eventField(_ key: String) -> LocalizedText? {
    switch key {
    case "start": LocalizedText("開始日", english: "start date")
    case "end": LocalizedText("終了日", english: "end date")
    case "time": fieldTime
    case "title": LocalizedText("名称", english: "title")
    case "subtitle": fieldSubtitle
    case "category": fieldCategory
    case "venue", "venues": fieldVenue
    case "audience": fieldAudience
    case "fees": fieldFees
    case "notes": fieldNotes
    case "source": fieldSource
    default: nil
    }
  }

  /// The inferred fields of an event, named in `language`: "開始日、終了日、会場".
  public static func inferredFields(_ keys: Set<String>, language: Language) -> String {
    // In the order the detail shows them, then any other key as written.
    let order =
      ["start", "end", "time", "title", "subtitle", "category", "venue", "venues"]
      + ["audience", "fees", "notes", "source"]
    let sorted = keys.sorted {
      (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
    }
    return sorted.map { eventField($0)?.text(language) ?? $0 }
      .joined(separator: language == .japanese ? "、" : ", ")
  }

  /// A recorded status change as a person reads it: "P0040: 予定以上 → 予定どおり（2017-03-31）".
  public static func change(
    _ change: StatusChange, in dataset: Dataset, language: Language, asciiOnly: Bool
  ) -> String {
    func name(_ id: String?) -> String {
      guard let id else { return language == .japanese ? "なし" : "none" }
      return dataset.statuses.first { $0.id == id }?.shortName.text(language) ?? id
    }
    let arrow = Chrome(language: language, asciiOnly: asciiOnly).arrow
    // The id alone (the dialog was on that programme): the notice stays one short line.
    let date = language == .japanese ? "（\(change.snapshot.iso)）" : " (\(change.snapshot.iso))"
    return "\(change.programmeID): \(name(change.old)) \(arrow) \(name(change.new))\(date)"
  }

  /// Why a change was not recorded, in `language`.
  public static func notRecorded(_ error: any Error, language: Language) -> String {
    switch error {
    case let error as ChangeLog.AppendError: error.text(language)
    case let error as StatusConflict: error.text(language)
    case let error as DataLoadError:
      (language == .japanese ? "記録していません: " : "nothing was recorded: ")
        + ((error.errors.first ?? error.diagnostics.first)?.text(language) ?? "")
    default:
      (language == .japanese ? "記録していません: " : "nothing was recorded: ") + "\(error)"
    }
  }
}
