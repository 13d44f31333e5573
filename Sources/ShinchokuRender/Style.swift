/// A colour as a theme names it. The curses backend maps it to what the terminal can show.
public enum TerminalColor: Hashable, Sendable {
  /// The terminal's own foreground or background (ncurses colour -1).
  case terminalDefault
  /// One of the 256 indexed colours (0–7 standard, 8–15 bright, 16–231 cube, 232–255 greys).
  case indexed(UInt8)
  /// A 24-bit colour, shown as the nearest colour the terminal has.
  case rgb(UInt8, UInt8, UInt8)
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = TextAttributes(rawValue: 1 << 0)
  public static let dim = TextAttributes(rawValue: 1 << 1)
  public static let underline = TextAttributes(rawValue: 1 << 2)
  public static let reverse = TextAttributes(rawValue: 1 << 3)
}

/// What one cell looks like: resolved from a theme role when the frame is rendered.
public struct Style: Hashable, Sendable {
  public var foreground: TerminalColor
  public var background: TerminalColor
  public var attributes: TextAttributes

  public init(
    foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
    attributes: TextAttributes = []
  ) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  public static let plain = Style()
}
