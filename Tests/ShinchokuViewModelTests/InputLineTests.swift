import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// Every input line (the comments' search, the events pane's search and date line) takes at
/// most `InputLine.maxBytes` bytes, drops what comes after with a notice, and drops control
/// characters: one rule, checked through the keys of each line.
@Suite struct InputLineTests {
  /// Each input line: how to open it, and what it holds.
  static let lines: [(name: String, open: [Action], text: @Sendable (AppState) -> String?)] = [
    (
      "comments search", [.comments(.startSearch)],
      { $0.comments.isEditingQuery ? $0.comments.query : nil }
    ),
    ("events search", [.focus(.events), .calendar(.beginSearch)], { $0.calendar.input?.text }),
    ("events date", [.focus(.events), .calendar(.beginDateInput)], { $0.calendar.input?.text }),
  ]

  @Test(arguments: 0..<3, [Language.japanese, .english])
  func aLongPasteStopsAtTheLimitWithANotice(line: Int, language: Language) throws {
    let (name, open, text) = Self.lines[line]
    var state = try seedState(language: language)
    for action in open { reduce(&state, action) }
    let mode = try #require(InputMode(state), "\(name): no input mode")
    let pair: Character = "\u{3042}\u{3099}"  // あ + a combining voiced mark: one Character
    var notices = 0
    for index in 0..<20_000 {
      let action = try #require(mode.action(for: .character(pair)))
      reduce(&state, action)
      if index < InputLine.maxBytes / pair.utf8.count {
        #expect(state.notice != InputLine.fullNotice(language), "\(name): full too early")
      } else if state.notice == InputLine.fullNotice(language) {
        notices += 1
      }
    }
    let held = try #require(text(state), "\(name): the line closed")
    #expect(held.utf8.count <= InputLine.maxBytes, "\(name)")
    #expect(held.utf8.count > InputLine.maxBytes - pair.utf8.count, "\(name)")
    #expect(held.allSatisfy { $0 == pair }, "\(name)")
    // Every dropped character says so (the notice of the key before is cleared by the next).
    #expect(notices == 20_000 - held.count, "\(name)")
    #expect(InputLine.fullNotice(language).contains("\(InputLine.maxBytes)"))
  }

  @Test(arguments: 0..<3)
  func controlCharactersAreNotTyped(line: Int) throws {
    let (name, open, text) = Self.lines[line]
    var state = try seedState()
    for action in open { reduce(&state, action) }
    let mode = try #require(InputMode(state))
    for character: Character in ["\u{1B}", "\u{07}", "\u{9B}", "\n", "1"] {
      if let action = mode.action(for: .character(character)) { reduce(&state, action) }
    }
    #expect(text(state) == "1", "\(name)")
    #expect(state.notice == nil || !state.notice!.contains("\(InputLine.maxBytes)"), "\(name)")
  }

  @Test func theFullNoticeIsInBothLanguages() {
    #expect(InputLine.fullNotice(.japanese) != InputLine.fullNotice(.english))
    #expect(InputLine.fullNotice(.japanese).contains("バイト"))
    #expect(InputLine.fullNotice(.english).contains("bytes"))
  }
}
