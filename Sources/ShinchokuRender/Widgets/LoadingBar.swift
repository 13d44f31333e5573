import ShinchokuViewModel
import TerminalText

extension CalendarPaneWidget {
  /// In place of the agenda while the events are being read: "読み込み中 45%" and a bar of the
  /// share read, in the chrome's fill patterns (ASCII with --ascii).
  func loadingLines(_ fraction: Double, width: Int, chrome: Chrome) -> [ListLine] {
    let percent = Int((fraction * 100).rounded(.down))
    let label = " " + chrome.text(UIText.loadingEvents) + " \(percent)%"
    let room = max(1, width - 2)
    let filled = min(room, Int((Double(room) * fraction).rounded(.down)))
    // The darkest and the lightest of the first three patterns (█ ░, # .): the later ones
    // are for the charts' further segments.
    let patterns = chrome.glyphs.barPatterns.prefix(3)
    return [
      ListLine(spans: [Span(label, .heading)]),
      ListLine(spans: [
        Span(" ", .text),
        Span(String(repeating: patterns.first ?? "#", count: filled), .text),
        Span(String(repeating: patterns.last ?? ".", count: room - filled), .muted),
      ]),
    ]
  }
}
