import Synchronization

/// A public holiday (祝日 or 休日) of Japan.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
  public let date: CivilDate
  /// The official Japanese name, e.g. 元日, 振替休日, 国民の休日, 即位礼正殿の儀.
  public let name: String

  public init(date: CivilDate, name: String) {
    self.date = date
    self.name = name
  }

  public var description: String { "\(date.iso) \(name)" }
}

/// Public holidays of Japan, derived from the rules of 国民の祝日に関する法律 (昭和23年法律第178号,
/// in force from 1948-07-20) as amended, and the special laws for one-off days:
///
/// - 国民の祝日 (art. 2) with their dates and names over time, including the Happy Monday
///   amendments (2000, 2003), 山の日 (2016), the 天皇誕生日 change (none in 2019) and the
///   Olympic moves of 2020 and 2021.
/// - 春分の日 / 秋分の日 by the standard approximation formula of the equinox (valid 1900–2099).
/// - 振替休日 (art. 3(2)): from 1973-04-12, a 祝日 on Sunday makes the next day a holiday; from
///   2007, the nearest following day that is not a 祝日.
/// - 国民の休日 (art. 3(3)): from 1985-12-27, a day between two 祝日; until 2006 not a Sunday
///   and not a 振替休日, from 2007 any day that is not itself a 祝日.
/// - One-off 休日 by special laws: 1959-04-10, 1989-02-24, 1990-11-12, 1993-06-09, 2019-05-01
///   and 2019-10-22 (the two 2019 days count as 祝日 for art. 3(3), hence 2019-04-30 and
///   2019-05-02 are 国民の休日).
///
/// Each year in `supportedYears` is computed once, on the first question about it.
public enum JapaneseHolidays {
  public static let supportedYears: ClosedRange<Int> = 1948...2099

  /// The day 国民の祝日に関する法律 took effect; there are no holidays before it.
  public static let lawEffectiveDate = CivilDate(unchecked: 1948, 7, 20)

  /// The holidays of `year`, sorted by date; empty outside `supportedYears`.
  public static func holidays(in year: Int) -> [Holiday] {
    guard supportedYears.contains(year) else { return [] }
    return table(year: year)
  }

  /// The holiday name of `date`, or nil if it is not a holiday (or outside `supportedYears`).
  public static func name(of date: CivilDate) -> String? {
    holidays(in: date.year).first { $0.date == date }?.name
  }

  public static func isHoliday(_ date: CivilDate) -> Bool { name(of: date) != nil }

  /// The holidays from `start` through `end` inclusive, sorted.
  public static func holidays(from start: CivilDate, through end: CivilDate) -> [Holiday] {
    let firstYear = max(start.year, supportedYears.lowerBound)
    let lastYear = min(end.year, supportedYears.upperBound)
    guard firstYear <= lastYear else { return [] }
    return (firstYear...lastYear).flatMap { holidays(in: $0) }.filter {
      $0.date >= start && $0.date <= end
    }
  }

  /// Day of March of the vernal equinox day (春分日) in JST, for 1900–2099.
  ///
  /// The standard approximation: ⌊20.8431 + 0.242194(Y−1980) − ⌊(Y−1980)/4⌋⌋ for 1980–2099 and
  /// ⌊20.8357 + 0.242194(Y−1980) − ⌊(Y−1983)/4⌋⌋ for 1900–1979 (integer division truncating).
  /// Computed in exact integer arithmetic (millionths).
  public static func vernalEquinoxDay(year: Int) -> Int? {
    equinoxDay(year: year, base1900: 20_835_700, base1980: 20_843_100)
  }

  /// Day of September of the autumnal equinox day (秋分日) in JST, for 1900–2099.
  /// Constants 23.2588 (1900–1979) and 23.2488 (1980–2099); see `vernalEquinoxDay(year:)`.
  public static func autumnalEquinoxDay(year: Int) -> Int? {
    equinoxDay(year: year, base1900: 23_258_800, base1980: 23_248_800)
  }

  private static func equinoxDay(year: Int, base1900: Int, base1980: Int) -> Int? {
    guard (1900...2099).contains(year) else { return nil }
    let (base, leapShift) =
      year < 1980 ? (base1900, (year - 1983) / 4) : (base1980, (year - 1980) / 4)
    let micro = base + 242_194 * (year - 1980) - 1_000_000 * leapShift
    return micro / 1_000_000
  }

  // MARK: - Table

  /// Each year's holidays, computed on the first question about that year (a year's rules
  /// need no other year): a first screen asks about a month or two, not 152 years.
  private static let years = Mutex<[[Holiday]?]>(Array(repeating: nil, count: supportedYears.count))

  private static func table(year: Int) -> [Holiday] {
    let slot = year - supportedYears.lowerBound
    if let known = years.withLock({ $0[slot] }) { return known }
    // Computed outside the lock; two threads computing the same year get the same list.
    let list = computeHolidays(year: year)
    years.withLock { $0[slot] = list }
    return list
  }

  private static let substituteRuleStart = CivilDate(unchecked: 1973, 4, 12).daysSinceEpoch
  private static let citizensRuleStart = CivilDate(unchecked: 1985, 12, 27).daysSinceEpoch
  private static let rules2007 = CivilDate(unchecked: 2007, 1, 1).daysSinceEpoch

  /// The `n`th `weekday` of a month (Happy Monday rules).
  static func nth(_ n: Int, _ weekday: Weekday, year: Int, month: Int) -> CivilDate {
    let first = CivilDate(unchecked: year, month, 1)
    let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
    return CivilDate(unchecked: year, month, 1 + offset + 7 * (n - 1))
  }

