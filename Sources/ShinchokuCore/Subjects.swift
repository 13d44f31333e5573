/// The phrases the data readers' diagnostics speak of, in both UI languages.
extension Subject {
  static let aSource = Subject("a source", ja: "出典")
  static let thePlan = Subject("the plan", ja: "計画")
  static let thePlansTitle = Subject("the plan's title", ja: "計画の名称")
  static let anArea = Subject("an area", ja: "分野")
  static let theAreasName = Subject("the area's name", ja: "分野の名称")
  static let aStatus = Subject("a status", ja: "状況")
  static let theStatussName = Subject("the status's name", ja: "状況の名称")
  static let aSnapshot = Subject("a snapshot", ja: "時点")
  static let theSnapshotsDate = Subject("the snapshot's date", ja: "時点の日付")
  static let theSnapshotsAreas = Subject("the snapshot's areas", ja: "時点の分野別件数")
  static let theSnapshotsStatedTotals = Subject(
    "the snapshot's stated totals", ja: "時点の全体の件数（stated）")
  static let aProgramme = Subject("a programme", ja: "事業")
  static let theProgrammesTitle = Subject("the programme's title", ja: "事業の名称")
  static let theProgrammesStatuses = Subject("the programme's statuses", ja: "事業の状況")
  static let theCommitteesName = Subject("the committee's name", ja: "委員会の名称")
  static let aComment = Subject("a comment", ja: "意見")
  static let theCommentsText = Subject("the comment's text", ja: "意見の本文")
  static let theCommentsSnapshot = Subject("the comment's snapshot", ja: "意見の時点")
  static let aCorrection = Subject("a correction", ja: "OCR の訂正")
  static let aCategory = Subject("a category", ja: "分類")
  static let theCategorysName = Subject("the category's name", ja: "分類の名称")
  static let anEvent = Subject("an event", ja: "催し")
  static let theEventsTitle = Subject("the event's title", ja: "催しの名称")
  static let theStartDate = Subject("the start date", ja: "開始日")
  static let theEndDate = Subject("the end date", ja: "終了日")
  static let aFee = Subject("a fee", ja: "料金")
  static let aSlide = Subject("a slide", ja: "スライド")
  static let theKindOfASlide = Subject("the kind of a slide", ja: "スライドの種類")
  static let theIDOfASlide = Subject("the id of a slide", ja: "スライドの id")
  static let theConfigFile = Subject("the config file", ja: "設定ファイル")

  /// The counts of one area in a snapshot.
  static let anIndicator = Subject("an indicator", ja: "指標")
  static let theIndicatorsName = Subject("the indicator's name", ja: "指標の名称")
  static let theIndicatorsYears = Subject("the indicator's years", ja: "指標の年度")
  static let aYearOfTheIndicator = Subject("a year of the indicator", ja: "指標の年度の値")
  static let aYearOfSavings = Subject("a year of savings", ja: "効果額の年度")
  static let aPlan = Subject("a plan", ja: "計画")
  static let thePlansID = Subject("the plan's id", ja: "計画の id")
  static func countsOfArea(_ id: String) -> Subject {
    Subject("the counts of area '\(id)'", ja: "分野 '\(id)' の件数")
  }

  /// One key inside what `self` names.
  func key(_ key: String) -> Subject {
    Subject("'\(key)' in \(english)", ja: "\(japanese) の '\(key)'")
  }

  /// The id of what `self` names.
  var id: Subject { Subject("the id of \(english)", ja: "\(japanese)の id") }
}
