import JapaneseCalendar
import ShinchokuCore

/// The whole state as ordered plain text, for a screen reader or a braille display to read line
/// by line, or to print in large type (`shinchoku report`): the plan and snapshot; every area
/// with its counts and changes; the committee's comments in full; the events of a range.
///
/// No box drawing and no columns: one fact a line, each figure with its name. Headings are
/// Markdown's (`#`, `##`, `###`), so a screen reader can jump between them. Data text goes
/// through the export escaper (controls replaced, the record noted for the warning).
public enum Report {
  public struct Request: Sendable {
    public var snapshotIndex: Int
    /// The events of these days (every event overlapping them), then the undated ones.
    public var from: CivilDate
    public var to: CivilDate
    public var filter: EventFilter

    public init(snapshotIndex: Int, from: CivilDate, to: CivilDate, filter: EventFilter) {
      self.snapshotIndex = snapshotIndex
      self.from = from
      self.to = to
      self.filter = filter
    }
  }

  /// The days from the first dated event to the last (nil without dated events).
  public static func eventRange(_ dataset: Dataset) -> (CivilDate, CivilDate)? {
    var first: Int32?
    var last: Int32?
    let events = dataset.events
    for position in events.indices {
      guard let start = events.startDay(position) else { continue }
      first = min(first ?? start, start)
      last = max(last ?? start, events.endDay(position) ?? start)
    }
    guard let first, let last else { return nil }
    return (CivilDate(daysSinceEpoch: Int(first)), CivilDate(daysSinceEpoch: Int(last)))
  }

  /// The report, a line at a time (each ends with a line break).
  public static func write(
    _ request: Request, dataset: Dataset, language: Language,
    escaper: ExportEscaper = ExportEscaper(), to output: (String) -> Void
  ) {
    withoutActuallyEscaping(output) { output in
      let writer = ReportWriter(
        dataset: dataset, language: language, escaper: escaper, output: output)
      writer.plan(request)
      writer.matrix(request)
      writer.comments()
      writer.events(request)
    }
  }

  public static func text(_ request: Request, dataset: Dataset, language: Language) -> String {
    var text = ""
    write(request, dataset: dataset, language: language) { text += $0 }
    return text
  }
}

private struct ReportWriter {
  let dataset: Dataset
  let language: Language
  let escaper: ExportEscaper
  let output: (String) -> Void

  func say(_ japanese: String, _ english: String) -> String {
    LocalizedText(japanese, english: english).text(language)
  }

  func line(_ text: String = "") { output(text + "\n") }

  /// A heading: a blank line, the marks, the text.
  func heading(_ level: Int, _ text: String) {
    line()
    line(String(repeating: "#", count: level) + " " + text)
  }

  func safe(_ text: String, _ record: String) -> String {
    escaper.text(text, record: record)
  }

  /// "label: value" (Japanese "：" reads the same to a screen reader; ": " keeps it ASCII).
  func fact(_ label: String, _ value: String) { line(label + ": " + value) }

  func plan(_ request: Report.Request) {
    line("# " + safe(dataset.plan.title.text(language), "the plan's title"))
    if dataset.plan.isSynthetic { line(UIText.synthetic.text(language)) }
    let snapshot =
      dataset.snapshots.indices.contains(request.snapshotIndex)
      ? dataset.snapshots[request.snapshotIndex] : nil
    fact(
      UIText.snapshotField.text(language),
      snapshot.map { UIText.snapshotLabel($0.date, language: language) }
        ?? UIText.noSnapshot.text(language))
    let all = dataset.snapshots.map(\.date.iso).joined(separator: ", ")
    if !all.isEmpty { fact(say("データの時点", "Snapshots in the data"), all) }
    if let note = snapshot?.note {
      fact(UIText.fieldNotes.text(language), safe(note, "the snapshot"))
    }
  }

  func matrix(_ request: Report.Request) {
    let view = MatrixView(
      dataset: dataset, snapshotIndex: request.snapshotIndex, language: language, asciiOnly: false)
    heading(2, UIText.matrix.text(language))
    if let previous = view.previousSnapshotDate {
      line(say("増減は \(previous.iso) の時点と比べたものです。", "Changes are since \(previous.iso)."))
    }
    for row in view.rows {
      let record = "area " + (row.areaID ?? "total")
      heading(
        3,
        row.number.map { UIText.areaTag(number: $0, language: language) + " " }.map {
          $0 + safe(row.label, record)
        } ?? row.label)
      for (column, figure) in row.cells.enumerated() {
        let name =
          view.statusHeaders.indices.contains(column)
          ? view.statusHeaders[column].symbol + safe(view.statusHeaders[column].name, "statuses")
          : view.totalHeader
        var value = figureWords(figure)
        if row.deltas.indices.contains(column), let delta = row.deltas[column] {
          value += say("（前の時点から \(signed(delta))）", " (\(signed(delta)) since then)")
        }
        line("- " + name + ": " + value)
      }
    }
  }

