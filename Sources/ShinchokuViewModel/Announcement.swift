import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// What changed after an action, said in words on the notice line (the screen's last line,
/// drawn last), so that a screen reader finds it after the cursor has moved to the selection:
/// `2012年7月22日(日) 催し 1件`, `分野3 PDCAサイクルの構築 ○予定どおり 5`, `フィルター: 無料あり`.
///
/// A pure function of the two states: it compares what the user sees (the presentation's slide,
/// an overlay, the status dialog, the pane and view in focus, the snapshot, the filters, the
/// selection) and names the first thing that changed, with where the selection now is. nil when
/// nothing the user sees changed, and while an input line takes keys (the screen reader echoes
/// what is typed; the line itself is at the cursor).
public func announcement(before: AppState, after: AppState) -> String? {
  let words = AnnouncementWords(after)
  if let presentation = after.presentation {
    guard
      before.presentation?.slideIndex != presentation.slideIndex
        || before.presentation?.page != presentation.page
        || before.presentation?.blank != presentation.blank
    else { return nil }
    return presentation.blank == nil ? words.slide(presentation) : nil
  }
  if let overlay = after.overlay {
    // Opening it is said; scrolling it is not (the panes under it did not change).
    return after.overlay != before.overlay ? words.overlay(overlay) : nil
  }
  if let edit = after.statusEdit {
    guard edit != before.statusEdit else { return nil }
    return words.statusChoice(edit)
  }
  if after.comments.isEditingQuery || (after.focus == .events && after.calendar.input != nil) {
    return nil
  }
  let place = AnnouncedPlace(after)
  let placeBefore = AnnouncedPlace(before)
  if before.comments.isEditingQuery || (before.focus == .events && before.calendar.input != nil) {
    // Out of an input line: what the search leaves, and where the selection is.
    let filter: String? =
      before.comments.isEditingQuery
      ? (after.comments.query.isEmpty ? nil : words.commentFilter())
      : (before.calendar.input?.kind == .search ? words.eventFilter() : nil)
    return words.joined([filter, words.selection(place)])
  }
  // Back from the presentation, an overlay or a dialog, or into another pane or view: where now.
  if place.view != placeBefore.view || before.overlay != nil || before.statusEdit != nil
    || before.presentation != nil
  {
    return words.joined([words.view(place.view), words.selection(place)])
  }
  if after.snapshotIndex != before.snapshotIndex {
    let snapshot = after.snapshot.map { UIText.snapshotLabel($0.date, language: after.language) }
    return words.joined([snapshot, words.selection(place)])
  }
  if after.calendar.filter != before.calendar.filter {
    return words.eventFilter()
  }
  if after.comments.onlyLinked != before.comments.onlyLinked
    || after.comments.query != before.comments.query
  {
    return words.joined([words.commentFilter(), words.selection(place)])
  }
  if after.calendar.span != before.calendar.span {
    return words.joined([words.span(), words.selection(place)])
  }
  if place != placeBefore { return words.selection(place) }
  return nil
}

/// The view the user is in and what is selected in it, as far as the notice tells them apart.
struct AnnouncedPlace: Equatable {
  enum View: Equatable {
    case matrix, programmeList, programmeDetail, comments, commentReading, events, agenda
    case eventDetail
    case chart(MatrixChart)
  }
  var view: View
  var matrixCell: MatrixPosition
  var programme: Int
  var comment: Int
  var day: CivilDate
  var agendaEntry: Int?

  init(_ state: AppState) {
    matrixCell = state.matrix.drill?.cell ?? state.matrix.selection
    programme = state.matrix.drill?.selection ?? 0
    comment = state.comments.selection
    day = state.calendar.selectedDay
    agendaEntry = state.calendar.agendaSelection
    switch state.focus {
    case .matrix:
      switch state.matrix.mode {
      case .table: view = state.matrix.chart.map { .chart($0) } ?? .matrix
      case .list: view = .programmeList
      case .detail: view = .programmeDetail
      }
    case .comments:
      view = state.comments.openCommentID == nil ? .comments : .commentReading
    case .events:
      view =
        state.calendar.openEventID != nil
        ? .eventDetail : state.calendar.agendaSelection == nil ? .events : .agenda
    }
  }
}

/// The words of the notices, in the state's language and chrome.
struct AnnouncementWords {
  let state: AppState
  let language: Language
  let chrome: Chrome

  init(_ state: AppState) {
    self.state = state
    language = state.language
    chrome = state.chrome
  }

  func say(_ japanese: String, _ english: String) -> String {
    LocalizedText(japanese, english: english).text(language)
  }

  /// Parts of a notice, in order, those there are.
  func joined(_ parts: [String?]) -> String? {
    let kept = parts.compactMap { $0 }.filter { !$0.isEmpty }
    return kept.isEmpty ? nil : sanitized(kept.joined(separator: "  "))
  }

