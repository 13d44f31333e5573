import Foundation
import JapaneseCalendar
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// The dated events in agenda order, by a plain sort: by day, then time (untimed first), then
/// the data's order.
private func plainDated(_ events: [CityEvent]) -> [CityEvent] {
  events.enumerated().filter { $0.element.isDated }
    .sorted {
      ($0.element.start!, $0.element.startMinute ?? -1, $0.offset)
        < ($1.element.start!, $1.element.startMinute ?? -1, $1.offset)
    }
    .map(\.element)
}

/// The events passing the filter in agenda order, by a plain scan and sort of every event
/// (the dated, then the undated in the data's order): what the index must agree with.
func filteredEvents(_ dataset: Dataset, _ filter: EventFilter) -> [CityEvent] {
  let passing = dataset.events.filter(filter.matches)
  return plainDated(passing) + passing.filter { !$0.isDated }
}

/// The index must give exactly what a plain scan of the events gives.
private func plainEntries(
  _ events: [CityEvent], _ day: CivilDate, _ span: AgendaSpan, _ filter: EventFilter
)
  -> [CalendarEntry]
{
  let passing = events.filter(filter.matches)
  let dated = plainDated(passing)
  var entries: [CalendarEntry] = []
  for day in agendaDays(day, span: span) {
    // Each day in start-time order (untimed first), ties in agenda order.
    let onDay = dated.enumerated().filter { $0.element.fallsOn(day) }
      .sorted {
        ($0.element.startMinute ?? -1, $0.offset) < ($1.element.startMinute ?? -1, $1.offset)
      }
    for (_, event) in onDay {
      entries.append(CalendarEntry(day: day, event: event))
    }
  }
  for event in passing where !event.isDated {
    entries.append(CalendarEntry(day: nil, event: event))
  }
  return entries
}

private func plainCounts(
  _ events: [CityEvent], _ first: CivilDate, _ last: CivilDate, _ filter: EventFilter
)
  -> [CivilDate: Int]
{
  var counts: [CivilDate: Int] = [:]
  var date = first
  while date <= last {
    let count = events.filter { filter.matches($0) && $0.fallsOn(date) }.count
    if count > 0 { counts[date] = count }
    date = date.adding(days: 1)
  }
  return counts
}

private func sampleEvents(csv: Bool) throws -> (events: [CityEvent], categories: [String]) {
  let sample = SampleDataSet(programmes: 5, events: 240, snapshots: 2, seed: 11, eventsAsCSV: csv)
  let folder = try sample.write(
    into: NSTemporaryDirectory() + "shinchoku-index-\(UUID().uuidString)")
  let data = try DatasetLoader().load(directory: folder)
  var events = Array(data.events)
  // Long spans (found through the index's list of long events), a day-one event, no audience,
  // no category, no fees, a subtitle and notes to search.
  var long = events[0]
  long.id = "long-1"
  long.start = CivilDate(year: 2012, month: 5, day: 20)
  long.end = CivilDate(year: 2012, month: 10, day: 2)
  long.subtitle = "ロングラン展示"
  events.append(long)
  var bare = events[1]
  bare.id = "bare"
  bare.categoryID = nil
  bare.audience = []
  bare.fees = []
  bare.notes = "雨天中止"
  bare.start = CivilDate(year: 2012, month: 8, day: 1)
  bare.end = nil
  events.append(bare)
  return (events, data.categories.map(\.id))
}

/// The sample events with a few dated thousands of years away (a mistyped year), which the
/// index sorts without a counter per day.
private func eventsAcrossMillennia() throws -> [CityEvent] {
  var (events, _) = try sampleEvents(csv: true)
  for (offset, year) in [1, 2012, 9999, 1868, 12012].enumerated() {
    var far = events[offset * 7]
    far.id = "far-\(offset)"
    far.start = CivilDate(year: year, month: 8, day: 1)
    far.end = nil
    events.append(far)
  }
  return events
}

