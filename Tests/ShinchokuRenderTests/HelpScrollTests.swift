import ShinchokuCore
import Testing

@testable import ShinchokuRender
@testable import ShinchokuViewModel

/// Help never drops a key at small sizes: it scrolls (↑↓ PgUp PgDn Home End, ▲/▼ marks), and every other
/// key still closes it.
@Suite struct HelpScrollTests {
  func press(_ key: Key, _ state: inout AppState) {
    if let action = action(for: .key(key), in: state, target: { _, _ in nil }) {
      _ = reduce(&state, action)
    }
  }

  @Test(arguments: [Language.japanese, .english], [Pane.matrix, .comments, .events])
  func everyKeyOfHelpCanBeReachedAt60x17(_ language: Language, _ pane: Pane) throws {
    var state = try seedState(width: 60, height: 17, language: language)
    _ = reduce(&state, .focus(pane))
    _ = reduce(&state, .toggleHelp)
    let view = HelpView(state: state)
    #expect(view.footer.contains("PgDn"))
    var seen = Set<String>()
    var marksAbove = false
    let atTop = render(state, theme: .builtIn).text
    let fits = view.rows.allSatisfy { atTop.contains($0.keys) }
    for _ in 0..<40 {
      let text = render(state, theme: .builtIn).text
      for row in view.rows where text.contains(row.keys) { seen.insert(row.keys) }
      if state.overlayScroll > 0 { marksAbove = marksAbove || text.contains("▲") }
      press(.down, &state)
      #expect(state.overlay == .help, "↓ keeps help open")
    }
    #expect(
      seen == Set(view.rows.map(\.keys)),
      "never shown: \(Set(view.rows.map(\.keys)).subtracting(seen))")
    #expect(fits || marksAbove, "scrolled help marks ▲")
    press(.pageUp, &state)
    press(.pageUp, &state)
    #expect(state.overlay == .help)
    press(.character("x"), &state)
    #expect(state.overlay == nil, "any other key closes help")
  }

  @Test func helpThatDoesNotFitMarksWhatIsBelowAndOpensAtItsTop() throws {
    var state = try seedState(width: 60, height: 17, language: .english)
    _ = reduce(&state, .focus(.events))
    _ = reduce(&state, .toggleHelp)
    let atTop = render(state, theme: .builtIn).text
    let last = try #require(HelpView(state: state).rows.last)
    #expect(!atTop.contains(last.keys), "the last key is below at first")
    press(.pageDown, &state)
    #expect(state.overlayScroll == 5)
    press(.end, &state)
    #expect(render(state, theme: .builtIn).text.contains(last.keys), "End shows the last key")
    #expect(state.overlay == .help, "End keeps help open")
    let atEnd = state.overlayScroll
    press(.down, &state)
    #expect(state.overlayScroll == atEnd, "End is help's end")
    press(.home, &state)
    #expect(state.overlayScroll == 0 && state.overlay == .help, "Home goes back to the top")
    press(.pageDown, &state)
    _ = reduce(&state, .toggleHelp)
    _ = reduce(&state, .toggleHelp)
    #expect(state.overlayScroll == 0, "help opens at its top")
    #expect(render(state, theme: .builtIn).text == atTop)
  }
}

/// `l` on the totals row would link the comments to no area: it is refused, and says why.
@Suite struct LinkOnTheTotalsRowTests {
  @Test(arguments: [Language.japanese, .english])
  func lOnTheTotalsRowIsRefusedWithANotice(_ language: Language) throws {
    var state = try seedState(width: 100, height: 30, language: language)
    state.matrix.selection.row = state.matrixRowCount - 1
    _ = reduce(&state, .comments(.toggleLinked))
    #expect(!state.comments.onlyLinked)
    #expect(state.notice == UIText.noAreaToLink.text(language))
    state.matrix.selection.row = 0
    _ = reduce(&state, .comments(.toggleLinked))
    #expect(state.comments.onlyLinked, "an area's row links the comments")
    state.matrix.selection.row = state.matrixRowCount - 1
    _ = reduce(&state, .comments(.toggleLinked))
    #expect(!state.comments.onlyLinked, "turning it off is always allowed")
  }
}