  func slide(_ presentation: PresentationState) -> String {
    let view = SlideView(state: state, presentation: presentation)
    let heading: String
    switch view.content {
    case .title(let slide): heading = slide.planTitle
    case .matrix: heading = UIText.matrix.text(language)
    case .area(let slide): heading = slide.heading
    case .comment(let slide): heading = slide.heading
    case .events(let slide): heading = slide.heading
    case .chart(let chart): heading = chart.title
    }
    // A slide on several pages says which page is shown (the footer's number gives way to this).
    let page =
      view.pageCount > 1
      ? say(
        chrome.separator + "ページ \(view.page + 1) / \(view.pageCount)",
        ", page \(view.page + 1) of \(view.pageCount)")
      : ""
    return sanitized(
      say("スライド \(view.number) / \(view.count)", "slide \(view.number) of \(view.count)") + page
        + ": " + heading)
  }

  func overlay(_ overlay: Overlay) -> String {
    switch overlay {
    case .help:
      // What its footer says: which keys scroll it, and that any other closes it.
      return UIText.help.text(language) + "  " + helpFooter(state.chrome)
    case .warnings:
      let count = state.warnings.count
      return UIText.warnings.text(language) + " "
        + say("\(count)件", count == 1 ? "1 finding" : "\(count) findings")
    }
  }

  func statusChoice(_ edit: StatusEdit) -> String {
    let statuses = state.dataset.statuses
    let chosen =
      statuses.indices.contains(edit.choice)
      ? chrome.symbol(statuses[edit.choice]) + statuses[edit.choice].name.text(language) : ""
    return edit.isConfirming
      ? say("確認: \(chosen) に変更しますか", "confirm: change to \(chosen)?")
      : say("状況の変更: \(chosen)", "change status: \(chosen)")
  }

  /// The pane or view the user is now in.
  func view(_ view: AnnouncedPlace.View) -> String? {
    switch view {
    case .matrix: UIText.matrix.text(language)
    case .programmeList, .programmeDetail: nil  // the selection names the programme
    case .comments: UIText.comments.text(language)
    case .commentReading: nil
    case .events, .agenda: UIText.events.text(language)
    case .eventDetail: nil
    case .chart(let chart): ChartView(chart, state: state).title
    }
  }

  /// What is selected where the user is.
  func selection(_ place: AnnouncedPlace) -> String? {
    switch place.view {
    case .matrix: matrixCell(place.matrixCell)
    case .programmeList: programmeRow(place)
    case .programmeDetail:
      state.matrix.drill?.openProgrammeID.flatMap {
        ProgrammeDetailView(state: state, programmeID: $0)?.title
      }
    case .comments: commentItem(place.comment)
    case .commentReading: CommentReadingView(state: state)?.heading
    case .events: day(place.day)
    case .agenda: place.agendaEntry.flatMap(agendaEntry)
    case .eventDetail:
      state.calendar.openEventID.flatMap { EventDetailView(state: state, eventID: $0)?.title }
    case .chart: nil
    }
  }

  /// "分野3 PDCAサイクルの構築 ○予定どおり 5（前の時点から +2）".
  func matrixCell(_ cell: MatrixPosition) -> String? {
    let matrix = MatrixView(state: state)
    guard matrix.rows.indices.contains(cell.row), let figure = matrix.figure(at: cell) else {
      return nil
    }
    let row = matrix.rows[cell.row]
    let rowLabel =
      row.number.map { UIText.areaTag(number: $0, language: language) + " " + row.label }
      ?? row.label
    let column =
      matrix.statusHeaders.indices.contains(cell.column)
      ? matrix.statusHeaders[cell.column].symbol + matrix.statusHeaders[cell.column].name
      : matrix.totalHeader
    var text = "\(rowLabel) \(column) \(figureWords(figure))"
    if row.deltas.indices.contains(cell.column), let delta = row.deltas[cell.column] {
      let signed = delta > 0 ? "+\(delta)" : "\(delta)"
      text += say("（前の時点から \(signed)）", " (\(signed) since the last snapshot)")
    }
    return text
  }

  /// A figure in words: "5", "15以上（一部不明）", "数値なし".
  func figureWords(_ figure: Figure) -> String {
    switch figure {
    case .known(let n): "\(n)"
    case .partial(let n): say("\(n)以上（一部不明）", "at least \(n) (partly unknown)")
    case .unknown: say("数値なし", "not given")
    }
  }

  /// "P1-03 …の見直し ○予定どおり（2 / 5）".
  func programmeRow(_ place: AnnouncedPlace) -> String? {
    guard let drill = state.matrix.drill else { return nil }
    let list = state.matrixContext.listed(drill)
    guard list.indices.contains(place.programme), let snapshot = state.snapshot else {
      return say("プログラムなし", "no programmes")
    }
    let programme = list[place.programme]
    let status = programme.statuses[snapshot.date].flatMap { id in
      state.dataset.statuses.first { $0.id == id }
    }
    let statusText = status.map { " " + chrome.symbol($0) + $0.shortName.text(language) } ?? ""
    return "\(programme.id) \(programme.title)\(statusText)"
      + position(place.programme, of: list.count)
  }

