import Testing

@testable import JapaneseCalendar

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct CivilDateTests {
  @Test func everyDayFrom1900Through2100RoundTripsAndIsConsecutive() {
    // Walk the calendar by hand (month lengths only) and check the day count and weekday.
    var expectedDays = CivilDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
    var expectedWeekday = Weekday.monday.rawValue  // 1900-01-01 was a Monday.
    var count = 0
    for year in 1900...2100 {
      for month in 1...12 {
        for day in 1...CivilDate.daysIn(month: month, year: year) {
          let date = CivilDate(year: year, month: month, day: day)!
          #expect(date.daysSinceEpoch == expectedDays)
          #expect(CivilDate(daysSinceEpoch: expectedDays) == date)
          #expect(date.weekday.rawValue == expectedWeekday)
          #expect(CivilDate(iso: date.iso) == date)
          expectedDays += 1
          expectedWeekday = (expectedWeekday + 1) % 7
          count += 1
        }
      }
    }
    #expect(count == 73_414)  // 201 years, 49 of them leap (1900 and 2100 are not).
  }

  @Test(arguments: [
    ("1970-01-01", 0, Weekday.thursday),
    ("2012-08-01", 15_553, .wednesday),
    ("2000-01-01", 10_957, .saturday),
    ("1900-01-01", -25_567, .monday),
    ("1969-12-31", -1, .wednesday),
    ("1989-01-08", 6_947, .sunday),
    ("2019-05-01", 18_017, .wednesday),
    ("2100-12-31", 47_846, .friday),
  ])
  func knownDays(iso: String, days: Int, weekday: Weekday) {
    let date = CivilDate(iso: iso)!
    #expect(date.daysSinceEpoch == days)
    #expect(date.weekday == weekday)
    #expect(CivilDate(daysSinceEpoch: days).iso == iso)
  }

  @Test func validation() {
    #expect(CivilDate(year: 2012, month: 2, day: 30) == nil)
    #expect(CivilDate(year: 2012, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2011, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
    #expect(CivilDate(year: 2012, month: 4, day: 31) == nil)
    #expect(CivilDate(year: 2012, month: 13, day: 1) == nil)
    #expect(CivilDate(year: 2012, month: 0, day: 1) == nil)
    #expect(CivilDate(year: 2012, month: 1, day: 0) == nil)
    #expect(CivilDate(year: Int.max, month: 1, day: 1) == nil)
  }

  @Test func leapYearsAndMonthLengths() {
    #expect(CivilDate.isLeap(2012))
    #expect(CivilDate.isLeap(2000))
    #expect(!CivilDate.isLeap(1900))
    #expect(!CivilDate.isLeap(2100))
    #expect(!CivilDate.isLeap(2013))
    let lengths2012 = (1...12).map { CivilDate.daysIn(month: $0, year: 2012) }
    #expect(lengths2012 == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    #expect(CivilDate.daysIn(month: 2, year: 2011) == 28)
  }

  @Test func strictISO() {
    #expect(CivilDate(iso: "2012-03-31") == CivilDate(year: 2012, month: 3, day: 31))
    for bad in [
      "2012-3-31", "2012-03-31 ", " 2012-03-31", "2012/03/31", "+012-03-31", "2012-02-30",
      "2012-0a-01", "20120331", "2012-03-3１", "", "2012-13-01",
    ] {
      #expect(CivilDate(iso: bad) == nil, "\(bad)")
    }
  }

  @Test func isoAndDescription() {
    #expect(CivilDate(year: 2012, month: 3, day: 1)!.iso == "2012-03-01")
    #expect(CivilDate(year: 999, month: 12, day: 9)!.iso == "0999-12-09")
    #expect(CivilDate(year: 2012, month: 11, day: 30)!.description == "2012-11-30")
  }

  @Test func ordering() {
    let a = CivilDate(year: 2012, month: 3, day: 31)!
    let b = CivilDate(year: 2012, month: 4, day: 1)!
    let c = CivilDate(year: 2013, month: 1, day: 1)!
    #expect(a < b && b < c && a < c)
    #expect(!(b < a))
    #expect([c, a, b].sorted() == [a, b, c])
  }

  @Test func addingDays() {
    let date = CivilDate(year: 2012, month: 2, day: 28)!
    #expect(date.adding(days: 1).iso == "2012-02-29")
    #expect(date.adding(days: 2).iso == "2012-03-01")
    #expect(date.adding(days: 366).iso == "2013-02-28")
    #expect(date.adding(days: -59).iso == "2011-12-31")
    #expect(date.adding(days: 0) == date)
    #expect(date.days(to: CivilDate(year: 2012, month: 3, day: 31)!) == 32)
  }

  @Test(arguments: [
    ("2012-01-31", 1, "2012-02-29"),
    ("2011-01-31", 1, "2011-02-28"),
    ("2012-03-31", -1, "2012-02-29"),
    ("2012-03-31", 1, "2012-04-30"),
    ("2012-12-15", 1, "2013-01-15"),
    ("2012-01-15", -1, "2011-12-15"),
    ("2012-01-15", -13, "2010-12-15"),
    ("2012-08-01", 0, "2012-08-01"),
    ("2012-02-29", 12, "2013-02-28"),
    ("2012-02-29", 48, "2016-02-29"),
    ("0001-01-31", -1, "0000-12-31"),
  ])
  func addingMonths(start: String, months: Int, expected: String) {
    #expect(CivilDate(iso: start)!.adding(months: months).iso == expected)
  }

  @Test func monthBounds() {
    let date = CivilDate(year: 2012, month: 2, day: 17)!
    #expect(date.firstOfMonth.iso == "2012-02-01")
    #expect(date.lastOfMonth.iso == "2012-02-29")
  }

  @Test func weekdayNames() {
    #expect(Weekday.allCases.map(\.japaneseName).joined() == "日月火水木金土")
    #expect(
      Weekday.allCases.map(\.englishShortName) == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"])
  }

  @Test func todayFollowsTZ() {
    let saved = getenv("TZ").map { String(cString: $0) }
    defer {
      if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
      tzset()
    }
    for (tz, offset) in [("UTC0", 0), ("JST-9", 9 * 3600), ("HST10", -10 * 3600)] {
      setenv("TZ", tz, 1)
      let before = Int(time(nil))
      let today = CivilDate.today()
      let after = Int(time(nil))
      let candidates = [before, after].map { CivilDate(daysSinceEpoch: ($0 + offset) / 86_400) }
      #expect(candidates.contains(today), "\(tz): \(today)")
    }
  }
}