@Suite struct EventIndexTests {
  @Test(arguments: [false, true])
  func everyFilterCombinationGivesWhatAPlainScanGives(csv: Bool) throws {
    let (events, categories) = try sampleEvents(csv: csv)
    let index = EventIndex(events: EventStore(events))
    let days = [
      CivilDate(year: 2012, month: 8, day: 1)!, CivilDate(year: 2012, month: 4, day: 1)!,
      CivilDate(year: 2012, month: 10, day: 2)!, CivilDate(year: 2013, month: 3, day: 31)!,
      CivilDate(year: 2011, month: 12, day: 31)!,
    ]
    let categorySets: [Set<String>] =
      (0..<(1 << 3)).map { mask in
        Set(
          categories.prefix(3).enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
      } + [Set(categories), ["no-such-category"]]
    for categoryIDs in categorySets {
      for freeOnly in [false, true] {
        for audience in AudienceFilter.allCases {
          for search in ["", "おはなし", "オハナシ", "ﾛﾝｸﾞ", "雨天", "ZZZ"] {
            let filter = EventFilter(
              categoryIDs: categoryIDs, freeOnly: freeOnly, audience: audience, search: search)
            #expect(index.passingCount(filter) == events.filter(filter.matches).count)
            for day in days {
              for span in AgendaSpan.allCases {
                let agenda = index.agenda(day, span: span, filter: filter).all
                #expect(
                  agenda == plainEntries(events, day, span, filter), "\(filter) \(day) \(span)")
              }
              #expect(
                index.counts(day.firstOfMonth, day.lastOfMonth, filter: filter)
                  == plainCounts(events, day.firstOfMonth, day.lastOfMonth, filter))
            }
          }
        }
      }
    }
  }

  /// Every day of 120 in the middle of a set of thousands (so the search for a day skips whole
  /// blocks of events long over), and the days on which a block of them ends: each day's
  /// agenda and counts are what a plain scan gives.
  @Test func everyDayOfAThousandsStrongSetGivesWhatAPlainScanGives() throws {
    let sample = SampleDataSet(programmes: 5, events: 1600, snapshots: 2, seed: 23)
    let folder = try sample.write(
      into: NSTemporaryDirectory() + "shinchoku-index-days-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let events = Array(try DatasetLoader().load(directory: folder).events)
    let index = EventIndex(events: EventStore(events))
    #expect(index.spanning.count > 3 * EventIndex.blockSize)
    let dated = events.filter(\.isDated)
    let starts = dated.compactMap(\.start).sorted()
    let middle = starts[starts.count / 2]
    let filter = EventFilter()
    var day = middle.adding(days: -60)
    var days = 0
    while day < middle.adding(days: 60) {
      let agenda = index.agenda(day, span: .day, filter: filter).all
      #expect(agenda == plainEntries(events, day, .day, filter), "\(day)")
      #expect(index.counts(day, day, filter: filter) == plainCounts(events, day, day, filter))
      day = day.adding(days: 1)
      days += 1
    }
    #expect(days == 120)
    // And the last day of each block of spanning events, and the days beside it: the block
    // must be looked at on its last day, and may be skipped after it.
    let edges = index.spanningEnds.flatMap { end in [end - 1, end, end + 1] }
    for end in edges {
      let day = CivilDate(daysSinceEpoch: Int(end))
      #expect(
        index.agenda(day, span: .day, filter: filter).all
          == plainEntries(events, day, .day, filter),
        "\(day), at a block's end")
    }
    #expect(edges.count > 9)
  }

  /// An index extended by appended events (the reload after rows were appended to
  /// events.csv) is, field by field, the index built anew: the sample's events (long spans,
  /// no category, undated) split at several places, the appended ones with ties in day and time
  /// with the old, undated ones, a new category and a long span, dates thousands of years away.
  @Test(arguments: [1, 2, 63, 64, 65, 120, 241])
  func anIndexExtendedByAppendedEventsIsTheIndexBuiltAnew(split: Int) throws {
    var (events, _) = try sampleEvents(csv: true)
    events += try eventsAcrossMillennia().suffix(5)
    var extra = events[3]
    extra.id = "new-category"
    extra.categoryID = "added-category"
    events.append(extra)
    var undated = events[4]
    undated.id = "undated-late"
    undated.start = nil
    undated.end = nil
    events.append(undated)
    let split = min(split, events.count - 1)
    let before = EventStore(events[..<split])
    let oldIndex = EventIndex(events: before)
    var after = before
    for event in events[split...] { after.append(event) }
    #expect(after.extends(before) && !before.extends(after))
    let extended = EventIndex(events: after, previous: oldIndex)
    let fresh = EventIndex(events: after)
    #expect(extended.order == fresh.order)
    #expect(extended.startDays == fresh.startDays && extended.endDays == fresh.endDays)
    #expect(extended.startMinutes == fresh.startMinutes)
    #expect(extended.datedCount == fresh.datedCount && extended.long == fresh.long)
    #expect(extended.categoryBits == fresh.categoryBits)
    #expect(extended.uncategorised == fresh.uncategorised && extended.freeBits == fresh.freeBits)
    #expect(
      extended.childrenBits == fresh.childrenBits && extended.adultsBits == fresh.adultsBits)
    // A store that was not made by appending to the old one is indexed anew, and right.
    let unrelated = EventStore(events)
    #expect(!unrelated.extends(before))
    #expect(EventIndex(events: unrelated, previous: oldIndex).order == fresh.order)
  }

  /// Which stores extend which: copies, appends to either side of a copy.
  @Test func aStoreExtendsTheOneItWasCopiedFromOnlyByAppending() throws {
    let (events, _) = try sampleEvents(csv: false)
    let base = EventStore(events[..<10])
    var appended = base
    appended.append(events[10])
    var again = appended
    again.append(events[11])
    #expect(appended.extends(base) && again.extends(base) && again.extends(appended))
    #expect(!base.extends(appended))
    // The old store gained an event of its own after the copy: no longer a prefix.
    var grown = base
    let copy = grown
    grown.append(events[12])
    var other = copy
    other.append(events[13])
    #expect(!other.extends(grown) && other.extends(copy) && grown.extends(copy))
  }

  @Test func datesThousandsOfYearsApartAreSortedAsAPlainScanSortsThem() throws {
    let events = try eventsAcrossMillennia()
    let index = EventIndex(events: EventStore(events))
    for (day, span) in [
      (CivilDate(year: 2012, month: 8, day: 1)!, AgendaSpan.month),
      (CivilDate(year: 1, month: 8, day: 1)!, .day),
      (CivilDate(year: 12012, month: 8, day: 1)!, .week),
    ] {
      #expect(
        index.agenda(day, span: span, filter: EventFilter()).all
          == plainEntries(events, day, span, EventFilter()))
    }
    #expect(index.passingCount(EventFilter()) == events.count)
  }

  @Test(arguments: [false, true])
  func theUpcomingEventsAreWhatAPlainScanGives(csv: Bool) throws {
    let (events, categories) = try sampleEvents(csv: csv)
    let index = EventIndex(events: EventStore(events))
    let filters = [
      EventFilter(), EventFilter(freeOnly: true), EventFilter(audience: .children),
      EventFilter(categoryIDs: Set(categories.prefix(2))), EventFilter(search: "ロング"),
      EventFilter(categoryIDs: ["no-such-category"]),
    ]
    let days = [
      CivilDate(year: 2011, month: 1, day: 1)!, CivilDate(year: 2012, month: 8, day: 1)!,
      CivilDate(year: 2012, month: 9, day: 30)!, CivilDate(year: 2013, month: 2, day: 14)!,
      CivilDate(year: 2030, month: 1, day: 1)!,
    ]
    for filter in filters {
      for day in days {
        let passing = events.filter(filter.matches)
        let dated = plainDated(passing).filter { ($0.end ?? $0.start!) >= day }
        let expected = dated + passing.filter { !$0.isDated }
        for limit in [1, 5, 1000] {
          let (found, total) = index.upcoming(from: day, filter: filter, limit: limit)
          #expect(total == expected.count, "\(filter) \(day)")
          #expect(found == Array(expected.prefix(limit)), "\(filter) \(day) \(limit)")
        }
      }
    }
  }

  @Test func aGrowingOrShrinkingSearchGivesWhatAFreshSearchGives() throws {
    let (events, _) = try sampleEvents(csv: false)
    let incremental = EventIndex(events: EventStore(events))
    for query in ["お", "おは", "おはな", "おはなし", "おはな", "は", "はな", "図", "図書館", ""] {
      let filter = EventFilter(search: query)
      let fresh = EventIndex(events: EventStore(events))
      #expect(incremental.passingCount(filter) == fresh.passingCount(filter), "\(query)")
      #expect(incremental.passingCount(filter) == events.filter(filter.matches).count)
    }
  }

  @Test func theStateKeepsItsIndexInStepWithTheData() throws {
    let (events, _) = try sampleEvents(csv: false)
    var state = try seedState()
    #expect(state.eventIndex.count == state.dataset.events.count)
    state.dataset.events = EventStore(events)
    #expect(state.eventIndex.count == events.count)
  }
}

