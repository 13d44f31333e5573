import Foundation
import Testing

@testable import ShinchokuCore

func writeSample(_ sample: SampleDataSet) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "shinchoku-sample-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for (name, text) in sample.files() {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }
  return folder.path
}

@Suite struct SampleDataTests {
  @Test func theSameSeedGivesTheSameFilesAndAnotherSeedOthers() {
    let a = SampleDataSet(programmes: 40, events: 50, snapshots: 3, seed: 7).files()
    let b = SampleDataSet(programmes: 40, events: 50, snapshots: 3, seed: 7).files()
    let c = SampleDataSet(programmes: 40, events: 50, snapshots: 3, seed: 8).files()
    #expect(a == b)
    #expect(a["programmes.yaml"] != c["programmes.yaml"])
    #expect(a["events.yaml"] != c["events.yaml"])
  }

  @Test(arguments: [(0, 0, 1), (1, 1, 1), (60, 300, 4), (250, 1000, 7)])
  func aSampleLoadsCleanlyAndItsCountsAgreeWithItsRecords(size: (Int, Int, Int)) throws {
    let sample = SampleDataSet(programmes: size.0, events: size.1, snapshots: size.2, seed: 42)
    let data = try DatasetLoader().load(directory: try writeSample(sample))
    #expect(data.warnings.isEmpty, "\(data.warnings)")
    #expect(data.plan.isSynthetic)
    #expect(data.plan.title.japanese.contains("合成データ"))
    #expect(data.programmes.count == size.0)
    #expect(data.events.count == size.1)
    #expect(data.snapshots.count == size.2)
    for snapshot in data.snapshots {
      for area in data.areas {
        for status in data.statuses {
          let recorded = data.programmes.filter {
            $0.areaID == area.id && $0.statuses[snapshot.date] == status.id
          }
          #expect(snapshot.count(area: area.id, status: status.id) == recorded.count)
        }
      }
    }
  }

  @Test func recordsThatDisagreeWithTheCountsAreAWarningNamingBoth() throws {
    var files = SampleDataSet(programmes: 30, events: 0, snapshots: 2, seed: 3).files()
    let snapshots = try #require(files["snapshots.yaml"])
    // Raise the first area's stated "behind" count in the first snapshot by one.
    let line = try #require(snapshots.split(separator: "\n").first { $0.contains("community:") })
    let behind = try #require(line.firstRange(of: "behind: "))
    let digits = line[behind.upperBound...].prefix { $0.isNumber }
    let raised = line.replacingCharacters(
      in: behind.upperBound..<line.index(behind.upperBound, offsetBy: digits.count),
      with: String(Int(digits)! + 1))
    files["snapshots.yaml"] = snapshots.replacingOccurrences(of: line, with: raised)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    let data = try DatasetLoader().load(directory: folder.path)
    let messages = data.warnings.map(\.message)
    #expect(
      messages.contains(
        "2012-03-31, area 'community', status 'behind': the snapshot states \(Int(digits)! + 1) but the programme records give \(digits)"
      ), "\(messages)")
  }

  @Test func aProgrammeOnAMissingSnapshotOrStatusIsAnError() throws {
    var files = SampleDataSet(programmes: 3, events: 0, snapshots: 1, seed: 3).files()
    files["programmes.yaml"] = try #require(files["programmes.yaml"])
      .replacingOccurrences(of: "2012-03-31: ", with: "2012-04-01: ")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    let errors = loadErrors(folder.path)
    #expect(errors.count == 3)
    #expect(
      errors.allSatisfy { $0.message == "no snapshot on 2012-04-01" && $0.location.column == 7 })
  }
}
