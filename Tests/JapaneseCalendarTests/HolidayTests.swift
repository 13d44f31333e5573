import Testing

@testable import JapaneseCalendar

private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

/// Complete holiday lists, written by hand from the law and the published equinox days.
/// Each entry is "MM-DD name".
private let completeYears: [Int: [String]] = [
  // The law took effect on 1948-07-20: only the autumn holidays.
  1948: ["09-23 秋分の日", "11-03 文化の日", "11-23 勤労感謝の日"],
  1949: [
    "01-01 元日", "01-15 成人の日", "03-21 春分の日", "04-29 天皇誕生日", "05-03 憲法記念日",
    "05-05 こどもの日", "09-23 秋分の日", "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  // 5/3 on a Sunday: no substitute holiday before 1973.
  1959: [
    "01-01 元日", "01-15 成人の日", "03-21 春分の日", "04-10 皇太子明仁親王の結婚の儀",
    "04-29 天皇誕生日", "05-03 憲法記念日", "05-05 こどもの日", "09-24 秋分の日", "11-03 文化の日",
    "11-23 勤労感謝の日",
  ],
  // 2/11 on a Sunday before the 1973-04-12 amendment; 4/29 and 9/23 on Sundays after it.
  1973: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 天皇誕生日",
    "04-30 振替休日", "05-03 憲法記念日", "05-05 こどもの日", "09-15 敬老の日", "09-23 秋分の日",
    "09-24 振替休日", "10-10 体育の日", "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  // 5/4 on a Sunday is not a 国民の休日.
  1986: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 天皇誕生日",
    "05-03 憲法記念日", "05-05 こどもの日", "09-15 敬老の日", "09-23 秋分の日", "10-10 体育の日",
    "11-03 文化の日", "11-23 勤労感謝の日", "11-24 振替休日",
  ],
  // 5/3 on a Sunday: 5/4 is a 振替休日, not a 国民の休日.
  1987: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 天皇誕生日",
    "05-03 憲法記念日", "05-04 振替休日", "05-05 こどもの日", "09-15 敬老の日", "09-23 秋分の日",
    "10-10 体育の日", "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  // The first 国民の休日.
  1988: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "03-20 春分の日", "03-21 振替休日",
    "04-29 天皇誕生日", "05-03 憲法記念日", "05-04 国民の休日", "05-05 こどもの日", "09-15 敬老の日",
    "09-23 秋分の日", "10-10 体育の日", "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  1989: [
    "01-01 元日", "01-02 振替休日", "01-15 成人の日", "01-16 振替休日", "02-11 建国記念の日",
    "02-24 昭和天皇の大喪の礼", "03-21 春分の日", "04-29 みどりの日", "05-03 憲法記念日",
    "05-04 国民の休日", "05-05 こどもの日", "09-15 敬老の日", "09-23 秋分の日", "10-10 体育の日",
    "11-03 文化の日", "11-23 勤労感謝の日", "12-23 天皇誕生日",
  ],
  1990: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "02-12 振替休日", "03-21 春分の日",
    "04-29 みどりの日", "04-30 振替休日", "05-03 憲法記念日", "05-04 国民の休日", "05-05 こどもの日",
    "09-15 敬老の日", "09-23 秋分の日", "09-24 振替休日", "10-10 体育の日", "11-03 文化の日",
    "11-12 即位礼正殿の儀", "11-23 勤労感謝の日", "12-23 天皇誕生日", "12-24 振替休日",
  ],
  1993: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "03-20 春分の日", "04-29 みどりの日",
    "05-03 憲法記念日", "05-04 国民の休日", "05-05 こどもの日", "06-09 皇太子徳仁親王の結婚の儀",
    "09-15 敬老の日", "09-23 秋分の日", "10-10 体育の日", "10-11 振替休日", "11-03 文化の日",
    "11-23 勤労感謝の日", "12-23 天皇誕生日",
  ],
  // 海の日 on 7/20 (1996–2002); 5/4 on a Saturday is still a 国民の休日.
  1996: [
    "01-01 元日", "01-15 成人の日", "02-11 建国記念の日", "02-12 振替休日", "03-20 春分の日",
    "04-29 みどりの日", "05-03 憲法記念日", "05-04 国民の休日", "05-05 こどもの日", "05-06 振替休日",
    "07-20 海の日", "09-15 敬老の日", "09-16 振替休日", "09-23 秋分の日", "10-10 体育の日",
    "11-03 文化の日", "11-04 振替休日", "11-23 勤労感謝の日", "12-23 天皇誕生日",
  ],
  // Happy Monday: 成人の日 and 体育の日 from 2000, 海の日 and 敬老の日 from 2003.
  2003: [
    "01-01 元日", "01-13 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 みどりの日",
    "05-03 憲法記念日", "05-05 こどもの日", "07-21 海の日", "09-15 敬老の日", "09-23 秋分の日",
    "10-13 体育の日", "11-03 文化の日", "11-23 勤労感謝の日", "11-24 振替休日", "12-23 天皇誕生日",
  ],
  // 2007 rules: 5/4 みどりの日 on a Sunday moves the substitute to 5/6.
  2008: [
    "01-01 元日", "01-14 成人の日", "02-11 建国記念の日", "03-20 春分の日", "04-29 昭和の日",
    "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日", "07-21 海の日",
    "09-15 敬老の日", "09-23 秋分の日", "10-13 体育の日", "11-03 文化の日", "11-23 勤労感謝の日",
    "11-24 振替休日", "12-23 天皇誕生日",
  ],
  2009: [
    "01-01 元日", "01-12 成人の日", "02-11 建国記念の日", "03-20 春分の日", "04-29 昭和の日",
    "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日", "07-20 海の日",
    "09-21 敬老の日", "09-22 国民の休日", "09-23 秋分の日", "10-12 体育の日", "11-03 文化の日",
    "11-23 勤労感謝の日", "12-23 天皇誕生日",
  ],
  2012: [
    "01-01 元日", "01-02 振替休日", "01-09 成人の日", "02-11 建国記念の日", "03-20 春分の日",
    "04-29 昭和の日", "04-30 振替休日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
    "07-16 海の日", "09-17 敬老の日", "09-22 秋分の日", "10-08 体育の日", "11-03 文化の日",
    "11-23 勤労感謝の日", "12-23 天皇誕生日", "12-24 振替休日",
  ],
  2015: [
    "01-01 元日", "01-12 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 昭和の日",
    "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日", "07-20 海の日",
    "09-21 敬老の日", "09-22 国民の休日", "09-23 秋分の日", "10-12 体育の日", "11-03 文化の日",
    "11-23 勤労感謝の日", "12-23 天皇誕生日",
  ],
  // 山の日 from 2016.
  2016: [
    "01-01 元日", "01-11 成人の日", "02-11 建国記念の日", "03-20 春分の日", "03-21 振替休日",
    "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-18 海の日",
    "08-11 山の日", "09-19 敬老の日", "09-22 秋分の日", "10-10 体育の日", "11-03 文化の日",
    "11-23 勤労感謝の日", "12-23 天皇誕生日",
  ],
  2018: [
    "01-01 元日", "01-08 成人の日", "02-11 建国記念の日", "02-12 振替休日", "03-21 春分の日",
    "04-29 昭和の日", "04-30 振替休日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
    "07-16 海の日", "08-11 山の日", "09-17 敬老の日", "09-23 秋分の日", "09-24 振替休日",
    "10-08 体育の日", "11-03 文化の日", "11-23 勤労感謝の日", "12-23 天皇誕生日", "12-24 振替休日",
  ],
  // The accession: no 天皇誕生日 at all.
  2019: [
    "01-01 元日", "01-14 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 昭和の日",
    "04-30 国民の休日", "05-01 天皇の即位の日", "05-02 国民の休日", "05-03 憲法記念日",
    "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日", "07-15 海の日", "08-11 山の日",
    "08-12 振替休日", "09-16 敬老の日", "09-23 秋分の日", "10-14 体育の日", "10-22 即位礼正殿の儀",
    "11-03 文化の日", "11-04 振替休日", "11-23 勤労感謝の日",
  ],
  // Olympic moves.
  2020: [
    "01-01 元日", "01-13 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "02-24 振替休日",
    "03-20 春分の日", "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
    "05-06 振替休日", "07-23 海の日", "07-24 スポーツの日", "08-10 山の日", "09-21 敬老の日",
    "09-22 秋分の日", "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  2021: [
    "01-01 元日", "01-11 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-20 春分の日",
    "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-22 海の日",
    "07-23 スポーツの日", "08-08 山の日", "08-09 振替休日", "09-20 敬老の日", "09-23 秋分の日",
    "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  2022: [
    "01-01 元日", "01-10 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-21 春分の日",
    "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-18 海の日",
    "08-11 山の日", "09-19 敬老の日", "09-23 秋分の日", "10-10 スポーツの日", "11-03 文化の日",
    "11-23 勤労感謝の日",
  ],
  2032: [
    "01-01 元日", "01-12 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-20 春分の日",
    "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-19 海の日",
    "08-11 山の日", "09-20 敬老の日", "09-21 国民の休日", "09-22 秋分の日", "10-11 スポーツの日",
    "11-03 文化の日", "11-23 勤労感謝の日",
  ],
  // Vernal equinox on 3/19; 1/1 and 4/29 on Sundays.
  2096: [
    "01-01 元日", "01-02 振替休日", "01-09 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日",
    "03-19 春分の日", "04-29 昭和の日", "04-30 振替休日", "05-03 憲法記念日", "05-04 みどりの日",
    "05-05 こどもの日", "07-16 海の日", "08-11 山の日", "09-17 敬老の日", "09-22 秋分の日",
    "10-08 スポーツの日", "11-03 文化の日", "11-23 勤労感謝の日",
  ],
]

