import Foundation

/// A failure of the tmux harness, with what the screen showed when it gave up.
struct TmuxError: Error, CustomStringConvertible {
  let description: String
}

/// A tmux server of its own (private socket, no config file) running one command in a detached
/// session of a fixed size, for end-to-end tests that type keys and read the screen back.
///
/// Each session is independent, so tests can run in parallel. The pane stays after the command
/// exits (`remain-on-exit on`), so the exit status and final screen can be read; the server is
/// killed in `deinit`.
///
/// The command runs as the child of a small `sh` (the pane's process) that records its exit status
/// in a file and lingers 0.3 s. Measured with tmux 3.3a, under parallel load:
/// - output written in the first milliseconds of the pane was sometimes lost: the launcher waits
///   0.1 s before starting the command.
/// - `#{pane_dead_status}` / `#{pane_dead_signal}` are sometimes never filled in when the command
///   exits quickly, and the last output of a command that exits at once can be lost: hence the
///   status file (`waitForExit`) and the short linger.
/// - `#{cursor_flag}` reads 0 for every dead pane; check the cursor while the pane is alive, or
///   look at the bytes the program wrote (`recordOutput` / `loggedOutput`).
/// - Mouse events cannot be produced by `send-keys -M` outside a binding; `sendBytes` writes
///   xterm mouse reports (`ESC [ M b x y`) straight into the pane instead.
final class TmuxSession: Sendable {
  /// The tmux executable, or nil when tmux is not installed.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/tmux"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()

  static var isAvailable: Bool { executable != nil }

  let socketName: String
  /// The pane everything targets.
  let target: String
  let width: Int
  let height: Int
  private let logPath: String
  private let statusPath: String
  /// `XDG_CACHE_HOME` for the command unless `environment` gives one: a folder of this
  /// session's own, so that no test writes the events cache into the real ~/.cache, nor starts
  /// from one an earlier run or another test left.
  let cacheHome: String

