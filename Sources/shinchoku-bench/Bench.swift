import ArgumentParser
import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel

#if canImport(Glibc)
  import Glibc
#endif

/// `swift run -c release shinchoku-bench [--sizes seed,10000,...] [--json] [--repeat N]`:
/// per data set size, the time to load, to the first frame (a child process), per action
/// (reduce + render, median and p99) and the peak RSS of a process that loads and renders once.
@main
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shinchoku-bench",
    abstract:
      "Time loading, the first frame and each action, and the peak RSS, per data set size.")

  struct Options {
    var sizes: [Int?] = [nil, 10_000, 100_000, 1_000_000]
    var json = false
    var repetitions = 300
    var work = NSTemporaryDirectory() + "shinchoku-bench"
    /// The checkout whose Data/ (the seed) and Themes/ are used.
    var checkout = "."
    /// Also time the dashboard in a pseudo-terminal (Tests/Bench/pty-bench.py).
    var pty = false
    /// Programme records in each generated data set.
    var programmes = Bench.defaultProgrammes
    /// `XDG_CACHE_HOME` of every child (so no run touches ~/.cache), and the in-process
    /// loads' events caches under it.
    var cacheHome: String { work + "/cache" }
  }

  /// A city's reform plan has tens of programmes (the seed's has 62); 200 is generous. The
  /// events' sizes are what the benchmark varies: programmes have a row of their own.
  static let defaultProgrammes = 200

  @Option(help: "The sizes, comma-separated: seed, or a number of events.")
  var sizes = "seed,10000,100000,1000000"

  @Flag(help: "Print the results as JSON.")
  var json = false

  @Option(name: .customLong("repeat"), help: "Repetitions of each action.")
  var repetitions = 300

  @Option(help: "The folder the generated data sets are kept in.")
  var work = NSTemporaryDirectory() + "shinchoku-bench"

  @Option(
    help: ArgumentHelp(
      "The checkout whose Data/ (the seed) and Themes/ are used.",
      discussion:
        "Default: the current folder when it has them, else the checkout this benchmark was built from."
    ), completion: .directory)
  var checkout: String?

  @Option(
    help: ArgumentHelp(
      "Programme records in each generated data set.",
      discussion: "The seed keeps its own 62."))
  var programmes = Bench.defaultProgrammes

  @Flag(
    help: ArgumentHelp(
      "Also time the dashboard in a pseudo-terminal: start to first screen, to the complete calendar, each key to the last byte of its redraw, bytes per key.",
      discussion: "Runs Tests/Bench/pty-bench.py with python3 (its pty module)."))
  var pty = false

  @Option(
    help: ArgumentHelp(
      "The shinchoku binary to time.",
      discussion:
        "Default: the one beside this benchmark. `make install` installs a build with the Swift runtime linked in (--static-swift-stdlib), which starts faster than a plain release build."
    ), completion: .file())
  var binary: String?

  func validate() throws {
    guard repetitions > 0 else { throw ValidationError("--repeat must be above 0") }
    guard programmes > 0 else { throw ValidationError("--programmes must be above 0") }
    _ = try sizeList()
  }

  func sizeList() throws -> [Int?] {
    try sizes.split(separator: ",").map { part in
      if part == "seed" { return nil }
      guard let size = Int(part.replacingOccurrences(of: "_", with: "")), size >= 0 else {
        throw ValidationError("--sizes takes seed or numbers of events, not '\(part)'")
      }
      return size
    }
  }

  func run() throws {
    let options = Options(
      sizes: try sizeList(), json: json, repetitions: repetitions, work: work,
      checkout: try checkoutFolder(), pty: pty, programmes: programmes)
    let binary =
      self.binary
      ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("shinchoku").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
      FileHandle.standardError.write(
        Data(
          "shinchoku-bench: no shinchoku at \(binary): build it first (swift build -c release), or give --binary\n"
            .utf8))
      throw ExitCode(2)
    }
    // The children's events cache is the benchmark's own (`--pty` empties it per size first).
    setenv("XDG_CACHE_HOME", options.cacheHome, 1)
    unsetenv("SHINCHOKU_NO_CACHE")
    var results: [SizeResult] = []
    for size in options.sizes {
      let result = measure(size: size, options: options, binary: binary)
      results.append(result)
      if !options.json { FileHandle.standardError.write(Data((result.summary + "\n").utf8)) }
    }
    if options.json {
      let data = try! JSONSerialization.data(
        withJSONObject: results.map(\.json), options: [.prettyPrinted, .sortedKeys])
      print(String(decoding: data, as: UTF8.self))
    } else {
      print(table(results))
    }
  }
}