@Suite struct HolidayTests {
  @Test(arguments: completeYears.keys.sorted())
  func completeYear(_ year: Int) {
    let actual = JapaneseHolidays.holidays(in: year).map {
      ($0.date.iso.dropFirst(5)) + " " + $0.name
    }
    #expect(actual == completeYears[year]!)
  }

  @Test func nothingBeforeTheLawTookEffect() {
    #expect(JapaneseHolidays.holidays(in: 1947).isEmpty)
    #expect(JapaneseHolidays.holidays(in: 2100).isEmpty)
    for iso in ["1948-01-01", "1948-01-15", "1948-03-21", "1948-04-29", "1948-05-03", "1948-05-05"]
    {
      #expect(JapaneseHolidays.name(of: date(iso)) == nil, "\(iso)")
    }
    #expect(JapaneseHolidays.holidays(in: 1948).allSatisfy { $0.date >= date("1948-07-20") })
    #expect(JapaneseHolidays.name(of: date("1947-11-03")) == nil)
    #expect(JapaneseHolidays.name(of: date("2100-01-01")) == nil)
  }

  @Test(arguments: [
    // Name changes of the fixed days.
    ("1988-04-29", "天皇誕生日"), ("1989-04-29", "みどりの日"), ("2006-04-29", "みどりの日"),
    ("2007-04-29", "昭和の日"), ("2007-05-04", "みどりの日"), ("2006-05-04", "国民の休日"),
    ("1966-09-15", "敬老の日"), ("1966-10-10", "体育の日"), ("1967-02-11", "建国記念の日"),
    ("1999-01-15", "成人の日"), ("2000-01-10", "成人の日"), ("1999-10-11", "振替休日"),
    ("2000-10-09", "体育の日"), ("2002-07-20", "海の日"), ("2002-09-16", "振替休日"),
    ("2019-10-14", "体育の日"), ("2023-10-09", "スポーツの日"), ("2017-12-23", "天皇誕生日"),
    ("1992-05-04", "振替休日"), ("1999-05-04", "国民の休日"), ("1998-05-04", "振替休日"),
    ("2026-09-22", "国民の休日"),
    ("2037-09-22", "国民の休日"), ("2043-09-22", "国民の休日"), ("2024-02-12", "振替休日"),
    ("2025-02-24", "振替休日"), ("2031-02-24", "振替休日"), ("2016-08-11", "山の日"),
  ])
  func named(iso: String, name: String) {
    #expect(JapaneseHolidays.name(of: date(iso)) == name)
  }

