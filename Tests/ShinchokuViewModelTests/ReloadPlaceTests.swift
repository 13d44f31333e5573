import Foundation
import JapaneseCalendar
import Testing

@testable import ShinchokuCore
@testable import ShinchokuViewModel

/// A reload of half-written data must not lose the user's place for good: the snapshot (by
/// date) and the open programme (by id) come back when the data has them again.
@Suite struct ReloadPlaceTests {
  @Test func theSnapshotComesBackWhenTheFullDataIsBack() throws {
    var state = try sampleState()
    let full = state.dataset
    reduce(&state, .previousSnapshot)
    let chosen = try #require(state.snapshot?.date)
    #expect(chosen != full.snapshots[0].date)
    // The file caught half-written: only the first snapshot.
    var partial = full
    partial.snapshots = [full.snapshots[0]]
    partial.defaultSnapshotIndex = 0
    reduce(&state, .dataReloaded(partial))
    #expect(state.snapshot?.date == full.snapshots[0].date)
    reduce(&state, .dataReloaded(partial))  // still partial: still waiting
    reduce(&state, .dataReloaded(full))
    #expect(state.snapshot?.date == chosen, "the user's snapshot is back")
    #expect(state.awaitedPlace == nil)
  }

  @Test func aSnapshotChosenMeanwhileWins() throws {
    var state = try sampleState()
    let full = state.dataset
    #expect(state.snapshotIndex == 3)
    var partial = full
    partial.snapshots = Array(full.snapshots.prefix(2))
    partial.defaultSnapshotIndex = 1
    reduce(&state, .dataReloaded(partial))
    #expect(state.snapshotIndex == 1)
    reduce(&state, .previousSnapshot)
    let meanwhile = try #require(state.snapshot?.date)
    reduce(&state, .dataReloaded(full))
    #expect(state.snapshot?.date == meanwhile)
  }

  @Test func theOpenProgrammeComesBackWhenItIsBack() throws {
    var state = try sampleState()
    reduce(&state, .activate)
    reduce(&state, .activate)
    let id = try #require(state.matrix.drill?.openProgrammeID)
    let full = state.dataset
    var partial = full
    partial.programmes.removeAll { $0.id == id }
    reduce(&state, .dataReloaded(partial))
    #expect(
      state.matrix.drill != nil && state.matrix.drill?.openProgrammeID == nil, "back to the list")
    reduce(&state, .dataReloaded(full))
    #expect(state.matrix.drill?.openProgrammeID == id)
    #expect(state.awaitedPlace == nil)
  }
}
