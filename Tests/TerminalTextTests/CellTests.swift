import TerminalText
import Testing

@Test func halfWidthVoicedKanaIsTwoCells() {
  #expect(
    terminalCells("ｶﾞ") == [TerminalCell(text: "ｶ", width: 1), TerminalCell(text: "ﾞ", width: 1)])
}

@Test func combiningMarkJoinsItsBase() {
  #expect(
    terminalCells("e\u{0301}x") == [
      TerminalCell(text: "e\u{0301}", width: 1), TerminalCell(text: "x", width: 1),
    ])
  #expect(terminalCells("か\u{3099}") == [TerminalCell(text: "か\u{3099}", width: 2)])
}

@Test func wideGlyphIsOneCell() {
  #expect(
    terminalCells("小平") == [TerminalCell(text: "小", width: 2), TerminalCell(text: "平", width: 2)])
  #expect(terminalCells("") == [])
}

@Test func orphanZeroWidthGetsNoBreakSpaceBase() {
  #expect(
    terminalCells("\u{0301}\u{0302}a")
      == [
        TerminalCell(text: "\u{00A0}\u{0301}\u{0302}", width: 1), TerminalCell(text: "a", width: 1),
      ])
}

@Test func emojiSequenceCells() {
  // A ZWJ sequence is its first emoji and a one-column marker (tmux 3.3a draws the whole
  // sequence in 2 columns, glibc's wcwidth counts 4).
  #expect(
    terminalCells("👨\u{200D}👩")
      == [TerminalCell(text: "👨", width: 2), TerminalCell(text: "+", width: 1)])
}

@Test func controlsBecomeTheirPlaceholders() {
  let cells = terminalCells("a\u{1B}[2J\u{85}")
  #expect(
    cells.map(\.text) == ["a", "^", "[", "[", "2", "J", "<", "U", "+", "0", "0", "8", "5", ">"])
  #expect(cells.allSatisfy { $0.width == 1 })
  #expect(terminalCells("\u{202E}").map(\.text).joined() == "<U+202E>")
  #expect(terminalCells("a\tb\nc").map(\.text) == ["a", " ", "b", " ", "c"])
}

@Test func cellsAlwaysHaveWidthOneOrTwo() {
  let samples = [
    "小平市をどのような都市に", "ｶﾞｷﾞｸﾞ", "\u{0301}", "e\u{0301}\u{0302}", "\u{0}\u{7F}\u{9F}",
    "😀\u{FE0F}", "\u{200B}\u{200B}", "a\u{2028}b", "\u{FEFF}BOM", "Ａｂｃ①",
  ]
  for sample in samples {
    let cells = terminalCells(sample)
    #expect(cells.allSatisfy { $0.width == 1 || $0.width == 2 }, "\(sample.debugDescription)")
    #expect(cells.allSatisfy { displayWidth($0.text) == $0.width }, "\(sample.debugDescription)")
    // Nothing is lost: the cells spell the sanitised text (plus a base for an orphan mark).
    let joined = cells.map(\.text).joined()
    let clean = sanitized(sample)
    #expect(joined == clean || joined == "\u{00A0}" + clean, "\(sample.debugDescription)")
  }
}

@Test func emojiClustersOfUncertainWidthAreDrawnInACertainForm() {
  let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
  #expect(sanitized(family) == "👨+")
  #expect(terminalCells("a" + family + "b").map(\.text) == ["a", "👨", "+", "b"])
  #expect(displayWidth(sanitized(family)) == 3)
  #expect(sanitized("👍🏽") == "👍")
  #expect(sanitized("☀\u{FE0F}") == "☀")
  #expect(sanitized("🏳\u{FE0F}\u{200D}🌈x") == "🏳+x")
  // A ZWJ outside emoji (Devanagari) and one at the end stay, as a zero-width join.
  #expect(sanitized("क्\u{200D}ष") == "क्\u{200D}ष")
  #expect(sanitized("👨\u{200D}") == "👨\u{200D}")
  // Exports keep the emoji whole.
  #expect(sanitizedControls(family) == family)
  #expect(sanitizedForOutput(family) == family)
}

@Test func aGlyphKeepsEveryScalarOfItsCell() {
  // Up to four scalars inline; more (a pile of marks) in the process's table of such runs.
  for marks in 0...9 {
    let text = "e" + String(repeating: "\u{0301}", count: marks)
    let cells = terminalCells(text + "x")
    #expect(cells.count == 2, "\(marks) marks")
    #expect(cells.first?.text == text, "\(marks) marks")
    var scalars: [Unicode.Scalar] = []
    cells[0].glyph.forEachScalar { scalars.append($0) }
    #expect(scalars == Array(text.unicodeScalars), "\(marks) marks")
  }
  // Equal runs are equal glyphs, and unequal ones are not, inline or not.
  let many = "a\u{0301}\u{0302}\u{0303}\u{0304}\u{0305}"
  #expect(Glyph(many) == Glyph(many))
  #expect(Glyph(many) != Glyph("a\u{0301}\u{0302}\u{0303}\u{0304}\u{0306}"))
  #expect(Glyph("a\u{0301}") != Glyph("a\u{0302}"))
  #expect(Glyph("") == .empty && Glyph.empty.isEmpty && Glyph.empty.text == "")
  #expect(Glyph(" ") == .space && !Glyph.space.isEmpty)
}
