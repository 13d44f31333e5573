/// A key for incremental search, so that
/// `foldedForSearch(haystack).contains(foldedForSearch(needle))` ignores:
///
/// - hiragana versus katakana: katakana fold to hiragana (ヴ → ゔ, ヵ → ゕ, ヶ → ゖ, ヽヾ → ゝゞ);
///   ヷヸヹヺ, which have no hiragana, stay katakana, and わゐゑを + a voiced mark fold to them;
/// - full-width versus half-width: full-width ASCII (U+FF01–U+FF5E) and the ideographic space
///   fold to ASCII; half-width katakana fold to full-width (then to hiragana), and a following
///   half-width or combining voiced mark (ﾞﾟ, U+3099, U+309A) is combined into the precomposed
///   kana ("ｶﾞ" → "が", "ﾊﾟ" → "ぱ"); a voiced mark that cannot combine becomes ゛ or ゜;
/// - ASCII letter case: the key is lower-case.
///
/// Everything else is unchanged. Plain lower-case ASCII is returned without rebuilding.
public func foldedForSearch(_ text: String) -> String {
  var needsWork = false
  for byte in text.utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) {
    needsWork = true
    break
  }
  if !needsWork { return text }

  var out = String.UnicodeScalarView()
  var pending: Unicode.Scalar?
  for scalar in text.unicodeScalars {
    let value = scalar.value
    let mark: UInt32
    switch value {
    case 0xFF9E, 0x3099: mark = 0x3099
    case 0xFF9F, 0x309A: mark = 0x309A
    default: mark = 0
    }
    if mark != 0 {
      if let base = pending, let voiced = voicedKana(base.value, mark: mark) {
        pending = voiced
      } else {
        if let base = pending { out.append(base) }
        // A half-width mark becomes its full-width spacing form; a combining one stays.
        let standalone: UInt32 =
          value == 0xFF9E ? 0x309B : value == 0xFF9F ? 0x309C : value
        pending = Unicode.Scalar(standalone)
      }
      continue
    }
    if let base = pending { out.append(base) }
    pending = Unicode.Scalar(foldScalar(value)) ?? scalar
  }
  if let base = pending { out.append(base) }
  return String(out)
}

/// Half-width katakana U+FF66–U+FF9D as full-width katakana.
private let halfWidthKatakana: [UInt16] = [
  0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,  // ｦｧｨｩｪｫｬｭｮｯ
  0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1,  // ｰｱｲｳｴｵｶｷｸｹ
  0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6,  // ｺｻｼｽｾｿﾀﾁﾂﾃ
  0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8,  // ﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍ
  0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9,  // ﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗ
  0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3,  // ﾘﾙﾚﾛﾜﾝ
]

/// Folds one scalar (not a voiced mark) to its search form.
@inline(__always)
private func foldScalar(_ value: UInt32) -> UInt32 {
  if value < 0x80 {
    return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
  }
  switch value {
  case 0xFF01...0xFF5E:
    return foldScalar(value - 0xFEE0)  // full-width ASCII, then lower-case
  case 0x3000:
    return 0x20
  case 0xFF61: return 0x3002  // ｡
  case 0xFF62: return 0x300C  // ｢
  case 0xFF63: return 0x300D  // ｣
  case 0xFF64: return 0x3001  // ､
  case 0xFF65: return 0x30FB  // ･
  case 0xFF66...0xFF9D:
    return foldScalar(UInt32(halfWidthKatakana[Int(value - 0xFF66)]))
  case 0x30A1...0x30F6, 0x30FD, 0x30FE:
    return value - 0x60  // katakana → hiragana
  default:
    return value
  }
}

/// The precomposed form of folded kana `base` + voiced mark (U+3099 dakuten or U+309A
/// handakuten), if there is one.
private func voicedKana(_ base: UInt32, mark: UInt32) -> Unicode.Scalar? {
  let result: UInt32?
  if mark == 0x3099 {
    switch base {
    case 0x304B...0x3062 where base % 2 == 1: result = base + 1  // か … ち
    case 0x3064, 0x3066, 0x3068: result = base + 1  // つ て と
    case 0x306F, 0x3072, 0x3075, 0x3078, 0x307B: result = base + 1  // は ひ ふ へ ほ
    case 0x3046: result = 0x3094  // う → ゔ
    case 0x309D: result = 0x309E  // ゝ → ゞ
    case 0x308F...0x3092: result = base - 0x308F + 0x30F7  // わゐゑを → ヷヸヹヺ
    default: result = nil
    }
  } else {
    switch base {
    case 0x306F, 0x3072, 0x3075, 0x3078, 0x307B: result = base + 2  // ぱ ぴ ぷ ぺ ぽ
    default: result = nil
    }
  }
  return result.flatMap(Unicode.Scalar.init)
}

/// Where `query` occurs in `text`, ignoring what `foldedForSearch` ignores, as ranges of
/// `Character` offsets into `text` (for highlighting). Each character is folded on its own, so
/// a match never starts or ends inside a character.
public func foldedMatches(of query: String, in text: String) -> [Range<Int>] {
  let needle = Array(foldedForSearch(query))
  guard !needle.isEmpty else { return [] }
  // The folded text, and for each folded character the original character it came from.
  var folded: [Character] = []
  var origin: [Int] = []
  for (index, character) in text.enumerated() {
    for foldedCharacter in foldedForSearch(String(character)) {
      folded.append(foldedCharacter)
      origin.append(index)
    }
  }
  guard folded.count >= needle.count else { return [] }
  var matches: [Range<Int>] = []
  var start = 0
  while start + needle.count <= folded.count {
    if folded[start] == needle[0], Array(folded[start..<(start + needle.count)]) == needle {
      matches.append(origin[start]..<(origin[start + needle.count - 1] + 1))
      start += needle.count
    } else {
      start += 1
    }
  }
  return matches
}
