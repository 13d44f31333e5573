import Foundation
import JapaneseCalendar
import ShinchokuCore
import Synchronization
import TerminalText

/// The calendar's indexes over a data set's events, built once per data set from the event
/// store's columns (no `CityEvent` is made), so that a key press costs what is on screen
/// rather than what is in the data:
///
/// - **order**: the events in agenda order (dated by start day, then start time, those
///   without a time first, then the data's order; then the undated in the data's order), made
///   by two counting sorts. Everything else speaks of positions in this order.
/// - **by start day**: dated positions are sorted by start, so the events of a day range are
///   a binary search away; an event spans at most `shortSpan` days there, longer ones are kept
///   in a short list of their own (`long`) that every range query also reads (the interval
///   structure).
/// - **bitsets** (one bit per position): per category, free, for children, for adults. A
///   filter is the AND / OR of a few of them, cached for the last filter asked.
/// - **search**: every distinct text (title, subtitle, notes, venue) is folded once, when the
///   first search is typed; a query is matched against the distinct texts, and an event
///   matches when one of its texts does. When the query grows, only the previous matches are
///   looked at again (incremental narrowing).
public final class EventIndex: @unchecked Sendable {
  public let events: EventStore
  /// Agenda order → position in `events`. (Its inverse is made where it is needed, for the
  /// filters' bitsets and the search, and not kept: 4 MB at a million events.)
  let order: [Int32]
  /// Per order position (dated ones only): start and end as days since 1970-01-01.
  let startDays: [Int32]
  let endDays: [Int32]
  /// Per order position (dated ones only): the start time as minutes after midnight plus one,
  /// 0 for none; what orders a day's agenda.
  let startMinutes: [Int16]
  /// Positions below this are dated.
  let datedCount: Int
  /// Events spanning more days than this are in `long` rather than found by start.
  static let shortSpan: Int32 = 62
  /// The dated positions of the short events that span days (0 < span ≤ `shortSpan`), in
  /// order: the only ones that can be on a day they did not start on. A day's events are those
  /// that start on it (a binary search away) and those of these that started up to
  /// `shortSpan` days before and have not ended (a city's calendar: most events last a day;
  /// at a million, looking at every event of the 62 days before was some 86 000 positions).
  let spanning: [Int32]
  /// Per block of `blockSize` entries of `spanning`, the last day one of them ends: the
  /// blocks over before a day are skipped.
  let spanningEnds: [Int32]
  static let blockSize = 64

  static func spanning(startDays: [Int32], endDays: [Int32]) -> (
    positions: [Int32], blockEnds: [Int32]
  ) {
    var positions: [Int32] = []
    var ends: [Int32] = []
    for position in startDays.indices {
      let span = endDays[position] - startDays[position]
      guard span > 0, span <= shortSpan else { continue }
      if positions.count % blockSize == 0 { ends.append(endDays[position]) }
      ends[ends.count - 1] = max(ends[ends.count - 1], endDays[position])
      positions.append(Int32(position))
    }
    return (positions, ends)
  }
  /// Dated events spread over fewer days than this are sorted by counting (one counter a day).
  static let countingSortDays = 1 << 20
  let long: [Int32]
  /// The filters' bitsets: made once, on `bitsetQueue` after a fresh index is built (or at
  /// once, when extended from another index); a reader waits for them under `setsLock`.
  private var filterSetsSource: FilterSetsSource
  private let setsLock = NSCondition()
  private enum FilterSetsSource {
    case building
    case built(FilterSets)
  }
  static let bitsetQueue = DispatchQueue(label: "shinchoku.event-index.bitsets")

  var filterSets: FilterSets {
    setsLock.lock()
    defer { setsLock.unlock() }
    while true {
      if case .built(let sets) = filterSetsSource { return sets }
      // Not started on its queue yet (or still running there): make them here, once.
      if !buildingSets {
        buildingSets = true
        setsLock.unlock()
        let sets = Self.filterSets(events: events, order: order)
        setsLock.lock()
        if case .building = filterSetsSource { filterSetsSource = .built(sets) }
        setsLock.broadcast()
        continue
      }
      setsLock.wait()
    }
  }
  private var buildingSets = false

  private func makeFilterSets() { _ = filterSets }

  static func filterSets(events: EventStore, order: [Int32]) -> FilterSets {
    // Filled reading the columns front to back (the agenda order jumps about the store),
    // each event's bit set at its agenda position.
    let rank = ranks(order)
    var bits = FilterBits(events: events)
    for event in events.indices { bits.mark(event, at: Int(rank[event])) }
    return bits.sets
  }

  var categoryBits: [String: Bitset] { filterSets.categories }
  var uncategorised: Bitset { filterSets.uncategorised }
  var freeBits: Bitset { filterSets.free }
  var childrenBits: Bitset { filterSets.children }
  var adultsBits: Bitset { filterSets.adults }

