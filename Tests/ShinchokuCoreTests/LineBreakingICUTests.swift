import Foundation
import ShinchokuCore
import Testing

@testable import TerminalText

#if canImport(Glibc)
  import Glibc
#endif

/// ICU's line breaking (`ubrk`, locale `ja@lb=strict`), from the ICU that Foundation on Linux
/// carries (`lib_FoundationICU`, its functions named `swift_ubrk_*`), looked up at run time.
struct ICULineBreaker {
  private typealias Open =
    @convention(c) (
      Int32, UnsafePointer<CChar>?, UnsafePointer<UInt16>?, Int32, UnsafeMutablePointer<Int32>?
    ) -> OpaquePointer?
  private typealias Step = @convention(c) (OpaquePointer?) -> Int32
  private typealias Close = @convention(c) (OpaquePointer?) -> Void
  private let open: Open
  private let first: Step
  private let next: Step
  private let close: Close

  init() throws {
    // Foundation is loaded in this process; its ICU library with it (or load it by name).
    var handle = dlopen(nil, RTLD_NOW)
    if dlsym(handle, "swift_ubrk_open") == nil { handle = dlopen("lib_FoundationICU.so", RTLD_NOW) }
    func symbol(_ name: String) throws -> UnsafeMutableRawPointer {
      guard let pointer = dlsym(handle, name) else {
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "no \(name)"])
      }
      return pointer
    }
    open = unsafeBitCast(try symbol("swift_ubrk_open"), to: Open.self)
    first = unsafeBitCast(try symbol("swift_ubrk_first"), to: Step.self)
    next = unsafeBitCast(try symbol("swift_ubrk_next"), to: Step.self)
    close = unsafeBitCast(try symbol("swift_ubrk_close"), to: Close.self)
  }

  /// The break opportunities inside `text` (not at its start or end), as UTF-16 offsets.
  func breaks(_ text: String) throws -> Set<Int> {
    let units = Array(text.utf16)
    var status: Int32 = 0
    let lineBreaks: Int32 = 2  // UBRK_LINE
    let iterator = open(lineBreaks, "ja@lb=strict", units, Int32(units.count), &status)
    guard status <= 0, let iterator else {
      throw CocoaError(
        .featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "ubrk_open \(status)"])
    }
    defer { close(iterator) }
    var found: Set<Int> = []
    var position = first(iterator)
    while position != -1 {
      if position > 0 && Int(position) < units.count { found.insert(Int(position)) }
      position = next(iterator)
    }
    return found
  }
}

/// The wrapper's break opportunities inside `text`, as UTF-16 offsets: between two cells where
/// `canBreak` allows it (cells as the wrapper makes them: a zero-width scalar joins the cell
/// before it).
func wrapperBreaks(_ text: String) -> Set<Int> {
  var cells: [(offset: Int, cls: BreakClass)] = []
  var offset = 0
  for scalar in text.unicodeScalars {
    if scalarWidth(scalar) > 0 || cells.isEmpty {
      cells.append((offset, breakClass(of: scalar)))
    } else if cells[cells.count - 1].cls.contains(.space) {
      cells[cells.count - 1].cls = .word
    }
    offset += scalar.utf16.count
  }
  var found: Set<Int> = []
  for i in cells.indices.dropFirst() where canBreak(between: cells[i - 1].cls, and: cells[i].cls) {
    found.insert(cells[i].offset)
  }
  return found
}

/// The project's real paragraphs: the seed's lines and every text of Data/ a pane wraps.
func projectParagraphs() throws -> [String] {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let data = try DatasetLoader().load(directory: root.appendingPathComponent("Data").path)
  var texts: [String] = []
  texts += data.comments.map(\.text)
  texts += data.comments.flatMap { $0.corrections.map(\.note) }.compactMap { $0 }
  for event in data.events {
    texts += [event.title, event.subtitle, event.notes, event.inferenceNote].compactMap { $0 }
    texts += event.venues
    texts += event.fees.compactMap(\.note)
  }
  texts += data.programmes.flatMap { [$0.title, $0.notes].compactMap { $0 } }
  let seed = try String(
    contentsOf: root.appendingPathComponent("Tests/Fixtures/seed/000_58d68f8464361567.txt"),
    encoding: .utf8)
  texts += seed.split(separator: "\n").map(String.init)
  var seen: Set<String> = []
  return texts.map { $0.trimmingCharacters(in: .whitespaces) }
    .filter { $0.unicodeScalars.count > 1 && seen.insert($0).inserted }
}

