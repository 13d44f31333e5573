import Testing

@testable import JapaneseCalendar

private let reference = CivilDate(year: 2012, month: 8, day: 15)!

@Suite struct ParsingTests {
  @Test(arguments: [
    ("2012-08-01", "2012-08-01"),
    ("2012/8/1", "2012-08-01"),
    ("2012.8.1", "2012-08-01"),
    ("2012-8-1", "2012-08-01"),
    ("2012年8月1日", "2012-08-01"),
    ("8/1", "2012-08-01"),
    ("12/31", "2012-12-31"),
    ("8月1日", "2012-08-01"),
    ("平成24年8月1日", "2012-08-01"),
    ("平成元年1月8日", "1989-01-08"),
    ("令和元年5月1日", "2019-05-01"),
    ("令和1年5月1日", "2019-05-01"),
    ("昭和64年1月7日", "1989-01-07"),
    ("８／１", "2012-08-01"),
    ("２０１２年８月１日", "2012-08-01"),
    ("平成２４年８月１日", "2012-08-01"),
    ("H24.8.1", "2012-08-01"),
    ("h24.8.1", "2012-08-01"),
    ("H24/08/01", "2012-08-01"),
    ("Ｈ２４．８．１", "2012-08-01"),
    ("R1.5.1", "2019-05-01"),
    ("R01.05.01", "2019-05-01"),
    ("S64.1.7", "1989-01-07"),
    ("T15.12.24", "1926-12-24"),
    ("H元.1.8", "1989-01-08"),
    ("\u{337B}24年8月1日", "2012-08-01"),
    ("  2012/8/1  ", "2012-08-01"),
    ("\u{3000}8/1\u{3000}", "2012-08-01"),
    ("2012年8月1日(水)", "2012-08-01"),
    ("8/1（水）", "2012-08-01"),
  ])
  func accepts(text: String, expected: String) {
    #expect(parseDate(text, reference: reference)?.iso == expected)
  }

  @Test(arguments: [
    "平成31年5月1日",  // Heisei ended on 2019-04-30.
    "H31.5.1",
    "昭和64年1月8日",  // Shōwa ended on 1989-01-07.
    "平成元年1月7日",  // Heisei began on 1989-01-08.
    "令和元年4月30日",
    "令和0年5月1日",
    "2012-02-30",
    "2012/2/30",
    "2/30",
    "13/1",
    "8/32",
    "12/8/1",  // two-digit western years are ambiguous
    "2012/8",
    "2012年8月",
    "平成24年8月",
    "8-1",
    "8.1",
    "2012-8/1",
    "2012年8/1",
    "8月1日日",
    "",
    "   ",
    "abc",
    "X24.8.1",
    "H24.8.1.",
    "2012/8/1/",
    "/8/1",
    "20120801",
    "012345/8/1",
    "2012年8月1日(木)",  // it was a Wednesday
    "2012年8月1日(水",
    "元年8月1日",
    "2012/008/1",
  ])
  func rejects(text: String) {
    #expect(parseDate(text, reference: reference) == nil)
  }

  @Test func yearComesFromReference() {
    let leap = CivilDate(year: 2012, month: 1, day: 1)!
    let common = CivilDate(year: 2013, month: 1, day: 1)!
    #expect(parseDate("2/29", reference: leap)?.iso == "2012-02-29")
    #expect(parseDate("2/29", reference: common) == nil)
    #expect(parseDate("3月1日", reference: common)?.iso == "2013-03-01")
  }
}
