import Foundation
import Testing

@testable import ShinchokuViewModel

/// The terminals the app is tested under, as `TERM` names them.
let testedTerminals = [
  "xterm-256color", "screen-256color", "tmux-256color", "rxvt-unicode-256color", "linux", "vt220",
]

/// The terminfo capability of each key the app knows, and the key.
let keyCapabilities: [(String, Key)] =
  [
    ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("khome", .home),
    ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown), ("kich1", .insert), ("kdch1", .delete),
    ("kcbt", .backTab), ("kbs", .backspace), ("kent", .enter), ("kfnd", .home), ("kslt", .end),
  ] + (1...12).map { ("kf\($0)", Key.function($0)) }

/// What terminals send that their terminfo entry does not list (or lists under another TERM):
/// the other cursor mode, other terminals' Home/End, the other Backspace.
let knownForms: [(String, [UInt8], Key)] = [
  ("xterm/VTE normal cursor mode Up", esc("[A"), .up),
  ("xterm/VTE normal cursor mode Down", esc("[B"), .down),
  ("xterm/VTE normal cursor mode Right", esc("[C"), .right),
  ("xterm/VTE normal cursor mode Left", esc("[D"), .left),
  ("xterm/VTE normal cursor mode Home", esc("[H"), .home),
  ("xterm/VTE normal cursor mode End", esc("[F"), .end),
  ("xterm/VTE application mode Home", esc("OH"), .home),
  ("xterm/VTE application mode End", esc("OF"), .end),
  ("tmux/screen/Linux Home (also VT220 Find)", esc("[1~"), .home),
  ("tmux/screen/Linux End (also VT220 Select)", esc("[4~"), .end),
  ("rxvt Home", esc("[7~"), .home),
  ("rxvt End", esc("[8~"), .end),
  ("rxvt/old xterm F1", esc("[11~"), .function(1)),
  ("rxvt/old xterm F4", esc("[14~"), .function(4)),
  ("Linux console F1", esc("[[A"), .function(1)),
  ("Linux console F5", esc("[[E"), .function(5)),
  ("Shift-Tab (xterm, tmux, rxvt, VTE)", esc("[Z"), .backTab),
  ("Shift-Tab (Linux console)", [0x1B, 0x09], .backTab),
  ("Backspace as ^?", [0x7F], .backspace),
  ("Backspace as ^H", [0x08], .backspace),
  ("keypad Enter in application mode", esc("OM"), .enter),
  ("keypad 5 in application mode", esc("Ou"), .character("5")),
  ("an explicit no-modifier parameter", esc("[1;1A"), .up),
  ("an explicit no-modifier parameter on ~", esc("[3;1~"), .delete),
]

/// Sequences no key of the app is sent by: each must vanish whole.
let unknownSequences: [(String, [UInt8])] = [
  ("Ctrl-Right (xterm modifiers)", esc("[1;5C")),
  ("Shift-Home", esc("[1;2H")),
  ("Ctrl-Delete", esc("[3;5~")),
  ("Shift-F5", esc("[15;2~")),
  ("Shift-F1 (xterm)", esc("[1;2P")),
  ("old xterm modified F1", esc("O2P")),
  ("rxvt Ctrl-Up", esc("Oa")),
  ("rxvt Shift-Insert", esc("[2$")),
  ("rxvt Ctrl-Insert", esc("[2^")),
  ("rxvt Ctrl-Shift-Insert", esc("[2@")),
  ("F13 (rxvt Shift-F3)", esc("[25~")),
  ("F20", esc("[34~")),
  ("keypad 5 (xterm normal mode)", esc("[E")),
  ("focus in", esc("[I")),
  ("focus out", esc("[O")),
  ("bracketed paste start", esc("[200~")),
  ("bracketed paste end", esc("[201~")),
  ("device attributes reply", esc("[?62;22c")),
  ("cursor position report", esc("[12;40R")),
  ("SGR mouse report", esc("[<0;10;5M")),
  ("X10 mouse report", esc("[M") + [0x20, 0x41, 0x42]),
  ("kitty key report", esc("[97;5u")),
  ("OSC colour reply ended by BEL", esc("]11;rgb:0000/0000/0000") + [0x07]),
  ("OSC ended by ST", esc("]52;c;aGVsbG8=") + esc("\\")),
  ("DCS reply", esc("P1$r0m") + esc("\\")),
  ("APC string", esc("_Gi=1;OK") + esc("\\")),
]

