import Foundation
import Testing

/// Runs a shell command line (`bash -c`), giving its status and output.
func shell(_ script: String, _ arguments: [String] = []) throws -> (
  status: Int32, stdout: String, stderr: String
) {
  try spawnAndWait("/bin/bash", ["bash", "-c", script, "bash"] + arguments)
}

/// A new empty folder under the temporary folder.
func temporaryFolder(_ name: String) throws -> String {
  let folder = NSTemporaryDirectory() + "shinchoku-\(name)-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}

/// Whether a test that needs something CI installs runs: always on CI (where a missing tool
/// is a failure), else only when it is there.
func availableOrCI(_ present: Bool) -> Bool {
  present || ProcessInfo.processInfo.environment["CI"] != nil
}

@Suite struct InstallEndToEndTests {
  @Test func versionNamesTheReleaseAndTheCommit() throws {
    let result = try spawnAndWait(binaryPath, [binaryPath, "--version"])
    #expect(result.status == 0)
    let git = try shell("git -C \"$1\" rev-parse --short=12 HEAD", [repositoryRoot])
    let commit = git.status == 0 ? git.stdout.trimmingCharacters(in: .newlines) : "unknown"
    #expect(result.stdout.hasPrefix("shinchoku 0.1.0 (commit \(commit)"), "\(result.stdout)")
    #expect(result.stdout.hasSuffix(")\n"))
  }

  @Test func theBashCompletionParsesAndOffersTheValues() throws {
    let folder = try temporaryFolder("completion")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let script = folder + "/shinchoku.bash"
    let generated = try spawnAndWait(
      binaryPath, [binaryPath, "--generate-completion-script", "bash"])
    #expect(generated.status == 0)
    try generated.stdout.write(toFile: script, atomically: true, encoding: .utf8)
    let syntax = try shell("bash -n \"$1\"", [script])
    #expect(syntax.status == 0, "\(syntax.stderr)")
    try FileManager.default.createDirectory(
      atPath: folder + "/a-folder", withIntermediateDirectories: true)
    try "".write(toFile: folder + "/a-file", atomically: true, encoding: .utf8)
    /// What bash offers after `words` (the last one being completed), in `folder`.
    func offered(_ words: [String]) throws -> [String] {
      let result = try shell(
        """
        cd "$1" && source "$2" && shift 2
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        COMPREPLY=(); _shinchoku shinchoku "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """, [folder, script] + words)
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout.split(separator: "\n").map(String.init).sorted()
    }
    #expect(
      try offered(["shinchoku", "export", "matrix", "--format", ""]) == ["csv", "json", "md"])
    #expect(
      try offered(["shinchoku", "export", "comments", "--format", ""]) == ["json", "md", "txt"])
    #expect(
      try offered(["shinchoku", "export", "calendar", "--format", ""]) == ["csv", "ics", "json"])
    #expect(
      try offered(["shinchoku", "export", "calendar", "--audience", ""]) == ["adults", "children"])
    #expect(
      try offered(["shinchoku", "export", "calendar", "--encoding", ""]) == ["cp932", "utf-8"])
    #expect(try offered(["shinchoku", "dump", "--lang", ""]) == ["en", "ja"])
    #expect(try offered(["shinchoku", "open", "--color", ""]) == ["always", "auto", "never"])
    #expect(try offered(["shinchoku", "themes", "--color", ""]) == ["always", "auto", "never"])
    // Folders, not files, for the data and themes folders.
    #expect(try offered(["shinchoku", "dump", "--data", ""]) == ["a-folder"])
    #expect(try offered(["shinchoku", "present", "--themes", ""]) == ["a-folder"])
    #expect(try offered(["shinchoku", "validate", ""]).contains("a-folder"))
    #expect(try offered(["shinchoku", "validate", ""]).allSatisfy { $0 != "a-file" })
  }

  @Test func theZshAndFishCompletionsAreGeneratedWithTheValues() throws {
    // Each shell's form of "--encoding takes utf-8 or cp932" and "--audience children or adults".
    for (shell, values) in [
      ("zsh", ["local -ar ___encoding=('utf-8' 'cp932')", "('children' 'adults')"]),
      ("fish", ["-l 'encoding'", "-rfka 'utf-8 cp932'", "-rfka 'children adults'"]),
    ] {
      let generated = try spawnAndWait(
        binaryPath, [binaryPath, "--generate-completion-script", shell])
      #expect(generated.status == 0)
      for value in values { #expect(generated.stdout.contains(value), "\(shell): \(value)") }
    }
  }

  /// The man page `make install` and `make deb` install (`.build/install-files`, made by
  /// `make files`, which CI runs before the tests).
  static let manPage = repositoryRoot + "/.build/install-files/shinchoku.1"

  @Test(
    .enabled(
      if: availableOrCI(FileManager.default.fileExists(atPath: manPage)),
      "no .build/install-files/shinchoku.1: run `make files` (CI does) to test the man page"))
  func manRendersTheManPage() throws {
    let result = try shell("MANWIDTH=100 LANG=C.UTF-8 man -l \"$1\"", [Self.manPage])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("warning"), "\(result.stderr)")
    #expect(result.stdout.contains("SHINCHOKU(1)"))
    for text in [
      "open", "present", "dump", "export", "validate", "set-status", "sample", "themes",
      "--encoding", "--color", "$XDG_DATA_HOME/shinchoku/data",
    ] {
      #expect(result.stdout.contains(text), "\(text) is not in the man page")
    }
  }

  /// `shinchoku` as `make install` lays it out, under a prefix of its own, started from an
  /// empty folder with an environment of its own.
  struct Installed {
    let root: String
    var prefix: String { root + "/prefix" }
    var home: String { root + "/home" }
    var work: String { root + "/work" }

    init() throws {
      root = try temporaryFolder("installed")
      let manager = FileManager.default
      for folder in [prefix + "/bin", prefix + "/share/shinchoku", home, work] {
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
      }
      // A copy, not a link: the binary finds its prefix through /proc/self/exe. Copied by
      // cp, so that no process this one spawns meanwhile inherits the open file (exec would
      // then fail with "text file busy").
      let copy = try shell(
        "cp \"$1\" \"$2/bin/shinchoku\" && cp -r \"$3\" \"$2/share/shinchoku/themes\"",
        [binaryPath, prefix, repositoryRoot + "/Themes"])
      #expect(copy.status == 0, "\(copy.stderr)")
    }

    func run(_ arguments: [String], environment: [String] = []) throws -> (
      status: Int32, stdout: String, stderr: String
    ) {
      try spawnAndWait(
        "/usr/bin/env",
        [
          "env", "-i", "-C", work, "HOME=\(home)", "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
          "XDG_DATA_DIRS=/nonexistent", "XDG_CONFIG_HOME=\(home)/config",
        ]
          + environment + [prefix + "/bin/shinchoku"] + arguments)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
  }

  @Test func anInstalledBinaryFindsItsThemesAndTheDataWhereTheREADMESays() throws {
    let installed = try Installed()
    defer { installed.remove() }
    // The themes from its own prefix.
    let themes = try installed.run(["themes"])
    #expect(themes.status == 0, "\(themes.stderr)")
    for name in ["colorblind", "default", "high-contrast", "light", "monochrome", "projector"] {
      #expect(themes.stdout.contains(" \(name) "), "\(name) missing")
    }
    // No data anywhere: the error says where it looked.
    let missing = try installed.run(["dump", "--lang", "en"])
    #expect(missing.status == 1)
    #expect(
      missing.stderr.contains(
        "no data folder in Data or \(installed.home)/.local/share/shinchoku/data"),
      "\(missing.stderr)")
    // $XDG_DATA_HOME/shinchoku/data (here its default, ~/.local/share).
    let dataHome = installed.home + "/.local/share/shinchoku"
    try FileManager.default.createDirectory(atPath: dataHome, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: dataHome + "/data")
    let dump = try installed.run(["dump", "--size", "100x30"])
    #expect(dump.status == 0, "\(dump.stderr)")
    #expect(dump.stdout.contains("進捗状況"))
    #expect(dump.stderr.isEmpty, "no warning: the themes were found (\(dump.stderr))")
    let validate = try installed.run(["validate", "--lang", "en"])
    #expect(validate.status == 0, "\(validate.stdout)")
    #expect(
      validate.stdout.hasSuffix(
        "0 errors, 0 warnings in \(dataHome)/data and 6 themes\n"), "\(validate.stdout)")
    // $XDG_DATA_HOME's themes win over the prefix's.
    try FileManager.default.createDirectory(
      atPath: dataHome + "/themes", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: repositoryRoot + "/Themes/default.yaml", toPath: dataHome + "/themes/default.yaml")
    let mine = try installed.run(["themes"])
    #expect(mine.stdout.contains(" default ") && !mine.stdout.contains(" projector "))
    // ./Data in the folder it is started from wins over $XDG_DATA_HOME's; $SHINCHOKU_DATA
    // over both.
    let sample = try installed.run(["sample", "--out", installed.work + "/Data"])
    #expect(sample.status == 0, "\(sample.stderr)")
    #expect(try installed.run(["dump"]).stdout.contains("合成データ"))
    let named = try installed.run(["dump"], environment: ["SHINCHOKU_DATA=\(dataHome)/data"])
    #expect(!named.stdout.contains("合成データ") && named.stdout.contains("進捗状況"))
  }
}
