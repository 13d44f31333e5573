import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

/// The screen says what state the user is in: the agenda's span, where they are in every list
/// and detail that scrolls (`12 / 200` in the box's bottom edge), and the key that shows the
/// agenda where the events pane has no room for it.
@Suite struct StateShownTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  /// A larger sample than `sampleState`'s: months with many events, cells with many programmes.
  func largeSample(width: Int, height: Int) throws -> AppState {
    let folder = try SampleDataSet(programmes: 300, events: 400, snapshots: 4, seed: 1).write(
      into: NSTemporaryDirectory() + "shinchoku-state-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return AppState(
      dataset: try DatasetLoader().load(directory: folder), language: .japanese, width: width,
      height: height, today: CivilDate(year: 2012, month: 4, day: 2)!)
  }

  @Test(arguments: [Language.japanese, .english])
  func theAgendasSpanIsInTheEventsPaneForEverySpan(language: Language) throws {
    var state = try sampleState(width: 100, height: 30, language: language)
    reduce(&state, .focus(.events))
    var seen: [String] = []
    for span in [AgendaSpan.day, .week, .month] {
      #expect(state.calendar.span == span)
      let word = UIText.agendaSpan(span).text(language)
      let text = render(state, theme: theme).text
      #expect(text.contains("─ \(word) ─"), "\(span) in \(language)")
      seen.append(word)
      reduce(&state, .calendar(.cycleSpan))
    }
    #expect(Set(seen).count == 3, "each span has its own words: \(seen)")
  }

  /// At 60×17 the grid takes the pane: its edge names the key that shows the agenda, and the
  /// key does show it.
  @Test(arguments: [Language.japanese, .english])
  func theSmallestEventsPaneSaysHowToSeeTheAgendaItDrops(language: Language) throws {
    var state = try seedState(width: 60, height: 17, language: language)
    reduce(&state, .focus(.events))
    let hint = UIText.agendaHidden(state.calendar.span).text(language)
    let before = render(state, theme: theme).text
    #expect(before.contains(hint))
    #expect(!before.contains("夏休みわくわく体験美術館"), "the agenda is not shown")
    reduce(&state, .activate)
    let after = render(state, theme: theme).text
    #expect(after.contains("夏休みわくわく体験美術館"), "Enter shows the agenda")
    #expect(!after.contains(hint))
    #expect(after.contains(UIText.agendaSpan(state.calendar.span).text(language)))
  }

  /// The position reaches `n / n` at the end of each list, and the last item is then on screen.
  @Test func everyListShowsItsPositionUpToTheEnd() throws {
    // Comments (the seed's 3), at the smallest size.
    var comments = try seedState(width: 60, height: 17)
    reduce(&comments, .focus(.comments))
    #expect(render(comments, theme: theme).text.contains("─ 1 / 3 "))
    reduce(&comments, .moveToLast)
    #expect(render(comments, theme: theme).text.contains("─ 3 / 3 "))

    // The agenda of a month of the sample (many entries), beside the grid and above it.
    for (width, height) in [(60, 17), (100, 30)] {
      var agenda = try largeSample(width: width, height: height)
      reduce(&agenda, .focus(.events))
      reduce(&agenda, .calendar(.cycleSpan))
      reduce(&agenda, .calendar(.cycleSpan))
      reduce(&agenda, .activate)
      let count = CalendarView(state: agenda).entryCount
      #expect(count > 10)
      #expect(render(agenda, theme: theme).text.contains("─ 1 / \(count) "), "\(width)x\(height)")
      reduce(&agenda, .moveToLast)
      #expect(
        render(agenda, theme: theme).text.contains("─ \(count) / \(count) "), "\(width)x\(height)")
    }

    // A drill-down list: the programmes behind a cell.
    var drill = try largeSample(width: 60, height: 17)
    reduce(&drill, .move(.down))
    reduce(&drill, .activate)
    let rows = try #require(drill.matrix.drill.map { ProgrammeListView(state: drill, drill: $0) })
    #expect(rows.rows.count > 5)
    #expect(render(drill, theme: theme).text.contains("─ 1 / \(rows.rows.count) "))
    reduce(&drill, .moveToLast)
    #expect(render(drill, theme: theme).text.contains("─ \(rows.rows.count) / \(rows.rows.count) "))
  }

  /// A detail, a reading view and the warnings: the last line shown out of all, `n / n` at
  /// the end, with that last line on screen.
  @Test func detailsAndTheWarningsShowHowFarTheyAreRead() throws {
    var event = try seedState(width: 60, height: 17)
    reduce(&event, .focus(.events))
    reduce(&event, .activate)
    reduce(&event, .activate)
    #expect(event.calendar.openEventID != nil)
    let top = render(event, theme: theme).text
    let total = try #require(position(in: top)?.total)
    #expect(position(in: top)?.current ?? 0 < total)
    for _ in 0..<total { reduce(&event, .move(.down)) }
    #expect(position(in: render(event, theme: theme).text)?.current == total)

    var warned = try seedState(width: 60, height: 17)
    warned.startupWarnings = (1...12).map { (row: Int) in
      Diagnostic(
        .warning, SourceLocation(file: "events.csv", line: row, column: 1),
        "row \(row): the fee is not a number", ja: "\(row) 行目: 料金が数値ではありません")
    }
    reduce(&warned, .toggleWarnings)
    // The panes' own positions show beside the box: the warnings' is the one out of its rows.
    let rows = WarningsView(state: warned).rows(screenWidth: 60).count
    #expect(rows >= 12)
    let first = render(warned, theme: theme).text
    #expect(!first.contains("12 行目"), "the last warning is below")
    #expect(positions(in: first).contains { $0.total == rows && $0.current < rows })
    for _ in 0..<rows { reduce(&warned, .scrollOverlay(.down, by: 1)) }
    #expect(warned.overlay == .warnings, "scrolling keeps the warnings open")
    let last = render(warned, theme: theme).text
    #expect(last.contains("events.csv:12:1: 警告: 12 行目: 料金が数値ではありま"))
    #expect(positions(in: last).contains { $0.total == rows && $0.current == rows })
    // Any other key still closes them, as their footer says.
    #expect(last.contains("他のキーで閉じます"))
  }

  /// Every `n / m` in a box's edge on the screen.
  func positions(in text: String) -> [(current: Int, total: Int)] {
    text.matches(of: /─ (\d+) \/ (\d+)[ ]/).map { (Int($0.1)!, Int($0.2)!) }
  }

  /// The first `n / m` on the screen.
  func position(in text: String) -> (current: Int, total: Int)? { positions(in: text).first }
}

/// An action's own notice (a refused change) is read whole at the smallest size: it wraps
/// upwards over the key bar; the announcement after a key keeps to its row.
@Suite struct LongNoticeTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  @Test(arguments: [Language.japanese, .english])
  func aRefusedChangeIsReadWholeAt60x17(language: Language) throws {
    var state = try seedState(width: 60, height: 17, language: language)
    let message = UIText.statusChangedMeanwhile("△予定よりも遅れている", language: language)
    #expect(message.count > 40)
    reduce(&state, .statusEdit(.finished(message)))
    #expect(state.notice == message && !state.noticeIsAnnouncement)
    let frame = render(state, theme: theme)
    let bottom = frame.lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    let words = message.filter { $0 != " " }
    #expect(bottom.filter { $0 != " " }.contains(words), "\(frame.lines.suffix(3))")
    #expect(
      !frame.lines.last!.hasSuffix(Chrome(language: language, asciiOnly: false).glyphs.ellipsis))
    // The next key's announcement keeps to the last row: the key bar is back.
    reduce(&state, .focus(.comments))
    #expect(state.noticeIsAnnouncement)
    let next = render(state, theme: theme)
    #expect(next.lines[next.height - 2].contains("q"), "\(next.lines[next.height - 2])")
  }
}
