import Foundation
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
