/// Day of the week. Raw values follow the Japanese calendar convention (weeks start on Sunday).
public enum Weekday: Int, Sendable, CaseIterable {
  case sunday = 0
  case monday, tuesday, wednesday, thursday, friday, saturday

  /// One-kanji Japanese name: 日 月 火 水 木 金 土.
  public var japaneseName: String {
    switch self {
    case .sunday: "日"
    case .monday: "月"
    case .tuesday: "火"
    case .wednesday: "水"
    case .thursday: "木"
    case .friday: "金"
    case .saturday: "土"
    }
  }

  /// Three-letter English name: Sun Mon Tue Wed Thu Fri Sat.
  public var englishShortName: String {
    switch self {
    case .sunday: "Sun"
    case .monday: "Mon"
    case .tuesday: "Tue"
    case .wednesday: "Wed"
    case .thursday: "Thu"
    case .friday: "Fri"
    case .saturday: "Sat"
    }
  }
}

/// A date of the proleptic Gregorian calendar, without time or time zone.
///
/// All arithmetic is pure integer arithmetic (no libc calls). Years are limited to
/// `CivilDate.supportedYears` so that no computation can overflow.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Years accepted by `init?(year:month:day:)`.
  public static let supportedYears: ClosedRange<Int> = -1_000_000...1_000_000

  /// Validates the date: `CivilDate(year: 2012, month: 2, day: 30)` is nil.
  public init?(year: Int, month: Int, day: Int) {
    guard CivilDate.supportedYears.contains(year), (1...12).contains(month), day >= 1,
      day <= CivilDate.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Unchecked initializer for components known to be valid.
  init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Strict ISO 8601 calendar date: exactly `YYYY-MM-DD` with ASCII digits ("2012-03-31").
  public init?(iso: String) {
    let bytes = Array(iso.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// Number of days of `month` (1–12) in `year`; 0 for an invalid month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    case 1, 3, 5, 7, 8, 10, 12: return 31
    default: return 0
    }
  }

  /// Days since 1970-01-01 (which is 0); negative before it.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date `daysSinceEpoch` days after 1970-01-01.
  public init(daysSinceEpoch: Int) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (m <= 2 ? 1 : 0)
    month = m
    day = d
  }

  public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

  /// Adds calendar months, clamping the day to the length of the resulting month
  /// (2012-01-31 + 1 month = 2012-02-29).
  public func adding(months: Int) -> CivilDate {
    let total = year * 12 + (month - 1) + months
    let newYear = total >= 0 ? total / 12 : (total - 11) / 12
    let newMonth = total - newYear * 12 + 1
    let newDay = min(day, CivilDate.daysIn(month: newMonth, year: newYear))
    return CivilDate(unchecked: newYear, newMonth, newDay)
  }

  /// The first day of this date's month.
  public var firstOfMonth: CivilDate { CivilDate(unchecked: year, month, 1) }

  /// The last day of this date's month.
  public var lastOfMonth: CivilDate {
    CivilDate(unchecked: year, month, CivilDate.daysIn(month: month, year: year))
  }

  /// Number of days from `self` to `other` (positive when `other` is later).
  public func days(to other: CivilDate) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  public var weekday: Weekday {
    // 1970-01-01 was a Thursday (4).
    let r = (daysSinceEpoch + 4) % 7
    return Weekday(rawValue: r < 0 ? r + 7 : r)!
  }

  /// "2012-03-31". Years 0–9999 are zero-padded to four digits.
  public var iso: String {
    func pad(_ n: Int, _ width: Int) -> String {
      let digits = String(n)
      return digits.count < width
        ? String(repeating: "0", count: width - digits.count) + digits : digits
    }
    let y = year < 0 ? "-" + pad(-year, 4) : pad(year, 4)
    return "\(y)-\(pad(month, 2))-\(pad(day, 2))"
  }

  public var description: String { iso }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }
}
