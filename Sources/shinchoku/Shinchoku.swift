import ArgumentParser
import CursesTerminal
import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel

@main
struct Shinchoku: ParsableCommand {
  // Every command names itself: a name derived from the type costs type-metadata lookups
  // on every start (they are most of ArgumentParser's time before the first frame).
  static let configuration = CommandConfiguration(
    commandName: "shinchoku",
    abstract: CLI.say(
      "進捗 — 市の行財政改革プランの進捗を追う端末ダッシュボード。",
      english: "進捗 — a terminal dashboard for a city's reform-plan follow-up."),
    discussion: CLI.say(
      "データフォルダーでダッシュボードを開く: 進捗状況の表、委員会の意見、催し。キーは中で ? を押すと出る。",
      english: """
        Opens the dashboard on the data folder: the progress matrix, the review committee's \
        comments and the events. Press ? inside for the keys.
        """),
    version: versionText,
    subcommands: [
      Open.self, Present.self, Dump.self, Export.self, Validate.self, SetStatus.self, Sample.self,
      Themes.self, ReportCommand.self,
    ],
    defaultSubcommand: Open.self
  )
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
  @Option(name: .long, help: dataHelp, completion: .directory)
  var data: String?

  @Option(name: .long, help: themesHelp, completion: .directory)
  var themes: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "テーマフォルダーのテーマ名、またはテーマファイルのパス（既定: 設定ファイルの theme:、なければ default）。",
        english:
          "A theme name from the themes folder, or a path to a theme file (default: the config file's theme:, or default)."
      ))
  )
  var theme: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "画面とメッセージの言語、ja か en（既定: 設定ファイルの lang:、なければ LC_ALL、LC_MESSAGES、LANG の順。英語でなければ日本語）。",
        english:
          "UI and message language, ja or en (default: the config file's lang:, else LC_ALL, LC_MESSAGES or LANG; Japanese unless English)."
      ))
  )
  var lang: Language?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say("画面の枠や記号を ASCII だけで描く。", english: "Draw the UI's chrome with ASCII symbols only.")))
  var ascii = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "表示する計画、plans.yaml の id で（既定: current と記された計画）。",
        english: "The plan to show, by its id in plans.yaml (default: the plan it marks current)."))
  )
  var plan: String?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "カーソルを表示する（選択の位置に置く）。点字ディスプレーや拡大鏡のため。",
        english: "Show the cursor (it rests on the selection), for braille displays and magnifiers."
      )))
  var cursor = false

  @OptionGroup var fileSize: FileSizeOption

  /// The data loader with the file size limit asked for.
  var dataLoader: DatasetLoader {
    fileSize.dataLoader
  }

  func dataDirectory() -> String {
    data ?? FolderSearch().folder(.data)
  }

  func themesDirectory() -> String {
    themes ?? FolderSearch().folder(.themes)
  }

  /// The language decided once for the run (`CLI.language`): `--lang` is part of it.
  func language() throws -> Language { lang ?? CLI.language }

  /// Loads the data, or prints every error (file:line:column) and exits 1.
  func loadDataset(with loader: DatasetLoader? = nil) throws -> Dataset {
    do {
      let loader = loader ?? dataLoader
      let directory = dataDirectory()
      return try StderrProgress.whileLoading { (progress) throws(DataLoadError) in
        try loader.load(directory: directory, plan: plan, progress: progress)
      }
    } catch {
      reportLoadFailure(error)
      throw ExitCode(1)
    }
  }

  /// Prints every error of a load (file:line:column), and where the data was looked for.
  func reportLoadFailure(_ error: DataLoadError) {
    printError(CLI.lines(error.diagnostics))
    if data == nil, let hint = dataSearchHint() { printError(hint) }
    let count = error.errors.count
    if error.diagnostics.count > 1 {
      printError(
        CLI.say(
          "shinchoku: \(dataDirectory()) にエラーが \(count) 件あります。直してからもう一度始めてください",
          english:
            "shinchoku: \(count) error\(count == 1 ? "" : "s") in \(dataDirectory()); fix them and start again"
        ))
    }
  }

  /// Loads the theme asked for. A broken theme falls back to `default` (and a broken default to
  /// the built-in theme) with the diagnostics as warnings; a themes folder named explicitly
  /// that does not exist is an error.
  func loadTheme() throws -> (Theme, [Diagnostic]) {
    let directory = themesDirectory()
    let theme = themeName
    var isDirectory: ObjCBool = false
    let exists =
      FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
      && isDirectory.boolValue
    let explicit = themes != nil || FolderSearch().named(.themes) != nil
    if !exists, explicit, !(theme.contains("/") || theme.hasSuffix(".yaml")) {
      throw FailureMessage(
        CLI.say(
          "\(directory): エラー: ここにテーマのフォルダがありません（--themes DIR で指定してください）",
          english: "\(directory): error: no themes folder here (give one with --themes DIR)"))
    }
    let loader = ThemeLoader(directory: directory)
    var (loaded, diagnostics) = loader.load(theme)
    if loaded.name == Theme.builtIn.name, theme != "default", exists {
      let fallback = loader.load("default")
      loaded = fallback.theme
      diagnostics += fallback.diagnostics
    }
    let warnings = diagnostics.map(\.asWarning)
    let configWarnings = userConfig().warnings
    if loaded.name == Theme.builtIn.name, !exists {
      return (
        loaded,
        configWarnings + [
          Diagnostic(
            .warning, SourceLocation(file: directory),
            "no themes folder; using the built-in theme", ja: "テーマのフォルダがないので、組み込みのテーマを使います",
            hint: "looked in " + FolderSearch().searched(.themes).joined(separator: ", "),
            jaHint: "探した所: " + FolderSearch().searched(.themes).joined(separator: ", "))
        ]
      )
    }
    return (loaded, configWarnings + warnings)
  }
}