  @Test(arguments: [
    "1965-09-15", "1965-10-10", "1966-02-11", "1995-07-20", "2015-08-11", "2019-02-23",
    "2019-12-23", "2020-10-12", "2021-10-11", "2020-08-11", "2021-08-11", "2020-07-20",
    "2021-07-19", "1986-05-04", "1985-05-04", "1973-02-12", "1948-07-20", "2012-09-24",
    "2006-05-06", "2012-12-25", "2003-05-04",
  ])
  func notHolidays(iso: String) {
    #expect(JapaneseHolidays.name(of: date(iso)) == nil)
  }

  /// Published equinox days (国立天文台, 天文ニュース 413, 2003–2015).
  @Test func publishedEquinoxes2003Through2015() {
    let vernal = [21, 20, 20, 21, 21, 20, 20, 21, 21, 20, 20, 21, 21]
    let autumnal = [23, 23, 23, 23, 23, 23, 23, 23, 23, 22, 23, 23, 23]
    #expect((2003...2015).map { JapaneseHolidays.vernalEquinoxDay(year: $0)! } == vernal)
    #expect((2003...2015).map { JapaneseHolidays.autumnalEquinoxDay(year: $0)! } == autumnal)
  }

  /// The pattern of the vernal equinox day as published from the astronomical calculation:
  /// 3/21 every year until 1959; from 1960 3/20 in leap years; from 1993 also in the year after;
  /// from 2026 (3/20) on, 3/21 only in the year before a leap year; from 2056 always 3/20 except
  /// 3/19 in 2092 and 2096.
  @Test func vernalEquinoxPattern() {
    for year in 1948...2099 {
      let expected: Int
      switch year {
      case ...1959: expected = 21
      case 1960...1992: expected = year % 4 == 0 ? 20 : 21
      case 1993...2025: expected = year % 4 <= 1 ? 20 : 21
      case 2026...2055: expected = year % 4 == 3 ? 21 : 20
      default: expected = year == 2092 || year == 2096 ? 19 : 20
      }
      #expect(JapaneseHolidays.vernalEquinoxDay(year: year) == expected, "\(year)")
    }
  }

