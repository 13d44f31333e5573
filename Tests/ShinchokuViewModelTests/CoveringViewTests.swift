import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// Keys act on what is visible: over a detail, a reading view or the too-small screen, a key
/// that cannot act on what is shown changes nothing and says so.
@Suite struct CoveringViewTests {
  func press(_ state: inout AppState, _ key: Key) {
    if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
  }

  @Test func anEventsDetailTakesNoFilterOrSpanKey() throws {
    var state = try seedState()
    state.focus = .events
    press(&state, .enter)
    press(&state, .enter)
    #expect(state.calendar.openEventID != nil)
    let before = state.calendar
    for key: Key in [
      .character("1"), .character("v"), .character("f"), .character("/"), .character("g"),
    ] {
      press(&state, key)
      #expect(state.calendar == before, "\(key) changed the hidden pane")
      #expect(state.notice?.contains("キーは使えません") == true, "\(key) says nothing")
    }
    press(&state, .down)
    #expect(state.calendar.detailScroll == 1, "the detail scrolls")
    press(&state, .escape)
    #expect(state.calendar.openEventID == nil, "Esc goes back")
  }

  @Test func aCommentBeingReadTakesNoListKey() throws {
    var state = try seedState()
    state.focus = .comments
    press(&state, .enter)
    let open = state.comments.openCommentID
    #expect(open != nil)
    press(&state, .character("l"))
    press(&state, .character("n"))
    #expect(state.comments.openCommentID == open && !state.comments.onlyLinked)
    #expect(state.notice?.contains("キーは使えません") == true)
  }

  @Test func theTooSmallScreenOpensNothing() throws {
    var state = try seedState()
    reduce(&state, .resize(width: 40, height: 12))
    press(&state, .enter)
    #expect(state.matrix.drill == nil && state.notice?.contains("Enter") == true)
    press(&state, .tab)
    #expect(state.focus == .matrix, "no pane can be focused unseen")
    reduce(&state, .resize(width: 100, height: 30))
    #expect(state.matrix.drill == nil, "nothing appears after the resize")
    #expect(KeyMap.action(for: .character("q"), in: state) == .quit)
  }

  @Test func helpListsTheKeysOfTheViewUnderIt() throws {
    var state = try seedState()
    state.focus = .events
    press(&state, .enter)
    press(&state, .enter)
    reduce(&state, .toggleHelp)
    let keys = HelpView(state: state).rows.map(\.keys)
    #expect(keys.contains("Esc BS") && !keys.contains("1-9") && !keys.contains("v"))
  }
}
