/// Colour pairs allocated on demand. Pair 0 is the terminal's default pair.
///
/// When every pair is taken, a style gets the closest pair already allocated (same foreground,
/// then same background, then pair 0), and the cache starts over at the next frame (`beginFrame`),
/// so a screen whose styles changed gets exact pairs again; ncurses repaints cells whose pair it
/// redefines.
struct ColorPairCache {
  struct Key: Hashable {
    var fg: Int32
    var bg: Int32
  }
  /// COLOR_PAIRS: pairs 1 ..< capacity can be allocated.
  var capacity = 0
  private var pairs: [Key: Int32] = [:]
  private var next: Int32 = 1
  private var exhausted = false

  /// True when the cache started over: pairs are redefined, so every cell is drawn again.
  @discardableResult
  mutating func beginFrame() -> Bool {
    guard exhausted else { return false }
    pairs.removeAll(keepingCapacity: true)
    next = 1
    exhausted = false
    return true
  }

  mutating func pair(
    fg: Int32, bg: Int32, defaultFG: Int32, defaultBG: Int32,
    allocate: (Int32, Int32, Int32) -> Bool
  ) -> Int32 {
    if fg == defaultFG && bg == defaultBG { return 0 }
    let key = Key(fg: fg, bg: bg)
    if let p = pairs[key] { return p }
    if Int(next) < capacity, allocate(next, fg, bg) {
      pairs[key] = next
      next += 1
      return next - 1
    }
    exhausted = true
    if let p = pairs[Key(fg: fg, bg: defaultBG)] { return p }
    if let p = pairs.first(where: { $0.key.fg == fg })?.value { return p }
    if let p = pairs.first(where: { $0.key.bg == bg })?.value { return p }
    return 0
  }

  var allocatedCount: Int { pairs.count }
}
