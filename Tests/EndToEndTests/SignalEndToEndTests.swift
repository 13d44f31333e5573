import Foundation
import Testing

/// The signals the system lists (`kill -l`) whose default action ends the process: all but
/// those whose default is to be ignored, to stop or to continue, and KILL (which cannot be
/// caught). The real-time ones are listed apart.
let systemSignals:
  (standard: [(name: String, number: Int)], realTime: [(name: String, number: Int)]) = {
    let listing = (try? spawnAndWait("/bin/bash", ["bash", "-c", "kill -l"]).stdout) ?? ""
    let notEnding: Set<String> = [
      "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "WINCH", "KILL",
    ]
    var standard: [(String, Int)] = []
    var realTime: [(String, Int)] = []
    let words = listing.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    var index = 0
    while index + 1 < words.count {
      if words[index].hasSuffix(")"), let number = Int(words[index].dropLast()),
        words[index + 1].hasPrefix("SIG")
      {
        let name = String(words[index + 1].dropFirst(3))
        if name.hasPrefix("RT") {
          realTime.append((name, number))
        } else if !notEnding.contains(name) {
          standard.append((name, number))
        }
      }
      index += 1
    }
    return (standard, realTime)
  }()

/// Ignored by the dashboard: the process goes on (a write fails instead).
let signalsTheDashboardIgnores: Set<String> = ["PIPE", "XFSZ"]

