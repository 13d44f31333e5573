import Foundation
import Testing

/// Python's html.parser over a page: its tags, attribute names, slide sections, headings,
/// text and style, as JSON.
private let parserScript = """
  import sys, json
  from html.parser import HTMLParser
  class P(HTMLParser):
      def __init__(s):
          super().__init__()
          s.tags, s.attrs, s.h2, s.text = [], [], [], []
          s.sections, s.asides, s.cur, s.style, s.instyle = 0, 0, None, '', False
      def handle_starttag(s, t, a):
          s.tags.append(t)
          s.attrs += [k for k, v in a]
          if t == 'section' and ('class', 'slide') in a: s.sections += 1
          if t == 'aside': s.asides += 1
          if t == 'h2': s.cur = ''
          if t == 'style': s.instyle = True
      def handle_endtag(s, t):
          if t == 'h2': s.h2.append(s.cur); s.cur = None
          if t == 'style': s.instyle = False
      def handle_data(s, d):
          if s.instyle: s.style += d; return
          if s.cur is not None: s.cur += d
          s.text.append(d)
  p = P()
  p.feed(open(sys.argv[1], encoding='utf-8').read())
  p.close()
  print(json.dumps({'tags': sorted(set(p.tags)), 'attrs': sorted(set(p.attrs)),
      'sections': p.sections, 'asides': p.asides, 'h2': p.h2, 'text': ''.join(p.text),
      'style': p.style}))
  """

private struct ParsedPage: Decodable {
  var tags: [String]
  var attrs: [String]
  var sections: Int
  var asides: Int
  var h2: [String]
  var text: String
  var style: String
}

/// The seed with markup in a comment, a slide's notes and the plan's title.
private func hostileFolder() throws -> String {
  let folder = NSTemporaryDirectory() + "shinchoku-handout-\(UUID().uuidString)"
  try FileManager.default.copyItem(atPath: repositoryRoot + "/Data", toPath: folder)
  let comments = folder + "/comments.yaml"
  let text = try String(contentsOfFile: comments, encoding: .utf8).replacingOccurrences(
    of: "text: 小平市をどのような都市にしていきたいのかを",
    with: "text: <script>alert(\"x\")</script> & 'q' <img src=http://example.invalid/x.png>")
  try text.write(toFile: comments, atomically: true, encoding: .utf8)
  let deck = folder + "/deck.yaml"
  let notes = try String(contentsOfFile: deck, encoding: .utf8).replacingOccurrences(
    of: "notes: 2012-03-31（平成23年度末）の表の数値は", with: "notes: <b>太字</b>&amp; の表の数値は")
  try notes.write(toFile: deck, atomically: true, encoding: .utf8)
  return folder
}

@Suite struct HandoutEndToEndTests {
  private func export(_ arguments: [String]) throws -> String {
    let result = try spawnAndWait(
      binaryPath,
      ["shinchoku", "export", "slides", "--themes", repositoryRoot + "/Themes"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  private func parse(_ html: String) throws -> ParsedPage {
    let path = NSTemporaryDirectory() + "shinchoku-handout-\(UUID().uuidString).html"
    try html.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try spawnAndWait("/usr/bin/env", ["env", "python3", "-c", parserScript, path])
    #expect(result.status == 0, "\(result.stderr)")
    return try JSONDecoder().decode(ParsedPage.self, from: Data(result.stdout.utf8))
  }

  @Test func theHTMLHandoutHasASectionPerSlideNoExternalFilesAndEscapesTheData() throws {
    let folder = try hostileFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let html = try export(["--data", folder, "--notes"])
    let page = try parse(html)
    // The bundled deck's 13 slides, each a section with its heading, in order.
    #expect(page.sections == 13)
    #expect(page.h2.count == 13)
    #expect(page.h2[1] == "進捗状況")
    #expect(page.h2[2] == "分野1 地域協働の推進")
    // Self-contained: no scripts, links, images or frames, nothing that names another file.
    #expect(
      Set(page.tags) == [
        "html", "head", "meta", "title", "style", "body", "section", "p", "h2", "aside", "h3",
      ],
      "\(page.tags)")
    #expect(Set(page.attrs).isSubset(of: ["lang", "charset", "class", "id"]), "\(page.attrs)")
    #expect(!page.style.contains("url("))
    #expect(!page.style.contains("@import"))
    #expect(page.style.contains("break-after: page"))
    // The data is text: the markup in it reads back as the characters it was.
    #expect(
      page.text.contains(
        "<script>alert(\"x\")</script> & 'q' <img src=http://example.invalid/x.png>"))
    #expect(page.text.contains("<b>太字</b>&amp; の表の数値は"))
    // The figures as text.
    #expect(page.text.contains("計 15+"))
    // The notes only when asked for: one per slide that has notes in deck.yaml.
    let deck = try String(contentsOfFile: folder + "/deck.yaml", encoding: .utf8)
    let noted = deck.split(separator: "\n").filter {
      $0.trimmingCharacters(in: .whitespaces).hasPrefix("notes:")
    }.count
    #expect(noted > 0)
    #expect(page.asides == noted)
    let without = try parse(try export(["--data", folder]))
    #expect(without.asides == 0)
    #expect(!without.text.contains("太字"))
  }

  @Test func theMarkdownHandoutIsTheSameForTheMinutes() throws {
    let markdown = try export(["--format", "md", "--data", repositoryRoot + "/Data"])
    let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(headings.count == 13)
    #expect(headings[2] == "## 3. 分野1 地域協働の推進")
    // The follow-up charts close the deck, as text: the trend's rows, the savings as printed.
    #expect(headings[11] == "## 12. 進捗の推移")
    #expect(headings[12] == "## 13. 効果額（百万円）")
    #expect(markdown.contains("約1百億円"))
    #expect(markdown.contains("計 15+"))
    #expect(!markdown.contains("**メモ**"))
    let withNotes = try export(["--format", "md", "--notes", "--data", repositoryRoot + "/Data"])
    #expect(withNotes.contains("> **メモ**"))
    #expect(withNotes.contains("委員会の意見2（地域協働の推進に係る15項目）から"))
  }
}
