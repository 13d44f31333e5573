import ArgumentParser
import CursesTerminal
import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel

/// The main loop: terminal events become actions, `reduce` changes the state, and every change
/// is drawn as a whole new frame (ncurses sends only what differs).
@MainActor
struct Dashboard {
  let dataset: Dataset
  /// Where the data and themes come from: watched, and read again when a file changes.
  let dataDirectory: String
  let themesDirectory: String
  /// The themes F2 cycles through (loaded up front), and the one to start with.
  let themes: [Theme]
  let themeIndex: Int
  /// Drawn with instead when the terminal shows no colour (NO_COLOR, a monochrome terminal).
  let monochrome: Theme
  let themeWarnings: [Diagnostic]
  let language: Language
  let asciiOnly: Bool
  /// Show the cursor (it rests on the selection either way).
  let showsCursor: Bool
  /// For the end-to-end test that a crash restores the terminal.
  var crashAfterFirstFrame = false
  /// The slides of `deck.yaml` (nil: the standard order).
  var deck: Deck? = nil
  /// `shinchoku present`: open on the first slide; Esc quits.
  var startsPresenting = false
  /// Reads the data folder again when it changes (with the `--max-file-size` asked for).
  var dataLoader = DatasetLoader()
  /// `--color`: `never` draws with the monochrome theme, `always` ignores `NO_COLOR`.
  var color = ColorChoice.auto
  /// `shinchoku present`: how presentation mode starts (the presenter view, the countdown).
  var initialPresentation: PresentationState? = nil
  /// The link to the presenter views, or to the projector (PresenterSession.swift).
  var presenterSession: PresenterSession? = nil
  /// events.csv still being read (FirstLoad.swift), and what to print if it has errors.
  var firstLoad: FirstLoad? = nil
  var reportLoadFailure: (DataLoadError) -> Void = { _ in }
  /// The themes F2 cycles through around the one started with (`themes` holds only it), read
  /// after the first frame, with the warnings of those left out.
  var themeCycle: (() -> (themes: [Theme], index: Int, warnings: [Diagnostic]))? = nil

