import CNcurses
import ShinchokuViewModel

#if canImport(Glibc)
  import Glibc
#endif

extension CursesTerminal {
  /// The next input event, waiting at most `timeoutMilliseconds` (negative: no limit).
  ///
  /// Returns nil when the time is up, and also as soon as a termination signal is pending
  /// (check `pendingTerminationSignal`); a terminal that hung up counts as SIGHUP. The wait is cut into slices of at most 100 ms so signals
  /// are noticed promptly. After a stop and resume (Ctrl-Z, `fg`) it returns `.resize` with the
  /// current size and the next `draw` repaints the whole screen.
  ///
  /// ncurses decodes the keys the `TERM` entry lists; every other escape sequence reaches
  /// `KeySequenceParser` character by character, which decodes the forms other terminals send
  /// and swallows the rest whole. Alt/Meta combinations arrive as `.escape` followed by the key.
  public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
    guard !isClosed else { return nil }
    let clock = ContinuousClock()
    let deadline: ContinuousClock.Instant? =
      timeoutMilliseconds < 0 ? nil : clock.now.advanced(by: .milliseconds(timeoutMilliseconds))
    let win = shim_stdscr()
    while true {
      if !queuedEvents.isEmpty { return queuedEvents.removeFirst() }
      if pendingTerminationSignal != nil { return nil }
      if resumedAfterStop.exchange(false, ordering: .sequentiallyConsistent) {
        _ = clearok(shim_curscr(), true)
        let (w, h) = size
        return .resize(width: w, height: h)
      }
      var slice = 100
      if let deadline {
        let remaining = clock.now.duration(to: deadline)
        let ms = Int(
          remaining.components.seconds * 1000 + remaining.components.attoseconds
            / 1_000_000_000_000_000)
        if ms <= 0 {
          // One last non-blocking look, so a timeout of 0 still reads what is queued.
          slice = 0
        } else {
          slice = min(slice, ms)
        }
      }
      if keyParser.isPending {
        // Inside an escape sequence: what ncurses did not match is already queued (it waited the
        // escape delay after the Esc); the rest of a longer sequence gets the delay per character.
        slice = keyParser.pending.count == 1 ? 0 : escapeDelay
      }
      wtimeout(win, Int32(slice))
      var ch: wint_t = 0
      let rc = wget_wch(win, &ch)
      if rc == OK {
        queuedEvents += keyParser.push(UInt32(ch)).map { .key($0) }
        continue
      } else if rc == shim_key_code_yes() {
        queuedEvents += keyParser.flush().map { .key($0) }
        if let event = decodeKeyCode(Int32(bitPattern: ch)) { queuedEvents.append(event) }
        continue
      } else if keyParser.isPending {
        queuedEvents += keyParser.flush().map { .key($0) }
        continue
      }
      if rc == ERR && terminalHungUp() {
        // The terminal is gone (its window closed, tmux killed): as good as SIGHUP. Without this
        // check every read would fail at once and the loop would spin.
        _ = pendingTerminationSignalNumber.compareExchange(
          expected: 0, desired: SIGHUP, ordering: .sequentiallyConsistent)
        return nil
      }
      if slice == 0 && rc == ERR { return nil }
    }
  }

  /// Standard input reports a hang-up or an error.
  private func terminalHungUp() -> Bool {
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) >= 0 else { return false }
    return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }

  private func decodeKeyCode(_ code: Int32) -> InputEvent? {
    switch code {
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_HOME, KEY_FIND: return .key(.home)
    case KEY_END, KEY_SELECT: return .key(.end)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_IC: return .key(.insert)
    case KEY_DC: return .key(.delete)
    case KEY_ENTER: return .key(.enter)
    case KEY_BTAB: return .key(.backTab)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_RESIZE:
      let (w, h) = size
      return .resize(width: w, height: h)
    case KEY_MOUSE: return decodeMouse()
    default:
      for n in 1...12 where code == shim_key_f(Int32(n)) { return .key(.function(n)) }
      return nil
    }
  }

  private func decodeMouse() -> InputEvent? {
    var event = MEVENT()
    guard getmouse(&event) == OK else { return nil }
    let state = event.bstate
    let buttons: [(Int32, MouseButton)] = [(1, .left), (2, .middle), (3, .right)]
    var kind: MouseEvent.Kind?
    for (n, button) in buttons {
      if state & shim_button_double_clicked(n) != 0 {
        kind = .doubleClick(button)
      } else if state & shim_button_clicked(n) != 0 {
        kind = .click(button)
      } else if state & shim_button_pressed(n) != 0 {
        kind = .press(button)
      } else if state & shim_button_released(n) != 0 {
        kind = .release(button)
      }
      if kind != nil { break }
    }
    if kind == nil {
      if state & shim_button_pressed(4) != 0 {
        kind = .wheelUp
      } else if state & shim_button_pressed(5) != 0 {
        kind = .wheelDown
      }
    }
    guard let kind else { return nil }
    return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
  }
}
