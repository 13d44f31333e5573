import JapaneseCalendar
import ShinchokuCore

/// One day of the month grid.
public struct CalendarDayView: Sendable, Equatable {
  public var date: CivilDate
  /// Events passing the filter that fall on the day.
  public var count: Int
  public var holiday: String?
  public var isToday: Bool
  public var isSelected: Bool
}

/// One entry of the agenda.
public struct CalendarAgendaItem: Sendable, Equatable {
  public var eventID: String
  public var time: String?
  public var title: String
  /// Venues, audience and fees.
  public var detail: String
  /// The event's dates when it spans days ("7月21日(土)〜8月31日(金)"), else nil.
  public var dates: String?
  /// Whether the dates were inferred rather than read.
  public var datesInferred: Bool
  public var isSelected: Bool
}

public struct CalendarAgendaSection: Sendable, Equatable {
  public var heading: String
  public var holiday: String?
  /// Whether the section's day is today (told in words, not only in colour).
  public var isToday = false
  public var isUndated: Bool
  public var items: [CalendarAgendaItem]
}

/// The events pane: a month grid (weeks from Sunday) and the agenda of the selected day,
/// week or month, then the undated events; the filter as chips and the count.
public struct CalendarView: Sendable, Equatable {
  /// "2012年8月" / "August 2012".
  public var westernMonth: String
  /// "平成24年8月" (元年 for an era's first year).
  public var eraMonth: String
  public var weekdayNames: [String]
  /// Weeks of the month, Sunday first; nil for the days of the months before and after.
  public var weeks: [[CalendarDayView?]]
  public var selectedDay: CivilDate
  /// The selected day's holiday, if it is one.
  public var selectedDayHoliday: String?
  public var span: AgendaSpan
  public var sections: [CalendarAgendaSection]
  /// The selected agenda entry (nil: the day is selected on the grid).
  public var agendaSelection: Int?
  public var entryCount: Int
  /// The agenda index of `sections`' first item: only the entries around the selection (or
  /// the first ones) are made into items.
  public var firstItemIndex: Int
  /// The active filters, one chip each.
  public var chips: [String]
  /// "2 / 6件".
  public var countLabel: String
  /// The input line ("検索: びじゅつ") while one is open.
  public var inputLine: String?
  /// While events.csv is still being read at the start: the share read (0…1).
  public var loading: Double?

  /// `rows`: the most rows the agenda can take (the events pane's height, which the renderer
  /// knows); the screen's height when not given.
  public init(state: AppState, rows: Int? = nil) {
    self.init(Inputs(state: state, rows: rows))
  }

