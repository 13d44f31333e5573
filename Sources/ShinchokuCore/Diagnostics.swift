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
///
/// The message is kept in both UI languages: `message`/`hint` in English, `japanese`/
/// `japaneseHint` in Japanese. `text(_:)` gives the one a person reads, in one language at a time;
/// `description` stays English (logs, tests). The `file:line:column:` prefix is the same in both,
/// since editors parse it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable {
    case error, warning

    /// The severity's word in `language`.
    public func word(_ language: Language) -> String {
      switch (self, language) {
      case (.error, .english): "error"
      case (.warning, .english): "warning"
      case (.error, .japanese): "エラー"
      case (.warning, .japanese): "警告"
      }
    }
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String
  /// What to change to fix it, when that is known.
  public var hint: String?
  /// The message in Japanese. Every diagnostic should give one; when missing, Japanese readers
  /// get the English text.
  public var japanese: String?
  /// The hint in Japanese.
  public var japaneseHint: String?

  public init(
    _ severity: Severity, _ location: SourceLocation, _ message: String, ja japanese: String? = nil,
    hint: String? = nil, jaHint japaneseHint: String? = nil
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.hint = hint
    self.japanese = japanese
    self.japaneseHint = japaneseHint
  }

  /// The same finding, as a warning.
  public var asWarning: Diagnostic {
    var copy = self
    copy.severity = .warning
    return copy
  }

  /// The message alone, in `language`.
  public func message(_ language: Language) -> String {
    language == .japanese ? (japanese ?? message) : message
  }

  /// The hint alone, in `language`.
  public func hint(_ language: Language) -> String? {
    language == .japanese ? (japaneseHint ?? hint) : hint
  }

  /// `file:line:column: error: message (hint)` — the form editors and compilers use.
  public var description: String { text(.english) }

  /// The whole line in `language`: `file:line:column: エラー: …（…）` in Japanese.
  public func text(_ language: Language) -> String {
    var text = "\(location): \(severity.word(language)): \(message(language))"
    if let hint = hint(language) {
      text += language == .japanese ? "（\(hint)）" : " (\(hint))"
    }
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

/// What a diagnostic speaks of, in both UI languages: a key as it is written in the file (a
/// string literal: `"title"`, the same in both, since a person types it), or a phrase, which
/// must give its Japanese (`Subject("the plan's title", ja: "計画の名称")`).
public struct Subject: Hashable, Sendable, ExpressibleByStringLiteral {
  public var english: String
  public var japanese: String

  public init(_ english: String, ja japanese: String) {
    self.english = english
    self.japanese = japanese
  }

  /// A key of the file, the same in both languages.
  public init(stringLiteral key: String) {
    self.init(key, ja: key)
  }

  public func text(_ language: Language) -> String {
    language == .japanese ? japanese : english
  }
}
