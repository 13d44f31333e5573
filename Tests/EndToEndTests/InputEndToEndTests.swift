import Foundation
import Testing

/// What `validate` prints about bad input: a place, and never the file.
@Suite struct InputEndToEndTests {
  @Test func aDuplicateKeyInABigYAMLFileIsOneShortLineWithItsPlace() throws {
    let folder = NSTemporaryDirectory() + "shinchoku-dup-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let comments = try String(contentsOfFile: folder + "/comments.yaml", encoding: .utf8)
    let originalLines = comments.split(separator: "\n", omittingEmptySubsequences: false).count
    // 1 MB of padding, then the top-level key `comments` a second time.
    let padding = (0..<50_000).map { "pad\($0): \"埋め草\"\n" }.joined()
    let big = comments + (comments.hasSuffix("\n") ? "" : "\n") + padding + "comments: []\n"
    try Data(big.utf8).write(to: URL(fileURLWithPath: folder + "/comments.yaml"))
    let result = try spawnAndWait(
      binaryPath,
      ["shinchoku", "validate", "--lang", "en", folder, "--themes", repositoryRoot + "/Themes"])
    #expect(result.status == 1)
    let output = result.stdout + result.stderr
    #expect(output.utf8.count < 1_000, "\(output.utf8.count) bytes of output")
    let line = try #require(output.split(separator: "\n").first { $0.contains("duplicate key") })
    let expectedLine = originalLines - (comments.hasSuffix("\n") ? 1 : 0) + 50_000 + 1
    #expect(
      line.hasPrefix(
        "\(folder)/comments.yaml:\(expectedLine):1: error: YAML: duplicate key 'comments'"),
      "\(line)")
  }
}
