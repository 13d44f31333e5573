import CNcurses
import ShinchokuRender
import ShinchokuViewModel
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The ncurses backend: sets the terminal up, draws `Frame`s, decodes input, and restores the
/// terminal on every exit path (normal close, termination signals, crashes).
///
/// Only one can be open at a time (ncurses has one current screen). All calls run on the main
/// actor.
@MainActor
public final class CursesTerminal {
  /// The terminal that is open, if any: what `exitBySignal` closes.
  private static var current: CursesTerminal?

  private var screen: OpaquePointer?
  private var isOpen = true
  /// The depth the app may assume (`NO_COLOR`, `COLORTERM` and terminfo considered).
  public let colorDepth: ColorDepth
  /// The terminfo entry takes 24-bit colour numbers (a `*-direct` entry).
  private let directColor: Bool
  private let hasDefaultColors: Bool
  var pairs = ColorPairCache()
  /// The frame drawn last and the terminal's size then: `draw` writes only the cells that differ.
  var lastDrawn: (frame: Frame, columns: Int, rows: Int)?
  /// How long, in milliseconds, an Esc waits for the rest of a sequence (`ESCDELAY` or 25).
  let escapeDelay: Int
  /// Escape sequences ncurses did not decode, read character by character.
  var keyParser = KeySequenceParser()
  /// Events decoded and not yet returned (one read can end a sequence and start another).
  var queuedEvents: [InputEvent] = []

  private init(
    screen: OpaquePointer?, colorDepth: ColorDepth, directColor: Bool, hasDefaultColors: Bool,
    escapeDelay: Int
  ) {
    self.screen = screen
    self.escapeDelay = escapeDelay
    self.colorDepth = colorDepth
    self.directColor = directColor
    self.hasDefaultColors = hasDefaultColors
    pairs.capacity = colorDepth == .none ? 0 : Int(shim_color_pairs())
  }

  // MARK: - Opening

  /// Starts the full-screen interface on standard input/output.
  ///
  /// Throws `TerminalUnavailable` (before writing anything to the terminal) when standard input or
  /// output is not a terminal, `TERM` is unset, `dumb`, unknown to terminfo, or cannot address the
  /// cursor, or when a terminal is already open.
  ///
  /// `color` decides whether colour is used at all (`auto`: unless `NO_COLOR` is set and not
  /// empty); the terminal's terminfo entry decides how much.
  public static func open(color: ColorChoice = .auto) throws -> CursesTerminal {
    if current != nil { throw TerminalUnavailable("a terminal interface is already open") }
    guard isatty(0) == 1 else { throw TerminalUnavailable("standard input is not a terminal") }
    guard isatty(1) == 1 else { throw TerminalUnavailable("standard output is not a terminal") }
    let term = environment("TERM") ?? ""
    if term.isEmpty {
      throw TerminalUnavailable("TERM is not set; cannot start the terminal interface")
    }
    if term == "dumb" { throw TerminalUnavailable("TERM=dumb cannot show a full-screen interface") }

    try configureLocale()
    try checkSizeVariables()

    // Probe terminfo quietly (errret given: setupterm prints nothing) before curses starts.
    var status: Int32 = 0
    if shim_setupterm(nil, 1, &status) != OK {
      shim_release_term()
      if status == -1 {
        throw TerminalUnavailable("the terminfo database could not be found (TERM=\(term))")
      }
      throw TerminalUnavailable("TERM=\(term) is not in the terminfo database")
    }
    guard capability("cup") != nil else {
      shim_release_term()
      throw TerminalUnavailable(
        "TERM=\(term) cannot move the cursor; a full-screen interface needs it")
    }
    let restoreBytes = makeRestoreBytes()
    shim_release_term()

    // Everything the signal handlers need, prepared before they are installed.
    _ = pendingTerminationSignalNumber.exchange(0, ordering: .sequentiallyConsistent)
    resumedAfterStop.store(false, ordering: .sequentiallyConsistent)
    let state = restoreStateStorage
    state.pointee.terminalFD = 0
    state.pointee.outputFD = 1
    state.pointee.hasSavedTermios = tcgetattr(0, &state.pointee.savedTermios) == 0
    state.pointee.bytes?.deallocate()
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(restoreBytes.count, 1))
    bytes.initialize(from: restoreBytes, count: restoreBytes.count)
    state.pointee.bytes = bytes
    state.pointee.byteCount = restoreBytes.count
    captureStderr(state)
    // Ours first: ncurses then leaves SIGINT/SIGTERM alone (it only takes default ones) and
    // installs its own SIGTSTP and SIGWINCH handlers.
    installSignalHandlers()
    publishedRestoreState.store(UInt(bitPattern: state), ordering: .sequentiallyConsistent)

