import ArgumentParser
import Foundation
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import TerminalText

/// The release, as `--version` prints it and `make deb` names the package.
let shinchokuVersion = "0.1.0"

/// `shinchoku --version`: the release and the git commit it was built from (`buildCommit`,
/// written at build time by the BuildCommit plugin; `unknown` when not built from git).
let versionText = "shinchoku \(shinchokuVersion) (commit \(buildCommit))"

// Every option that takes one of a few values is an enumeration: `--help` lists the values,
// the completion scripts offer them, and a wrong value is refused by the parser with the list.

extension Language: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
extension CSVEncoding: ExpressibleByArgument {}

/// `--audience` of `export calendar`: the audience filters other than "all".
enum AudienceChoice: String, CaseIterable, ExpressibleByArgument {
  case children, adults

  var filter: AudienceFilter {
    switch self {
    case .children: .children
    case .adults: .adults
    }
  }
}

/// The `--format` values of one export: each export's own list, named by `ExportFormat`'s.
protocol ExportFormatChoice: RawRepresentable<String>, CaseIterable, ExpressibleByArgument {}

extension ExportFormatChoice {
  var format: ExportFormat {
    guard let format = ExportFormat(rawValue: rawValue) else {
      preconditionFailure("\(rawValue) is not an ExportFormat")
    }
    return format
  }
}

enum MatrixFormat: String, ExportFormatChoice { case json, csv, md }
enum CommentsFormat: String, ExportFormatChoice { case json, md, txt }
enum CalendarFormat: String, ExportFormatChoice { case json, csv, ics }
enum SlidesFormat: String, ExportFormatChoice { case html, md }

/// `--color` of the dashboard, `present` and `themes`.
struct ColorOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "auto: NO_COLOR が空でない値に設定されていれば色なし、そうでなければ色あり（出力を印刷するコマンドは端末へのときだけ）。always: NO_COLOR があっても色あり。never: 属性だけ。",
        english: """
          auto: colour unless NO_COLOR is set and not empty (and, for printed output, only to a \
          terminal); always: colour even with NO_COLOR; never: attributes only.
          """)))
  var color: ColorChoice = .auto
}

/// How a CSV export is written: UTF-8 with a byte order mark (the default: Excel then reads
/// it as UTF-8), UTF-8 without one (`--no-bom`), or CP932 (`--encoding cp932`).
struct CSVOutputOptions: ParsableArguments {
  @Flag(
    inversion: .prefixedNo,
    help: ArgumentHelp(
      CLI.say(
        "CSV: UTF-8 の先頭に BOM を付ける。Excel が読むのに必要（既定: 付ける）。",
        english:
          "CSV: start UTF-8 with a byte order mark, which Excel needs to read it (default: on).")))
  var bom: Bool?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "CSV: 文字コード（cp932: 日本語版 Windows が書く Shift_JIS。既定: utf-8）。",
        english:
          "CSV: the encoding (cp932: Shift_JIS as Japanese Windows writes it; default: utf-8).")))
  var encoding: CSVEncoding?

  /// Checks the options against the export's format (they are for CSV only).
  func writer(for format: ExportFormat) throws -> CSVWriter? {
    guard format == .csv else {
      if bom != nil || encoding != nil {
        throw ValidationError(
          CLI.say(
            "--bom、--no-bom、--encoding は --format csv のためのものです",
            english: "--bom, --no-bom and --encoding are for --format csv"))
      }
      return nil
    }
    let encoding = encoding ?? .utf8
    if encoding == .cp932, bom == true {
      throw ValidationError(
        CLI.say(
          "--bom は UTF-8 のためのものです。CP932 にはバイト順マークがありません",
          english: "--bom is for UTF-8; CP932 has no byte order mark"))
    }
    return try CSVWriter(
      encoding: encoding, byteOrderMark: encoding == .utf8 && bom != false,
      output: writeToStandardOutput)
  }
}

/// Writes an export: `body` hands its text over piece by piece; CSV goes through the
/// `CSVWriter` (BOM, CP932), everything else to standard output as it is. A character CP932
/// cannot write stops the export with the row and column, and nothing is written.
/// Either way the text passes the output's last guard (`sanitizedForOutput`) first.
func writeExport(
  _ format: ExportFormat, with writer: CSVWriter?, _ body: (_ output: (String) -> Void) -> Void
) throws {
  guard let writer else {
    body { Output.standardOutput.write($0, .export(format)) }
    return
  }
  var failure: CSVEncodingError?
  body { text in
    guard failure == nil else { return }
    let safe = sanitizedForOutput(text, keepingTabs: true, keepingCRLF: false)
    do throws(CSVEncodingError) { try writer.write(safe) } catch { failure = error }
  }
  if let failure {
    printError("shinchoku: \(failure.text(CLI.language))")
    throw ExitCode(1)
  }
  writer.finish()
}

/// Bytes to standard output (a CSV export writes nothing else there).
func writeToStandardOutput(_ bytes: [UInt8]) {
  try? FileHandle.standardOutput.write(contentsOf: bytes)
}

let dataHelp = ArgumentHelp(
  CLI.say(
    "データフォルダー（既定: $SHINCHOKU_DATA、なければ ./Data、なければ $XDG_DATA_HOME/shinchoku/data）。",
    english:
      "The data folder (default: $SHINCHOKU_DATA, else ./Data, else $XDG_DATA_HOME/shinchoku/data)."
  ),
  valueName: "dir")

/// `--snapshot` of the commands that print one snapshot.
let snapshotHelp = ArgumentHelp(
  CLI.say(
    "時点、YYYY-MM-DD で（既定: データの既定の時点）。",
    english: "The snapshot, as YYYY-MM-DD (default: the data's default)."))

/// `--lang` of the commands that have no UI (`sample`, `validate`).
let messageLanguageHelp = ArgumentHelp(
  CLI.say(
    "メッセージの言語、ja か en（ほかのコマンドと同じ決め方）。",
    english: "Message language, ja or en (decided as for the other commands)."))

let themesHelp = ArgumentHelp(
  CLI.say(
    "テーマフォルダー（既定: $SHINCHOKU_THEMES、なければ ./Themes、$XDG_DATA_HOME/shinchoku/themes、$XDG_DATA_DIRS/shinchoku/themes、インストール先の PREFIX/share/shinchoku/themes のうち最初にあるもの）。",
    english: """
      The themes folder (default: $SHINCHOKU_THEMES, else the first of ./Themes, \
      $XDG_DATA_HOME/shinchoku/themes, $XDG_DATA_DIRS/shinchoku/themes, and the install's \
      PREFIX/share/shinchoku/themes).
      """), valueName: "dir")

/// When no option or variable names the data folder and none of the places looked in is one:
/// where it was looked for.
func dataSearchHint() -> String? {
  let search = FolderSearch()
  guard search.named(.data) == nil, !FolderSearch.directoryExists(search.folder(.data)) else {
    return nil
  }
  let searched = search.searched(.data)
  return CLI.say(
    "shinchoku: データのフォルダが \(searched.joined(separator: " にも ")) にもありません。--data DIR か $SHINCHOKU_DATA で指定してください（`shinchoku sample --out DIR` で一式を書けます）",
    english: "shinchoku: no data folder in "
      + searched.joined(separator: " or ")
      + "; give one with --data DIR or $SHINCHOKU_DATA (`shinchoku sample --out DIR` writes one)")
}
