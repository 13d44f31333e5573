import Foundation
import Testing

/// shinchoku-bench finds the checkout's Data/ and Themes/ from anywhere, or says what is missing.
@Suite struct BenchEndToEndTests {
  let bench = URL(fileURLWithPath: binaryPath).deletingLastPathComponent()
    .appendingPathComponent("shinchoku-bench").path

  @Test func aCheckoutWithoutTheDataIsAClearError() throws {
    let run = try spawnAndWait(bench, ["shinchoku-bench", "--checkout", "/nonexistent"])
    #expect(run.status != 0)
    #expect(run.stderr.contains("--checkout /nonexistent: no Data/plan.yaml and Themes/ there"))
    #expect(!run.stderr.contains("Fatal error"))
  }

  @Test(.enabled(if: endToEndEnabled, "tmux is not installed"))
  func startedOutsideTheCheckoutItFindsTheSeed() throws {
    let run = try spawnAndWait(
      "/bin/sh",
      ["sh", "-c", "cd / && exec \"$0\" --sizes seed --repeat 2 --json", bench])
    #expect(run.status == 0, "\(run.stderr)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    #expect(json.first?["size"] as? String == "seed")
    #expect(json.first?["events"] as? Int == 6)
  }
}
