import Foundation
import Testing

/// A second window of the same tmux session (the facilitator's laptop beside the projector).
extension TmuxSession {
  /// Opens window `name` running `arguments` of the binary with the app's environment.
  func openWindow(_ name: String, _ arguments: [String], environment: [String: String]) throws {
    try run(
      ["new-window", "-d", "-t", target, "-n", name, "--"] + Self.argv(arguments, environment))
  }

  /// Starts the binary again in a window whose program ended.
  func respawn(_ window: String, _ arguments: [String], environment: [String: String]) throws {
    try run(["respawn-pane", "-k", "-t", window, "--"] + Self.argv(arguments, environment))
  }

  static func argv(_ arguments: [String], _ environment: [String: String]) -> [String] {
    var argv = ["env"]
    for name in unsetForApp { argv += ["-u", name] }
    let env = appEnvironment.merging(environment) { $1 }.merging(["TERM": "tmux-256color"]) {
      $1
    }
    argv += env.keys.sorted().map { "\($0)=\(env[$0]!)" }
    return argv + [binaryPath] + arguments
  }

  func capture(window: String) throws -> [String] {
    try run(["capture-pane", "-p", "-t", window]).components(separatedBy: "\n")
  }

  func send(_ window: String, _ keys: String...) throws {
    try run(["send-keys", "-t", window] + keys)
  }

  func waitFor(_ text: String, in window: String, timeout: Duration = .seconds(10)) throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var screen: [String] = []
    while clock.now < deadline {
      screen = (try? capture(window: window)) ?? screen
      if screen.contains(where: { $0.contains(text) }) { return }
      Thread.sleep(forTimeInterval: 0.02)
    }
    throw TmuxError(
      description: "timed out waiting for \"\(text)\" in \(window); screen:\n"
        + screen.joined(separator: "\n"))
  }

  /// The program's pid in `window` (the child of the pane's launcher, or the pane itself).
  func pid(window: String) throws -> pid_t {
    let pane = try run(["display", "-p", "-t", window, "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children =
      (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8))?
      .split(separator: " ").first
    guard let pid = pid_t(children.map(String.init) ?? pane) else {
      throw TmuxError(description: "no pid in \(window)")
    }
    return pid
  }
}

