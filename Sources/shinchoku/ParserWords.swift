import Foundation
import TerminalText

/// swift-argument-parser's own words in Japanese: the headings of its help screens, its usage
/// lines and its error templates (the option texts are ours, chosen by `CLI.say` where they are
/// declared). ArgumentParser cannot be localised, so its text is asked for unwrapped, its words
/// are replaced here, and the result is wrapped again by display width with the Japanese line
/// breaker (ArgumentParser wraps by characters at spaces, which Japanese text does not have).
enum ParserWords {
  /// Each English template and its Japanese; `$1`, `$2` are the template's captures.
  static let templates: [(pattern: String, japanese: String)] = [
    (#"^OVERVIEW: "#, "概要: "),
    (#"^USAGE: "#, "使い方: "),
    (#"^OPTIONS:$"#, "オプション:"),
    (#"^ARGUMENTS:$"#, "引数:"),
    (#"^SUBCOMMANDS:$"#, "サブコマンド:"),
    (#"^  See '(.+)' for detailed help\.$"#, "  サブコマンドごとの説明: '$1'"),
    (#"Show subcommand help information\."#, "サブコマンドの説明を表示する。"),
    (#"Show help information\."#, "このヘルプを表示する。"),
    (#"Show the version\."#, "バージョンを表示する。"),
    (#" \(default: ([^)]*)\)"#, "（既定: $1）"),
    (#" \(values: ([^)]*)\)"#, "（値: $1）"),
    (#"(（値: [^）]*); default: "#, "$1、既定: "),
    // Two columns narrower: padded, so that the subcommands' texts stay in their column.
    (#"^(\s+\S+) \(default\)"#, "$1（既定）  "),
    (#"^Usage: "#, "使い方: "),
    (#"^  See '(.+)' for more information\.$"#, "  詳しい説明: '$1'"),
    (#"^Help:  "#, "説明:  "),
    (#"Missing expected argument '(.+)'"#, "引数 '$1' がありません"),
    (#"Missing one of: (.+)"#, "次のどれかが要ります: $1"),
    (#"Unknown option '(.+)'"#, "知らないオプションです: '$1'"),
    (#"Missing value for '(.+)'"#, "'$1' の値がありません"),
    (#"Unexpected argument '(.+)'"#, "余分な引数です: '$1'"),
    (#"(\d+) unexpected arguments: (.+)"#, "余分な引数が $1 個あります: $2"),
    (#"The value '(.*)' is invalid for '(.+?)'"#, "値 '$1' は '$2' に使えません"),
    (#"The value '(.*)' is invalid\."#, "値 '$1' は使えません。"),
    (#"\. Please provide one of the following:"#, "。次のどれかにしてください:"),
    (#"\. Please provide one of (.+)\."#, "。次のどれかにしてください: $1"),
    (#"(次のどれかにしてください: .*)' (?:or|and) '"#, "$1'、'"),
    (#"Missing required subcommand\."#, "サブコマンドが要ります。"),
    (
      #"The option '(.+)' does not take any value, but '(.*)' was specified\."#,
      "オプション '$1' は値を取りません（'$2' が指定されました）。"
    ),
    (#"Invalid option: (.+)"#, "正しくないオプションです: $1"),
    (#"^   or: "#, "   または: "),
  ]

  static let compiled: [(NSRegularExpression, String)] = templates.map { template in
    // The patterns are constants of this file: one that does not compile is a bug here.
    (try! NSRegularExpression(pattern: template.pattern), template.japanese)
  }

  /// `message` (ArgumentParser's, unwrapped) with its words in Japanese; a help screen's lines
  /// wrapped to `columns`: an option's or subcommand's text under its own column, a paragraph
  /// from its indent; usage lines are left whole, as ArgumentParser leaves them.
  static func japanese(_ message: String, columns: Int) -> String {
    // A help screen is wrapped, as ArgumentParser wraps it; an error keeps to its lines.
    let isHelp = message.hasPrefix("OVERVIEW: ") || message.hasPrefix("USAGE: ")
    return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = String(line)
      for (regex, japanese) in compiled {
        let range = NSRange(line.startIndex..., in: line)
        line = regex.stringByReplacingMatches(
          in: line, range: range, withTemplate: japanese)
      }
      return isHelp ? rewrapped(line, columns: columns) : line
    }.joined(separator: "\n")
  }

  /// A line wrapped to `columns` by display width, its continuation lines indented to its
  /// text's column (after the label of an option, or the line's own indent).
  static func rewrapped(_ line: String, columns: Int) -> String {
    guard displayWidth(line) > columns, !line.hasPrefix("使い方: ") else { return line }
    let indent: Int
    let label: String
    let text: String
    // An option's or a subcommand's line: its (ASCII) label, then its text from column 26.
    let characters = Array(line)
    if characters.count > Self.textColumn, line.hasPrefix("  "), characters[2] != " ",
      characters[Self.textColumn - 1] == " ", characters[Self.textColumn] != " "
    {
      label = String(characters[..<Self.textColumn])
      text = String(characters[Self.textColumn...])
      indent = displayWidth(label)
    } else {
      let spaces = line.prefix { $0 == " " }.count
      label = String(repeating: " ", count: spaces)
      text = String(line.dropFirst(spaces))
      indent = spaces
    }
    guard columns - indent >= 20 else { return line }
    let pad = String(repeating: " ", count: indent)
    return wrapped(text, width: columns - indent).enumerated().map { index, part in
      var part = part.text
      while part.last == " " { part.removeLast() }
      return (index == 0 ? label : pad) + part
    }.joined(separator: "\n")
  }

  /// The column ArgumentParser starts an option's text at.
  static let textColumn = 26

  /// The width ArgumentParser would wrap to: the terminal's on standard output, else 80.
  static var columns: Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    return 80
  }
}
