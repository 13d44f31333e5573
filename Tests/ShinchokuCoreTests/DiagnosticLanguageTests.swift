import Foundation
import Testing

@testable import ShinchokuCore

/// Whether `text` has a kana or kanji: the sign that it is written in Japanese.
func hasJapanese(_ text: String) -> Bool {
  text.unicodeScalars.contains {
    (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value)
  }
}

/// Every diagnostic a person reads exists in both UI languages.
@Suite struct DiagnosticLanguageTests {
  /// Broken data folders, each a file replaced by a text that breaks a different rule; together
  /// they reach most of what the readers report.
  static let brokenFiles: [[String: String]] = [
    ["plan.yaml": "[unclosed"],
    ["plan.yaml": ""],
    ["plan.yaml": "plan: x\nareas: 3\nstatuses: []\nsources: {a: 1}\n"],
    [
      "plan.yaml": """
      sources:
        - { id: s, title: t, synthetic: maybe }
        - { id: s, title: t }
      plan: { id: "bad id", title: [x], programmes: lots }
      areas:
        - { id: a, number: 1, name: A }
        - { id: a, number: 1, name: B }
        - { id: b, number: 1, name: C }
        - { id: c, number: 5000, name: D }
        - { id: d, name: E, nmae: F }
      statuses:
        - { id: s1, name: S, symbol: "*" }
        - { id: s1, name: S, symbol: "*" }
      statuses: []
      extra: 1

      """
    ],
    [
      "snapshots.yaml": """
      snapshots:
        - date: 2012-02-30
        - date: not-a-date
        - date: 2012-03-31
          source: nowhere
          default: true
          areas:
            nosuch: { ahead: 1 }
            community: { ahead: x, ahaed: 1, behind: -1, total: 1 }
          stated: [1]
        - date: 2012-03-31
        - date: 2013-03-31
          default: true
          areas: { community: { ahead: 1, on-schedule: 1, behind: 1, total: 9 } }
          stated: { ahead: 7 }

      """
    ],
    [
      "programmes.yaml": """
      programmes:
        - { id: p1, area: nosuch, title: T, statuses: { 2012-03-31: behind } }
        - { id: p1, area: community, title: T }
        - id: p2
          area: community
          title: T
          statuses: { soon: behind, 2012-03-31: nosuch, 1999-01-01: ahead }

      """
    ],
    [
      "comments.yaml": """
      committee: { name: [x] }
      comments:
        - { id: c1, number: 1, text: t, areas: [nosuch], snapshot: 2012-13-01 }
        - { id: c1, number: 1, text: t }
        - { id: c2, number: 1, text: t }

      """
    ],
    [
      "events.yaml": """
      categories:
        - { id: m, name: M }
        - { id: m, name: M }
      events:
        - { id: e1, title: T, category: nosuch, start: 2012-08-01, end: 2012-07-01 }
        - { id: e1, title: T }
        - { id: e2, title: T, end: 2012-08-01, audience: [aliens], inferred: [colour] }
        - { id: e3, title: T, time: "25:00", fees: [{ who: a, yen: x }] }
        - { id: e4, title: T, corrections: [{ read: a }] }

      """
    ],
    [
      "events.csv": "日付,名称,会場,謎\n2012/8/1,催し,a\n8/1,x\n2012/8/9〜2012/8/1,y\n,\n2012/8/2,z,,,\n",
      "events.csv.encoding": "latin-1\n",
    ],
    ["events.csv": "日付,日付,会場\n2012/8/1,2012/8/1,a\n"],
    ["events.csv": "名称,開始\n\"unclosed,10:00\n"],
    ["events.csv": "名称,開始\nx,25:61\n"],
    [
      "programmes.csv": """
      番号,分野,名称,2017-03-31,2017-03-31,1999-01-01,謎
      p1,nosuch,T,◎
      p1,community,T,?
      p1,community,T
      ,,

      """
    ],
    ["programmes.csv": "謎\n1\n"],
    [
      ChangeLog.fileName: "{\"not\":\"a record\"}\nnot json\n{\"v\":1,\"programme\":\"x\""
    ],
  ]

