import ArgumentParser
import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel

/// Opens the data as full-screen slides, for a meeting's projector.
struct Present: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "present",
    abstract: CLI.say(
      "データを全画面のスライドで見せる（プレゼンテーションモード。Esc で終了）。",
      english: "Show the data as full-screen slides (presentation mode; Esc quits)."),
    discussion: CLI.say(
      "スライドは、データフォルダーに deck.yaml があればそれに従う（どのスライドをどの順に、発表者メモ）。なければ表紙、進捗状況、各分野、各意見、催し。キーは中で ? を押すと出る。別の端末で `shinchoku present --presenter`（同じ --data）を開くと、メモ、次のスライド、経過時間と残り時間つきでスライドについていく。",
      english: """
        The slides come from the data folder's deck.yaml when there is one (which slides, in \
        what order, speaker notes); otherwise: title, matrix, each area, each comment, events. \
        Press ? inside for the keys. In a second terminal, `shinchoku present --presenter` (same \
        --data) follows the slides with the notes, the next slide, the timers and a countdown.
        """))

  @OptionGroup var options: CommonOptions

  @OptionGroup var color: ColorOption

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "進行役の発表者ビューになる: 同じデータフォルダーの投影画面についていく。",
        english:
          "Be the facilitator's presenter view: follow the projector of the same data folder.")))
  var presenter = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "持ち時間の終わり、今日の HH:MM（発表者ビューが残り時間を数える）。",
        english: "The end of the slot, today, as HH:MM (the presenter view counts down).")))
  var end: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "発表の長さ、始めから: 20m、1h30m、90s、または分の数。",
        english: "The length of the talk, from its start: 20m, 1h30m, 90s, or minutes.")))
  var duration: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "終わりの何分前から残り時間の表示を警告にするか。",
        english: "Minutes before the end at which the countdown turns to a warning.")))
  var warnMinutes = 5

  @Flag(
    name: .long,
    help: ArgumentHelp(
      CLI.say(
        "投影画面に発表者メモを出せるようにする（s で表示）。",
        english: "Allow the speaker notes on the projected screen (s shows them).")))
  var notesOnScreen = false

  func run() throws {
    let language = try options.language()
    func refuse(_ english: String, _ japanese: String) -> ValidationError {
      ValidationError(language == .japanese ? japanese : english)
    }
    var presentation = PresentationState(
      returnsToDashboard: false, role: presenter ? .presenter : .projector)
    presentation.notesAllowed = notesOnScreen && !presenter
    presentation.showsNotes = presentation.notesAllowed
    guard end == nil || duration == nil else {
      throw refuse("give --end or --duration, not both", "--end と --duration はどちらか一方だけです")
    }
    guard (0...600).contains(warnMinutes) else {
      throw refuse(
        "--warn-minutes must be 0 to 600, not \(warnMinutes)",
        "--warn-minutes は 0 から 600 です（\(warnMinutes) は使えません）")
    }
    presentation.warningSeconds = warnMinutes * 60
    if let end {
      guard let end = Countdown.endToday(end, now: .now()) else {
        throw refuse(
          "--end must be a time of day as HH:MM, e.g. 15:30, not '\(end)'",
          "--end は 15:30 のように HH:MM で書きます（'\(end)' は読めません）")
      }
      presentation.countdown = .until(end)
    }
    if let duration {
      guard let seconds = Countdown.seconds(duration) else {
        throw refuse(
          "--duration must be like 20m, 1h30m, 90s or 20 (minutes), not '\(duration)'",
          "--duration は 20m、1h30m、90s、20（分）のように書きます（'\(duration)' は読めません）")
      }
      presentation.countdown = .duration(seconds: seconds)
    }
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
      printError(
        CLI.say(
          "shinchoku: 端末ではありません。発表モードには端末が要ります",
          english: "shinchoku: not a terminal; presentation mode needs one"))
      throw ExitCode(2)
    }
    let session: PresenterSession?
    if presenter {
      do {
        session = try PresenterSession.presenter(dataDirectory: options.dataDirectory())
      } catch {
        printError("shinchoku: " + (language == .japanese ? error.japanese : error.english))
        throw ExitCode(1)
      }
      presentation.link = .searching
    } else {
      let (made, failure) = PresenterSession.projector(dataDirectory: options.dataDirectory())
      session = made
      if let failure {
        // The projector presents alone: the room is waiting.
        printError(
          "shinchoku: warning: "
            + (language == .japanese
              ? "発表者ビューは接続できません: " + failure.japanese
              : "presenter views cannot follow: " + failure.english))
      }
      presentation.link =
        made == nil ? failure.map { .unavailable($0.english) } : .serving(followers: 0)
    }
    try options.runDashboard(
      startsPresenting: true, color: color.color, presentation: presentation,
      presenterSession: session)
  }
}

