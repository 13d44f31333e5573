// libFuzzer entry point for every fuzz target; `SHINCHOKU_FUZZ_TARGET` chooses one:
//
// - `yaml`: the input (after a first byte choosing the file) replaces one file of a copy of
//   Data/, which is then loaded. No crash, and every error names a file.
// - `csv`: the input is `events.csv` beside a copy of Data/.
// - `theme`: the input is a theme file (which may extend the shipped themes).
// - `text`: display width, sanitising and line breaking, with their invariants.
// - `reduce`: the input is a sequence of actions on the sample data; after each, the
//   selections (matrix, comments, events, snapshot, theme, agenda, open event) stay inside the
//   data and the rendered frame has the state's size, every wide glyph whole.
//
// A broken invariant calls `fatalError`, which libFuzzer reports as a crash with its input.
import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import TerminalText

/// The repository's root, found from this file (Tests/Fuzz/Sources/ShinchokuFuzz/Fuzz.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

let fuzzTarget = ProcessInfo.processInfo.environment["SHINCHOKU_FUZZ_TARGET"] ?? ""

/// A scratch copy of Data/ (made once per process).
let scratchData: URL = {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "shinchoku-fuzz-\(getpid())")
  try? FileManager.default.removeItem(at: folder)
  try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let data = repositoryRoot.appendingPathComponent("Data")
  for name in try! FileManager.default.contentsOfDirectory(atPath: data.path) {
    try! FileManager.default.copyItem(
      at: data.appendingPathComponent(name), to: folder.appendingPathComponent(name))
  }
  return folder
}()

let yamlFiles = ["plan.yaml", "snapshots.yaml", "programmes.yaml", "comments.yaml", "events.yaml"]

func fuzzDataFile(_ name: String, _ bytes: Data) {
  let url = scratchData.appendingPathComponent(name)
  let original = try? Data(contentsOf: url)
  try! bytes.write(to: url)
  defer {
    if let original {
      try! original.write(to: url)
    } else {
      try? FileManager.default.removeItem(at: url)
    }
  }
  do {
    _ = try DatasetLoader().load(directory: scratchData.path)
  } catch {
    for diagnostic in error.diagnostics where diagnostic.location.file.isEmpty {
      fatalError("a diagnostic without a file: \(diagnostic)")
    }
  }
}

func fuzzTheme(_ bytes: Data) {
  let url = scratchData.appendingPathComponent("fuzz-theme.yaml")
  try! bytes.write(to: url)
  let loader = ThemeLoader(directory: repositoryRoot.appendingPathComponent("Themes").path)
  let (theme, diagnostics) = loader.load(url.path)
  if diagnostics.contains(where: { $0.severity == .error }) {
    guard theme.name == Theme.builtIn.name else { fatalError("a theme with errors was used") }
  } else {
    for role in Role.allCases where theme.styles[role] == nil {
      fatalError("a theme without errors lacks the role \(role)")
    }
  }
}

/// Whether a scalar must never reach the terminal (C0, DEL, C1, bidi controls, U+2028/9).
func isControl(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
  let v = scalar.value
  if v == 0x0A { return !keepingLineBreaks }
  if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
  return v == 0x061C || v == 0x200E || v == 0x200F || (0x2028...0x202E).contains(v)
    || (0x2066...0x2069).contains(v)
}

