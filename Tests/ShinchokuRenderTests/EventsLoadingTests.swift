import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

/// The dashboard before events.csv is in: the matrix and the comments complete, the events
/// pane a bar of the bytes read; then the events, in the month they choose unless the user
/// moved meanwhile.
@Suite struct EventsLoadingTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme
  /// Years after the sample's events: the calendar opens on them once they are in.
  let today = CivilDate(year: 2030, month: 1, day: 1)!

  /// The sample data set whole, and the same without its events (what the first screen has).
  func datasets() throws -> (full: Dataset, head: Dataset) {
    let folder = try SampleDataSet(programmes: 60, events: 400, snapshots: 4, seed: 1).write(
      into: NSTemporaryDirectory() + "shinchoku-loading-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let full = try DatasetLoader().load(directory: folder)
    var head = full
    head.events = EventStore()
    return (full, head)
  }

  func loading(_ head: Dataset, language: Language = .japanese, ascii: Bool = false) -> AppState {
    var state = AppState(
      dataset: head, language: language, width: 120, height: 40, today: today, asciiOnly: ascii)
    state.beginEventsLoading(totalBytes: 1000)
    return state
  }

  func loaded(_ full: Dataset) -> Action {
    .eventsLoading(
      .loaded(
        full, EventIndex(events: full.events), opening: CalendarState(dataset: full, today: today)))
  }

  @Test func theEventsPaneShowsTheShareReadWhileTheMatrixIsComplete() throws {
    let (full, head) = try datasets()
    var state = loading(head)
    reduce(&state, .eventsLoading(.progress(bytesRead: 450, totalBytes: 1000)))
    let frame = render(state, theme: theme)
    let text = frame.lines.joined(separator: "\n")
    #expect(text.contains("催しを読み込み中 45%"))
    // The bar: 45% of its room in the first pattern, the rest in the last.
    let labelRow = try #require(frame.lines.firstIndex { $0.contains("催しを読み込み中") })
    // The bar is the row below, in the events pane (the right half).
    let bar = String(frame.lines[labelRow + 1].suffix(60))
    let filled = bar.filter { $0 == "█" }.count
    let room = filled + bar.filter { $0 == "░" }.count
    #expect(room > 10)
    #expect(filled == Int(Double(room) * 0.45))
    // The matrix's rows are those of the whole data set's first screen.
    let whole = render(
      AppState(dataset: full, language: .japanese, width: 120, height: 40, today: today),
      theme: theme)
    let matrixRows = 1..<(state.dataset.areas.count + 5)
    #expect(Array(frame.lines[matrixRows]) == Array(whole.lines[matrixRows]))
    #expect(!whole.lines.joined().contains("読み込み中"))
  }

  @Test func theBarIsInBothLanguagesAndInASCII() throws {
    let (_, head) = try datasets()
    var state = loading(head, language: .english, ascii: true)
    reduce(&state, .eventsLoading(.progress(bytesRead: 1000, totalBytes: 1000)))
    let text = render(state, theme: theme).lines.joined(separator: "\n")
    #expect(text.contains("Reading events 100%"))
    #expect(text.contains("######"))
    #expect(!text.contains("█"))
  }

  @Test func theLoadedEventsChooseTheMonthWhenTheUserHasNotMovedIt() throws {
    let (full, head) = try datasets()
    var state = loading(head)
    // Without events the calendar opens on today; the sample's events are years away from it.
    #expect(state.calendar.selectedDay == today)
    reduce(&state, .eventsLoading(.progress(bytesRead: 999, totalBytes: 1000)))
    reduce(&state, loaded(full))
    #expect(state.eventsLoading == nil)
    #expect(state.calendar == CalendarState(dataset: full, today: today))
    #expect(state.calendar.selectedDay != today)
    #expect(state.dataset.events.count == 400)
    let text = render(state, theme: theme).lines.joined(separator: "\n")
    #expect(!text.contains("読み込み中"))
    #expect(text.contains("/ 400件"))
  }

  @Test func aMoveMadeWhileLoadingIsKeptAndKeysWork() throws {
    let (full, head) = try datasets()
    var state = loading(head)
    reduce(&state, .focus(.events))
    reduce(&state, .move(.right))
    let opened = state.snapshotIndex
    reduce(&state, .previousSnapshot)
    let moved = state.calendar.selectedDay
    #expect(moved == today.adding(days: 1))
    let snapshot = state.snapshotIndex
    #expect(snapshot == opened - 1)
    reduce(&state, .eventsLoading(.progress(bytesRead: 500, totalBytes: 1000)))
    reduce(&state, loaded(full))
    #expect(state.calendar.selectedDay == moved)
    #expect(state.snapshotIndex == snapshot)
    #expect(state.eventsLoading == nil)
    #expect(state.dataset.events.count == 400)
  }
}
