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
      var visible = Substring(line.text)
      while visible.last == " " { visible.removeLast() }
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
