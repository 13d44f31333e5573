import Foundation

/// Collects diagnostics while one data folder is read.
public final class DiagnosticSink {
  public private(set) var items: [Diagnostic] = []
  /// Nodes visited so far: bounds the work an alias-heavy document can cause.
  var visited = 0
  let visitLimit: Int

  public init(visitLimit: Int = 2_000_000) { self.visitLimit = visitLimit }

  public func error(
    _ location: SourceLocation, _ message: String, ja japanese: String? = nil,
    hint: String? = nil, jaHint japaneseHint: String? = nil
  ) {
    items.append(
      Diagnostic(.error, location, message, ja: japanese, hint: hint, jaHint: japaneseHint))
  }

  public func warning(
    _ location: SourceLocation, _ message: String, ja japanese: String? = nil,
    hint: String? = nil, jaHint japaneseHint: String? = nil
  ) {
    items.append(
      Diagnostic(.warning, location, message, ja: japanese, hint: hint, jaHint: japaneseHint))
  }

  public var hasErrors: Bool { items.contains { $0.severity == .error } }

  func append(_ more: [Diagnostic]) { items += more }

  /// Puts the reports in the order of their files (by `rank`), keeping the order within a file.
  func sortByFile(_ rank: (String) -> Int) {
    items = items.enumerated().sorted {
      (rank($0.element.location.file), $0.offset) < (rank($1.element.location.file), $1.offset)
    }
    .map(\.element)
  }
}

/// A YAML node with the file it came from, and typed accessors that report what is wrong
/// (with file, line and column) instead of throwing.
public struct YAMLNode {
  public let node: YAMLValue
  public let file: String
  public let sink: DiagnosticSink

  public var location: SourceLocation {
    SourceLocation(file: file, line: node.line, column: node.column)
  }

  public var isNull: Bool {
    if case .scalar(let text, isPlain: true) = node.content, text.utf8.count <= 4 {
      return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
    return false
  }

  public var isMapping: Bool {
    if case .mapping = node.content { return true }
    return false
  }

  private func countVisit() -> Bool {
    sink.visited += 1
    if sink.visited == sink.visitLimit {
      sink.error(
        location, "the document expands to too many values (aliases?)",
        ja: "文書を展開すると値が多すぎます（別名の使いすぎ？）", hint: "simplify it",
        jaHint: "簡単にしてください")
    }
    return sink.visited < sink.visitLimit
  }

  public func mapping(_ what: Subject) -> YAMLMapping? {
    guard countVisit() else { return nil }
    guard case .mapping(let mapping) = node.content else {
      sink.error(
        location, "\(what.english) must be a mapping (key: value lines)",
        ja: "\(what.japanese) は「キー: 値」の行で書いてください")
      return nil
    }
    // A key written twice never gets here: composing the document refuses it.
    var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
    entries.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      let keyNode = YAMLNode(node: key, file: file, sink: sink)
      guard case .scalar(let name, _) = key.content else {
        sink.error(
          keyNode.location, "a key in \(what.english) must be plain text",
          ja: "\(what.japanese) のキーはただの文字列で書いてください")
        continue
      }
      entries.append((name, keyNode, YAMLNode(node: value, file: file, sink: sink)))
    }
    return YAMLMapping(owner: self, what: what, entries: entries)
  }

  public func sequence(_ what: Subject) -> [YAMLNode]? {
    guard countVisit() else { return nil }
    if isNull { return [] }
    guard case .sequence(let sequence) = node.content else {
      sink.error(
        location, "\(what.english) must be a list (lines starting with '- ')",
        ja: "\(what.japanese) は「- 」で始まる行の並びで書いてください")
      return nil
    }
    return sequence.map { YAMLNode(node: $0, file: file, sink: sink) }
  }

  public func string(_ what: Subject) -> String? {
    guard countVisit() else { return nil }
    guard case .scalar(let text, _) = node.content, !isNull else {
      sink.error(location, "\(what.english) must be text", ja: "\(what.japanese) は文字列で書いてください")
      return nil
    }
    return text
  }

  /// Text, or nil for an explicit null (`~` / `null`): a value the source does not give.
  public func optionalString(_ what: Subject) -> String?? {
    isNull ? .some(nil) : string(what).map { .some($0) }
  }

  public func int(_ what: Subject, range: ClosedRange<Int>? = nil) -> Int? {
    guard let text = string(what) else { return nil }
    guard let value = Int(text) else {
      sink.error(
        location, "\(what.english) must be a whole number, not '\(text)'",
        ja: "\(what.japanese) は整数で書いてください（'\(text)' ではなく）",
        hint: "write ~ if it is unknown", jaHint: "不明なら ~ と書きます")
      return nil
    }
    if let range, !range.contains(value) {
      sink.error(
        location,
        "\(what.english) must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
        ja: "\(what.japanese) は \(range.lowerBound) から \(range.upperBound) までです（\(value) ではなく）")
      return nil
    }
    return value
  }

