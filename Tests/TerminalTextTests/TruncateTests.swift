import TerminalText
import Testing

@Test func fittingTextIsUnchanged() {
  #expect(truncated("小平市", toWidth: 6) == "小平市")
  #expect(truncated("abc", toWidth: 10) == "abc")
  #expect(truncated("", toWidth: 0) == "")
  #expect(truncated("e\u{0301}", toWidth: 1) == "e\u{0301}")
}

@Test func truncatesWithEllipsis() {
  #expect(truncated("abcdef", toWidth: 4) == "abc…")
  #expect(truncated("小平市", toWidth: 5) == "小平…")
  #expect(truncated("abcdef", toWidth: 4, ellipsis: "...") == "a...")
  #expect(truncated("abcdef", toWidth: 4, ellipsis: "") == "abcd")
}

@Test func wideGlyphAtTheEdgeIsNotHalved() {
  // 4 columns: "小" (2) + "…" (1) = 3; "小平" would need 5.
  #expect(truncated("小平市", toWidth: 4) == "小…")
  #expect(truncated("a小平", toWidth: 4) == "a小…")
  #expect(truncated("ab小平", toWidth: 4) == "ab…")
  #expect(truncated("小平市", toWidth: 2) == "…")
}

@Test func combiningMarksStayWithTheirBase() {
  let text = "e\u{0301}e\u{0301}e\u{0301}"
  #expect(truncated(text, toWidth: 2) == "e\u{0301}…")
}

@Test func tooNarrowForTheEllipsis() {
  #expect(truncated("abc", toWidth: 1) == "…")
  #expect(truncated("abc", toWidth: 0) == "")
  #expect(truncated("abc", toWidth: -3) == "")
  #expect(truncated("abcdef", toWidth: 2, ellipsis: "...") == "  ")
  #expect(truncated("小平市", toWidth: 1, ellipsis: "……") == " ")
}

@Test func neverExceedsTheWidth() {
  let samples = ["小平市第2次行財政再構築プラン", "ｶﾞｷﾞ and e\u{0301}", "😀😀a😀", "abc"]
  for sample in samples {
    for width in 0...30 {
      for ellipsis in ["…", "...", "", "→"] {
        let result = truncated(sample, toWidth: width, ellipsis: ellipsis)
        #expect(displayWidth(result) <= max(width, 0), "\(sample) \(width) \(ellipsis)")
        if displayWidth(sample) > width && width >= displayWidth(ellipsis) {
          #expect(result.hasSuffix(ellipsis))
          let kept = result.unicodeScalars.dropLast(ellipsis.unicodeScalars.count)
          #expect(sample.unicodeScalars.starts(with: kept))
        }
      }
    }
  }
}

@Test func hugeInputIsCutToTheWidth() {
  let huge = String(repeating: "東京都出前科学教室", count: 200_000)
  #expect(truncated(huge, toWidth: 20) == "東京都出前科学教室…")
  #expect(displayWidth(padded(huge, toWidth: 7)) == 7)
}

@Test func paddingAlignsToExactWidth() {
  #expect(padded("ab", toWidth: 5) == "ab   ")
  #expect(padded("ab", toWidth: 5, alignment: .trailing) == "   ab")
  #expect(padded("ab", toWidth: 5, alignment: .center) == " ab  ")
  #expect(padded("小平", toWidth: 6, alignment: .center) == " 小平 ")
  #expect(padded("小平市", toWidth: 5) == "小平…")
  #expect(padded("小平市", toWidth: 4) == "小… ")
  #expect(padded("小平市", toWidth: 4, alignment: .trailing) == " 小…")
  #expect(padded("abc", toWidth: 0) == "")
  #expect(padded("", toWidth: 3) == "   ")
}

@Test func paddedIsAlwaysExactlyTheWidth() {
  for sample in ["小平市", "ｶﾞ", "e\u{0301}xyz", "", "😀a"] {
    for width in 0...12 {
      for alignment in [TextAlignment.leading, .trailing, .center] {
        #expect(displayWidth(padded(sample, toWidth: width, alignment: alignment)) == width)
      }
    }
  }
}

@Test func cappedCutsOnlyLongText() {
  #expect(capped("短い") == "短い")
  let long = String(repeating: "あ", count: 100_000)
  let cut = capped(long)
  #expect(cut.count == displayCharacterLimit + 1 && cut.hasSuffix("…"))
  #expect(capped("abcdef", to: 6) == "abcdef")
  #expect(capped("abcdefg", to: 6) == "abcdef…")
}