  func diagnostics(_ files: [String: String]) throws -> [Diagnostic] {
    let folder = try dataFolder(replacing: files)
    do {
      let dataset = try DatasetLoader().load(directory: folder)
      return dataset.warnings
    } catch {
      return error.diagnostics
    }
  }

  @Test(arguments: brokenFiles.indices)
  func everyDiagnosticOfBrokenDataHasItsJapanese(_ index: Int) throws {
    let found = try diagnostics(Self.brokenFiles[index])
    #expect(!found.isEmpty, "case \(index) reports nothing")
    for diagnostic in found {
      let japanese = diagnostic.japanese ?? ""
      #expect(hasJapanese(japanese), "no Japanese: \(diagnostic)")
      #expect(
        diagnostic.hint == nil || hasJapanese(diagnostic.japaneseHint ?? ""),
        "no Japanese hint: \(diagnostic)")
      let line = diagnostic.text(.japanese)
      #expect(line.hasPrefix("\(diagnostic.location): "), "\(line)")
    }
  }

  @Test func theBrokenFilesReachManyDifferentMessages() throws {
    var messages = Set<String>()
    for files in Self.brokenFiles {
      for diagnostic in try diagnostics(files) { messages.insert(diagnostic.message) }
    }
    #expect(messages.count >= 60, "\(messages.count) different messages")
  }

  @Test func aBrokenDeckAndConfigSpeakJapaneseToo() throws {
    let dataset = try DatasetLoader().load(directory: bundledData)
    let sink = DiagnosticSink()
    let deckText =
      "slides:\n  - matrx\n  - { kind: area, id: nosuch }\n  - { kind: comment, id: c99 }\n"
    if let root = parseYAML(deckText, file: "deck.yaml", sink: sink) {
      _ = DeckLoader().read(root, dataset: dataset, sink: sink)
    }
    let config = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-config-\(UUID().uuidString).yaml")
    try Data("lang: fr\nascii: perhaps\ntheme: [x]\ncolour: 1\n".utf8).write(to: config)
    let configWarnings = UserConfig.load(path: config.path).warnings
    let all = sink.items + configWarnings
    #expect(all.count >= 7)
    for diagnostic in all {
      #expect(hasJapanese(diagnostic.japanese ?? ""), "no Japanese: \(diagnostic)")
    }
  }

  /// Every place in Sources that makes a diagnostic gives it a Japanese text (`ja:`), and every
  /// phrase a reader names is a `Subject` with its Japanese, not a bare English literal.
  @Test func everyDiagnosticMadeInSourcesHasAJapaneseText() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 20)
    let call = try Regex(
      #"(?:\bsink\.(?:error|warning)|\bDiagnostic)\(\s*(?:\.(?:error|warning)\b|[a-zA-Z])"#)
    let phrase = try Regex(
      #"\.(?:mapping|sequence|string|optionalString|int|bool|items|strings|required)\("[^"]*[ '][^"]*""#
    )
    var calls = 0
    var missing: [String] = []
    for file in files {
      let text = try String(contentsOfFile: sources.path + "/" + file, encoding: .utf8)
      for match in text.matches(of: call) {
        // The call's arguments: up to its closing parenthesis.
        var depth = 0
        var end = text.index(before: match.range.upperBound)
        while end > match.range.lowerBound, text[end] != "(" { end = text.index(before: end) }
        var index = end
        repeat {
          if text[index] == "(" { depth += 1 }
          if text[index] == ")" { depth -= 1 }
          index = text.index(after: index)
        } while depth > 0 && index < text.endIndex
        let arguments = text[end..<index]
        let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
        if arguments.contains("_ severity") || arguments.contains(": Severity") { continue }
        calls += 1
        if !arguments.contains("ja:") { missing.append("\(file):\(line)") }
      }
      for match in text.matches(of: phrase) {
        let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
        missing.append("\(file):\(line): an English phrase as a key: \(text[match.range])")
      }
    }
    #expect(calls >= 100, "found only \(calls) diagnostics")
    #expect(missing.isEmpty, "without ja: \(missing.joined(separator: "\n"))")
  }
}