  /// The view of its inputs (and of nothing else, so equal inputs make equal views).
  public init(_ inputs: Inputs) {
    let language = inputs.language
    let chrome = inputs.chrome
    let calendar = inputs.calendar
    let eventIndex = inputs.eventIndex
    let day = calendar.selectedDay
    westernMonth =
      language == .japanese
      ? westernMonthString(year: day.year, month: day.month)
      : UIText.englishMonth(year: day.year, month: day.month)
    if language == .japanese {
      eraMonth = japaneseMonthString(year: day.year, month: day.month)
    } else {
      // "Heisei 24": the era in Latin letters, as an English (or ASCII) screen needs it.
      eraMonth = eraYear(of: day.firstOfMonth).map { "\($0.era.romanName) \($0.year)" } ?? ""
    }
    weekdayNames = Weekday.allCases.map {
      language == .japanese ? $0.japaneseName : $0.englishShortName
    }
    selectedDay = day
    selectedDayHoliday = JapaneseHolidays.name(of: day)
    span = calendar.span
    agendaSelection = calendar.agendaSelection

    let first = day.firstOfMonth
    let last = day.lastOfMonth
    let counts = eventIndex.counts(first, last, filter: calendar.filter)
    var weeks: [[CalendarDayView?]] = []
    var week: [CalendarDayView?] = Array(repeating: nil, count: first.weekday.rawValue)
    var date = first
    while date <= last {
      week.append(
        CalendarDayView(
          date: date, count: counts[date] ?? 0, holiday: JapaneseHolidays.name(of: date),
          isToday: date == inputs.today, isSelected: date == day))
      if week.count == 7 {
        weeks.append(week)
        week = []
      }
      date = date.adding(days: 1)
    }
    if !week.isEmpty { weeks.append(week + Array(repeating: nil, count: 7 - week.count)) }
    self.weeks = weeks

    let agenda = eventIndex.agenda(of: calendar)
    entryCount = agenda.count
    // Only the entries the agenda can show around the selection become items: its lines are
    // never more than the pane's rows, and each entry takes one line or more. (The list puts
    // the selection as low as it goes, so entries past that reach, above or below, are never
    // on screen, and one more each way still tells whether lines are hidden there.)
    let reach = max(1, inputs.rows) + 2
    let selection = calendar.agendaSelection ?? 0
    let window = max(0, selection - reach)..<min(agenda.count, selection + reach + 1)
    firstItemIndex = window.lowerBound
    var sections: [CalendarAgendaSection] = []
    if calendar.span == .day, window.lowerBound == 0 {
      sections.append(
        CalendarAgendaSection(
          heading: UIText.dateRange(day, nil, language: language),
          holiday: JapaneseHolidays.name(of: day), isToday: day == inputs.today,
          isUndated: false, items: []))
    }
    for index in window {
      let entry = agenda.summary(at: index)
      let event = entry.event
      var dates: String?
      if let start = event.start, let end = event.end, end != start {
        dates = UIText.dateRange(start, end, language: language, asciiOnly: chrome.asciiOnly)
      }
      var detail: [String] = []
      if !event.venues.isEmpty {
        let venues = event.venues.joined(separator: chrome.listSeparator)
        detail.append(
          event.venueInferred ? venues + UIText.inferredNote(language) : venues)
      }
      if !event.audience.isEmpty {
        detail.append(
          event.audience.map { UIText.audience($0, language: language) }
            .joined(separator: chrome.listSeparator))
      }
      if !event.fees.isEmpty {
        detail.append(
          UIText.feeSummary(event.fees, language: language, asciiOnly: chrome.asciiOnly))
      }
      let item = CalendarAgendaItem(
        eventID: event.id, time: event.time, title: event.title,
        detail: detail.joined(separator: chrome.separator), dates: dates,
        datesInferred: event.datesInferred,
        isSelected: calendar.agendaSelection == index)
      let heading =
        entry.day.map { UIText.dateRange($0, nil, language: language) }
        ?? UIText.undated.text(language)
      if let lastSection = sections.last, lastSection.heading == heading {
        sections[sections.count - 1].items.append(item)
      } else {
        sections.append(
          CalendarAgendaSection(
            heading: heading, holiday: entry.day.flatMap(JapaneseHolidays.name(of:)),
            isToday: entry.day == inputs.today, isUndated: entry.day == nil, items: [item]))
      }
    }
    self.sections = sections

    chips = Self.filterChips(
      categories: inputs.categories, filter: calendar.filter, input: calendar.input,
      language: language)
    countLabel = UIText.matching(
      eventIndex.passingCount(calendar.filter), of: inputs.eventCount,
      language: language)
    loading = inputs.loading
    // While loading, the title gives the share read rather than "0 / 0件".
    if let loading { countLabel = "\(Int((loading * 100).rounded(.down)))%" }
    if let input = calendar.input {
      let prompt = input.kind == .date ? UIText.dateInput : UIText.searchInput
      inputLine = prompt.text(language) + input.text
    } else {
      inputLine = nil
    }
  }
}

extension CalendarView {
  /// Everything the view is made of: equal inputs make equal views, so the renderer keeps
  /// the last view and makes it again only when they change (a matrix move does not).
  public struct Inputs: Sendable, Equatable {
    var language: Language
    var chrome: Chrome
    var calendar: CalendarState
    var today: CivilDate
    var rows: Int
    /// Compared by identity: an index never changes (new events make a new one).
    var eventIndex: EventIndex
    var categories: [EventCategory]
    var eventCount: Int
    var loading: Double?

    public init(state: AppState, rows: Int? = nil) {
      language = state.language
      chrome = state.chrome
      calendar = state.calendar
      today = state.today
      self.rows = rows ?? state.height
      eventIndex = state.eventIndex
      categories = state.dataset.categories
      eventCount = state.dataset.events.count
      loading = state.eventsLoading?.fraction
    }