    guard let screen = newterm(nil, shim_stdout(), shim_stdin()) else {
      publishedRestoreState.store(0, ordering: .sequentiallyConsistent)
      releaseCapturedStderr(state)
      uninstallSignalHandlers()
      throw TerminalUnavailable("ncurses could not initialise TERM=\(term)")
    }
    _ = set_term(screen)
    // Until ncurses has been through `endwin` and back, it takes the program for a low-level
    // terminfo user and flushes its output at every cursor motion (`_nc_mvcur`, "the screen
    // has not been initialized"): a frame left in one write per changed run of cells, about 30
    // for a day move, which the terminal reads (and may paint) in pieces and which cost the
    // key a third of its time. One round trip now, before anything is drawn or set, leaves it
    // running: from here a frame leaves in one write (or a few of its 4 KB buffer).
    _ = endwin()
    _ = doupdate()

    _ = cbreak()  // Ctrl-C, Ctrl-\ and Ctrl-Z keep sending their signals.
    _ = noecho()
    _ = nonl()
    disableFlowControl()
    _ = keypad(shim_stdscr(), true)
    _ = intrflush(shim_stdscr(), false)
    // The cursor is placed on the selection after every frame (for screen readers and braille
    // displays), so ncurses must leave it where the frame puts it.
    _ = leaveok(shim_stdscr(), false)
    _ = scrollok(shim_stdscr(), false)
    // No look for typed-ahead keys during an update: ncurses flushes what it has before each
    // look, so a frame left in a score of small writes, read (and drawn) by the terminal in
    // pieces. The main loop takes every queued key before it draws (one frame for them all).
    _ = typeahead(-1)
    _ = curs_set(0)
    // The user's ESCDELAY wins over the 25 ms that keeps Esc quick (ncurses' own default is 1 s).
    let escapeDelay = KeySequenceParser.escapeDelay(environment: environment("ESCDELAY"))
    _ = set_escdelay(Int32(escapeDelay))

    let noColor = !color.allowsColor(environment: ["NO_COLOR": environment("NO_COLOR") ?? ""])
    var depth = ColorDepth.none
    var direct = false
    var defaults = false
    if !noColor && has_colors() {
      _ = start_color()
      defaults = use_default_colors() == OK
      let colors = Int(shim_colors())
      direct = colors >= 1 << 24
      let colorTerm = (environment("COLORTERM") ?? "").lowercased()
      if direct || (colors >= 256 && (colorTerm == "truecolor" || colorTerm == "24bit")) {
        depth = .trueColor
      } else if colors >= 256 {
        depth = .indexed256
      } else if colors >= 16 {
        depth = .sixteen
      } else if colors >= 8 {
        depth = .eight
      }
    }

    var mask: mmask_t = 0
    for button in 1...3 {
      mask |= shim_button_pressed(Int32(button)) | shim_button_released(Int32(button))
      mask |= shim_button_clicked(Int32(button)) | shim_button_double_clicked(Int32(button))
    }
    mask |= shim_button_pressed(4) | shim_button_pressed(5)
    _ = mousemask(mask, nil)
    // Press and release within this many milliseconds make a click, two clicks a double click.
    _ = mouseinterval(200)

