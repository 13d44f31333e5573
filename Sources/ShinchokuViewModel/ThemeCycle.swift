/// F2: moves to the next theme and says which one is now in use. The themes themselves are
/// loaded outside `reduce` (by the main loop); the state only names them.
func cycleTheme(_ state: inout AppState) {
  guard !state.themeNames.isEmpty else { return }
  state.themeIndex = (state.themeIndex + 1) % state.themeNames.count
  state.notice = themeNotice(state)
}

/// "テーマ: colorblind (3/6)": the notice shown after a theme change.
public func themeNotice(_ state: AppState) -> String {
  guard state.themeNames.indices.contains(state.themeIndex) else { return "" }
  let position = "(\(state.themeIndex + 1)/\(state.themeNames.count))"
  let name = state.themeNames[state.themeIndex]
  return state.language == .japanese
    ? "テーマ: \(name) \(position)  F2 で次へ" : "Theme: \(name) \(position)  F2 for the next"
}
