import Foundation
import JapaneseCalendar
import Testing

@testable import ShinchokuCore

/// Inputs that grew faster than linearly, at 10⁶ elements, bounded by counts (never by time):
/// each would take hours if its cost were quadratic again.
@Suite struct ScalingTests {
  @Test func aMillionCategoriesAreAddedAndFoundEachInConstantTime() {
    var table = CategoryTable()
    let count = 1_000_000
    var added = 0
    for n in 0..<count {
      let category = EventCategory(id: "c\(n)", name: LocalizedText("名\(n)", english: "n\(n)"))
      if table.append(category) { added += 1 }
    }
    #expect(added == count)
    #expect(table.list.count == count)
    let duplicate = table.append(EventCategory(id: "c5", name: LocalizedText("x")))
    #expect(!duplicate, "a duplicate id")
    #expect(table.first(matching: "名999999")?.id == "c999999")
    #expect(table.first(matching: "n123456")?.id == "c123456")
    #expect(table.first(matching: "c42")?.id == "c42")
    #expect(table.category(id: "c777777")?.name.japanese == "名777777")
    #expect(table.first(matching: "none") == nil)
    // A message lists a bounded number of them.
    #expect(table.idList().split(separator: ",").count == 21)
  }

  /// The first category in file order wins, whether the text is its id or a name.
  @Test func theFirstCategoryMatchingWins() {
    let table = CategoryTable([
      EventCategory(id: "a", name: LocalizedText("b")),
      EventCategory(id: "b", name: LocalizedText("a")),
    ])
    #expect(table.first(matching: "b")?.id == "a")
    #expect(table.first(matching: "a")?.id == "a")
  }

  /// 10⁵ distinct categories through events.csv (each new one added as `csv-…`), and an
  /// events.yaml whose unknown category's hint stays short.
  @Test func manyCSVCategoriesLoad() throws {
    let folder = try dataFolder(replacing: ["events.yaml": "categories: []\nevents: []\n"])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let count = 100_000
    var csv = "id,date,title,category\n"
    csv.reserveCapacity(count * 30)
    for n in 0..<count { csv += "e\(n),2012-07-01,t\(n),c\(n)\n" }
    try csv.write(toFile: folder + "/events.csv", atomically: true, encoding: .utf8)
    let data = try DatasetLoader().load(directory: folder)
    #expect(data.categories.count == count)
    #expect(data.category("csv-c99999")?.name.japanese == "c99999")
  }

  /// The most snapshots a file may list (10 000), the last for a date already there, found with
  /// the first's line; one more is an error at its place. The duplicate check is a look-up by
  /// date now; the scan of every earlier snapshot it replaced was quadratic (release build:
  /// 16 000 in 2.4 s, 32 000 in 8.4 s; now 0.85 s and 1.6 s).
  @Test func theMostSnapshotsLoadAndASecondOneForADateIsFoundAndOneMoreIsAnError() throws {
    let count = 10_000
    let first = CivilDate(year: 1900, month: 1, day: 1)!
    func yaml(_ dates: [CivilDate]) -> String {
      var text = "snapshots:\n"
      text.reserveCapacity(dates.count * 40)
      for date in dates { text += "  - date: \(date.iso)\n    source: seed\n" }
      return text
    }
    let dates = (0..<count - 1).map { first.adding(days: $0) } + [first.adding(days: 7)]
    let folder = try dataFolder(replacing: [
      "snapshots.yaml": yaml(dates), "programmes.yaml": "programmes: []\n",
    ])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let errors = loadErrors(folder)
    #expect(errors.map(\.message) == ["a second snapshot for \(first.adding(days: 7).iso)"])
    #expect(errors.first?.location.line == 2 * count)
    #expect(errors.first?.hint == "the first is at line \(2 * 7 + 2)")
    let tooMany = (0...count).map { first.adding(days: $0) }
    try yaml(tooMany).write(
      toFile: folder + "/snapshots.yaml", atomically: true, encoding: .utf8)
    let bounded = loadErrors(folder)
    #expect(bounded.map(\.message) == ["more than \(count) snapshots"])
    #expect(bounded.first?.location.line == 2 * count + 2)
  }

