import Testing

@testable import JapaneseCalendar

private func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

@Suite struct EraTests {
  @Test(arguments: [
    ("1989-01-07", "昭和64年"),
    ("1989-01-08", "平成元年"),
    ("2019-04-30", "平成31年"),
    ("2019-05-01", "令和元年"),
    ("2012-08-01", "平成24年"),
    ("1926-12-24", "大正15年"),
    ("1926-12-25", "昭和元年"),
    ("1912-07-29", "明治45年"),
    ("1912-07-30", "大正元年"),
    ("1868-10-23", "明治元年"),
    ("2099-12-31", "令和81年"),
  ])
  func eraYears(iso: String, expected: String) {
    let (era, year) = eraYear(of: date(iso))!
    #expect(japaneseYearName(era, year) == expected)
  }

  @Test func beforeMeijiHasNoEra() {
    #expect(eraYear(of: date("1868-10-22")) == nil)
    #expect(japaneseDateString(date("1868-10-22")) == "1868年10月22日")
  }

  @Test func eraProperties() {
    #expect(Era.allCases.map(\.name) == ["明治", "大正", "昭和", "平成", "令和"])
    #expect(Era.allCases.map(\.romanName) == ["Meiji", "Taishō", "Shōwa", "Heisei", "Reiwa"])
    #expect(Era.showa.firstDay.iso == "1926-12-25")
    #expect(Era.heisei.firstDay.iso == "1989-01-08")
    #expect(Era.reiwa.firstDay.iso == "2019-05-01")
    #expect(Era.showa.lastDay?.iso == "1989-01-07")
    #expect(Era.heisei.lastDay?.iso == "2019-04-30")
    #expect(Era.reiwa.lastDay == nil)
    #expect(Era.heisei.contains(date("2019-04-30")))
    #expect(!Era.heisei.contains(date("2019-05-01")))
    #expect(Era.heisei.gregorianYear(24) == 2012)
  }

  @Test(arguments: [
    ("2012-03-31", "平成23年度末"),
    ("2017-03-31", "平成28年度末"),
    ("2016-03-31", "平成27年度末"),
    ("2012-08-01", "平成24年度"),
    ("2012-04-01", "平成24年度"),
    ("2012-03-30", "平成23年度"),
    ("2019-03-31", "平成30年度末"),
    ("2019-04-01", "平成31年度"),
    ("2019-04-30", "平成31年度"),
    ("2019-05-01", "令和元年度"),
    ("2020-03-31", "令和元年度末"),
    ("2020-04-01", "令和2年度"),
    ("1989-01-07", "昭和63年度"),
    ("1989-01-08", "昭和63年度"),
    ("1989-03-31", "昭和63年度末"),
    ("1989-04-01", "平成元年度"),
  ])
  func fiscalYearLabels(iso: String, expected: String) {
    #expect(fiscalYearLabel(of: date(iso)) == expected)
  }

  @Test(arguments: [
    ("2012-03-31", "FY2011 year-end (Heisei 23)"),
    ("2012-08-01", "FY2012 (Heisei 24)"),
    ("2019-04-30", "FY2019 (Heisei 31)"),
    ("2019-05-01", "FY2019 (Reiwa 1)"),
    ("2020-03-31", "FY2019 year-end (Reiwa 1)"),
  ])
  func englishFiscalYearLabels(iso: String, expected: String) {
    #expect(englishFiscalYearLabel(of: date(iso)) == expected)
  }

  @Test func fiscalYearBounds() {
    let fy = FiscalYear(containing: date("2012-03-31"))
    #expect(fy.startYear == 2011)
    #expect(fy.firstDay.iso == "2011-04-01")
    #expect(fy.lastDay.iso == "2012-03-31")
    #expect(FiscalYear(containing: date("2012-04-01")).startYear == 2012)
    #expect(FiscalYear(containing: date("2012-12-31")) == FiscalYear(startYear: 2012))
    #expect(fy.contains(date("2011-04-01")) && !fy.contains(date("2012-04-01")))
  }

  @Test func dateStrings() {
    #expect(japaneseDateString(date("2012-08-01")) == "平成24年8月1日")
    #expect(japaneseDateString(date("1989-01-08")) == "平成元年1月8日")
    #expect(japaneseDateString(date("1989-01-07")) == "昭和64年1月7日")
    #expect(japaneseDateString(date("2019-05-01")) == "令和元年5月1日")
    #expect(westernDateString(date("2012-08-01")) == "2012年8月1日")
  }

  @Test func monthStrings() {
    #expect(japaneseMonthString(year: 2012, month: 8) == "平成24年8月")
    #expect(japaneseMonthString(year: 1989, month: 1) == "昭和64年1月")
    #expect(japaneseMonthString(year: 1989, month: 2) == "平成元年2月")
    #expect(japaneseMonthString(year: 2019, month: 4) == "平成31年4月")
    #expect(japaneseMonthString(year: 2019, month: 5) == "令和元年5月")
    #expect(japaneseMonthString(year: 2012, month: 13) == "2012年13月")
    #expect(westernMonthString(year: 2012, month: 8) == "2012年8月")
  }
}
