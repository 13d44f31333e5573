import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuRender
@testable import ShinchokuViewModel

/// `--ascii` on every screen, in both languages: the dashboard in each focus and mode, the
/// details, help, the warnings, the status dialog and its question, the banner, the too-small
/// screen and every slide of the deck. The data is first copied with every symbol the chrome
/// draws replaced by ASCII, so a symbol left on an `--ascii` screen is the chrome's: each cell
/// must be ASCII, a letter (the UI's Japanese words and the data's text), or a character of
/// that data.
@Suite struct ASCIIEveryScreenTests {
  /// Every non-ASCII symbol the unicode chrome draws (its glyphs, separators and brackets),
  /// with what the data copy gets instead.
  static let chromeSymbols: [Character: String] = {
    let chrome = Chrome(language: .japanese, asciiOnly: false)
    let glyphs = chrome.glyphs
    var symbols: [Character: String] = [:]
    let drawn =
      [
        glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft,
        glyphs.bottomRight, glyphs.moreAbove, glyphs.moreBelow, glyphs.unknown,
        glyphs.inferredMark, glyphs.increase, glyphs.decrease, glyphs.unchanged, glyphs.linkMark,
        glyphs.ellipsis, glyphs.inputCursor, glyphs.countMark, glyphs.block, glyphs.todayMark,
        glyphs.holidayMark, chrome.separator, chrome.pathSeparator, chrome.listSeparator,
        chrome.rangeMark, chrome.arrow, chrome.times, chrome.noteOpen, chrome.noteClose,
        chrome.tagOpen, chrome.tagClose, chrome.noteMark,
      ] + glyphs.barPatterns
    for character in drawn.joined() where !character.isASCII { symbols[character] = "=" }
    // The statuses' symbols, arrows of the key labels, and the full-width forms of 〜.
    for character in "◎○△↑↓←→～" { symbols[character] = "=" }
    return symbols
  }()

