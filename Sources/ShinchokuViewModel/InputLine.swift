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
