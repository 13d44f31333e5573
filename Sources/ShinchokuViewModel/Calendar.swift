import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// Whom an event is for, as the audience filter asks.
public enum AudienceFilter: String, Sendable, Equatable, CaseIterable {
  case all, children, adults

  /// all → children → adults → all.
  public var next: AudienceFilter {
    switch self {
    case .all: .children
    case .children: .adults
    case .adults: .all
    }
  }
}

/// Which events the calendar, its agenda and the calendar export show. The default passes
/// every event.
public struct EventFilter: Sendable, Equatable {
  /// Category ids to show; empty shows every category.
  public var categoryIDs: Set<String> = []
  /// Only events that someone can attend for free (at least one fee of 0 yen). An event whose
  /// fees are not given is not counted as free.
  public var freeOnly = false
  /// children: events for children, families or everyone; adults: for adults, families or
  /// everyone. An event whose audience the source does not give passes only `all`.
  public var audience: AudienceFilter = .all
  /// Matched against title, subtitle, venues and notes with `foldedForSearch` (hiragana and
  /// katakana, full and half width, letter case are not told apart). Empty matches all.
  public var search = ""

  public init(
    categoryIDs: Set<String> = [], freeOnly: Bool = false, audience: AudienceFilter = .all,
    search: String = ""
  ) {
    self.categoryIDs = categoryIDs
    self.freeOnly = freeOnly
    self.audience = audience
    self.search = search
  }

  public var isActive: Bool {
    !categoryIDs.isEmpty || freeOnly || audience != .all || !search.isEmpty
  }

  /// Whether the event passes: what the filter means, event by event. The calendar's
  /// `EventIndex` answers the same from its bitsets (its tests compare the two).
  public func matches(_ event: CityEvent) -> Bool {
    if !categoryIDs.isEmpty {
      guard let category = event.categoryID, categoryIDs.contains(category) else { return false }
    }
    if freeOnly, !event.fees.contains(where: { $0.yen == 0 }) { return false }
    switch audience {
    case .all: break
    case .children:
      guard event.audience.contains(where: { [.children, .families, .everyone].contains($0) })
      else { return false }
    case .adults:
      guard event.audience.contains(where: { [.adults, .families, .everyone].contains($0) })
      else { return false }
    }
    let query = foldedForSearch(search.trimmingSpaces)
    if !query.isEmpty {
      let haystack = ([event.title, event.subtitle ?? "", event.notes ?? ""] + event.venues)
        .map(foldedForSearch)
      guard haystack.contains(where: { $0.contains(query) }) else { return false }
    }
    return true
  }
}

extension String {
  var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}

/// How much the agenda beside the month grid lists: `v` cycles.
public enum AgendaSpan: String, Sendable, Equatable, CaseIterable {
  case day, week, month

  public var next: AgendaSpan {
    switch self {
    case .day: .week
    case .week: .month
    case .month: .day
    }
  }
}

/// The small input line of the events pane: a date to go to (`g`) or a search (`/`).
public struct CalendarInput: Sendable, Equatable {
  public enum Kind: Sendable, Equatable { case date, search }
  public var kind: Kind
  public var text: String
  /// The search before `/` was pressed, restored by Esc.
  public var previousSearch: String

  /// The most UTF-8 bytes the line takes: the rule of every input line (InputLine.swift).
  public static let maxBytes = InputLine.maxBytes
}

/// The events pane's state: the selected day, the agenda's span and selection, the filter,
/// the open event and the input line.
public struct CalendarState: Sendable, Equatable {
  public var selectedDay: CivilDate
  public var span: AgendaSpan = .day
  public var filter = EventFilter()
  /// The selected agenda entry; nil while the arrows move the day on the grid.
  public var agendaSelection: Int?
  /// The event whose detail is open.
  public var openEventID: String? {
    didSet { if openEventID != oldValue { detailScroll = 0 } }
  }
  /// How far the open event's detail is scrolled.
  public var detailScroll = 0
  public var input: CalendarInput?

  public init(selectedDay: CivilDate) { self.selectedDay = selectedDay }

  /// Today if the data has an event within a year of it (either way), else the first dated
  /// event's start (the seed: 2012-07-21), else today.
  public init(dataset: Dataset, today: CivilDate) {
    // From the store's columns: a million events are not made into `CityEvent`s here.
    let events = dataset.events
    let day = Int32(today.daysSinceEpoch)
    var first: Int32?
    var nearToday = false
    for position in events.indices {
      guard let start = events.startDay(position) else { continue }
      let end = events.endDay(position) ?? start
      first = min(first ?? start, start)
      if start - day <= 365, day - end <= 365 { nearToday = true }
    }
    if let first, !nearToday {
      selectedDay = CivilDate(daysSinceEpoch: Int(first))
    } else {
      selectedDay = today
    }
  }
}