  /// Starts a server and runs `command` (argv, executed directly, no shell interpretation) in a
  /// `width`×`height` session.
  ///
  /// - Parameters:
  ///   - environment: variables set for the command (`env NAME=value`).
  ///   - unsetEnvironment: variables removed for the command (`env -u NAME`).
  ///   - terminal: the TERM inside the pane (and tmux's `default-terminal`).
  ///   - allowCoreDumps: false runs the command with `ulimit -c 0`, so crash and SIGQUIT tests
  ///     leave no core files.
  ///   - recordOutput: record every byte the command writes from its start (`loggedOutput`).
  init(
    command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:],
    unsetEnvironment: [String] = [], terminal: String = "tmux-256color",
    workingDirectory: String? = nil, allowCoreDumps: Bool = false, recordOutput: Bool = false
  ) throws {
    guard Self.isAvailable else { throw TmuxError(description: "tmux is not installed") }
    let unique = "\(getpid())-\(UUID().uuidString.prefix(8))"
    socketName = "shinchoku-test-\(unique)"
    target = "main"
    self.width = width
    self.height = height
    logPath = NSTemporaryDirectory() + "tmux-pane-\(unique).log"
    statusPath = NSTemporaryDirectory() + "tmux-pane-\(unique).status"
    cacheHome = NSTemporaryDirectory() + "tmux-pane-\(unique).cache"

    var env = ["TERM": terminal, "XDG_CACHE_HOME": cacheHome]
    env.merge(environment) { _, new in new }
    var argv = ["env"]
    for name in unsetEnvironment { argv += ["-u", name] }
    argv += env.keys.sorted().map { "\($0)=\(env[$0]!)" }
    argv += command
    let limit = allowCoreDumps ? "" : "ulimit -c 0; "
    // The traps keep the shell alive through Ctrl-C and Ctrl-\ typed into the pane (they reach
    // the whole foreground group); a program gets default dispositions for caught signals on
    // exec. SIGHUP is not trapped, so `kill()` (the pty hanging up) ends shell and program. The first sleep lets tmux finish
    // setting the pane up: output written in the first milliseconds was sometimes lost.
    let script =
      limit + "trap : INT QUIT; sleep 0.1; \"$@\"; echo $? > '\(statusPath)'; sleep 0.3"
    let launcher = ["sh", "-c", script, "sh"] + argv

    var args = [
      "set", "-g", "remain-on-exit", "on", ";",
      "set", "-g", "default-terminal", terminal, ";",
      "set", "-g", "history-limit", "10000", ";",
      "set", "-g", "escape-time", "0", ";",
      "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
    ]
    if let workingDirectory { args += ["-c", workingDirectory] }
    args += ["--"] + launcher
    if recordOutput {
      // In the same command list as new-session: attached before tmux reads any output.
      args += [";", "pipe-pane", "-t", target, "-o", "cat >> '\(logPath)'"]
    }
    try run(args)
  }

  deinit { kill() }

  // MARK: - Running tmux

  /// Runs one tmux command line against this server and returns its standard output.
  @discardableResult
  func run(_ args: [String]) throws -> String {
    let executable = Self.executable ?? "/usr/bin/tmux"
    let result = try spawnAndWait(executable, ["tmux", "-L", socketName, "-f", "/dev/null"] + args)
    guard result.status == 0 else {
      throw TmuxError(
        description:
          "tmux \(args.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
    }
    return result.stdout
  }

  // MARK: - Input

  /// Sends tmux key names: "Up", "Tab", "BTab", "Escape", "F5", "C-c", "Enter", "q", …
  func sendKeys(_ keys: String...) throws {
    try run(["send-keys", "-t", target] + keys)
  }

  /// Sends `text` literally (`send-keys -l`), e.g. Japanese as typed through an input method.
  func sendText(_ text: String) throws {
    try run(["send-keys", "-t", target, "-l", "--", text])
  }

  /// Writes raw bytes into the pane as if the terminal sent them (`send-keys -H`).
  func sendBytes(_ bytes: [UInt8]) throws {
    try run(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
  }

  /// An xterm (X10 encoding, mode 1000) mouse report: button 0 left, 1 middle, 2 right,
  /// 3 release, 64 wheel up, 65 wheel down; zero-based x and y (below 223).
  static func mouseReport(button: Int, x: Int, y: Int) -> [UInt8] {
    [0x1B, UInt8(ascii: "["), UInt8(ascii: "M"), UInt8(32 + button), UInt8(33 + x), UInt8(33 + y)]
  }

  /// The pid of the command (the child of the pane's launcher shell).
  func commandPID() throws -> String {
    let shell = try display("#{pane_pid}")
    let path = "/proc/\(shell)/task/\(shell)/children"
    var children = ""
    for _ in 0..<100 {
      children = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        .trimmingCharacters(in: .whitespacesAndNewlines)
      if !children.isEmpty { break }
      Thread.sleep(forTimeInterval: 0.02)
    }
    guard let pid = children.split(separator: " ").first else {
      throw TmuxError(description: "the command is not running (launcher pid \(shell))")
    }
    return String(pid)
  }

  /// Sends SIGxxx (`"TERM"`, `"INT"`, …) to the command.
  func signal(_ sig: String) throws {
    let pid = try commandPID()
    let result = try spawnAndWait("/bin/kill", ["kill", "-s", sig, pid])
    guard result.status == 0 else {
      throw TmuxError(description: "kill -s \(sig) \(pid) failed: \(result.stderr)")
    }
  }

  // MARK: - Output

  /// The visible screen, one string per row (`capture-pane -p`); a wide glyph appears once.
  func capture() throws -> [String] {
    lines(try run(["capture-pane", "-p", "-t", target]))
  }

  /// The screen with colours and attributes as escape sequences (`capture-pane -p -e`).
  func captureWithEscapes() throws -> [String] {
    lines(try run(["capture-pane", "-p", "-e", "-t", target]))
  }

  /// The whole history plus the screen (`capture-pane -p -S -`), for output that scrolled away.
  func captureHistory() throws -> [String] {
    lines(try run(["capture-pane", "-p", "-S", "-", "-t", target]))
  }

  private func lines(_ text: String) -> [String] {
    var rows = text.components(separatedBy: "\n")
    if rows.last == "" { rows.removeLast() }
    return rows
  }

  /// A tmux format evaluated for the pane: `#{alternate_on}`, `#{cursor_flag}`, `#{pane_dead}`,
  /// `#{pane_dead_status}`, `#{pane_dead_signal}`, `#{pane_pid}`, `#{cursor_x}`, …
  func display(_ format: String) throws -> String {
    try run(["display", "-p", "-t", target, format]).trimmingCharacters(in: .newlines)
  }

  /// Resizes the window (and so the pane); the program gets SIGWINCH.
  func resize(width: Int, height: Int) throws {
    try run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
  }

  /// Starts recording every byte the program writes (`pipe-pane`); read with `loggedOutput`.
  func startLogging() throws {
    try run(["pipe-pane", "-t", target, "-o", "cat >> '\(logPath)'"])
  }

  /// The bytes recorded since the start (or `startLogging`). The recording reaches the file
  /// through a `cat` of its own, so it may lag behind the screen: this waits until the record
  /// holds `text` when one is given (the last words the test waited for on the screen), and
  /// otherwise until it has stopped growing for 0.2 s; at most `timeout`.
  func loggedOutput(through text: String? = nil, timeout: Duration = .seconds(10)) -> [UInt8] {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    let wanted = text.map { Array($0.utf8) }
    var bytes = readLog()
    var steadySince = clock.now
    while clock.now < deadline {
      if let wanted {
        if lastIndex(of: wanted, in: bytes) != nil { break }
      } else if clock.now - steadySince >= .milliseconds(200) {
        break
      }
      Thread.sleep(forTimeInterval: 0.02)
      let now = readLog()
      if now.count != bytes.count { steadySince = clock.now }
      bytes = now
    }
    return bytes
  }

  private func readLog() -> [UInt8] {
    (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: logPath)))) ?? []
  }

  // MARK: - Waiting

  /// Polls the screen until `condition` holds; throws with the last screen after `timeout`.
  func waitUntil(
    _ what: String = "condition", timeout: Duration = .seconds(10),
    condition: ([String]) -> Bool
  ) throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var screen: [String] = []
    while true {
      screen = (try? capture()) ?? screen
      if condition(screen) { return }
      if clock.now >= deadline { break }
      Thread.sleep(forTimeInterval: 0.05)
    }
    throw TmuxError(
      description: "timed out after \(timeout) waiting for \(what); screen:\n"
        + screen.joined(separator: "\n"))
  }

  /// Waits until `text` appears somewhere on the screen.
  func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws {
    try waitUntil("\"\(text)\"", timeout: timeout) { screen in
      screen.contains { $0.contains(text) }
    }
  }

  /// Waits until a format (e.g. `#{pane_dead}`) evaluates to `value`.
  func waitForFormat(_ format: String, toBe value: String, timeout: Duration = .seconds(10)) throws
  {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var last = ""
    while clock.now < deadline {
      last = (try? display(format)) ?? last
      if last == value { return }
      Thread.sleep(forTimeInterval: 0.05)
    }
    let screen = ((try? capture()) ?? []).joined(separator: "\n")
    throw TmuxError(
      description:
        "timed out waiting for \(format) to be \(value) (last \(last)); screen:\n\(screen)")
  }

  /// How the pane's command ended, once tmux knows it.
  enum Exit: Equatable {
    case status(Int)
    case signal(Int)
  }

  /// Waits until the command has exited; a status above 128 (as `sh` reports it) is read as
  /// death by signal `status - 128`.
  func waitForExit(timeout: Duration = .seconds(10)) throws -> Exit {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
      if let text = try? String(contentsOfFile: statusPath, encoding: .utf8),
        let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status > 128 ? .signal(status - 128) : .status(status)
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    let screen = ((try? capture()) ?? []).joined(separator: "\n")
    throw TmuxError(description: "the command did not exit within \(timeout); screen:\n\(screen)")
  }

  /// Stops the server (and with it the command). Idempotent.
  func kill() {
    _ = try? run(["kill-server"])
    // tmux 3.3a leaves the socket file behind after kill-server.
    let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
    try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socketName)")
    try? FileManager.default.removeItem(atPath: logPath)
    try? FileManager.default.removeItem(atPath: statusPath)
    try? FileManager.default.removeItem(atPath: cacheHome)
  }
}

