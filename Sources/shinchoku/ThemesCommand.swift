import ArgumentParser
import Foundation
import ShinchokuCore
import ShinchokuRender

/// Lists the themes of the themes folder, each with a sample line drawn in it.
struct Themes: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: CLI.say(
      "テーマの一覧。それぞれ、その色で描いた見本の行つき。",
      english: "List the themes, each with a sample line drawn in its colours."),
    discussion: CLI.say(
      "色は、出力が端末のとき（--color auto）ANSI エスケープで送り、ダッシュボードと同じく端末の表せる色（TERM、COLORTERM）に合わせる。NO_COLOR（空でない値）があれば属性だけ。ただし --color always なら色あり。使っているテーマ（--theme、または設定ファイルの theme:）に * を付ける。",
      english: """
        Colours are sent as ANSI escapes when the output is a terminal (--color auto), mapped to \
        what the terminal shows (TERM, COLORTERM) the way the dashboard maps them; NO_COLOR (set \
        and not empty) leaves attributes only, unless --color always. The theme in use (--theme, or the config file's theme:) is marked *.
        """))

  @OptionGroup var options: CommonOptions

  @OptionGroup var color: ColorOption

  func run() throws {
    let choice = color.color
    let useEscapes = choice == .always || (choice == .auto && isatty(STDOUT_FILENO) == 1)
    var environment = ProcessInfo.processInfo.environment
    // --color always wins over NO_COLOR, as its name says.
    if choice == .always { environment["NO_COLOR"] = nil }
    var depth = colorDepth(environment: environment)
    if choice == .always, depth == .none {
      depth = .indexed256  // --color always without a usable TERM: the common case today
    }
    for warning in options.userConfig().warnings { printError(warning.text(CLI.language)) }
    let language = try options.language()
    let loader = ThemeLoader(directory: options.themesDirectory())
    let names = loader.availableThemes()
    if names.isEmpty {
      printError(
        CLI.say(
          "\(options.themesDirectory()): エラー: ここにテーマがありません（--themes DIR でフォルダを指定してください）",
          english:
            "\(options.themesDirectory()): error: no themes here (give a folder with --themes DIR)")
      )
      throw ExitCode(1)
    }
    let current = options.themeName
    let nameWidth = names.map(\.count).max() ?? 0
    for name in names {
      let (theme, diagnostics) = loader.load(name)
      let mark = name == current ? "*" : " "
      let padded = name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      if diagnostics.contains(where: { $0.severity == .error }) {
        Output.standardOutput.line(
          "\(mark) \(padded)  (" + (language == .japanese ? "読み込めません" : "cannot be read") + ")")
        for diagnostic in diagnostics {
          Output.standardOutput.line("    " + diagnostic.text(language))
        }
        continue
      }
      Output.standardOutput.line("\(mark) \(padded)  \(theme.description)")
      Output.standardOutput.line(
        "    "
          + themeSampleLine(
            theme, language: language, asciiOnly: options.asciiOnly,
            depth: useEscapes ? depth : nil), .styled)
    }
  }
}