  public func bool(_ what: Subject) -> Bool? {
    guard let text = string(what) else { return nil }
    switch text {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      sink.error(
        location, "\(what.english) must be true or false, not '\(text)'",
        ja: "\(what.japanese) は true か false で書いてください（'\(text)' ではなく）")
      return nil
    }
  }

  /// The nodes of a list, or the node itself when one value is written alone, so each item
  /// keeps its own position.
  public func items(_ what: Subject) -> [YAMLNode]? {
    if case .scalar = node.content, !isNull { return [self] }
    return sequence(what)
  }

  /// A list of text, or one text written alone.
  public func strings(_ what: Subject) -> [String]? {
    if case .scalar = node.content, !isNull { return string(what).map { [$0] } }
    return sequence(what)?.compactMap { $0.string(what) }
  }
}

public struct YAMLMapping {
  public let owner: YAMLNode
  public let what: Subject
  public let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]

  public subscript(key: String) -> YAMLNode? {
    entries.first { $0.key == key }?.value
  }

  public func required(_ key: String) -> YAMLNode? {
    if let value = self[key] { return value }
    owner.sink.error(
      owner.location, "\(what.english) has no '\(key)'", ja: "\(what.japanese) に '\(key)' がありません",
      hint: "add '\(key): …'", jaHint: "'\(key): …' を書き足してください")
    return nil
  }

  /// Reports keys this mapping does not know, naming the closest known one.
  public func rejectUnknownKeys(_ known: Set<String>) {
    for entry in entries where !known.contains(entry.key) {
      let near = closestMatch(entry.key, in: Array(known))
      let keys = known.sorted().joined(separator: ", ")
      owner.sink.warning(
        entry.keyNode.location, "unknown key '\(entry.key)' in \(what.english) is ignored",
        ja: "\(what.japanese) の知らないキー '\(entry.key)' は無視します",
        hint: near.map { "did you mean '\($0)'?" } ?? "known keys: \(keys)",
        jaHint: near.map { "'\($0)' のことですか？" } ?? "使えるキー: \(keys)")
    }
  }
}

/// The hint for a word that is none of `candidates`: "did you mean 'ahead'?" where one is near
/// enough, else what the candidates are (`list`, `jaList`).
public func didYouMean(
  _ word: String, in candidates: [String], list: String, jaList: String
) -> (hint: String, jaHint: String) {
  guard let near = closestMatch(word, in: candidates) else { return (list, jaList) }
  return ("did you mean '\(near)'? (\(list))", "'\(near)' のことですか？（\(jaList)）")
}

/// The candidate nearest to a misspelt word, if one is near enough to suggest.
public func closestMatch(_ word: String, in candidates: [String]) -> String? {
  let best = candidates.sorted().min { editDistance($0, word) < editDistance($1, word) }
  guard let best, editDistance(best, word) <= max(2, word.count / 3) else { return nil }
  return best
}

func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}

/// Reads one file as UTF-8 text, reporting a missing file, one that is not a regular file, a
/// file over the size limit, or a byte that is not UTF-8 (with its offset).
public func readTextFile(_ url: URL, displayName: String, sizeLimit: Int, sink: DiagnosticSink)
  -> String?
{
  guard
    let read = DataFile.read(url.path, displayName: displayName, sizeLimit: sizeLimit, sink: sink)
  else { return nil }
  var bytes = read[...]
  if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
  if let text = String(validating: bytes, as: UTF8.self) { return text }
  let offset = firstInvalidUTF8Offset(bytes)
  let line = read[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  sink.error(
    SourceLocation(file: displayName, line: line), "byte \(offset) is not valid UTF-8",
    ja: "\(offset) バイト目が UTF-8 として正しくありません", hint: "save the file as UTF-8",
    jaHint: "UTF-8 で保存してください")
  return nil
}

/// The index (in the file's bytes, whose slices share its indices) of the first byte that is
/// not valid UTF-8; the end when every byte is.
func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
  var parser = Unicode.UTF8.ForwardParser()
  var iterator = bytes.makeIterator()
  var offset = bytes.startIndex
  while true {
    switch parser.parseScalar(from: &iterator) {
    case .valid(let encoded):
      offset += encoded.count
    case .emptyInput:
      return offset
    case .error:
      return offset
    }
  }
}

