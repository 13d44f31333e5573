/// Turns what a terminal sends for keys (characters, as ncurses' `get_wch` returns them) into
/// `Key`s. Pure: the curses backend feeds it and tests drive it with the bytes real terminals send.
///
/// It knows the forms of xterm (normal and application cursor mode), VTE, tmux and screen,
/// rxvt/urxvt, the Linux console and the VT220, whatever `TERM` says, so a terminal whose sequences
/// are missing from the `TERM` entry (tmux's `ESC [1~` Home under `TERM=xterm-256color`) still
/// gives the right key. An escape sequence it does not know (a modified key such as `ESC [1;5C`,
/// F13 and up, a focus report, bracketed-paste marks, a terminal's reply, an OSC or DCS string) is
/// swallowed whole: it is never read as Esc followed by letters.
///
/// Esc followed by a character that does not start a sequence (Alt-x, Esc Esc) is Esc, then that
/// character. A lone Esc is Esc once the wait for more input (the escape delay) is over: `flush()`.
public struct KeySequenceParser: Sendable {
  /// An escape sequence read so far, waiting for more.
  public private(set) var pending: [UInt32] = []

  public init() {}

  /// A sequence is incomplete: the caller reads on (within the escape delay), then `flush()`es.
  public var isPending: Bool { !pending.isEmpty }

  /// Adds one character; returns the keys now complete (none while a sequence is incomplete,
  /// none for a sequence that is swallowed).
  public mutating func push(_ scalar: UInt32) -> [Key] {
    if pending.isEmpty {
      if scalar == Self.escape {
        pending = [scalar]
        return []
      }
      return Self.key(forCharacter: scalar).map { [$0] } ?? []
    }
    pending.append(scalar)
    return settle(complete: false)
  }

  /// The wait for more input is over (or something other than a character arrived): ends the
  /// pending sequence as it stands.
  public mutating func flush() -> [Key] {
    var keys: [Key] = []
    while !pending.isEmpty { keys += settle(complete: true) }
    return keys
  }

  /// Every key in `input`, as if it all arrived at once and then the escape delay passed.
  public static func keys(in input: [UInt32]) -> [Key] {
    var parser = KeySequenceParser()
    var keys: [Key] = []
    for scalar in input { keys += parser.push(scalar) }
    return keys + parser.flush()
  }

  /// `keys(in:)` over bytes (the terminals' sequences are ASCII).
  public static func keys(in bytes: [UInt8]) -> [Key] {
    keys(in: bytes.map { UInt32($0) })
  }

  private mutating func settle(complete: Bool) -> [Key] {
    guard case .done(let key, let length) = Self.decodeEscape(pending, complete: complete) else {
      return []
    }
    let rest = pending[length...]
    pending = []
    var keys = key.map { [$0] } ?? []
    for scalar in rest { keys += push(scalar) }
    return keys
  }

  /// The escape delay in milliseconds: `ESCDELAY` when it is a whole number of milliseconds
  /// (0…10 000, as ncurses reads it), else the built-in 25 ms.
  public static func escapeDelay(environment value: String?) -> Int {
    guard let value, let ms = Int(value), (0...10_000).contains(ms)
    else { return defaultEscapeDelay }
    return ms
  }

  /// Short enough that Esc feels immediate, long enough for a sequence over ssh to arrive whole.
  public static let defaultEscapeDelay = 25

  // MARK: - Characters

  static let escape: UInt32 = 0x1B

  /// A character that is not part of an escape sequence: Tab, Enter (CR or LF), Esc, Backspace
  /// (^H and ^? alike), Ctrl-letters, printable text. Other controls give nil.
  public static func key(forCharacter value: UInt32) -> Key? {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26:
      return .control(Character(Unicode.Scalar(UInt8(0x60 + value))))
    case 0..<32, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }

  // MARK: - Escape sequences

  enum Step: Equatable {
    /// The first `length` characters make `key` (nil: swallowed).
    case done(Key?, length: Int)
    case needMore
  }

  /// A sequence longer than this is swallowed as it stands, whatever follows.
  static let longest = 4096

  /// Decodes the sequence at the start of `s` (which starts with Esc). `complete`: nothing more
  /// will arrive, so an unfinished sequence is swallowed as it stands.
  static func decodeEscape(_ s: [UInt32], complete: Bool) -> Step {
    guard s.count >= 2 else { return complete ? .done(.escape, length: 1) : .needMore }
    switch s[1] {
    case ascii("["): return decodeCSI(s, complete: complete)
    case ascii("O"): return decodeSS3(s, complete: complete)
    case ascii("]"), ascii("P"), ascii("_"), ascii("^"), ascii("X"):
      return decodeString(s, complete: complete)
    case 9: return .done(.backTab, length: 2)  // The Linux console's Shift-Tab.
    default: return .done(.escape, length: 1)  // Esc, then the next character on its own.
    }
  }

