import ArgumentParser
import CursesTerminal
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel

/// The main loop: terminal events become actions, `reduce` changes the state, and every change
/// is drawn as a whole new frame (ncurses sends only what differs).
@MainActor
struct Dashboard {
  let dataset: Dataset
  let theme: Theme
  let themeWarnings: [Diagnostic]
  let language: Language
  let asciiOnly: Bool
  /// For the end-to-end test that a crash restores the terminal.
  var crashAfterFirstFrame = false

  func run() throws {
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal.open()
    } catch {
      printError("shinchoku: \(error)")
      throw ExitCode(2)
    }
    defer { terminal.close() }
    let size = terminal.size
    var state = AppState(
      dataset: dataset, language: language, width: size.width, height: size.height, today: .today(),
      asciiOnly: asciiOnly)
    state.startupWarnings = themeWarnings
    var frame = render(state, theme: theme)
    terminal.draw(frame)
    if crashAfterFirstFrame {
      fatalError("crash requested by --crash-after-first-frame (a test of terminal restore)")
    }
    while !state.shouldQuit {
      if let signal = terminal.pendingTerminationSignal {
        terminal.close()
        CursesTerminal.exitBySignal(signal)
      }
      guard let event = terminal.nextEvent(timeoutMilliseconds: 100) else { continue }
      guard let action = action(for: event, in: state, target: frame.target) else { continue }
      reduce(&state, action)
      if !state.shouldQuit {
        frame = render(state, theme: theme)
        terminal.draw(frame)
      }
    }
  }
}