  private let lock = NSLock()
  private var filterCache: (filter: EventFilter, bits: Bitset)?
  /// The undated positions passing the last filter asked (every agenda ends with them).
  private var undatedCache: (filter: EventFilter, positions: [Int32])?
  private var searchCache: (query: String, bits: Bitset)?
  private var texts: SearchTexts?

  public init(events: EventStore) {
    self.events = events
    // The columns read here, decoded once each (a million events: 4 MB an array).
    let starts = events.allStartDays
    let none = Int32.min
    // Per event, minutes after midnight + 1 (0: no time), read once per distinct time text.
    let eventMinutes: [Int16] = {
      var byText = [Int16](repeating: -1, count: events.texts.count)
      return events.allTimeTexts.map { text in
        guard text >= 0 else { return 0 }
        if byText[Int(text)] < 0 {
          byText[Int(text)] = Int16((startMinute(of: events.texts[text]) ?? -1) + 1)
        }
        return byText[Int(text)]
      }
    }()
    // One counting sort by start day, each dated event carried as one number that orders a
    // day's events (start minute, then position) and holds its span: the sort reads the
    // columns front to back and what it writes is read front to back, with no look-up of an
    // event by its position (at a million events those cache misses were most of the time).
    var low = Int32.max
    var high = Int32.min
    var dated = 0
    for position in 0..<starts.count where starts[position] != none {
      dated += 1
      low = min(low, starts[position])
      high = max(high, starts[position])
    }
    let ends = events.allEndDays
    let spanBits: UInt64 = 21
    let spanMask: UInt64 = (1 << spanBits) - 1  // also "longer: read the end again"
    func packed(_ position: Int) -> UInt64 {
      let span = UInt64(max(0, Int64(ends[position]) - Int64(starts[position])))
      return UInt64(eventMinutes[position]) << 53 | UInt64(position) << spanBits
        | min(span, spanMask)
    }
    var sorted = [UInt64](repeating: 0, count: dated)
    // The start day of each sorted place, by runs: (first place, day).
    var dayRuns: [(first: Int, day: Int32)] = []
    if dated > 0, Int(high) - Int(low) < Self.countingSortDays {
      var next = [Int](repeating: 0, count: Int(high) - Int(low) + 2)
      for position in 0..<starts.count where starts[position] != none {
        next[Int(starts[position] - low) + 1] += 1
      }
      for bucket in 1..<next.count { next[bucket] += next[bucket - 1] }
      for bucket in 0..<(next.count - 1) where next[bucket] < next[bucket + 1] {
        dayRuns.append((next[bucket], low + Int32(bucket)))
      }
      for position in 0..<starts.count where starts[position] != none {
        let bucket = Int(starts[position] - low)
        sorted[next[bucket]] = packed(position)
        next[bucket] += 1
      }
      // Each day's events by start minute, then position (a day holds few).
      sorted.withUnsafeMutableBufferPointer { all in
        for (run, entry) in dayRuns.enumerated() {
          let end = run + 1 < dayRuns.count ? dayRuns[run + 1].first : dated
          var day = UnsafeMutableBufferPointer(rebasing: all[entry.first..<end])
          day.sort()
        }
      }
    } else if dated > 0 {
      // Dates thousands of years apart (a typo in a year): a comparison sort.
      let keyed = (0..<starts.count).filter { starts[$0] != none }.map { (starts[$0], packed($0)) }
        .sorted { $0 < $1 }
      for (place, entry) in keyed.enumerated() {
        sorted[place] = entry.1
        if dayRuns.last?.day != entry.0 { dayRuns.append((place, entry.0)) }
      }
    }
    var order = [Int32](repeating: 0, count: events.count)
    var startDays = [Int32](repeating: 0, count: dated)
    var endDays = [Int32](repeating: 0, count: dated)
    var startMinutes = [Int16](repeating: 0, count: dated)
    var long: [Int32] = []
    for (run, entry) in dayRuns.enumerated() {
      let end = run + 1 < dayRuns.count ? dayRuns[run + 1].first : dated
      for place in entry.first..<end {
        let value = sorted[place]
        let position = Int((value >> spanBits) & 0xFFFF_FFFF)
        let span = value & spanMask
        order[place] = Int32(position)
        startDays[place] = entry.day
        startMinutes[place] = Int16(value >> 53)
        let last = span == spanMask ? max(entry.day, ends[position]) : entry.day + Int32(span)
        endDays[place] = last
        if last - entry.day > Self.shortSpan { long.append(Int32(place)) }
      }
    }
    sorted = []
    var undated = dated
    for position in 0..<starts.count where starts[position] == none {
      order[undated] = Int32(position)
      undated += 1
    }
    self.order = order
    datedCount = dated
    self.startDays = startDays
    self.endDays = endDays
    (spanning, spanningEnds) = Self.spanning(startDays: startDays, endDays: endDays)
    self.startMinutes = startMinutes
    self.long = long
    // The filters' bitsets are made on a thread of their own (the first filter waits for
    // them, if it comes first): the calendar does not wait for what only a filter reads.
    filterSetsSource = .building
    Self.bitsetQueue.async { [weak self] in self?.makeFilterSets() }
  }

