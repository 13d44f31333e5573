import Foundation
import Testing

/// What a hostile data set, theme folder or argument holds: an OSC that sets the pane title, a
/// mouse mode, a cursor position request (answered into the shell), DECALN, a C1 CSI, a bidi
/// override and a C1 NEL.
let poison = "\u{1B}]0;PWNED\u{07}\u{1B}[?1000h\u{1B}[6n\u{1B}#8\u{9B}31m\u{202E}\u{85}"
/// The same in a YAML double-quoted scalar.
let yamlPoison = #"\e]0;PWNED\a\e[?1000h\e[6n\e#8\x9b31m\u202e\N"#

/// Whether `bytes` (one stream a command wrote) holds a C0 or C1 control, DEL or a bidi control
/// other than LF, TAB where `tabs` and CR before LF where `crlf`. Returns the first offender.
func firstControl(_ bytes: [UInt8], tabs: Bool, crlf: Bool, sgr: Bool = false) -> String? {
  let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
  var sgrEnd = 0
  for (index, scalar) in scalars.enumerated() {
    if index < sgrEnd { continue }
    let v = scalar.value
    // The program's own colours (SGR: ESC [ digits ; or : … m), where asked for.
    if sgr, v == 0x1B, index + 1 < scalars.count, scalars[index + 1] == "[" {
      var end = index + 2
      while end < scalars.count, "0123456789;:".unicodeScalars.contains(scalars[end]) { end += 1 }
      if end < scalars.count, scalars[end] == "m" {
        sgrEnd = end + 1
        continue
      }
    }
    if v == 0x0A || (tabs && v == 0x09) { continue }
    if crlf, v == 0x0D, index + 1 < scalars.count, scalars[index + 1] == "\n" { continue }
    if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x061C || (0x200E...0x200F).contains(v)
      || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    {
      let context = String(String.UnicodeScalarView(scalars[max(0, index - 30)..<index]))
      return String(format: "U+%04X after “%@”", v, context)
    }
  }
  return nil
}

/// A copy of the bundled Data/ with the poison appended to every text field of every YAML file
/// (every block `key: value` whose value is text), plus a poisoned events.csv and
/// events.csv.encoding, in a folder whose own name is poisoned.
func poisonedDataFolder(in parent: String) throws -> String {
  let folder = parent + "/data" + poison
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let source = repositoryRoot + "/Data"
  // The shown plan's files (the other plans' folders, and plans.yaml naming them, stay out).
  for name in try FileManager.default.contentsOfDirectory(atPath: source)
  where name != "plans" && name != "plans.yaml" {
    let text = try String(contentsOfFile: source + "/" + name, encoding: .utf8)
    var lines: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append(poisonedYAMLLine(String(line)))
    }
    try lines.joined(separator: "\n").write(
      toFile: folder + "/" + name, atomically: true, encoding: .utf8)
  }
  try
    ("id,date,title,venue,audience,fee,category,notes\n"
    + "x1,2012-07-25,=HYPERLINK(\"http://x\")\(poison),会場\(poison),子ども,無料,museum,\(poison)\n"
    + "x2,2012-07-26,@SUM(A1)\t\(poison),\(poison),大人,一般100円,museum,\n").write(
      toFile: folder + "/events.csv", atomically: true, encoding: .utf8)
  try ("utf-8" + poison).write(
    toFile: folder + "/events.csv.encoding", atomically: true, encoding: .utf8)
  return folder
}

/// `key: value` with the poison appended to the value when the value is text (not a number,
/// date, id, reference, flow collection or quoted scalar).
func poisonedYAMLLine(_ line: String) -> String {
  guard let colon = line.range(of: ": ") else { return line }
  let head = line[..<colon.lowerBound]
  let key = head.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "")
  guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else {
    return line
  }
  let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
  guard let first = value.first, !"\"'[{~&*!|>#".contains(first), !value.contains(" #"),
    value.contains(where: { !$0.isASCII || $0 == " " })
  else { return line }
  let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
    of: "\"", with: "\\\"")
  return "\(head): \"\(escaped)\(yamlPoison)\""
}

