import Foundation

/// The optional user configuration, `$XDG_CONFIG_HOME/shinchoku/config.yaml` (by default
/// `~/.config/shinchoku/config.yaml`):
///
/// ```yaml
/// theme: colorblind   # a theme name or a path to a theme file
/// lang: en            # ja or en
/// ascii: true         # draw the chrome with ASCII only
/// cursor: true        # show the cursor on the selection (braille displays, magnifiers)
/// ```
///
/// Command-line options win over it. A missing file is no config; a broken one gives warnings
/// (file:line:column) and the values that could be read, never a refusal to start.
public struct UserConfig: Sendable, Equatable {
  public var theme: String?
  public var lang: String?
  public var ascii: Bool?
  /// Show the terminal's cursor on the selection (for braille and magnifier users).
  public var cursor: Bool?

  public init(theme: String? = nil, lang: String? = nil, ascii: Bool? = nil) {
    self.theme = theme
    self.lang = lang
    self.ascii = ascii
  }

  /// Where the config file is: `$XDG_CONFIG_HOME/shinchoku/config.yaml` when XDG_CONFIG_HOME is
  /// set to an absolute path (the XDG rule), else `$HOME/.config/shinchoku/config.yaml`; nil
  /// without either.
  public static func path(environment: [String: String]) -> String? {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      return xdg + "/shinchoku/config.yaml"
    }
    if let home = environment["HOME"], !home.isEmpty {
      return home + "/.config/shinchoku/config.yaml"
    }
    return nil
  }

  /// Reads the config at `path`. Every problem comes back as a warning.
  public static func load(path: String?) -> (config: UserConfig, warnings: [Diagnostic]) {
    guard let path, FileManager.default.fileExists(atPath: path) else { return (UserConfig(), []) }
    let sink = DiagnosticSink()
    var config = UserConfig()
    if let text = readTextFile(
      URL(fileURLWithPath: path), displayName: path, sizeLimit: 1 << 16, sink: sink),
      !isBlank(text), let root = parseYAML(text, file: path, sink: sink), !root.isNull,
      let top = root.mapping(.theConfigFile)
    {
      top.rejectUnknownKeys(["theme", "lang", "ascii", "cursor"])
      config.theme = top["theme"]?.string("theme")
      if let lang = top["lang"], let value = lang.string("lang") {
        if value == "ja" || value == "en" {
          config.lang = value
        } else {
          sink.error(
            lang.location, "lang must be ja or en, not '\(value)'",
            ja: "lang は ja か en です（'\(value)' ではなく）")
        }
      }
      config.ascii = top["ascii"]?.bool("ascii")
      config.cursor = top["cursor"]?.bool("cursor")
    }
    let warnings = sink.items.map(\.asWarning)
    return (config, warnings)
  }
}

/// Only blank lines and comments: a config file not filled in yet.
private func isBlank(_ text: String) -> Bool {
  text.split(whereSeparator: \.isNewline).allSatisfy {
    let line = $0.drop { $0 == " " || $0 == "\t" }
    return line.isEmpty || line.hasPrefix("#")
  }
}
