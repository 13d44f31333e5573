import CYaml

/// One YAML value as the data files need it: text (and whether it was written plain, so `~`
/// can mean "not given"), a list or a mapping, with the line and column it starts at.
///
/// It is composed straight from libyaml's events (the C library inside the Yams package).
/// Yams' own tree gives each node a tag, resolver and constructor object, decodes every
/// scalar through Foundation and hashes every mapping's keys once more; on a 100 KB
/// `programmes.yaml` that took ≈19 ms of the first frame's 50. This tree keeps only what the
/// readers ask, and reports the same problems with the same words (libyaml's own, a duplicate
/// key, an undefined alias, a second document).
public struct YAMLValue: Sendable {
  public enum Content: Sendable {
    case scalar(String, isPlain: Bool)
    case sequence([YAMLValue])
    case mapping([(key: YAMLValue, value: YAMLValue)])
  }

  public let content: Content
  /// From 1, as libyaml counts them (the column in characters).
  public let line: Int
  public let column: Int
}

/// Why a document could not be composed: libyaml's report, or the composer's own.
enum YAMLProblem: Error {
  /// libyaml's scanner, parser or composer stage: what it was doing (`context`), the problem,
  /// and where.
  case syntax(
    context: (text: String, line: Int, column: Int)?, problem: String, line: Int, column: Int)
  /// A byte libyaml's reader refused, at this byte offset in the text.
  case reader(problem: String, offset: Int)
  /// Keys written twice in one mapping; where the mapping's first such key is.
  case duplicateKeys([String], line: Int, column: Int)
  case outOfMemory
}

/// Composes the one document of `text`; nil when the stream holds none.
func composeYAML(_ text: String) throws(YAMLProblem) -> YAMLValue? {
  var text = text
  let result: Result<YAMLValue?, YAMLProblem> = text.withUTF8 { bytes in
    var composer = YAMLComposer()
    defer { composer.close() }
    do throws(YAMLProblem) {
      return .success(try composer.document(bytes))
    } catch {
      return .failure(error)
    }
  }
  return try result.get()
}

private struct YAMLComposer {
  private var parser = yaml_parser_t()
  private var anchors: [String: YAMLValue] = [:]

  init() {
    yaml_parser_initialize(&parser)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
  }

  mutating func close() { yaml_parser_delete(&parser) }

  mutating func document(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLProblem) -> YAMLValue? {
    yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    var event = try next()  // the stream's start
    yaml_event_delete(&event)
    event = try next()
    defer { yaml_event_delete(&event) }
    guard event.type == YAML_DOCUMENT_START_EVENT else { return nil }
    var first = try next()
    let root = try node(&first)
    var end = try next()  // the document's end
    yaml_event_delete(&end)
    var after = try next()
    defer { yaml_event_delete(&after) }
    if after.type != YAML_STREAM_END_EVENT {
      throw .syntax(
        context: ("expected a single document in the stream", 1, 1),
        problem: "but found another document", line: after.start_mark.line + 1,
        column: after.start_mark.column + 1)
    }
    return root
  }

  private mutating func next() throws(YAMLProblem) -> yaml_event_t {
    var event = yaml_event_t()
    guard yaml_parser_parse(&parser, &event) == 1 else { throw problem() }
    return event
  }

  /// The node that `event` starts (and deletes it).
  private mutating func node(_ event: inout yaml_event_t) throws(YAMLProblem) -> YAMLValue {
    defer { yaml_event_delete(&event) }
    let line = event.start_mark.line + 1
    let column = event.start_mark.column + 1
    switch event.type {
    case YAML_ALIAS_EVENT:
      guard let name = cString(event.data.alias.anchor), let value = anchors[name] else {
        throw .syntax(context: nil, problem: "found undefined alias", line: line, column: column)
      }
      return value
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text = String(
        decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
      let value = YAMLValue(
        content: .scalar(text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line,
        column: column)
      remember(value, as: cString(scalar.anchor))
      return value
    case YAML_SEQUENCE_START_EVENT:
      let anchor = cString(event.data.sequence_start.anchor)
      var items: [YAMLValue] = []
      while var item = try next(unless: YAML_SEQUENCE_END_EVENT) {
        items.append(try node(&item))
      }
      let value = YAMLValue(content: .sequence(items), line: line, column: column)
      remember(value, as: anchor)
      return value
    case YAML_MAPPING_START_EVENT:
      let anchor = cString(event.data.mapping_start.anchor)
      var pairs: [(key: YAMLValue, value: YAMLValue)] = []
      var keys: [String: Int] = [:]
      var duplicates: [String] = []
      while var keyEvent = try next(unless: YAML_MAPPING_END_EVENT) {
        let key = try node(&keyEvent)
        var valueEvent = try next()
        let value = try node(&valueEvent)
        if case .scalar(let name, _) = key.content {
          if keys[name] != nil {
            if !duplicates.contains(name) { duplicates.append(name) }
          } else {
            keys[name] = pairs.count
          }
        }
        pairs.append((key, value))
      }
      if !duplicates.isEmpty {
        // Reported at the first of them in the key order (the spelling Yams reported).
        let sorted = duplicates.sorted()
        let first = pairs[keys[sorted[0]]!].key
        throw .duplicateKeys(sorted, line: first.line, column: first.column)
      }
      let value = YAMLValue(content: .mapping(pairs), line: line, column: column)
      remember(value, as: anchor)
      return value
    default:
      throw .syntax(
        context: nil, problem: "did not find expected node content", line: line, column: column)
    }
  }

  /// The next event, or nil (and the event deleted) when it is the `end` of a list or mapping.
  private mutating func next(unless end: yaml_event_type_t) throws(YAMLProblem) -> yaml_event_t? {
    var event = try next()
    guard event.type == end else { return event }
    yaml_event_delete(&event)
    return nil
  }

  private mutating func remember(_ value: YAMLValue, as anchor: String?) {
    if let anchor { anchors[anchor] = value }
  }

  private func cString(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// libyaml's error, in the stage it came from.
  private func problem() -> YAMLProblem {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return .outOfMemory
    case YAML_READER_ERROR:
      return .reader(problem: problem, offset: parser.problem_offset)
    default:
      let context = parser.context.map {
        (String(cString: $0), parser.context_mark.line + 1, parser.context_mark.column + 1)
      }
      return .syntax(
        context: context, problem: problem, line: parser.problem_mark.line + 1,
        column: parser.problem_mark.column + 1)
    }
  }
}