    public static func == (a: Inputs, b: Inputs) -> Bool {
      a.eventIndex === b.eventIndex && a.calendar == b.calendar && a.rows == b.rows
        && a.today == b.today && a.language == b.language && a.eventCount == b.eventCount
        && a.loading == b.loading && a.chrome == b.chrome && a.categories == b.categories
    }
  }

  /// The filters in force, one chip each: categories, free, audience, the search (while it is
  /// not being typed).
  public static func filterChips(_ state: AppState) -> [String] {
    filterChips(
      categories: state.dataset.categories, filter: state.calendar.filter,
      input: state.calendar.input, language: state.language)
  }

  static func filterChips(
    categories: [EventCategory], filter: EventFilter, input: CalendarInput?, language: Language
  ) -> [String] {
    var chips: [String] = []
    for category in categories where filter.categoryIDs.contains(category.id) {
      chips.append(category.name.text(language))
    }
    if filter.freeOnly { chips.append(UIText.freeOnly.text(language)) }
    switch filter.audience {
    case .all: break
    case .children: chips.append(UIText.forChildren.text(language))
    case .adults: chips.append(UIText.forAdults.text(language))
    }
    if !filter.search.isEmpty, input?.kind != .search {
      chips.append("/" + filter.search)
    }
    return chips
  }
}

/// One event in full: every field, its source, which values were inferred, OCR corrections.
public struct EventDetailView: Sendable, Equatable {
  public struct Field: Sendable, Equatable {
    public var label: String
    public var value: String
    public var isInferred: Bool
  }

  public var title: String
  public var fields: [Field]
  /// How far the detail is scrolled.
  public var scroll: Int

  public init?(state: AppState, eventID: String) {
    let data = state.dataset
    let language = state.language
    guard let position = data.events.position(ofID: eventID) else { return nil }
    let event = data.events[position]
    title = event.title
    scroll = state.calendar.detailScroll
    let mark = UIText.inferredNote(language)
    let chrome = state.chrome
    let ascii = chrome.asciiOnly
    let missing = chrome.glyphs.unknown
    let separator = chrome.listSeparator
    func field(_ label: LocalizedText, _ value: String, inferred: Bool = false) -> Field {
      Field(
        label: label.text(language), value: value + (inferred ? mark : ""), isInferred: inferred)
    }
    var fields = [
      field(UIText.fieldID, event.id),
      field(UIText.fieldTitle, event.title),
    ]
    if let subtitle = event.subtitle { fields.append(field(UIText.fieldSubtitle, subtitle)) }
    fields.append(
      field(
        UIText.fieldCategory,
        event.categoryID.map { data.category($0)?.name.text(language) ?? $0 } ?? missing))
    fields.append(
      field(
        UIText.fieldDates,
        event.start.map { UIText.dateRange($0, event.end, language: language, asciiOnly: ascii) }
          ?? UIText.undated.text(language),
        inferred: event.isInferred("start") || event.isInferred("end")))
    fields.append(
      field(UIText.fieldTime, event.time ?? missing, inferred: event.isInferred("time")))
    fields.append(
      field(
        UIText.fieldVenue,
        event.venues.isEmpty ? missing : event.venues.joined(separator: separator),
        inferred: event.isInferred("venue")))
    fields.append(
      field(
        UIText.fieldAudience,
        event.audience.isEmpty
          ? missing
          : event.audience.map { UIText.audience($0, language: language) }.joined(
            separator: separator),
        inferred: event.isInferred("audience")))
    fields.append(
      field(
        UIText.fieldFees,
        event.fees.isEmpty
          ? missing
          : UIText.feeSummary(event.fees, language: language, asciiOnly: ascii, notes: true),
        inferred: event.isInferred("fees")))
    fields.append(field(UIText.fieldNotes, event.notes ?? missing))
    fields.append(field(UIText.fieldSource, data.sources[event.source]?.title ?? event.source))
    if !event.inferred.isEmpty {
      fields.append(
        field(UIText.fieldInferred, UIText.inferredFields(event.inferred, language: language)))
    }
    if let note = event.inferenceNote { fields.append(field(UIText.fieldInferenceNote, note)) }
    for correction in event.corrections {
      fields.append(
        field(
          UIText.fieldCorrections,
          "「\(correction.asRead)」\(chrome.arrow)「\(correction.corrected)」"
            + (correction.note.map(chrome.note) ?? "")))
    }
    self.fields = fields
  }
}
