import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel

/// The dashboard's first load, on a thread of its own: the matrix and the comments are shown
/// as soon as the files other than events.csv are read (`LoadProgress.head`); events.csv's
/// events, and the calendar's index over them, follow (`poll`).
final class FirstLoad: @unchecked Sendable {
  typealias Loaded = (dataset: Dataset, index: EventIndex, opening: CalendarState)
  /// events.csv is read once the first screen is out (`firstScreenShown`).
  let progress = LoadProgress(waitsForFirstScreen: true)
  private let job: BackgroundJob<Result<Loaded, DataLoadError>?>
  private var lastShown = -1
  private var lastShownAt = ContinuousClock.now - .seconds(1)

  init(loader: DatasetLoader, directory: String, plan: String?, today: CivilDate) {
    let progress = progress
    job = BackgroundJob(nil) { outcome in
      outcome = Result { () throws(DataLoadError) -> Loaded in
        let dataset = try loader.load(directory: directory, plan: plan, progress: progress)
        return (
          dataset, EventIndex(events: dataset.events),
          CalendarState(dataset: dataset, today: today)
        )
      }
    }
  }

  /// Waits for what the first screen needs: the data without events.csv's events (with the
  /// load still going on: `pending` is this), or the whole data when that comes first or the
  /// rest has errors.
  func firstScreen() throws(DataLoadError) -> (dataset: Dataset, pending: FirstLoad?) {
    while true {
      if let outcome = job.finished ?? nil { return (try outcome.get().dataset, nil) }
      if progress.headIsReady, let head = progress.head { return (head, self) }
      usleep(500)
    }
  }

  /// The first screen is on the terminal: events.csv is read now.
  func firstScreenShown() { progress.firstScreenShown() }

  /// For shinchoku-bench: when the whole data set was in (CLOCK_MONOTONIC, ns), written to
  /// SHINCHOKU_BENCH_EVENTS_FILE.
  static func announceEventsIn() { writeBenchTime(to: "SHINCHOKU_BENCH_EVENTS_FILE") }

  /// The size of events.csv (0 until it is opened).
  var totalBytes: Int { progress.bytes?.total ?? 0 }

  enum Poll {
    case running([Action])
    case finished(Action)
    case failed(DataLoadError)
  }

  /// The progress to show (a new percent, at most ten times a second: each is a frame drawn
  /// on a core the load could use), or the loaded data.
  func poll() -> Poll {
    if let outcome = job.finished ?? nil {
      switch outcome {
      case .success(let loaded):
        Self.announceEventsIn()
        return .finished(
          .eventsLoading(.loaded(loaded.dataset, loaded.index, opening: loaded.opening)))
      case .failure(let error): return .failed(error)
      }
    }
    guard let (read, total) = progress.bytes else { return .running([]) }
    let percent = total > 0 ? read * 100 / total : 0
    let now = ContinuousClock.now
    guard percent != lastShown, now - lastShownAt >= .milliseconds(100) else {
      return .running([])
    }
    lastShown = percent
    lastShownAt = now
    return .running([.eventsLoading(.progress(bytesRead: read, totalBytes: total))])
  }
}

/// For shinchoku-bench: the start's phases, each with CLOCK_MONOTONIC (ns) when it ended,
/// appended to the file SHINCHOKU_BENCH_PHASES_FILE names (nothing when it is not set).
func benchPhase(_ name: StaticString) {
  guard let path = benchPhasesPath else { return }
  let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
  guard fd >= 0 else { return }
  writeLine("\(name) \(monotonicNanoseconds())", to: fd)
  close(fd)
}

private let benchPhasesPath = getenv("SHINCHOKU_BENCH_PHASES_FILE").map { String(cString: $0) }

/// For shinchoku-bench: writes CLOCK_MONOTONIC (ns) to the file the environment variable names,
/// when it is set.
func writeBenchTime(to variable: String) {
  guard let path = ProcessInfo.processInfo.environment[variable] else { return }
  try? Data("\(monotonicNanoseconds())".utf8).write(
    to: URL(fileURLWithPath: path), options: .atomic)
}

/// Appends a line to an open file, in one write.
private func writeLine(_ text: String, to fd: Int32) {
  let line = text + "\n"
  _ = line.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
}

/// CLOCK_MONOTONIC in nanoseconds.
func monotonicNanoseconds() -> Int64 {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}

/// For shinchoku-bench's pty mode: where each key's time went inside the dashboard. With
/// SHINCHOKU_BENCH_KEYS_FILE set, one line per turn of the loop that handled keys is
/// appended to that file once its frame is drawn: when the key was read, when the state was
/// changed, when the frame was rendered, when it was drawn (CLOCK_MONOTONIC, ns). Unset, it
/// does nothing.
struct KeyTimes {
  private let file: Int32?
  private var read: Int64 = 0
  private var reduced: Int64 = 0
  private var rendered: Int64 = 0

  init() {
    file = getenv("SHINCHOKU_BENCH_KEYS_FILE").flatMap { path in
      let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
      return fd >= 0 ? fd : nil
    }
  }

  mutating func keyRead() { if file != nil { read = monotonicNanoseconds() } }
  mutating func stateChanged() { if file != nil { reduced = monotonicNanoseconds() } }
  mutating func frameRendered() { if file != nil { rendered = monotonicNanoseconds() } }

  func frameDrawn() {
    guard let file else { return }
    writeLine("\(read) \(reduced) \(rendered) \(monotonicNanoseconds())", to: file)
  }
}
