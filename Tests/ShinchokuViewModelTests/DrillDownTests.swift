import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

func sampleState(width: Int = 100, height: Int = 30) throws -> AppState {
  let folder = try SampleDataSet(programmes: 60, events: 40, snapshots: 4, seed: 1).write(
    into: NSTemporaryDirectory() + "shinchoku-vm-\(UUID().uuidString)")
  return AppState(
    dataset: try DatasetLoader().load(directory: folder), language: .japanese, width: width,
    height: height,
    today: CivilDate(year: 2013, month: 10, day: 1)!)
}

@Suite struct DrillDownTests {
  @Test func enterOnTheSeedSaysThereAreNoRecords() throws {
    var state = try seedState()
    reduce(&state, .activate)
    #expect(state.matrix.drill == nil)
    #expect(state.notice == "この時点は件数のみで、プログラムごとの記録はありません")
    reduce(&state, .move(.down))
    // The notice goes with the next key: the move is said instead.
    #expect(state.notice == "分野2 情報の共有と双方向のコミュニケーション ◎予定以上 数値なし")
  }

  @Test func aCellOpensItsProgrammesAndTheirDetailAndBackKeepsTheSelection() throws {
    var state = try sampleState()
    reduce(&state, .move(.down))
    reduce(&state, .move(.right))
    let cell = state.matrix.selection
    let figure = MatrixView(state: state).figure(at: cell)
    reduce(&state, .activate)
    #expect(state.matrix.drill?.cell == cell)
    let list = ProgrammeListView(state: state, drill: state.matrix.drill!)
    #expect(Figure.known(list.rows.count) == figure)
    #expect(list.rows.allSatisfy { $0.statusID == "on-schedule" })
    reduce(&state, .move(.down))
    #expect(state.matrix.drill?.selection == 1)
    reduce(&state, .activate)
    #expect(state.matrix.drill?.openProgrammeID == list.rows[1].id)
    let detail = try #require(ProgrammeDetailView(state: state, programmeID: list.rows[1].id))
    #expect(detail.history.count == 4)
    #expect(detail.history.last?.statusID == "on-schedule")
    reduce(&state, .back)
    #expect(state.matrix.drill?.openProgrammeID == nil)
    #expect(state.matrix.drill?.selection == 1, "the list keeps its selection")
    reduce(&state, .back)
    #expect(state.matrix.drill == nil)
    #expect(state.matrix.selection == cell, "the matrix keeps its selection")
  }

  @Test func theTotalsCellListsEveryProgrammeOfTheSnapshot() throws {
    var state = try sampleState()
    reduce(&state, .moveToLast)
    for _ in 0..<5 { reduce(&state, .move(.right)) }
    reduce(&state, .activate)
    #expect(ProgrammeListView(state: state, drill: state.matrix.drill!).rows.count == 60)
  }

  @Test func steppingToASnapshotWithoutRecordsClosesTheDrillDown() throws {
    var state = try seedState()
    let sample = try sampleState()
    // The seed has no records: enter does nothing; a sample snapshot has them.
    reduce(&state, .nextSnapshot)
    #expect(state.matrix.drill == nil)
    var drilled = sample
    reduce(&drilled, .activate)
    #expect(drilled.matrix.drill != nil)
    reduce(&drilled, .previousSnapshot)
    #expect(drilled.matrix.drill != nil, "every sample snapshot has records")
  }

  @Test func clicksSelectAndDoubleClicksOpen() throws {
    var state = try sampleState()
    reduce(&state, .click(.matrixCell(MatrixPosition(row: 2, column: 1))))
    #expect(state.matrix.selection == MatrixPosition(row: 2, column: 1))
    reduce(&state, .click(.event(3)))
    #expect(state.focus == .events)
    reduce(&state, .doubleClick(.matrixCell(MatrixPosition(row: 1, column: 0))))
    #expect(state.focus == .matrix && state.matrix.drill?.cell == MatrixPosition(row: 1, column: 0))
    reduce(&state, .scroll(.comments, .down))
    #expect(
      state.comments.selection == 3 && state.focus == .matrix,
      "the wheel scrolls without moving focus")
  }

  @Test func deltasAppearOnlyWhereBothFiguresAreKnown() throws {
    var state = try seedState()
    reduce(&state, .nextSnapshot)
    reduce(&state, .nextSnapshot)
    let view = MatrixView(state: state)
    // 2016 gives only plan-wide figures: the area rows have no change, the totals do.
    #expect(view.rows[0].deltas.allSatisfy { $0 == nil })
    #expect(view.rows.last?.deltas == [0, -15, -6, -21])
    let sample = try sampleState()
    #expect(MatrixView(state: sample).rows.allSatisfy { $0.deltas.allSatisfy { $0 != nil } })
  }
}

