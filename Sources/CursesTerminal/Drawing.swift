import CNcurses
import ShinchokuRender
import TerminalText

extension CursesTerminal {
  /// Draws `frame`: the cells that differ from the frame drawn before go into ncurses' virtual
  /// screen (which holds the others already), then one `doupdate` sends only what changed on
  /// the terminal. Where the frame and the terminal differ in size, the overlap is drawn and
  /// the rest of the screen blanked. A new size, or colour pairs defined anew, draw every cell.
  public func draw(_ frame: Frame) {
    guard !isClosed else { return }
    let win = shim_stdscr()
    let (cols, rows) = size
    let pairsRestarted = pairs.beginFrame()
    let previous =
      pairsRestarted
      ? nil
      : lastDrawn.flatMap {
        $0.frame.width == frame.width && $0.frame.height == frame.height
          && $0.columns == cols && $0.rows == rows ? $0.frame : nil
      }
    lastDrawn = (frame, cols, rows)
    let width = min(frame.width, cols)
    let height = min(frame.height, rows)
    var cc = cchar_t()
    var text = [wchar_t](repeating: 0, count: Int(shim_ccharw_max()) + 1)
    // Each style's attributes and colour pair, worked out once a frame (a pair is found by
    // mapping both colours to the terminal's, which for a 24-bit colour on a 256-colour
    // terminal is a search for the nearest: it was a third of the drawing); neighbouring
    // cells mostly share their style.
    var styles: [(style: Style, bits: StyleBits)] = []
    var last: (style: Style, bits: StyleBits)?
    func bits(_ style: Style) -> StyleBits {
      if let last, last.style == style { return last.bits }
      if let known = styles.first(where: { $0.style == style }) {
        last = known
        return known.bits
      }
      let made = StyleBits(
        attributes: attributeBits(style.attributes), pair: pairNumber(for: style))
      styles.append((style, made))
      last = (style, made)
      return made
    }
    // The cells read in place (a cell read through the frame's subscript is a copy, its text
    // retained and released: that was a third of the time spent here).
    let stride = frame.width
    let previousCells = previous?.cells ?? []
    frame.cells.withUnsafeBufferPointer { cells in
      previousCells.withUnsafeBufferPointer { before in
        for y in 0..<height {
          var x = 0
          let row = y * stride
          while x < width {
            let index = row + x
            if !before.isEmpty, before[index] == cells[index] {
              // In ncurses' screen already: every write that could have changed it (a wide
              // glyph over it, or over the glyph it is half of) was at a cell that differs too.
              x += cells[index].isContinuation ? 1 : max(Int(cells[index].width), 1)
              continue
            }
            let cell = cells[index]
            if cell.isContinuation {
              // An orphan continuation (its wide glyph was clipped): blank it.
              put(
                .space, width: 1, style: bits(cell.style), x: x, y: y, win: win, cc: &cc,
                text: &text)
              x += 1
              continue
            }
            let w = Int(cell.width)
            if w == 2 && x + 1 >= cols {
              // A wide glyph cut by the right edge of the terminal.
              put(
                .space, width: 1, style: bits(cell.style), x: x, y: y, win: win, cc: &cc,
                text: &text)
              x += 1
              continue
            }
            put(
              cell.glyph, width: w, style: bits(cell.style), x: x, y: y, win: win, cc: &cc,
              text: &text)
            x += max(w, 1)
          }
          if width < cols {
            _ = wmove(win, Int32(y), Int32(width))
            _ = wclrtoeol(win)
          }
        }
      }
    }
    if height < rows {
      _ = wmove(win, Int32(height), 0)
      _ = wclrtobot(win)
    }
    // Last: the cursor on the selection (hidden unless asked for, but always placed).
    let cursor = frame.cursor.flatMap { $0.x < cols && $0.y < rows ? $0 : nil }
    _ = wmove(win, Int32(cursor?.y ?? 0), Int32(cursor?.x ?? 0))
    _ = wnoutrefresh(win)
    _ = doupdate()
  }

  /// Shows the cursor (for braille and magnifier users, `--cursor`) or hides it (the default; it
  /// is placed on the selection either way).
  public func setCursorVisible(_ visible: Bool) {
    guard !isClosed else { return }
    _ = curs_set(visible ? 1 : 0)
  }

  /// Puts one cell of `width` columns at (x, y). If glibc (which ncurses and the terminal use)
  /// gives the glyph another width than the frame does, the glyph is replaced or padded so that
  /// the columns after it stay where the frame put them.
  private func put(
    _ glyph: Glyph, width: Int, style: StyleBits, x: Int, y: Int,
    win: UnsafeMutablePointer<WINDOW>?,
    cc: inout cchar_t, text: inout [wchar_t]
  ) {
    // As many scalars as a cell of ncurses holds (CCHARW_MAX): a terminal shows no more.
    let limit = text.count - 1
    var count = 0
    glyph.forEachScalar { scalar in
      guard count < limit else { return }
      text[count] = wchar_t(bitPattern: scalar.value)
      count += 1
    }
    if count == 0 {
      text[0] = 0x20
      count = 1
    }
    let glibcWidth = Int(wcwidth(text[0]))
    var pad = 0
    if glibcWidth != width || glibcWidth <= 0 {
      if width == 2 && glibcWidth == 1 {
        pad = 1
      } else {
        // Unprintable, or wider than the frame thinks: a replacement of the frame's width.
        text[0] = 0x3F  // "?"
        count = 1
        pad = width - 1
      }
    }
    text[count] = 0
    let (attributes, pair) = (style.attributes, style.pair)
    _ = shim_setcchar(&cc, text, attributes, pair)
    // At the bottom-right corner the cursor cannot advance: ncurses stores the cell and returns
    // ERR, which is harmless here.
    _ = mvwadd_wch(win, Int32(y), Int32(x), &cc)
    if pad > 0 {
      text[0] = 0x20
      text[1] = 0
      _ = shim_setcchar(&cc, text, attributes, pair)
      for i in 1...pad { _ = mvwadd_wch(win, Int32(y), Int32(x + i), &cc) }
    }
  }

  private func attributeBits(_ a: TextAttributes) -> attr_t {
    var bits = shim_a_normal()
    if a.contains(.bold) { bits |= shim_a_bold() }
    if a.contains(.dim) { bits |= shim_a_dim() }
    if a.contains(.underline) { bits |= shim_a_underline() }
    if a.contains(.reverse) { bits |= shim_a_reverse() }
    return bits
  }
}

/// What ncurses is given for a style: its attribute bits and its colour pair.
struct StyleBits {
  var attributes: attr_t
  var pair: Int32
}