    let terminal = CursesTerminal(
      screen: screen, colorDepth: depth, directColor: direct, hasDefaultColors: defaults,
      escapeDelay: escapeDelay)
    current = terminal
    return terminal
  }

  /// Sends standard error to an unlinked temporary file while curses runs (only when it is the
  /// terminal); `close()` and the crash handlers copy it back.
  private static func captureStderr(_ state: UnsafeMutablePointer<CrashRestoreState>) {
    releaseCapturedStderr(state)
    guard isatty(2) == 1 else { return }
    var template = Array("/tmp/curses-stderr-XXXXXX".utf8CString)
    let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard file >= 0 else { return }
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    let saved = dup(2)
    guard saved >= 0, dup2(file, 2) >= 0 else {
      if saved >= 0 { _ = Glibc.close(saved) }
      _ = Glibc.close(file)
      return
    }
    state.pointee.savedStderrFD = saved
    state.pointee.capturedStderrFD = file
  }

  /// `setlocale(LC_ALL, "")`. The dashboard draws Japanese text, so it needs a UTF-8 locale
  /// (ncurses sends and decodes the locale's encoding): a locale named in LC_ALL, LC_CTYPE or
  /// LANG that is not UTF-8 (LANG=C, ja_JP.eucJP) or not installed is an error that says what
  /// is needed, before anything is written to the terminal. With none of them set, or a UTF-8
  /// one that is not installed, C.UTF-8 is taken.
  private static func configureLocale() throws {
    let loaded = setlocale(LC_ALL, "") != nil
    if isUTF8Codeset() { return }
    let named = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { name in
      environment(name).flatMap { $0.isEmpty ? nil : (name, $0) }
    }.first
    // None named, or a UTF-8 one that is not installed here (en_US.UTF-8 on a minimal
    // system): the terminal is UTF-8 all the same, and C.UTF-8 draws it.
    let claimsUTF8 =
      named.map { $0.1.lowercased().replacingOccurrences(of: "-", with: "") }
      .map { $0.hasSuffix(".utf8") || $0.contains(".utf8@") } ?? true
    guard let (variable, value) = named, !claimsUTF8 else {
      _ = setlocale(LC_ALL, "C.UTF-8")
      return
    }
    _ = setlocale(LC_ALL, "C")
    let what =
      loaded
      ? "is not a UTF-8 locale" : "is not installed on this machine (see `locale -a`)"
    throw TerminalUnavailable(
      "\(variable)=\(value) \(what); the dashboard draws Japanese text and needs a UTF-8 locale: run it with LANG=ja_JP.UTF-8 or LANG=C.UTF-8 (and a terminal set to UTF-8)"
    )
  }

  /// The most rows or columns `LINES` and `COLUMNS` may give (ncurses takes them over the
  /// terminal's own size, and fails on absurd ones).
  static let maxSizeVariable = 10_000

  /// `LINES` and `COLUMNS`, when set, must be a size ncurses can use.
  private static func checkSizeVariables() throws {
    for name in ["COLUMNS", "LINES"] {
      guard let value = environment(name), !value.isEmpty else { continue }
      guard let number = Int(value), number >= 1, number <= maxSizeVariable else {
        throw TerminalUnavailable(
          "\(name)=\(value) is not a usable terminal size (1 to \(maxSizeVariable)); unset \(name) to use the terminal's own size"
        )
      }
    }
  }

  private static func isUTF8Codeset() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }

  private static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  private static func capability(_ name: String) -> [UInt8]? {
    guard let s = shim_tigetstr(name) else { return nil }
    return Array(String(cString: s).utf8)
  }

  /// The bytes that undo what curses did, from terminfo where it has them.
  private static func makeRestoreBytes() -> [UInt8] {
    var bytes: [UInt8] = []
    // Every xterm mouse mode ncurses may have turned on (X10/normal, button, any, SGR).
    if shim_tigetstr("kmous") != nil {
      bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
    }
    for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      if let s = capability(cap) { bytes += stripPadding(s) }
    }
    return bytes
  }

  /// Removes terminfo padding (`$<5>`, `$<2*/>`), which only tputs understands.
  private static func stripPadding(_ s: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while i < s.count {
      if s[i] == UInt8(ascii: "$"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "<"),
        let end = s[(i + 2)...].firstIndex(of: UInt8(ascii: ">"))
      {
        i = end + 1
      } else {
        out.append(s[i])
        i += 1
      }
    }
    return out
  }

  /// Ctrl-S and Ctrl-Q reach the program as keys instead of pausing output.
  private static func disableFlowControl() {
    var t = termios()
    if tcgetattr(0, &t) == 0 {
      t.c_iflag &= ~tcflag_t(IXON)
      _ = tcsetattr(0, TCSANOW, &t)
      _ = def_prog_mode()
    }
  }

  // MARK: - Size

  /// The terminal's size in columns and rows.
  public var size: (width: Int, height: Int) {
    guard isOpen else { return (0, 0) }
    var rows: Int32 = 0
    var cols: Int32 = 0
    shim_getmaxyx(shim_stdscr(), &rows, &cols)
    return (Int(cols), Int(rows))
  }

  // MARK: - Signals

  /// The termination signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, …) that arrived, if any. The main
  /// loop checks it after each `nextEvent` and ends with `CursesTerminal.exitBySignal(_:)`.
  /// A second termination signal while one is pending restores the terminal and ends the process
  /// at once (for a main loop that is stuck).
  public var pendingTerminationSignal: Int32? {
    let sig = pendingTerminationSignalNumber.load(ordering: .sequentiallyConsistent)
    return sig == 0 ? nil : sig
  }

  /// Closes the open terminal, if any, then ends the process by `sig` with its default
  /// disposition, so the parent sees which signal ended it.
  public static func exitBySignal(_ sig: Int32) -> Never {
    current?.close()
    resetToDefaultDisposition(sig)
    _ = raise(sig)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, sig)
    _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
    _exit(128 + sig)
  }

  /// Restores the terminal with the same async-signal-safe steps the crash handlers use; for a
  /// last-resort path (e.g. right before `fatalError` when its message must be readable).
  /// `close()` is the normal way.
  public nonisolated static func restoreAfterFatalError() {
    restoreTerminalFromSignalHandler()
  }

  // MARK: - Closing

  /// Restores the terminal: mouse reporting off, cursor visible, `endwin`, signal dispositions
  /// back to what they were. Safe to call more than once.
  public func close() {
    guard isOpen else { return }
    isOpen = false
    _ = mousemask(0, nil)
    _ = curs_set(1)
    _ = endwin()
    if let screen {
      delscreen(screen)
      self.screen = nil
    }
    publishedRestoreState.store(0, ordering: .sequentiallyConsistent)
    releaseCapturedStderr(restoreStateStorage)
    uninstallSignalHandlers()
    if CursesTerminal.current === self { CursesTerminal.current = nil }
  }

  var isClosed: Bool { !isOpen }

  // MARK: - Colour numbers

  /// The ncurses colour number for `color` (-1 = the terminal's default).
  func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int32 {
    guard let mapped = nearestColor(color, depth: colorDepth) else { return -1 }
    switch mapped {
    case .terminalDefault:
      return hasDefaultColors ? -1 : (isForeground ? 7 : 0)
    case .indexed(let i):
      if directColor && i >= 8 {
        let c = xtermPaletteRGB(i)
        return Int32(c.r) << 16 | Int32(c.g) << 8 | Int32(c.b)
      }
      return Int32(i)
    case .rgb(let r, let g, let b):
      if directColor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
      if case .indexed(let i)? = nearestColor(mapped, depth: .indexed256) { return Int32(i) }
      return -1
    }
  }

  /// The colour pair for `style`, allocated on first use.
  func pairNumber(for style: Style) -> Int32 {
    guard colorDepth != .none else { return 0 }
    let fg = colorNumber(style.foreground, isForeground: true)
    let bg = colorNumber(style.background, isForeground: false)
    return pairs.pair(
      fg: fg, bg: bg, defaultFG: hasDefaultColors ? -1 : 7,
      defaultBG: hasDefaultColors ? -1 : 0
    ) { n, fg, bg in init_extended_pair(n, fg, bg) == OK }
  }
}