  /// "（2 / 5）" / " (2 of 5)".
  func position(_ index: Int, of count: Int) -> String {
    say("（\(index + 1) / \(count)）", " (\(index + 1) of \(count))")
  }

  /// "意見2〔分野1〕（2 / 3）".
  func commentItem(_ index: Int) -> String? {
    let visible = visibleComments(state)
    guard visible.indices.contains(index) else { return UIText.noItems.text(language) }
    let comment = visible[index]
    let areas = comment.areaIDs.compactMap { id in
      state.dataset.areas.first { $0.id == id }.map {
        UIText.areaTag(number: $0.number, language: language)
      }
    }
    return UIText.commentNumber(comment.number, language: language)
      + (areas.isEmpty ? "" : chrome.tags(areas)) + position(index, of: visible.count)
  }

  /// "2012年7月22日(日) 海の日 今日 催し 1件" / "Sun 2012-07-22, today, 1 event".
  func day(_ day: CivilDate) -> String {
    let count = state.eventIndex.counts(day, day, filter: state.calendar.filter)[day] ?? 0
    var parts = [UIText.dateRange(day, nil, language: language)]
    if let holiday = JapaneseHolidays.name(of: day) { parts.append(holiday) }
    if day == state.today { parts.append(UIText.today.text(language)) }
    parts.append(
      say("催し \(count)件", count == 1 ? "1 event" : "\(count) events"))
    return parts.joined(separator: language == .japanese ? " " : ", ")
  }

  /// "10:00 夏休みわくわく体験美術館（1 / 4）"; "日付未定: …" for the undated ones.
  func agendaEntry(_ index: Int) -> String? {
    let agenda = calendarAgenda(state)
    guard index >= 0, index < agenda.count else { return nil }
    let entry = agenda.summary(at: index)
    let when =
      entry.day == nil
      ? UIText.undated.text(language) + ":" : entry.event.time.map { $0 } ?? ""
    return [when, entry.event.title].filter { !$0.isEmpty }.joined(separator: " ")
      + position(index, of: agenda.count)
  }

  /// "フィルター: 無料あり・子ども向け（2 / 6件）" / "filter: none (6 / 6 events)".
  func eventFilter() -> String {
    let chips = CalendarView.filterChips(state)
    let list =
      chips.isEmpty ? say("なし", "none") : chips.joined(separator: chrome.listSeparator)
    let count = UIText.matching(
      state.eventIndex.passingCount(state.calendar.filter), of: state.dataset.events.count,
      language: language)
    return sanitized(say("フィルター: ", "filter: ") + list + chrome.noteOpen + count + chrome.noteClose)
  }

  /// "分野1のみ（2件）" / "すべての意見（3件）"; a search adds its match count.
  func commentFilter() -> String {
    let visible = visibleComments(state)
    var text =
      state.comments.onlyLinked
      ? UIText.onlyArea(
        selectedArea(state)?.name.text(language) ?? UIText.allAreas.text(language),
        language: language)
      : say("すべての意見", "all comments")
    text += chrome.noteOpen + UIText.count(visible.count, language: language) + chrome.noteClose
    let query = state.comments.query
    if !query.isEmpty {
      let matches = visible.filter { commentMatches($0, query: query) }.count
      text +=
        " " + say("「\(query)」", "\"\(query)\"") + " "
        + UIText.matchCount(matches, language: language)
    }
    return sanitized(text)
  }

  /// "一覧: 週（催し 4件）" / "agenda: week (4 events)": the span as the events pane's edge says
  /// it, and how many events the agenda now lists (an event of several days once; the selected
  /// day's count follows, as for a day).
  func span() -> String {
    let count = calendarAgenda(state).eventCount
    return UIText.agendaSpan(state.calendar.span).text(language) + chrome.noteOpen
      + say("催し \(count)件", count == 1 ? "1 event" : "\(count) events") + chrome.noteClose
  }
}

/// After an action of the user's: the notice says what changed, unless the action left a
/// notice of its own (a real notice, such as "recorded…", wins). The clock, a resize and
/// reloads say nothing new.
func announceChange(_ action: Action, before: AppState, after state: inout AppState) {
  switch action {
  case .present(.tick), .present(.deckLoaded), .resize, .dataReloaded, .reloadFailed,
    .themesReloaded, .themeReloadFailed, .statusEdit(.finished):
    return
  default:
    guard state.notice == nil else { return }
    state.notice = announcement(before: before, after: state)
    state.noticeIsAnnouncement = state.notice != nil
  }
}

extension Agenda {
  /// The events the agenda lists, each once (an event of several days has an entry a day).
  fileprivate var eventCount: Int { Set(dated.map(\.position)).count + undated.count }
}