  /// The index of `events`, which are `previous.events` with events appended
  /// (`EventStore.extends`), or the same: the old order is merged with the new events' (sorted
  /// alone), and the old bitsets copied a word at a time in the runs between the new
  /// positions, rather than everything sorted and filled again. A reload after a row was
  /// appended to a million costs a few copies of the arrays. Anything else is indexed anew.
  public convenience init(events: EventStore, previous: EventIndex) {
    guard events.extends(previous.events) else {
      self.init(events: events)
      return
    }
    let old = previous.events.count
    var minutes: [String: Int16] = [:]
    func minute(_ position: Int) -> Int16 {
      let text = events.timeText(position)
      guard text >= 0 else { return 0 }
      let time = events.texts[text]
      if let known = minutes[time] { return known }
      let value = Int16((startMinute(of: time) ?? -1) + 1)
      minutes[time] = value
      return value
    }
    // The new events: dated ones by (start day, start minute, position), as the whole order is.
    var added: [(day: Int32, minute: Int16, position: Int32)] = []
    var addedUndated: [Int32] = []
    for position in old..<events.count {
      if let day = events.startDay(position) {
        added.append((day, minute(position), Int32(position)))
      } else {
        addedUndated.append(Int32(position))
      }
    }
    added.sort { ($0.day, $0.minute, $0.position) < ($1.day, $1.minute, $1.position) }
    let total = events.count
    var order: [Int32] = []
    var startDays: [Int32] = []
    var endDays: [Int32] = []
    var startMinutes: [Int16] = []
    var long: [Int32] = []
    order.reserveCapacity(total)
    let datedCount = previous.datedCount + added.count
    startDays.reserveCapacity(datedCount)
    endDays.reserveCapacity(datedCount)
    startMinutes.reserveCapacity(datedCount)
    // The bitsets: the new events' own bits as they are placed, the old bits (below) in
    // their runs.
    var bits = FilterBits(events: events, count: total)
    // Runs of old positions that keep their order: (old start, new start, length), each
    // copied whole (a few array copies at a million events, not a step per event).
    var runs: [(old: Int, new: Int, count: Int)] = []
    var nextLong = 0
    func keep(_ range: Range<Int>) {
      guard !range.isEmpty else { return }
      let position = order.count
      runs.append((range.lowerBound, position, range.count))
      order.append(contentsOf: previous.order[range])
      guard range.lowerBound < previous.datedCount else { return }
      startDays.append(contentsOf: previous.startDays[range])
      endDays.append(contentsOf: previous.endDays[range])
      startMinutes.append(contentsOf: previous.startMinutes[range])
      while nextLong < previous.long.count, Int(previous.long[nextLong]) < range.upperBound {
        long.append(previous.long[nextLong] + Int32(position - range.lowerBound))
        nextLong += 1
      }
    }
    func place(_ entry: (day: Int32, minute: Int16, position: Int32)) {
      bits.mark(Int(entry.position), at: order.count)
      order.append(entry.position)
      let end = max(entry.day, events.endDay(Int(entry.position)) ?? entry.day)
      if end - entry.day > Self.shortSpan { long.append(Int32(startDays.count)) }
      startDays.append(entry.day)
      endDays.append(end)
      startMinutes.append(entry.minute)
    }
    // The old dated positions are in (start day, start minute, position) order: each new
    // event goes before the first old one above it, found by a binary search.
    var kept = 0
    for entry in added {
      var low = kept
      var high = previous.datedCount
      while low < high {
        let middle = (low + high) / 2
        let key = (
          previous.startDays[middle], previous.startMinutes[middle], previous.order[middle]
        )
        if key < (entry.day, entry.minute, entry.position) {
          low = middle + 1
        } else {
          high = middle
        }
      }
      keep(kept..<low)
      kept = low
      place(entry)
    }
    keep(kept..<previous.datedCount)
    keep(previous.datedCount..<old)
    for event in addedUndated {
      bits.mark(Int(event), at: order.count)
      order.append(event)
    }
    bits.copy(previous, runs: runs)
    self.init(
      events: events, order: order, startDays: startDays, endDays: endDays,
      startMinutes: startMinutes, datedCount: datedCount, long: long, sets: bits.sets)
  }