@Suite struct StatusEditTests {
  func detail() throws -> AppState {
    var state = try sampleState()
    reduce(&state, .activate)
    reduce(&state, .activate)
    #expect(state.matrix.drill?.openProgrammeID != nil)
    return state
  }

  @Test func sInTheDetailChoosesThenConfirmsThenAsksTheMainLoopToRecord() throws {
    var state = try detail()
    let id = try #require(state.matrix.drill?.openProgrammeID)
    let old = state.dataset.programmes.first { $0.id == id }?.statuses[state.snapshot!.date]
    reduce(&state, KeyMap.action(for: .character("s"), in: state)!)
    let edit = try #require(state.statusEdit)
    #expect(edit.old == old && state.dataset.statuses[edit.choice].id == old)
    // Choose another status: down, or up from the last.
    let step = edit.choice == state.dataset.statuses.count - 1 ? -1 : 1
    #expect(reduce(&state, .statusEdit(.move(step))) == [])
    #expect(
      reduce(&state, KeyMap.action(for: .enter, in: state)!) == [],
      "nothing is recorded before the confirm step")
    #expect(state.statusEdit?.isConfirming == true)
    #expect(StatusEditView(state: state)?.question?.contains("changes.log に記録しますか") == true)
    let effects = reduce(&state, KeyMap.action(for: .character("y"), in: state)!)
    guard case .record(let change) = try #require(effects.first), effects.count == 1 else {
      Issue.record("the confirm step asks to record the change: \(effects)")
      return
    }
    #expect(change.programmeID == id && change.old == old && change.new != old)
    #expect(reduce(&state, .statusEdit(.finished("記録しました"))) == [])
    #expect(state.statusEdit == nil && state.notice == "記録しました")
  }

  @Test func escCancelsAndTheSameStatusRecordsNothing() throws {
    var state = try detail()
    reduce(&state, .statusEdit(.begin))
    reduce(&state, KeyMap.action(for: .escape, in: state)!)
    #expect(
      state.statusEdit == nil && state.matrix.drill?.openProgrammeID != nil,
      "Esc closes the box, not the detail")
    reduce(&state, .statusEdit(.begin))
    reduce(&state, .statusEdit(.accept))
    #expect(state.statusEdit == nil && state.notice == "状況は変わりません")
  }

  @Test func aReloadThatChangesTheStatusUnderTheBoxRefreshesItAndDropsTheConfirmStep() throws {
    var state = try detail()
    let id = try #require(state.matrix.drill?.openProgrammeID)
    let date = try #require(state.snapshot?.date)
    reduce(&state, .statusEdit(.begin))
    let shown = state.statusEdit?.old
    let step = state.statusEdit!.choice == state.dataset.statuses.count - 1 ? -1 : 1
    reduce(&state, .statusEdit(.move(step)))
    reduce(&state, .statusEdit(.accept))
    #expect(state.statusEdit?.isConfirming == true)
    // Someone else records another status for it; the data is read again.
    var dataset = state.dataset
    let index = try #require(dataset.programmes.firstIndex { $0.id == id })
    let elsewhere = try #require(dataset.statuses.map(\.id).first { $0 != shown })
    dataset.programmes[index].statuses[date] = elsewhere
    reduce(&state, .dataReloaded(dataset))
    #expect(state.statusEdit?.old == elsewhere && state.statusEdit?.isConfirming == false)
    // Named in the UI language, as the dialog lists it, never by its id.
    let name = try #require(state.dataset.status(elsewhere)?.name.text(state.language))
    #expect(state.notice?.contains(name) == true, "\(state.notice ?? "")")
    #expect(state.notice?.contains(elsewhere) == false)
    #expect(
      reduce(&state, .statusEdit(.confirm)).isEmpty, "no change is recorded from the old status")
    // An unrelated reload leaves the box as it is.
    reduce(&state, .statusEdit(.accept))
    let before = state.statusEdit
    reduce(&state, .dataReloaded(dataset))
    #expect(state.statusEdit == before)
  }

  @Test func sDoesNothingOutsideAProgrammesDetail() throws {
    var state = try sampleState()
    reduce(&state, .statusEdit(.begin))
    #expect(state.statusEdit == nil)
  }
}
