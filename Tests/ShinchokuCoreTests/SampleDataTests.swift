import Foundation
import Testing

@testable import ShinchokuCore

func writeSample(_ sample: SampleDataSet) throws -> String {
  try sample.write(into: NSTemporaryDirectory() + "shinchoku-sample-\(UUID().uuidString)")
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
          // With no records at all the split is unknown, not zero.
          #expect(
            snapshot.count(area: area.id, status: status.id)
              == (data.programmes.isEmpty ? nil : recorded.count))
        }
      }
    }
  }

  @Test func recordsThatDisagreeWithTheCountsAreAWarningNamingBoth() throws {
    var files = SampleDataSet(programmes: 30, events: 0, snapshots: 2, seed: 3).files()
    let snapshots = try #require(files["snapshots.yaml"])
    let data0 = try DatasetLoader().load(
      directory: try writeSample(SampleDataSet(programmes: 30, events: 0, snapshots: 2, seed: 3)))
    let first = try #require(data0.snapshots.first)
    let behind = try #require(first.count(area: "community", status: "behind"))
    // State a "behind" count for area 1 in the first snapshot, one more than the records give.
    let line = try #require(snapshots.split(separator: "\n").first { $0.contains("community:") })
    let stated = line.replacingOccurrences(of: "{ total:", with: "{ behind: \(behind + 1), total:")
    files["snapshots.yaml"] = snapshots.replacingOccurrences(of: String(line), with: stated)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try SampleDataSet().write(into: folder.path, files: files)
    let data = try DatasetLoader().load(directory: folder.path)
    let messages = data.warnings.map(\.message)
    #expect(
      messages == [
        "2012-03-31, area 'community', status 'behind': the snapshot states \(behind + 1) but the programme records give \(behind)"
      ], "\(messages)")
  }

  @Test func aProgrammeOnAMissingSnapshotOrStatusIsAnError() throws {
    var files = SampleDataSet(programmes: 3, events: 0, snapshots: 1, seed: 3).files()
    files["programmes.yaml"] = try #require(files["programmes.yaml"])
      .replacingOccurrences(of: "2012-03-31: ", with: "2012-04-01: ")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-sample-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try SampleDataSet().write(into: folder.path, files: files)
    let errors = loadErrors(folder.path)
    #expect(errors.count == 3)
    #expect(
      errors.allSatisfy { $0.message == "no snapshot on 2012-04-01" && $0.location.column == 7 })
  }
}

@Suite struct SampleCSVTests {
  @Test func eventsWrittenAsCSVLoadAsTheSameKindOfEvents() throws {
    let sample = SampleDataSet(
      programmes: 10, events: 400, snapshots: 2, seed: 3, eventsAsCSV: true)
    let files = sample.files()
    #expect(files["events.csv"] != nil)
    let data = try DatasetLoader().load(directory: try writeSample(sample))
    #expect(data.warnings.isEmpty, "\(data.warnings)")
    #expect(data.events.count == 400)
    #expect(Set(data.events.map(\.id)).count == 400)
    #expect(data.events.allSatisfy { $0.categoryID != nil && !$0.audience.isEmpty })
    #expect(data.events.contains { $0.end != nil })
    #expect(data.events.contains { !$0.isDated })
    #expect(data.events.contains { $0.title.contains(",") })
    #expect(data.events.contains { $0.fees.contains { $0.yen == 0 } })
  }

  @Test func largeSamplesAreCSVByDefault() {
    #expect(SampleDataSet(events: 300).eventsAsCSV == false)
    #expect(SampleDataSet(events: SampleDataSet.csvThreshold).eventsAsCSV)
  }
}
