import Foundation
import JapaneseCalendar

/// A figure a source prints: its value where it can be read as a number, and the text as
/// printed where the number is in doubt (kept as the source prints it, never corrected).
public struct PrintedFigure: Hashable, Sendable {
  /// The value in the table's unit; nil when the source gives none or prints it ambiguously.
  public var value: Double?
  /// The text as the source prints it, when it is not a plain number ("約1百億円").
  public var printed: String?
  /// Why the figure is in doubt (a likely misprint): shown beside it, never applied.
  public var doubt: String?

  public init(value: Double?, printed: String? = nil, doubt: String? = nil) {
    self.value = value
    self.printed = printed
    self.doubt = doubt
  }

  public var isDoubtful: Bool { doubt != nil }
}

/// "12", "95.2": a number as short as it can be written.
public func shortNumber(_ value: Double) -> String {
  if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
  return String(value)
}

/// An indicator on a programme sheet: a baseline, and a target and a result per fiscal year.
public struct Indicator: Hashable, Sendable {
  public struct Year: Hashable, Sendable {
    /// The fiscal year's first calendar year (2017 for 平成29年度).
    public var fiscalYear: Int
    public var target: Double?
    public var result: Double?

    public init(fiscalYear: Int, target: Double?, result: Double?) {
      self.fiscalYear = fiscalYear
      self.target = target
      self.result = result
    }
  }

  public var name: String
  public var unit: String?
  public var baseline: Double?
  /// The fiscal year the baseline is of, when the sheet says.
  public var baselineYear: Int?
  /// Oldest first.
  public var years: [Year]

  public init(
    name: String, unit: String? = nil, baseline: Double? = nil, baselineYear: Int? = nil,
    years: [Year] = []
  ) {
    self.name = name
    self.unit = unit
    self.baseline = baseline
    self.baselineYear = baselineYear
    self.years = years
  }
}

/// One fiscal year of savings (効果額): the total and its split into 歳入確保 (revenue secured)
/// and 歳出削減 (spending cut).
public struct SavingsYear: Hashable, Sendable {
  public var fiscalYear: Int
  public var total: PrintedFigure
  public var revenue: PrintedFigure
  public var spending: PrintedFigure
  /// "予算ベース" (budget basis) and the like, as the source says.
  public var basis: String?
  public var note: String?

  public init(
    fiscalYear: Int, total: PrintedFigure, revenue: PrintedFigure, spending: PrintedFigure,
    basis: String? = nil, note: String? = nil
  ) {
    self.fiscalYear = fiscalYear
    self.total = total
    self.revenue = revenue
    self.spending = spending
    self.basis = basis
    self.note = note
  }
}

/// The savings a plan reports, per fiscal year, in one unit.
public struct SavingsTable: Hashable, Sendable {
  /// "百万円".
  public var unit: String
  /// Whether the source prints every figure as approximate (約).
  public var isApproximate: Bool
  public var source: String
  public var note: String?
  /// Oldest first.
  public var years: [SavingsYear]

  public init(
    unit: String, isApproximate: Bool, source: String, note: String? = nil,
    years: [SavingsYear]
  ) {
    self.unit = unit
    self.isApproximate = isApproximate
    self.source = source
    self.note = note
    self.years = years
  }
}

/// Every plan the data holds, in brief: what the plan-over-plan view and the plan switch show.
public struct PlanSummary: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: LocalizedText
  public var programmeCount: Int?
  public var isCurrent: Bool
  public var source: String
  /// What the data says is inconsistent in the plan's sources.
  public var inconsistency: String?
  public var statuses: [ProgressStatus]
  /// The latest snapshot: its date and the plan-wide count per status (nil: unknown).
  public var latestDate: CivilDate?
  public var latestCounts: [String: Count]
  public var latestTotal: Count

  public init(
    id: String, title: LocalizedText, programmeCount: Int?, isCurrent: Bool, source: String,
    inconsistency: String?, statuses: [ProgressStatus], latestDate: CivilDate?,
    latestCounts: [String: Count], latestTotal: Count
  ) {
    self.id = id
    self.title = title
    self.programmeCount = programmeCount
    self.isCurrent = isCurrent
    self.source = source
    self.inconsistency = inconsistency
    self.statuses = statuses
    self.latestDate = latestDate
    self.latestCounts = latestCounts
    self.latestTotal = latestTotal
  }
}

/// A plan's grade: how a status is drawn when the scale names no colour of its own.
public enum StatusTone: String, Hashable, Sendable, CaseIterable {
  case ahead
  case onSchedule = "on-schedule"
  case behind, done
  case notStarted = "not-started"
  case stopped
  case unrated
}

/// "H29", "平成29年度", "2017", "R1", "令和元年度" → 2017 (the fiscal year's first year).
public func parseFiscalYear(_ text: String) -> Int? {
  // Most are written as four digits.
  if text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
    let year = Int(text)!
    return (1868...9999).contains(year) ? year : nil
  }
  var rest = Substring(text.trimmingSpaces())
  if rest.hasSuffix("年度") { rest = rest.dropLast(2) }
  if rest.hasPrefix("FY") { rest = rest.dropFirst(2) }
  if rest.count == 4, let year = Int(rest), (1868...9999).contains(year) { return year }
  for era in Era.allCases {
    for prefix in [era.name, String(era.initial)] where rest.hasPrefix(prefix) {
      let number = rest.dropFirst(prefix.count)
      let year = number == "元" ? 1 : Int(number)
      guard let year, year >= 1 else { return nil }
      return era.gregorianYear(year)
    }
  }
  return nil
}

/// "平成29年度" / "FY2017" for a fiscal year.
public func fiscalYearName(_ startYear: Int, language: Language) -> String {
  let first = FiscalYear(startYear: startYear).firstDay
  return language == .english ? "FY\(startYear)" : fiscalYearLabel(of: first)
}

/// "H29" for a fiscal year (the era's initial and year), "2017" before Meiji.
public func fiscalYearShortName(_ startYear: Int) -> String {
  guard let (era, year) = fiscalEraYear(of: FiscalYear(startYear: startYear).firstDay) else {
    return String(startYear)
  }
  return "\(era.initial)\(year)"
}
