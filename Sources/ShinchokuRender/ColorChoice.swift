/// `--color`: whether colour is sent, for the dashboard and for `shinchoku themes`.
public enum ColorChoice: String, Sendable, CaseIterable {
  /// Colour unless `NO_COLOR` asks for none (and, for printed output, only to a terminal).
  case auto
  /// Colour even when `NO_COLOR` is set: the option names what it does.
  case always
  /// No colour at all: attributes only.
  case never

  /// Whether colour may be sent, as far as the choice and the environment go (the terminal's
  /// own depth is a separate question).
  public func allowsColor(environment: [String: String]) -> Bool {
    switch self {
    case .auto: !noColorRequested(environment: environment)
    case .always: true
    case .never: false
    }
  }
}

/// `NO_COLOR` asks for no colour when it is present and not empty (no-color.org: "when present
/// and not an empty string"); `NO_COLOR=` is the same as unset.
public func noColorRequested(environment: [String: String]) -> Bool {
  !(environment["NO_COLOR"] ?? "").isEmpty
}
