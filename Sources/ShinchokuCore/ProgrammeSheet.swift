import Foundation
import JapaneseCalendar

/// The programme sheet's fields (所管課, indicators, 取組内容, 問題点・課題, 今後の方向性,
/// 主要管理項目, savings) and the plan's savings table, from YAML; the CSV columns are in
/// ProgrammesCSV.swift and use the same value readers.
extension DatasetReader {
  static let sheetKeys: Set<String> = [
    "indicators", "progress", "problems", "direction", "key_item", "savings",
  ]

  /// Reads the sheet's fields of one programme record.
  func readSheet(_ m: YAMLMapping, into programme: inout Programme) {
    programme.progress = m["progress"]?.optionalString("progress") ?? nil
    programme.problems = m["problems"]?.optionalString("problems") ?? nil
    programme.direction = m["direction"]?.optionalString("direction") ?? nil
    programme.isKeyItem = m["key_item"].flatMap { $0.isNull ? nil : $0.bool("key_item") } ?? false
    for node in m["indicators"]?.sequence("indicators") ?? [] {
      guard let i = node.mapping(.anIndicator) else { continue }
      i.rejectUnknownKeys(["name", "unit", "baseline", "baseline_year", "years"])
      guard let name = i.required("name")?.string(.theIndicatorsName) else { continue }
      var indicator = Indicator(
        name: name, unit: i["unit"]?.optionalString("unit") ?? nil,
        baseline: i["baseline"].flatMap { number($0, "baseline") },
        baselineYear: i["baseline_year"].flatMap { fiscalYear($0, "baseline_year") })
      var seen: Set<Int> = []
      for entry in i["years"]?.mapping(.theIndicatorsYears)?.entries ?? [] {
        guard let year = fiscalYear(text: entry.key, at: entry.keyNode.location) else { continue }
        guard seen.insert(year).inserted else {
          sink.error(
            entry.keyNode.location, "the fiscal year \(year) is given twice",
            ja: "\(year)年度が2回あります", hint: "keep one of them", jaHint: "どちらか一方にしてください")
          continue
        }
        guard let y = entry.value.mapping(.aYearOfTheIndicator) else { continue }
        y.rejectUnknownKeys(["target", "result"])
        indicator.years.append(
          Indicator.Year(
            fiscalYear: year, target: y["target"].flatMap { number($0, "target") },
            result: y["result"].flatMap { number($0, "result") }))
      }
      indicator.years.sort { $0.fiscalYear < $1.fiscalYear }
      programme.indicators.append(indicator)
    }
    if let node = m["savings"] { programme.savings = savingsYears(node, requireTotal: false) }
  }

  /// A number (`12`, `95.2`), or nil for `~`; anything else is an error at the value.
  func number(_ node: YAMLNode, _ what: Subject) -> Double? {
    guard !node.isNull, let text = node.string(what) else { return nil }
    guard let value = sheetNumber(text) else {
      sink.error(
        node.location, "\(what.english) must be a number, not '\(text)'",
        ja: "\(what.japanese) は数値で書いてください（'\(text)'）",
        hint: "write ~ if it is unknown", jaHint: "不明なら ~ と書いてください")
      return nil
    }
    return value
  }

  func fiscalYear(_ node: YAMLNode, _ what: Subject) -> Int? {
    guard !node.isNull, let text = node.string(what) else { return nil }
    return fiscalYear(text: text, at: node.location)
  }

  /// A fiscal year written 2017, H29 or 平成29年度; an error at `location` otherwise.
  func fiscalYear(text: String, at location: SourceLocation) -> Int? {
    guard let year = parseFiscalYear(text) else {
      sink.error(
        location, "'\(text)' is not a fiscal year", ja: "'\(text)' は年度として読めません",
        hint: "write 2017, H29 or 平成29年度", jaHint: "2017、H29、平成29年度 のように書いてください")
      return nil
    }
    return year
  }

  /// A figure: a number, `~`, or `{ value: …, printed: …, doubt: … }` for one the source
  /// prints ambiguously (kept as printed).
  func figure(_ node: YAMLNode?, _ what: Subject) -> PrintedFigure {
    guard let node, !node.isNull else { return PrintedFigure(value: nil) }
    if node.isMapping, let m = node.mapping(what) {
      m.rejectUnknownKeys(["value", "printed", "doubt"])
      let figure = PrintedFigure(
        value: m["value"].flatMap { number($0, "value") },
        printed: m["printed"]?.optionalString("printed") ?? nil,
        doubt: m["doubt"]?.optionalString("doubt") ?? nil)
      if figure.printed == nil, figure.value == nil {
        sink.error(
          node.location, "\(what.english) gives neither a value nor the text as printed",
          ja: "\(what.japanese) に値も印刷どおりの文字もありません",
          hint: "add 'printed: …' (the source's text) or 'value: …'",
          jaHint: "'printed: …'（出典の表記）か 'value: …' を書いてください")
      }
      return figure
    }
    return PrintedFigure(value: number(node, what))
  }

