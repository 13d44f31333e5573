/// "平成24年8月1日"; era year 1 is written 元年 ("令和元年5月1日").
/// Falls back to `westernDateString` before the Meiji era.
public func japaneseDateString(_ d: CivilDate) -> String {
  guard let (era, year) = eraYear(of: d) else { return westernDateString(d) }
  return japaneseYearName(era, year) + "\(d.month)月\(d.day)日"
}

/// "平成24年8月". The era is the one in force on the month's first day: January 1989 is
/// 昭和64年1月 (平成 began on the 8th), May 2019 is 令和元年5月, April 2019 is 平成31年4月.
/// Falls back to `westernMonthString` before the Meiji era or for an invalid month.
public func japaneseMonthString(year: Int, month: Int) -> String {
  guard let first = CivilDate(year: year, month: month, day: 1),
    let (era, eraYear) = eraYear(of: first)
  else { return westernMonthString(year: year, month: month) }
  return japaneseYearName(era, eraYear) + "\(month)月"
}

/// "2012年8月".
public func westernMonthString(year: Int, month: Int) -> String {
  "\(year)年\(month)月"
}

/// "2012年8月1日".
public func westernDateString(_ d: CivilDate) -> String {
  "\(d.year)年\(d.month)月\(d.day)日"
}
