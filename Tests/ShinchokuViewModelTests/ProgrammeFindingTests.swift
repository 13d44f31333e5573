import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// The drill-down list narrowed by 所管課 (`o`) and by a search (`/`), and a programme opened
/// by its id from anywhere (`#`).
@Suite struct ProgrammeFindingTests {
  /// The sample state drilled into the whole plan (the totals row, the total column).
  func drilledIntoEverything() throws -> AppState {
    var state = try sampleState()
    _ = reduce(&state, .matrix(.selectCell(MatrixPosition(row: 99, column: 99))))
    _ = reduce(&state, .activate)
    #expect(state.matrix.mode == .list)
    return state
  }

  func keys(_ state: inout AppState, _ keys: [Key]) {
    for key in keys {
      if let action = KeyMap.action(for: key, in: state) { _ = reduce(&state, action) }
    }
  }

  func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

  @Test func oGoesThroughTheSectionsOfTheListThenAllAgain() throws {
    var state = try drilledIntoEverything()
    let context = state.matrixContext
    let drill = try #require(state.matrix.drill)
    let all = context.listed(drill)
    let sections = context.sections(behind: drill.cell)
    #expect(sections.count > 1, "the sample names several sections")
    #expect(sections == Array(Set(all.compactMap(\.section))).sorted())
    for section in sections {
      keys(&state, [.character("o")])
      let listed = state.matrixContext.listed(try #require(state.matrix.drill))
      #expect(state.matrix.drill?.section == section)
      #expect(!listed.isEmpty)
      #expect(listed.allSatisfy { $0.section == section })
      #expect(listed.count == all.filter { $0.section == section }.count)
      // The heading says which section, and how many of how many.
      let view = ProgrammeListView(state: state, drill: try #require(state.matrix.drill))
      #expect(view.heading.contains("所管課 " + section))
      #expect(view.heading.contains("\(listed.count)件 / \(all.count)件"))
      #expect(view.rows.count == listed.count)
    }
    keys(&state, [.character("o")])
    #expect(state.matrix.drill?.section == nil)
    #expect(state.matrixContext.listed(try #require(state.matrix.drill)).count == all.count)
  }

  @Test func theSearchNarrowsAsItIsTypedByIdOrTitleAndEscWidensFirst() throws {
    var state = try drilledIntoEverything()
    let all = state.matrixContext.listed(try #require(state.matrix.drill))
    let target = all[all.count / 2]
    keys(&state, [.character("/")])
    #expect(InputMode(state) == .matrixInput)
    // Full-width digits match the half-width id (the fold the other searches use).
    let fullWidth = String(
      target.id.map { c -> Character in
        guard let digit = c.wholeNumberValue else { return c }
        return Character(Unicode.Scalar(0xFF10 + UInt32(digit))!)
      })
    keys(&state, typed(fullWidth))
    let listed = state.matrixContext.listed(try #require(state.matrix.drill))
    #expect(listed.map(\.id) == [target.id])
    let view = ProgrammeListView(state: state, drill: try #require(state.matrix.drill))
    #expect(view.searchLine?.hasPrefix("/" + fullWidth) == true)
    #expect(view.typedEnd != nil)
    keys(&state, [.enter])
    #expect(InputMode(state) == nil)
    #expect(state.matrix.drill?.query == fullWidth, "Enter keeps the search")
    // By title: every programme whose title holds the word, and no other.
    keys(&state, [.character("/")])
    keys(&state, Array(repeating: .backspace, count: fullWidth.count))
    let word = String(target.title.prefix(2))
    keys(&state, typed(word) + [.enter])
    let byTitle = state.matrixContext.listed(try #require(state.matrix.drill))
    #expect(byTitle.map(\.id) == all.filter { programmeMatches($0, query: word) }.map(\.id))
    #expect(byTitle.contains { $0.id == target.id })
    // Esc widens the list first, then leaves it.
    keys(&state, [.escape])
    #expect(state.matrix.mode == .list)
    #expect(state.matrixContext.listed(try #require(state.matrix.drill)).count == all.count)
    keys(&state, [.escape])
    #expect(state.matrix.mode == .table)
  }

  @Test func aSearchThatMatchesNothingListsNothingAndSaysSo() throws {
    var state = try drilledIntoEverything()
    keys(&state, [.character("/")] + typed("存在しない名称"))
    let drill = try #require(state.matrix.drill)
    #expect(state.matrixContext.listed(drill).isEmpty)
    let view = ProgrammeListView(state: state, drill: drill)
    #expect(view.rows.isEmpty)
    #expect(view.searchLine?.contains(UIText.matchCount(0, language: .japanese)) == true)
    // Enter on an empty list opens nothing.
    keys(&state, [.enter, .enter])
    #expect(state.matrix.mode == .list)
  }

  @Test func hashOpensAProgrammeByItsIdFromAnyPane() throws {
    var state = try sampleState()
    let target = state.dataset.programmes[7]
    _ = reduce(&state, .focus(.events))
    keys(&state, [.character("#")])
    #expect(state.focus == .matrix)
    #expect(InputMode(state) == .matrixInput)
    keys(&state, typed(target.id.lowercased()) + [.enter])
    #expect(state.matrix.drill?.openProgrammeID == target.id)
    #expect(CoveringView(state) == .programmeDetail)
    // Its cell is its area and its status in the snapshot; Esc lands on it in that list.
    let snapshot = try #require(state.snapshot)
    let drill = try #require(state.matrix.drill)
    #expect(drill.cell.row == state.dataset.areas.firstIndex { $0.id == target.areaID })
    #expect(
      drill.cell.column
        == state.dataset.statuses.firstIndex { $0.id == target.statuses[snapshot.date] })
    keys(&state, [.escape])
    let listed = state.matrixContext.listed(try #require(state.matrix.drill))
    #expect(listed[state.matrix.drill?.selection ?? -1].id == target.id)
  }

  @Test func theNumberAloneIsEnoughWhenOneIdEndsInIt() throws {
    let state = try sampleState()
    let context = state.matrixContext
    let target = state.dataset.programmes[11]
    let digits = String(target.id.reversed().prefix { $0.isNumber }.reversed())
    #expect(context.programme(typed: String(Int(digits)!))?.id == target.id)
    #expect(context.programme(typed: " \(target.id) ")?.id == target.id)
    #expect(context.programme(typed: "") == nil)
  }

  @Test func anUnknownIdSaysSoAndOpensNothing() throws {
    var state = try sampleState()
    keys(&state, [.character("#")] + typed("ZZ999") + [.enter])
    #expect(state.matrix.drill == nil)
    #expect(state.notice == UIText.noProgrammeWithID("ZZ999", language: .japanese))
    // Esc on the line opens nothing either.
    keys(&state, [.character("#")] + typed("P") + [.escape])
    #expect(state.matrix.input == nil)
    #expect(state.matrix.drill == nil)
  }
}