/// Opens the dashboard in the terminal.
struct Open: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "open",
    abstract: CLI.say("ダッシュボードを開く（既定のコマンド）。", english: "Open the dashboard (the default command)."))

  @OptionGroup var options: CommonOptions

  @OptionGroup var color: ColorOption

  @Flag(name: .long, help: ArgumentHelp(visibility: .private))
  var crashAfterFirstFrame = false

  func run() throws {
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
      printError(
        CLI.say(
          "shinchoku: 端末ではありません。文字で出すには `shinchoku dump --size 80x24` を使います（`shinchoku --help` を参照）",
          english:
            "shinchoku: not a terminal; for text output use `shinchoku dump --size 80x24` (see `shinchoku --help`)"
        ))
      throw ExitCode(2)
    }
    try options.runDashboard(
      startsPresenting: false, color: color.color, crashAfterFirstFrame: crashAfterFirstFrame)
  }
}

/// Prints the first screen as plain text, without a terminal.
struct Dump: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: CLI.say(
      "ダッシュボードの最初の画面をプレーンテキストで出力する（端末は要らない）。",
      english: "Print the dashboard's first screen as plain text (no terminal needed)."))

  @OptionGroup var options: CommonOptions

  @Option(
    name: .long,
    help: ArgumentHelp(CLI.say("画面の大きさ、桁数x行数で。", english: "The screen size as COLUMNSxROWS.")))
  var size: String = "80x24"

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "表示する時点、YYYY-MM-DD で（既定: データの既定の時点）。",
        english: "The snapshot to show, as YYYY-MM-DD (default: the data's default).")))
  var snapshot: String?

  func run() throws {
    let parts = size.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]), width > 0,
      height > 0,
      width <= 1000, height <= 1000
    else {
      throw ValidationError(
        CLI.say(
          "--size は 80x24 のように 列数x行数 で書きます（'\(size)' ではなく）",
          english: "--size must be COLUMNSxROWS, e.g. 80x24, not '\(size)'"))
    }
    let dataset = try options.loadDataset()
    var state = AppState(
      dataset: dataset, language: try options.language(), width: width, height: height,
      today: .today(),
      asciiOnly: options.asciiOnly)
    state.snapshotIndex = try snapshotIndex(snapshot, in: dataset)
    let (theme, themeWarnings) = try options.loadTheme()
    state.startupWarnings = themeWarnings
    Output.standardOutput.line(render(state, theme: theme).text)
    // For shinchoku-bench: this process's peak RSS, which its parent cannot read reliably (a
    // spawned child's ru_maxrss starts from the parent's).
    if let path = ProcessInfo.processInfo.environment["SHINCHOKU_BENCH_HWM_FILE"],
      let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    {
      try? Data(line.utf8).write(to: URL(fileURLWithPath: path))
    }
  }
}