/// A socket folder of the test's own (0700), so that parallel tests on the same data do not meet.
private func runtimeFolder() throws -> String {
  let path = NSTemporaryDirectory() + "shinchoku-run-\(UUID().uuidString.prefix(8))"
  try FileManager.default.createDirectory(
    atPath: path, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
  return path
}

/// Milliseconds from now until `text` shows in `window`.
private func latency(_ tmux: TmuxSession, _ text: String, in window: String) throws -> Int {
  let clock = ContinuousClock()
  let began = clock.now
  try tmux.waitFor(text, in: window)
  let elapsed = clock.now - began
  return Int(
    elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
}

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct PresenterEndToEndTests {
  let data = ["--data", repositoryRoot + "/Data", "--themes", repositoryRoot + "/Themes"]
  let projector = "main:0"
  let presenter = "main:presenter"

  /// The projector in the session's first window and a presenter view (with `options`) in a
  /// second, attached; their socket in a folder of the test's own (the second value: remove it
  /// when done).
  func startPair(_ options: [String] = []) throws -> (TmuxSession, runtime: String) {
    let runtime = try runtimeFolder()
    let environment = ["XDG_RUNTIME_DIR": runtime]
    let tmux = try TmuxSession(
      command: TmuxSession.argv(["present"] + data, environment), width: 100, height: 30)
    try tmux.waitFor("スライド 1 / 13", in: projector)
    try tmux.openWindow(
      "presenter", ["present", "--presenter"] + options + data, environment: environment)
    try tmux.waitFor("投影画面に接続中", in: presenter)
    return (tmux, runtime)
  }

  @Test func bothWindowsDriveBothAndThePresenterReconnectsToARestartedProjector() throws {
    let (tmux, runtime) = try startPair(["--duration", "20m"])
    defer { try? FileManager.default.removeItem(atPath: runtime) }
    let environment = ["XDG_RUNTIME_DIR": runtime]
    try tmux.waitFor("スライド 1 / 13", in: presenter)
    try tmux.waitFor("残り 19:", in: presenter)
    // The projector's keys move the presenter view.
    try tmux.send(projector, "Right")
    try tmux.waitFor("スライド 2 / 13", in: projector)
    try tmux.waitFor("スライド 2 / 13  進捗状況", in: presenter)
    // The presenter view's keys move the projector; the notes and the next slide show there.
    try tmux.send(presenter, "Right")
    let moved = try latency(tmux, "スライド 3 / 13", in: projector)
    print("a key in the presenter view reached the projected screen in \(moved) ms")
    try tmux.waitFor("委員会の意見2（地域協働の推進に係る15項目）から", in: presenter)
    try tmux.waitFor("次: スライド 4 / 13  委員会の意見 1", in: presenter)
    try tmux.send(presenter, "1", "3", "Enter")
    try tmux.waitFor("スライド 13 / 13", in: projector)
    try tmux.waitFor("次: 最後のスライドです", in: presenter)
    try tmux.send(presenter, "Home")
    try tmux.waitFor("スライド 1 / 13", in: projector)
    // Nothing of the facilitator's on the projected screen.
    let projected = try tmux.capture(window: projector).joined(separator: "\n")
    #expect(!projected.contains("メモ") && !projected.contains("経過") && !projected.contains("残り"))
    // The projector crashes (SIGKILL leaves its socket file): the presenter view says so.
    kill(try tmux.pid(window: projector), SIGKILL)
    try tmux.waitFor("投影画面が見つかりません", in: presenter)
    #expect(try tmux.capture(window: presenter).joined().contains("スライド 1 / 13"))
    // Restarted, it replaces the stale socket and the presenter view follows it again.
    try tmux.respawn(projector, ["present"] + data, environment: environment)
    try tmux.waitFor("スライド 1 / 13", in: projector)
    try tmux.waitFor("投影画面に接続中", in: presenter, timeout: .seconds(15))
    try tmux.send(projector, "End")
    try tmux.waitFor("スライド 13 / 13", in: presenter)
    // q quits the projector, and its socket file goes with it.
    try tmux.send(projector, "q")
    try tmux.waitFor("投影画面が見つかりません", in: presenter)
    let left = try FileManager.default.contentsOfDirectory(atPath: runtime)
    #expect(!left.contains { $0.hasSuffix(".sock") }, "\(left)")
    try tmux.send(presenter, "q")
  }

  @Test func aStoppedOrKilledPresenterViewDoesNotDelayTheProjector() throws {
    let (tmux, runtime) = try startPair()
    defer { try? FileManager.default.removeItem(atPath: runtime) }
    try tmux.send(projector, "Right")
    let followed = try latency(tmux, "スライド 2 / 13", in: presenter)
    print("a slide change reached the presenter view in \(followed) ms")
    // Stopped (SIGSTOP), the presenter view reads nothing; the projector goes on.
    let pid = try tmux.pid(window: presenter)
    kill(pid, SIGSTOP)
    var slowest = 0
    for slide in 3...11 {
      try tmux.send(projector, "Right")
      slowest = max(slowest, try latency(tmux, "スライド \(slide) / 13", in: projector))
    }
    print("slowest slide change with a stopped presenter view: \(slowest) ms")
    // Killed, likewise.
    kill(pid, SIGKILL)
    try tmux.send(projector, "Home")
    let afterKill = try latency(tmux, "スライド 1 / 13", in: projector)
    print("a slide change after the presenter view was killed: \(afterKill) ms")
    // Generous: a projector blocked on its follower would not change at all.
    #expect(slowest < 5000 && afterKill < 5000)
    try tmux.send(projector, "q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func aStartThatFailsLeavesNoSocketBehind() throws {
    let runtime = try runtimeFolder()
    defer { try? FileManager.default.removeItem(atPath: runtime) }
    let folder = NSTemporaryDirectory() + "shinchoku-e2e-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "slides:\n  - kind: chart\n".write(
      toFile: folder + "/deck.yaml", atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      command: TmuxSession.argv(
        ["present", "--data", folder, "--themes", repositoryRoot + "/Themes"],
        ["XDG_RUNTIME_DIR": runtime]), width: 100, height: 30)
    #expect(try tmux.waitForExit() == .status(1))
    let left = try FileManager.default.contentsOfDirectory(atPath: runtime)
    #expect(!left.contains { $0.hasSuffix(".sock") }, "\(left)")
  }
}
