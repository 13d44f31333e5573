import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Everything a signal handler touches lives here: lock-free atomics and memory prepared before
// the handlers are installed. Handlers call only async-signal-safe functions (write, tcsetattr,
// sigaction, raise) and never touch ncurses.

/// The termination signal (any in `terminationSignals`) that arrived and waits for the main
/// loop; 0 when none.
let pendingTerminationSignalNumber = Atomic<Int32>(0)

/// Set by SIGCONT: the process was stopped and resumed, so the screen needs a full repaint.
let resumedAfterStop = Atomic<Bool>(false)

/// The address of the `CrashRestoreState` the handlers use, published once it is complete; 0 when
/// no terminal is open.
let publishedRestoreState = Atomic<UInt>(0)

/// The signals whose default action is to end the process, from the system's list: every
/// signal from 1 to SIGRTMAX but those whose default is to be ignored, to stop or to continue
/// (signal(7)), KILL and STOP (which cannot be caught), the crash signals (handled apart) and
/// those the terminal session ignores. Each is noted for the main loop, which restores the
/// terminal and ends the process by it.
let terminationSignals: [Int32] = {
  let notTerminating: Set<Int32> = [
    SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH, SIGKILL,
  ]
  let excluded = notTerminating.union(crashSignals).union(ignoredSignals)
  // 32 and 33 are glibc's own (threads); SIGRTMIN is the first an application may use.
  let realTime = Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
  return (Array(1..<32) + realTime).filter { !excluded.contains($0) }
}()
let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]
/// Ignored while the terminal is open: a write past `ulimit -f` fails with EFBIG and a write to
/// a closed pipe with EPIPE, instead of ending the process with the terminal left as curses
/// set it.
let ignoredSignals: [Int32] = [SIGXFSZ, SIGPIPE]
/// How many dispositions `previousActions` holds (signals 0 to SIGRTMAX).
let signalSlots = Int(NSIG)

/// What is needed to put the terminal back from inside a signal handler.
struct CrashRestoreState {
  /// The terminal's settings before curses changed them.
  var savedTermios = termios()
  var hasSavedTermios = false
  /// The file descriptor of the terminal (standard input).
  var terminalFD: Int32 = 0
  /// The file descriptor the restore bytes go to (standard output).
  var outputFD: Int32 = 1
  /// Mouse reporting off, attributes reset, cursor visible, keypad off, alternate screen left.
  var bytes: UnsafeMutablePointer<UInt8>? = nil
  var byteCount = 0
  /// The dispositions before ours, indexed by signal number (< `signalSlots`).
  var previousActions: UnsafeMutablePointer<sigaction>? = nil
  /// While curses runs, standard error goes to `capturedStderrFD` (an unlinked temporary file)
  /// so stray messages cannot scribble over the screen; `savedStderrFD` is the original one.
  /// Restoring copies what was captured (a fatal error's message, say) back to the terminal.
  var savedStderrFD: Int32 = -1
  var capturedStderrFD: Int32 = -1
  var copyBuffer: UnsafeMutablePointer<UInt8>? = nil
  let copyBufferSize = 4096
}

/// Storage for the state, allocated once and reused: a handler on another thread may still read
/// it while `close()` runs, so it is never freed.
/// Written only on the main actor while unpublished (`publishedRestoreState` is 0), read by the
/// handlers once published.
nonisolated(unsafe) let restoreStateStorage: UnsafeMutablePointer<CrashRestoreState> = {
  let state = UnsafeMutablePointer<CrashRestoreState>.allocate(capacity: 1)
  state.initialize(to: CrashRestoreState())
  let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
  actions.initialize(repeating: sigaction(), count: signalSlots)
  state.pointee.previousActions = actions
  state.pointee.copyBuffer = .allocate(capacity: state.pointee.copyBufferSize)
  return state
}()