  private init(
    events: EventStore, order: [Int32], startDays: [Int32], endDays: [Int32],
    startMinutes: [Int16], datedCount: Int, long: [Int32], sets: FilterSets
  ) {
    self.events = events
    self.order = order
    self.startDays = startDays
    self.endDays = endDays
    (spanning, spanningEnds) = Self.spanning(startDays: startDays, endDays: endDays)
    self.startMinutes = startMinutes
    self.datedCount = datedCount
    self.long = long
    filterSetsSource = .built(sets)
  }

  public var count: Int { order.count }

  /// Per store position, its agenda position: the inverse of an order.
  static func ranks(_ order: [Int32]) -> [Int32] {
    var rank = [Int32](repeating: 0, count: order.count)
    for (position, event) in order.enumerated() { rank[Int(event)] = Int32(position) }
    return rank
  }

  /// The event at a position of the agenda order.
  public func event(at position: Int) -> CityEvent { events[Int(order[position])] }

  /// The positions passing the filter.
  func passing(_ filter: EventFilter) -> Bitset {
    lock.lock()
    defer { lock.unlock() }
    if let cache = filterCache, cache.filter == filter { return cache.bits }
    var bits = Bitset(count: order.count, filled: true)
    if !filter.categoryIDs.isEmpty {
      var any = Bitset(count: order.count)
      for id in filter.categoryIDs { if let set = categoryBits[id] { any.formUnion(set) } }
      bits.formIntersection(any)
    }
    if filter.freeOnly { bits.formIntersection(freeBits) }
    switch filter.audience {
    case .all: break
    case .children: bits.formIntersection(childrenBits)
    case .adults: bits.formIntersection(adultsBits)
    }
    let query = foldedForSearch(filter.search.trimmingSpaces)
    if !query.isEmpty { bits.formIntersection(searchLocked(query)) }
    filterCache = (filter, bits)
    return bits
  }

  /// The positions whose texts contain the folded query; narrows the previous result when
  /// the query contains the previous one.
  private func searchLocked(_ query: String) -> Bitset {
    if let cache = searchCache, cache.query == query { return cache.bits }
    if texts == nil { texts = SearchTexts(self) }
    let texts = texts!
    var result = Bitset(count: order.count)
    let matching = texts.matching(query)
    if let cache = searchCache, query.contains(cache.query) {
      cache.bits.forEachPosition { position in
        if texts.matches(position, matching) { result.insert(position) }
      }
    } else {
      // Every event, in the store's order (its columns read front to back), marked at its
      // agenda position.
      for event in 0..<order.count where texts.eventMatches(event, matching) {
        result.insert(Int(texts.rank[event]))
      }
    }
    searchCache = (query, result)
    return result
  }

  /// Dated positions whose days overlap `first...last`, in agenda order.
  func overlapping(_ first: CivilDate, _ last: CivilDate) -> [Int] {
    let low = Int32(first.daysSinceEpoch)
    let high = Int32(last.daysSinceEpoch)
    // Those that started before `low` and are still on (they come first in agenda order),
    // then every short one that starts in `low...high`.
    var found: [Int] = []
    var entry = lowerBound(in: spanning, low - Self.shortSpan)
    while entry < spanning.count {
      let position = Int(spanning[entry])
      guard startDays[position] < low else { break }
      if entry % Self.blockSize == 0, spanningEnds[entry / Self.blockSize] < low {
        entry += Self.blockSize
        continue
      }
      if endDays[position] >= low { found.append(position) }
      entry += 1
    }
    var position = lowerBound(low)
    while position < datedCount, startDays[position] <= high {
      if endDays[position] - startDays[position] <= Self.shortSpan { found.append(position) }
      position += 1
    }
    var longFound: [Int] = []
    for position in long where startDays[Int(position)] <= high && endDays[Int(position)] >= low {
      longFound.append(Int(position))
    }
    if !longFound.isEmpty { found = (found + longFound).sorted() }
    return found
  }