extension CommonOptions {
  /// The data folder's deck.yaml, or nil when it has none; prints every error (file:line:column)
  /// and exits 1 when it does not load.
  func loadDeck(_ dataset: Dataset) throws -> Deck? {
    do {
      return try DeckLoader().load(directory: dataset.planDirectory, dataset: dataset)
    } catch {
      printError(CLI.lines(error.diagnostics))
      throw ExitCode(1)
    }
  }
}

/// The deck's errors or warnings, for `validate`.
func deckDiagnostics(_ directory: String, _ dataset: Dataset) -> [Diagnostic] {
  do {
    return try DeckLoader().load(directory: directory, dataset: dataset)?.warnings ?? []
  } catch {
    return error.diagnostics
  }
}

/// The deck as a handout: one self-contained HTML page, or Markdown for the minutes.
struct ExportSlides: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slides",
    abstract: CLI.say(
      "スライドを配布資料に: それだけで完結した HTML 1 ページ（印刷できる）、または Markdown。",
      english: "The slides as a handout: one self-contained HTML page (printable), or Markdown."),
    discussion: CLI.say(
      "スライドごとに 1 節、全体を（画面ではページに分かれる一覧も全部）、それぞれの後に改ページ。数値は文字で、色はテーマのもの（--theme）。発表者メモは --notes のときだけ。PDF にするには、ブラウザーで開いて印刷する。",
      english: """
        One section per slide, whole (a list that pages on screen is printed in full), with a \
        page break after each; the figures as text; the theme's colours (--theme). The speaker \
        notes only with --notes. To make a PDF, open the page in a browser and print it.
        """))

  @OptionGroup var options: CommonOptions

  @Option(
    name: .long,
    help: snapshotHelp)
  var snapshot: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      CLI.say("出力の形式（md: 会議録向け）。", english: "The output's format (md: for meeting minutes).")))
  var format: SlidesFormat = .html

  @Flag(
    name: .long, help: ArgumentHelp(CLI.say("発表者メモも入れる。", english: "Include the speaker notes.")))
  var notes = false

  func run() throws {
    let dataset = try options.loadDataset()
    let language = try options.language()
    var state = AppState(
      dataset: dataset, language: language, width: 80, height: 24, today: .today(),
      asciiOnly: options.asciiOnly, deck: try options.loadDeck(dataset))
    state.snapshotIndex = try snapshotIndex(snapshot, in: dataset)
    let slides = handoutSlides(state)
    let title = dataset.plan.title.text(language)
    let escaper = ExportEscaper()
    let text: String
    switch format {
    case .html:
      let (theme, warnings) = try options.loadTheme()
      for warning in warnings { printError(warning.description) }
      text = Handout.html(
        slides, title: title, language: language, theme: theme, notes: notes, escaper: escaper)
    case .md:
      text = Handout.markdown(
        slides, title: title, language: language, notes: notes, escaper: escaper)
    }
    Output.standardOutput.write(text, .export(format.format))
    escaper.warning(format: format.format).map(printError)
  }
}