/// Writes a synthetic data set.
struct Sample: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: CLI.say(
      "完全で正しい架空のデータ一式（架空と明記したもの）を書き出す。デモとベンチマーク用。",
      english:
        "Write a complete, valid, synthetic data set (labelled as such) for demos and benchmarks."))

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "書き出すフォルダー（なければ作る。既にあるデータファイルは上書きしない）。",
        english:
          "The folder to write (created if missing; existing data files are not overwritten).")))
  var out: String

  /// The most of each a sample may have: enough for every benchmark (10 M events: ≈1.1 GB),
  /// and what the loader's default file size limits read (a sample folder is for opening).
  static let maxProgrammes = 200_000
  static let maxEvents = 10_000_000
  static let maxSnapshots = 100

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "事業の件数（0 から \(Sample.maxProgrammes) まで）。",
        english: "Programme records (0 to \(Sample.maxProgrammes)).")))
  var programmes: Int = 60

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say("催しの件数（0 から \(Sample.maxEvents) まで）。", english: "Events (0 to \(Sample.maxEvents))."))
  )
  var events: Int = 300

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "時点の数、2012-03-31 から半年ごと（1 から \(Sample.maxSnapshots) まで）。",
        english:
          "Progress snapshots, every six months from 2012-03-31 (1 to \(Sample.maxSnapshots)).")))
  var snapshots: Int = 4

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "乱数の種: 同じ種からは同じファイルができる。", english: "The random seed: the same seed gives the same files."))
  )
  var seed: UInt64 = 1

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say("フォルダーに既にあるデータファイルを置き換える。", english: "Replace data files already in the folder.")))
  var force = false

  @Option(
    name: .long,
    help: messageLanguageHelp)
  var lang: Language?

  func validate() throws {
    guard (0...Sample.maxProgrammes).contains(programmes) else {
      throw ValidationError(
        CLI.say(
          "--programmes は 0 から \(Sample.maxProgrammes) までです（\(programmes) ではなく）",
          english: "--programmes must be from 0 to \(Sample.maxProgrammes), not \(programmes)"))
    }
    guard (0...Sample.maxEvents).contains(events) else {
      throw ValidationError(
        CLI.say(
          "--events は 0 から \(Sample.maxEvents) までです（\(events) ではなく）",
          english: "--events must be from 0 to \(Sample.maxEvents), not \(events)"))
    }
    guard (1...Sample.maxSnapshots).contains(snapshots) else {
      throw ValidationError(
        CLI.say(
          "--snapshots は 1 から \(Sample.maxSnapshots) までです（\(snapshots) ではなく）",
          english: "--snapshots must be from 1 to \(Sample.maxSnapshots), not \(snapshots)"))
    }
  }

  func run() throws {
    let sample = SampleDataSet(
      programmes: programmes, events: events, snapshots: snapshots, seed: seed)
    let files = sample.files()
    let manager = FileManager.default
    let existing = files.keys.filter {
      manager.fileExists(atPath: (out as NSString).appendingPathComponent($0))
    }
    if !existing.isEmpty, !force {
      printError(
        CLI.say(
          "shinchoku: \(out) にはもう \(existing.sorted().joined(separator: ", ")) があります。置き換えるには --force を付けます",
          english:
            "shinchoku: \(out) already has \(existing.sorted().joined(separator: ", ")); use --force to replace"
        ))
      throw ExitCode(1)
    }
    try sample.write(into: out, files: files)
    Output.standardOutput.line(
      CLI.say(
        "架空のデータ一式を \(out) に書きました: 事業 \(programmes) 件、催し \(events) 件、時点 \(snapshots) 個（シード \(seed)）",
        english:
          "wrote a synthetic data set to \(out): \(programmes) programmes, \(events) events, \(snapshots) snapshots (seed \(seed))"
      ))
  }
}

