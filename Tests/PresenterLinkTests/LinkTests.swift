import Foundation
import Testing

@testable import PresenterLink

/// A private socket folder (0700) for one test, removed after.
private final class Folder {
  let path: String
  init() throws {
    path = NSTemporaryDirectory() + "shinchoku-link-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
  }
  deinit { try? FileManager.default.removeItem(atPath: path) }
  var socket: String { path + "/p.sock" }
}

private let clock = ContinuousClock()
private let start = clock.now
private func seconds() -> Double {
  let elapsed = clock.now - start
  return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Polls both ends until `condition` holds (5 s at most); the lines the client got.
private func pump(
  _ server: LinkServer?, _ client: LinkClient, until condition: ([LinkClient.Event]) -> Bool
) -> [LinkClient.Event] {
  var events: [LinkClient.Event] = []
  let deadline = clock.now + .seconds(5)
  while clock.now < deadline {
    _ = server?.poll()
    events += client.poll(now: seconds())
    if condition(events) { return events }
    usleep(5000)
  }
  return events
}

@Suite struct LinkTests {
  @Test func aFollowerGetsTheProjectorsLinesAndSendsItsOwn() throws {
    let folder = try Folder()
    let server = try LinkServer(path: folder.socket)
    let client = LinkClient(path: folder.socket)
    var events = pump(server, client) { $0.contains(.connected) }
    #expect(events == [.connected])
    _ = server.poll()
    #expect(server.followerCount == 1)
    server.broadcast("{\"slide\":3}")
    events = pump(server, client) { !$0.isEmpty }
    #expect(events == [.line("{\"slide\":3}")])
    #expect(client.send("next", now: seconds()))
    var received: [String] = []
    let deadline = clock.now + .seconds(5)
    while received.isEmpty, clock.now < deadline {
      received += server.poll().lines
      usleep(5000)
    }
    #expect(received == ["next"])
  }

  @Test func severalFollowersAllGetEveryLine() throws {
    let folder = try Folder()
    let server = try LinkServer(path: folder.socket)
    let clients = (0..<3).map { _ in LinkClient(path: folder.socket) }
    for client in clients { _ = pump(server, client) { $0.contains(.connected) } }
    _ = server.poll()
    #expect(server.followerCount == 3)
    server.broadcast("one")
    server.broadcast("two")
    for client in clients {
      let events = pump(server, client) { $0.count >= 2 }
      #expect(events == [.line("one"), .line("two")])
    }
  }

  @Test func aStaleSocketIsReplacedAndALiveOneIsNot() throws {
    let folder = try Folder()
    // A socket file nobody listens on: what a projector killed with SIGKILL leaves.
    let fd = streamSocket()
    #expect(withAddress(folder.socket) { bind(fd, $0, $1) } == 0)
    close(fd)
    #expect(FileManager.default.fileExists(atPath: folder.socket))
    let server = try LinkServer(path: folder.socket)
    let client = LinkClient(path: folder.socket)
    #expect(pump(server, client) { $0.contains(.connected) } == [.connected])
    _ = server.poll()
    // A second projector on the same data is refused; the first keeps its socket.
    #expect(throws: LinkError.self) { try LinkServer(path: folder.socket) }
    server.broadcast("still here")
    #expect(pump(server, client) { !$0.isEmpty } == [.line("still here")])
    // Closing removes the file; a file that is not a socket is never removed.
    server.close()
    #expect(!FileManager.default.fileExists(atPath: folder.socket))
    _ = FileManager.default.createFile(atPath: folder.socket, contents: Data("keep".utf8))
    #expect(throws: LinkError.self) { try LinkServer(path: folder.socket) }
    #expect(FileManager.default.contents(atPath: folder.socket) == Data("keep".utf8))
  }

  @Test func twoDataFoldersDoNotCross() throws {
    let runtime = try Folder()
    let environment = ["XDG_RUNTIME_DIR": runtime.path]
    let dataA = try Folder()
    let dataB = try Folder()
    let pathA = try SocketFolder.socketPath(dataDirectory: dataA.path, environment: environment)
    let pathB = try SocketFolder.socketPath(dataDirectory: dataB.path, environment: environment)
    #expect(pathA != pathB)
    #expect(pathA.hasPrefix(runtime.path + "/shinchoku-"))
    // The same folder by another spelling (a trailing slash, a symbolic link) is the same deck.
    let link = runtime.path + "/link-to-a"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: dataA.path)
    #expect(try SocketFolder.socketPath(dataDirectory: link, environment: environment) == pathA)
    #expect(
      try SocketFolder.socketPath(dataDirectory: dataA.path + "/", environment: environment)
        == pathA)
    let serverA = try LinkServer(path: pathA)
    let serverB = try LinkServer(path: pathB)
    let clientA = LinkClient(path: pathA)
    let clientB = LinkClient(path: pathB)
    _ = pump(serverA, clientA) { $0.contains(.connected) }
    _ = pump(serverB, clientB) { $0.contains(.connected) }
    _ = (serverA.poll(), serverB.poll())
    serverA.broadcast("deck A")
    serverB.broadcast("deck B")
    #expect(pump(serverA, clientA) { !$0.isEmpty } == [.line("deck A")])
    #expect(pump(serverB, clientB) { !$0.isEmpty } == [.line("deck B")])
  }

  @Test func theSocketFolderMustBeTheUsersAndClosed() throws {
    let open = try Folder()
    chmod(open.path, 0o755)
    #expect(throws: LinkError.self) { try SocketFolder.check(open.path) }
    do {
      try SocketFolder.check(open.path)
    } catch {
      #expect(error.english.contains("chmod 700"), "\(error)")
      #expect(error.japanese.contains("chmod 700"), "\(error)")
    }
    let closed = try Folder()
    try SocketFolder.check(closed.path)
    let link = closed.path + "/link"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: closed.path)
    #expect(throws: LinkError.self) { try SocketFolder.check(link) }
    // Without XDG_RUNTIME_DIR, a folder of the user's under the temporary folder, made 0700.
    let base = try Folder()
    let made = try SocketFolder.folder(environment: ["SHINCHOKU_SOCKET_TMPDIR": base.path])
    #expect(made == base.path + "/shinchoku-\(getuid())")
    var info = stat()
    #expect(lstat(made, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o700)
  }

  @Test func theFollowerSaysWhenTheProjectorGoesAndReconnects() throws {
    let folder = try Folder()
    let client = LinkClient(path: folder.socket)
    // No projector yet: nothing, and no waiting.
    let before = clock.now
    #expect(client.poll(now: seconds()).isEmpty)
    #expect(clock.now - before < .seconds(1))
    var server: LinkServer? = try LinkServer(path: folder.socket)
    #expect(pump(server, client) { $0.contains(.connected) } == [.connected])
    server?.close()
    server = nil
    #expect(pump(nil, client) { $0.contains(.disconnected) } == [.disconnected])
    #expect(!client.isConnected)
    server = try LinkServer(path: folder.socket)
    #expect(pump(server, client) { $0.contains(.connected) } == [.connected])
  }

  /// A presenter view stopped with SIGSTOP reads nothing: the projector's sends never wait
  /// for it, it is dropped once too much waits, and a live follower keeps getting every line.
  @Test func aStoppedFollowerDoesNotDelayTheProjector() throws {
    let folder = try Folder()
    let server = try LinkServer(path: folder.socket)
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = [
      "python3", "-c",
      "import socket,sys,time\ns=socket.socket(socket.AF_UNIX)\ns.connect(sys.argv[1])\n"
        + "print('up',flush=True)\ntime.sleep(60)",
      folder.socket,
    ]
    let output = Pipe()
    python.standardOutput = output
    try python.run()
    defer {
      kill(python.processIdentifier, SIGKILL)
      python.waitUntilExit()
    }
    #expect(output.fileHandleForReading.availableData.starts(with: Data("up".utf8)))
    kill(python.processIdentifier, SIGSTOP)
    let live = LinkClient(path: folder.socket)
    _ = pump(server, live) { $0.contains(.connected) }
    _ = server.poll()
    #expect(server.followerCount == 2)
    let line = String(repeating: "x", count: 1000)
    var slowest = Duration.zero
    var received = 0
    for _ in 0..<2000 {
      let began = clock.now
      server.broadcast(line)
      _ = server.poll()
      slowest = max(slowest, clock.now - began)
      received += live.poll(now: seconds()).filter { $0 == .line(line) }.count
    }
    received += pump(server, live) { _ in received >= 2000 }.filter { $0 == .line(line) }.count
    print("slowest broadcast with a stopped follower: \(slowest)")
    #expect(server.followerCount == 1, "the stopped follower is dropped")
    #expect(received == 2000, "the live follower got every line")
    // Generous: a blocked write would hang for ever, not take a second.
    #expect(slowest < .seconds(1))
  }

  @Test func theHashIsStableAcrossRuns() {
    // FNV-1a 64 of "a" (a published test vector): the same in every run and build.
    #expect(SocketFolder.hash("a") == "af63dc4c8601ec8c")
  }
}
