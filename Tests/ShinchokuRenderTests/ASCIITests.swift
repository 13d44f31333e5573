import Foundation
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

/// `--ascii` swaps every non-ASCII symbol of the UI's chrome: with English labels, anything
/// non-ASCII on the screen must come from the data's own text.
@Suite struct ASCIIChromeTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  /// Every character of the data files' values (comments and the statuses' `symbol:` lines,
  /// which are exactly what `ascii:` replaces, left out).
  func dataCharacters(_ folder: String) throws -> Set<Character> {
    var characters: Set<Character> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder)
    where name.hasSuffix(".yaml") {
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("#") || trimmed.hasPrefix("symbol:") { continue }
        let value = line.split(separator: " #", maxSplits: 1).first ?? ""
        characters.formUnion(value)
      }
    }
    return characters
  }

  let chrome: Set<Character> = Set("─│┌┐└┘▲▼◎○△—〔〕※〜×·›±█▒░↑↓←→")

  func check(_ frame: Frame, allowed: Set<Character>, _ what: String) {
    var stray: Set<Character> = []
    for character in frame.text where !character.isASCII && !allowed.contains(character) {
      stray.insert(character)
    }
    #expect(stray.isEmpty, "\(what): not ASCII and not from the data: \(String(stray.sorted()))")
    let symbols = frame.text.filter { chrome.contains($0) && !allowed.contains($0) }
    #expect(symbols.isEmpty, "\(what): chrome symbols \(symbols)")
  }

  @Test func seedScreensInASCII() throws {
    let allowed = try dataCharacters(bundledData)
    var base = try seedState(width: 100, height: 30, language: .english)
    base.asciiOnly = true
    for snapshot in base.dataset.snapshots.indices {
      for pane in Pane.allCases {
        var state = base
        state.snapshotIndex = snapshot
        state.focus = pane
        reduce(&state, .moveToLast)
        check(render(state, theme: theme), allowed: allowed, "snapshot \(snapshot) \(pane)")
      }
    }
    for action in [Action.toggleHelp, .toggleWarnings, .activate, .resize(width: 50, height: 10)] {
      var state = base
      reduce(&state, action)
      check(render(state, theme: theme), allowed: allowed, "\(action)")
    }
    var narrow = base
    reduce(&narrow, .resize(width: 60, height: 17))
    check(render(narrow, theme: theme), allowed: allowed, "60x17")
  }

  @Test func drillDownInASCII() throws {
    var state = try sampleState(width: 120, height: 30, language: .english)
    state.asciiOnly = true
    let folder = try SampleDataSet(programmes: 60, events: 40, snapshots: 4, seed: 1).write(
      into: NSTemporaryDirectory() + "shinchoku-ascii-\(UUID().uuidString)")
    let allowed = try dataCharacters(folder)
    check(render(state, theme: theme), allowed: allowed, "sample")
    reduce(&state, .move(.down))
    reduce(&state, .activate)
    #expect(state.matrix.drill != nil)
    check(render(state, theme: theme), allowed: allowed, "programme list")
    reduce(&state, .activate)
    #expect(state.matrix.drill?.openProgrammeID != nil)
    check(render(state, theme: theme), allowed: allowed, "programme detail")
  }
}