/// Prints what a view shows, for other programs and for meeting minutes.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: CLI.say(
      "ダッシュボードの内容を JSON、CSV、Markdown、HTML で出力する。",
      english: "Print what the dashboard shows as JSON, CSV, Markdown or HTML."),
    subcommands: [
      ExportMatrix.self, ExportComments.self, ExportCalendar.self, ExportSlides.self,
      ExportSavings.self, ExportTrend.self,
    ])
}

struct ExportMatrix: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: CLI.say(
      "ある時点の進捗状況の表: 件数（不明は null）、合計、変化。",
      english: "The progress matrix of a snapshot: counts, unknowns as null, totals, changes."))

  @OptionGroup var options: CommonOptions

  @Option(
    name: .long,
    help: snapshotHelp)
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "出力の形式（md: 会議録に貼る表）。", english: "The output's format (md: a table for meeting minutes).")))
  var format: MatrixFormat = .json

  @OptionGroup var csv: CSVOutputOptions

  func run() throws {
    let format = self.format.format
    let writer = try csv.writer(for: format)
    let dataset = try options.loadDataset()
    let index = try snapshotIndex(snapshot, in: dataset)
    let view = MatrixView(
      dataset: dataset, snapshotIndex: index, language: try options.language(),
      asciiOnly: options.asciiOnly)
    let escaper = ExportEscaper()
    let text =
      MatrixExport.text(
        view, dataset: dataset, format: format, language: try options.language(), escaper: escaper)
      ?? ""
    try writeExport(format, with: writer) { $0(text) }
    escaper.warning(format: format, language: CLI.language).map(printError)
  }
}

struct ExportComments: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "comments",
    abstract: CLI.say(
      "委員会の意見を、番号、分野、会議とともに。",
      english: "The committee's comments with their numbers, areas and meeting."))

  @OptionGroup var options: CommonOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say("出力の形式（md: 会議録向け）。", english: "The output's format (md: for meeting minutes).")))
  var format: CommentsFormat = .md

  func run() throws {
    let format = self.format.format
    let dataset = try options.loadDataset()
    let escaper = ExportEscaper()
    Output.standardOutput.write(
      CommentsExport.text(
        dataset, format: format, language: try options.language(), escaper: escaper) ?? "",
      .export(format))
    escaper.warning(format: format, language: CLI.language).map(printError)
  }
}

