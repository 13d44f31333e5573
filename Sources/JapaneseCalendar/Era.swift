/// Japanese eras (元号) since Japan adopted the Gregorian calendar.
///
/// Dates are always Gregorian. Japan switched from the lunisolar calendar on 1873-01-01 (明治6年),
/// so for dates before that the Gregorian month and day differ from the historical Japanese ones.
public enum Era: Sendable, CaseIterable {
  case meiji, taisho, showa, heisei, reiwa

  /// 明治 大正 昭和 平成 令和
  public var name: String {
    switch self {
    case .meiji: "明治"
    case .taisho: "大正"
    case .showa: "昭和"
    case .heisei: "平成"
    case .reiwa: "令和"
    }
  }

  /// Meiji Taishō Shōwa Heisei Reiwa
  public var romanName: String {
    switch self {
    case .meiji: "Meiji"
    case .taisho: "Taishō"
    case .showa: "Shōwa"
    case .heisei: "Heisei"
    case .reiwa: "Reiwa"
    }
  }

  /// The customary one-letter abbreviation: M T S H R ("H24.8.1").
  public var initial: Character {
    switch self {
    case .meiji: "M"
    case .taisho: "T"
    case .showa: "S"
    case .heisei: "H"
    case .reiwa: "R"
    }
  }

  /// The first day of the era (Gregorian). Meiji: 1868-10-23, the day of the proclamation.
  public var firstDay: CivilDate {
    switch self {
    case .meiji: CivilDate(unchecked: 1868, 10, 23)
    case .taisho: CivilDate(unchecked: 1912, 7, 30)
    case .showa: CivilDate(unchecked: 1926, 12, 25)
    case .heisei: CivilDate(unchecked: 1989, 1, 8)
    case .reiwa: CivilDate(unchecked: 2019, 5, 1)
    }
  }

  /// The last day of the era, or nil for the current era.
  public var lastDay: CivilDate? {
    next.map { $0.firstDay.adding(days: -1) }
  }

  /// The following era, or nil for the current era.
  public var next: Era? {
    switch self {
    case .meiji: .taisho
    case .taisho: .showa
    case .showa: .heisei
    case .heisei: .reiwa
    case .reiwa: nil
    }
  }

  /// Whether `date` lies within this era.
  public func contains(_ date: CivilDate) -> Bool {
    date >= firstDay && (next.map { date < $0.firstDay } ?? true)
  }

  /// The Gregorian year of era year `year` (平成1 → 1989).
  public func gregorianYear(_ year: Int) -> Int { firstDay.year + year - 1 }
}

/// The era and era year of `date` (1989-01-07 → 昭和64, 1989-01-08 → 平成1);
/// nil before 1868-10-23.
public func eraYear(of date: CivilDate) -> (era: Era, year: Int)? {
  for era in Era.allCases.reversed() where date >= era.firstDay {
    return (era, date.year - era.firstDay.year + 1)
  }
  return nil
}

/// "平成23年"; year 1 is written 元年: "令和元年".
public func japaneseYearName(_ era: Era, _ year: Int) -> String {
  era.name + (year == 1 ? "元" : String(year)) + "年"
}

/// A Japanese fiscal year (会計年度): April 1 to March 31, named after the year of its April 1.
public struct FiscalYear: Hashable, Sendable {
  public let startYear: Int

  public init(startYear: Int) { self.startYear = startYear }

  public init(containing date: CivilDate) {
    startYear = date.month >= 4 ? date.year : date.year - 1
  }

  public var firstDay: CivilDate { CivilDate(unchecked: startYear, 4, 1) }
  public var lastDay: CivilDate { CivilDate(unchecked: startYear + 1, 3, 31) }

  public func contains(_ date: CivilDate) -> Bool { date >= firstDay && date <= lastDay }
}

/// The era and era year under which the fiscal year containing `date` is written on that date.
///
/// A fiscal year is named after the calendar year of its April 1 (`startYear`). The era used is
/// the one in force on `date` if that era had begun by the fiscal year's calendar year, otherwise
/// the era of the fiscal year's first day. This is what the Japanese government does:
/// - FY 2019-04-01…2020-03-31 is 平成31年度 for dates before 2019-05-01 and 令和元年度 on and after
///   2019-05-01 (e.g. 令和元年度補正予算, 令和元年度決算); 2020-03-31 is 令和元年度末.
/// - FY 1988-04-01…1989-03-31 stays 昭和63年度 throughout, since 平成元年度 is the next fiscal year.
/// Nil before the Meiji era.
public func fiscalEraYear(of date: CivilDate) -> (era: Era, year: Int)? {
  let fy = FiscalYear(containing: date)
  if let current = eraYear(of: date), current.era.firstDay.year <= fy.startYear {
    return (current.era, fy.startYear - current.era.firstDay.year + 1)
  }
  return eraYear(of: fy.firstDay)
}

/// "平成23年度末" for the fiscal year's last day (2012-03-31), "平成24年度" otherwise (2012-08-01).
/// See `fiscalEraYear(of:)` for the era; falls back to "1850年度" before the Meiji era.
public func fiscalYearLabel(of date: CivilDate) -> String {
  let fy = FiscalYear(containing: date)
  let base: String
  if let (era, year) = fiscalEraYear(of: date) {
    base = era.name + (year == 1 ? "元" : String(year)) + "年度"
  } else {
    base = "\(fy.startYear)年度"
  }
  return date == fy.lastDay ? base + "末" : base
}

/// "FY2011 year-end (Heisei 23)" for 2012-03-31, "FY2012 (Heisei 24)" for 2012-08-01,
/// "FY2019 (Reiwa 1)" for 2019-05-01. The era follows `fiscalEraYear(of:)`.
public func englishFiscalYearLabel(of date: CivilDate) -> String {
  let fy = FiscalYear(containing: date)
  var label = "FY\(fy.startYear)"
  if date == fy.lastDay { label += " year-end" }
  if let (era, year) = fiscalEraYear(of: date) {
    label += " (\(era.romanName) \(year))"
  }
  return label
}
