import ShinchokuCore

/// Help and the warnings scroll when they do not fit the screen: ↑↓ by one row, PgUp PgDn by
/// five, Home End to the top and the bottom. Every other key still closes them, as their
/// footer says.
func helpScroll(for key: Key) -> Action? {
  switch key {
  case .up: .scrollOverlay(.up, by: 1)
  case .down: .scrollOverlay(.down, by: 1)
  case .pageUp: .scrollOverlay(.up, by: 5)
  case .pageDown: .scrollOverlay(.down, by: 5)
  case .home: .scrollOverlay(.up, by: Int.max / 2)
  case .end: .scrollOverlay(.down, by: Int.max / 2)
  default: nil
  }
}

/// Help's (and the warnings') footer: which keys scroll it, and that any other closes it.
func helpFooter(_ chrome: Chrome) -> String {
  chrome.upDownKeys
    + chrome.text(
      LocalizedText(
        " PgUp PgDn Home End でスクロール、他のキーで閉じます",
        english: " PgUp PgDn Home End scroll; any other key closes"))
}
