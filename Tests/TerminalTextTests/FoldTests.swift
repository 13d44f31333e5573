import TerminalText
import Testing

@Test func katakanaFoldsToHiragana() {
  #expect(foldedForSearch("カタカナ") == "かたかな")
  #expect(foldedForSearch("ビームワーカー") == "びーむわーかー")
  #expect(foldedForSearch("ヴ") == "ゔ")
  #expect(foldedForSearch("ヵヶ") == "ゕゖ")
  #expect(foldedForSearch("ヽヾ") == "ゝゞ")
  #expect(foldedForSearch("ひらがな") == "ひらがな")
}

@Test func halfWidthKatakanaFoldsWithItsVoicedMark() {
  #expect(foldedForSearch("ｶﾞ") == "が")
  #expect(foldedForSearch("ﾊﾟﾋﾞ") == "ぱび")
  #expect(foldedForSearch("ｳﾞ") == "ゔ")
  #expect(foldedForSearch("ｺｰﾋｰ") == "こーひー")
  #expect(foldedForSearch("ｶﾞｯｺｳ") == "がっこう")
  #expect(foldedForSearch("ｦﾝ") == "をん")
  #expect(foldedForSearch("ﾜﾞ") == "ヷ")
  #expect(foldedForSearch("ヷ") == "ヷ")
  // A mark with nothing to combine with stays visible.
  #expect(foldedForSearch("ﾞ") == "゛")
  #expect(foldedForSearch("aﾟ") == "a゜")
  #expect(foldedForSearch("ﾏﾞ") == "ま゛")
}

@Test func combiningVoicedMarksCompose() {
  #expect(foldedForSearch("か\u{3099}") == "が")
  #expect(foldedForSearch("ハ\u{309A}") == "ぱ")
  #expect(foldedForSearch("ア\u{3099}") == "あ\u{3099}")
}

@Test func fullWidthAsciiAndCase() {
  #expect(foldedForSearch("ＰＤＣＡ") == "pdca")
  #expect(foldedForSearch("PDCA") == "pdca")
  #expect(foldedForSearch("ｐｄｃａ１５") == "pdca15")
  #expect(foldedForSearch("Ｒ１") == "r1")
  #expect(foldedForSearch("already lower 123") == "already lower 123")
  #expect(foldedForSearch("ＡＢＣ\u{3000}ｄｅｆ") == "abc def")
  #expect(foldedForSearch("｢ｺ｣､｡･") == "「こ」、。・")
}

@Test func searchMatchesInBothDirections() {
  let pairs: [(String, String)] = [
    ("東京都出前科学教室 ビームワーカー", "ﾋﾞｰﾑ"),
    ("ﾋﾞｰﾑﾜｰｶｰ", "びーむ"),
    ("PDCAサイクルの構築", "ｐｄｃａさいくる"),
    ("ＰＤＣＡｻｲｸﾙ", "pdcaサイクル"),
    ("ｶﾞｯｺｳ", "ガッコウ"),
    ("がっこう", "ｶﾞｯｺｳ"),
  ]
  for (haystack, needle) in pairs {
    #expect(foldedForSearch(haystack).contains(foldedForSearch(needle)), "\(haystack) / \(needle)")
    #expect(
      foldedForSearch(needle).contains(foldedForSearch(String(needle.prefix(1)))),
      "\(needle)")
  }
  #expect(!foldedForSearch("がっこう").contains(foldedForSearch("ｶｯｺｳ")))
  #expect(!foldedForSearch("ぱ").contains(foldedForSearch("ば")))
}

@Test func matchesAreFoundAcrossKanaAndWidthAndMapBackToCharacters() {
  #expect(foldedMatches(of: "ちいき", in: "地域協働のチイキ推進") == [5..<8])
  #expect(foldedMatches(of: "ガイド", in: "ｶﾞｲﾄﾞ付き") == [0..<3])
  #expect(foldedMatches(of: "pdca", in: "ＰＤＣＡサイクルとPDCA") == [0..<4, 9..<13])
  #expect(foldedMatches(of: "", in: "abc").isEmpty)
  #expect(foldedMatches(of: "xyz", in: "abc").isEmpty)
  #expect(foldedMatches(of: "aa", in: "aaaa") == [0..<2, 2..<4])
}
