/// A key as the user pressed it, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
  /// Printable text: ASCII, Japanese (from an input method), anything that is not a control.
  case character(Character)
  case up, down, left, right
  case home, end, pageUp, pageDown, insert, delete
  case enter, tab, backTab, escape, backspace
  /// F1 … F12.
  case function(Int)
  /// Ctrl plus a letter, as the lower-case letter ("c" for Ctrl-C). Tab, Enter and Backspace
  /// arrive as their own cases, not as Ctrl-I, Ctrl-M or Ctrl-H.
  case control(Character)
}

public enum MouseButton: Hashable, Sendable {
  case left, middle, right
}

public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case press(MouseButton)
    case release(MouseButton)
    case click(MouseButton)
    case doubleClick(MouseButton)
    case wheelUp
    case wheelDown
  }
  public var kind: Kind
  /// Zero-based column and row on the screen.
  public var x: Int
  public var y: Int

  public init(kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}

/// Everything that can reach the main loop from outside.
public enum InputEvent: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  /// The terminal changed size; the new size in columns and rows.
  case resize(width: Int, height: Int)
}