extension Bench {
  /// Where Data/ and Themes/ are: `--checkout`, else the current folder, else the checkout
  /// of this source file (#filePath: Sources/shinchoku-bench/Bench.swift).
  func checkoutFolder() throws -> String {
    func hasData(_ folder: String) -> Bool {
      FileManager.default.fileExists(atPath: folder + "/Data/plan.yaml")
        && FileManager.default.fileExists(atPath: folder + "/Themes")
    }
    if let checkout {
      guard hasData(checkout) else {
        throw ValidationError(
          "--checkout \(checkout): no Data/plan.yaml and Themes/ there; give the shinchoku checkout's folder"
        )
      }
      return checkout
    }
    let current = FileManager.default.currentDirectoryPath
    if hasData(current) { return current }
    let built = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    if hasData(built) { return built }
    throw ValidationError(
      "no Data/plan.yaml and Themes/ in \(current) nor in \(built); run from the shinchoku checkout or give --checkout DIR"
    )
  }
}

/// Stops the benchmark with a message (a data set that cannot be written or read).
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("shinchoku-bench: \(message)\n".utf8))
  exit(1)
}

struct ActionResult {
  var name: String
  var median: Double
  var p99: Double
}

struct SizeResult {
  var label: String
  var events: Int
  var programmes: Int
  var load: Double
  var firstFrame: Double
  /// On a real terminal (tmux), when tmux is there.
  var terminalFirstFrame: Double?
  var actions: [ActionResult]
  var peakRSS: Int  // KiB
  /// The first search character after load: it folds every distinct text once.
  var firstSearch: Double
  /// From outside, in a pseudo-terminal (`--pty`).
  var pty: PtyResult?
  /// A reload after a one-row append to events.csv (when there is one): the whole of it, and
  /// the part on the dashboard's main thread (`reduce` of the new data: the calendar's index).
  var appendReload: (total: Double, reduce: Double)?
  /// `load` with the events cache written by a load before (when there is events.csv).
  var cachedLoad: Double?
  /// The pty's start to complete calendar with no events cache (`pty` has it with the cache).
  var coldCalendar: Double?

  var summary: String {
    "\(label): load \(ms(load)), first frame \(ms(firstFrame)), peak RSS \(mib(peakRSS))"
  }

  var json: [String: Any] {
    [
      "size": label, "events": events, "programmes": programmes, "load_ms": load * 1000,
      "first_frame_ms": firstFrame * 1000, "peak_rss_kib": peakRSS,
      "terminal_first_frame_ms": terminalFirstFrame.map { $0 * 1000 } ?? NSNull(),
      "first_search_ms": firstSearch * 1000,
      "pty": pty?.json ?? NSNull(),
      "append_reload_ms": appendReload.map { $0.total * 1000 } ?? NSNull(),
      "append_reload_reduce_ms": appendReload.map { $0.reduce * 1000 } ?? NSNull(),
      "cached_load_ms": cachedLoad.map { $0 * 1000 } ?? NSNull(),
      "pty_cold_complete_calendar_ms": coldCalendar ?? NSNull(),
      "actions": Dictionary(
        uniqueKeysWithValues: actions.map {
          ($0.name, ["median_ms": $0.median * 1000, "p99_ms": $0.p99 * 1000])
        }),
    ]
  }
}