func esc(_ text: String) -> [UInt8] { [0x1B] + Array(text.utf8) }

/// A terminfo string value as `infocmp` prints it (`\E`, `^X`, `\\`, `\,`, octal …) in bytes.
func terminfoBytes(_ text: String) -> [UInt8] {
  var out: [UInt8] = []
  var chars = Array(text.utf8)[...]
  while let c = chars.popFirst() {
    if c == UInt8(ascii: "^"), let next = chars.popFirst() {
      out.append(next == UInt8(ascii: "?") ? 0x7F : next & 0x1F)
    } else if c == UInt8(ascii: "\\"), let next = chars.popFirst() {
      switch next {
      case UInt8(ascii: "E"), UInt8(ascii: "e"): out.append(0x1B)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "s"): out.append(0x20)
      case UInt8(ascii: "0")...UInt8(ascii: "7"):
        var value = Int(next - UInt8(ascii: "0"))
        for _ in 0..<2 {
          guard let d = chars.first, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(d) else {
            break
          }
          value = value * 8 + Int(d - UInt8(ascii: "0"))
          chars.removeFirst()
        }
        out.append(UInt8(value & 0xFF))
      default: out.append(next)
      }
    } else {
      out.append(c)
    }
  }
  return out
}

/// The key capabilities of `term` on this machine, from `infocmp -1`.
func terminfoKeys(_ term: String) throws -> [String: [UInt8]] {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["infocmp", "-1", term]
  let pipe = Pipe()
  process.standardOutput = pipe
  try process.run()
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "infocmp \(term)"])
  }
  var caps: [String: [UInt8]] = [:]
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    let entry = line.trimmingCharacters(in: .whitespaces)
    guard entry.hasSuffix(","), let eq = entry.firstIndex(of: "=") else { continue }
    let name = String(entry[..<eq])
    let value = String(entry[entry.index(after: eq)..<entry.index(before: entry.endIndex)])
    caps[name] = terminfoBytes(value)
  }
  return caps
}

