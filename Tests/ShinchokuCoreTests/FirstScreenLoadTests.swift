import Foundation
import Testing

@testable import ShinchokuCore

/// The dashboard's load (`LoadProgress(waitsForFirstScreen: true)`): the data set without
/// events.csv's events comes first, with the file's size for the progress bar, and events.csv
/// is not read until the first screen is out.
@Suite struct FirstScreenLoadTests {
  @Test func eventsCSVWaitsForTheFirstScreen() throws {
    let sample = SampleDataSet(programmes: 4, events: 500, snapshots: 2, seed: 3, eventsAsCSV: true)
    let folder = try sample.write(
      into: NSTemporaryDirectory() + "shinchoku-first-screen-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: folder + "/events.csv")[.size] as? Int)
    let progress = LoadProgress(waitsForFirstScreen: true)
    let job = BackgroundJob<Dataset?>(nil) { dataset in
      dataset = try? DatasetLoader().load(directory: folder, progress: progress)
    }
    while !progress.headIsReady { usleep(1000) }
    let head = try #require(progress.head)
    #expect(head.events.isEmpty)
    #expect(head.programmes.count == 4)
    // The size is known before a byte is read; nothing is read meanwhile (the loader would
    // start by itself only after a second).
    #expect(progress.bytes?.total == size)
    usleep(200_000)
    #expect(progress.bytes?.read == 0)
    #expect(job.finished == nil)
    progress.firstScreenShown()
    let dataset = try #require(job.wait())
    #expect(dataset.events.count == 500)
    #expect(progress.bytes?.read == size)
  }
}