/// What Tests/Bench/pty-bench.py measured (milliseconds).
struct PtyResult {
  var json: [String: Any]
  /// Starts timed to the first screen in the full run: the median is reported.
  static let starts = 21
  var firstScreen: Double? { json["first_screen_ms"] as? Double }
  var slowestFirstScreen: Double? { json["first_screen_max_ms"] as? Double }
  var completeCalendar: Double? { json["complete_calendar_ms"] as? Double }
  func action(_ name: String) -> (p50: Double, p99: Double, bytes: Double)? {
    guard let actions = json["actions"] as? [String: Any],
      let action = actions[name] as? [String: Any],
      let p50 = action["p50_ms"] as? Double, let p99 = action["p99_ms"] as? Double,
      let bytes = action["bytes_per_key"] as? Double
    else { return nil }
    return (p50, p99, bytes)
  }
  /// Of a key's time, the part inside the dashboard (key read to frame drawn, p50 / p99) and
  /// the p50 of its steps: the state changed, the frame rendered, the frame drawn.
  func inside(_ name: String) -> (p50: Double, p99: Double, steps: [Double])? {
    guard let actions = json["actions"] as? [String: Any],
      let action = actions[name] as? [String: Any],
      let p50 = action["inside_p50_ms"] as? Double, let p99 = action["inside_p99_ms"] as? Double
    else { return nil }
    let steps = ["state_p50_ms", "render_p50_ms", "draw_p50_ms"].compactMap {
      action[$0] as? Double
    }
    return (p50, p99, steps)
  }
  static let actionNames = ["move a day", "move a month", "move in the matrix", "switch snapshot"]
  /// A key echoed by `cat` in a pty: the machine's and the script's part of every key.
  var floor: (p50: Double, p99: Double, max: Double)? {
    guard let floor = json["floor"] as? [String: Any], let p50 = floor["p50_ms"] as? Double,
      let p99 = floor["p99_ms"] as? Double, let max = floor["max_ms"] as? Double
    else { return nil }
    return (p50, p99, max)
  }
}

/// Runs the pty script on the dashboard; nil (with a message) when it cannot run.
func ptyRun(
  binary: String, folder: String, themes: String, options: Bench.Options, startOnly: Bool = false
) -> PtyResult? {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments =
    [
      "python3", options.checkout + "/Tests/Bench/pty-bench.py", "--binary", binary, "--data",
      folder, "--themes", themes, "--repeat", "\(min(options.repetitions, 200))",
    ] + (startOnly ? ["--start-only"] : ["--starts", "\(PtyResult.starts)"])
  let output = Pipe()
  process.standardOutput = output
  do {
    try process.run()
  } catch {
    FileHandle.standardError.write(Data("shinchoku-bench: cannot run python3: \(error)\n".utf8))
    return nil
  }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0,
    let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
  else {
    FileHandle.standardError.write(Data("shinchoku-bench: the pty run failed\n".utf8))
    return nil
  }
  return PtyResult(json: json)
}

func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }

func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The data folder of a size: the seed is the bundled Data/; other sizes are generated (with
/// `--programmes` programme records).
func dataFolder(size: Int?, options: Bench.Options) -> String {
  guard let size else {
    return options.checkout + "/Data"
  }
  let folder = options.work + "/\(size)-p\(options.programmes)"
  let sample = SampleDataSet(
    programmes: options.programmes, events: size, snapshots: 4, seed: 1)
  let marker = folder + "/.complete"
  if FileManager.default.fileExists(atPath: marker) { return folder }
  try? FileManager.default.removeItem(atPath: folder)
  do {
    try sample.write(into: folder)
  } catch {
    fail("cannot write the data set of \(size) events into \(folder): \(error)")
  }
  _ = FileManager.default.createFile(atPath: marker, contents: Data())
  return folder
}

/// Runs the binary with its output sent to /dev/null; the wall time and its peak RSS (KiB:
/// VmHWM from the child's /proc/self/status, which `dump` writes to SHINCHOKU_BENCH_HWM_FILE;
/// wait4's ru_maxrss would count the parent's pages shared until exec).
func spawn(_ binary: String, _ arguments: [String]) -> (seconds: Double, maxRSS: Int) {
  let hwmFile = NSTemporaryDirectory() + "shinchoku-bench-hwm-\(getpid())"
  setenv("SHINCHOKU_BENCH_HWM_FILE", hwmFile, 1)
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  defer { posix_spawn_file_actions_destroy(&actions) }
  let argv = ([binary] + arguments).map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  let start = now()
  let status = posix_spawn(&pid, binary, &actions, nil, argv, environ)
  precondition(status == 0, "cannot start \(binary)")
  var waitStatus: Int32 = 0
  var usage = rusage()
  wait4(pid, &waitStatus, 0, &usage)
  let seconds = now() - start
  precondition(waitStatus == 0, "\(binary) \(arguments) failed (\(waitStatus))")
  let line = (try? String(contentsOfFile: hwmFile, encoding: .utf8)) ?? ""
  let kib = Int(line.filter(\.isNumber)) ?? 0
  return (seconds, kib)
}

/// Runs a tool found on PATH with its output discarded; whether it exited 0.
@discardableResult
func runTool(_ arguments: [String]) -> Bool {
  var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  defer { posix_spawn_file_actions_destroy(&actions) }
  let argv = arguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid: pid_t = 0
  guard posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return false }
  var status: Int32 = 0
  waitpid(pid, &status, 0)
  return status == 0
}

