#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many colours a terminal can show; decides how a theme's colours are mapped.
public enum ColorDepth: Sendable {
  /// No colour at all (a monochrome terminal, or `NO_COLOR`): attributes only.
  case none
  /// The 8 ANSI colours (indexes 0–7).
  case eight
  /// The 16 ANSI colours (indexes 0–15).
  case sixteen
  /// The xterm 256-colour palette.
  case indexed256
  /// 24-bit colour. `nearestColor` keeps RGB as it is; a backend that cannot send RGB maps it
  /// to the 256-colour palette itself.
  case trueColor
}

/// The colour `c` as a terminal of the given depth can show it, or nil when it shows no colour.
///
/// - `.terminalDefault` stays as it is at every depth except `.none`.
/// - `#rrggbb` goes to the nearest xterm palette entry: 16–255 (cube and greys) at 256 colours,
///   0–15 at 16, 0–7 at 8. Indexes above the depth are mapped down through their xterm RGB.
public func nearestColor(_ c: TerminalColor, depth: ColorDepth) -> TerminalColor? {
  switch (c, depth) {
  case (_, .none):
    return nil
  case (.terminalDefault, _):
    return .terminalDefault
  case (_, .trueColor):
    return c
  case (.indexed(let i), .indexed256):
    return .indexed(i)
  case (.indexed(let i), .sixteen) where i < 16:
    return .indexed(i)
  case (.indexed(let i), .eight) where i < 8:
    return .indexed(i)
  case (.indexed(let i), _):
    return nearestColor(XtermPalette.rgb(of: i), depth: depth)
  case (.rgb(let r, let g, let b), _):
    return nearestColor(RGB(r: r, g: g, b: b), depth: depth)
  }
}

private func nearestColor(_ rgb: RGB, depth: ColorDepth) -> TerminalColor? {
  let candidates: ClosedRange<Int>
  switch depth {
  case .none: return nil
  case .eight: candidates = 0...7
  case .sixteen: candidates = 0...15
  case .indexed256, .trueColor: candidates = 16...255
  }
  let target = Lab(rgb)
  var best = candidates.lowerBound
  var bestDistance = Double.infinity
  for index in candidates {
    let d = target.distanceSquared(to: XtermPalette.lab[index])
    if d < bestDistance {
      best = index
      bestDistance = d
    }
  }
  return .indexed(UInt8(best))
}

/// The RGB value of an xterm palette index (xterm's default colours for 0–15).
public func xtermPaletteRGB(_ index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
  let c = XtermPalette.rgb(of: index)
  return (UInt8(c.r), UInt8(c.g), UInt8(c.b))
}

struct RGB: Equatable {
  var r: Int
  var g: Int
  var b: Int
  init(r: UInt8, g: UInt8, b: UInt8) {
    self.r = Int(r)
    self.g = Int(g)
    self.b = Int(b)
  }
  init(_ r: Int, _ g: Int, _ b: Int) {
    self.r = r
    self.g = g
    self.b = b
  }
}

enum XtermPalette {
  static let ansi: [RGB] = [
    RGB(0x00, 0x00, 0x00), RGB(0xCD, 0x00, 0x00), RGB(0x00, 0xCD, 0x00), RGB(0xCD, 0xCD, 0x00),
    RGB(0x00, 0x00, 0xEE), RGB(0xCD, 0x00, 0xCD), RGB(0x00, 0xCD, 0xCD), RGB(0xE5, 0xE5, 0xE5),
    RGB(0x7F, 0x7F, 0x7F), RGB(0xFF, 0x00, 0x00), RGB(0x00, 0xFF, 0x00), RGB(0xFF, 0xFF, 0x00),
    RGB(0x5C, 0x5C, 0xFF), RGB(0xFF, 0x00, 0xFF), RGB(0x00, 0xFF, 0xFF), RGB(0xFF, 0xFF, 0xFF),
  ]
  static let cubeLevels = [0, 95, 135, 175, 215, 255]
  static let lab: [Lab] = (0...255).map { Lab(rgb(of: UInt8($0))) }

  static func rgb(of index: UInt8) -> RGB {
    let i = Int(index)
    if i < 16 { return ansi[i] }
    if i < 232 {
      let n = i - 16
      return RGB(cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
    }
    let level = 8 + 10 * (i - 232)
    return RGB(level, level, level)
  }
}

/// CIE L*a*b* (D65) of an sRGB colour: palette entries are compared by CIE76 distance, which
/// keeps greys on greys where a plain RGB distance would pick a colour.
struct Lab {
  var l: Double
  var a: Double
  var b: Double

  init(_ c: RGB) {
    func linear(_ v: Int) -> Double {
      let x = Double(v) / 255
      return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
    }
    let r = linear(c.r)
    let g = linear(c.g)
    let b = linear(c.b)
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    func f(_ t: Double) -> Double {
      t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
    }
    l = 116 * f(y) - 16
    a = 500 * (f(x) - f(y))
    self.b = 200 * (f(y) - f(z))
  }

  func distanceSquared(to o: Lab) -> Double {
    (l - o.l) * (l - o.l) + (a - o.a) * (a - o.a) + (b - o.b) * (b - o.b)
  }
}