struct ExportCalendar: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar",
    abstract: CLI.say(
      "期間の日付（曜日、祝日）と、そのうちの催しで絞り込みに合うもの。",
      english:
        "The days of a date range (weekday, holiday) and the events in it that pass the filters."),
    discussion: CLI.say(
      "絞り込みは催しペインと同じ: --category（繰り返せる。どれかに合えばよい）、--free（無料で参加できる催し）、--audience、--search（題名、副題、会場、備考。ひらがなとカタカナ、全角と半角は区別しない）。ICS は催し 1 つに 1 件で、時刻で始まる催し（13:00、13:00〜15:30）は Asia/Tokyo のその時刻、ほかは終日。日付のない催しは JSON（undated_events）にだけ出る。CSV は、--no-bom でなければ BOM 付きの UTF-8、--encoding cp932 なら CP932。",
      english: """
        The filters are the events pane's: --category (repeatable: any of them), --free (events \
        someone can attend for free), --audience, --search (title, subtitle, venues and notes; \
        hiragana and katakana, full and half width are not told apart). ICS has one event per \
        event, at its time in Asia/Tokyo when its time starts with one (13:00, 13:00〜15:30), \
        else all-day; undated events appear only in JSON (undated_events). CSV is UTF-8 with a \
        byte order mark unless --no-bom, or CP932 with --encoding cp932.
        """))

  @OptionGroup var options: CommonOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "最初の日、2012-07-01（または 平成24年7月1日）のように。",
        english: "The first day, as 2012-07-01 (or 平成24年7月1日).")))
  var from: String

  @Option(
    name: .long,
    help: ArgumentHelp(CLI.say("最後の日、2012-08-31 のように。", english: "The last day, as 2012-08-31.")))
  var to: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "出力の形式（ics: カレンダーのソフト向け）。", english: "The output's format (ics: for calendar programs).")))
  var format: CalendarFormat = .json

  @OptionGroup var csv: CSVOutputOptions

  @OptionGroup var filters: EventFilterOptions

  func run() throws {
    let format = self.format.format
    let writer = try csv.writer(for: format)
    let (first, last) = try dayRange(from: from, to: to, today: CivilDate.today())
    let dataset = try options.loadDataset()
    let filter = try filters.filter(for: dataset)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
    let request = CalendarExport.Request(
      from: first, to: last,
      filter: filter, stamp: formatter.string(from: Date()))
    let language = try options.language()
    // Written as it is made: a year of a large calendar is never one string.
    let escaper = ExportEscaper()
    try writeExport(format, with: writer) { output in
      CalendarExport.write(
        request, dataset: dataset, format: format, language: language, escaper: escaper,
        to: output)
    }
    escaper.warning(format: format, language: CLI.language).map(printError)
  }
}

/// The index of the snapshot on `date`, or the data's default when none is given.
func snapshotIndex(_ date: String?, in dataset: Dataset) throws -> Int {
  guard let date else { return dataset.defaultSnapshotIndex }
  guard let day = CivilDate(iso: date),
    let index = dataset.snapshots.firstIndex(where: { $0.date == day })
  else {
    let known = dataset.snapshots.map(\.date.iso).joined(separator: ", ")
    throw ValidationError(
      CLI.say(
        "'\(date)' の時点はありません。データにある時点は \(known)",
        english: "no snapshot on '\(date)'; the data has \(known)"))
  }
  return index
}

/// Checks every data and theme file and prints what is wrong where, as editors read it.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: CLI.say(
      "データとテーマのファイルを検査して、file:line:column: error|warning: … をヒントとともに出力する。",
      english:
        "Check the data and theme files; print file:line:column: error|warning: … with a hint."),
    discussion: CLI.say(
      "エラーがなければ（警告はあってよい）終了コード 0、あれば 1。",
      english: "Exits 0 when there are no errors (warnings allowed), 1 when there are."))

  @Argument(help: dataHelp, completion: .directory)
  var directory: String?

  @Option(name: .long, help: themesHelp, completion: .directory)
  var themes: String?

  @OptionGroup var fileSize: FileSizeOption

  @Option(
    name: .long,
    help: messageLanguageHelp)
  var lang: Language?

  func run() throws {
    let dataDirectory = directory ?? FolderSearch().folder(.data)
    var diagnostics: [Diagnostic]
    do {
      let loader = fileSize.dataLoader
      let dataset = try StderrProgress.whileLoading { (progress) throws(DataLoadError) in
        try loader.load(directory: dataDirectory, progress: progress)
      }
      diagnostics = dataset.warnings + deckDiagnostics(dataDirectory, dataset)
    } catch {
      diagnostics = error.diagnostics
      if directory == nil, let hint = dataSearchHint() { printError(hint) }
    }
    let themesDirectory = themes ?? FolderSearch().folder(.themes)
    let themeLoader = ThemeLoader(directory: themesDirectory)
    let themeNames = themeLoader.availableThemes()
    for name in themeNames {
      diagnostics += themeLoader.load(name).diagnostics
    }
    var seen = Set<String>()
    diagnostics = diagnostics.filter { seen.insert($0.description).inserted }
    for diagnostic in diagnostics { Output.standardOutput.line(diagnostic.text(CLI.language)) }
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    Output.standardOutput.line(
      CLI.say(
        "\(dataDirectory) とテーマ \(themeNames.count) 個に、エラー \(errors) 件、警告 \(warnings) 件",
        english:
          "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(dataDirectory) and \(plural(themeNames.count, "theme"))"
      ))
    if errors > 0 { throw ExitCode(1) }
  }
}