/// A data folder that does not load, its errors quoting poison: a raw ESC in a YAML file
/// (libyaml's message quotes the line), unknown ids and statuses, a poisoned programmes.csv.
func brokenPoisonedDataFolder(in parent: String) throws -> String {
  let folder = parent + "/broken" + poison
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let source = repositoryRoot + "/Data"
  for name in ["plan.yaml", "snapshots.yaml"] {
    try FileManager.default.copyItem(atPath: source + "/" + name, toPath: folder + "/" + name)
  }
  try
    ("comments:\n  - id: \"c\(yamlPoison)\"\n    number: 1\n    areas: [\"a\(yamlPoison)\"]\n"
    + "    source: \"s\(yamlPoison)\"\n    text: \"t\(yamlPoison)\"\n    \"k\(yamlPoison)\": 1\n")
    .write(toFile: folder + "/comments.yaml", atomically: true, encoding: .utf8)
  try ("events:\n  - id: e1\n    title: raw \(poison) here\n").write(
    toFile: folder + "/events.yaml", atomically: true, encoding: .utf8)
  try ("id,area,title,status\n\(poison),\(poison),\(poison),\(poison)\n").write(
    toFile: folder + "/programmes.csv", atomically: true, encoding: .utf8)
  return folder
}

/// A themes folder with a poisoned file name, description, name and role, a raw ESC, and
/// `extends` paths outside the folder.
func poisonedThemesFolder(in parent: String) throws -> String {
  let folder = parent + "/themes" + poison
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try FileManager.default.copyItem(
    atPath: repositoryRoot + "/Themes/default.yaml", toPath: folder + "/default.yaml")
  let files = [
    "evil\(poison).yaml":
      "name: \"n\(yamlPoison)\"\ndescription: \"d\(yamlPoison)\"\nextends: default\nroles:\n  \"r\(yamlPoison)\": { fg: \"c\(yamlPoison)\" }\n",
    "described.yaml": "description: \"dark \(yamlPoison)\"\nextends: default\nroles: {}\n",
    "raw.yaml": "description: raw \(poison) esc\nroles: {}\n",
    "absolute.yaml": "extends: /etc/passwd\nroles: {}\n",
    "relative.yaml": "extends: ../../../../etc/passwd\nroles: {}\n",
    "unknown.yaml": "extends: \"x\(yamlPoison)\"\nroles: {}\n",
  ]
  for (name, text) in files {
    try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
  }
  return folder
}