  /// `ESC [` parameters, intermediates, final byte; also the Linux console's `ESC [[A`…`ESC [[E`
  /// and the X10 mouse report `ESC [M b x y`.
  private static func decodeCSI(_ s: [UInt32], complete: Bool) -> Step {
    guard s.count >= 3 else { return complete ? .done(nil, length: s.count) : .needMore }
    if s[2] == ascii("[") {
      guard s.count >= 4 else { return complete ? .done(nil, length: s.count) : .needMore }
      let key =
        (ascii("A")...ascii("E")).contains(s[3]) ? Key.function(Int(s[3] - ascii("A")) + 1) : nil
      return .done(key, length: 4)
    }
    if s[2] == ascii("M") {
      guard s.count >= 6 else { return complete ? .done(nil, length: s.count) : .needMore }
      return .done(nil, length: 6)
    }
    var i = 2
    while i < s.count, (0x30...0x3F).contains(s[i]) { i += 1 }
    let parameters = s[2..<i]
    while i < s.count, (0x20...0x2F).contains(s[i]) {
      // rxvt ends Shift-modified keys with `$` (`ESC [2$`): a final byte there.
      if s[i] == ascii("$") && i == parameters.endIndex && !parameters.isEmpty {
        return .done(nil, length: i + 1)
      }
      i += 1
    }
    guard i < s.count else {
      return complete || s.count >= longest ? .done(nil, length: s.count) : .needMore
    }
    guard (0x40...0x7E).contains(s[i]) else {
      // Not a CSI after all: swallow what was read, the odd character starts afresh.
      return .done(nil, length: i)
    }
    let length = i + 1
    guard i == parameters.endIndex, let numbers = plainParameters(parameters) else {
      return .done(nil, length: length)
    }
    let key: Key?
    switch s[i] {
    case ascii("~"): key = numbers.first.flatMap { tildeKeys[$0] }
    case ascii("Z"): key = numbers.isEmpty ? .backTab : nil
    default: key = letterKeys[s[i]]
    }
    return .done(key, length: length)
  }

  /// `ESC O` and one final byte (digits before it, a modifier from old xterms, are swallowed).
  private static func decodeSS3(_ s: [UInt32], complete: Bool) -> Step {
    var i = 2
    while i < s.count, (0x30...0x3F).contains(s[i]) { i += 1 }
    guard i < s.count else { return complete ? .done(nil, length: s.count) : .needMore }
    guard (0x40...0x7E).contains(s[i]) else { return .done(nil, length: i) }
    // Digits here are a modifier (`ESC O2P`, Shift-F1 on old xterms).
    guard i == 2 else { return .done(nil, length: i + 1) }
    return .done(letterKeys[s[i]] ?? keypadKeys[s[i]], length: i + 1)
  }

  /// OSC, DCS, APC, PM and SOS strings, up to BEL or ST (`ESC \`): always swallowed.
  private static func decodeString(_ s: [UInt32], complete: Bool) -> Step {
    var i = 2
    while i < s.count {
      switch s[i] {
      case 7, 0x9C: return .done(nil, length: i + 1)
      case escape:
        guard i + 1 < s.count else { return complete ? .done(nil, length: s.count) : .needMore }
        // ESC \ ends the string; an Esc followed by anything else starts a new sequence.
        return .done(nil, length: s[i + 1] == ascii("\\") ? i + 2 : i)
      default: i += 1
      }
    }
    return complete || s.count >= longest ? .done(nil, length: s.count) : .needMore
  }

  /// The numbers of parameters without a modifier (none, `1`, or `n;1`), nil otherwise: a private
  /// marker (`?`, `<`, …), a modifier, or more than two numbers.
  private static func plainParameters(_ p: ArraySlice<UInt32>) -> [Int]? {
    var numbers: [Int] = []
    var current: Int?
    for c in p {
      if c == ascii(";") {
        numbers.append(current ?? 1)
        current = nil
      } else if (ascii("0")...ascii("9")).contains(c) {
        current = min((current ?? 0) * 10 + Int(c - ascii("0")), 100_000)
      } else {
        return nil
      }
    }
    if let current { numbers.append(current) } else if !numbers.isEmpty { numbers.append(1) }
    guard numbers.count <= 2 else { return nil }
    if numbers.count == 2 && numbers[1] != 1 { return nil }
    return numbers
  }

  /// CSI and SS3 letter finals: cursor keys, Home/End (xterm, VTE), F1–F4 (VT100 PF1–PF4).
  private static let letterKeys: [UInt32: Key] = [
    ascii("A"): .up, ascii("B"): .down, ascii("C"): .right, ascii("D"): .left,
    ascii("H"): .home, ascii("F"): .end,
    ascii("P"): .function(1), ascii("Q"): .function(2), ascii("R"): .function(3),
    ascii("S"): .function(4),
  ]

  /// The keypad in application mode (`ESC O M` Enter, `ESC O p` 0, …).
  private static let keypadKeys: [UInt32: Key] = {
    var keys: [UInt32: Key] = [ascii("M"): .enter]
    for (final, character) in zip("jklmnopqrstuvwxyX", "*+,-./0123456789=") {
      keys[final.unicodeScalars.first!.value] = .character(character)
    }
    return keys
  }()

  /// `ESC [ n ~`: the VT220 editing keys (Find = Home, Select = End), rxvt's Home (7) and End (8),
  /// F1–F12 (11–15 as rxvt and old xterms send F1–F5).
  private static let tildeKeys: [Int: Key] = [
    1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
    11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
    17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
    23: .function(11), 24: .function(12),
  ]

  private static func ascii(_ c: Unicode.Scalar) -> UInt32 { c.value }
}
