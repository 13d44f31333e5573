import Testing

@testable import ShinchokuCore

/// The YAML tree composed from libyaml's events: what the readers ask of it, and the problems
/// it reports (the others, with their places, are in InputIntegrityTests).
@Suite struct YAMLTreeTests {
  private func parsed(_ text: String) -> (node: YAMLNode?, sink: DiagnosticSink) {
    let sink = DiagnosticSink()
    return (parseYAML(text, file: "t.yaml", sink: sink), sink)
  }

  @Test func nullIsOnlyAPlainTildeNullOrNothing() throws {
    let text = "a: ~\nb: '~'\nc: null\nd: \"\"\ne:\nf: NULL\ng: \"null\"\nh: nil\n"
    let root = try #require(parsed(text).node?.mapping("t"))
    let nulls = root.entries.filter { $0.value.isNull }.map(\.key)
    #expect(nulls == ["a", "c", "e", "f"])
    #expect(root["b"]?.string("b") == "~")
    #expect(root["d"]?.string("d") == "")
  }

  @Test func placesCountLinesAndCharactersFromOne() throws {
    let root = try #require(parsed("名前: 値\nキー:\n  - 一\n  - 二つ目: 2\n").node?.mapping("t"))
    #expect(root.entries[0].keyNode.location.line == 1)
    #expect(root.entries[0].value.location.column == 5)
    let list = try #require(root["キー"]?.sequence("キー"))
    #expect(list.map(\.location.line) == [3, 4])
    #expect(list.map(\.location.column) == [5, 5])
    let inner = try #require(list[1].mapping("inner"))
    #expect(inner["二つ目"]?.location.column == 10)
  }

  @Test func anAliasIsTheAnchoredValue() throws {
    let root = try #require(parsed("x: &v [1, 2]\ny: *v\nz: &s text\nw: *s\n").node?.mapping("t"))
    #expect(root["y"]?.strings("y") == ["1", "2"])
    #expect(root["w"]?.string("w") == "text")
  }

  @Test func aScalarKeepsWhatItHolds() throws {
    let root = try #require(
      parsed("a: \"x\\0y\"\nb: |\n  two\n  lines\nc: 'it''s'\n").node?.mapping("t"))
    #expect(root["a"]?.string("a") == "x\u{0}y")
    #expect(root["b"]?.string("b") == "two\nlines\n")
    #expect(root["c"]?.string("c") == "it's")
  }

  @Test(arguments: [
    ("a: 1\n---\nb: 2\n", 2, 1, "but found another document"),
    ("'a': 1\nb: 2\na: 3\n", 3, 1, "duplicate key 'a' (first at line 1, column 1)"),
    ("a: x\u{7}y\n", 1, 5, "control characters are not allowed"),
    ("名前: [一, 二\n次: 3\n", 2, 2, "did not find expected ',' or ']'"),
  ])
  func aBrokenDocumentSaysWhereAndWhat(text: String, line: Int, column: Int, message: String)
    throws
  {
    let (node, sink) = parsed(text)
    #expect(node == nil)
    let error = try #require(sink.items.first)
    #expect(sink.items.count == 1)
    #expect(error.location.line == line && error.location.column == column, "\(error)")
    #expect(error.message.contains(message), "\(error.message)")
  }

  @Test func anEmptyStreamIsSaidToBeEmpty() throws {
    for text in ["", "# only a comment\n"] {
      let (node, sink) = parsed(text)
      #expect(node == nil)
      #expect(sink.items.map(\.message) == ["the file is empty"])
    }
  }

  @Test(arguments: [
    ("95.2", 95.2), ("1,200", 1200), ("１２", 12), ("　３．５ ", 3.5), ("\t-4\t", -4),
  ])
  func sheetNumbersReadAsWritten(text: String, value: Double) {
    #expect(sheetNumber(text) == value)
  }

  @Test(arguments: ["", " ", "1.2.3", "一", "inf", "1e999", ","])
  func notANumber(text: String) {
    #expect(sheetNumber(text) == nil)
  }
}