/// Records a programme's new status in the change log, without rewriting anyone's files.
struct SetStatus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "set-status",
    abstract: CLI.say(
      "事業の状況の変更を Data/changes.log に記録する（追記するだけで、書き換えない）。",
      english: "Record a programme's status change in Data/changes.log (appended, never rewritten)."
    ))

  @OptionGroup var options: CommonOptions

  @Argument(help: ArgumentHelp(CLI.say("事業の id。", english: "The programme's id.")))
  var programme: String

  @Argument(
    help: ArgumentHelp(
      CLI.say(
        "新しい状況: その id、名前、略称、記号のどれか。", english: "The new status: its id, name, short name or symbol."
      )))
  var status: String

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "時点、YYYY-MM-DD で（既定: 最新）。", english: "The snapshot, as YYYY-MM-DD (default: the latest).")))
  var snapshot: String?

  @Option(
    name: .long, help: ArgumentHelp(CLI.say("変更とともに残すメモ。", english: "A note kept with the change."))
  )
  var note: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "記録する人（既定: $USER、なければアカウントの名前）。",
        english: "Who records it (default: $USER, else the account's name).")))
  var by: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "状況がまだこれのときだけ記録する（書き方は状況の引数と同じ。none: まだ状況がない）。違えば記録せず、終了コード 1。",
        english:
          "Record only if the status is still this one (as --status takes it; none: no status yet); otherwise refuse and exit 1."
      ),
      valueName: "current"))
  var expect: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "ほかの書き手による変更記録のロックを待つ秒数（既定: 10）。",
        english: "How long to wait for another writer's lock on the change log (default: 10)."),
      valueName: "seconds"))
  var lockTimeout: Int?

  func validate() throws {
    if let lockTimeout, lockTimeout < 0 {
      throw ValidationError(
        CLI.say(
          "--lock-timeout は 0 秒以上です（\(lockTimeout) ではなく）",
          english: "--lock-timeout must be 0 or more seconds, not \(lockTimeout)"))
    }
  }

  /// The status `text` names: its id, name, short name or symbol.
  func status(_ text: String, in dataset: Dataset) throws -> ProgressStatus {
    guard
      let found = dataset.statuses.first(where: {
        [
          $0.id, $0.name.japanese, $0.shortName.japanese, $0.name.english, $0.shortName.english,
          $0.symbol,
        ]
        .contains(text)
      })
    else {
      let known = dataset.statuses.map(\.id).joined(separator: ", ")
      throw ValidationError(
        CLI.say(
          "状況 '\(text)' はありません。状況は \(known)",
          english: "no status '\(text)'; statuses are \(known)"))
    }
    return found
  }

  func run() throws {
    let dataset = try options.loadDataset()
    guard dataset.programmes.contains(where: { $0.id == programme }) else {
      throw ValidationError(
        CLI.say(
          "\(options.dataDirectory()) に事業 '\(programme)' はありません",
          english: "no programme '\(programme)' in \(options.dataDirectory())"))
    }
    let newStatus = try status(status, in: dataset)
    // nil: no --expect; .some(nil): --expect none.
    let expected: String?? = try expect.map { $0 == "none" ? nil : try status($0, in: dataset).id }
    let index =
      try snapshot.map { try snapshotIndex($0, in: dataset) } ?? (dataset.snapshots.count - 1)
    guard dataset.snapshots.indices.contains(index) else {
      throw ValidationError(CLI.say("データに時点がありません", english: "the data has no snapshots"))
    }
    let date = dataset.snapshots[index].date
    let old = dataset.programmes.first { $0.id == programme }?.statuses[date]
    if old == newStatus.id, expected.map({ $0 == old }) ?? true {
      Output.standardOutput.line(
        CLI.say(
          "\(programme) の \(date.iso) の状況はもう \(newStatus.name.japanese)（\(newStatus.id)）です。記録していません",
          english: "\(programme) is already \(newStatus.id) in \(date.iso); nothing recorded"))
      return
    }
    do {
      let recorded = try ChangeLog.record(
        programme: programme, snapshot: date, expected: expected ?? old,
        new: newStatus.id, note: note, by: by, dataDirectory: options.dataDirectory(),
        plan: dataset.plan.id, planDirectory: dataset.planDirectory, loader: options.dataLoader,
        lockTimeout: lockTimeout.map { .seconds($0) } ?? ChangeLog.defaultLockTimeout,
        waiting: { english in
          printError(
            "shinchoku: "
              + (CLI.language == .japanese
                ? ChangeLog.waitingText(
                  path: dataset.planDirectory + "/" + ChangeLog.fileName,
                  timeout: lockTimeout.map { .seconds($0) } ?? ChangeLog.defaultLockTimeout,
                  .japanese)
                : english))
        })
      if let torn = recorded.report.tornLine {
        printError(
          CLI.say(
            "shinchoku: 警告: \(recorded.log.path):\(torn): 最後の記録が途中までしかありませんでした（書く途中で切れた？）。その行はそのまま残し、反映しません",
            english:
              "shinchoku: warning: \(recorded.log.path):\(torn): the last record was incomplete (cut off during a write?); it is kept on its own line and not applied"
          ))
      }
      let oldName = recorded.change.old.flatMap { id in dataset.statuses.first { $0.id == id } }
      Output.standardOutput.line(
        CLI.say(
          "\(programme): \(date.iso) の状況を \(oldName?.name.japanese ?? "なし") から \(newStatus.name.japanese) に変えたと \(recorded.log.path) に記録しました",
          english:
            "\(programme): \(recorded.change.old ?? "—") → \(newStatus.id) in \(date.iso), recorded in \(recorded.log.path)"
        ))
    } catch let error as StatusConflict {
      printError(
        CLI.say(
          "shinchoku: \(error.text(.japanese))。今の状況を確かめてから、--expect \(error.found ?? "none") を付けて set-status をもう一度実行してください",
          english:
            "shinchoku: \(error). Look at the status now, then run set-status again with --expect \(error.found ?? "none")"
        ))
      throw ExitCode(1)
    } catch let error as ChangeLog.AppendError {
      printError("shinchoku: \(error.text(CLI.language))")
      throw ExitCode(1)
    } catch let error as DataLoadError {
      printError(CLI.lines(error.diagnostics))
      printError(
        CLI.say(
          "shinchoku: データが読み込めなくなったので、変更を確かめられません。記録していません",
          english:
            "shinchoku: the data no longer loads, so the change cannot be checked; nothing was recorded"
        ))
      throw ExitCode(1)
    }
  }
}