/// Process start to first frame on a real terminal: the dashboard started in a tmux session
/// of 120×40 (a server already running), from the `tmux new-session` command to the moment the
/// dashboard's first frame was written to the terminal (it writes CLOCK_MONOTONIC to
/// SHINCHOKU_BENCH_FIRST_FRAME_FILE). This includes tmux starting the process, so it is an
/// upper bound. Nil without tmux.
func terminalFirstFrames(binary: String, folder: String, themes: String, runs: Int) -> [Double]? {
  let socket = "shinchoku-bench-\(getpid())"
  let tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
  guard runTool(tmux + ["new-session", "-d", "-s", "base", "-x", "120", "-y", "40"]) else {
    return nil
  }
  defer { runTool(tmux + ["kill-server"]) }
  var results: [Double] = []
  for run in 0..<runs {
    let file = NSTemporaryDirectory() + "shinchoku-bench-frame-\(getpid())-\(run)"
    unlink(file)
    let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    let command =
      "SHINCHOKU_BENCH_FIRST_FRAME_FILE=\(quoted(file)) exec \(quoted(binary)) --data \(quoted(folder)) --themes \(quoted(themes))"
    let start = now()
    guard
      runTool(tmux + ["new-session", "-d", "-s", "run\(run)", "-x", "120", "-y", "40", command])
    else { return nil }
    var frame: Double?
    while frame == nil, now() - start < 60 {
      if let text = try? String(contentsOfFile: file, encoding: .utf8), let ns = Int64(text) {
        frame = Double(ns) / 1e9
      } else {
        usleep(1000)
      }
    }
    runTool(tmux + ["kill-session", "-t", "run\(run)"])
    unlink(file)
    guard let frame else { return nil }
    results.append(frame - start)
  }
  return results
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func percentile99(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
}

func measure(size: Int?, options: Bench.Options, binary: String) -> SizeResult {
  let label = size.map { "\($0)" } ?? "seed"
  let folder = dataFolder(size: size, options: options)
  let large = (size ?? 0) >= 1_000_000
  // Every size starts with no events cache: the `dump` runs below read events.csv.
  try? FileManager.default.removeItem(atPath: options.cacheHome)

  // Load: reading and indexing the files (the AppState builds the calendar's index).
  var loads: [Double] = []
  var state: AppState?
  for _ in 0..<(large ? 1 : 3) {
    let start = now()
    let dataset: Dataset
    do {
      dataset = try DatasetLoader().load(directory: folder)
    } catch {
      fail(error.diagnostics.map(\.description).joined(separator: "\n"))
    }
    let loaded = AppState(
      dataset: dataset, language: .japanese, width: 120, height: 40,
      today: CivilDate(year: 2026, month: 11, day: 25)!)
    loads.append(now() - start)
    state = loaded
  }

  // First frame and peak RSS: `shinchoku dump` in a child, from process start to the frame
  // printed.
  var frames: [Double] = []
  var peak = 0
  let themes = options.checkout + "/Themes"
  for _ in 0..<(large ? 3 : 5) {
    let run = spawn(binary, ["dump", "--data", folder, "--themes", themes, "--size", "120x40"])
    frames.append(run.seconds)
    peak = max(peak, run.maxRSS)
  }

  let terminal = terminalFirstFrames(
    binary: binary, folder: folder, themes: themes, runs: large ? 3 : 5)
  // The dashboard in a pty: once with no events cache (it writes one), then with it.
  var coldCalendar: Double?
  if options.pty {
    try? FileManager.default.removeItem(atPath: options.cacheHome)
    coldCalendar =
      ptyRun(binary: binary, folder: folder, themes: themes, options: options, startOnly: true)?
      .completeCalendar
  }
  let pty =
    options.pty ? ptyRun(binary: binary, folder: folder, themes: themes, options: options) : nil
  let cachedLoad = cachedLoads(folder: folder, large: large, options: options)

  let appendReload = appendReloads(folder: folder, label: label, options: options)

  // Actions: reduce + render of the full frame.
  let theme = ThemeLoader(directory: themes).load("default").theme
  var base = state!
  var actions: [ActionResult] = []
  func time(
    _ name: String, setUp: (inout AppState) -> Void = { _ in },
    step: (inout AppState, Int) -> Void
  ) {
    var current = base
    setUp(&current)
    var samples: [Double] = []
    samples.reserveCapacity(options.repetitions)
    var sink = 0
    // As the dashboard renders: the panes that did not change are copied from the last frame.
    let memo = WidgetMemo()
    for index in 0..<options.repetitions {
      let start = now()
      step(&current, index)
      let frame = render(current, theme: theme, memo: memo)
      samples.append(now() - start)
      sink &+= frame.width
    }
    precondition(sink >= 0)
    actions.append(ActionResult(name: name, median: median(samples), p99: percentile99(samples)))
  }
  reduce(&base, .focus(.events))
  var searching = base
  reduce(&searching, .calendar(.beginSearch))
  let searchStart = now()
  reduce(&searching, .calendar(.inputCharacter("お")))
  let searchFrame = render(searching, theme: theme)
  let firstSearch = now() - searchStart
  precondition(searchFrame.width > 0)
  time("move a day") { state, index in
    reduce(&state, .move((index / 40) % 2 == 0 ? .right : .left))
  }
  time(
    "move a day, month's agenda",
    setUp: { state in
      while state.calendar.span != .month { reduce(&state, .calendar(.cycleSpan)) }
    },
    step: { state, index in
      reduce(&state, .move((index / 40) % 2 == 0 ? .right : .left))
    })
  time("move a month") { state, index in
    reduce(&state, .page((index / 12) % 2 == 0 ? .down : .up))
  }
  time(
    "move in the matrix", setUp: { reduce(&$0, .focus(.matrix)) },
    step: { state, index in reduce(&state, .move([.down, .right, .up, .left][index % 4])) })
  time("toggle a category") { state, index in
    reduce(&state, .calendar(.toggleCategory(number: 1 + (index / 2) % 3)))
  }
  let query = Array("おはなし")
  time(
    "type a search character", setUp: { reduce(&$0, .calendar(.beginSearch)) },
    step: { state, index in
      if index % query.count == 0 {
        // A new search: part of the first character's step.
        reduce(&state, .calendar(.inputCancel))
        reduce(&state, .calendar(.beginSearch))
      }
      reduce(&state, .calendar(.inputCharacter(query[index % query.count])))
    })
  time("switch snapshot") { state, index in
    reduce(&state, (index / 3) % 2 == 0 ? .nextSnapshot : .previousSnapshot)
  }
  time("resize") { state, index in
    reduce(
      &state, index % 2 == 0 ? .resize(width: 100, height: 30) : .resize(width: 120, height: 40))
  }
  return SizeResult(
    label: label, events: base.dataset.events.count, programmes: base.dataset.programmes.count,
    load: median(loads), firstFrame: median(frames),
    terminalFirstFrame: terminal.map(median), actions: actions, peakRSS: peak,
    firstSearch: firstSearch, pty: pty, appendReload: appendReload, cachedLoad: cachedLoad,
    coldCalendar: coldCalendar)
}

/// The load row again with the events cache (EventCache.swift) written by a first load: each
/// load a new loader, as a new process has it. Nil without events.csv.
func cachedLoads(folder: String, large: Bool, options: Bench.Options) -> Double? {
  guard FileManager.default.fileExists(atPath: folder + "/events.csv") else { return nil }
  let cache = EventCache(directory: options.cacheHome + "/in-process")
  func load() -> (AppState, EventsCSVRead?) {
    var loader = DatasetLoader()
    loader.eventCache = cache
    do {
      let dataset = try loader.load(directory: folder)
      let state = AppState(
        dataset: dataset, language: .japanese, width: 120, height: 40,
        today: CivilDate(year: 2026, month: 11, day: 25)!)
      return (state, loader.eventsCache.lastRead)
    } catch {
      fail(error.diagnostics.map(\.description).joined(separator: "\n"))
    }
  }
  cache.remove(for: folder + "/events.csv")
  _ = load()
  cache.waitForWrites()
  var loads: [Double] = []
  for _ in 0..<(large ? 3 : 5) {
    let start = now()
    let (state, read) = load()
    loads.append(now() - start)
    guard read == .cached else { fail("the load after the cache was written did not use it") }
    precondition(state.eventIndex.count == state.dataset.events.count)
  }
  return median(loads)
}

/// A reload after one row is appended to events.csv, as the dashboard does it: the loader
/// that read the data before loads it again (on the dashboard, on a thread of its own), then
/// `reduce` takes the new data (on the main thread; it builds the calendar's index). Median
/// of five appends, on a copy of the data folder; nil without events.csv.
func appendReloads(folder: String, label: String, options: Bench.Options) -> (
  total: Double, reduce: Double
)? {
  guard FileManager.default.fileExists(atPath: folder + "/events.csv") else { return nil }
  let copy = options.work + "/\(label)-append"
  try? FileManager.default.removeItem(atPath: copy)
  do {
    try FileManager.default.copyItem(atPath: folder, toPath: copy)
  } catch {
    fail("cannot copy \(folder) to \(copy): \(error)")
  }
  defer { try? FileManager.default.removeItem(atPath: copy) }
  // As the dashboard's: it writes the events cache after each reload (waited for between the
  // appends, not timed: it is done on a thread of its own).
  var loader = DatasetLoader()
  let cache = EventCache(directory: options.cacheHome + "/append")
  loader.eventCache = cache
  func load() -> Dataset {
    do {
      return try loader.load(directory: copy)
    } catch {
      fail(error.diagnostics.map(\.description).joined(separator: "\n"))
    }
  }
  var state = AppState(
    dataset: load(), language: .japanese, width: 120, height: 40,
    today: CivilDate(year: 2026, month: 11, day: 25)!)
  var totals: [Double] = []
  var reduces: [Double] = []
  for run in 0..<5 {
    cache.waitForWrites()
    guard let handle = FileHandle(forWritingAtPath: copy + "/events.csv") else {
      fail("cannot append to \(copy)/events.csv")
    }
    handle.seekToEndOfFile()
    handle.write(Data("bench-append-\(run),2012-08-01,10:00,追記した催し,中央公民館,,,,\n".utf8))
    try? handle.close()
    let start = now()
    let dataset = load()
    let loaded = now()
    reduce(&state, .dataReloaded(dataset))
    let end = now()
    guard case .appended = loader.eventsCache.lastRead else {
      fail("the reload after an append read the whole of events.csv")
    }
    precondition(state.eventIndex.count == dataset.events.count)
    totals.append(end - start)
    reduces.append(end - loaded)
  }
  return (median(totals), median(reduces))
}

func table(_ results: [SizeResult]) -> String {
  var lines: [String] = []
  var header =
    "| | " + results.map { "\($0.label) (\($0.events) events)" }.joined(separator: " | ") + " |"
  lines.append(header)
  header = "|---|" + results.map { _ in "---|" }.joined()
  lines.append(header)
  lines.append("| load | " + results.map { ms($0.load) }.joined(separator: " | ") + " |")
  lines.append(
    "| load from the events cache | "
      + results.map { $0.cachedLoad.map(ms) ?? "—" }.joined(separator: " | ") + " |")
  lines.append(
    "| first frame (process start) | " + results.map { ms($0.firstFrame) }.joined(separator: " | ")
      + " |")
  lines.append(
    "| first frame on a terminal (tmux 120×40, from launch) | "
      + results.map { $0.terminalFirstFrame.map(ms) ?? "no tmux" }.joined(separator: " | ")
      + " |")
  for (index, action) in (results.first?.actions ?? []).enumerated() {
    lines.append(
      "| \(action.name): median / p99 | "
        + results.map {
          String(
            format: "%.3f / %.3f ms", $0.actions[index].median * 1000, $0.actions[index].p99 * 1000)
        }
        .joined(separator: " | ") + " |")
  }
  lines.append(
    "| first search character after load (once) | "
      + results.map { ms($0.firstSearch) }.joined(separator: " | ") + " |")
  if results.contains(where: { $0.pty != nil }) {
    func row(_ name: String, _ value: (PtyResult) -> String?) {
      lines.append(
        "| \(name) | " + results.map { $0.pty.flatMap(value) ?? "—" }.joined(separator: " | ")
          + " |")
    }
    let format = { (value: Double?) in value.map { String(format: "%.1f ms", $0) } }
    row("pty: start to first screen, median / slowest of \(PtyResult.starts) starts") { result in
      format(result.firstScreen).map { $0 + " / " + (format(result.slowestFirstScreen) ?? "—") }
    }
    // Where the median start's time went: each phase's end, from the fork (the dashboard's own
    // clock).
    row("pty: its phases: main / parsed / themes / head / terminal / drawn") { result in
      guard let phases = result.json["phases_ms"] as? [String: Double] else { return nil }
      return ["main", "parsed", "themes", "head", "terminal", "drawn"].map {
        phases[$0].map { String(format: "%.1f", $0) } ?? "—"
      }.joined(separator: " / ") + " ms"
    }
    lines.append(
      "| pty: start to complete calendar, no cache / with the cache | "
        + results.map { result in
          guard let warm = result.pty?.completeCalendar else { return "—" }
          return (format(result.coldCalendar) ?? "—") + " / " + (format(warm) ?? "—")
        }.joined(separator: " | ") + " |")
    row("pty: the floor, a key echoed by `cat`: p50 / p99 / slowest") {
      $0.floor.map { String(format: "%.2f / %.2f / %.2f ms", $0.p50, $0.p99, $0.max) }
    }
    for name in PtyResult.actionNames {
      row("pty: \(name), key to last byte: p50 / p99, bytes") {
        $0.action(name).map { String(format: "%.1f / %.1f ms, %.0f B", $0.p50, $0.p99, $0.bytes) }
      }
      row("pty: \(name), of it inside the dashboard: p50 / p99 (state + render + draw)") {
        $0.inside(name).flatMap { inside in
          inside.steps.count == 3
            ? String(
              format: "%.2f / %.2f ms (%.2f + %.2f + %.2f)", inside.p50, inside.p99,
              inside.steps[0], inside.steps[1], inside.steps[2]) : nil
        }
      }
    }
  }
  if results.contains(where: { $0.appendReload != nil }) {
    lines.append(
      "| reload after a one-row append to events.csv (of it: reduce, the index) | "
        + results.map { result in
          result.appendReload.map { "\(ms($0.total)) (\(ms($0.reduce)))" } ?? "—"
        }.joined(separator: " | ") + " |")
  }
  lines.append(
    "| peak RSS (load + one frame) | " + results.map { mib($0.peakRSS) }.joined(separator: " | ")
      + " |")
  return lines.joined(separator: "\n")
}
