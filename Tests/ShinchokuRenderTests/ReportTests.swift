import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import Testing

/// `shinchoku report`: the whole state as linear text in both languages, as snapshots, with no
/// box drawing, no columns, and Markdown headings.
@Suite struct ReportTests {
  func report(_ language: Language, snapshot: Int? = nil, filter: EventFilter = EventFilter())
    throws -> String
  {
    let dataset = try DatasetLoader().load(directory: bundledData)
    let (from, to) = try #require(Report.eventRange(dataset))
    return Report.text(
      Report.Request(
        snapshotIndex: snapshot ?? dataset.defaultSnapshotIndex, from: from, to: to,
        filter: filter), dataset: dataset, language: language)
  }

  /// Box drawing (U+2500–U+257F) and block elements (U+2580–U+259F).
  func boxDrawing(in text: String) -> [Character] {
    text.filter { character in
      character.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) }
    }
  }

  @Test(arguments: [(Language.japanese, "report-seed-ja"), (.english, "report-seed-en")])
  func theSeedReportIsLinearText(language: Language, name: String) throws {
    let text = try report(language, snapshot: 2)
    try assertSnapshot(text: text, named: name)
    #expect(boxDrawing(in: text).isEmpty, "box drawing: \(boxDrawing(in: text))")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // No layout by columns: no runs of spaces lining things up, no tabs, no table rows.
    for line in lines {
      #expect(!line.contains("  ") && !line.contains("\t"), "columns? \(line)")
      #expect(!line.hasPrefix("|"), "a table row: \(line)")
    }
    // Headings a screen reader can jump between, in order: plan, matrix, comments, events.
    let headings = lines.filter { $0.hasPrefix("#") }
    #expect(headings.first?.hasPrefix("# ") == true)
    #expect(headings.filter { $0.hasPrefix("## ") }.count == 3)
    let dataset = try DatasetLoader().load(directory: bundledData)
    #expect(
      headings.filter { $0.hasPrefix("### ") }.count
        == dataset.areas.count + 1 + dataset.comments.count + 2)  // dated event, 日付未定
    // Every comment in full.
    for comment in dataset.comments { #expect(text.contains(comment.text)) }
    // Every area, by number, with each status named on its own line.
    for area in dataset.areas {
      #expect(text.contains(UIText.areaTag(number: area.number, language: language) + " "))
    }
  }

  @Test(arguments: [Language.japanese, .english])
  func anotherPlanIsReportedInItsOwnScaleWithItsInconsistentDate(language: Language) throws {
    let dataset = try DatasetLoader().load(
      directory: bundledData, plan: "kodaira-3rd-restructuring")
    let (from, to) = try #require(Report.eventRange(dataset))
    let text = Report.text(
      Report.Request(
        snapshotIndex: dataset.defaultSnapshotIndex, from: from, to: to, filter: EventFilter()),
      dataset: dataset, language: language)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "# " + dataset.plan.title.text(language))
    // The 3rd plan's own grade scale (S / A / B) and its per-area figures, area 4 (14: 10 / 4).
    let area4 = try #require(lines.firstIndex { $0.hasPrefix("### ") && $0.contains("4") })
    let block = lines[area4...].prefix(5).joined(separator: "\n")
    #expect(block.contains("S"), "\(block)")
    #expect(block.contains(": 10"), "\(block)")
    #expect(block.contains(": 4"), "\(block)")
    #expect(block.contains(": 14"), "\(block)")
    // The source gives the date two ways: both are said, neither chosen silently.
    #expect(text.contains("平成29年9月末") && text.contains("平成28年度末"))
    #expect(boxDrawing(in: text).isEmpty)
  }

  @Test func aFilterLeavesOnlyThePassingEvents() throws {
    let all = try report(.japanese)
    let free = try report(.japanese, filter: EventFilter(freeOnly: true))
    #expect(all.contains("#### 子ども会役員研修会"))
    #expect(!free.contains("子ども会役員研修会"))
    #expect(free.contains("フィルター: 無料あり"))
    #expect(all.contains("フィルター: なし"))
  }
}
