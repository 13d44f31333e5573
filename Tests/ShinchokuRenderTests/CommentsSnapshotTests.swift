import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

@Suite struct CommentsSnapshotTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  @Test func linkedCommentsAreMarkedAndAFailedSearchSaysSo() throws {
    var state = try seedState(width: 100, height: 30)
    reduce(&state, .focus(.comments))
    reduce(&state, .comments(.startSearch))
    for character in "ちいききょうどう" { reduce(&state, .comments(.type(character))) }
    reduce(&state, .comments(.confirmSearch))
    let frame = render(state, theme: theme)
    try assertSnapshot(frame, named: "comments-linked-search-100x30")
    // Search folds kana and width, not readings: 地域協働 is not found by its reading.
    #expect(state.notice == "「ちいききょうどう」は見つかりません")
  }

  @Test func searchHighlightsEveryOccurrence() throws {
    var state = try seedState(width: 100, height: 30)
    reduce(&state, .comments(.startSearch))
    for character in "地域協働" { reduce(&state, .comments(.type(character))) }
    reduce(&state, .comments(.confirmSearch))
    let frame = render(state, theme: theme)
    let match = theme.style(.match)
    let highlighted = (0..<frame.height).map { y in
      (0..<frame.width).filter { frame[$0, y].style == match && !frame[$0, y].isContinuation }.map {
        frame[$0, y].text
      }
      .joined()
    }.joined()
    // Comment 2 has 地域協働 twice, and both are on screen.
    #expect(highlighted == "地域協働地域協働", "\(highlighted)")
    #expect(Set(highlighted) == Set("地域協働"))
  }

  @Test func aCommentOpenForReading() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .focus(.comments))
    reduce(&state, .move(.down))
    reduce(&state, .activate)
    try assertSnapshot(render(state, theme: theme), named: "comment-reading-80x24")
  }

  @Test func narrowedToTheSelectedArea() throws {
    var state = try seedState(width: 80, height: 24)
    reduce(&state, .focus(.comments))
    reduce(&state, .comments(.toggleLinked))
    try assertSnapshot(render(state, theme: theme), named: "comments-only-area1-80x24")
  }
}
