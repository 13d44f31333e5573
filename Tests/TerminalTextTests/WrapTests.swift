import TerminalText
import Testing

/// The sentences of the seed (SEED-NOTES.md): the intro and the three committee comments.
let seedSentences = [
  "市では、限られた財源や人的資源の中で、市民本位の質の高い行政サービスを効果的に提供していくため、「小平市第2次行財政再構築プラン」に基づいた取り組みを進めています。",
  "小平市をどのような都市にしていきたいのかを市民をはじめ外部に広く意見を聴き、進めていく必要があるのではないか。",
  "「R1が続いていることが、結果として市民の意識を高め、地域協働の推進にもつながっているのではないかと、地域協働の推進に係る15項目が、全体としてという状況になっているのかを情報共有する場が必要ではないか。」",
  "地域自治を担うような地区をモデル地区に設定するという方向は、その地区に意欲がある市民に類々あるを得ない側面があることから、意欲の高い人が少ないほかの地区に適用することは難しい。そうした人材を育てる人材育成が重要である。",
  // Not from the seed: exercises …… ‥‥, small kana, iteration marks and half-width kana.
  "検討中……です。ちょっと待って‥‥ください！人々は時々、いすゞのこゝろ。ｶﾞｯｺｳ（学校）ｰﾃﾞｽ。ヴェール、ヵ月。",
]

let noStart: Set<Unicode.Scalar> = Set(
  "）〕］｝〉》」』】)]}。．、，.,・：；:;？！?!ーヽヾゝゞ々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯｰﾞﾟ‐〜゠–～％‰°℃　".unicodeScalars
)
let noEnd: Set<Unicode.Scalar> = Set("（〔［｛〈《「『【([{".unicodeScalars)

/// Checks every rule that must hold when a rule-abiding break exists.
func checkKinsoku(_ text: String, width: Int) {
  let lines = wrapped(text, width: width)
  #expect(lines.map(\.text).joined() == text, "width \(width)")
  for (number, line) in lines.enumerated() {
    let visible = line.text.unicodeScalars.reversed().drop { $0 == " " }
    #expect(visible.reduce(0) { $0 + scalarWidth($1) } <= width, "width \(width): \(line.text)")
    #expect(!line.text.isEmpty)
    let first = line.text.unicodeScalars.first
    let last = line.text.unicodeScalars.last
    if number > 0, let first {
      #expect(!noStart.contains(first), "width \(width): line starts with \(first): \(line.text)")
    }
    if number < lines.count - 1, let last {
      #expect(!noEnd.contains(last), "width \(width): line ends with \(last): \(line.text)")
      #expect(!(line.text.hasSuffix("…") && lines[number + 1].text.hasPrefix("…")))
      #expect(!(line.text.hasSuffix("‥") && lines[number + 1].text.hasPrefix("‥")))
    }
  }
}

@Test(arguments: 10...80)
func seedSentencesFollowKinsokuAtEveryWidth(width: Int) {
  for sentence in seedSentences {
    checkKinsoku(sentence, width: width)
  }
}

@Test func seedSentencesAtNarrowWidthsLoseNothing() {
  for width in -1...9 {
    for sentence in seedSentences {
      let lines = wrapped(sentence, width: width)
      #expect(lines.map(\.text).joined() == sentence)
      for line in lines {
        // At width ≤ 1 a wide glyph stands alone; otherwise every line fits.
        #expect(displayWidth(line.text) <= max(width, 2))
        if displayWidth(line.text) > max(width, 1) {
          #expect(terminalCells(line.text).count == 1)
        }
      }
    }
  }
}