  /// A copy of `folder` with every chrome symbol in its files replaced, but for the statuses'
  /// `symbol:` lines (`ascii:` stands for them on an ASCII screen).
  static func withoutChromeSymbols(_ folder: String) throws -> String {
    let copy = NSTemporaryDirectory() + "shinchoku-ascii-every-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
    // Every file, the plans' folders' too (plans/3rd/plan.yaml).
    for name in try files(in: folder) {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      try FileManager.default.createDirectory(
        atPath: ((copy + "/" + name) as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      let replaced = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.contains("symbol:")
          ? String(line) : String(line.flatMap { chromeSymbols[$0] ?? String($0) })
      }.joined(separator: "\n")
      try replaced.write(toFile: copy + "/" + name, atomically: true, encoding: .utf8)
    }
    return copy
  }

  static func characters(of folder: String) throws -> Set<Character> {
    var characters: Set<Character> = []
    for name in try files(in: folder) {
      characters.formUnion(try String(contentsOfFile: folder + "/" + name, encoding: .utf8))
    }
    return characters
  }

  /// The regular files under `folder`, as paths relative to it.
  static func files(in folder: String) throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: folder).filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }
  }

  static let seedFolder = try! withoutChromeSymbols(bundledData)
  static let sampleFolder: String = {
    let folder = try! SampleDataSet(programmes: 120, events: 200, snapshots: 4, seed: 1).write(
      into: NSTemporaryDirectory() + "shinchoku-ascii-sample-\(UUID().uuidString)")
    return try! withoutChromeSymbols(folder)
  }()

  /// The screens beyond the layout tests' modes: the status dialog's question, the banner of
  /// data that no longer loads, every slide of the deck, help over a slide.
  static let moreModes: [(name: String, actions: [Action])] = [
    (
      "status question",
      [.activate, .activate, .statusEdit(.begin), .statusEdit(.move(1)), .statusEdit(.accept)]
    ),
    ("agenda week", [.focus(.events), .calendar(.cycleSpan), .calendar(.open)]),
    ("agenda month", [.focus(.events), .calendar(.cycleSpan), .calendar(.cycleSpan)]),
    ("filtered", [.focus(.events), .calendar(.toggleFreeOnly), .calendar(.cycleAudience)]),
    ("date input", [.focus(.events), .calendar(.beginDateInput), .calendar(.inputCharacter("8"))]),
  ]

  /// The punctuation of the Japanese UI's own words (`前週・翌週`, `（現在）`, `「x」は見つかりません`):
  /// part of the words, which stay Japanese with `--ascii`, drawn by the same font as the kana.
  static let japanesePunctuation = Set("、。「」『』（）・／：？！")

  func stray(_ frame: Frame, allowed: Set<Character>) -> Set<Character> {
    Set(frame.text.filter { !$0.isASCII && !$0.isLetter && !allowed.contains($0) })
  }

  func check(_ state: AppState, allowed: Set<Character>, _ label: String) {
    let words = state.language == .japanese ? Self.japanesePunctuation : []
    let allowed = allowed.union(words)
    let theme = Theme.builtIn
    var state = state
    if state.presentation != nil {
      reduce(&state, .present(.tick(WallTime(secondsSinceEpoch: 1_343_800_000))))
    }
    let frame = render(state, theme: theme)
    let left = stray(frame, allowed: allowed)
    let rowsWithThem = frame.lines.filter { $0.contains { left.contains($0) } }.joined(
      separator: "\n")
    #expect(left.isEmpty, "\(label): not ASCII: \(String(left.sorted()))\n\(rowsWithThem)")
    // What the chrome draws is ASCII whatever the data: no symbol of the unicode chrome.
    let symbols = frame.text.filter { Self.chromeSymbols[$0] != nil && !words.contains($0) }
    #expect(symbols.isEmpty, "\(label): chrome symbols \(symbols)")
  }

  @Test(arguments: [false, true], [Language.japanese, .english])
  func everyScreenIsASCIIButTheWords(sampleData: Bool, language: Language) throws {
    let folder = sampleData ? Self.sampleFolder : Self.seedFolder
    let dataset = try DatasetLoader().load(directory: folder)
    let allowed = try Self.characters(of: folder)
    let today =
      sampleData
      ? CivilDate(year: 2012, month: 4, day: 2)! : CivilDate(year: 2012, month: 8, day: 1)!
    var checked = 0
    for (width, height) in [(60, 17), (80, 24), (160, 48)] {
      let base = AppState(
        dataset: dataset, language: language, width: width, height: height, today: today,
        asciiOnly: true)
      for mode in LayoutPropertyTests.modes + Self.moreModes {
        var state = base
        for action in mode.actions { reduce(&state, action) }
        check(state, allowed: allowed, "\(mode.name) \(width)x\(height) \(language)")
        checked += 1
      }
      // The banner of a reload that failed, and the warnings listing it.
      var broken = base
      reduce(
        &broken,
        .reloadFailed(
          Diagnostic(
            .error, SourceLocation(file: "snapshots.yaml", line: 34, column: 23),
            "unknown status 'ahaed'", ja: "知らない状況 'ahaed' です", hint: "did you mean 'ahead'?",
            jaHint: "'ahead' のことですか？")))
      check(broken, allowed: allowed, "banner \(width)x\(height) \(language)")
      reduce(&broken, .toggleWarnings)
      check(broken, allowed: allowed, "warnings with the banner \(width)x\(height) \(language)")
      // Every slide of the deck, its notes and timer on.
      var slides = base
      slides.deck = try DeckLoader().load(directory: folder, dataset: dataset)
      let deck = slides.deck ?? Deck.standard(dataset)
      // The kind's name without its argument: title, matrix, area, comment, events, and any
      // kind added later.
      let kinds = Set(deck.slides.map { "\($0.kind)".prefix { $0 != "(" } })
      #expect(kinds.isSuperset(of: ["title", "matrix", "area", "comment", "events"]), "\(kinds)")
      reduce(&slides, .present(.start))
      reduce(&slides, .present(.toggleNotes))
      reduce(&slides, .present(.toggleTimer))
      for index in deck.slides.indices {
        check(slides, allowed: allowed, "slide \(index + 1) \(width)x\(height) \(language)")
        reduce(&slides, .present(.nextSlide))
        checked += 1
      }
    }
    // Too small.
    let small = AppState(
      dataset: dataset, language: language, width: 40, height: 10, today: today, asciiOnly: true)
    check(small, allowed: allowed, "too small \(language)")
    #expect(checked > 90)
  }

  /// Each mark means one thing in ASCII: unknown, behind, decrease, increase, unchanged and
  /// inferred are told apart, in the matrix and the details alike.
  @Test func theASCIIMarksAreDistinct() throws {
    let glyphs = Glyphs.ascii
    let dataset = try DatasetLoader().load(directory: bundledData)
    let statuses = dataset.statuses.map(\.asciiSymbol)
    let marks = [glyphs.unknown, glyphs.increase, glyphs.decrease, glyphs.inferredMark]
    #expect(Set(marks).count == marks.count, "\(marks)")
    #expect(Set(statuses).count == statuses.count, "\(statuses)")
    #expect(Set(marks).isDisjoint(with: statuses), "\(marks) and the statuses \(statuses)")
    // Unchanged is always followed by 0 (`=0`), so it may share on-schedule's `=`; it is not
    // unknown, up or down.
    #expect(!marks.contains(glyphs.unchanged))
    for mark in marks + statuses + [glyphs.unchanged] {
      #expect(mark.allSatisfy { $0.isASCII }, "\(mark)")
    }
    // The ellipsis (a cut text) means nothing else: no other mark of the chrome holds it.
    for language in [Language.japanese, .english] {
      let chrome = Chrome(language: language, asciiOnly: true)
      let others = [
        chrome.rangeMark, chrome.arrow, chrome.times, chrome.separator, chrome.pathSeparator,
        chrome.listSeparator, glyphs.linkMark, glyphs.unknown, glyphs.increase, glyphs.decrease,
        glyphs.unchanged, glyphs.inferredMark,
      ]
      for mark in others {
        #expect(!mark.contains(glyphs.ellipsis), "\(language): \(mark) holds the ellipsis")
      }
      #expect(
        UIText.dateRange(
          CivilDate(year: 2012, month: 7, day: 21)!, CivilDate(year: 2012, month: 8, day: 31)!,
          language: language, asciiOnly: true)
          == (language == .japanese
            ? "2012年7月21日(土)から8月31日(金)" : "Sat 2012-07-21 to Fri 2012-08-31"))
    }
    // The theme sample line (`themes`) draws unknown with the same mark.
    let sample = themeSample(language: .english, asciiOnly: true)
    #expect(sample.contains { $0.role == .unknown && $0.text.hasPrefix(glyphs.unknown) })
  }
}