/// What the events pane's keys ask for.
public enum CalendarAction: Sendable, Equatable {
  /// Another day on the grid (leaving the agenda): a day or a week either way.
  case moveDay(by: Int)
  /// The same day of another month.
  case moveMonth(by: Int)
  /// Another entry of the agenda.
  case moveInAgenda(by: Int)
  /// The agenda entry at this index (a click).
  case selectEntry(Int)
  /// Scroll the open event's detail.
  case scrollDetail(by: Int)
  case goToToday
  case goTo(CivilDate)
  case cycleSpan
  /// The category at this 1-based position in the data's list.
  case toggleCategory(number: Int)
  case toggleFreeOnly
  case cycleAudience
  case clearFilters
  case beginDateInput
  case beginSearch
  case inputCharacter(Character)
  case inputDeleteBackward
  case inputCommit
  case inputCancel
  /// Enter: into the agenda, then an event's detail.
  case open
  /// Esc: out of the detail, then out of the agenda.
  case back
}

/// One line of the agenda: an event on a day (nil: the 日付未定 section).
public struct CalendarEntry: Sendable, Equatable {
  public var day: CivilDate?
  public var event: CityEvent
}

extension CityEvent {
  /// Whether the event falls on `day` (every day from start to end).
  public func fallsOn(_ day: CivilDate) -> Bool {
    guard let start else { return false }
    return start <= day && day <= (end ?? start)
  }
}

/// The days the agenda lists for a span around `day`.
public func agendaDays(_ day: CivilDate, span: AgendaSpan) -> [CivilDate] {
  switch span {
  case .day:
    return [day]
  case .week:
    let sunday = day.adding(days: -day.weekday.rawValue)
    return (0..<7).map { sunday.adding(days: $0) }
  case .month:
    return (0..<CivilDate.daysIn(month: day.month, year: day.year)).map {
      day.firstOfMonth.adding(days: $0)
    }
  }
}

/// The agenda's entries: each listed day's events (an event spanning days appears on each),
/// then the undated events. `CalendarState.agendaSelection` indexes this.
public func calendarEntries(_ state: AppState) -> [CalendarEntry] { calendarAgenda(state).all }

/// The agenda's entries from the index, without copying every event: what a key needs.
public func calendarAgenda(_ state: AppState) -> Agenda {
  state.calendarContext.agenda(state.calendar)
}

extension EventIndex {
  /// The agenda a calendar state lists: its selected day's span, through its filter.
  public func agenda(of calendar: CalendarState) -> Agenda {
    agenda(calendar.selectedDay, span: calendar.span, filter: calendar.filter)
  }
}

/// What the events component reads of the rest of the app.
public struct CalendarContext {
  public var eventIndex: EventIndex
  /// The data's categories, in the order the number keys toggle them.
  public var categories: [EventCategory]
  public var today: CivilDate
  public var language: Language

  public init(
    eventIndex: EventIndex, categories: [EventCategory], today: CivilDate, language: Language
  ) {
    self.eventIndex = eventIndex
    self.categories = categories
    self.today = today
    self.language = language
  }

  /// The agenda `state` lists.
  public func agenda(_ state: CalendarState) -> Agenda { eventIndex.agenda(of: state) }
}