/// Times and ranges as the events write them, with each of the hyphens class (JLReq cl-03)
/// and ～: none may start a line at any width.
@Test(arguments: ["〜", "～", "‐", "–", "゠"])
func noHyphenStartsALine(hyphen: String) {
  let text = "午前10:00\(hyphen)12:00、会場\(hyphen)市民会館。ゲーム\(hyphen)センター\(hyphen)あ"
  for width in 2...30 {
    let lines = wrapped(text, width: width)
    #expect(lines.map(\.text).joined() == text)
    // From 8 columns on, "10:00〜" fits on a line: a rule-abiding break exists (below, the
    // wrapper breaks where it must and loses nothing).
    for line in lines.dropFirst() where width >= 8 {
      #expect(!line.text.hasPrefix(hyphen), "width \(width): \(lines.map(\.text))")
    }
  }
  // The reported case: 10:00 at one line's end, 〜12:00 at the next.
  #expect(
    !wrapped("開場10:00\(hyphen)12:00", width: 12).dropFirst().contains { $0.text.hasPrefix(hyphen) })
}

@Test func abbreviationsStayWithTheirNumber() {
  // ％ may not start a line, ￥ may not end one; the ideographic space may not start one.
  #expect(wrapped("料金は１００％", width: 12).map(\.text) == ["料金は", "１００％"])
  #expect(wrapped("価格￥１００です", width: 8).map(\.text) == ["価格", "￥１００", "です"])
  #expect(wrapped("あいう　えお", width: 6).map(\.text) == ["あい", "う　え", "お"])
  // A pair of dashes is never split.
  #expect(wrapped("あいう――えお", width: 7).map(\.text) == ["あいう", "――えお"])
}

@Test func oidashiPushesTheLastCharacterToTheNextLine() {
  // "。" may not start a line: "え" goes with it.
  #expect(wrapped("あいうえ。", width: 8).map(\.text) == ["あいう", "え。"])
  // Two forbidden characters in a row push out the character before them.
  #expect(wrapped("あいうえ」。", width: 8).map(\.text) == ["あいう", "え」。"])
  // Small kana and the prolonged sound mark stay with the previous kana.
  #expect(wrapped("ビームワーカー", width: 6).map(\.text) == ["ビーム", "ワー", "カー"])
  #expect(wrapped("ちょっと", width: 4).map(\.text) == ["ちょ", "っと"])
  // Too narrow for any rule-abiding break: break anyway, one glyph a line.
  #expect(wrapped("ちょっと", width: 2).map(\.text) == ["ち", "ょ", "っ", "と"])
}

@Test func openingBracketMovesToTheNextLine() {
  #expect(wrapped("あいう「えお」", width: 8).map(\.text) == ["あいう", "「えお」"])
  #expect(wrapped("ab (cd)", width: 4).map(\.text) == ["ab ", "(cd)"])
}

@Test func ellipsisPairsAreNeverSplit() {
  #expect(wrapped("あいうえお……", width: 11).map(\.text) == ["あいうえお", "……"])
  #expect(wrapped("あいうえお‥‥", width: 11).map(\.text) == ["あいうえお", "‥‥"])
}

@Test func halfWidthVoicedMarksStayWithTheirKana() {
  // ｶﾞ is two cells; a line never starts with ﾞ.
  #expect(wrapped("ｱｲｳｴｶﾞ", width: 5).map(\.text) == ["ｱｲｳｴ", "ｶﾞ"])
}

@Test func latinRunsBreakOnlyAtSpacesOrAtJapanese() {
  #expect(wrapped("PDCAサイクルの構築", width: 6).map(\.text) == ["PDCAサ", "イクル", "の構築"])
  #expect(wrapped("PDCAサイクルの構築", width: 5).map(\.text) == ["PDCA", "サイ", "クル", "の構", "築"])
  #expect(wrapped("R1が続いていることが", width: 4).map(\.text) == ["R1が", "続い", "てい", "るこ", "とが"])
  #expect(
    wrapped("R1が続いていることが", width: 3).map(\.text) == [
      "R1", "が", "続", "い", "て", "い", "る", "こ", "と", "が",
    ])
  #expect(
    wrapped("Hello world 東京 2012年8月1日 from 10:00", width: 12).map(\.text)
      == ["Hello world ", "東京 2012年8", "月1日 from ", "10:00"])
  #expect(
    wrapped("Hello world 東京 2012年8月1日 from 10:00", width: 7).map(\.text)
      == ["Hello ", "world ", "東京 ", "2012年8", "月1日 ", "from ", "10:00"])
  // Inner punctuation belongs to the word.
  #expect(wrapped("円周率は3.14です", width: 9).map(\.text) == ["円周率は", "3.14です"])
  #expect(wrapped("連絡はe-mailで", width: 8).map(\.text) == ["連絡は", "e-mailで"])
  // Full-width digits are a number too.
  #expect(wrapped("全体で１５項目", width: 7).map(\.text) == ["全体で", "１５項", "目"])
}