@Suite(.enabled(if: endToEndEnabled, "tmux is not installed: end-to-end tests skipped"))
struct HostileOutputEndToEndTests {
  /// Every subcommand, with poisoned data, themes and arguments: no control reaches stdout or
  /// stderr but LF (and TAB in a CSV, Markdown or text export, CRLF in an ICS one).
  @Test func noSubcommandWritesAControlFromDataThemesOrArguments() throws {
    let parent = NSTemporaryDirectory() + "shinchoku-hostile-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let data = try poisonedDataFolder(in: parent)
    let broken = try brokenPoisonedDataFolder(in: parent)
    let themes = try poisonedThemesFolder(in: parent)
    let range = ["--from", "2012-07-01", "--to", "2012-08-31"]
    var runs: [(args: [String], format: String?)] = []
    for folder in [data, broken] {
      let common = ["--data", folder, "--themes", themes]
      runs += [
        (["validate", folder, "--themes", themes], nil),
        (["dump"] + common, nil),
        (["dump", "--theme", "evil" + poison] + common, nil),
        (["open"] + common, nil),
        (["present"] + common, nil),
        (["themes"] + common, nil),
        (["themes", "--color", "always"] + common, "sgr"),
        (["set-status", "x" + poison, "y" + poison, "--note", poison] + common, nil),
      ]
      for format in ["json", "csv", "md"] {
        runs.append((["export", "matrix", "--format", format] + common, format))
      }
      for format in ["json", "md", "txt"] {
        runs.append((["export", "comments", "--format", format] + common, format))
      }
      for format in ["json", "csv", "ics"] {
        runs.append((["export", "calendar", "--format", format] + range + common, format))
        runs.append(
          (["export", "calendar", "--format", format, "--search", poison] + range + common, format))
      }
    }
    // Arguments echoed back in command-line errors.
    let common = ["--data", data, "--themes", themes]
    runs += [
      ([poison], nil), (["--" + poison], nil), (["dump", "--size", poison] + common, nil),
      (["dump", "--lang", poison] + common, nil), (["dump", "--snapshot", poison] + common, nil),
      (["dump", "--theme", poison] + common, nil),
      (["dump", "--theme", "/nonexistent/" + poison + ".yaml"] + common, nil),
      (["export", "matrix", "--format", poison] + common, nil),
      (["export", "calendar", "--from", poison, "--to", "2012-01-01"] + common, nil),
      (["export", "calendar", "--category", poison] + range + common, nil),
      (["export", "calendar", "--audience", poison] + range + common, nil),
      (["sample", "--out", data], nil),
      (["sample", "--out", parent + "/sample" + poison, "--events", "3"], nil),
      (["validate", parent + "/missing" + poison], nil),
      (["dump", "--data", parent + "/missing" + poison], nil),
      (["themes", "--themes", parent + "/missing" + poison], nil),
      (["sample", "--programmes", poison, "--out", parent], nil),
      (["--help"], nil), (["export", "calendar", "--help"], nil),
    ]
    var poisonSeen = 0
    var unseen: [String] = []
    for run in runs {
      let result = try spawnAndWaitForBytes(binaryPath, ["shinchoku"] + run.args)
      let shown = run.args.joined(separator: " ").unicodeScalars.map {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "�" : String($0)
      }.joined()
      let tabs = run.format.map { ["csv", "md", "txt"].contains($0) } ?? false
      if let bad = firstControl(
        result.stdout, tabs: tabs, crlf: run.format == "ics", sgr: run.format == "sgr")
      {
        Issue.record("stdout of \(shown): \(bad)")
      }
      if let bad = firstControl(result.stderr, tabs: false, crlf: false) {
        Issue.record("stderr of \(shown): \(bad)")
      }
      // The poison did reach the output (as placeholders), so each path was taken.
      let text = String(decoding: result.stdout + result.stderr, as: UTF8.self)
      if text.contains("^[") || text.contains("\\u001b") || text.contains("<U+009B>") {
        poisonSeen += 1
      } else {
        unseen.append(shown)
      }
    }
    // All but open and present (which stop at "not a terminal" here: the tmux test below has
    // open's errors) and the two helps.
    #expect(
      poisonSeen == runs.count - 6,
      "the poison reached only \(poisonSeen) of \(runs.count) runs; not \(unseen)")
  }

  /// The load errors `open` prints on the terminal before the dashboard starts.
  @Test func openOnPoisonedDataWritesNoControlToTheTerminal() throws {
    let parent = NSTemporaryDirectory() + "shinchoku-hostile-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let broken = try brokenPoisonedDataFolder(in: parent)
    let tmux = try startApp(["--data", broken], recordOutput: true, waitFor: nil)
    #expect(try tmux.waitForExit() == .status(1))
    let bytes = tmux.loggedOutput()
    #expect(String(decoding: bytes, as: UTF8.self).contains("^["), "the poisoned errors were shown")
    // The terminal turns LF into CRLF.
    #expect(firstControl(bytes, tabs: false, crlf: true) == nil)
  }

  /// OWASP: a cell that a spreadsheet would run as a formula starts with ' instead.
  @Test func csvCellsThatWouldBeFormulasArePrefixed() throws {
    let parent = NSTemporaryDirectory() + "shinchoku-hostile-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let data = try poisonedDataFolder(in: parent)
    let result = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "export", "calendar", "--lang", "en", "--format", "csv", "--from",
        "2012-07-25", "--to",
        "2012-07-26", "--data", data,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\")"))
    // (TAB is a control in a cell: it becomes a space, as on the screen.)
    #expect(result.stdout.contains(",'@SUM(A1) "))
    #expect(result.stderr.contains("warning: control characters"))
    #expect(result.stderr.contains("event x1"))
  }
}
