import ArgumentParser
import Foundation
import ShinchokuCore

/// Opens the data as full-screen slides, for a meeting's projector.
struct Present: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show the data as full-screen slides (presentation mode; Esc quits).",
    discussion: """
      The slides come from the data folder's deck.yaml when there is one (which slides, in \
      what order, speaker notes); otherwise: title, matrix, each area, each comment, events. \
      Press ? inside for the keys.
      """)

  @OptionGroup var options: CommonOptions

  @OptionGroup var color: ColorOption

  func run() throws {
    guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
      printError("shinchoku: not a terminal; presentation mode needs one")
      throw ExitCode(2)
    }
    try options.runDashboard(startsPresenting: true, color: color.color)
  }
}

extension CommonOptions {
  /// The data folder's deck.yaml, or nil when it has none; prints every error (file:line:column)
  /// and exits 1 when it does not load.
  func loadDeck(_ dataset: Dataset) throws -> Deck? {
    do {
      return try DeckLoader().load(directory: dataset.planDirectory, dataset: dataset)
    } catch {
      printError(error.diagnostics.map(\.description).joined(separator: "\n"))
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