  func signed(_ delta: Int) -> String { delta > 0 ? "+\(delta)" : "\(delta)" }

  func figureWords(_ figure: Figure) -> String {
    switch figure {
    case .known(let n): "\(n)"
    case .partial(let n):
      say("\(n)以上（一部が出典に数値なし）", "at least \(n) (some parts not in the source)")
    case .unknown: say("出典に数値なし", "not in the source")
    }
  }

  func comments() {
    let title = dataset.committeeName.map { safe($0, "the committee's name") + " — " } ?? ""
    heading(
      2,
      title + UIText.comments.text(language)
        + say("（\(dataset.comments.count)件）", " (\(dataset.comments.count))"))
    for comment in dataset.comments {
      let record = "comment \(comment.number)"
      heading(3, UIText.commentNumber(comment.number, language: language))
      line(escaper.text(comment.text, record: record, keepingLineBreaks: true))
      let areas = comment.areaIDs.compactMap { dataset.area($0) }.map {
        UIText.areaTag(number: $0.number, language: language) + " "
          + safe($0.name.text(language), record)
      }
      if !areas.isEmpty {
        fact(UIText.area.text(language), areas.joined(separator: say("、", ", ")))
      }
      if let date = comment.snapshotDate {
        fact(UIText.snapshotField.text(language), UIText.snapshotLabel(date, language: language))
      }
      if let meeting = comment.meeting {
        fact(UIText.meeting.text(language), safe(meeting, record))
      }
      fact(
        UIText.fieldSource.text(language),
        safe(dataset.sources[comment.source]?.title ?? comment.source, record))
      for correction in comment.corrections {
        line("- " + safe(UIText.correctionLine(correction, language: language), record))
      }
      for part in comment.unreadable {
        line("- " + safe(UIText.unreadableLine(part, language: language), record))
      }
    }
  }

  func events(_ request: Report.Request) {
    let index = EventIndex(events: dataset.events)
    let range = UIText.dateRange(request.from, request.to, language: language)
    heading(2, UIText.events.text(language) + " " + range)
    var chips: [String] = []
    let filter = request.filter
    for category in dataset.categories where filter.categoryIDs.contains(category.id) {
      chips.append(safe(category.name.text(language), "category " + category.id))
    }
    if filter.freeOnly { chips.append(UIText.freeOnly.text(language)) }
    switch filter.audience {
    case .all: break
    case .children: chips.append(UIText.forChildren.text(language))
    case .adults: chips.append(UIText.forAdults.text(language))
    }
    if !filter.search.isEmpty {
      chips.append(say("検索「", "search \"") + safe(filter.search, "the search") + say("」", "\""))
    }
    fact(
      say("フィルター", "Filter"),
      chips.isEmpty ? say("なし", "none") : chips.joined(separator: say("、", ", ")))
    var count = 0
    index.forEachEvent(overlapping: request.from, request.to, filter: filter) { event in
      count += 1
      self.event(event)
    }
    if count == 0 { line(UIText.noEvents.text(language)) }
    let undated = index.undatedEvents(filter: filter)
    if !undated.isEmpty {
      heading(3, UIText.undated.text(language))
      for event in undated { self.event(event, level: 4) }
    }
  }

  func event(_ event: CityEvent, level: Int = 3) {
    let record = "event " + event.id
    heading(level, safe(event.title, record))
    if let start = event.start {
      var dates = UIText.dateRange(start, event.end, language: language)
      if event.isInferred("start") || event.isInferred("end") {
        dates += UIText.inferredNote(language)
      }
      fact(UIText.fieldDates.text(language), dates)
    }
    if let time = event.time { fact(UIText.fieldTime.text(language), safe(time, record)) }
    if let subtitle = event.subtitle {
      fact(UIText.fieldSubtitle.text(language), safe(subtitle, record))
    }
    if let category = event.categoryID.flatMap({ dataset.category($0) }) {
      fact(UIText.fieldCategory.text(language), safe(category.name.text(language), record))
    }
    if !event.venues.isEmpty {
      var venues = safe(event.venues.joined(separator: say("、", ", ")), record)
      if event.isInferred("venue") { venues += UIText.inferredNote(language) }
      fact(UIText.fieldVenue.text(language), venues)
    }
    if !event.audience.isEmpty {
      fact(
        UIText.fieldAudience.text(language),
        event.audience.map { UIText.audience($0, language: language) }
          .joined(separator: say("、", ", ")))
    }
    if !event.fees.isEmpty {
      fact(
        UIText.fieldFees.text(language),
        safe(
          UIText.feeSummary(event.fees, language: language, asciiOnly: true, notes: true), record))
    }
    if let notes = event.notes { fact(UIText.fieldNotes.text(language), safe(notes, record)) }
    if let note = event.inferenceNote {
      fact(UIText.fieldInferenceNote.text(language), safe(note, record))
    }
  }
}
