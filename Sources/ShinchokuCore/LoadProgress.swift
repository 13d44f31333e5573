import Foundation

/// How far the reading of events.csv has got, shared by the thread that reads it and the one
/// that shows it: bytes read of the file's size. The loader also leaves here the data set
/// without events.csv's events (`head`), ready before the events are, so that a dashboard can
/// show the matrix and the comments at once.
public final class LoadProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var read = 0
  private var total = 0
  private var started = false
  private var headDataset: Dataset?
  private var headIsSet = false
  /// The dashboard's: events.csv is not read before its first screen is out (`firstScreenShown`).
  public let waitsForFirstScreen: Bool
  private let shown = NSCondition()
  private var screenIsShown = false

  /// With `waitsForFirstScreen`, the loader reads events.csv only once `firstScreenShown` is
  /// called (or a second has passed): on two cores, its reading and hashing would otherwise
  /// take the time the first screen is drawn in.
  public init(waitsForFirstScreen: Bool = false) {
    self.waitsForFirstScreen = waitsForFirstScreen
  }

  /// The first screen is on the terminal: events.csv may be read now.
  public func firstScreenShown() {
    shown.withLock {
      screenIsShown = true
      shown.broadcast()
    }
  }

  func waitForFirstScreen() {
    guard waitsForFirstScreen else { return }
    let limit = Date(timeIntervalSinceNow: 1)
    shown.withLock {
      while !screenIsShown, shown.wait(until: limit) {}
    }
  }

  /// Bytes read and the file's size; nil until events.csv is opened (or when there is none).
  public var bytes: (read: Int, total: Int)? {
    lock.withLock { started ? (read, total) : nil }
  }

  /// The data set without events.csv's events, once the other files are read and checked;
  /// `headIsReady` turns true then (with nil when they have errors: wait for the whole load).
  public var head: Dataset? { lock.withLock { headDataset } }
  public var headIsReady: Bool { lock.withLock { headIsSet } }

  func begin(total: Int) {
    lock.withLock {
      started = true
      self.total = total
      read = 0
    }
  }

  func advance(to bytesRead: Int) {
    lock.withLock { read = max(read, min(bytesRead, total)) }
  }

  func publishHead(_ dataset: Dataset?) {
    lock.withLock {
      headDataset = dataset
      headIsSet = true
    }
  }
}

extension DatasetReader {
  /// The data set read so far (without events.csv, whose reader runs apart), checked with a
  /// sink of its own so that the cross-checks' findings are not reported twice; nil when
  /// anything read so far has errors.
  func head(directory: String) -> Dataset? {
    guard !sink.hasErrors else { return nil }
    var copy = self
    copy.sink = DiagnosticSink(visitLimit: sink.visitLimit)
    copy.sink.append(sink.items)
    return copy.dataset(directory: directory)
  }
}
