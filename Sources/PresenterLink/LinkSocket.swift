#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// One connected stream socket, non-blocking both ways: lines in (split at `\n`), lines out
/// (what the peer has not taken yet waits in `pending`, up to a limit).
final class LineConnection {
  let fd: Int32
  private var input: [UInt8] = []
  private(set) var pending: [UInt8] = []
  /// The most that may wait for a slow peer before it is dropped.
  static let pendingLimit = 64 * 1024
  /// A line longer than this is not a message of ours: the peer is dropped.
  static let lineLimit = 64 * 1024

  init(fd: Int32) { self.fd = fd }

  deinit { close(fd) }

  /// Reads what has arrived; the complete lines, and false when the peer is gone (or sent
  /// something no message is).
  func receive() -> (lines: [String], open: Bool) {
    var lines: [String] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        input += buffer[0..<count]
        while let newline = input.firstIndex(of: UInt8(ascii: "\n")) {
          lines.append(String(decoding: input[..<newline], as: UTF8.self))
          input.removeSubrange(...newline)
        }
        if input.count > Self.lineLimit { return (lines, false) }
        continue
      }
      if count == 0 { return (lines, false) }
      if errno == EINTR { continue }
      return (lines, errno == EAGAIN || errno == EWOULDBLOCK)
    }
  }

  /// Queues `line` and writes what the peer takes now, never waiting. False when the peer is
  /// gone, or has let more than `pendingLimit` bytes wait (stopped, or too slow).
  func send(_ line: String) -> Bool {
    pending += Array(line.utf8) + [UInt8(ascii: "\n")]
    return flush()
  }

  /// Writes what waits, as much as the peer takes now.
  func flush() -> Bool {
    while !pending.isEmpty {
      let count = pending.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
      }
      if count > 0 {
        pending.removeFirst(count)
        continue
      }
      if count < 0, errno == EINTR { continue }
      if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { break }
      return false
    }
    return pending.count <= Self.pendingLimit
  }

  /// The user id of the process at the other end (SO_PEERCRED).
  var peerUID: uid_t? {
    var credentials = PeerCredentials()
    var length = socklen_t(MemoryLayout<PeerCredentials>.size)
    guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
      length == MemoryLayout<PeerCredentials>.size
    else { return nil }
    return credentials.uid
  }
}

/// Linux's `struct ucred` (hidden from Swift behind _GNU_SOURCE): what SO_PEERCRED fills in.
struct PeerCredentials {
  var pid: pid_t = 0
  var uid: uid_t = 0
  var gid: gid_t = 0
}

/// `sockaddr_un` for `path` (which fits: `SocketFolder` checks the length).
func withAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
  var address = sockaddr_un()
  address.sun_family = sa_family_t(AF_UNIX)
  let bytes = Array(path.utf8)
  withUnsafeMutableBytes(of: &address.sun_path) { raw in
    for (index, byte) in bytes.prefix(raw.count - 1).enumerated() { raw[index] = byte }
  }
  return withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
    }
  }
}