/// Parses one YAML document, turning libyaml's errors into diagnostics with line and column.
public func parseYAML(_ text: String, file: String, sink: DiagnosticSink) -> YAMLNode? {
  do {
    guard let node = try composeYAML(text) else {
      sink.error(
        SourceLocation(file: file, line: 1, column: 1), "the file is empty", ja: "ファイルが空です")
      return nil
    }
    return YAMLNode(node: node, file: file, sink: sink)
  } catch {
    let (location, message, japanese) = yamlProblem(error, text: text, file: file)
    sink.error(location, "YAML: " + message, ja: "YAML の書き方の誤り: " + japanese)
    return nil
  }
}

/// libyaml's commonest problems in Japanese; others are shown as libyaml words them.
let yamlProblemsInJapanese: [String: String] = [
  "mapping values are not allowed in this context": "ここには「キー: 値」を書けません",
  "did not find expected key": "キーがあるはずの所にありません",
  "could not find expected ':'": "「:」があるはずの所にありません",
  "did not find expected '-' indicator": "「- 」があるはずの所にありません",
  "did not find expected node content": "値があるはずの所にありません",
  "found character that cannot start any token": "値を始められない文字があります",
  "found unexpected end of stream": "文書が途中で終わっています",
  "found undefined alias": "定義されていない別名（*…）があります",
  "found a tab character that violates indentation": "字下げにタブ文字があります",
  "found unknown escape character": "知らないエスケープ文字があります",
  "block sequence entries are not allowed in this context": "ここには「- 」の項目を書けません",
  "found a tab character where an indentation space is expected": "字下げの空白の所にタブ文字があります",
  "did not find expected comment or line break": "値のあとに余計な文字があります",
  "found unexpected ':'": "思わぬ所に「:」があります",
  "control characters are not allowed": "制御文字は書けません",
]

/// Where a YAML error is and what it says (in English and in Japanese), in one line: never the
/// file's text.
func yamlProblem(_ error: YAMLProblem, text: String, file: String) -> (
  SourceLocation, String, String
) {
  switch error {
  case .syntax(let context, let problem, let line, let column):
    let contextText =
      context.map { " (\($0.text) at line \($0.line), column \($0.column))" } ?? ""
    let japanese =
      (yamlProblemsInJapanese[problem] ?? "libyaml: \(problem)")
      + (context.map { "（\($0.line) 行 \($0.column) 列からの続き）" } ?? "")
    return (SourceLocation(file: file, line: line, column: column), problem + contextText, japanese)
  case .duplicateKeys(let duplicates, let line, let column):
    // The mark is the first of the keys; the place to fix is the second.
    let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
    let place =
      duplicates.lazy.compactMap { secondKey($0, afterLine: line, column: column, in: text) }.first
      ?? (line, column)
    return (
      SourceLocation(file: file, line: place.line, column: place.column),
      "duplicate key \(names) (first at line \(line), column \(column)); remove or rename one",
      "キー \(names) が二度あります（一つ目は \(line) 行 \(column) 列）。どちらかを消すか名前を変えてください"
    )
  case .reader(let problem, let offset):
    let japanese = yamlProblemsInJapanese[problem] ?? "libyaml: \(problem)"
    let before = text.utf8.prefix(offset)
    let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    let lineStart = before.lastIndex(of: 0x0A).map { before.index(after: $0) } ?? before.startIndex
    let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
    return (SourceLocation(file: file, line: line, column: column), problem, japanese)
  case .outOfMemory:
    return (
      SourceLocation(file: file, line: 1, column: 1), "libyaml ran out of memory",
      "libyaml のメモリが足りません"
    )
  }
}

/// Where `key` is written as a key again, after its first place: a later line that has it at
/// the same column (the same mapping's indentation), plain or quoted, before a colon.
private func secondKey(_ key: String, afterLine keyLine: Int, column: Int, in text: String)
  -> (line: Int, column: Int)?
{
  let spellings = [key, "\"\(key)\"", "'\(key)'"]
  for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
  where index + 1 > keyLine {
    let scalars = line.unicodeScalars
    guard scalars.count >= column else { continue }
    let rest = Substring(scalars.dropFirst(column - 1))
    let indent = scalars.prefix(column - 1)
    guard indent.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
    for spelling in spellings where rest.hasPrefix(spelling) {
      let after = rest.dropFirst(spelling.count).drop { $0 == " " }
      if after.hasPrefix(":") { return (index + 1, column) }
    }
  }
  return nil
}

/// An error's description cut to its first line, and to 200 characters.
func firstLine(of error: any Error) -> String {
  let text = String(describing: error)
  let line = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
  return line.count > 200 ? String(line.prefix(200)) + "…" : line
}
