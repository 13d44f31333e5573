import ShinchokuCore

/// events.csv being read while the dashboard already shows the rest of the data: the events
/// pane shows the month and a bar of the bytes read until the events are in.
public struct EventsLoading: Sendable, Equatable {
  public var bytesRead: Int
  public var totalBytes: Int
  /// The calendar as it opened on the data without the events: while the user has not moved
  /// it, the loaded events choose the month to show (as they would have at the start).
  public var openingCalendar: CalendarState

  public init(bytesRead: Int, totalBytes: Int, openingCalendar: CalendarState) {
    self.bytesRead = bytesRead
    self.totalBytes = totalBytes
    self.openingCalendar = openingCalendar
  }

  /// From 0 to 1.
  public var fraction: Double {
    totalBytes > 0 ? min(1, max(0, Double(bytesRead) / Double(totalBytes))) : 0
  }
}

/// What the first load tells the dashboard.
public enum EventsLoadingAction: Sendable, Equatable {
  /// Bytes of events.csv read so far, of its size.
  case progress(bytesRead: Int, totalBytes: Int)
  /// The whole data set, with its calendar index (built on the loading thread) and the
  /// calendar it opens on.
  case loaded(Dataset, EventIndex, opening: CalendarState)

  public static func == (a: Self, b: Self) -> Bool {
    switch (a, b) {
    case (.progress(let r1, let t1), .progress(let r2, let t2)): r1 == r2 && t1 == t2
    case (.loaded(let d1, let i1, let o1), .loaded(let d2, let i2, let o2)):
      d1 == d2 && i1 === i2 && o1 == o2
    default: false
    }
  }
}

extension AppState {
  /// The state of a dashboard whose events are still being read (`totalBytes` of them).
  public mutating func beginEventsLoading(totalBytes: Int) {
    eventsLoading = EventsLoading(bytesRead: 0, totalBytes: totalBytes, openingCalendar: calendar)
  }
}

/// `reload` is AppState's: the newly loaded data keeps the user's place.
func reduceEventsLoading(
  _ state: inout AppState, _ action: EventsLoadingAction,
  reload: (inout AppState, Dataset) -> [Effect]
) -> [Effect] {
  switch action {
  case .progress(let read, let total):
    guard state.eventsLoading != nil else { return [] }
    state.eventsLoading?.bytesRead = read
    state.eventsLoading?.totalBytes = total
    return []
  case .loaded(let dataset, let index, let opening):
    let untouched = state.eventsLoading.map { state.calendar == $0.openingCalendar } ?? false
    // The index first: the data set then finds it built for its events.
    state.eventIndex = index
    let effects = reload(&state, dataset)
    if untouched { state.calendar = opening }
    state.eventsLoading = nil
    return effects
  }
}