  /// The 国民の祝日 of art. 2 (as moved by the Olympic special measures in 2020 and 2021).
  static func nationalHolidays(year y: Int) -> [(CivilDate, String)] {
    var days: [(CivilDate, String)] = []
    func add(_ month: Int, _ day: Int, _ name: String) {
      days.append((CivilDate(unchecked: y, month, day), name))
    }
    func add(_ date: CivilDate, _ name: String) { days.append((date, name)) }

    add(1, 1, "元日")
    if y < 2000 { add(1, 15, "成人の日") } else { add(nth(2, .monday, year: y, month: 1), "成人の日") }
    if y >= 1967 { add(2, 11, "建国記念の日") }
    if y >= 2020 { add(2, 23, "天皇誕生日") }
    if let day = vernalEquinoxDay(year: y) { add(3, day, "春分の日") }
    switch y {
    case ...1988: add(4, 29, "天皇誕生日")
    case 1989...2006: add(4, 29, "みどりの日")
    default: add(4, 29, "昭和の日")
    }
    add(5, 3, "憲法記念日")
    if y >= 2007 { add(5, 4, "みどりの日") }
    add(5, 5, "こどもの日")
    switch y {
    case ...1995: break
    case 1996...2002: add(7, 20, "海の日")
    case 2020: add(7, 23, "海の日")
    case 2021: add(7, 22, "海の日")
    default: add(nth(3, .monday, year: y, month: 7), "海の日")
    }
    switch y {
    case ...2015: break
    case 2020: add(8, 10, "山の日")
    case 2021: add(8, 8, "山の日")
    default: add(8, 11, "山の日")
    }
    switch y {
    case ...1965: break
    case 1966...2002: add(9, 15, "敬老の日")
    default: add(nth(3, .monday, year: y, month: 9), "敬老の日")
    }
    if let day = autumnalEquinoxDay(year: y) { add(9, day, "秋分の日") }
    switch y {
    case ...1965: break
    case 1966...1999: add(10, 10, "体育の日")
    case 2000...2019: add(nth(2, .monday, year: y, month: 10), "体育の日")
    case 2020: add(7, 24, "スポーツの日")
    case 2021: add(7, 23, "スポーツの日")
    default: add(nth(2, .monday, year: y, month: 10), "スポーツの日")
    }
    add(11, 3, "文化の日")
    add(11, 23, "勤労感謝の日")
    if (1989...2018).contains(y) { add(12, 23, "天皇誕生日") }
    return days.filter { $0.0 >= lawEffectiveDate }
  }

  /// One-off 休日 by special laws, and whether each counts as a 祝日 for art. 3(3).
  static func specialHolidays(year y: Int) -> [(CivilDate, String, countsAsNational: Bool)] {
    switch y {
    case 1959: [(CivilDate(unchecked: 1959, 4, 10), "皇太子明仁親王の結婚の儀", false)]
    case 1989: [(CivilDate(unchecked: 1989, 2, 24), "昭和天皇の大喪の礼", false)]
    case 1990: [(CivilDate(unchecked: 1990, 11, 12), "即位礼正殿の儀", false)]
    case 1993: [(CivilDate(unchecked: 1993, 6, 9), "皇太子徳仁親王の結婚の儀", false)]
    case 2019:
      [
        (CivilDate(unchecked: 2019, 5, 1), "天皇の即位の日", true),
        (CivilDate(unchecked: 2019, 10, 22), "即位礼正殿の儀", true),
      ]
    default: []
    }
  }

  static func computeHolidays(year: Int) -> [Holiday] {
    var national: [Int: String] = [:]
    for (date, name) in nationalHolidays(year: year) { national[date.daysSinceEpoch] = name }
    var special: [Int: String] = [:]
    var countsAsNational = Set(national.keys)
    for (date, name, counts) in specialHolidays(year: year) {
      special[date.daysSinceEpoch] = name
      if counts { countsAsNational.insert(date.daysSinceEpoch) }
    }

    // Art. 3(2): 振替休日.
    var substitute = Set<Int>()
    for day in national.keys.sorted() where day >= substituteRuleStart {
      guard CivilDate(daysSinceEpoch: day).weekday == .sunday else { continue }
      var next = day + 1
      if day >= rules2007 {
        while national[next] != nil { next += 1 }
      } else if national[next] != nil {
        continue
      }
      substitute.insert(next)
    }

    // Art. 3(3): 国民の休日.
    var citizens = Set<Int>()
    let first = CivilDate(unchecked: year, 1, 1).daysSinceEpoch
    let last = CivilDate(unchecked: year, 12, 31).daysSinceEpoch
    for day in stride(from: max(first, citizensRuleStart), through: last, by: 1) {
      guard !countsAsNational.contains(day), countsAsNational.contains(day - 1),
        countsAsNational.contains(day + 1)
      else { continue }
      if day < rules2007 {
        guard CivilDate(daysSinceEpoch: day).weekday != .sunday, !substitute.contains(day) else {
          continue
        }
      }
      citizens.insert(day)
    }

    var all: [Int: String] = [:]
    for day in citizens { all[day] = "国民の休日" }
    for day in substitute { all[day] = "振替休日" }
    for (day, name) in special { all[day] = name }
    for (day, name) in national { all[day] = name }
    return all.keys.sorted().map { Holiday(date: CivilDate(daysSinceEpoch: $0), name: all[$0]!) }
  }
}
