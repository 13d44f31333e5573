/// Where something is in a data or theme file. Lines and columns start at 1; columns count
/// Unicode scalars, as libyaml and editors' "go to line:column" do.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }
}

/// One finding about the data: an error stops the data from being used, a warning does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String
  /// What to change to fix it, when that is known.
  public var hint: String?

  public init(
    _ severity: Severity, _ location: SourceLocation, _ message: String, hint: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
  }

  /// `file:line:column: error: message (hint)` — the form editors and compilers use.
  public var description: String {
    var text = "\(location): \(severity.rawValue): \(message)"
    if let hint { text += " (\(hint))" }
    return text
  }
}

/// The data could not be loaded. Carries every error found (and the warnings beside them).
public struct DataLoadError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
