import Foundation
import ShinchokuCore

/// The one language of everything the command line prints, decided once per run: `--lang`,
/// then the config file's `lang:`, then LC_ALL, LC_MESSAGES and LANG (the first that is set);
/// Japanese unless that locale is English.
enum CLI {
  static let language: Language = decide(
    arguments: CommandLine.arguments,
    configured: UserConfig.load(
      path: UserConfig.path(environment: ProcessInfo.processInfo.environment)
    )
    .config.lang,
    environment: ProcessInfo.processInfo.environment)

  static func decide(arguments: [String], configured: String?, environment: [String: String])
    -> Language
  {
    // What tools read to make the man page and the shell completions is English, whatever
    // the locale of the machine that builds them (the installed files are the same for all).
    if arguments.contains(where: { $0 == "--experimental-dump-help" })
      || arguments.contains(where: { $0.hasPrefix("--generate-completion-script") })
    {
      return .english
    }
    var flag: String?
    for (index, argument) in arguments.enumerated() {
      if argument == "--" { break }
      if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
      if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
    }
    if let flag, let language = Language(rawValue: flag) { return language }
    if let configured, let language = Language(rawValue: configured) { return language }
    let locale =
      [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]]
      .compactMap { $0 }.first { !$0.isEmpty } ?? ""
    return locale.hasPrefix("en") ? .english : .japanese
  }

  /// `japanese` or `english`, as the command line speaks.
  static func say(_ japanese: String, english: String) -> String {
    language == .japanese ? japanese : english
  }

  /// Diagnostics, one a line, in the command line's language.
  static func lines(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { $0.text(language) }.joined(separator: "\n")
  }
}