/// Runs `path` with `argv` and waits, capturing standard output and error through unlinked
/// temporary files.
///
/// Not `Foundation.Process`: tests run on worker threads that block most signals, and a child
/// inherits that mask. The tmux server would then never see SIGCHLD (no exit status for the
/// pane) and the program in the pane could not receive SIGTERM. Here the child starts with an
/// empty mask and default dispositions, and without the test process's other descriptors (a
/// daemonised tmux server holding another test's pipe would block that test forever).
func spawnAndWait(_ path: String, _ argv: [String]) throws -> (
  status: Int32, stdout: String, stderr: String
) {
  let result = try spawnAndWaitForBytes(path, argv)
  return (
    result.status, String(decoding: result.stdout, as: UTF8.self),
    String(decoding: result.stderr, as: UTF8.self)
  )
}

/// `spawnAndWait`, giving the bytes written as they are.
func spawnAndWaitForBytes(_ path: String, _ argv: [String]) throws -> (
  status: Int32, stdout: [UInt8], stderr: [UInt8]
) {
  func tempFile() throws -> Int32 {
    var template = Array((NSTemporaryDirectory() + "tmux-run-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { throw TmuxError(description: "mkstemp failed: \(errno)") }
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    return fd
  }
  func readAll(_ fd: Int32) -> [UInt8] {
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65536)
    _ = lseek(fd, 0, SEEK_SET)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n <= 0 { break }
      data += buffer[0..<n]
    }
    return data
  }
  let out = try tempFile()
  let err = try tempFile()
  defer {
    close(out)
    close(err)
  }

  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_adddup2(&actions, out, 1)
  posix_spawn_file_actions_adddup2(&actions, err, 2)
  // closefrom is not visible from Swift here: close what /proc lists instead.
  let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
  for fd in open.compactMap({ Int32($0) }) where fd > 2 {
    posix_spawn_file_actions_addclose(&actions, fd)
  }

  var attributes = posix_spawnattr_t()
  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var empty = sigset_t()
  sigemptyset(&empty)
  var all = sigset_t()
  sigfillset(&all)
  posix_spawnattr_setsigmask(&attributes, &empty)
  posix_spawnattr_setsigdefault(&attributes, &all)
  posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

  var environment = ProcessInfo.processInfo.environment
  environment["TMUX"] = nil
  environment["TMUX_PANE"] = nil
  let envStrings = environment.map { "\($0.key)=\($0.value)" }

  var cArgs = argv.map { strdup($0) } + [nil]
  var cEnv = envStrings.map { strdup($0) } + [nil]
  defer {
    for p in cArgs { free(p) }
    for p in cEnv { free(p) }
  }
  var pid: pid_t = 0
  let rc = posix_spawn(&pid, path, &actions, &attributes, &cArgs, &cEnv)
  guard rc == 0 else { throw TmuxError(description: "cannot run \(path): error \(rc)") }
  var status: Int32 = 0
  while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  return (exitStatus, readAll(out), readAll(err))
}