  /// Autumnal equinox day: 9/23 or 9/24 until 1979 (9/24 for the last time in 1979), 9/23 from
  /// 1980 to 2011, from 2012 to 2044 9/22 in leap years and 9/23 otherwise; never 9/24 in the
  /// 21st century and never 9/21.
  @Test func autumnalEquinoxPattern() {
    for year in 1948...2099 {
      let day = JapaneseHolidays.autumnalEquinoxDay(year: year)!
      switch year {
      case ...1978: #expect(day == 23 || day == 24, "\(year)")
      case 1979: #expect(day == 24)
      case 1980...2011: #expect(day == 23, "\(year)")
      case 2012...2044: #expect(day == (year % 4 == 0 ? 22 : 23), "\(year)")
      default: #expect(day == 22 || day == 23, "\(year)")
      }
    }
    #expect(JapaneseHolidays.autumnalEquinoxDay(year: 1899) == nil)
    #expect(JapaneseHolidays.vernalEquinoxDay(year: 2100) == nil)
  }

  @Test func everyYearIsConsistent() {
    var previous: CivilDate?
    for year in JapaneseHolidays.supportedYears {
      let list = JapaneseHolidays.holidays(in: year)
      #expect(list.count >= (year == 1948 ? 3 : 9), "\(year)")
      #expect(list.allSatisfy { $0.date.year == year })
      for holiday in list {
        if let previous { #expect(previous < holiday.date) }
        previous = holiday.date
        #expect(JapaneseHolidays.name(of: holiday.date) == holiday.name)
      }
      // Every day of the year: name(of:) agrees with the list.
      let days = Set(list.map(\.date))
      var day = CivilDate(year: year, month: 1, day: 1)!
      while day.year == year {
        #expect((JapaneseHolidays.name(of: day) != nil) == days.contains(day))
        day = day.adding(days: 1)
      }
    }
  }

  /// 振替休日: every 祝日 on a Sunday from 1973-04-12 is followed by a substitute day after the
  /// run of consecutive 祝日 (from 2007) or on the next day (before); none before 1973-04-12.
  @Test func substituteHolidaysFollowTheRule() {
    let substituteNames: Set<String> = ["振替休日", "国民の休日"]
    for year in JapaneseHolidays.supportedYears {
      for holiday in JapaneseHolidays.holidays(in: year) where holiday.name == "振替休日" {
        #expect(holiday.date >= date("1973-04-30"))
        #expect(holiday.date.weekday != .sunday)
        var day = holiday.date.adding(days: -1)
        while let name = JapaneseHolidays.name(of: day), day.weekday != .sunday {
          #expect(!substituteNames.contains(name))
          day = day.adding(days: -1)
        }
        #expect(day.weekday == .sunday && JapaneseHolidays.name(of: day) != nil, "\(holiday)")
      }
    }
  }

  @Test func rangeQuery() {
    let golden = JapaneseHolidays.holidays(from: date("2019-04-27"), through: date("2019-05-06"))
    #expect(golden.map(\.date.day) == [29, 30, 1, 2, 3, 4, 5, 6])
    let yearEnd = JapaneseHolidays.holidays(from: date("2012-12-24"), through: date("2013-01-14"))
    #expect(yearEnd.map(\.date.iso) == ["2012-12-24", "2013-01-01", "2013-01-14"])
    #expect(
      JapaneseHolidays.holidays(from: date("2013-01-02"), through: date("2013-01-01")).isEmpty)
    #expect(
      JapaneseHolidays.holidays(from: date("1900-01-01"), through: date("1948-12-31")).count == 3)
    #expect(JapaneseHolidays.isHoliday(date("2012-01-02")))
    #expect(!JapaneseHolidays.isHoliday(date("2012-01-03")))
  }

  @Test func concurrentAccessAgrees() async {
    let expected = (1948...2099).map { JapaneseHolidays.holidays(in: $0).count }
    let results = await withTaskGroup(of: [Int].self) { group in
      for _ in 0..<8 {
        group.addTask { (1948...2099).map { JapaneseHolidays.holidays(in: $0).count } }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(results.count == 8)
    #expect(results.allSatisfy { $0 == expected })
  }
}