  /// A list of fiscal years of savings: `- { fy: 2011, total: 285, revenue: 179, spending: 106 }`.
  func savingsYears(_ node: YAMLNode, requireTotal: Bool) -> [SavingsYear] {
    var years: [SavingsYear] = []
    var seen: [Int: SourceLocation] = [:]
    for item in node.sequence("savings") ?? [] {
      guard let m = item.mapping(.aYearOfSavings) else { continue }
      m.rejectUnknownKeys(["fy", "total", "revenue", "spending", "basis", "note"])
      guard let fyNode = m.required("fy"), let fy = fiscalYear(fyNode, "fy") else { continue }
      if let first = seen[fy] {
        sink.error(
          fyNode.location, "the savings of \(fiscalYearShortName(fy)) are given twice",
          ja: "\(fiscalYearShortName(fy)) の効果額が2回あります",
          hint: "first at line \(first.line ?? 0)", jaHint: "最初は \(first.line ?? 0) 行目")
        continue
      }
      seen[fy] = fyNode.location
      if requireTotal, m["total"] == nil { _ = m.required("total") }
      let year = SavingsYear(
        fiscalYear: fy, total: figure(m["total"], "total"),
        revenue: figure(m["revenue"], "revenue"),
        spending: figure(m["spending"], "spending"),
        basis: m["basis"]?.optionalString("basis") ?? nil,
        note: m["note"]?.optionalString("note") ?? nil)
      if let total = year.total.value, let revenue = year.revenue.value,
        let spending = year.spending.value, abs(revenue + spending - total) > 1e-9
      {
        sink.warning(
          item.location,
          "\(fiscalYearShortName(fy)): the total is \(shortNumber(total)) but revenue and spending add up to \(shortNumber(revenue + spending))",
          ja:
            "\(fiscalYearShortName(fy)): 合計は \(shortNumber(total)) ですが歳入確保と歳出削減の和は \(shortNumber(revenue + spending)) です",
          hint: "correct the figure, or say why in 'note'",
          jaHint: "数値を直すか、'note' に理由を書いてください")
      }
      years.append(year)
    }
    return years.sorted { $0.fiscalYear < $1.fiscalYear }
  }

  // MARK: savings.yaml

  mutating func readSavings(_ root: YAMLNode) {
    guard let top = root.mapping("savings.yaml") else { return }
    top.rejectUnknownKeys(["savings"])
    guard let m = top.required("savings")?.mapping("savings") else { return }
    m.rejectUnknownKeys(["unit", "approximate", "source", "note", "years"])
    guard let unit = m.required("unit")?.string("unit"), let years = m.required("years") else {
      return
    }
    savings = SavingsTable(
      unit: unit, isApproximate: m["approximate"]?.bool("approximate") ?? false,
      source: sourceReference(m) ?? "", note: m["note"]?.optionalString("note") ?? nil,
      years: savingsYears(years, requireTotal: true))
  }
}

/// "95.2", "1,200", "１２" (full-width digits) → the number; nil when it is not one. Spaces
/// (any space separator, and tabs) around it are ignored.
func sheetNumber(_ text: String) -> Double? {
  // Most are written in ASCII without spaces or commas: read as they are.
  if !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: ",") || $0 <= 0x20 }) {
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }
  var halfWidth = String.UnicodeScalarView()
  for scalar in text.trimmingSpaces().unicodeScalars where scalar != "," {
    if (0xFF10...0xFF19).contains(scalar.value) || scalar.value == 0xFF0E {
      halfWidth.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
    } else {
      halfWidth.append(scalar)
    }
  }
  guard let value = Double(String(halfWidth)), value.isFinite else { return nil }
  return value
}

/// 主要管理項目 in a spreadsheet cell: ○ ● ◎ 1 true yes はい 対象 are yes; × 0 false no いいえ
/// and an empty cell are no; nil for anything else.
func sheetFlag(_ text: String) -> Bool? {
  switch text.trimmingSpaces().lowercased() {
  case "○", "●", "◎", "1", "true", "yes", "y", "はい", "対象", "✓", "✔": true
  case "", "×", "0", "false", "no", "n", "いいえ", "-", "－": false
  default: nil
  }
}

extension DatasetReader {
  /// A status's `tone`: how it is drawn (ahead, on-schedule, behind, done, not-started,
  /// stopped, unrated).
  func tone(_ node: YAMLNode) -> StatusTone? {
    guard let text = node.string("tone") else { return nil }
    guard let tone = StatusTone(rawValue: text) else {
      let names = StatusTone.allCases.map(\.rawValue).joined(separator: ", ")
      sink.error(
        node.location, "unknown tone '\(text)'", ja: "'\(text)' という tone はありません",
        hint: "use one of \(names)", jaHint: "次のどれかにしてください: \(names)")
      return nil
    }
    return tone
  }
}