func fuzzText(_ bytes: Data) {
  guard let first = bytes.first else { return }
  let width = Int(first) % 40 - 2  // includes 0 and negative widths (treated as 1)
  let raw = String(decoding: bytes.dropFirst(), as: UTF8.self)

  // Width: never negative, and the cells add up to it.
  let total = displayWidth(raw)
  guard total >= 0 else { fatalError("negative width \(total)") }
  _ = wrapped(raw, width: width)  // raw text: no crash

  for keeping in [false, true] {
    let clean = sanitized(raw, keepingLineBreaks: keeping)
    for scalar in clean.unicodeScalars where isControl(scalar, keepingLineBreaks: keeping) {
      fatalError("sanitized output holds U+\(String(scalar.value, radix: 16))")
    }
    guard sanitized(clean, keepingLineBreaks: keeping) == clean else {
      fatalError("sanitising is not idempotent")
    }
  }

  let text = sanitized(raw, keepingLineBreaks: true)
  let effective = max(width, 1)
  for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
    let lines = wrapped(String(paragraph), width: width)
    guard lines.map(\.text).joined() == paragraph else {
      fatalError("wrapped lines do not join to the paragraph: \(lines) vs \(paragraph)")
    }
    for line in lines {
      // Trailing U+0020s may overhang (as scalars: after U+0600–0605 a space is in the
      // previous grapheme, yet the terminal shows a space).
      var visible = Substring(line.text)
      while visible.unicodeScalars.last == " " { visible.unicodeScalars.removeLast() }
      let cells = terminalCells(visible)
      guard displayWidth(visible) <= effective || cells.count == 1 else {
        fatalError("line '\(line.text)' is \(displayWidth(visible)) wide at width \(effective)")
      }
    }
  }
}

/// The sample data with the shipped themes' names, as the dashboard starts.
let baseState: AppState = {
  var state = AppState(
    dataset: try! DatasetLoader().load(
      directory: repositoryRoot.appendingPathComponent("Data").path),
    language: .japanese, width: 100, height: 30,
    today: CivilDate(year: 2012, month: 7, day: 21)!)
  state.themeNames = ["default", "light"]
  return state
}()
let theme = ThemeLoader(directory: repositoryRoot.appendingPathComponent("Themes").path).load(
  "default"
).theme

let directions: [Direction] = [.up, .down, .left, .right]
let panes: [Pane] = Pane.allCases

/// Reads actions from the input, one or more bytes each.
struct ActionReader {
  var bytes: Data.SubSequence

  mutating func byte() -> Int? {
    guard let b = bytes.first else { return nil }
    bytes = bytes.dropFirst()
    return Int(b)
  }

  mutating func next() -> Action? {
    guard let b = byte() else { return nil }
    let arg = byte() ?? 0
    switch b % 40 {
    case 0: return .focusNext
    case 1: return .focusPrevious
    case 2: return .focus(panes[arg % panes.count])
    case 3, 4, 5: return .move(directions[arg % 4])
    case 6: return .moveToFirst
    case 7: return .moveToLast
    case 8: return .page(directions[arg % 4])
    case 9: return .nextSnapshot
    case 10: return .previousSnapshot
    case 11: return .toggleHelp
    case 12: return .toggleWarnings
    case 13: return .nextTheme
    case 14, 15: return .activate
    case 16: return .back
    case 17: return .click(target(arg))
    case 18: return .doubleClick(target(arg))
    case 19: return .scroll(panes[arg % panes.count], directions[(arg / 4) % 4])
    case 20: return .comments(.toggleLinked)
    case 21: return .comments(.startSearch)
    case 22: return .comments(.type(character(arg)))
    case 23: return .comments(.deleteBackward)
    case 24: return .comments(.confirmSearch)
    case 25: return .comments(.nextMatch)
    case 26: return .comments(.previousMatch)
    case 27:
      // Sizes 0×0 … 400×120, with small sizes more likely.
      let height = byte() ?? 0
      return .resize(width: arg < 128 ? arg % 64 : (arg * 400) / 255, height: height % 121)
    case 28: return .calendar(.goToToday)
    case 29: return .calendar(.cycleSpan)
    case 30: return .calendar(.toggleCategory(number: arg % 12 - 1))
    case 31: return .calendar(.toggleFreeOnly)
    case 32: return .calendar(.cycleAudience)
    case 33: return .calendar(.clearFilters)
    case 34: return .calendar(arg % 2 == 0 ? .beginDateInput : .beginSearch)
    case 35: return .calendar(.inputCharacter(character(arg)))
    case 36:
      return .calendar(
        arg % 3 == 0 ? .inputDeleteBackward : arg % 3 == 1 ? .inputCommit : .inputCancel)
    case 37: return .calendar(arg % 2 == 0 ? .open : .back)
    case 38:
      let day = CivilDate(year: 2012, month: 1, day: 1)!.adding(days: arg * 3 - 300)
      return .calendar(.goTo(day))
    default: return .quit
    }
  }

