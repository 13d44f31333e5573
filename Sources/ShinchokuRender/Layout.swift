import ShinchokuViewModel
import TerminalText

/// A rectangle of the screen, in columns and rows.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// The rectangle inside a one-cell border.
  public var inside: Rect { Rect(x: x + 1, y: y + 1, width: width - 2, height: height - 2) }

  public var isEmpty: Bool { width == 0 || height == 0 }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }

  public func contains(x px: Int, y py: Int) -> Bool {
    px >= x && px < x + width && py >= y && py < y + height
  }

  /// Whether `other` lies wholly inside this rectangle (an empty one always does).
  public func contains(_ other: Rect) -> Bool {
    other.isEmpty
      || (other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY)
  }

  public func intersects(_ other: Rect) -> Bool {
    !isEmpty && !other.isEmpty && x < other.maxX && other.x < maxX && y < other.maxY
      && other.y < maxY
  }

  /// The part of this rectangle inside `other` (empty where they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let x0 = Swift.max(x, other.x)
    let y0 = Swift.max(y, other.y)
    let x1 = Swift.min(maxX, other.maxX)
    let y1 = Swift.min(maxY, other.maxY)
    guard x0 < x1, y0 < y1 else { return Rect(x: x0, y: y0, width: 0, height: 0) }
    return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
  }

  /// A rectangle of `width`×`height` centred in this one (clipped to it).
  public func centred(width w: Int, height h: Int) -> Rect {
    let w = min(w, width)
    let h = min(h, height)
    return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
  }

  public var description: String { "\(width)x\(height)@\(x),\(y)" }
}

/// How much of a row or column a part of a layout asks for.
public enum Constraint: Sendable, Equatable {
  /// Exactly this many cells (less only when the whole does not fit).
  case length(Int)
  /// At least this many; grows with the room left when no part fills.
  case min(Int)
  /// Up to this many, from the room left after the fixed parts.
  case max(Int)
  /// This share of the whole: `ratio(1, 2)` is half.
  case ratio(Int, Int)
  /// What is left, shared among the filling parts by weight.
  case fill(Int)
}

public enum Axis: Sendable {
  case horizontal, vertical
}

/// Splits a rectangle into parts along one axis by constraints, as one place decides where the
/// screen's parts go. The parts are laid side by side without gaps or overlap and never extend
/// past the rectangle: when the constraints ask for more than there is, ratios give way first,
/// then minimums, then lengths, each from the last part back.
public struct Layout: Sendable {
  public var axis: Axis
  public var constraints: [Constraint]

  public init(_ axis: Axis, _ constraints: [Constraint]) {
    self.axis = axis
    self.constraints = constraints
  }

  /// The sizes along the axis for a total of `total` cells.
  public func sizes(_ total: Int) -> [Int] {
    let total = Swift.max(0, total)
    var sizes: [Int] = constraints.map { constraint in
      switch constraint {
      case .length(let n), .min(let n): Swift.max(0, n)
      case .ratio(let a, let b): b > 0 ? Swift.max(0, total * a / b) : 0
      case .max, .fill: 0
      }
    }
    // Too much asked: give way in order (ratios, minimums, lengths), last part first.
    var excess = sizes.reduce(0, +) - total
    for give in [Give.ratio, .minimum, .length] where excess > 0 {
      for index in constraints.indices.reversed()
      where excess > 0 && give.matches(constraints[index]) {
        let cut = Swift.min(sizes[index], excess)
        sizes[index] -= cut
        excess -= cut
      }
    }
    var left = total - sizes.reduce(0, +)
    // Room left: the `max` parts up to their limit, then the filling parts by weight, then
    // (when nothing fills) the `min` parts evenly.
    for index in constraints.indices where left > 0 {
      if case .max(let n) = constraints[index] {
        let grant = Swift.min(Swift.max(0, n), left)
        sizes[index] += grant
        left -= grant
      }
    }
    let weights: [Int] = constraints.map {
      if case .fill(let w) = $0 { Swift.max(1, w) } else { 0 }
    }
    if left > 0, weights.contains(where: { $0 > 0 }) {
      share(left, by: weights, into: &sizes)
    } else if left > 0 {
      let minimums: [Int] = constraints.map { if case .min = $0 { 1 } else { 0 } }
      if minimums.contains(1) { share(left, by: minimums, into: &sizes) }
    }
    return sizes
  }