  /// The first entry of `positions` (dated positions, in order) that starts on `day` or later.
  private func lowerBound(in positions: [Int32], _ day: Int32) -> Int {
    var low = 0
    var high = positions.count
    while low < high {
      let middle = (low + high) / 2
      if startDays[Int(positions[middle])] < day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  private func lowerBound(_ day: Int32) -> Int {
    var low = 0
    var high = datedCount
    while low < high {
      let middle = (low + high) / 2
      if startDays[middle] < day { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Whether the dated position falls on the day (days since the epoch).
  func fallsOn(_ position: Int, _ day: Int32) -> Bool {
    startDays[position] <= day && day <= endDays[position]
  }

  /// The agenda of a span around a day: each listed day's passing events in start-time order
  /// (untimed first, then by start day and the data's order), then the undated.
  public func agenda(_ day: CivilDate, span: AgendaSpan, filter: EventFilter) -> Agenda {
    let days = agendaDays(day, span: span)
    let key = AgendaKey(first: days.first!, last: days.last!, filter: filter)
    let known = recent.withLock { recent in
      recent.agenda.firstIndex { $0.key == key }.map { index in
        let hit = recent.agenda.remove(at: index)
        recent.agenda.insert(hit, at: 0)
        return hit
      }
    }
    if let known { return Agenda(index: self, dated: known.dated, undated: known.undated) }
    let agenda = makeAgenda(days, filter: filter)
    // Kept without the index (which holds the cache: no cycle).
    recent.withLock {
      $0.agenda = [(key, agenda.dated, agenda.undated)] + $0.agenda.prefix(Self.recentKept - 1)
    }
    return agenda
  }

  /// The last few agendas and month counts asked for (each a pure function of this index and
  /// its key): a frame, and the key before it, ask for the same ones again.
  private let recent = Mutex(Recent())
  private static let recentKept = 4
  private struct AgendaKey: Equatable {
    var first: CivilDate
    var last: CivilDate
    var filter: EventFilter
  }
  private struct Recent {
    var agenda: [(key: AgendaKey, dated: [(day: CivilDate, position: Int32)], undated: [Int32])] =
      []
    var counts: [(key: AgendaKey, value: [CivilDate: Int])] = []
  }

  private func makeAgenda(_ days: [CivilDate], filter: EventFilter) -> Agenda {
    let bits = passing(filter)
    let candidates = overlapping(days.first!, days.last!).filter { bits.contains($0) }
    var entries: [(day: CivilDate, position: Int32)] = []
    entries.reserveCapacity(candidates.count)
    // Each day's entries by time (untimed first), then by agenda order: sorted as one number
    // each, the start minute above the position. Candidates come by start day: those that
    // start on the day come in that order already (a day's events are in time order in the
    // index), those carried over from an earlier day by their start day first; a sort of
    // plain numbers that are mostly in order (a run per start day) is quick.
    var keys: [UInt64] = []
    for day in days {
      let number = Int32(day.daysSinceEpoch)
      keys.removeAll(keepingCapacity: true)
      for position in candidates where fallsOn(position, number) {
        let minute = UInt64(UInt16(bitPattern: startMinutes[position]) ^ 0x8000)
        keys.append(minute << 32 | UInt64(position))
      }
      if zip(keys, keys.dropFirst()).contains(where: { $0 > $1 }) { keys.sort() }
      for key in keys { entries.append((day, Int32(truncatingIfNeeded: key))) }
    }
    return Agenda(index: self, dated: entries, undated: undatedPassing(filter, bits))
  }

  /// Per day from the first dated event's to the last one's end, the events on it (with no
  /// filter, as the calendar opens): made once, by one pass over the dated events, when a
  /// month is first counted without a filter; nil when those days span more than
  /// `countingSortDays` (a year mistyped by millennia), where months are counted one by one.
  private var unfilteredTable: (low: Int32, perDay: [Int32])??

  private func unfilteredDays() -> (low: Int32, perDay: [Int32])? {
    lock.lock()
    defer { lock.unlock() }
    if let table = unfilteredTable { return table }
    var table: (low: Int32, perDay: [Int32])?
    if datedCount > 0 {
      var low = Int32.max
      var high = Int32.min
      for position in 0..<datedCount {
        low = min(low, startDays[position])
        high = max(high, endDays[position])
      }
      if Int(high) - Int(low) < Self.countingSortDays {
        // +1 where an event starts, -1 the day after it ends; the running sum is the count.
        var perDay = [Int32](repeating: 0, count: Int(high - low) + 2)
        for position in 0..<datedCount {
          perDay[Int(startDays[position] - low)] += 1
          perDay[Int(endDays[position] - low) + 1] -= 1
        }
        var running: Int32 = 0
        for day in perDay.indices {
          running += perDay[day]
          perDay[day] = running
        }
        perDay.removeLast()
        table = (low, perDay)
      }
    }
    unfilteredTable = .some(table)
    return table
  }

  /// The undated positions among `bits` (those passing `filter`), kept for the next agenda.
  private func undatedPassing(_ filter: EventFilter, _ bits: Bitset) -> [Int32] {
    lock.lock()
    defer { lock.unlock() }
    if let cache = undatedCache, cache.filter == filter { return cache.positions }
    var undated: [Int32] = []
    bits.forEachPosition(from: datedCount) { undated.append(Int32($0)) }
    undatedCache = (filter, undated)
    return undated
  }

  /// How many events pass the filter.
  public func passingCount(_ filter: EventFilter) -> Int { passing(filter).count }

  /// The events passing the filter that overlap `first...last`, each once, in agenda order.
  public func events(overlapping first: CivilDate, _ last: CivilDate, filter: EventFilter)
    -> [CityEvent]
  {
    var found: [CityEvent] = []
    forEachEvent(overlapping: first, last, filter: filter) { found.append($0) }
    return found
  }

  /// Calls `body` with each event passing the filter that overlaps `first...last`, in agenda
  /// order, making one `CityEvent` at a time.
  public func forEachEvent(
    overlapping first: CivilDate, _ last: CivilDate, filter: EventFilter,
    _ body: (CityEvent) -> Void
  ) {
    guard first <= last else { return }
    let bits = passing(filter)
    for position in overlapping(first, last) where bits.contains(position) {
      body(event(at: position))
    }
  }

  /// The events passing the filter that the source gives no date for, in the data's order.
  public func undatedEvents(filter: EventFilter) -> [CityEvent] {
    var found: [CityEvent] = []
    passing(filter).forEachPosition(from: datedCount) { found.append(event(at: $0)) }
    return found
  }

  /// The events passing the filter that have not ended before `day` (by start, then the
  /// undated), the first `limit` of them and how many there are: the presentation's events
  /// slide. Counted with the bitsets (a population count from the first start on or after
  /// `day`), so that a million events cost a few thousand words, not a million events.
  public func upcoming(from day: CivilDate, filter: EventFilter, limit: Int) -> (
    events: [CityEvent], total: Int
  ) {
    let bits = passing(filter)
    let low = Int32(day.daysSinceEpoch)
    // Before `window` only an event longer than `shortSpan` days can still be running.
    let window = lowerBound(low - Self.shortSpan)
    let onOrAfter = lowerBound(low)
    var positions: [Int] = long.lazy.map(Int.init)
      .filter { $0 < window && self.endDays[$0] >= low && bits.contains($0) }
    var total = positions.count
    for position in window..<onOrAfter where endDays[position] >= low && bits.contains(position) {
      total += 1
      if positions.count < limit { positions.append(position) }
    }
    total += bits.count(in: onOrAfter..<order.count)
    var position = onOrAfter
    while positions.count < limit, position < order.count {
      if bits.contains(position) { positions.append(position) }
      position += 1
    }
    return (positions.prefix(limit).map { event(at: $0) }, total)
  }

  /// Events passing the filter per day of `first...last`.
  public func counts(_ first: CivilDate, _ last: CivilDate, filter: EventFilter) -> [CivilDate: Int]
  {
    let key = AgendaKey(first: first, last: last, filter: filter)
    let known = recent.withLock { recent -> [CivilDate: Int]? in
      if let index = recent.counts.firstIndex(where: { $0.key == key }) {
        let hit = recent.counts.remove(at: index)
        recent.counts.insert(hit, at: 0)
        return hit.value
      }
      // A day or week inside a month already counted (the announcement's day in the month
      // drawn): its part of those counts, without touching the cache.
      return recent.counts.first {
        $0.key.filter == filter && $0.key.first <= first && last <= $0.key.last
      }?.value.filter { first <= $0.key && $0.key <= last }
    }
    if let known { return known }
    let counts = makeCounts(first, last, filter: filter)
    recent.withLock { $0.counts = [(key, counts)] + $0.counts.prefix(Self.recentKept - 1) }
    return counts
  }

  private func makeCounts(_ first: CivilDate, _ last: CivilDate, filter: EventFilter)
    -> [CivilDate: Int]
  {
    let low = Int32(first.daysSinceEpoch)
    let high = Int32(last.daysSinceEpoch)
    guard low <= high else { return [:] }
    if filter == EventFilter(), let table = unfilteredDays() {
      var counts: [CivilDate: Int] = [:]
      for day in low...high {
        let offset = Int(day) - Int(table.low)
        guard table.perDay.indices.contains(offset), table.perDay[offset] > 0 else { continue }
        counts[CivilDate(daysSinceEpoch: Int(day))] = Int(table.perDay[offset])
      }
      return counts
    }
    let bits = passing(filter)
    var perDay = [Int](repeating: 0, count: Int(high - low) + 1)
    for position in overlapping(first, last) where bits.contains(position) {
      for day in max(low, startDays[position])...min(high, endDays[position]) {
        perDay[Int(day - low)] += 1
      }
    }
    var counts: [CivilDate: Int] = [:]
    for (offset, count) in perDay.enumerated() where count > 0 {
      counts[CivilDate(daysSinceEpoch: Int(low) + offset)] = count
    }
    return counts
  }
}

/// The agenda's entries without copying the events: `count` and `entry(at:)`.
public struct Agenda {
  let index: EventIndex
  let dated: [(day: CivilDate, position: Int32)]
  let undated: [Int32]

  public var count: Int { dated.count + undated.count }

  public func entry(at offset: Int) -> CalendarEntry {
    let (day, position) = storePosition(at: offset)
    return CalendarEntry(day: day, event: index.events[position])
  }

  /// The day and what a list row shows of the entry at `offset` (as `entry(at:)`'s event).
  public func summary(at offset: Int) -> (day: CivilDate?, event: EventSummary) {
    let (day, position) = storePosition(at: offset)
    return (day, index.events.summary(at: position))
  }

  /// The day the entry at `offset` is listed under (nil for the undated) and its event's
  /// position in the store.
  private func storePosition(at offset: Int) -> (day: CivilDate?, position: Int) {
    offset < dated.count
      ? (dated[offset].day, Int(index.order[Int(dated[offset].position)]))
      : (nil, Int(index.order[Int(undated[offset - dated.count])]))
  }

  public var all: [CalendarEntry] { (0..<count).map(entry(at:)) }
}

/// The folded distinct texts of the events (titles, subtitles, notes, venues), by their
/// number in the store's text table.
struct SearchTexts {
  /// Numbers of the texts an event can be found by, and each one folded.
  var numbers: [Int32] = []
  var folded: [String] = []
  /// Per event, its subtitle folded (subtitles are in the few events' details).
  var subtitles: [Int: String] = [:]
  let store: EventStore
  let order: [Int32]
  /// Per event (store position), its agenda position: the inverse of `order`.
  let rank: [Int32]

  init(_ index: EventIndex) {
    store = index.events
    order = index.order
    rank = EventIndex.ranks(order)
    var wanted = [Bool](repeating: false, count: store.texts.count)
    for position in store.indices {
      wanted[Int(store.titleText(position))] = true
      let notes = store.notesText(position)
      if notes >= 0 { wanted[Int(notes)] = true }
      if let subtitle = store.subtitle(position) { subtitles[position] = foldedForSearch(subtitle) }
    }
    for list in store.venueListTexts { for venue in list { wanted[Int(venue)] = true } }
    for (number, isWanted) in wanted.enumerated() where isWanted {
      numbers.append(Int32(number))
      folded.append(foldedForSearch(store.texts[Int32(number)]))
    }
  }

  /// What matches the folded query: per text number, and per venue list.
  struct Matching {
    var texts: [Bool]
    var venueLists: [Bool]
    var subtitles: Set<Int>
  }

  func matching(_ query: String) -> Matching {
    var texts = [Bool](repeating: false, count: store.texts.count)
    for (offset, text) in folded.enumerated() where text.contains(query) {
      texts[Int(numbers[offset])] = true
    }
    let venueLists = store.venueListTexts.map { $0.contains { texts[Int($0)] } }
    let subtitles = Set(subtitles.filter { $0.value.contains(query) }.keys)
    return Matching(texts: texts, venueLists: venueLists, subtitles: subtitles)
  }

  /// Whether the event at an agenda position has a matching text.
  func matches(_ position: Int, _ matching: Matching) -> Bool {
    eventMatches(Int(order[position]), matching)
  }

  /// Whether the event (a store position) has a matching text.
  func eventMatches(_ event: Int, _ matching: Matching) -> Bool {
    if matching.texts[Int(store.titleText(event))] { return true }
    let notes = store.notesText(event)
    if notes >= 0, matching.texts[Int(notes)] { return true }
    if matching.venueLists[Int(store.venueList(event))] { return true }
    return !matching.subtitles.isEmpty && matching.subtitles.contains(event)
  }
}

/// The filters' bitsets being filled (per category, uncategorised, free, for children, for
/// adults): each event's bits set at its agenda position. What each shared list (fees,
/// audiences) means is worked out once per list.
/// The filters' bitsets, one bit per agenda position.
typealias FilterSets = (
  categories: [String: Bitset], uncategorised: Bitset, free: Bitset, children: Bitset,
  adults: Bitset
)

struct FilterBits {
  let events: EventStore
  let count: Int
  private let free: [Bool]
  private let forChildren: [Bool]
  private let forAdults: [Bool]
  /// By text number: the category's place in `categoryIDs` (-1: not seen yet).
  private var categoryNumbers: [Int]
  private var categoryIDs: [String] = []
  private var categorySets: [Bitset] = []
  private var uncategorised: Bitset
  private var freeBits: Bitset
  private var childrenBits: Bitset
  private var adultsBits: Bitset

  init(events: EventStore, count: Int? = nil) {
    self.events = events
    self.count = count ?? events.count
    free = events.feeListValues.map { $0.contains { $0.yen == 0 } }
    forChildren = events.audienceListValues.map { $0.contains { $0 != .adults } }
    forAdults = events.audienceListValues.map { $0.contains { $0 != .children } }
    categoryNumbers = [Int](repeating: -1, count: events.texts.count)
    uncategorised = Bitset(count: self.count)
    freeBits = Bitset(count: self.count)
    childrenBits = Bitset(count: self.count)
    adultsBits = Bitset(count: self.count)
  }

  private mutating func categorySet(_ text: Int) -> Int {
    if categoryNumbers[text] < 0 {
      categoryNumbers[text] = categorySets.count
      categoryIDs.append(events.texts[Int32(text)])
      categorySets.append(Bitset(count: count))
    }
    return categoryNumbers[text]
  }

  /// Sets the event's bits (a store position) at an agenda position.
  mutating func mark(_ event: Int, at position: Int) {
    let category = Int(events.categoryText(event))
    if category >= 0 {
      categorySets[categorySet(category)].insert(position)
    } else {
      uncategorised.insert(position)
    }
    if free[Int(events.feeList(event))] { freeBits.insert(position) }
    let audience = Int(events.audienceList(event))
    if forChildren[audience] { childrenBits.insert(position) }
    if forAdults[audience] { adultsBits.insert(position) }
  }

  /// Copies the bits of an index of fewer events, run by run (old start, new start, length).
  mutating func copy(_ previous: EventIndex, runs: [(old: Int, new: Int, count: Int)]) {
    func copyRuns(_ from: Bitset, into bits: inout Bitset) {
      for run in runs { bits.copy(from, run.old..<(run.old + run.count), to: run.new) }
    }
    for (id, set) in previous.categoryBits {
      guard let text = events.texts.find(id) else { continue }
      copyRuns(set, into: &categorySets[categorySet(Int(text))])
    }
    copyRuns(previous.uncategorised, into: &uncategorised)
    copyRuns(previous.freeBits, into: &freeBits)
    copyRuns(previous.childrenBits, into: &childrenBits)
    copyRuns(previous.adultsBits, into: &adultsBits)
  }

  var sets: FilterSets {
    (
      Dictionary(uniqueKeysWithValues: zip(categoryIDs, categorySets)), uncategorised, freeBits,
      childrenBits, adultsBits
    )
  }
}

/// A fixed-size set of positions, 64 to a word.
struct Bitset: Sendable, Equatable {
  var words: [UInt64]
  let capacity: Int

  init(count: Int, filled: Bool = false) {
    capacity = count
    words = [UInt64](repeating: filled ? ~0 : 0, count: (count + 63) / 64)
    if filled, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
  }

  mutating func insert(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }
  func contains(_ position: Int) -> Bool {
    words[position >> 6] & (1 << UInt64(position & 63)) != 0
  }

  mutating func formUnion(_ other: Bitset) {
    for index in words.indices { words[index] |= other.words[index] }
  }

  mutating func formIntersection(_ other: Bitset) {
    for index in words.indices { words[index] &= other.words[index] }
  }

  var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// Adds the positions of `source` in `range`, each moved to `start` + its offset in the
  /// range, a word of this set at a time.
  mutating func copy(_ source: Bitset, _ range: Range<Int>, to start: Int) {
    var position = start
    let end = start + range.count
    while position < end {
      let bit = position & 63
      let take = min(64 - bit, end - position)
      let from = range.lowerBound + (position - start)
      let word = from >> 6
      let shift = from & 63
      var chunk = source.words[word] >> UInt64(shift)
      if shift != 0, word + 1 < source.words.count {
        chunk |= source.words[word + 1] << UInt64(64 - shift)
      }
      if take < 64 { chunk &= (1 << UInt64(take)) - 1 }
      words[position >> 6] |= chunk << UInt64(bit)
      position += take
    }
  }

  /// How many positions in the range are in the set.
  func count(in range: Range<Int>) -> Int {
    guard !range.isEmpty else { return 0 }
    let first = range.lowerBound >> 6
    let last = (range.upperBound - 1) >> 6
    var total = 0
    for index in first...last {
      var word = words[index]
      if index == first { word &= ~0 << UInt64(range.lowerBound & 63) }
      if index == last, range.upperBound & 63 != 0 {
        word &= (1 << UInt64(range.upperBound & 63)) - 1
      }
      total += word.nonzeroBitCount
    }
    return total
  }

  /// Calls `body` with every position in the set from `start` on, in order.
  func forEachPosition(from start: Int = 0, _ body: (Int) -> Void) {
    guard start < capacity else { return }
    var wordIndex = start >> 6
    var word = words[wordIndex] & (~0 << UInt64(start & 63))
    while true {
      while word != 0 {
        body(wordIndex << 6 + word.trailingZeroBitCount)
        word &= word - 1
      }
      wordIndex += 1
      guard wordIndex < words.count else { return }
      word = words[wordIndex]
    }
  }
}
