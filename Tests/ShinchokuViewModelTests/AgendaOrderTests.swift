import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

@Suite struct AgendaOrderTests {
  /// `shinchoku sample`'s data set (its default options), loaded.
  private func sampleData() throws -> Dataset {
    let folder = try SampleDataSet(programmes: 60, events: 300, snapshots: 4, seed: 1).write(
      into: NSTemporaryDirectory() + "shinchoku-agenda-order-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try DatasetLoader().load(directory: folder)
  }

  /// Every day the sample's events touch, in every span: each day's entries are in start-time
  /// order (untimed first). Events carried over from an earlier day used to come first.
  @Test(arguments: AgendaSpan.allCases)
  func everyDayOfEverySpanIsInStartTimeOrder(span: AgendaSpan) throws {
    let data = try sampleData()
    let index = EventIndex(events: data.events)
    let dated = data.events.filter(\.isDated)
    var day = dated.map { $0.start! }.min()!
    let last = dated.map { $0.end ?? $0.start! }.max()!
    var daysChecked = 0
    var carriedOverBeforeEarlierStart = 0
    while day <= last {
      let entries = index.agenda(day, span: span, filter: EventFilter()).all
      for (a, b) in zip(entries, entries.dropFirst()) where a.day != nil && a.day == b.day {
        let (ta, tb) = (a.event.startMinute ?? -1, b.event.startMinute ?? -1)
        #expect(
          ta <= tb,
          "\(span) \(day.iso): \(a.event.time ?? "–") \(a.event.title) before \(b.event.time ?? "–") \(b.event.title) on \(a.day!.iso)"
        )
        if ta < tb && a.event.start! > b.event.start! { carriedOverBeforeEarlierStart += 1 }
      }
      daysChecked += 1
      day = day.adding(days: span == .day ? 1 : 7)
    }
    #expect(daysChecked > 50)
    // The sample has the case the bug was about: an event that started on an earlier day,
    // listed after one that starts that day at an earlier time.
    #expect(carriedOverBeforeEarlierStart > 0)
  }
}
