import TerminalText
import Testing

@Test func plainTextIsUnchanged() {
  let plain = "小平市 PDCAサイクル e\u{0301} 😀 \u{200D}\u{FEFF}"
  #expect(sanitized(plain) == plain)
  #expect(sanitized(plain, keepingLineBreaks: true) == plain)
  #expect(sanitized("") == "")
}

@Test func c0ControlsUseCaretNotation() {
  #expect(sanitized("\u{00}") == "^@")
  #expect(sanitized("a\u{07}b") == "a^Gb")
  #expect(sanitized("\u{08}") == "^H")
  #expect(sanitized("\u{0C}") == "^L")
  #expect(sanitized("\u{1B}") == "^[")
  #expect(sanitized("\u{1F}") == "^_")
  #expect(sanitized("\u{7F}") == "^?")
  // Every C0 control except TAB, LF, CR becomes two printable ASCII characters.
  for value in UInt32(0)..<0x20 where value != 0x09 && value != 0x0A && value != 0x0D {
    let result = sanitized(String(Unicode.Scalar(value)!))
    #expect(result.unicodeScalars.map(\.value) == [0x5E, value + 0x40])
  }
}

@Test func escapeSequencesAreDefused() {
  #expect(sanitized("\u{1B}]0;title\u{07}") == "^[]0;title^G")
  #expect(sanitized("\u{1B}[2J") == "^[[2J")
  #expect(sanitized("x\u{1B}[31mred\u{1B}[0m") == "x^[[31mred^[[0m")
}

@Test func tabsAndLineBreaks() {
  #expect(sanitized("a\tb") == "a b")
  #expect(sanitized("a\nb") == "a b")
  #expect(sanitized("a\rb") == "a b")
  #expect(sanitized("a\r\nb") == "a b")
  #expect(sanitized("a\nb", keepingLineBreaks: true) == "a\nb")
  #expect(sanitized("a\r\nb\rc\n", keepingLineBreaks: true) == "a\nbc\n")
  #expect(sanitized("\r\n\r\n", keepingLineBreaks: true) == "\n\n")
}

@Test func c1ControlsBecomePlaceholders() {
  #expect(sanitized("\u{85}") == "<U+0085>")
  #expect(sanitized("a\u{9B}2J") == "a<U+009B>2J")  // 8-bit CSI
  #expect(sanitized("\u{80}\u{9F}") == "<U+0080><U+009F>")
}

@Test func bidiControlsBecomePlaceholders() {
  let expected: [(String, String)] = [
    ("\u{202A}", "<U+202A>"), ("\u{202B}", "<U+202B>"), ("\u{202C}", "<U+202C>"),
    ("\u{202D}", "<U+202D>"), ("\u{202E}", "<U+202E>"), ("\u{2066}", "<U+2066>"),
    ("\u{2067}", "<U+2067>"), ("\u{2068}", "<U+2068>"), ("\u{2069}", "<U+2069>"),
    ("\u{200E}", "<U+200E>"), ("\u{200F}", "<U+200F>"), ("\u{061C}", "<U+061C>"),
    ("\u{2028}", "<U+2028>"), ("\u{2029}", "<U+2029>"),
  ]
  for (input, output) in expected {
    #expect(sanitized("abc" + input + "def") == "abc" + output + "def")
  }
  #expect(sanitized("file\u{202E}txt.exe") == "file<U+202E>txt.exe")
}

@Test func harmlessZeroWidthFormatCharactersStay() {
  for scalar in ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"] {
    #expect(sanitized("a" + scalar + "b") == "a" + scalar + "b")
  }
}

@Test func resultNeverContainsControls() {
  var all = String.UnicodeScalarView()
  for value: UInt32 in 0..<0x3000 {
    if let scalar = Unicode.Scalar(value) { all.append(scalar) }
  }
  let text = String(all)
  for keep in [false, true] {
    let result = sanitized(text, keepingLineBreaks: keep)
    for scalar in result.unicodeScalars {
      let value = scalar.value
      let isLineFeed = value == 0x0A
      #expect(isLineFeed ? keep : value >= 0x20, "U+\(String(value, radix: 16))")
      #expect(!(0x7F...0x9F).contains(value), "U+\(String(value, radix: 16))")
      #expect(!(0x202A...0x202E).contains(value) && !(0x2066...0x2069).contains(value))
      #expect(![0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value))
    }
    // Sanitising is idempotent.
    #expect(sanitized(result, keepingLineBreaks: keep) == result)
  }
}