/// Writes the restore bytes and the saved termios back. Async-signal-safe.
func restoreTerminalFromSignalHandler() {
  let address = publishedRestoreState.load(ordering: .acquiring)
  guard let state = UnsafeMutablePointer<CrashRestoreState>(bitPattern: address) else { return }
  if let bytes = state.pointee.bytes {
    var offset = 0
    let count = state.pointee.byteCount
    while offset < count {
      let n = write(state.pointee.outputFD, bytes + offset, count - offset)
      if n > 0 {
        offset += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
  }
  if state.pointee.hasSavedTermios {
    _ = tcsetattr(state.pointee.terminalFD, TCSANOW, &state.pointee.savedTermios)
  }
  releaseCapturedStderr(state)
}

/// Puts the original standard error back and copies the captured text to it. Async-signal-safe
/// (dup2, lseek, read, write, close). Idempotent.
func releaseCapturedStderr(_ state: UnsafeMutablePointer<CrashRestoreState>) {
  let saved = state.pointee.savedStderrFD
  let captured = state.pointee.capturedStderrFD
  guard saved >= 0, captured >= 0, let buffer = state.pointee.copyBuffer else { return }
  state.pointee.savedStderrFD = -1
  state.pointee.capturedStderrFD = -1
  _ = dup2(saved, 2)
  _ = close(saved)
  _ = lseek(captured, 0, SEEK_SET)
  while true {
    let n = read(captured, buffer, state.pointee.copyBufferSize)
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { break }
    var offset = 0
    while offset < n {
      let w = write(2, buffer + offset, n - offset)
      if w > 0 {
        offset += w
      } else if w < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
  }
  _ = close(captured)
}

/// Puts back the disposition that was there before ours (the Swift runtime's backtracer for
/// crash signals, usually) or the default one.
func reinstallPreviousDisposition(_ sig: Int32) {
  let actions = restoreStateStorage.pointee.previousActions
  if let actions, sig > 0, sig < signalSlots {
    _ = sigaction(sig, actions + Int(sig), nil)
  } else {
    _ = signal(sig, SIG_DFL)
  }
}

func resetToDefaultDisposition(_ sig: Int32) {
  var action = sigaction()
  action.__sigaction_handler = .init(sa_handler: SIG_DFL)
  sigemptyset(&action.sa_mask)
  action.sa_flags = 0
  _ = sigaction(sig, &action, nil)
}

/// SIGINT, SIGTERM, SIGHUP, SIGQUIT and every other signal that would end the process: note the
/// signal for the main loop. A second termination
/// signal before the main loop acted means it is stuck: restore the terminal and die now.
let terminationSignalHandler: @convention(c) (Int32) -> Void = { sig in
  let previous = pendingTerminationSignalNumber.exchange(sig, ordering: .sequentiallyConsistent)
  if previous != 0 {
    restoreTerminalFromSignalHandler()
    resetToDefaultDisposition(sig)
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, sig)
    _ = raise(sig)
    _ = sigprocmask(SIG_UNBLOCK, &unblock, nil)
    _exit(128 + sig)
  }
}

/// SIGCONT: resumed after SIGTSTP; the main loop repaints.
let continueSignalHandler: @convention(c) (Int32) -> Void = { _ in
  resumedAfterStop.store(true, ordering: .sequentiallyConsistent)
}

/// SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: restore the terminal, put back the
/// previous disposition and let the signal happen again so the crash is reported as usual.
let crashSignalHandler:
  @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
    sig, info, _ in
    restoreTerminalFromSignalHandler()
    publishedRestoreState.store(0, ordering: .sequentiallyConsistent)
    reinstallPreviousDisposition(sig)
    // A fault raised by the kernel (si_code > 0) happens again when the handler returns, now with
    // the previous disposition and its real context. One sent by kill/raise/abort is re-raised;
    // it stays blocked until the handler returns.
    let sentByProcess = (info?.pointee.si_code ?? 0) <= 0
    if sentByProcess || sig == SIGTRAP {
      _ = raise(sig)
    }
  }

/// Installs our handlers, remembering the previous dispositions.
func installSignalHandlers() {
  let previous = restoreStateStorage.pointee.previousActions!
  for sig in terminationSignals {
    var action = sigaction()
    action.__sigaction_handler = .init(sa_handler: terminationSignalHandler)
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: a blocking read returns early with EINTR.
    _ = sigaction(sig, &action, previous + Int(sig))
  }
  for sig in crashSignals {
    var action = sigaction()
    action.__sigaction_handler = .init(sa_sigaction: crashSignalHandler)
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_SIGINFO | SA_ONSTACK
    _ = sigaction(sig, &action, previous + Int(sig))
  }
  for sig in ignoredSignals {
    var action = sigaction()
    action.__sigaction_handler = .init(sa_handler: SIG_IGN)
    sigemptyset(&action.sa_mask)
    _ = sigaction(sig, &action, previous + Int(sig))
  }
  var action = sigaction()
  action.__sigaction_handler = .init(sa_handler: continueSignalHandler)
  sigemptyset(&action.sa_mask)
  action.sa_flags = SA_RESTART
  _ = sigaction(SIGCONT, &action, previous + Int(SIGCONT))
}

/// Puts back the dispositions saved by `installSignalHandlers`.
func uninstallSignalHandlers() {
  let previous = restoreStateStorage.pointee.previousActions!
  for sig in terminationSignals + crashSignals + ignoredSignals + [SIGCONT] {
    _ = sigaction(sig, previous + Int(sig), nil)
  }
}
