import ShinchokuCore
import TerminalText

/// The rule every input line follows (the comments' search, the events pane's date and search
/// line): a typed character is taken only when it is printable and the line stays within
/// `maxBytes` UTF-8 bytes. Further characters (a paste of thousands, say) are dropped at
/// constant cost each, with a notice, so the keys typed after them are not kept waiting.
public enum InputLine {
  /// The most UTF-8 bytes a line takes (a search that long matches nothing anyway).
  public static let maxBytes = 1024

  /// What typing `character` at the end of `text` gives.
  public enum Outcome: Equatable, Sendable {
    case appended(String)
    /// The line is full: the character is dropped.
    case full
    /// A control character or a line break: dropped without a word.
    case ignored
  }

  public static func typing(_ character: Character, after text: String) -> Outcome {
    guard !character.isNewline, sanitized(String(character)) == String(character) else {
      return .ignored
    }
    guard text.utf8.count + character.utf8.count <= maxBytes else { return .full }
    return .appended(text + String(character))
  }

  /// Said when a character is dropped because the line is full.
  public static func fullNotice(_ language: Language) -> String {
    LocalizedText(
      "入力は\(maxBytes)バイトまでです（それ以上の文字は入りません）",
      english: "the input line takes at most \(maxBytes) bytes (further characters are dropped)"
    ).text(language)
  }
}

/// Types a character into the input line at `line`: true when it was taken; when the line is
/// full, the notice line says so.
func typeIntoInputLine(
  _ state: inout AppState, _ line: WritableKeyPath<AppState, String>, _ character: Character
) -> Bool {
  switch InputLine.typing(character, after: state[keyPath: line]) {
  case .appended(let text):
    state[keyPath: line] = text
    return true
  case .full:
    state.notice = InputLine.fullNotice(state.language)
    return false
  case .ignored:
    return false
  }
}