  mutating func target(_ arg: Int) -> ClickTarget {
    let n = byte() ?? 0
    switch arg % 6 {
    case 0: return .pane(panes[n % panes.count])
    case 1: return .matrixCell(MatrixPosition(row: n % 9 - 1, column: (n / 9) % 7 - 1))
    case 2: return .programme(n - 2)
    case 3: return .comment(n - 2)
    case 4: return .event(n - 2)
    default: return .calendarDay(CivilDate(year: 2012, month: 7, day: 1)!.adding(days: n - 30))
    }
  }

  func character(_ arg: Int) -> Character {
    let characters: [Character] = Array("0123456789-/.年月日平成令和Hha び ーム\u{1B}\u{202E}\t")
    return characters[arg % characters.count]
  }
}

func check(_ state: AppState) {
  guard (0..<state.matrixRowCount).contains(state.matrix.selection.row),
    (0..<state.matrixColumnCount).contains(state.matrix.selection.column)
  else { fatalError("matrix selection \(state.matrix.selection) outside the matrix") }
  guard state.comments.selection >= 0,
    state.comments.selection < max(1, state.dataset.comments.count)
  else { fatalError("comment selection \(state.comments.selection) outside the comments") }
  guard state.snapshotIndex >= 0, state.snapshotIndex < max(1, state.dataset.snapshots.count)
  else { fatalError("snapshot index \(state.snapshotIndex) outside the snapshots") }
  guard state.themeIndex >= 0, state.themeIndex < max(1, state.themeNames.count)
  else { fatalError("theme index \(state.themeIndex) outside the themes") }

  if let selection = state.calendar.agendaSelection,
    !calendarEntries(state).indices.contains(selection)
  {
    fatalError("agenda selection \(selection) outside the agenda")
  }
  if let id = state.calendar.openEventID, !state.dataset.events.contains(id: id) {
    fatalError("the open event \(id) is not in the data")
  }

  let frame = render(state, theme: theme)
  guard frame.width == state.width, frame.height == state.height,
    frame.cells.count == state.width * state.height
  else {
    fatalError("frame \(frame.width)×\(frame.height) for a state of \(state.width)×\(state.height)")
  }
  for y in 0..<frame.height {
    for x in 0..<frame.width {
      let cell = frame[x, y]
      if cell.width == 2, !(x + 1 < frame.width && frame[x + 1, y].isContinuation) {
        fatalError("wide glyph cut at \(x),\(y)")
      }
      if cell.isContinuation, !(x > 0 && frame[x - 1, y].width == 2) {
        fatalError("stray continuation at \(x),\(y)")
      }
      if cell.width > 2 || displayWidth(cell.text) != Int(cell.width) && !cell.isContinuation {
        fatalError("cell '\(cell.text)' at \(x),\(y) has width \(cell.width)")
      }
    }
  }
  for region in frame.hitRegions {
    guard region.x >= 0, region.y >= 0, region.x + region.width <= frame.width,
      region.y + region.height <= frame.height
    else { fatalError("hit region \(region) outside the frame") }
  }
}

func fuzzReduce(_ bytes: Data) {
  var state = baseState
  var reader = ActionReader(bytes: bytes[...])
  var count = 0
  while let action = reader.next(), count < 64 {
    reduce(&state, action)
    check(state)
    count += 1
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let bytes = Data(bytes: start, count: count)
  switch fuzzTarget {
  case "yaml":
    guard let first = bytes.first else { return 0 }
    fuzzDataFile(yamlFiles[Int(first) % yamlFiles.count], bytes.dropFirst())
  case "csv": fuzzDataFile("events.csv", bytes)
  case "theme": fuzzTheme(bytes)
  case "text": fuzzText(bytes)
  case "reduce": fuzzReduce(bytes)
  default: fatalError("set SHINCHOKU_FUZZ_TARGET to yaml, csv, theme, text or reduce")
  }
  return 0
}
