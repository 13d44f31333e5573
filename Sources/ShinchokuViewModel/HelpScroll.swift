import ShinchokuCore

/// Help and the warnings scroll when they do not fit the screen: ↑↓ by one row, PgUp PgDn by
/// five. Every other key still closes them, as their footer says.
func helpScroll(for key: Key) -> Action? {
  switch key {
  case .up: .scrollOverlay(.up, by: 1)
  case .down: .scrollOverlay(.down, by: 1)
  case .pageUp: .scrollOverlay(.up, by: 5)
  case .pageDown: .scrollOverlay(.down, by: 5)
  default: nil
  }
}

/// Help's (and the warnings') footer: which keys scroll it, and that any other closes it.
func helpFooter(_ chrome: Chrome) -> String {
  chrome.upDownKeys
    + chrome.text(
      LocalizedText(
        " PgUp PgDn でスクロール、他のキーで閉じます", english: " PgUp PgDn scroll; any other key closes"))
}
