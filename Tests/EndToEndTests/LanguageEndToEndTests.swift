import Foundation
import Testing

/// One language at a time on the command line: every subcommand's errors and normal output are
/// Japanese with a Japanese UI (the default, and `--lang ja`) and English with `--lang en` or an
/// English LANG. Only ArgumentParser's own "Usage:" lines stay English.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct LanguageEndToEndTests {
  /// Ids, keys and codes a Japanese line may name: they are typed as they are.
  static let codes: Set<String> = [
    "shinchoku", "YAML", "JSON", "CSV", "ICS", "UTF", "CP932", "Shift_JIS", "JIS", "Shift",
    "DIR", "YYYY", "MM", "DD", "FIFO", "none", "total", "stated", "default", "libyaml",
    "community", "information", "pdca", "finance", "organisation", "ahead", "on", "schedule",
    "behind", "museum", "nursery", "jidokan", "x", "csv",
  ]

  /// The Latin words of `output` that are not a path, a quoted value, an option, a file name, a
  /// code or an id.
  static func latinWords(_ output: String) throws -> [String] {
    var text = output.split(separator: "\n")
      .filter { !$0.hasPrefix("Usage:") && !$0.hasPrefix("  See '") }
      .joined(separator: "\n")
    for pattern in [
      #"'[^'\n]*'"#, #"`[^`\n]*`"#, #"\S*/\S*"#, #"--[a-z-]+"#, #"\$[A-Z_]+"#,
      #"[A-Za-z0-9_.-]+\.(?:yaml|csv|log|encoding)"#, #"\b[Pc]\d+\b"#, #"\d+x\d+"#,
      #"U\+[0-9A-F]+"#,
    ] {
      text = text.replacing(try Regex(pattern), with: " ")
    }
    return text.matches(of: try Regex(#"[A-Za-z][A-Za-z0-9_]*"#)).map { String(text[$0.range]) }
      .filter { !codes.contains($0) }
  }

  static func hasJapanese(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  /// A copy of the bundled data, broken in four places (two errors, a warning, a typo).
  static func brokenFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "shinchoku-lang-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
    func edit(_ name: String, _ old: String, _ new: String) throws {
      let path = folder + "/" + name
      let text = try String(contentsOfFile: path, encoding: .utf8)
      try text.replacingOccurrences(of: old, with: new).write(
        toFile: path, atomically: true, encoding: .utf8)
    }
    try edit("events.yaml", "end: 2012-08-31", "end: 2012-07-01")
    try edit(
      "events.yaml", "    venue: 小川町二丁目児童館\n    source: seed\n\n  - id: jidokan-50th",
      "    venu: 小川町二丁目児童館\n    source: seed\n\n  - id: jidokan-50th")
    try edit(
      "comments.yaml", "    areas: [community]\n    source: seed\n    text: 地域自治",
      "    areas: [comunity]\n    source: seed\n    text: 地域自治")
    try edit(
      "snapshots.yaml", "finance:      { ahead: 0, on-schedule: 10, behind: 2, total: 12 }",
      "finance:      { ahead: 0, on-schedule: 10, behind: 2, total: 13 }")
    return folder
  }

  /// Every command's output in `lang` (nil: no flag, the Japanese default of LANG=C.UTF-8).
  static func outputs(_ lang: String?) throws -> [(command: String, text: String)] {
    let broken = try brokenFolder()
    let good = NSTemporaryDirectory() + "shinchoku-lang-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: good)
    defer {
      try? FileManager.default.removeItem(atPath: broken)
      try? FileManager.default.removeItem(atPath: good)
    }
    let flag = lang.map { ["--lang", $0] } ?? []
    let themes = ["--themes", repositoryRoot + "/Themes"]
    let commands: [[String]] = [
      ["validate", broken] + themes,
      ["validate", good] + themes,
      ["dump", "--data", broken],
      ["dump", "--data", "/nonexistent/data"],
      ["dump", "--data", good, "--size", "3"],
      ["dump", "--data", good, "--snapshot", "1999-01-01"],
      ["set-status", "--data", good, "P9999", "ahead"],
      ["set-status", "--data", good, "P0007", "nosuch"],
      ["set-status", "--data", good, "P0007", "ahead"],
      ["set-status", "--data", good, "P0007", "behind"],
      ["set-status", "--data", good, "P0001", "ahead", "--expect", "behind"],
      ["set-status", "--data", good, "P0001", "ahead", "--lock-timeout=-1"],
      ["export", "calendar", "--data", good, "--from", "x", "--to", "2012-08-31"],
      ["export", "calendar", "--data", good, "--from", "2012-07-01", "--to", "y"],
      ["export", "calendar", "--data", good, "--from", "2012-09-01", "--to", "2012-08-01"],
      [
        "export", "calendar", "--data", good, "--from", "2012-07-01", "--to", "2012-08-31",
        "--category", "nosuch",
      ],
      ["export", "matrix", "--data", good, "--bom"],
      ["export", "matrix", "--data", good, "--format", "csv", "--encoding", "cp932", "--bom"],
      ["sample", "--out", good],
      ["sample", "--out", good, "--programmes=-1"],
      ["themes", "--data", good, "--themes", "/nonexistent/themes"],
      ["open", "--data", good],
      ["present", "--data", good],
      ["dump", "--data", good, "--max-file-size", "0"],
    ]
    return try commands.map { command in
      let args =
        command.first == "export"
        ? Array(command.prefix(2)) + flag + command.dropFirst(2)
        : [command[0]] + flag + command.dropFirst()
      let result = try spawnAndWait(binaryPath, ["shinchoku"] + args)
      let text = result.stderr + (command[0] == "dump" && result.status == 0 ? "" : result.stdout)
      return (command.joined(separator: " "), text)
    }
  }

  @Test(arguments: [nil, "ja"])
  func theJapaneseCommandLineSpeaksOnlyJapanese(_ lang: String?) throws {
    for (command, text) in try Self.outputs(lang) {
      #expect(!text.isEmpty, "\(command) said nothing")
      #expect(Self.hasJapanese(text), "\(command): \(text)")
      let words = try Self.latinWords(text)
      #expect(words.isEmpty, "\(command): English words \(words) in\n\(text)")
    }
  }

  @Test func theEnglishCommandLineSpeaksOnlyEnglish() throws {
    for (command, text) in try Self.outputs("en") {
      #expect(!text.isEmpty, "\(command) said nothing")
      // Japanese only inside quoted data ('…') or the data's own names.
      let outside = text.replacing(try Regex(#"'[^'\n]*'"#), with: "")
        .replacing(try Regex(#"日付未定|名称|番号|分野|平成\d+年\d+月\d+日"#), with: "")
      #expect(!Self.hasJapanese(outside), "\(command): Japanese in\n\(text)")
    }
  }

  @Test func anEnglishLocaleGivesEnglishAndTheFlagWins() throws {
    let environment = ["LANG": "en_US.UTF-8"]
    let english = try spawnAndWait(
      "/usr/bin/env",
      ["env"] + environment.map { "\($0.key)=\($0.value)" } + [
        binaryPath, "dump", "--size", "3",
      ])
    #expect(english.stderr.contains("--size must be COLUMNSxROWS"), "\(english.stderr)")
    let flagged = try spawnAndWait(
      "/usr/bin/env",
      ["env"] + environment.map { "\($0.key)=\($0.value)" } + [
        binaryPath, "dump", "--lang", "ja", "--size", "3",
      ])
    #expect(flagged.stderr.hasPrefix("エラー: --size は"), "\(flagged.stderr)")
  }
}
