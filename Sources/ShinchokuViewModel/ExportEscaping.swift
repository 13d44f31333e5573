import ShinchokuCore
import TerminalText

/// The escaping of every text an export writes, per format; the writers call it for each
/// piece of data they put in a document, so that the format's own rules and the terminal's
/// safety are kept in one place.
///
/// - md and txt: controls replaced by the screen's placeholders (ESC → `^[`, C1 → `<U+009B>`,
///   bidi controls → `<U+202E>`), the record named in `warnings`.
/// - csv: the same replacement, then a cell beginning with `=`, `+`, `-`, `@`, TAB or CR gets a
///   `'` in front (OWASP's advice against formula injection: a spreadsheet shows it as text
///   instead of running it), then RFC 4180 quoting.
/// - ics: the same replacement (RFC 5545 TEXT allows no controls), then RFC 5545 TEXT
///   escaping (`\\`, `\;`, `\,`, line breaks as `\n`).
/// - html: the same replacement, then `&`, `<`, `>`, `"` and `'` as character references, so
///   that data is only ever text in the page (in an element or an attribute).
/// - json needs none of it: `jsonText` escapes every control as `\u00XX`.
public final class ExportEscaper {
  /// The records whose text had a control replaced, in the order met (at most `namedLimit`).
  public private(set) var replacedRecords: [String] = []
  /// How many records had a control replaced.
  public private(set) var replacedCount = 0
  static let namedLimit = 10
  private var seen = Set<String>()

  public init() {}

  /// `text` of `record` with its controls replaced (line breaks kept when asked: a
  /// multi-line text in md or txt), the record noted when anything was.
  public func text(_ text: String, record: String, keepingLineBreaks: Bool = false) -> String {
    let safe = sanitizedControls(text, keepingLineBreaks: keepingLineBreaks)
    // A line break made one (CRLF to LF, or to a space) is not a control replaced.
    if safe != text, containsControls(text) { note(record) }
    return safe
  }

  /// Text for a cell of a Markdown table: `text`, with `|` escaped so it stays in its cell.
  public func markdownCell(_ text: String, record: String) -> String {
    self.text(text, record: record).replacingOccurrences(of: "|", with: "\\|")
  }

  /// A CSV cell (RFC 4180) holding `text` of `record`, safe from formula injection.
  public func csvCell(_ text: String, record: String) -> String {
    var cell = self.text(text, record: record, keepingLineBreaks: true)
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      cell = "'" + cell
    }
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return cell
    }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// RFC 5545 TEXT holding `text` of `record`: backslash, semicolon and comma escaped, line
  /// breaks as `\n`, controls replaced.
  public func icsText(_ text: String, record: String) -> String {
    replacing(text, record: record) { character in
      switch character {
      case "\\": "\\\\"
      case ";": "\\;"
      case ",": "\\,"
      case "\n", "\r\n", "\r": "\\n"
      default: nil
      }
    }
  }

  /// HTML text holding `text` of `record` (safe in an element and in a quoted attribute):
  /// controls replaced, markup characters as references.
  public func htmlText(_ text: String, record: String) -> String {
    replacing(text, record: record) { character in
      switch character {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      default: nil
      }
    }
  }

  /// `text` of `record` with its controls replaced (line breaks kept), then each character
  /// that `escape` gives a replacement for replaced by it.
  private func replacing(
    _ text: String, record: String, _ escape: (Character) -> String?
  ) -> String {
    var out = ""
    for character in self.text(text, record: record, keepingLineBreaks: true) {
      if let replacement = escape(character) {
        out += replacement
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// One line per export for standard error, naming the records whose text was changed;
  /// nil when none was.
  public func warning(format: ExportFormat, language: Language = .english) -> String? {
    guard replacedCount > 0 else { return nil }
    let more = replacedCount - replacedRecords.count
    if language == .japanese {
      return "shinchoku: 警告: \(format.rawValue) の書き出しで、\(replacedRecords.joined(separator: ", "))"
        + (more > 0 ? " ほか \(more) 件" : "")
        + " の制御文字（エスケープシーケンス）を代わりの記号に置き換えました"
    }
    return "shinchoku: warning: control characters (escape sequences) replaced by placeholders "
      + "in the \(format.rawValue) export, in \(replacedRecords.joined(separator: ", "))"
      + (more > 0 ? " and \(more) more" : "")
  }

  private func note(_ record: String) {
    guard seen.insert(record).inserted else { return }
    replacedCount += 1
    if replacedRecords.count < Self.namedLimit { replacedRecords.append(record) }
  }
}