  /// The parts of `rect`.
  public func split(_ rect: Rect) -> [Rect] {
    let sizes = sizes(axis == .horizontal ? rect.width : rect.height)
    var offset = 0
    return sizes.map { size in
      defer { offset += size }
      return axis == .horizontal
        ? Rect(x: rect.x + offset, y: rect.y, width: size, height: rect.height)
        : Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: size)
    }
  }

  private enum Give {
    case ratio, minimum, length
    func matches(_ constraint: Constraint) -> Bool {
      switch (self, constraint) {
      case (.ratio, .ratio), (.minimum, .min), (.length, .length): true
      default: false
      }
    }
  }

  /// Adds `amount` to `sizes` in proportion to `weights` (largest remainder, earlier first).
  private func share(_ amount: Int, by weights: [Int], into sizes: inout [Int]) {
    let sum = weights.reduce(0, +)
    guard sum > 0 else { return }
    var given = 0
    for index in weights.indices {
      let grant = amount * weights[index] / sum
      sizes[index] += grant
      given += grant
    }
    for index in weights.indices where given < amount && weights[index] > 0 {
      sizes[index] += 1
      given += 1
    }
  }
}

/// A part of a one-line bar (the key bar, the presentation footer): its text, where it goes,
/// and how much it matters. When the parts do not fit, the lowest priority gives way first (of
/// equal ones, the later), and a part is shown whole or not at all.
public struct BarPart: Sendable, Equatable {
  public enum Placement: Sendable, Equatable {
    case leading, centre, trailing
  }
  public var spans: [Span]
  public var priority: Int
  public var placement: Placement

  public init(_ spans: [Span], priority: Int, placement: Placement = .leading) {
    self.spans = spans
    self.priority = priority
    self.placement = placement
  }

  public var width: Int { spans.reduce(0) { $0 + displayWidth($1.text) } }
}

/// Where each part of a bar goes: the parts kept (by index into `parts`) with their columns.
/// Leading parts are laid from the left with `gap` columns between them, trailing parts from
/// the right, and centred ones in the middle, moved aside where the others need the room. No
/// two kept parts overlap, and none extends past `width`.
public func barLayout(_ parts: [BarPart], width: Int, gap: Int = 2) -> [(index: Int, x: Int)] {
  var kept = Set(parts.indices)
  var dropped: [Int] = []
  while place(parts, kept: kept, width: width, gap: gap) == nil {
    // Drop the least important part (of equal ones, the later).
    guard
      let drop = kept.min(by: {
        (parts[$0].priority, -$0) < (parts[$1].priority, -$1)
      })
    else { return [] }
    kept.remove(drop)
    dropped.append(drop)
  }
  // The last parts dropped may fit again in the room the others left, the most important
  // first, up to the first that does not: a part never shows while a more important one is
  // left out.
  for index in dropped.reversed() {
    kept.insert(index)
    if place(parts, kept: kept, width: width, gap: gap) == nil {
      kept.remove(index)
      break
    }
  }
  return place(parts, kept: kept, width: width, gap: gap) ?? []
}

private func place(_ parts: [BarPart], kept: Set<Int>, width: Int, gap: Int) -> [(
  index: Int, x: Int
)]? {
  let order = parts.indices.filter(kept.contains)
  var placed: [(index: Int, x: Int)] = []
  var left = 0
  for index in order where parts[index].placement == .leading {
    let start = left == 0 ? 0 : left + gap
    placed.append((index, start))
    left = start + parts[index].width
  }
  var right = width
  for index in order.reversed() where parts[index].placement == .trailing {
    let end = right == width ? width : right - gap
    let start = end - parts[index].width
    placed.append((index, start))
    right = start
  }
  let centred = order.filter { parts[$0].placement == .centre }
  if !centred.isEmpty {
    let total = centred.reduce(0) { $0 + parts[$1].width } + gap * (centred.count - 1)
    let low = left == 0 ? 0 : left + gap
    let high = (right == width ? width : right - gap) - total
    guard low <= high else { return nil }
    var x = Swift.min(Swift.max((width - total) / 2, low), high)
    for index in centred {
      placed.append((index, x))
      x += parts[index].width + gap
    }
  }
  guard left <= right || (left == 0 && right == width) else { return nil }
  if left > 0, right < width, left + gap > right { return nil }
  guard placed.allSatisfy({ $0.x >= 0 && $0.x + parts[$0.index].width <= width }) else {
    return nil
  }
  return placed.sorted { $0.x < $1.x }
}
