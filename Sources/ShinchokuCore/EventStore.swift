import Foundation
import JapaneseCalendar

/// Distinct texts, each stored once as UTF-8 in one byte buffer and named by a number: a
/// city's event list repeats its titles, venues, dates and fees thousands of times, and a
/// million events must not mean millions of separately allocated strings.
///
/// Lookup is an open-addressing hash table over the bytes (a multiply-mix hash on 8-byte words:
/// no Unicode normalisation, which makes hashing Japanese `String`s slow).
public struct StringTable: Sendable, Equatable {
  private var bytes: [UInt8] = []
  /// Text `n` is `bytes[ends[n]..<ends[n + 1]]`.
  private var ends: [UInt32] = [0]
  /// Per slot: the text's number + 1 in the low `numberBits` bits (0: an empty slot) and the
  /// top bits of its hash above them, so that a probe reads one 4-byte slot and compares bytes
  /// only when those bits match. The count is a power of two, at most three quarters used, so
  /// a number + 1 always fits in `numberBits` (the slot count's bits).
  private var slots: [UInt32] = [UInt32](repeating: 0, count: 64)
  private var numberBits = 6

  public init() {}

  public var count: Int { ends.count - 1 }

  public static func == (a: StringTable, b: StringTable) -> Bool {
    a.bytes == b.bytes && a.ends == b.ends
  }

  /// Room for about `texts` texts of `bytes` bytes in all.
  public mutating func reserve(texts: Int, bytes byteCount: Int) {
    ends.reserveCapacity(texts + 1)
    bytes.reserveCapacity(byteCount)
    var size = slots.count
    while size * 3 < texts * 4 { size *= 2 }
    if size > slots.count { rehash(size) }
  }