/// Where the wrapper and ICU's `ja@lb=strict` disagree, between two Japanese characters
/// (`あXあ`): for each character, whether each allows a break before and after it, and why the
/// wrapper keeps its own rule.
let explainedDifferences:
  [Unicode.Scalar: (
    ours: (before: Bool, after: Bool), icu: (before: Bool, after: Bool), why: String
  )] = [
    "\"": (
      (true, true), (false, false),
      "ASCII quotes do not say whether they open or close; the wrapper keeps them in their Latin word (Japanese text quotes with 「」, which never start or end a line wrongly)"
    ),
    "'": ((true, true), (false, false), "as for \", and an apostrophe is part of its word"),
    "-": (
      (true, true), (false, true),
      "hyphen-minus belongs to the Latin word or number around it (e-mail, -5, 2012-04-02): a break after a space must stay possible before -5"
    ),
    "/": (
      (true, true), (false, true),
      "as for -: part of the ASCII run (paths, dates, URLs), and a break after a space stays possible before it"
    ),
    "|": (
      (true, true), (false, true),
      "as for -: part of the ASCII run, a break after a space stays possible before it"
    ),
    "‥": (
      (true, true), (false, true),
      "JLReq puts ‥ in the inseparable class (cl-08): ‥‥ is never split but may start a line; UAX #14 (LB22) also forbids a break before it"
    ),
    "…": ((true, true), (false, true), "as for ‥"),
    "～": (
      (false, true), (true, true),
      "ICU classes U+FF5E as an ideograph; a CP932 import turns 〜 (a JLReq hyphen, cl-03) into ～, so the wrapper gives it 〜's rule"
    ),
  ]

/// The blocks the wrapper's class table draws from: ASCII, Latin-1 punctuation, general
/// punctuation, currency and letterlike symbols, CJK symbols and kana, half- and full-width forms.
let tableRanges: [ClosedRange<UInt32>] = [
  0x21...0x7E, 0xA0...0xBF, 0x2010...0x205E, 0x20A0...0x20C0, 0x2100...0x2122, 0x3000...0x30FF,
  0x31F0...0x31FF, 0xFF01...0xFF9F, 0xFFE0...0xFFE6,
]

@Suite struct LineBreakingICUTests {
  /// Every character of those blocks between two Japanese characters: the wrapper allows a break
  /// before and after it exactly where ICU does, or the difference is in `explainedDifferences`.
  @Test func theWholeTableAgreesWithICUOrTheDifferenceIsExplained() throws {
    let icu = try ICULineBreaker()
    var differing: Set<Unicode.Scalar> = []
    var compared = 0
    for range in tableRanges {
      for value in range {
        guard let c = Unicode.Scalar(value), scalarWidth(c) > 0 else { continue }
        let text = "あ" + String(c) + "あ"
        let after = 1 + c.utf16.count
        let ours = wrapperBreaks(text)
        let theirs = try icu.breaks(text)
        compared += 1
        guard ours != theirs else { continue }
        differing.insert(c)
        let hex = String(value, radix: 16, uppercase: true)
        guard let explained = explainedDifferences[c] else {
          Issue.record(
            "U+\(hex) \(c): wrapper before \(ours.contains(1)) after \(ours.contains(after)), ICU before \(theirs.contains(1)) after \(theirs.contains(after)), not explained"
          )
          continue
        }
        #expect(
          ours.contains(1) == explained.ours.before && ours.contains(after) == explained.ours.after,
          "U+\(hex)")
        #expect(
          theirs.contains(1) == explained.icu.before
            && theirs.contains(after) == explained.icu.after, "U+\(hex)")
      }
    }
    #expect(compared > 600)
    // No stale explanation: each one is a difference that still exists.
    #expect(differing == Set(explainedDifferences.keys))
  }

  /// The project's real paragraphs (the seed's lines, every comment, event and programme text of
  /// Data/): each break point the wrapper allows, ICU allows, and the other way round, except
  /// next to a character whose difference is explained.
  @Test func theProjectParagraphsBreakWhereICUBreaks() throws {
    let icu = try ICULineBreaker()
    let paragraphs = try projectParagraphs()
    var agreed = 0
    var explained = 0
    for text in paragraphs {
      let ours = wrapperBreaks(text)
      let theirs = try icu.breaks(text)
      agreed += ours.intersection(theirs).count
      let units = Array(text.utf16)
      for at in ours.symmetricDifference(theirs) {
        let near = String(decoding: units[(at - 1)...at], as: UTF16.self).unicodeScalars
        if near.contains(where: { explainedDifferences[$0] != nil }) {
          explained += 1
        } else {
          Issue.record(
            "\(ours.contains(at) ? "only the wrapper" : "only ICU") breaks at \(at) in \(text): \(String(near))"
          )
        }
      }
    }
    #expect(paragraphs.count >= 40)
    #expect(agreed >= 1000)
    print(
      "LineBreakingICUTests: \(paragraphs.count) paragraphs, \(agreed) break points agreed, \(explained) explained differences"
    )
  }
}
