import Foundation
import ShinchokuCore

#if canImport(Glibc)
  import Glibc
#endif

/// A bar on stderr while events.csv is read, for a command run on a terminal: shown after a
/// fifth of a second (small data sets print nothing), never when stderr is not a terminal, and
/// erased when the load is done.
enum StderrProgress {
  static func whileLoading<T, E: Error>(
    _ work: (LoadProgress?) throws(E) -> T
  ) throws(E) -> T {
    guard isatty(STDERR_FILENO) == 1 else { return try work(nil) }
    let progress = LoadProgress()
    let done = DoneFlag()
    let thread = Thread {
      var shown = false
      var waited = 0
      while !done.isSet {
        usleep(50_000)
        waited += 50
        guard waited >= 200, !done.isSet, let (read, total) = progress.bytes, total > 0 else {
          continue
        }
        write(line(read: read, total: total))
        shown = true
      }
      if shown { write("\r\u{1B}[K") }
      done.finish()
    }
    thread.start()
    defer { done.set() }
    return try work(progress)
  }

  /// "events.csv  45% [█████░░░░░░] 50/110 MB", over the previous one.
  static func line(read: Int, total: Int) -> String {
    let fraction = min(1, Double(read) / Double(total))
    let width = 30
    let filled = Int(Double(width) * fraction)
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let percent = Int(fraction * 100)
    let megabytes = { (bytes: Int) in String(format: "%.0f", Double(bytes) / 1_000_000) }
    return "\r\u{1B}[Kevents.csv \(percent)% [\(bar)] \(megabytes(read))/\(megabytes(total)) MB"
  }

  private static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// Set when the load is done; `set` waits until the bar is erased.
private final class DoneFlag: @unchecked Sendable {
  private let condition = NSCondition()
  private var flag = false
  private var erased = false

  var isSet: Bool { condition.withLock { flag } }

  func set() {
    condition.withLock {
      flag = true
      while !erased { condition.wait() }
    }
  }

  func finish() {
    condition.withLock {
      erased = true
      condition.broadcast()
    }
  }
}