@Suite struct AgendaWindowTests {
  @Test func theAgendaViewHoldsTheEntriesAroundTheSelectionAndTheSelectedOneAmongThem() throws {
    let (events, _) = try sampleEvents(csv: false)
    var state = try seedState(width: 120, height: 12)
    state.dataset.events = EventStore(events)
    state.calendar.selectedDay = CivilDate(year: 2012, month: 8, day: 1)!
    state.calendar.span = .month
    let entries = calendarEntries(state)
    #expect(entries.count > 3 * (state.height + 2))
    for selection in [0, 1, 40, entries.count / 2, entries.count - 1] {
      state.calendar.agendaSelection = selection
      let view = CalendarView(state: state)
      let items = view.sections.flatMap(\.items)
      let reach = state.height + 2
      #expect(view.entryCount == entries.count)
      #expect(view.firstItemIndex == max(0, selection - reach))
      #expect(items.count == min(entries.count, selection + reach + 1) - view.firstItemIndex)
      let selected = try #require(items.firstIndex { $0.isSelected })
      #expect(view.firstItemIndex + selected == selection)
      #expect(items[selected].eventID == entries[selection].event.id)
      for (offset, item) in items.enumerated() {
        #expect(item.eventID == entries[view.firstItemIndex + offset].event.id)
      }
    }
  }

