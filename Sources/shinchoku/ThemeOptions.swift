import Foundation
import ShinchokuCore
import ShinchokuRender

/// The config file and the themes, as the commands use them.
extension CommonOptions {
  /// The user's config file (see `UserConfig`) and its warnings.
  func userConfig() -> (config: UserConfig, warnings: [Diagnostic]) {
    UserConfig.load(path: UserConfig.path(environment: ProcessInfo.processInfo.environment))
  }

  /// The theme asked for: `--theme`, else the config's `theme:`, else `default`.
  var themeName: String { theme ?? userConfig().config.theme ?? "default" }

  /// `--ascii`, or `ascii: true` in the config.
  var asciiOnly: Bool { ascii || userConfig().config.ascii == true }

  /// `--cursor`, or `cursor: true` in the config.
  var showsCursor: Bool { cursor || userConfig().config.cursor == true }

  /// The themes F2 cycles through around `chosen` (the one asked for, loaded already): in the
  /// folder's order, `chosen` in its place, with every other theme of the folder that loads
  /// without errors. A broken extra theme is left out with a warning (it never stops the
  /// dashboard). The dashboard reads them after its first frame (which needs only `chosen`).
  func themeCycle(around chosen: Theme) -> (themes: [Theme], index: Int, warnings: [Diagnostic]) {
    let loader = ThemeLoader(directory: themesDirectory())
    var themes: [Theme] = []
    var extraWarnings: [Diagnostic] = []
    for name in loader.availableThemes() {
      if name == chosen.name {
        themes.append(chosen)
        continue
      }
      let (theme, diagnostics) = loader.load(name)
      if theme.name == Theme.builtIn.name {
        extraWarnings += diagnostics.map {
          Diagnostic(
            .warning, $0.location, $0.message + " (left out of the F2 themes)",
            ja: $0.message(.japanese) + "（F2 のテーマからは除きます）", hint: $0.hint,
            jaHint: $0.japaneseHint)
        }
      } else {
        themes.append(theme)
      }
    }
    // A theme given by path, or the built-in fallback, is not in the folder: it goes first.
    if !themes.contains(where: { $0.name == chosen.name }) { themes.insert(chosen, at: 0) }
    let index = themes.firstIndex { $0.name == chosen.name } ?? 0
    return (themes, index, extraWarnings)
  }

  /// The theme to draw with when the terminal shows no colour (NO_COLOR, a monochrome
  /// terminal): `monochrome` from the themes folder, else the same theme built in.
  func loadMonochromeTheme() -> Theme {
    let (theme, diagnostics) = ThemeLoader(directory: themesDirectory()).load("monochrome")
    return diagnostics.contains { $0.severity == .error } ? .builtIn : theme
  }
}
