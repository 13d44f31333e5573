import TerminalText
import Testing

@Test func asciiWidths() {
  #expect(displayWidth("") == 0)
  #expect(displayWidth("Hello, world!") == 13)
  #expect(scalarWidth(" ") == 1)
  #expect(scalarWidth("~") == 1)
}

@Test func cjkAndKanaAreWide() {
  #expect(displayWidth("小平市") == 6)
  #expect(displayWidth("ひらがなカタカナ") == 16)
  #expect(scalarWidth("\u{3000}") == 2)  // ideographic space
  #expect(scalarWidth("ー") == 2)
  #expect(scalarWidth("Ａ") == 2)  // full-width Latin
  #expect(scalarWidth("\u{20B9F}") == 2)  // CJK extension B
  #expect(scalarWidth("한") == 2)
}

@Test func halfWidthKatakanaIsNarrow() {
  #expect(displayWidth("ｶﾞ") == 2)
  #expect(scalarWidth("ｶ") == 1)
  #expect(scalarWidth("ﾞ") == 1)
  #expect(displayWidth("ｺｰﾋｰ") == 4)
}

@Test func combiningMarksAreZeroWidth() {
  #expect(displayWidth("e\u{0301}") == 1)
  #expect(scalarWidth("\u{0301}") == 0)
  #expect(scalarWidth("\u{3099}") == 0)  // combining dakuten
  #expect(displayWidth("か\u{3099}") == 2)
  #expect(scalarWidth("\u{200B}") == 0)  // zero width space
  #expect(scalarWidth("\u{200D}") == 0)  // zero width joiner
  #expect(scalarWidth("\u{FEFF}") == 0)
  #expect(scalarWidth("\u{1160}") == 0)  // Hangul medial vowel filler
  #expect(scalarWidth("\u{FE0F}") == 0)  // variation selector 16
}

@Test func ambiguousSymbolsAreNarrow() {
  for scalar in "○●▲▼■□※①◎△▽─│┌┐└┘├┤£§°±×÷αβ".unicodeScalars {
    #expect(scalarWidth(scalar) == 1, "U+\(String(scalar.value, radix: 16))")
  }
}

@Test func emojiWidthsMatchTmux() {
  #expect(scalarWidth("😀") == 2)
  #expect(scalarWidth("👍") == 2)
  #expect(scalarWidth("☀") == 1)
  // Measured in tmux 3.3a: ☀️ (with VS16) takes 1 column, 👍🏽 takes 4.
  #expect(displayWidth("☀\u{FE0F}") == 1)
  #expect(displayWidth("👍\u{1F3FD}") == 4)
}

@Test func controlsAndUnassignedAreZero() {
  for value: UInt32 in [0x00, 0x07, 0x0A, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F] {
    #expect(scalarWidth(Unicode.Scalar(value)!) == 0, "U+\(String(value, radix: 16))")
  }
  // wcwidth() returns -1 for these; tmux 3.3a advanced the cursor by 0 for each (measured
  // with `tmux display -p '#{cursor_x}'`).
  #expect(scalarWidth("\u{0378}") == 0)
  #expect(scalarWidth("\u{2028}") == 0)
  #expect(scalarWidth("\u{10FFFF}") == 0)
  // Private use: 1 in glibc and tmux. Soft hyphen: 1 in glibc and tmux.
  #expect(scalarWidth("\u{E000}") == 1)
  #expect(scalarWidth("\u{00AD}") == 1)
}

@Test func displayWidthWorksOnSubstrings() {
  let text = "市報こだいら 2012"
  let slice = text[text.startIndex..<text.index(text.startIndex, offsetBy: 6)]
  #expect(displayWidth(slice) == 12)
}