  /// The most areas the format allows (numbers 1…999), each counted in a snapshot, and 10⁵
  /// programmes: every record's area, status and snapshot is a look-up in a set (the scans
  /// they replaced cost areas × records), and a hint lists a bounded number of the ids.
  @Test func theMostAreasWithTheirCountsAndManyProgrammesLoad() throws {
    let areaCount = 999
    let programmeCount = 100_000
    let folder = NSTemporaryDirectory() + "shinchoku-areas-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var plan = """
      sources: [{ id: s, title: 合成 }]
      plan: { id: p, title: 合成の計画, source: s }
      statuses:
        - { id: ahead, name: 予定以上, symbol: ◎ }
        - { id: behind, name: 遅れ, symbol: △ }
      areas:

      """
    var snapshots = "snapshots:\n  - date: 2017-03-31\n    source: s\n    areas:\n"
    for n in 0..<areaCount {
      plan += "  - { id: a\(n), number: \(n + 1), name: 分野\(n) }\n"
      snapshots += "      a\(n): { ahead: 1, behind: 0 }\n"
    }
    var programmes = "id,area,title,2017-03-31\n"
    programmes.reserveCapacity(programmeCount * 30)
    for n in 0..<programmeCount { programmes += "P\(n),a\(n % areaCount),事業\(n),ahead\n" }
    programmes += "X,nowhere,迷子,ahead\n"
    for (name, text) in [
      ("plan.yaml", plan), ("snapshots.yaml", snapshots), ("programmes.csv", programmes),
    ] {
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    let data = try DatasetLoader().load(directory: folder)
    #expect(data.programmes.count == programmeCount)
    #expect(data.areas.count == areaCount)
    let left = data.warnings.filter { $0.message.hasPrefix("unknown area") }
    #expect(left.map(\.message) == ["unknown area 'nowhere'; the row is left out"])
    let hint = try #require(left.first?.hint)
    #expect(hint.hasPrefix("an area's id, number or name: 1 分野0, 2 分野1, "))
    #expect(hint.hasSuffix(", …"))
    // Twenty areas and the ellipsis, not 999.
    #expect(hint.split(separator: ": ").last?.split(separator: ",").count == 21)
  }

  /// The most comments the format numbers (1…100 000), each about an area, and a second
  /// comment with an id already there, found by a set look-up; the comments keep their order
  /// by number.
  @Test func theMostCommentsLoadAndADuplicateIdIsFound() throws {
    let count = 100_000
    var yaml = "committee: { name: 委員会 }\ncomments:\n"
    yaml.reserveCapacity(count * 90)
    for n in (1...count).reversed() {
      yaml += "  - { id: c\(n), number: \(n), areas: [community], source: seed, text: 意見\(n) }\n"
    }
    yaml += "  - { id: c7, source: seed, text: もう一度 }\n"
    let folder = try dataFolder(replacing: ["comments.yaml": yaml])
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let errors = loadErrors(folder)
    #expect(errors.map(\.message) == ["duplicate comment id 'c7'"])
    #expect(errors.first?.location.line == count + 3)
    let withoutIt = yaml.replacingOccurrences(
      of: "  - { id: c7, source: seed, text: もう一度 }\n", with: "")
    try withoutIt.write(toFile: folder + "/comments.yaml", atomically: true, encoding: .utf8)
    let data = try DatasetLoader().load(directory: folder)
    #expect(data.comments.count == count)
    #expect(data.comments.first?.number == 1)
    #expect(data.comments.last?.id == "c\(count)")
  }

  /// 10⁵ programme rows (ids checked for duplicates in a set) and a duplicate among them.
  @Test func manyProgrammeRowsLoadAndADuplicateIsFound() throws {
    let folder = try dataFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let count = 100_000
    var csv = "id,area,title\n"
    csv.reserveCapacity(count * 20)
    for n in 0..<count { csv += "P\(n),1,t\(n)\n" }
    try (csv + "P7,1,again\n").write(
      toFile: folder + "/programmes.csv", atomically: true, encoding: .utf8)
    let errors = loadErrors(folder)
    #expect(errors.map(\.message) == ["duplicate programme id 'P7'"])
  }
}
