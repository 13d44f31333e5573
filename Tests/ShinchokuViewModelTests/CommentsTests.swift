import Foundation
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

@Suite struct CommentsTests {
  @Test func commentsAboutTheSelectedAreaAreMarkedAndLCanNarrowToThem() throws {
    var state = try seedState()
    // Area 1 is selected in the matrix: comments 2 and 3 are about it.
    #expect(CommentsView(state: state).items.map(\.isLinked) == [false, true, true])
    reduce(&state, .move(.down))  // area 2: no comment is about it
    #expect(CommentsView(state: state).items.map(\.isLinked) == [false, false, false])
    reduce(&state, .move(.up))
    reduce(&state, .focus(.comments))
    #expect(KeyMap.action(for: .character("l"), in: state) == .comments(.toggleLinked))
    reduce(&state, .comments(.toggleLinked))
    let view = CommentsView(state: state)
    #expect(view.items.map(\.number) == [2, 3])
    #expect(view.onlyArea == "分野1")
    reduce(&state, .comments(.toggleLinked))
    #expect(CommentsView(state: state).items.count == 3)
  }

  @Test func lMovesRightOutsideTheCommentsPane() throws {
    let state = try seedState()
    #expect(KeyMap.action(for: .character("l"), in: state) == .move(.right))
  }

  @Test func searchFoldsKanaAndWidthAndNJumpsBetweenMatches() throws {
    var state = try seedState()
    reduce(&state, .focus(.comments))
    reduce(&state, .comments(.startSearch))
    #expect(state.comments.isEditingQuery)
    // Typed in katakana, found in hiragana: comment 2 has "つながって".
    for character in "ツナガッテ" {
      reduce(&state, KeyMap.action(for: .character(character), in: state)!)
    }
    #expect(state.comments.selection == 1, "comment 2 contains つながって")
    reduce(&state, KeyMap.action(for: .enter, in: state)!)
    #expect(!state.comments.isEditingQuery)
    let view = CommentsView(state: state)
    #expect(view.items[1].matches.count == 1)
    #expect(view.searchLine == "/ツナガッテ  1件一致")
    // A query in two comments: 必要 (comments 1 and 2).
    reduce(&state, .comments(.startSearch))
    for character in "必要" { reduce(&state, .comments(.type(character))) }
    reduce(&state, .comments(.confirmSearch))
    let first = state.comments.selection
    reduce(&state, .comments(.nextMatch))
    let second = state.comments.selection
    #expect(Set([first, second]) == [0, 1])
    reduce(&state, .comments(.nextMatch))
    #expect(state.comments.selection == first, "n wraps around")
    reduce(&state, .comments(.previousMatch))
    #expect(state.comments.selection == second)
  }

  @Test func aQueryWithNoMatchSaysSo() throws {
    var state = try seedState()
    reduce(&state, .comments(.startSearch))
    for character in "存在しない語" { reduce(&state, .comments(.type(character))) }
    reduce(&state, .comments(.confirmSearch))
    #expect(state.notice == "「存在しない語」は見つかりません")
  }

  @Test func escCancelsTheSearchLineAndBackspaceEdits() throws {
    var state = try seedState()
    reduce(&state, .comments(.startSearch))
    reduce(&state, .comments(.type("a")))
    reduce(&state, .comments(.type("b")))
    reduce(&state, KeyMap.action(for: .backspace, in: state)!)
    #expect(state.comments.query == "a")
    reduce(&state, KeyMap.action(for: .escape, in: state)!)
    #expect(!state.comments.isEditingQuery && state.comments.query.isEmpty)
  }

  @Test func enterOpensACommentForReadingWithItsCorrections() throws {
    var state = try seedState()
    reduce(&state, .focus(.comments))
    reduce(&state, .move(.down))
    reduce(&state, .activate)
    let view = try #require(CommentReadingView(state: state))
    #expect(view.heading == "意見2")
    #expect(view.corrections.contains("訂正「全体としてどういう状況」 OCRの読み「全体としてという状況」 — 「どう」が OCR で落ちたと読むのが自然"))
    #expect(view.corrections.contains("判読できない部分「R1」（読みのまま）"))
    #expect(view.facts.contains { $0.value == "1 地域協働の推進" })
    reduce(&state, .move(.down))
    reduce(&state, .move(.down))
    #expect(state.comments.readingScroll == 2)
    reduce(&state, .back)
    #expect(CommentReadingView(state: state) == nil)
    #expect(state.comments.selection == 1)
  }
}

@Suite struct CommentsExportTests {
  @Test func jsonCarriesNumbersAreasMeetingAndCorrections() throws {
    let data = try seedState().dataset
    let text = try #require(CommentsExport.text(data, format: .json, language: .japanese))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["committee"] as? String == "行財政再構築推進委員会")
    let comments = try #require(object["comments"] as? [[String: Any]])
    #expect(comments.count == data.comments.count)
    for (exported, comment) in zip(comments, data.comments) {
      #expect(exported["number"] as? Int == comment.number)
      #expect(exported["text"] as? String == comment.text)
      #expect(exported["snapshot"] as? String == comment.snapshotDate?.iso)
      #expect(exported["meeting"] is NSNull, "the seed does not say which meeting")
      let areas = try #require(exported["areas"] as? [[String: Any]])
      #expect(areas.compactMap { $0["id"] as? String } == comment.areaIDs)
      let corrections = try #require(exported["corrections"] as? [[String: Any]])
      #expect(corrections.compactMap { $0["read"] as? String } == comment.corrections.map(\.asRead))
    }
  }

  @Test func markdownListsTheCommentsForMinutes() throws {
    let data = try seedState().dataset
    let text = try #require(CommentsExport.text(data, format: .md, language: .japanese))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "### 行財政再構築推進委員会 — 委員会の意見")
    #expect(
      lines.filter { $0.hasPrefix("1. ") || $0.hasPrefix("2. ") || $0.hasPrefix("3. ") }.count == 3)
    #expect(lines.contains("   - 分野1 地域協働の推進 / 2012-03-31（平成23年度末）"))
    #expect(lines.contains("   - 訂正「頼らざるを得ない」 OCRの読み「類々あるを得ない」 — OCR の誤読と見られる"))
  }

  @Test func plainTextKeepsTheWholeText() throws {
    let data = try seedState().dataset
    let text = try #require(CommentsExport.text(data, format: .txt, language: .japanese))
    for comment in data.comments { #expect(text.contains("\(comment.number). \(comment.text)")) }
    #expect(CommentsExport.text(data, format: .csv, language: .japanese) == nil)
  }
}