@Test func longWordIsSplitWithAMarkerColumn() {
  let text = "詳細は https://www.city.kodaira.tokyo.jp/kurashi/023/023264.html を参照"
  let lines = wrapped(text, width: 20)
  #expect(lines.map(\.text).joined() == text)
  #expect(
    lines.map(\.text) == [
      "詳細は ", "https://www.city.ko", "daira.tokyo.jp/kura", "shi/023/023264.html ",
      "を参照",
    ])
  #expect(lines.map(\.isSplitWord) == [false, true, true, false, false])
  for line in lines where line.isSplitWord {
    #expect(displayWidth(line.text) <= 19)
  }
  #expect(
    wrapped("abcdefghij", width: 4)
      == [
        WrappedLine(text: "abc", isSplitWord: true), WrappedLine(text: "def", isSplitWord: true),
        WrappedLine(text: "ghij"),
      ])
  // At width 1 there is no room for a marker column: one cell a line.
  #expect(wrapped("abc", width: 1).map(\.text) == ["a", "b", "c"])
  #expect(wrapped("abc", width: 1).map(\.isSplitWord) == [true, true, false])
}

@Test func spacesStayAtTheEndOfTheirLine() {
  #expect(wrapped("abc def", width: 4).map(\.text) == ["abc ", "def"])
  #expect(wrapped("ab   cd", width: 3).map(\.text) == ["ab   ", "cd"])
  #expect(wrapped("abc def", width: 3).map(\.text) == ["abc ", "def"])
}

@Test func wideGlyphsAtWidthOneAndTwo() {
  let text = "小平市っ。「（R1）」ｶﾞ……"
  for width in [-5, 0, 1, 2] {
    let lines = wrapped(text, width: width)
    #expect(lines.map(\.text).joined() == text, "width \(width)")
    for line in lines {
      let columns = displayWidth(line.text)
      #expect(columns <= max(width, 1) || terminalCells(line.text).count == 1, "\(line.text)")
      #expect(columns > 0)
    }
  }
  #expect(wrapped("小平", width: 1).map(\.text) == ["小", "平"])
  #expect(wrapped("小平", width: 0).map(\.text) == ["小", "平"])
  #expect(wrapped("小っ", width: 2).map(\.text) == ["小", "っ"])
}

@Test func hardNewlinesSplitParagraphs() {
  #expect(wrapped("a\n\nb", width: 10).map(\.text) == ["a", "", "b"])
  #expect(wrapped("", width: 10) == [WrappedLine(text: "")])
  #expect(wrapped("abc\n", width: 10).map(\.text) == ["abc", ""])
  #expect(wrapped("\n", width: 10).map(\.text) == ["", ""])
  #expect(wrapped("あいうえお\nかき", width: 4).map(\.text) == ["あい", "うえ", "お", "かき"])
}

@Test func combiningMarksAreNeverSeparated() {
  let text = "e\u{0301}e\u{0301}e\u{0301} か\u{3099}か\u{3099}か\u{3099}"
  let lines = wrapped(text, width: 4)
  #expect(lines.map(\.text) == ["e\u{0301}e\u{0301}e\u{0301} ", "か\u{3099}か\u{3099}", "か\u{3099}"])
}

@Test func longTextWrapsCompletely() {
  let paragraph = String(repeating: seedSentences[3], count: 500)
  let lines = wrapped(paragraph, width: 40)
  #expect(lines.map(\.text).joined() == paragraph)
  #expect(lines.count >= displayWidth(paragraph) / 40)
}