  /// The text's number, and whether it was new.
  @discardableResult
  public mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> (id: Int32, inserted: Bool) {
    let hash = Self.hash(text)
    let mask = slots.count - 1
    let tag = tagBits(hash)
    let numberMask = UInt32(mask)
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      if entry & ~numberMask == tag {
        let id = Int(entry & numberMask) - 1
        if equals(id, text) { return (Int32(id), false) }
      }
      slot = (slot + 1) & mask
    }
    let id = Int32(count)
    bytes.append(contentsOf: text)
    ends.append(UInt32(bytes.count))
    slots[slot] = tag | UInt32(id + 1)
    if count * 4 > slots.count * 3 { rehash(slots.count * 2) }
    return (id, true)
  }

  /// The hash's top bits above the number's (none once numbers take all 32).
  private func tagBits(_ hash: UInt32) -> UInt32 {
    numberBits >= 32 ? 0 : hash & ~(UInt32.max >> UInt32(32 - numberBits))
  }

  @discardableResult
  public mutating func intern(_ text: String) -> (id: Int32, inserted: Bool) {
    var text = text
    return text.withUTF8 { intern($0) }
  }

  /// The number of a text already in the table.
  public func find(_ text: String) -> Int32? {
    var text = text
    return text.withUTF8 { buffer -> Int32? in
      let hash = Self.hash(buffer)
      let mask = slots.count - 1
      let tag = tagBits(hash)
      let numberMask = UInt32(mask)
      var slot = Int(hash) & mask
      while slots[slot] != 0 {
        let entry = slots[slot]
        let id = Int(entry & numberMask) - 1
        if entry & ~numberMask == tag, equals(id, buffer) { return Int32(id) }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  public subscript(id: Int32) -> String {
    let start = Int(ends[Int(id)])
    let end = Int(ends[Int(id) + 1])
    return bytes.withUnsafeBufferPointer {
      String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
    }
  }

  /// The bytes of a text, lent to `body`.
  public func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let start = Int(ends[Int(id)])
    let end = Int(ends[Int(id) + 1])
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
  }

  private func equals(_ id: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(ends[id])
    let length = Int(ends[id + 1]) - start
    guard length == text.count else { return false }
    guard length > 0 else { return true }
    return bytes.withUnsafeBufferPointer {
      memcmp($0.baseAddress! + start, text.baseAddress!, length) == 0
    }
  }

  /// A table of `size` slots: each text's hash is worked out again from its bytes (the slots
  /// keep only some of its bits).
  private mutating func rehash(_ size: Int) {
    var fresh = [UInt32](repeating: 0, count: size)
    let mask = size - 1
    numberBits = size.trailingZeroBitCount
    bytes.withUnsafeBufferPointer { all in
      for id in 0..<count {
        let start = Int(ends[id])
        let hash = Self.hash(UnsafeBufferPointer(rebasing: all[start..<Int(ends[id + 1])]))
        var slot = Int(hash) & mask
        while fresh[slot] != 0 { slot = (slot + 1) & mask }
        fresh[slot] = tagBits(hash) | UInt32(id + 1)
      }
    }
    slots = fresh
  }

  /// A fast, well-mixed hash of bytes (8 at a time); not for untrusted-input hash flooding
  /// defence, which a local data file does not need.
  static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
    guard let base = text.baseAddress else { return UInt32(truncatingIfNeeded: state >> 32) }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= text.count {
      let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      state = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
      state ^= state >> 31
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < text.count {
      tail |= UInt64(base[offset]) << shift
      shift += 8
      offset += 1
    }
    state = (state ^ tail) &* 0x94D0_49BB_1331_11EB
    state ^= state >> 29
    state = state &* 0xBF58_476D_1CE4_E5B9
    return UInt32(truncatingIfNeeded: state >> 32)
  }
}

/// Values many events share (a fee list, an audience list, a venue list, a provenance) stored
/// once each and named by number.
struct Interned<Value: Hashable & Sendable>: Sendable, Equatable {
  private(set) var values: [Value] = []
  private var numbers: [Value: Int32] = [:]

  mutating func number(_ value: Value) -> Int32 {
    if let known = numbers[value] { return known }
    let number = Int32(values.count)
    values.append(value)
    numbers[value] = number
    return number
  }

  subscript(number: Int32) -> Value { values[Int(number)] }

  static func == (a: Self, b: Self) -> Bool { a.values == b.values }
}

/// The fields of an event that a list row shows (`EventStore.summary(at:)`), each as the
/// event's own (`CityEvent`) field of that name.
public struct EventSummary: Sendable, Equatable {
  public var id: String
  public var title: String
  public var venues: [String]
  public var start: CivilDate?
  public var end: CivilDate?
  public var time: String?
  public var audience: [Audience]
  public var fees: [Fee]
  /// Whether the venue was inferred, not read from the source.
  public var venueInferred: Bool
  /// Whether the start or the end was inferred.
  public var datesInferred: Bool
}

/// The events of a data set, column by column: about 30 bytes an event (13 in the columns at
/// a million synthetic events, the rest the id and its hash slot) instead of a
/// `CityEvent` with its own strings and arrays (≈250 bytes and a dozen allocations). A
/// `CityEvent` is made only for an event that is looked at (the agenda's visible rows, the
/// detail, an export).
///
/// Ids are the first texts of their own table, in event order: event `n`'s id is `ids[n]`, so
/// that finding an event by id, and refusing a duplicate, is one hash lookup.
public struct EventStore: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
  /// Titles, venues, times, notes and category ids.
  public private(set) var texts = StringTable()
  public private(set) var ids = StringTable()
  // One entry per event, each column in as few bytes a number as its numbers need
  // (PackedColumn.swift). Text numbers are into `texts`; -1 is none.
  @usableFromInline private(set) var titles = NumberColumn()
  @usableFromInline private(set) var categories = NumberColumn()
  @usableFromInline private(set) var venueLists = NumberColumn()
  /// Days since 1970-01-01; `Int32.min` is none.
  @usableFromInline private(set) var startDays = DayColumn()
  @usableFromInline private(set) var endDays = DayColumn()
  @usableFromInline private(set) var times = NumberColumn()
  @usableFromInline private(set) var notes = NumberColumn()
  @usableFromInline private(set) var audienceLists = NumberColumn()
  @usableFromInline private(set) var feeLists = NumberColumn()
  private(set) var details = NumberColumn()
  // The shared values.
  private(set) var venueTable = Interned<[Int32]>()
  private(set) var audienceTable = Interned<[Audience]>()
  private(set) var feeTable = Interned<[Fee]>()
  private(set) var detailTable = Interned<EventDetails>()

  /// Shared by copies of a store and replaced when a shared store is changed, so that
  /// "is this the same store" costs one comparison (see `isIdentical(to:)`).
  private var token = Token(parent: nil, count: 0)
  /// A store changed after it was copied gets a token of its own that remembers the one it was
  /// copied from and its count then: the only changes are appends, so that tells which
  /// stores are another with events appended (`extends`).
  private final class Token: Sendable {
    let parent: Token?
    let parentCount: Int
    init(parent: Token?, count: Int) {
      self.parent = parent
      parentCount = count
    }
  }

  /// Whether the two are copies of one store with no change since: then they are equal, and
  /// anything built from one (the calendar's index) serves the other.
  public func isIdentical(to other: EventStore) -> Bool { token === other.token }

  /// Whether this store is `other` (as it is now) with events appended, or the same: its first
  /// `other.count` events are `other`'s. (False does not mean they differ.)
  public func extends(_ other: EventStore) -> Bool {
    if isIdentical(to: other) { return true }
    var link = token
    while let parent = link.parent {
      if parent === other.token { return link.parentCount == other.count }
      link = parent
    }
    return false
  }

  private mutating func willChange() {
    if !isKnownUniquelyReferenced(&token) { token = Token(parent: token, count: count) }
  }

  public static let none: Int32 = -1
  @usableFromInline static let noDay = Int32.min

  public init() {}

  public init(arrayLiteral events: CityEvent...) { self.init(events) }

  public init<S: Sequence>(_ events: S) where S.Element == CityEvent {
    for event in events { append(event) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { titles.count }

  public subscript(position: Int) -> CityEvent {
    let detail = detailTable[details[position]]
    return CityEvent(
      id: ids[Int32(position)], title: texts[titles[position]], subtitle: detail.subtitle,
      categoryID: text(categories[position]),
      venues: venueTable[venueLists[position]].map { texts[$0] },
      start: day(startDays[position]), end: day(endDays[position]),
      time: text(times[position]), audience: audienceTable[audienceLists[position]],
      fees: feeTable[feeLists[position]], notes: text(notes[position]), source: detail.source,
      inferred: detail.inferred, inferenceNote: detail.inferenceNote,
      corrections: detail.corrections)
  }

  /// What a list row shows of the event at `position` (the agenda's), made without its other
  /// fields: a row is made for every event a day move brings on screen, and each text made
  /// costs (its notes and source are the longest).
  public func summary(at position: Int) -> EventSummary {
    let inferred = detailTable[details[position]].inferred
    return EventSummary(
      id: ids[Int32(position)], title: texts[titles[position]],
      venues: venueTable[venueLists[position]].map { texts[$0] },
      start: day(startDays[position]), end: day(endDays[position]),
      time: text(times[position]), audience: audienceTable[audienceLists[position]],
      fees: feeTable[feeLists[position]], venueInferred: inferred.contains("venue"),
      datesInferred: inferred.contains("start") || inferred.contains("end"))
  }

  private func text(_ number: Int32) -> String? { number < 0 ? nil : texts[number] }
  private func day(_ number: Int32) -> CivilDate? {
    number == Self.noDay ? nil : CivilDate(daysSinceEpoch: Int(number))
  }

  /// Equal events; stores that share their columns (a copy) compare without making events.
  public static func == (a: EventStore, b: EventStore) -> Bool {
    guard a.count == b.count else { return false }
    if a.isIdentical(to: b) { return true }
    if a.ids == b.ids, a.texts == b.texts, a.titles == b.titles, a.categories == b.categories,
      a.venueLists == b.venueLists, a.startDays == b.startDays, a.endDays == b.endDays,
      a.times == b.times, a.notes == b.notes, a.audienceLists == b.audienceLists,
      a.feeLists == b.feeLists, a.details == b.details, a.venueTable == b.venueTable,
      a.audienceTable == b.audienceTable, a.feeTable == b.feeTable,
      a.detailTable == b.detailTable
    {
      return true
    }
    return a.elementsEqual(b)
  }

  /// The position of the event with this id.
  public func position(ofID id: String) -> Int? { ids.find(id).map(Int.init) }

  public func contains(id: String) -> Bool { ids.find(id) != nil }

  /// The number columns, in the order the events cache keeps them.
  static var numberColumns: [WritableKeyPath<EventStore, NumberColumn>] {
    [
      \EventStore.titles, \.categories, \.venueLists, \.times, \.notes, \.audienceLists,
      \.feeLists, \.details,
    ]
  }

  public mutating func reserveCapacity(_ count: Int) {
    ids.reserve(texts: count, bytes: count * 8)
    for path in Self.numberColumns { self[keyPath: path].reserveCapacity(count) }
    startDays.reserveCapacity(count)
    endDays.reserveCapacity(count)
  }

  /// Adds an event; false (and nothing added) when its id is taken.
  @discardableResult
  public mutating func append(_ event: CityEvent) -> Bool {
    willChange()
    guard ids.intern(event.id).inserted else { return false }
    appendColumns(
      title: texts.intern(event.title).id,
      category: event.categoryID.map { texts.intern($0).id } ?? Self.none,
      venues: venueTable.number(event.venues.map { texts.intern($0).id }),
      start: event.start, end: event.end,
      time: event.time.map { texts.intern($0).id } ?? Self.none,
      notes: event.notes.map { texts.intern($0).id } ?? Self.none,
      audience: audienceTable.number(event.audience), fees: feeTable.number(event.fees),
      details: detailTable.number(EventDetails(event)))
    return true
  }

  /// Adds an event whose id was just interned into `ids` (by `internID`), from values already
  /// numbered: the CSV reader's path, which makes no `CityEvent`.
  mutating func appendColumns(
    title: Int32, category: Int32, venues: Int32, start: CivilDate?, end: CivilDate?,
    time: Int32, notes: Int32, audience: Int32, fees: Int32, details: Int32
  ) {
    precondition(ids.count == titles.count + 1, "intern the id first")
    willChange()
    titles.append(title)
    categories.append(category)
    venueLists.append(venues)
    startDays.append(start.map { Int32($0.daysSinceEpoch) } ?? Self.noDay)
    endDays.append(end.map { Int32($0.daysSinceEpoch) } ?? Self.noDay)
    times.append(time)
    self.notes.append(notes)
    audienceLists.append(audience)
    feeLists.append(fees)
    self.details.append(details)
  }

  // For the CSV reader: numbering values without making events.
  mutating func internID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { ids.intern(bytes).inserted }
  mutating func internText(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 { texts.intern(bytes).id }
  mutating func internText(_ text: String) -> Int32 { texts.intern(text).id }
  mutating func number(venues: [Int32]) -> Int32 { venueTable.number(venues) }
  mutating func number(audience: [Audience]) -> Int32 { audienceTable.number(audience) }
  mutating func number(fees: [Fee]) -> Int32 { feeTable.number(fees) }
  mutating func number(details: EventDetails) -> Int32 { detailTable.number(details) }

  // Column access for the calendar's index (read without making events).
  @inlinable public func startDay(_ position: Int) -> Int32? {
    startDays[position] == Self.noDay ? nil : startDays[position]
  }
  @inlinable public func endDay(_ position: Int) -> Int32? {
    endDays[position] == Self.noDay ? nil : endDays[position]
  }
  /// Every event's start day (`Int32.min`: none), end day and time text, in one pass each.
  public var allStartDays: [Int32] { startDays.all }
  public var allEndDays: [Int32] { endDays.all }
  public var allTimeTexts: [Int32] { times.all }
  @inlinable public func titleText(_ position: Int) -> Int32 { titles[position] }
  @inlinable public func notesText(_ position: Int) -> Int32 { notes[position] }
  @inlinable public func timeText(_ position: Int) -> Int32 { times[position] }
  @inlinable public func categoryText(_ position: Int) -> Int32 { categories[position] }
  public func subtitle(_ position: Int) -> String? { detailTable[details[position]].subtitle }
  /// The venue list's number (lists are shared), and the lists by number.
  @inlinable public func venueList(_ position: Int) -> Int32 { venueLists[position] }
  public var venueListTexts: [[Int32]] { venueTable.values }
  @inlinable public func audienceList(_ position: Int) -> Int32 { audienceLists[position] }
  public var audienceListValues: [[Audience]] { audienceTable.values }
  @inlinable public func feeList(_ position: Int) -> Int32 { feeLists[position] }
  public var feeListValues: [[Fee]] { feeTable.values }
}

/// What few events have (subtitles, inferred fields, corrections) and the source, stored once
/// per distinct combination: every row of a CSV file shares one.
struct EventDetails: Hashable, Sendable {
  var subtitle: String?
  var source: String
  var inferred: Set<String>
  var inferenceNote: String?
  var corrections: [Correction]

  init(
    subtitle: String? = nil, source: String, inferred: Set<String> = [],
    inferenceNote: String? = nil, corrections: [Correction] = []
  ) {
    self.subtitle = subtitle
    self.source = source
    self.inferred = inferred
    self.inferenceNote = inferenceNote
    self.corrections = corrections
  }

  init(_ event: CityEvent) {
    self.init(
      subtitle: event.subtitle, source: event.source, inferred: event.inferred,
      inferenceNote: event.inferenceNote, corrections: event.corrections)
  }
}

/// Minutes after midnight of the time a time text starts at ("9:30", "13:00〜15:00",
/// full-width digits and colon too); nil when it does not start with a time.
public func startMinute(of time: String) -> Int? {
  var digits: [Int] = []
  var hour: Int?
  for scalar in time.unicodeScalars {
    let value = scalar.value
    let digit: Int? =
      (0x30...0x39).contains(value)
      ? Int(value - 0x30) : (0xFF10...0xFF19).contains(value) ? Int(value - 0xFF10) : nil
    if let digit {
      digits.append(digit)
      guard digits.count <= 2 else { return nil }
    } else if hour == nil, scalar == ":" || scalar == "：", !digits.isEmpty {
      hour = digits.reduce(0) { $0 * 10 + $1 }
      digits = []
    } else {
      break
    }
  }
  guard let hour, digits.count == 2, hour < 24 else { return nil }
  let minute = digits[0] * 10 + digits[1]
  return minute < 60 ? hour * 60 + minute : nil
}

/// What is wrong with a time text, when a time in it cannot be: each `H:MM` (half or full
/// width digits and colon) must have hours 0–24 and minutes 0–59 (24:00 only as itself, the end
/// of a day). Free text ("午後", "10時") is not judged. Nil when nothing is wrong.
public func impossibleTime(in text: String) -> LocalizedText? {
  let scalars = Array(text.unicodeScalars)
  func digit(_ index: Int) -> Int? {
    guard scalars.indices.contains(index) else { return nil }
    let value = scalars[index].value
    return (0x30...0x39).contains(value)
      ? Int(value - 0x30) : (0xFF10...0xFF19).contains(value) ? Int(value - 0xFF10) : nil
  }
  var index = 0
  while index < scalars.count {
    guard scalars[index] == ":" || scalars[index] == "：" else {
      index += 1
      continue
    }
    var hourStart = index
    while hourStart > 0, index - hourStart < 2, digit(hourStart - 1) != nil { hourStart -= 1 }
    var minuteEnd = index + 1
    while minuteEnd - index - 1 < 2, digit(minuteEnd) != nil { minuteEnd += 1 }
    if hourStart < index, minuteEnd - index - 1 == 2 {
      let hour = (hourStart..<index).reduce(0) { $0 * 10 + digit($1)! }
      let minute = digit(index + 1)! * 10 + digit(index + 2)!
      if hour > 24 || minute > 59 || (hour == 24 && minute > 0) {
        let shown = String(String.UnicodeScalarView(scalars[hourStart..<minuteEnd]))
        return LocalizedText(
          "'\(shown)' はありえない時刻です（時は 0〜24、分は 0〜59）",
          english: "'\(shown)' is not a time of day (hours 0–24, minutes 0–59)")
      }
    }
    index += 1
  }
  return nil
}

extension CityEvent {
  /// The minute of the day the event starts at, when its time says.
  public var startMinute: Int? { time.flatMap(ShinchokuCore.startMinute(of:)) }
}

// The event cache's form of a store (EventCache.swift): every column and table as it is in
// memory, so that loading one is a copy per column, with no event made and nothing hashed again.
extension StringTable {
  func encode(to encoder: inout CacheEncoder) {
    encoder.bytes(bytes)
    encoder.uint32s(ends)
    encoder.uint32s(slots)
    encoder.int(numberBits)
  }

  init(from decoder: inout CacheDecoder) throws(CacheFormatError) {
    bytes = try decoder.bytes()
    ends = try decoder.uint32s()
    slots = try decoder.uint32s()
    numberBits = try decoder.int()
    // What the lookups rely on: the texts' ends in order within the bytes, and a table of
    // 2^numberBits slots at most three quarters used.
    guard ends.first == 0, Int(ends.last!) == bytes.count, (6...32).contains(numberBits),
      slots.count == 1 << numberBits, (ends.count - 1) * 4 <= slots.count * 3,
      zip(ends, ends.dropFirst()).allSatisfy({ $0 <= $1 })
    else { throw CacheFormatError() }
  }
}

extension Interned {
  func encode(to encoder: inout CacheEncoder, _ value: (Value, inout CacheEncoder) -> Void) {
    encoder.int(values.count)
    for item in values { value(item, &encoder) }
  }

  init(
    from decoder: inout CacheDecoder,
    _ value: (inout CacheDecoder) throws(CacheFormatError) -> Value
  ) throws(CacheFormatError) {
    let count = try decoder.count()
    for _ in 0..<count {
      let item = try value(&decoder)
      guard number(item) == Int32(values.count - 1) else { throw CacheFormatError() }
    }
  }
}

extension EventStore {
  func encode(to encoder: inout CacheEncoder) {
    texts.encode(to: &encoder)
    ids.encode(to: &encoder)
    for path in Self.numberColumns { self[keyPath: path].encode(to: &encoder) }
    startDays.encode(to: &encoder)
    endDays.encode(to: &encoder)
    venueTable.encode(to: &encoder) { list, encoder in
      encoder.int(list.count)
      for text in list { encoder.int(Int(text)) }
    }
    audienceTable.encode(to: &encoder) { list, encoder in
      encoder.int(list.count)
      for audience in list { encoder.string(audience.rawValue) }
    }
    feeTable.encode(to: &encoder) { list, encoder in
      encoder.int(list.count)
      for fee in list {
        encoder.string(fee.who)
        encoder.optional(fee.yen) { $1.int($0) }
        encoder.optional(fee.note) { $1.string($0) }
      }
    }
    detailTable.encode(to: &encoder) { detail, encoder in
      encoder.optional(detail.subtitle) { $1.string($0) }
      encoder.string(detail.source)
      encoder.int(detail.inferred.count)
      for field in detail.inferred.sorted() { encoder.string(field) }
      encoder.optional(detail.inferenceNote) { $1.string($0) }
      encoder.int(detail.corrections.count)
      for correction in detail.corrections {
        encoder.string(correction.asRead)
        encoder.string(correction.corrected)
        encoder.optional(correction.note) { $1.string($0) }
      }
    }
  }

  init(from decoder: inout CacheDecoder) throws(CacheFormatError) {
    self.init()
    texts = try StringTable(from: &decoder)
    ids = try StringTable(from: &decoder)
    for path in Self.numberColumns { self[keyPath: path] = try NumberColumn(from: &decoder) }
    startDays = try DayColumn(from: &decoder)
    endDays = try DayColumn(from: &decoder)
    let textCount = texts.count
    venueTable = try Interned(from: &decoder) { decoder throws(CacheFormatError) in
      try (0..<decoder.count()).map { _ throws(CacheFormatError) in
        let text = try decoder.int()
        guard (0..<textCount).contains(text) else { throw CacheFormatError() }
        return Int32(text)
      }
    }
    audienceTable = try Interned(from: &decoder) { decoder throws(CacheFormatError) in
      try (0..<decoder.count()).map { _ throws(CacheFormatError) in
        guard let audience = Audience(rawValue: try decoder.string()) else {
          throw CacheFormatError()
        }
        return audience
      }
    }
    feeTable = try Interned(from: &decoder) { decoder throws(CacheFormatError) in
      try (0..<decoder.count()).map { _ throws(CacheFormatError) in
        Fee(
          who: try decoder.string(),
          yen: try decoder.optional { d throws(CacheFormatError) in
            try d.int()
          },
          note: try decoder.optional { d throws(CacheFormatError) in try d.string() })
      }
    }
    detailTable = try Interned(from: &decoder) { decoder throws(CacheFormatError) in
      let subtitle = try decoder.optional { d throws(CacheFormatError) in try d.string() }
      let source = try decoder.string()
      let inferred = try (0..<decoder.count()).map { _ throws(CacheFormatError) in
        try decoder.string()
      }
      let note = try decoder.optional { d throws(CacheFormatError) in try d.string() }
      let corrections = try (0..<decoder.count()).map { _ throws(CacheFormatError) in
        Correction(
          asRead: try decoder.string(), corrected: try decoder.string(),
          note: try decoder.optional { d throws(CacheFormatError) in try d.string() })
      }
      return EventDetails(
        subtitle: subtitle, source: source, inferred: Set(inferred), inferenceNote: note,
        corrections: corrections)
    }
    // Every event in every column, each number naming a text or a list there is.
    let count = ids.count
    guard Self.numberColumns.allSatisfy({ self[keyPath: $0].count == count }),
      startDays.count == count,
      endDays.count == count, Self.within(titles, textCount),
      Self.within(categories, textCount, orNone: true), Self.within(times, textCount, orNone: true),
      Self.within(notes, textCount, orNone: true), Self.within(venueLists, venueTable.values.count),
      Self.within(audienceLists, audienceTable.values.count),
      Self.within(feeLists, feeTable.values.count),
      Self.within(details, detailTable.values.count)
    else { throw CacheFormatError() }
  }

  /// Whether every number of the column is below `count` (or -1, none, when allowed).
  private static func within(_ column: NumberColumn, _ count: Int, orNone: Bool = false) -> Bool {
    guard column.count > 0 else { return true }
    // Stored as the number + 1: 0 is none.
    let (least, most) = column.packed.bounds
    return (orNone || least >= 1) && Int(most) <= count
  }
}
