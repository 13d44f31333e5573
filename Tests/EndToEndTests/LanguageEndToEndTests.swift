import Foundation
import Testing

/// One language at a time on the command line: every subcommand's errors and normal output are
/// Japanese with a Japanese UI (the default, and `--lang ja`) and English with `--lang en` or an
/// English LANG, ArgumentParser's help screens, usage lines and errors included.
@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct LanguageEndToEndTests {
  /// Ids, keys and codes a Japanese line may name: they are typed as they are.
  static let codes: Set<String> = [
    "shinchoku", "YAML", "JSON", "CSV", "ICS", "UTF", "CP932", "Shift_JIS", "JIS", "Shift",
    "DIR", "YYYY", "MM", "DD", "FIFO", "none", "total", "stated", "default", "libyaml",
    "community", "information", "pdca", "finance", "organisation", "ahead", "on", "schedule",
    "behind", "museum", "nursery", "jidokan", "x", "csv", "id",
    // In the help screens: variables, formats and programs a user types or knows by name.
    "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "TERM", "COLORTERM", "ANSI", "BOM", "Excel",
    "Windows", "HTML", "Markdown", "PDF", "Asia", "Tokyo", "Esc", "HH", "MiB", "GiB", "PREFIX",
    "ASCII", "null", "md", "ics", "theme", "lang", "current", "file", "line", "column",
    "error", "warning", "undated_events", "subcommand", "help", "h", "ja", "en", "auto",
    "always", "never", "cp932", "s",
  ]

  /// The Latin words of `output` that are not a path, a quoted value, an option, a file name, a
  /// code or an id.
  static func latinWords(_ output: String) throws -> [String] {
    // A usage line is the command's syntax: its option and value names as they are typed.
    var text = output.split(separator: "\n")
      .filter { !$0.hasPrefix("Usage:") && !$0.hasPrefix("使い方: ") }
      .joined(separator: "\n")
    for pattern in [
      #"'[^'\n]*'"#, #"`[^`\n]*`"#, #"\S*/\S*"#, #"--[a-z-]+"#, #"\$[A-Z_]+"#,
      #"<[a-z-]+>"#, #"（値: [^）]*）"#, #"既定: [a-z0-9-]+"#, #"\b\d+[a-z][a-z0-9]*"#,
      #"\b-h\b"#, #"(?m)^  [a-z][a-z-]*(?=（既定）|  )"#,
      #"[A-Za-z0-9_.-]+\.(?:yaml|csv|log|encoding)"#, #"\b[Pc]\d+\b"#, #"\d+x\d+"#,
      #"U\+[0-9A-F]+"#,
    ] {
      text = text.replacing(try Regex(pattern), with: " ")
    }
    return text.matches(of: try Regex(#"[A-Za-z][A-Za-z0-9_]*"#)).map { String(text[$0.range]) }
      .filter { !codes.contains($0) }
  }

  /// Display width: two columns for the Japanese (wide) characters, one for the rest.
  static func width(_ line: some StringProtocol) -> Int {
    line.unicodeScalars.reduce(0) { width, scalar in
      width
        + ((0x1100...0x115F).contains(scalar.value) || (0x2E80...0xFFEF).contains(scalar.value)
          ? 2 : 1)
    }
  }

  static func hasJapanese(_ text: String) -> Bool {
    text.unicodeScalars.contains {
      (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
    }
  }

  /// The bundled data with three errors, a warning and an unknown key.
  static func brokenFolder() throws -> String {
    // The unknown key first: the broken edits rename the event after it.
    try editedDataCopy(
      [
        (
          "events.yaml",
          "    venue: 小川町二丁目児童館\n    source: seed\n\n  - id: jidokan-50th",
          "    venu: 小川町二丁目児童館\n    source: seed\n\n  - id: jidokan-50th"
        )
      ] + brokenDataEdits)
  }

  /// Every command's output in `lang` (nil: no flag, the Japanese default of LANG=C.UTF-8).
  static func outputs(_ lang: String?) throws -> [(command: String, text: String)] {
    let broken = try brokenFolder()
    let good = try editedDataCopy([])
    defer {
      try? FileManager.default.removeItem(atPath: broken)
      try? FileManager.default.removeItem(atPath: good)
    }
    let flag = lang.map { ["--lang", $0] } ?? []
    let themes = ["--themes", repositoryRoot + "/Themes"]
    let commands: [[String]] =
      [
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
        // ArgumentParser's own words: its help screens, usage lines and errors.
        ["sample"],
        ["dump", "--bogus"],
        ["export", "matrix", "--format", "xx"],
        ["dump", "--size"],
        ["set-status", "a", "b", "c"],
        ["export", "calendar", "--from", "2012-07-01", "--to", "2012-07-02", "--audience", "zz"],
      ] + Self.helpScreens
    return try commands.map { command in
      let args =
        command.first == "export"
        ? Array(command.prefix(2)) + flag + command.dropFirst(2)
        : [command[0]] + flag + command.dropFirst()
      let result = try spawnAndWait(binaryPath, ["shinchoku"] + args)
      let screen = command[0] == "dump" && result.status == 0 && command.last != "--help"
      let text = result.stderr + (screen ? "" : result.stdout)
      return (command.joined(separator: " "), text)
    }
  }

  /// Every command's help screen.
  static let helpScreens: [[String]] =
    [
      "open", "present", "dump", "validate", "set-status", "sample", "themes", "report",
    ].map { [$0, "--help"] }
    + ["matrix", "comments", "calendar", "slides", "savings", "trend"].map {
      ["export", $0, "--help"]
    } + [["export", "--help"], ["--help"]]

  @Test(arguments: [nil, "ja"])
  func theJapaneseCommandLineSpeaksOnlyJapanese(_ lang: String?) throws {
    for (command, text) in try Self.outputs(lang) {
      #expect(!text.isEmpty, "\(command) said nothing")
      // ArgumentParser's headings and usage lines too; wrapped by display width to 80 columns
      // (standard output is not a terminal here), the usage line aside.
      for line in text.split(separator: "\n") {
        #expect(
          !["Usage:", "USAGE:", "OPTIONS:", "OVERVIEW:", "  See '", "Error:"].contains {
            line.hasPrefix($0)
          }, "\(command): \(line)")
        // (A diagnostic keeps to one line, for editors.)
        #expect(
          !command.hasSuffix("--help") || line.hasPrefix("使い方: ") || Self.width(line) <= 80,
          "\(command): wider than 80 columns: \(line)")
      }
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
        .replacing(
          try Regex(#"日付未定|名称|番号|分野|平成\d+年\d+月\d+日|進捗|効果額|歳入確保|歳出削減"#), with: "")
      #expect(!Self.hasJapanese(outside), "\(command): Japanese in\n\(text)")
    }
  }

  /// What tools read to make the man page and the completions is English in any locale (the
  /// installed files are the same for everyone), and is not rewritten as a help screen is.
  @Test func theManPagesAndTheCompletionsSourcesAreEnglishInAJapaneseLocale() throws {
    for arguments in [
      ["--experimental-dump-help"], ["--generate-completion-script", "fish"],
      ["--generate-completion-script", "zsh"],
    ] {
      let result = try spawnAndWait(
        "/usr/bin/env", ["env", "LANG=ja_JP.UTF-8", binaryPath] + arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      #expect(
        result.stdout.contains("The data folder"), "\(arguments): not the English texts")
      #expect(
        !Self.hasJapanese(result.stdout.replacing(/進捗|効果額|歳入確保|歳出削減|平成\d+年\d+月\d+日|〜/, with: "")),
        "\(arguments): Japanese in the tools' text")
    }
    let dump = try spawnAndWait(binaryPath, ["shinchoku", "--experimental-dump-help"])
    #expect(
      (try? JSONSerialization.jsonObject(with: Data(dump.stdout.utf8))) != nil,
      "the dump is JSON")
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