/// The events pane: the month grid, its agenda, the filters, an event's detail and the input
/// line (go to a date, search).
public enum CalendarComponent: Component {
  public static func reduce(
    _ calendar: inout CalendarState, _ action: CalendarAction, _ context: CalendarContext
  ) -> [Effect] {
    switch action {
    case .moveDay(let days):
      calendar.agendaSelection = nil
      calendar.selectedDay = calendar.selectedDay.adding(days: days)
    case .moveMonth(let months):
      calendar.selectedDay = calendar.selectedDay.adding(months: months)
    case .moveInAgenda(let step):
      guard let selection = calendar.agendaSelection else { return [] }
      calendar.agendaSelection = clamped(selection &+ step, context.agenda(calendar).count)
    case .selectEntry(let index):
      // A click can arrive from a frame drawn before the agenda emptied: it selects nothing.
      let entries = context.agenda(calendar).count
      calendar.agendaSelection = entries == 0 ? nil : clamped(index, entries)
    case .scrollDetail(let step):
      guard calendar.openEventID != nil else { return [] }
      calendar.detailScroll = scrolled(calendar.detailScroll, by: step)
    case .goToToday:
      calendar.selectedDay = context.today
      calendar.agendaSelection = nil
    case .goTo(let day):
      calendar.selectedDay = day
      calendar.agendaSelection = nil
    case .cycleSpan:
      calendar.span = calendar.span.next
      calendar.agendaSelection = nil
    case .toggleCategory(let number):
      guard number >= 1, number <= context.categories.count else { return [] }
      let id = context.categories[number - 1].id
      if calendar.filter.categoryIDs.contains(id) {
        calendar.filter.categoryIDs.remove(id)
      } else {
        calendar.filter.categoryIDs.insert(id)
      }
      calendar.agendaSelection = nil
    case .toggleFreeOnly:
      calendar.filter.freeOnly.toggle()
      calendar.agendaSelection = nil
    case .cycleAudience:
      calendar.filter.audience = calendar.filter.audience.next
      calendar.agendaSelection = nil
    case .clearFilters:
      calendar.filter = EventFilter()
      calendar.agendaSelection = nil
    case .beginDateInput:
      calendar.input = CalendarInput(kind: .date, text: "", previousSearch: calendar.filter.search)
    case .beginSearch:
      calendar.input = CalendarInput(
        kind: .search, text: calendar.filter.search, previousSearch: calendar.filter.search)
      calendar.agendaSelection = nil
    case .inputCharacter(let character):
      guard var input = calendar.input else { return [] }
      switch InputLine.typing(character, after: input.text) {
      case .appended(let text): input.text = text
      case .full: return [.notice(InputLine.fullNotice(context.language))]
      case .ignored: return []
      }
      calendar.input = input
      if input.kind == .search {
        calendar.filter.search = input.text
        keepAgendaSelectionInside(&calendar, context)
      }
    case .inputDeleteBackward:
      guard var input = calendar.input, !input.text.isEmpty else { return [] }
      input.text.removeLast()
      calendar.input = input
      if input.kind == .search {
        calendar.filter.search = input.text
        keepAgendaSelectionInside(&calendar, context)
      }
    case .inputCommit:
      guard let input = calendar.input else { return [] }
      calendar.input = nil
      if input.kind == .date {
        guard let day = parseDate(input.text, reference: calendar.selectedDay) else {
          return [.notice(UIText.unreadableDate(input.text, language: context.language))]
        }
        calendar.selectedDay = day
        calendar.agendaSelection = nil
      }
    case .inputCancel:
      guard let input = calendar.input else { return [] }
      calendar.input = nil
      if input.kind == .search {
        calendar.filter.search = input.previousSearch
        keepAgendaSelectionInside(&calendar, context)
      }
    case .open:
      guard calendar.openEventID == nil else { return [] }
      let entries = context.agenda(calendar)
      if let selection = calendar.agendaSelection {
        guard selection >= 0, selection < entries.count else { return [] }
        calendar.openEventID = entries.summary(at: selection).event.id
      } else if entries.count == 0 {
        return [.notice(UIText.noEvents.text(context.language))]
      } else {
        calendar.agendaSelection = 0
      }
    case .back:
      if calendar.openEventID != nil {
        calendar.openEventID = nil
      } else {
        calendar.agendaSelection = nil
      }
    }
    return []
  }

  /// On the grid the arrows move a day left and right and a week up and down (whatever the
  /// step: a wheel notch is a week), PgUp and PgDn a month, Home and End to the month's first
  /// and last day; in the agenda, up and down move the selection and Home and End to its first
  /// and last entry (left and right go back to the grid and move a day); a detail scrolls.
  public static func action(for navigation: Navigation, in calendar: CalendarState)
    -> CalendarAction?
  {
    let step = navigation.signedStep
    let day = calendar.selectedDay
    switch navigation {
    case .open: return .open
    case .back: return .back
    case _ where calendar.openEventID != nil: return .scrollDetail(by: step)
    case .move(.left, _), .move(.right, _): return .moveDay(by: step.signum())
    case _ where calendar.agendaSelection != nil: return .moveInAgenda(by: step)
    case .page: return .moveMonth(by: step.signum())
    case .first: return .moveDay(by: day.days(to: day.firstOfMonth))
    case .last: return .moveDay(by: day.days(to: day.lastOfMonth))
    case .move: return .moveDay(by: 7 * step.signum())
    }
  }

  public static func bindings(_ calendar: CalendarState) -> [KeyBinding] {
    keyTable(calendar).own
  }

  static func keyTable(_ calendar: CalendarState) -> KeyTable {
    calendar.openEventID == nil ? gridKeys : detailKeys
  }
  private static let gridKeys = KeyTable(KeyMap.events)
  private static let detailKeys = KeyTable(KeyMap.eventDetail)

  /// After the incremental search changed the agenda: the selection moves up to its last entry
  /// (or back to the grid when the agenda is empty) instead of pointing past its end.
  private static func keepAgendaSelectionInside(
    _ calendar: inout CalendarState, _ context: CalendarContext
  ) {
    guard let selection = calendar.agendaSelection else { return }
    let count = context.agenda(calendar).count
    calendar.agendaSelection = count == 0 ? nil : min(selection, count - 1)
  }
}
