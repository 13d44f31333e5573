import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import TerminalText
import Testing

let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
let bundledData = repositoryRoot.appendingPathComponent("Data").path
let bundledThemes = repositoryRoot.appendingPathComponent("Themes").path

func seedState(width: Int, height: Int, language: Language = .japanese) throws -> AppState {
  AppState(
    dataset: try DatasetLoader().load(directory: bundledData), language: language, width: width,
    height: height,
    today: CivilDate(year: 2012, month: 8, day: 1)!)
}

/// Compares a whole frame with `Snapshots/<name>.txt`, line by line. A missing snapshot is a
/// failure; run with SHINCHOKU_RECORD_SNAPSHOTS=1 to write it, then read it before committing.
func assertSnapshot(
  _ frame: Frame, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  try assertSnapshot(text: frame.text + "\n", named: name, sourceLocation: sourceLocation)
}

/// Compares a text with `Snapshots/<name>.txt`, line by line (as `assertSnapshot` a frame).
func assertSnapshot(
  text actual: String, named name: String,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let file = testsFolder.appendingPathComponent("Snapshots/\(name).txt")
  if ProcessInfo.processInfo.environment["SHINCHOKU_RECORD_SNAPSHOTS"] == "1" {
    try Data(actual.utf8).write(to: file)
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name).txt; record it with SHINCHOKU_RECORD_SNAPSHOTS=1",
      sourceLocation: sourceLocation)
    return
  }
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(
    actualLines.count == expectedLines.count, "line count of \(name)",
    sourceLocation: sourceLocation)
  for (index, (a, e)) in zip(actualLines, expectedLines).enumerated() where a != e {
    Issue.record(
      "\(name) line \(index + 1):\n  expected: \(e)\n  actual:   \(a)",
      sourceLocation: sourceLocation)
  }
}

/// Checks the frame's structure: every wide glyph has its continuation cell, and no
/// continuation cell stands alone.
func checkWideGlyphs(_ frame: Frame, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
  for y in 0..<frame.height {
    for x in 0..<frame.width {
      let cell = frame[x, y]
      if cell.width == 2 {
        #expect(
          x + 1 < frame.width && frame[x + 1, y].isContinuation, "wide glyph at \(x),\(y) cut",
          sourceLocation: sourceLocation)
      }
      if cell.isContinuation {
        #expect(
          x > 0 && frame[x - 1, y].width == 2, "stray continuation at \(x),\(y)",
          sourceLocation: sourceLocation)
      }
    }
  }
}

/// The sample data set (seed 1) written to a scratch folder.
func sampleState(width: Int, height: Int, language: Language = .japanese) throws -> AppState {
  let folder = try SampleDataSet(programmes: 60, events: 40, snapshots: 4, seed: 1).write(
    into: NSTemporaryDirectory() + "shinchoku-render-\(UUID().uuidString)")
  return AppState(
    dataset: try DatasetLoader().load(directory: folder), language: language, width: width,
    height: height,
    today: CivilDate(year: 2013, month: 10, day: 1)!)
}

/// Every row between the title and status bars starts and ends with a border glyph, every row
/// is exactly as wide as the screen, and the lower panes' borders are in the same columns on
/// every row; no wide glyph is cut.
func checkBordersAligned(_ frame: Frame, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  throws
{
  checkWideGlyphs(frame, sourceLocation: sourceLocation)
  let borderGlyphs: Set<String> = ["│", "┌", "┐", "└", "┘"]
  let lowerTop = try #require(
    (1..<frame.height).first { frame[0, $0].text == "┌" && $0 > 1 }, sourceLocation: sourceLocation)
  var columnSets: Set<[Int]> = []
  // The boxes end above the key bar and the notice line, the last two rows.
  for y in 1..<(frame.height - 2) {
    #expect(
      borderGlyphs.contains(frame[0, y].text), "row \(y) starts with \(frame[0, y].text)",
      sourceLocation: sourceLocation)
    #expect(
      borderGlyphs.contains(frame[frame.width - 1, y].text),
      "row \(y) ends with \(frame[frame.width - 1, y].text)", sourceLocation: sourceLocation)
    #expect(displayWidth(frame.lines[y]) == frame.width, sourceLocation: sourceLocation)
    if y > lowerTop, y < frame.height - 3 {
      columnSets.insert((0..<frame.width).filter { frame[$0, y].text == "│" })
    }
  }
  #expect(
    columnSets.count == 1, "lower panes' borders move: \(columnSets)",
    sourceLocation: sourceLocation)
  #expect(columnSets.first?.count == 4, sourceLocation: sourceLocation)
}