/// A new non-blocking stream socket; -1 when none can be made.
func streamSocket() -> Int32 {
  socket(
    AF_UNIX,
    Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
}

/// Connects to the socket at `path` at once (a Unix socket connects or refuses without
/// waiting); the connection, or the errno of the failure.
func connectNow(_ path: String) -> Result<LineConnection, LinkError> {
  let fd = streamSocket()
  guard fd >= 0 else {
    return .failure(.system("cannot make a socket for", ja: "ソケットを作れません:", path))
  }
  let rc = withAddress(path) { connect(fd, $0, $1) }
  guard rc == 0 || errno == EINPROGRESS else {
    let error = LinkError.system("cannot connect to", ja: "接続できません:", path)
    let number = errno
    close(fd)
    errno = number
    return .failure(error)
  }
  return .success(LineConnection(fd: fd))
}

/// The projector's end: listens on the socket, takes presenter views of the same user, sends
/// them lines without ever waiting for one, and reads their lines.
public final class LinkServer {
  public let path: String
  private let fd: Int32
  private var followers: [LineConnection] = []
  /// The socket file this server made (device and inode): removed on close only if it is
  /// still this one.
  private let identity: (dev_t, ino_t)

  /// Listens at `path`. A socket file left by a run that crashed (connecting is refused) is
  /// replaced; a socket another projector answers on is an error, and so is a file there
  /// that is not a socket.
  public init(path: String) throws(LinkError) {
    self.path = path
    var info = stat()
    if lstat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFSOCK else {
        throw LinkError(
          "\(path) is in the way and is not a socket; remove it",
          ja: "\(path) がソケットではありません。削除してください")
      }
      switch connectNow(path) {
      case .success:
        throw LinkError(
          "another projector already presents this data (\(path))",
          ja: "このデータはすでに別の投影画面が発表中です（\(path)）")
      case .failure:
        // Refused: nobody listens. The file is a leftover; replace it.
        guard errno == ECONNREFUSED || errno == ENOENT else {
          throw LinkError.system("cannot check the socket", ja: "ソケットを確かめられません", path)
        }
        unlink(path)
      }
    }
    let fd = streamSocket()
    guard fd >= 0 else {
      throw LinkError.system("cannot make a socket for", ja: "ソケットを作れません:", path)
    }
    // Only the user may connect: the folder is 0700, and the socket itself 0600 from the
    // start (the umask applies to bind).
    let mask = umask(0o177)
    let bound = withAddress(path) { bind(fd, $0, $1) }
    umask(mask)
    guard bound == 0, listen(fd, 16) == 0 else {
      let error = LinkError.system("cannot listen on", ja: "待ち受けできません:", path)
      Glibc.close(fd)
      throw error
    }
    lstat(path, &info)
    self.fd = fd
    identity = (info.st_dev, info.st_ino)
  }

  deinit { close() }

  /// How many presenter views are attached.
  public var followerCount: Int { followers.count }

  /// Takes the presenter views that arrived (refusing other users' by SO_PEERCRED), reads
  /// what the attached ones sent, writes what waits for them, and drops those that left or
  /// fell too far behind. Never waits. `joined` counts the new ones (to send them the position).
  public func poll() -> (lines: [String], joined: Int) {
    var joined = 0
    while true {
      let client = accept(fd, nil, nil)
      guard client >= 0 else {
        if errno == EINTR { continue }
        break
      }
      _ = fcntl(client, F_SETFL, fcntl(client, F_GETFL) | O_NONBLOCK)
      _ = fcntl(client, F_SETFD, FD_CLOEXEC)
      let connection = LineConnection(fd: client)
      guard connection.peerUID == getuid() else { continue }
      followers.append(connection)
      joined += 1
    }
    var lines: [String] = []
    followers = followers.filter { follower in
      let (received, open) = follower.receive()
      lines += received
      return open && follower.flush()
    }
    return (lines, joined)
  }

  /// Sends `line` to every presenter view, without waiting: one whose socket is full is
  /// given what fits, and dropped once too much waits for it.
  public func broadcast(_ line: String) {
    followers = followers.filter { $0.send(line) }
  }

  private var isClosed = false

  /// Stops listening, drops the presenter views, and removes the socket file (if it is still
  /// the one this server made).
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    followers = []
    var info = stat()
    if lstat(path, &info) == 0, info.st_dev == identity.0, info.st_ino == identity.1 {
      unlink(path)
    }
    Glibc.close(fd)
  }

  /// The listening descriptor, for a caller's poll(2).
  public var descriptor: Int32 { fd }
}

/// A presenter view's end: connects to the projector's socket, and when it is not there (or
/// goes), tries again with a growing pause (0.25 s up to 2 s). Never waits.
public final class LinkClient {
  public let path: String
  private var connection: LineConnection?
  private var nextAttempt: Double = 0
  private var pause: Double = 0
  static let firstPause = 0.25
  static let longestPause = 2.0

  public init(path: String) { self.path = path }

  public var isConnected: Bool { connection != nil }

  /// What happened since the last poll: the lines the projector sent, and whether the link
  /// came up or went down.
  public enum Event: Equatable, Sendable {
    case connected, disconnected
    case line(String)
  }

  /// Reads what came, or tries to connect when it is time. `now` is a monotonic time in
  /// seconds.
  public func poll(now: Double) -> [Event] {
    guard let connection else {
      guard now >= nextAttempt else { return [] }
      if case .success(let made) = connectNow(path), made.peerUID == getuid() {
        self.connection = made
        pause = 0
        return [.connected] + poll(now: now)
      }
      pause = pause == 0 ? Self.firstPause : min(Self.longestPause, pause * 2)
      nextAttempt = now + pause
      return []
    }
    let (lines, open) = connection.receive()
    var events = lines.map(Event.line)
    if !open || !connection.flush() {
      drop(now: now)
      events.append(.disconnected)
    }
    return events
  }

  /// Sends `line` to the projector, without waiting; false when the link is down.
  @discardableResult
  public func send(_ line: String, now: Double) -> Bool {
    guard let connection else { return false }
    if connection.send(line) { return true }
    drop(now: now)
    return false
  }

  private func drop(now: Double) {
    connection = nil
    pause = Self.firstPause
    nextAttempt = now + pause
  }
}
