import JapaneseCalendar
import ShinchokuCore

/// The programme sheet's fields as label and value lines of the programme detail: 主要管理項目,
/// 取組内容, 問題点・課題, 今後の方向性, each indicator (baseline, target and result per year)
/// and the programme's savings. Only what the record gives; nothing when it gives none.
func sheetFields(_ programme: Programme, language: Language, chrome: Chrome) -> [(
  label: String, value: String
)] {
  var fields: [(label: String, value: String)] = []
  let dash = chrome.glyphs.unknown
  if programme.isKeyItem {
    fields.append((UIText.fieldKeyItem.text(language), UIText.yes.text(language)))
  }
  for (label, value) in [
    (UIText.fieldProgress, programme.progress), (UIText.fieldProblems, programme.problems),
    (UIText.fieldDirection, programme.direction),
  ] {
    if let value { fields.append((label.text(language), value)) }
  }
  func figure(_ value: Double?, _ unit: String?) -> String {
    value.map { shortNumber($0) + (unit ?? "") } ?? dash
  }
  for indicator in programme.indicators {
    var parts: [String] = []
    if indicator.baseline != nil || indicator.baselineYear != nil {
      parts.append(
        UIText.baseline.text(language) + " " + figure(indicator.baseline, indicator.unit)
          + (indicator.baselineYear.map { chrome.note(fiscalYearShortName($0)) } ?? ""))
    }
    for year in indicator.years {
      parts.append(
        fiscalYearShortName(year.fiscalYear) + " " + UIText.target.text(language) + " "
          + figure(year.target, indicator.unit) + " " + UIText.result.text(language) + " "
          + figure(year.result, indicator.unit))
    }
    let name = indicator.name + (indicator.unit.map { chrome.note($0) } ?? "")
    fields.append(
      (
        UIText.indicators.text(language),
        ([name] + parts).joined(separator: chrome.separator)
      ))
  }
  for year in programme.savings {
    let figures = [
      (UIText.savingsRevenue, year.revenue), (UIText.savingsSpending, year.spending),
      (UIText.savingsTotal, year.total),
    ].filter { $0.1.value != nil || $0.1.printed != nil }.map {
      $0.0.text(language) + " " + $0.1.text(unknown: dash, doubtMark: chrome.noteMark)
    }
    fields.append(
      (
        UIText.programmeSavings.text(language),
        ([fiscalYearName(year.fiscalYear, language: language)] + figures).joined(
          separator: chrome.separator)
      ))
  }
  return fields
}