@Suite struct WallTimeISOTests {
  @Test func iso8601InstantsAndTheirLocalDateAndClock() throws {
    let utc = try #require(WallTime(iso8601: "2026-12-01T20:30:00Z"))
    #expect(utc.localDateAndClock == "2026-12-01 20:30")
    // The same instant in Tokyo (UTC+9) is the next day.
    let tokyo = WallTime(secondsSinceEpoch: utc.secondsSinceEpoch, utcOffsetSeconds: 9 * 3600)
    #expect(tokyo.localDateAndClock == "2026-12-02 05:30")
    #expect(tokyo.localDate.iso == "2026-12-02")
    // Written with an offset, fractions, without seconds, without a zone (UTC).
    for text in [
      "2026-12-02T05:30:00+09:00", "2026-12-02T05:30+0900", "2026-12-01T20:30:00.123Z",
      "2026-12-01T20:30Z", "2026-12-01 20:30:00", "2026-12-01T15:30:00-05:00",
    ] {
      #expect(WallTime(iso8601: text)?.secondsSinceEpoch == utc.secondsSinceEpoch, "\(text)")
    }
    #expect(WallTime(iso8601: "2026-12-02T05:30:00+09:00")?.localDateAndClock == "2026-12-02 05:30")
    // Before 1970, across a day boundary at a negative offset.
    let early = try #require(WallTime(iso8601: "1969-12-31T23:00:00Z"))
    #expect(early.localDateAndClock == "1969-12-31 23:00")
    #expect(
      WallTime(secondsSinceEpoch: 3600, utcOffsetSeconds: -2 * 3600).localDateAndClock
        == "1969-12-31 23:00")
  }

  @Test func notAnInstant() {
    for text in [
      "", "2026-12-01", "2026-13-01T10:00Z", "2026-12-01T24:00Z", "2026-12-01T10:60Z",
      "2026-12-01T10:00Q", "2026-12-01T10:00+9", "2026-12-01T10:00:00.Z", "２０２６-12-01T10:00Z",
      "2026-12-01T10:00Zjunk",
    ] {
      #expect(WallTime(iso8601: text) == nil, "\(text)")
    }
  }
}