  func run() throws {
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal.open(color: color)
    } catch {
      presenterSession?.close()
      printError("shinchoku: \(error)")
      throw ExitCode(2)
    }
    defer {
      terminal.close()
      presenterSession?.close()
    }
    benchPhase("terminal")
    terminal.setCursorVisible(showsCursor)
    let size = terminal.size
    // Without colour every theme would look alike, so there is one: attributes only.
    let colorless = terminal.colorDepth == .none
    var themes = colorless ? [monochrome] : self.themes
    var state = AppState(
      dataset: dataset, language: language, width: size.width, height: size.height, today: .today(),
      asciiOnly: asciiOnly, themeNames: themes.map(\.name), themeIndex: colorless ? 0 : themeIndex,
      startupWarnings: themeWarnings + (deck?.warnings ?? []), deck: deck,
      presentation: startsPresenting
        ? initialPresentation ?? PresentationState(returnsToDashboard: false) : nil)
    var firstLoad = self.firstLoad
    if let firstLoad { state.beginEventsLoading(totalBytes: firstLoad.totalBytes) }
    func theme(_ state: AppState) -> Theme {
      themes.indices.contains(state.themeIndex) ? themes[state.themeIndex] : monochrome
    }
    // The panes' last drawings: a key that changes one pane draws that pane alone.
    let memo = WidgetMemo()
    var frame = render(state, theme: theme(state), memo: memo)
    benchPhase("render")
    terminal.draw(frame)
    benchPhase("drawn")
    firstLoad?.firstScreenShown()
    state.settleScrolls(frame.scrolls)
    if let themeCycle, !colorless {
      let (all, index, warnings) = themeCycle()
      themes = all
      state.themeNames = all.map(\.name)
      state.themeIndex = index
      // After the chosen theme's own, as if the folder had been read before the first frame.
      state.startupWarnings.insert(
        contentsOf: warnings, at: min(themeWarnings.count, state.startupWarnings.count))
      if !warnings.isEmpty {
        frame = render(state, theme: theme(state), memo: memo)
        terminal.draw(frame)
      }
    }
    // For shinchoku-bench: when the first frame reached the terminal (CLOCK_MONOTONIC, ns).
    writeBenchTime(to: "SHINCHOKU_BENCH_FIRST_FRAME_FILE")
    if crashAfterFirstFrame {
      fatalError("crash requested by --crash-after-first-frame (a test of terminal restore)")
    }
    // The data folder, the shown plan's own folder (plans/3rd) and the themes.
    func watched(_ dataset: Dataset) -> [String] {
      [dataDirectory, themesDirectory]
        + (dataset.planDirectory.isEmpty || dataset.planDirectory == dataDirectory
          ? [] : [dataset.planDirectory])
    }
    var watcher = FileWatcher(directories: watched(dataset))
    var reload: DataReload?
    var reloadAgain = false
    // The plan shown: a reload reads it again; switching plans reloads with another.
    var planID = dataset.plan.id
    let clock = ContinuousClock()
    var lastCheck = clock.now
    var lastTick = clock.now - .seconds(10)
    // Twice a second, look for changed files: new data keeps the user's place; data that no
    // longer loads leaves the last good data on screen with a banner naming the error.
    // The data is read on another thread (a million events take most of a second), so keys
    // keep working meanwhile; a change seen during a reload starts another when it is done.
    // The look is taken once the frame of a key is out (never between a key and its frame);
    // what it found is acted on in the next turn of the loop.
    var fileActions: [Action] = []
    func lookForChangedFiles() {
      guard clock.now - lastCheck >= watcher.checkInterval else { return }
      lastCheck = clock.now
      let changed = watcher.changedDirectories()
      if changed.contains(dataDirectory) || changed.contains(state.dataset.planDirectory) {
        if reload == nil {
          reload = reloadInBackground(dataLoader, dataDirectory, plan: planID)
        } else {
          reloadAgain = true
        }
      }
      if changed.contains(themesDirectory), !colorless {
        let loader = ThemeLoader(directory: themesDirectory)
        var failure: Diagnostic?
        themes = themes.map { old in
          let (new, diagnostics) = loader.load(old.name)
          let error = diagnostics.first { $0.severity == .error }
          guard let error else { return new }
          failure = failure ?? error
          return old
        }
        fileActions.append(failure.map(Action.themeReloadFailed) ?? .themesReloaded)
      }
    }
    var quitting = false
    var keyTimes = KeyTimes()
    while !quitting {
      if let signal = terminal.pendingTerminationSignal {
        terminal.close()
        presenterSession?.close()
        CursesTerminal.exitBySignal(signal)
      }
      var actions: [Action] = []
      var effects: [Effect] = []
      // The keys already queued (a paste of thousands, say) are all taken before the next
      // frame is drawn: one frame for the batch, not one per key, so a key typed after a paste
      // is not kept waiting behind thousands of frames. A mouse event ends a batch (it is
      // aimed at the frame on screen).
      var keysHandled = false
      // With a presenter link, look at it more often: the other side's keys act within 20 ms;
      // while events.csv loads, its progress is shown every 10 ms.
      var next = terminal.nextEvent(
        timeoutMilliseconds: firstLoad != nil ? 10 : presenterSession == nil ? 100 : 20)
      var batched = 0
      if next != nil { keyTimes.keyRead() }
      while let event = next {
        if let action = action(for: event, in: state, target: frame.target) {
          effects += reduce(&state, action)
          keysHandled = true
        }
        batched += 1
        if case .mouse = event { break }
        // Quitting or a change to record ends the batch: it is run before the next key.
        let mustRun = effects.contains { if case .redraw = $0 { false } else { true } }
        if batched >= 4096 || mustRun { break }
        next = terminal.nextEvent(timeoutMilliseconds: 0)
      }
      if let presenterSession { actions += presenterSession.poll() }
      // While presenting, the timer and the clock tick about once a second.
      if state.presentation != nil, clock.now - lastTick >= .seconds(1) {
        lastTick = clock.now
        actions.append(.present(.tick(WallTime.now())))
      }
      if let load = firstLoad {
        switch load.poll() {
        case .running(let progress): actions += progress
        case .finished(let loaded):
          actions.append(loaded)
          firstLoad = nil
        case .failed(let error):
          terminal.close()
          reportLoadFailure(error)
          throw ExitCode(1)
        }
      }
      if let finished = reload?.finished ?? nil {
        reload = nil
        switch finished {
        case .success(let (dataset, deck)):
          actions.append(.dataReloaded(dataset))
          actions.append(.present(.deckLoaded(deck)))
          // Another plan shown (P): its folder is the one to watch now.
          if watched(dataset) != watcher.directories {
            watcher = FileWatcher(directories: watched(dataset))
          }
        case .failure(let error):
          if let first = error.errors.first { actions.append(.reloadFailed(first)) }
        }
        if reloadAgain {
          reloadAgain = false
          reload = reloadInBackground(dataLoader, dataDirectory, plan: planID)
        }
      }
      if !keysHandled { lookForChangedFiles() }
      actions += fileActions
      fileActions = []
      guard !actions.isEmpty || keysHandled else { continue }
      // Actions change the state; their effects are run here, and a recorded change answers
      // with the notice to show.
      for action in actions { effects += reduce(&state, action) }
      while !effects.isEmpty {
        let effect = effects.removeFirst()
        switch effect {
        case .quit:
          quitting = true
        case .record(let change):
          effects += reduce(
            &state, .statusEdit(.finished(record(change, state))))
        case .redraw, .notice:
          // A notice is on the state already (reduce puts it there); a redraw follows anyway.
          break
        case .presenter(let command):
          presenterSession?.send(command)
        case .switchPlan(let id):
          planID = id
          if reload == nil {
            reload = reloadInBackground(dataLoader, dataDirectory, plan: planID)
          } else {
            reloadAgain = true
          }
        }
      }
      presenterSession?.publish(state)
      keyTimes.stateChanged()
      if !quitting {
        frame = render(state, theme: theme(state), memo: memo)
        keyTimes.frameRendered()
        terminal.draw(frame)
        if keysHandled { keyTimes.frameDrawn() }
        state.settleScrolls(frame.scrolls)
      }
      if keysHandled { lookForChangedFiles() }
    }
  }

  /// Appends a confirmed status change to the change log (the file watcher then reloads the
  /// data); returns the notice to show.
  func record(_ change: StatusChange, _ state: AppState) -> String {
    let language = state.language
    do {
      // The status the dialog showed is the one expected: a change made meanwhile is refused.
      let recorded = try ChangeLog.record(
        programme: change.programmeID, snapshot: change.snapshot, expected: change.old,
        new: change.new, dataDirectory: dataDirectory, plan: state.dataset.plan.id,
        planDirectory: state.dataset.planDirectory, loader: dataLoader)
      return UIText.recorded(
        UIText.change(
          change, in: state.dataset, language: language, asciiOnly: state.asciiOnly),
        language: language)
        + (recorded.report.tornLine.map { UIText.tornRecordSetAside(line: $0, language: language) }
          ?? "")
    } catch {
      return UIText.notRecorded(error, language: language)
    }
  }
}

/// The data folder (and its deck, which names the data's ids) read again on a thread of its
/// own; `finished` is nil until it is done.
typealias DataReload = BackgroundJob<Result<(dataset: Dataset, deck: Deck?), DataLoadError>?>

func reloadInBackground(_ loader: DatasetLoader, _ directory: String, plan: String?)
  -> DataReload
{
  DataReload(nil) { outcome in
    outcome = Result { () throws(DataLoadError) -> (dataset: Dataset, deck: Deck?) in
      let dataset = try loader.load(directory: directory, plan: plan)
      return (dataset, try DeckLoader().load(directory: dataset.planDirectory, dataset: dataset))
    }
  }
}
