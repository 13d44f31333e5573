import ShinchokuCore

/// The words of the programme sheet, the savings, the trend and the plans.
extension UIText {
  public static let trend = LocalizedText("進捗の推移", english: "Progress over time")
  public static let snapshotColumn = LocalizedText("時点", english: "Snapshot")
  public static let savings = LocalizedText("効果額", english: "Savings")
  public static let fiscalYearColumn = LocalizedText("年度", english: "Fiscal year")
  public static let savingsTotal = LocalizedText("合計", english: "Total")
  public static let savingsRevenue = LocalizedText("歳入確保", english: "Revenue secured")
  public static let savingsSpending = LocalizedText("歳出削減", english: "Spending cut")
  public static let approximateNote = LocalizedText(
    "数値はすべて出典の「約」", english: "every figure is printed as approximate (約)")
  public static let doubtLegend = LocalizedText(
    "※ 出典の表記のまま（疑いあり、訂正していない）",
    english: "※ as the source prints it (in doubt, not corrected)")
  public static let noSavings = LocalizedText(
    "このデータに効果額はありません", english: "this data gives no savings")
  public static let plans = LocalizedText("計画の比較", english: "Plans side by side")
  public static let currentPlan = LocalizedText("現行", english: "current")
  public static let shownPlan = LocalizedText("表示中", english: "shown")
  public static let latest = LocalizedText("最新", english: "latest")
  public static let programmesWord = LocalizedText("プログラム", english: "programmes")
  public static let inconsistency = LocalizedText("出典の食い違い", english: "Inconsistent source")
  public static let fieldResponsible = LocalizedText("所管課", english: "Responsible section")
  public static let fieldProgress = LocalizedText("取組内容・進捗状況", english: "What was done")
  public static let fieldProblems = LocalizedText("問題点・課題", english: "Problems")
  public static let fieldDirection = LocalizedText("今後の方向性", english: "Next steps")
  public static let fieldKeyItem = LocalizedText("主要管理項目", english: "Key managed item")
  public static let indicators = LocalizedText("指標", english: "Indicators")
  public static let baseline = LocalizedText("基準値", english: "baseline")
  public static let target = LocalizedText("目標", english: "target")
  public static let result = LocalizedText("実績", english: "result")
  public static let yes = LocalizedText("はい", english: "yes")
  public static let no = LocalizedText("いいえ", english: "no")
  public static let programmeSavings = LocalizedText("効果額（百万円）", english: "Savings (million yen)")
  public static let gradeScale = LocalizedText("評価の尺度", english: "Grade scale")
}

extension UIText {
  public static let unknownPart = LocalizedText("内訳不明", english: "split not known")
}