/// `--max-file-size`, shared by every command that reads the data folder.
struct FileSizeOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "これより大きいデータファイルは読まない（既定: 67108864、64 MiB。events.csv は 2 GiB）。",
        english: "Refuse data files larger than this (default: 67108864, 64 MiB; events.csv 2 GiB)."
      ),
      valueName: "bytes"))
  var maxFileSize: Int?

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "催しのキャッシュを読みも書きもしない（`SHINCHOKU_NO_CACHE=1` でも同じ）。",
        english: "Neither read nor write the events cache (also `SHINCHOKU_NO_CACHE=1`).")))
  var noCache = false

  func validate() throws {
    if let maxFileSize, maxFileSize < 1 {
      throw ValidationError(
        CLI.say(
          "--max-file-size は 1 以上のバイト数です（\(maxFileSize) ではなく）",
          english: "--max-file-size must be a number of bytes above 0, not \(maxFileSize)"))
    }
  }

  /// The data loader with the file size limit asked for, reading the events cache (only the
  /// dashboard writes it: a command that ends at once would leave the write undone).
  var dataLoader: DatasetLoader { dataLoader(writingCache: false) }

  func dataLoader(writingCache: Bool) -> DatasetLoader {
    var loader = DatasetLoader(fileSizeLimit: maxFileSize ?? DatasetLoader.defaultFileSizeLimit)
    loader.eventCache = noCache ? nil : EventCache.standard(writes: writingCache)
    return loader
  }
}

