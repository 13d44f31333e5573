import Foundation
import TerminalText
import Testing

/// Inputs the fuzzer (Tests/Fuzz) found, kept in Tests/Fuzz/Regressions and replayed here with
/// the fuzz target's invariants.
let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")

/// The `text` fuzz target's check: the first byte gives the width, the rest is the text.
func checkTextInvariants(_ bytes: Data) {
  guard let first = bytes.first else { return }
  let width = Int(first) % 40 - 2
  let text = sanitized(String(decoding: bytes.dropFirst(), as: UTF8.self), keepingLineBreaks: true)
  for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
    let lines = wrapped(String(paragraph), width: width)
    #expect(lines.map(\.text).joined() == paragraph)
    for line in lines {
      // Trailing U+0020s may overhang, counted as scalars: a space after a prepended mark
      // (U+0600–0605) is in the mark's grapheme, but the terminal still shows a space.
      var visible = Substring(line.text)
      while visible.unicodeScalars.last == " " { visible.unicodeScalars.removeLast() }
      #expect(
        displayWidth(visible) <= max(width, 1) || terminalCells(visible).count == 1,
        "'\(line.text)' at width \(width)")
    }
  }
}

/// A combining mark on a space made the space visible, but it still overhung the width as
/// trailing spaces may ("^D` ٟ" at width 3 gave a line 4 columns wide).
@Test func aMarkOnASpaceDoesNotOverhang() throws {
  checkTextInvariants(
    try Data(contentsOf: regressions.appendingPathComponent("text-mark-on-space")))
  for line in wrapped("ab \u{0301}", width: 2) {
    #expect(displayWidth(line.text.trimmingSuffix(" ")) <= 2)
  }
}

extension String {
  fileprivate func trimmingSuffix(_ character: Character) -> Substring {
    var s = Substring(self)
    while s.last == character { s.removeLast() }
    return s
  }
}

/// A space after U+0601 (an Arabic number sign, which grapheme rules join to what follows) was
/// taken for part of a visible character by the check, not by the wrapper: the line
/// "~߹�؁ " at width 4 ends with a space the terminal shows as one, which may overhang.
@Test func aSpaceAfterAPrependedMarkMayOverhang() throws {
  checkTextInvariants(
    try Data(contentsOf: regressions.appendingPathComponent("text-prepend-before-space")))
  let lines = wrapped("~\u{07F9}\u{FFFD}\u{0601} /", width: 4)
  #expect(lines.map(\.text) == ["~\u{07F9}\u{FFFD}\u{0601} ", "/"])
  #expect(displayWidth("~\u{07F9}\u{FFFD}\u{0601}") == 4)
}
