import ShinchokuCore

/// Help scrolls when its keys do not fit the screen: ↑↓ by one row, PgUp PgDn by five. Every
/// other key still closes it, as its footer says.
func helpScroll(for key: Key) -> Action? {
  switch key {
  case .up: .scrollOverlay(.up, by: 1)
  case .down: .scrollOverlay(.down, by: 1)
  case .pageUp: .scrollOverlay(.up, by: 5)
  case .pageDown: .scrollOverlay(.down, by: 5)
  default: nil
  }
}

/// Help's footer: which keys scroll it, and that any other closes it.
func helpFooter(_ chrome: Chrome) -> String {
  if chrome.asciiOnly {
    return chrome.language == .japanese
      ? "Up Down PgUp PgDn でスクロール、他のキーで閉じます"
      : "Up Down PgUp PgDn scroll; any other key closes"
  }
  return chrome.text(
    LocalizedText(
      "↑↓ PgUp PgDn でスクロール、他のキーで閉じます", english: "↑↓ PgUp PgDn scroll; any other key closes"))
}
