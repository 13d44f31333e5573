import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

/// A frame rendered with the panes' last drawings kept (as the dashboard renders) is the frame
/// rendered from nothing, after every kind of change: moves in each pane, focus, filters, a
/// search, snapshots, a resize, another theme, another language and the ASCII chrome.
@Suite struct WidgetMemoTests {
  @Test(arguments: [(Language.japanese, false), (.english, false), (.japanese, true)])
  func aFrameWithKeptPanesIsTheFrameDrawnAnew(language: Language, ascii: Bool) throws {
    var state = try seedState(width: 120, height: 40, language: language)
    state.asciiOnly = ascii
    let loader = ThemeLoader(directory: bundledThemes)
    let themes = ["default", "high-contrast"].map { loader.load($0).theme }
    let steps: [Action] =
      [.focus(.events)] + Array(repeating: .move(.right), count: 4)
      + [
        .page(.down), .move(.down), .calendar(.toggleCategory(number: 1)), .calendar(.beginSearch),
      ]
      + "お祭".map { .calendar(.inputCharacter($0)) }
      + [
        .calendar(.inputCancel), .calendar(.cycleSpan), .move(.left), .focus(.matrix),
        .move(.down), .move(.right), .nextSnapshot, .focus(.comments), .move(.down),
        // Only the selected area's comments, then another area selected under them.
        .comments(.toggleLinked), .focus(.matrix), .move(.down), .focus(.comments),
        .comments(.toggleLinked), .resize(width: 100, height: 30), .move(.down), .previousSnapshot,
        .resize(width: 120, height: 40), .focus(.events), .move(.left),
      ]
    let memo = WidgetMemo()
    for (index, action) in steps.enumerated() {
      reduce(&state, action)
      // The same state drawn twice running, and with the other theme every third step.
      for theme in [themes[0], themes[0], themes[index % 3 == 0 ? 1 : 0]] {
        let fresh = render(state, theme: theme)
        let kept = render(state, theme: theme, memo: memo)
        #expect(kept == fresh, "after step \(index + 1), \(action): \(difference(kept, fresh))")
        state.settleScrolls(fresh.scrolls)
      }
    }
    // Most of those frames copied some pane: the ones that did not change.
    #expect(memo.copies > steps.count * 3)
    // And the panes' views were taken from the frame before where they did not change.
    #expect(memo.viewsKept > steps.count)
  }
}

/// Where two frames differ, in a line (the first cell, or which record).
private func difference(_ a: Frame, _ b: Frame) -> String {
  if let index = a.cells.indices.first(where: { a.cells[$0] != b.cells[$0] }) {
    return "cell (\(index % a.width), \(index / a.width)): \(a.cells[index]) / \(b.cells[index])"
  }
  if a.hitRegions != b.hitRegions { return "click regions" }
  if a.faults != b.faults { return "faults" }
  if a.cursor != b.cursor {
    return "cursor \(String(describing: a.cursor)) / \(String(describing: b.cursor))"
  }
  return a.scrolls != b.scrolls ? "scrolls" : "none"
}
