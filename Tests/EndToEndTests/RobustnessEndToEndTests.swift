import Foundation
import Testing

/// The screen of a fresh start at this size, once the dashboard is drawn.
func freshScreen(width: Int, height: Int) throws -> [String] {
  let tmux = try startApp(width: width, height: height)
  try tmux.waitUntil("the bottom bar") { $0.count == height && $0[height - 2].contains("q 終了") }
  return try tmux.capture()
}

/// Suspending, resizing the terminal meanwhile, resuming; a storm of resizes; no TERM; the file
/// size limit.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct RobustnessEndToEndTests {
  @Test func ctrlZThenFgRedrawsTheWholeScreenAtTheNewSize() throws {
    // An interactive shell, for job control: the app runs as its job.
    let tmux = try TmuxSession(
      command: ["bash", "--norc", "--noprofile", "-i"], width: 100, height: 30,
      environment: appEnvironment.merging(["PS1": "ready$ "]) { $1 },
      unsetEnvironment: unsetForApp, workingDirectory: repositoryRoot)
    try tmux.waitFor("ready$")
    try tmux.sendText("'\(binaryPath)'")
    try tmux.sendKeys("Enter")
    try tmux.waitFor("進捗状況")
    try tmux.sendKeys("C-z")
    try tmux.waitFor("Stopped")
    try tmux.waitForFormat("#{alternate_on}", toBe: "0")
    try tmux.resize(width: 120, height: 40)
    try tmux.sendText("fg")
    try tmux.sendKeys("Enter")
    try tmux.waitUntil("the dashboard at 120×40") { screen in
      screen.count == 40 && screen[38].contains("q 終了")
    }
    try tmux.waitForFormat("#{alternate_on}", toBe: "1")
    // The resumed app may draw at the size it knew before the SIGWINCH that follows SIGCONT:
    // what must hold is that it settles on the screen a fresh start at the new size gives.
    let fresh = try freshScreen(width: 120, height: 40)
    try tmux.waitUntil("the screen a fresh start at 120×40 gives") { $0 == fresh }
    try tmux.sendKeys("q")
    try tmux.waitFor("ready$")
    #expect(try tmux.display("#{pane_dead}") == "0")
  }

  @Test func withoutTERMItSaysSoAndExits2WithoutEscapes() throws {
    // TmuxSession always sets TERM; `env -u` removes it for the app alone.
    let tmux = try TmuxSession(
      command: ["env", "-u", "TERM", binaryPath], environment: appEnvironment,
      unsetEnvironment: unsetForApp, workingDirectory: repositoryRoot, recordOutput: true)
    #expect(try tmux.waitForExit() == .status(2))
    try tmux.waitFor("TERM is not set")
    #expect(!tmux.loggedOutput().contains(0x1B), "escape sequences written")
  }

  @Test func aStormOfResizesLeavesTheSameScreenAsAFreshStart() throws {
    let tmux = try startApp()
    // Hundreds of sizes from 1×1 to 400×120, many per tmux command line (one SIGWINCH each).
    var generator = SystemRandomNumberGenerator()
    var sizes: [(Int, Int)] = [(1, 1), (400, 120), (2, 1), (1, 120), (400, 1), (59, 16)]
    for _ in 0..<600 {
      sizes.append(
        (Int.random(in: 1...400, using: &generator), Int.random(in: 1...120, using: &generator)))
    }
    for chunk in stride(from: 0, to: sizes.count, by: 20) {
      var args: [String] = []
      for (width, height) in sizes[chunk..<min(chunk + 20, sizes.count)] {
        if !args.isEmpty { args.append(";") }
        args += ["resize-window", "-t", tmux.target, "-x", String(width), "-y", String(height)]
      }
      try tmux.run(args)
      #expect(try tmux.display("#{pane_dead}") == "0", "ended during the storm")
    }
    // Where the layout does not fit, the "too small" screen.
    for (width, height) in [(59, 30), (100, 16), (20, 5)] {
      try tmux.resize(width: width, height: height)
      try tmux.waitFor("小さすぎ")
    }
    try tmux.resize(width: 100, height: 30)
    try tmux.waitUntil("the dashboard at 100×30") { screen in
      screen.count == 30 && screen[28].contains("q 終了") && !screen.joined().contains("小さすぎ")
    }
    let fresh = try freshScreen(width: 100, height: 30)
    try tmux.waitUntil("the screen of a fresh start") { $0 == fresh }
    try tmux.sendKeys("q")
    #expect(try tmux.waitForExit() == .status(0))
  }

  @Test func maxFileSizeRaisesOrLowersTheLimit() throws {
    let args = ["shinchoku", "dump", "--lang", "en", "--data", repositoryRoot + "/Data"]
    let refused = try spawnAndWait(binaryPath, args + ["--max-file-size", "100"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("/Data/plan.yaml: error: the file is"))
    #expect(refused.stderr.contains("over the limit of 100 bytes"))
    #expect(refused.stderr.contains("--max-file-size"))
    let allowed = try spawnAndWait(binaryPath, args + ["--max-file-size", "1000000"])
    #expect(allowed.status == 0, "\(allowed.stderr)")
    let zero = try spawnAndWait(binaryPath, args + ["--max-file-size", "0"])
    #expect(zero.status == 64)
    #expect(zero.stderr.contains("--max-file-size"))
    let validate = try spawnAndWait(
      binaryPath,
      ["shinchoku", "validate", "--lang", "en", repositoryRoot + "/Data", "--max-file-size", "100"])
    #expect(validate.status == 1)
    #expect(validate.stdout.contains("over the limit of 100 bytes"))
  }
}