@Suite struct KeySequenceTests {
  /// Every key capability of every tested terminal, as this machine's terminfo lists it, decodes
  /// to its key (whatever TERM the app itself runs under): 6 terminals, up to 27 keys each.
  @Test(arguments: testedTerminals)
  func everyTerminfoKeyDecodes(term: String) throws {
    let caps = try terminfoKeys(term)
    var checked = 0
    for (name, key) in keyCapabilities {
      guard let bytes = caps[name] else { continue }
      #expect(KeySequenceParser.keys(in: bytes) == [key], "\(term) \(name) = \(bytes)")
      // Arriving in a burst with other keys changes nothing.
      #expect(
        KeySequenceParser.keys(in: Array("x".utf8) + bytes + Array("q".utf8))
          == [.character("x"), key, .character("q")], "\(term) \(name) between characters")
      checked += 1
    }
    // Each entry lists the arrows, PgUp/PgDn, Insert/Delete, Backspace and F1–F4, F6–F12.
    #expect(checked >= 21, "\(term): only \(checked) key capabilities found")
  }

  @Test func homeDiffersAcrossTheTerminals() throws {
    // Home and End for each terminal: listed in its entry, or one of the known forms.
    var homes: Set<[UInt8]> = []
    for term in testedTerminals {
      let caps = try terminfoKeys(term)
      if let home = caps["khome"] { homes.insert(home) }
    }
    #expect(homes == [esc("OH"), esc("[1~"), esc("[7~")])
  }

  @Test(arguments: knownForms.indices)
  func knownNonTerminfoForms(index: Int) {
    let (name, bytes, key) = knownForms[index]
    #expect(KeySequenceParser.keys(in: bytes) == [key], "\(name)")
  }

  @Test(arguments: unknownSequences.indices)
  func unknownSequencesAreSwallowedWhole(index: Int) {
    let (name, bytes) = unknownSequences[index]
    #expect(KeySequenceParser.keys(in: bytes) == [], "\(name)")
    // Nothing leaks before or after it: not Esc, not its letters.
    #expect(
      KeySequenceParser.keys(in: Array("a".utf8) + bytes + Array("q".utf8))
        == [.character("a"), .character("q")], "\(name)")
    // Even when a known key follows at once.
    #expect(KeySequenceParser.keys(in: bytes + esc("[1~")) == [.home], "\(name)")
  }

  @Test func theReportedBugHomeAndEndUnderTmuxAreNotEscPlusLetters() {
    let keys = KeySequenceParser.keys(in: esc("[6~") + esc("[6~") + esc("[1~") + esc("[4~"))
    #expect(keys == [.pageDown, .pageDown, .home, .end])
    #expect(!keys.contains(.escape))
  }

  @Test func aLoneEscIsEscOnceTheDelayIsOver() {
    var parser = KeySequenceParser()
    #expect(parser.push(0x1B) == [])
    #expect(parser.isPending)
    #expect(parser.flush() == [.escape])
    #expect(!parser.isPending)
  }

  @Test func escThenACharacterIsEscThenTheCharacter() {
    // Alt-q, or Esc and q typed within the delay; Esc Esc is two Escs.
    #expect(KeySequenceParser.keys(in: Array("\u{1B}q".utf8)) == [.escape, .character("q")])
    #expect(
      KeySequenceParser.keys(in: [0x1B, 0x1B, UInt8(ascii: "c")] as [UInt8])
        == [.escape, .escape, .character("c")])
    #expect(KeySequenceParser.keys(in: [0x1B] + esc("[A")) == [.escape, .up])
    #expect(KeySequenceParser.keys(in: [0x1B, 0x7F] as [UInt8]) == [.escape, .backspace])
  }

  @Test func aSequenceCutOffByTheDelayIsSwallowed() {
    // The rest never came within the delay: what came is dropped, nothing is read as letters.
    for prefix in [
      esc("["), esc("[1"), esc("[1;5"), esc("O"), esc("]11;rgb:00"), esc("[["), esc("[M!"),
    ] {
      var parser = KeySequenceParser()
      for byte in prefix { #expect(parser.push(UInt32(byte)) == []) }
      #expect(parser.flush() == [], "\(prefix)")
      #expect(parser.push(UInt32(UInt8(ascii: "q"))) == [.character("q")])
    }
  }

  @Test func keysAreReportedAsSoonAsTheirLastByteArrives() {
    var parser = KeySequenceParser()
    for byte in esc("[5") { #expect(parser.push(UInt32(byte)) == []) }
    #expect(parser.push(UInt32(UInt8(ascii: "~"))) == [.pageUp])
    #expect(!parser.isPending)
  }

  @Test func aControlCharacterInsideASequenceEndsItAndCounts() {
    // A sequence broken by a control or by a new Esc: the broken part goes, the rest is read.
    #expect(KeySequenceParser.keys(in: esc("[1") + [0x09]) == [.tab])
    #expect(KeySequenceParser.keys(in: esc("[1") + esc("[B")) == [.down])
    #expect(KeySequenceParser.keys(in: esc("]0;title") + esc("[A")) == [.up])
  }

  @Test func anEndlessStringIsCutAtItsLimit() {
    let bytes = esc("]") + Array(repeating: UInt8(ascii: "x"), count: 5000)
    let keys = KeySequenceParser.keys(in: bytes)
    // The first 4096 characters are swallowed; what follows is just text.
    #expect(keys.count == bytes.count - KeySequenceParser.longest)
    #expect(keys.allSatisfy { $0 == .character("x") })
  }

  @Test func textAndControlsOutsideSequences() {
    let scalars: [UInt32] = Array("a進".unicodeScalars.map(\.value)) + [9, 13, 10, 3, 0, 0x85]
    #expect(
      KeySequenceParser.keys(in: scalars)
        == [.character("a"), .character("進"), .tab, .enter, .enter, .control("c")])
  }

  @Test func escapeDelayComesFromESCDELAY() {
    #expect(KeySequenceParser.escapeDelay(environment: nil) == 25)
    #expect(KeySequenceParser.escapeDelay(environment: "100") == 100)
    #expect(KeySequenceParser.escapeDelay(environment: "0") == 0)
    #expect(KeySequenceParser.escapeDelay(environment: "") == 25)
    #expect(KeySequenceParser.escapeDelay(environment: "fast") == 25)
    #expect(KeySequenceParser.escapeDelay(environment: "-5") == 25)
    #expect(KeySequenceParser.escapeDelay(environment: "99999") == 25)
  }
}
