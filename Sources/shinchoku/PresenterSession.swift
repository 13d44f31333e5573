import Foundation
import JapaneseCalendar
import PresenterLink
import ShinchokuCore
import ShinchokuViewModel

/// The main loop's side of the link between a projector and its presenter views: it turns
/// what arrives into actions, and sends the projector's position after a change (or the
/// presenter view's commands), as line-delimited JSON. Nothing here waits.
final class PresenterSession {
  enum End {
    case projector(LinkServer)
    case presenter(LinkClient)
  }
  let end: End
  private let encoder = JSONEncoder()
  private let decoder = JSONDecoder()
  /// The projector: the position the presenter views were last sent.
  private var sentPosition: PresenterPosition?
  private var followers = 0
  /// The presenter view: the snapshot the projector last showed.
  private var projectorSnapshot: Int?
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant

  init(_ end: End) {
    self.end = end
    started = clock.now
  }

  /// The projector's end for the data in `dataDirectory`; nil (and why, for standard error)
  /// when presenter views cannot follow: the projector then presents alone.
  static func projector(dataDirectory: String) -> (PresenterSession?, LinkError?) {
    do throws(LinkError) {
      let path = try SocketFolder.socketPath(
        dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment)
      return (PresenterSession(.projector(try LinkServer(path: path))), nil)
    } catch {
      return (nil, error)
    }
  }

  /// The presenter view's end: it finds the projector of the same data folder when it comes.
  static func presenter(dataDirectory: String) throws(LinkError) -> PresenterSession {
    let path = try SocketFolder.socketPath(
      dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment)
    return PresenterSession(.presenter(LinkClient(path: path)))
  }

  private var seconds: Double {
    let elapsed = clock.now - started
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// The actions for what arrived since the last call.
  func poll() -> [Action] {
    var actions: [Action] = []
    switch end {
    case .projector(let server):
      let (lines, joined) = server.poll()
      // A newcomer is sent where the projector is.
      if joined > 0 { sentPosition = nil }
      for line in lines {
        if case .command(let command) = decode(line) {
          actions.append(.present(.remote(command)))
        }
      }
      if server.followerCount != followers || joined > 0 {
        followers = server.followerCount
        actions.append(.present(.linkChanged(.serving(followers: followers))))
      }
    case .presenter(let client):
      for event in client.poll(now: seconds) {
        switch event {
        case .connected: actions.append(.present(.linkChanged(.following)))
        case .disconnected: actions.append(.present(.linkChanged(.searching)))
        case .line(let line):
          if case .position(let position) = decode(line) {
            projectorSnapshot = position.snapshot
            actions.append(.present(.follow(position)))
          }
        }
      }
    }
    return actions
  }

  /// After the state changed: the projector sends its position when it moved; the presenter
  /// view asks for a snapshot chosen on it (`[` / `]`).
  func publish(_ state: AppState) {
    switch end {
    case .projector(let server):
      guard let position = PresenterPosition(state), position != sentPosition else { return }
      sentPosition = position
      if let line = encode(.position(position)) { server.broadcast(line) }
    case .presenter(let client):
      guard client.isConnected, let known = projectorSnapshot, state.snapshotIndex != known
      else { return }
      projectorSnapshot = state.snapshotIndex
      send(.snapshot(state.snapshotIndex))
    }
  }

  /// The presenter view asks the projector to move.
  func send(_ command: PresenterCommand) {
    guard case .presenter(let client) = end, let line = encode(.command(command)) else { return }
    client.send(line, now: seconds)
  }

  /// The projector removes its socket file.
  func close() {
    if case .projector(let server) = end { server.close() }
  }

  private func encode(_ message: PresenterMessage) -> String? {
    (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) }
  }

  private func decode(_ line: String) -> PresenterMessage? {
    try? decoder.decode(PresenterMessage.self, from: Data(line.utf8))
  }
}