  /// The index keeps the last agendas and month counts asked for: asked again in any order,
  /// each is still what a plain scan gives for its own day, span and filter; so are the counts
  /// of days and weeks inside a month it keeps.
  @Test func aRepeatedQuestionGetsItsOwnAnswer() throws {
    let (events, categories) = try sampleEvents(csv: true)
    let index = EventIndex(events: EventStore(events))
    let days = [
      CivilDate(year: 2012, month: 8, day: 1)!, CivilDate(year: 2012, month: 8, day: 2)!,
      CivilDate(year: 2012, month: 10, day: 2)!,
    ]
    let filters = [
      EventFilter(), EventFilter(categoryIDs: [categories[0]]), EventFilter(freeOnly: true),
    ]
    // Three rounds over more keys than are kept: hits, misses and evictions all come up.
    for _ in 0..<3 {
      for day in days {
        for filter in filters {
          for span in [AgendaSpan.day, .month] {
            #expect(
              index.agenda(day, span: span, filter: filter).all
                == plainEntries(events, day, span, filter))
          }
          #expect(
            index.counts(day.firstOfMonth, day.lastOfMonth, filter: filter)
              == plainCounts(events, day.firstOfMonth, day.lastOfMonth, filter))
          // A day and a week inside the month just counted (taken from its counts), and a
          // range that runs past it (counted anew).
          let week = CivilDate(daysSinceEpoch: day.daysSinceEpoch + 6)
          let past = CivilDate(daysSinceEpoch: day.lastOfMonth.daysSinceEpoch + 3)
          for (first, last) in [(day, day), (day, min(week, day.lastOfMonth)), (day, past)] {
            #expect(
              index.counts(first, last, filter: filter)
                == plainCounts(events, first, last, filter), "\(first)–\(last)")
          }
        }
      }
    }
  }

  /// What the index keeps of its answers does not keep it alive (an agenda holds its index).
  @Test func anIndexIsFreedWithItsKeptAnswers() throws {
    let (events, _) = try sampleEvents(csv: false)
    weak var freed: EventIndex?
    do {
      let index = EventIndex(events: EventStore(events))
      freed = index
      let agenda = index.agenda(
        CivilDate(year: 2012, month: 8, day: 1)!, span: .month, filter: EventFilter())
      #expect(agenda.count > 0)
    }
    // The filters' bitsets are made on a queue that holds the index while it works.
    EventIndex.bitsetQueue.sync {}
    #expect(freed == nil)
  }
}
