/// Parses a date as people write it in Japanese documents. Accepted forms (full-width digits,
/// letters and punctuation are accepted as well, e.g. "８／１", and surrounding spaces are ignored):
///
/// - Western: "2012-08-01", "2012/8/1", "2012.8.1", "2012年8月1日" (four-digit year).
/// - Month and day, the year taken from `reference`: "8/1", "8月1日".
/// - Era: "平成24年8月1日", "平成元年1月8日", "令和元年5月1日", "H24.8.1", "h24/8/1", "R1.5.1",
///   "S64.1.7", "㍻24年8月1日" (initials M T S H R, the era name, or the era ligature).
/// - An optional trailing weekday, which must match: "2012年8月1日(水)", "8/1（水）".
///
/// Returns nil for anything else, for dates that do not exist (2012-02-30) and for era dates
/// outside their era (平成31年5月1日: Heisei ended on 2019-04-30; 昭和64年1月8日; 平成元年1月7日).
public func parseDate(_ text: String, reference: CivilDate) -> CivilDate? {
  var scalars = normalizedScalars(text)

  // Optional weekday in parentheses at the end.
  var expectedWeekday: Weekday?
  if scalars.last == ")" {
    guard scalars.count >= 3, scalars[scalars.count - 3] == "(",
      let weekday = Weekday.allCases.first(where: {
        $0.japaneseName.unicodeScalars.first == scalars[scalars.count - 2]
      })
    else { return nil }
    expectedWeekday = weekday
    scalars.removeLast(3)
    while let lastScalar = scalars.last, lastScalar.properties.isWhitespace { scalars.removeLast() }
  }

  var parser = DateTokenizer(scalars: scalars[...])
  let era = parser.parseEra()
  guard let tokens = parser.tokens() else { return nil }

  let date: CivilDate?
  if let era {
    date = eraDate(era, tokens)
  } else {
    date = westernDate(tokens, reference: reference)
  }
  guard let date else { return nil }
  if let expectedWeekday, date.weekday != expectedWeekday { return nil }
  return date
}

private enum DateToken: Equatable {
  case number(Int, digits: Int)
  case gan  // 元, era year 1
  case separator(Unicode.Scalar)
}

/// Maps full-width ASCII (U+FF01–U+FF5E) to ASCII and trims white space.
private func normalizedScalars(_ text: String) -> [Unicode.Scalar] {
  var result: [Unicode.Scalar] = []
  for scalar in text.unicodeScalars {
    if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
      result.append(ascii)
    } else if scalar == "\u{3000}" {
      result.append(" ")
    } else {
      result.append(scalar)
    }
  }
  while let first = result.first, first.properties.isWhitespace { result.removeFirst() }
  while let last = result.last, last.properties.isWhitespace { result.removeLast() }
  return result
}

private struct DateTokenizer {
  var scalars: ArraySlice<Unicode.Scalar>

  mutating func parseEra() -> Era? {
    guard let first = scalars.first else { return nil }
    let ligatures: [Unicode.Scalar: Era] = [
      "\u{337E}": .meiji, "\u{337D}": .taisho, "\u{337C}": .showa, "\u{337B}": .heisei,
      "\u{32FF}": .reiwa,
    ]
    if let era = ligatures[first] {
      scalars.removeFirst()
      return era
    }
    for era in Era.allCases {
      let name = Array(era.name.unicodeScalars)
      if scalars.starts(with: name) {
        scalars.removeFirst(name.count)
        return era
      }
      if let initial = era.initial.unicodeScalars.first,
        first == initial || first.properties.lowercaseMapping == String(initial).lowercased(),
        let second = scalars.dropFirst().first, second == "元" || ("0"..."9").contains(second)
      {
        scalars.removeFirst()
        return era
      }
    }
    return nil
  }

  /// Numbers (at most 4 digits), 元 and the separators - / . 年 月 日; nil on anything else.
  func tokens() -> [DateToken]? {
    var result: [DateToken] = []
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if let digit = asciiDigit(scalar) {
        var value = digit
        var count = 1
        index += 1
        while index < scalars.endIndex, let next = asciiDigit(scalars[index]) {
          count += 1
          guard count <= 4 else { return nil }
          value = value * 10 + next
          index += 1
        }
        result.append(.number(value, digits: count))
        continue
      }
      switch scalar {
      case "元": result.append(.gan)
      case "-", "/", ".", "年", "月", "日": result.append(.separator(scalar))
      default: return nil
      }
      index += 1
    }
    return result
  }

  private func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
    (48...57).contains(scalar.value) ? Int(scalar.value) - 48 : nil
  }
}

/// Splits `year sep month sep day [日]` or `month sep day [日]` into numbers; the separators must
/// be either all the same ASCII one (- / .) or 年 月 (日 optional after the day).
private func components(_ tokens: [DateToken]) -> (first: DateToken, rest: [(Int, Int)])? {
  var tokens = tokens
  var kanji = false
  if tokens.last == .separator("日") {
    tokens.removeLast()
    kanji = true
  }
  guard tokens.count == 3 || tokens.count == 5 else { return nil }
  if case .separator = tokens[0] { return nil }
  var separators: [Unicode.Scalar] = []
  var numbers: [(Int, Int)] = []
  for index in 1..<tokens.count {
    switch tokens[index] {
    case .separator(let s) where index % 2 == 1: separators.append(s)
    case .number(let value, let digits) where index % 2 == 0: numbers.append((value, digits))
    default: return nil
    }
  }
  let expectedKanji: [Unicode.Scalar] = separators.count == 2 ? ["年", "月"] : ["月"]
  if separators == expectedKanji {
    // 年月日 style.
  } else if !kanji, let s = separators.first, "-/.".unicodeScalars.contains(s),
    separators.allSatisfy({ $0 == s })
  {
    // ASCII style; a two-part date only with "/".
    if separators.count == 1 && s != "/" { return nil }
  } else {
    return nil
  }
  guard numbers.allSatisfy({ $0.1 <= 2 }) else { return nil }
  return (tokens[0], numbers)
}

private func westernDate(_ tokens: [DateToken], reference: CivilDate) -> CivilDate? {
  guard let (first, rest) = components(tokens), case .number(let value, let digits) = first else {
    return nil
  }
  if rest.count == 2 {
    guard digits == 4 else { return nil }
    return CivilDate(year: value, month: rest[0].0, day: rest[1].0)
  }
  guard digits <= 2 else { return nil }
  return CivilDate(year: reference.year, month: value, day: rest[0].0)
}

private func eraDate(_ era: Era, _ tokens: [DateToken]) -> CivilDate? {
  guard let (first, rest) = components(tokens), rest.count == 2 else { return nil }
  let eraYear: Int
  switch first {
  case .gan: eraYear = 1
  case .number(let value, let digits) where digits <= 2: eraYear = value
  default: return nil
  }
  guard eraYear >= 1,
    let date = CivilDate(year: era.gregorianYear(eraYear), month: rest[0].0, day: rest[1].0),
    era.contains(date)
  else { return nil }
  return date
}