extension CommonOptions {
  /// Loads the data, themes and deck and runs the dashboard (or the deck, for `present`).
  func runDashboard(
    startsPresenting: Bool, color: ColorChoice, crashAfterFirstFrame: Bool = false,
    presentation: PresentationState? = nil, presenterSession: sending PresenterSession? = nil
  ) throws {
    let language = try language()
    // One loader for the start and every reload: it keeps the events while their files are
    // unchanged, and writes the events cache after a read.
    let loader = fileSize.dataLoader(writingCache: true)
    // The first screen does not wait for events.csv: it is read on (FirstLoad.swift).
    let firstLoad = FirstLoad(
      loader: loader, directory: dataDirectory(), plan: plan, today: .today())
    // The theme is read on this core while the data is read on the other; its error is
    // reported after the data's, as if they were read one after the other. Only the theme
    // asked for: the others F2 cycles through are read after the first frame.
    let chosenTheme = Result { try loadTheme() }
    let monochrome = loadMonochromeTheme()
    benchPhase("themes")
    try MainActor.assumeIsolated {
      let loaded: (Dataset, FirstLoad?, Deck?, Theme, [Diagnostic])
      do {
        let dataset: Dataset
        let pending: FirstLoad?
        do throws(DataLoadError) {
          (dataset, pending) = try firstLoad.firstScreen()
          benchPhase("head")
          if pending == nil { FirstLoad.announceEventsIn() }
        } catch {
          reportLoadFailure(error)
          throw ExitCode(1)
        }
        let deck = try loadDeck(dataset)
        benchPhase("deck")
        let (theme, themeWarnings) = try chosenTheme.get()
        loaded = (dataset, pending, deck, theme, themeWarnings)
      } catch {
        // A start that fails takes the projector's socket with it.
        presenterSession?.close()
        throw error
      }
      let (dataset, pending, deck, theme, themeWarnings) = loaded
      try Dashboard(
        dataset: dataset, dataDirectory: dataDirectory(), themesDirectory: themesDirectory(),
        themes: [theme], themeIndex: 0, monochrome: monochrome,
        themeWarnings: themeWarnings,
        language: language, asciiOnly: asciiOnly, showsCursor: showsCursor,
        crashAfterFirstFrame: crashAfterFirstFrame,
        deck: deck,
        startsPresenting: startsPresenting, dataLoader: loader, color: color,
        initialPresentation: presentation, presenterSession: presenterSession,
        firstLoad: pending, reportLoadFailure: reportLoadFailure,
        themeCycle: { themeCycle(around: theme) }
      ).run()
    }
    // A cache being written when the dashboard quits is finished (the terminal is back).
    loader.eventCache?.waitForWrites()
  }
}