/// Each signal sent `runs` times to the dashboard at a random moment, in one pane: half the
/// runs within 0.3 s of its start (while it loads and sets the terminal up), half within 0.3 s
/// after its first frame reached the terminal. Each run whose output entered the alternate
/// screen must leave it, show the cursor and turn mouse reporting off.
func checkSignalRestores(_ name: String, number: Int, runs: Int) throws {
  let directory = NSTemporaryDirectory() + "shinchoku-signals-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: directory) }
  let moments = (0..<runs).map { run in
    (afterFrame: run % 2 == 1, delay: String(format: "%.3f", Double.random(in: 0...0.3)))
  }
  let ignored = signalsTheDashboardIgnores.contains(name)
  // The signal goes to the dashboard's own pid (the `exec` keeps the one written); an ignored
  // one is followed by TERM.
  let script = """
    cd '\(repositoryRoot)'
    for moment in \(moments.map { ($0.afterFrame ? "1:" : "0:") + $0.delay }.joined(separator: " ")); do
      rm -f '\(directory)/pid' '\(directory)/frame'
      ( while [ ! -s '\(directory)/pid' ]; do sleep 0.01; done
        if [ "${moment%%:*}" = 1 ]; then
          while [ ! -s '\(directory)/frame' ]; do sleep 0.01; done
        fi
        sleep "${moment#*:}"; kill -\(number) "$(cat '\(directory)/pid')" 2>/dev/null
        \(ignored ? "sleep 0.3; kill -TERM \"$(cat '\(directory)/pid')\" 2>/dev/null" : ":") ) &
      SHINCHOKU_BENCH_FIRST_FRAME_FILE='\(directory)/frame' \\
        sh -c 'echo $$ > "$0"; exec "$@"' '\(directory)/pid' '\(binaryPath)'
      echo "$?" >> '\(directory)/statuses'
      wait
      printf '\\n=== end of run ===\\n'
    done
    echo all runs done
    """
  let tmux = try TmuxSession(
    command: ["sh", "-c", script], width: 100, height: 30,
    environment: appEnvironment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 },
    unsetEnvironment: unsetForApp, workingDirectory: repositoryRoot, recordOutput: true)
  try tmux.waitFor("all runs done", timeout: .seconds(Double(runs) * 3 + 10))
  let statuses = try String(contentsOfFile: directory + "/statuses", encoding: .utf8)
    .split(separator: "\n").compactMap { Int($0) }
  #expect(statuses.count == runs)
  for (run, status) in statuses.enumerated() {
    // An ignored signal leaves the dashboard running until TERM; one that comes before main()
    // ignores it (XFSZ) or before the terminal is open (PIPE) ends it, with nothing to restore.
    let expected =
      !ignored ? [128 + number] : moments[run].afterFrame ? [128 + 15] : [128 + 15, 128 + number]
    #expect(expected.contains(status), "SIG\(name), run \(run + 1): exit status \(status)")
  }
  let output = tmux.loggedOutput(through: "all runs done")
  let marker = Array("=== end of run ===".utf8)
  var segments: [[UInt8]] = []
  var start = 0
  var index = 0
  while index + marker.count <= output.count {
    if Array(output[index..<(index + marker.count)]) == marker {
      segments.append(Array(output[start..<index]))
      start = index + marker.count
      index = start
    } else {
      index += 1
    }
  }
  #expect(segments.count == runs)
  var entered = 0
  for (run, segment) in segments.enumerated() {
    guard let on = lastIndex(of: "\u{1B}[?1049h", in: segment) else { continue }
    entered += 1
    let after = Array(segment[on...])
    let restored =
      lastIndex(of: "\u{1B}[?1049l", in: after) != nil
      && lastIndex(of: "\u{1B}[?25h", in: after) != nil
      && lastIndex(of: "\u{1B}[?1000l", in: after) != nil
    #expect(restored, "SIG\(name), run \(run + 1) (\(moments[run])): terminal not restored")
  }
  // At least the runs signalled after the first frame had the terminal open (the others may
  // end while loading, with nothing to restore).
  #expect(entered >= runs / 2, "SIG\(name): only \(entered) of \(runs) runs opened the terminal")
}

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct SignalEndToEndTests {
  @Test func theSystemListIsRead() {
    let names = systemSignals.standard.map(\.name)
    for name in ["HUP", "INT", "USR1", "USR2", "ALRM", "XCPU", "XFSZ", "VTALRM", "PROF", "SYS"] {
      #expect(names.contains(name), "\(names)")
    }
    #expect(!names.contains("WINCH") && !names.contains("KILL"))
    #expect(systemSignals.realTime.count >= 8)
  }

  @Test(arguments: systemSignals.standard.map(\.name))
  func everySignalThatWouldEndItRestoresTheTerminal(_ name: String) throws {
    let number = try #require(systemSignals.standard.first { $0.name == name }?.number)
    try checkSignalRestores(name, number: number, runs: 20)
  }

  /// The real-time signals take the same path: the first and last 20 times, the rest 3 times.
  @Test(arguments: systemSignals.realTime.map(\.name))
  func everyRealTimeSignalRestoresTheTerminal(_ name: String) throws {
    let all = systemSignals.realTime
    let number = try #require(all.first { $0.name == name }?.number)
    let edge = name == all.first?.name || name == all.last?.name
    try checkSignalRestores(name, number: number, runs: edge ? 20 : 3)
  }
}

/// With `ulimit -f` in force, recording a status fails with a message (EFBIG), not by SIGXFSZ.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct FileSizeLimitEndToEndTests {
  @Test func setStatusPastTheFileSizeLimitSaysSo() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-ulimit-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sample = try spawnAndWait(
      binaryPath, ["shinchoku", "sample", "--out", folder, "--programmes", "3", "--events", "2"])
    #expect(sample.status == 0)
    // The limit for the program alone: `cat` passes its output on.
    let script =
      "(ulimit -f 0; exec '\(binaryPath)' set-status --data '\(folder)' P0001 ahead) 2>&1 | cat;"
      + " exit ${PIPESTATUS[0]}"
    let result = try spawnAndWait("/bin/bash", ["bash", "-c", script])
    #expect(result.status == 1, "ended by a signal? \(result.status)")
    #expect(result.stdout.contains("could not write the record"), "\(result.stdout)")
    #expect(result.stdout.contains("nothing was recorded"))
  }
}
