import JapaneseCalendar
import ShinchokuCore

/// Selections a reload's data did not have (a snapshot or programme missing from a file caught
/// while it was being written, or removed for a while): kept by their identity, so that the
/// user's place comes back when the item does.
public struct AwaitedPlace: Sendable, Equatable {
  /// The snapshot the user had selected, by its date.
  public var snapshotDate: CivilDate?
  /// Where the reload put the snapshot selection instead. Once the user moves from there,
  /// their new choice wins and the awaited date is forgotten.
  public var fallbackIndex = 0
  /// The programme whose detail was open, by its id; reopened when it is back, unless the user
  /// has opened another meanwhile or left the list.
  public var programmeID: String?
}

/// Selects, in newly loaded data, the snapshot the user had (by date), or the one still awaited
/// from an earlier reload; when the data lacks it, the default snapshot, remembering the date.
/// `previous` is the date selected before the data was replaced.
func selectSnapshotByIdentity(_ state: inout AppState, previous: CivilDate?) {
  var place = state.awaitedPlace ?? AwaitedPlace()
  var wanted = previous
  if let awaited = place.snapshotDate, state.snapshotIndex == place.fallbackIndex {
    wanted = awaited
  }
  place.snapshotDate = nil
  if let index = state.dataset.snapshots.firstIndex(where: { $0.date == wanted }) {
    state.snapshotIndex = index
  } else {
    state.snapshotIndex = state.dataset.defaultSnapshotIndex
    place.snapshotDate = wanted
    place.fallbackIndex = state.snapshotIndex
  }
  state.awaitedPlace = place == AwaitedPlace() ? nil : place
}

/// Keeps the drill-down's open programme by its id across a reload: closed (back to the list)
/// while the data lacks it, reopened when it is back.
func keepOpenProgrammeByIdentity(_ state: inout AppState, _ drill: inout MatrixDrill) {
  var place = state.awaitedPlace ?? AwaitedPlace()
  let wanted = drill.openProgrammeID ?? place.programmeID
  place.programmeID = nil
  if let wanted {
    if state.dataset.programmes.contains(where: { $0.id == wanted }) {
      drill.openProgrammeID = wanted
    } else {
      drill.openProgrammeID = nil
      place.programmeID = wanted
    }
  }
  state.awaitedPlace = place == AwaitedPlace() ? nil : place
}
