import Foundation
import ShinchokuRender
import Testing

/// The colorblind theme's statuses stay apart when red-green colour blindness is simulated
/// (Machado, Oliveira & Fernandes 2009, severity 1.0, in linear sRGB), measured as CIE76
/// distance in L*a*b*. The terminal's own text colour (`default`) is taken as xterm's #e5e5e5.
@Suite struct ColorblindTests {
  typealias Matrix = [[Double]]
  static let protanopia: Matrix = [
    [0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ]
  static let deuteranopia: Matrix = [
    [0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
  ]

  func rgb(_ color: TerminalColor) -> [Double] {
    switch color {
    case .terminalDefault: return [0xE5, 0xE5, 0xE5]
    case .indexed(let i):
      let c = xtermPaletteRGB(i)
      return [Double(c.r), Double(c.g), Double(c.b)]
    case .rgb(let r, let g, let b): return [Double(r), Double(g), Double(b)]
    }
  }

  func lab(_ color: TerminalColor, _ matrix: Matrix) -> [Double] {
    let linear = rgb(color).map { v -> Double in
      let x = v / 255
      return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
    }
    let s = (0..<3).map { i in
      min(1, max(0, (0..<3).reduce(0.0) { $0 + matrix[i][$1] * linear[$1] }))
    }
    let x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047
    let y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]
    let z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883
    func f(_ t: Double) -> Double {
      t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16) / 116
    }
    return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
  }

  func distance(_ a: TerminalColor, _ b: TerminalColor, _ matrix: Matrix) -> Double {
    let p = lab(a, matrix)
    let q = lab(b, matrix)
    return sqrt(zip(p, q).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) })
  }

  func minimumDistance(_ theme: Theme, _ roles: [Role], _ matrix: Matrix) -> Double {
    var smallest = Double.infinity
    for (i, a) in roles.enumerated() {
      for b in roles[(i + 1)...] {
        smallest = min(
          smallest, distance(theme.style(a).foreground, theme.style(b).foreground, matrix))
      }
    }
    return smallest
  }

  let statuses: [Role] = [.statusAhead, .statusOnSchedule, .statusBehind]

  @Test func statusesStayApartUnderRedGreenColourBlindness() {
    let theme = ThemeLoader(directory: bundledThemes).load("colorblind").theme
    for matrix in [Self.protanopia, Self.deuteranopia] {
      #expect(minimumDistance(theme, statuses, matrix) > 30)
      #expect(minimumDistance(theme, [.calendarSunday, .calendarSaturday, .text], matrix) > 30)
    }
  }

  /// Why the theme exists: in `default`, "on schedule" and "behind" nearly meet for a
  /// protanope (the symbols ◎ ○ △ still tell them apart).
  @Test func theDefaultThemeDoesNot() {
    let theme = ThemeLoader(directory: bundledThemes).load("default").theme
    #expect(minimumDistance(theme, statuses, Self.protanopia) < 20)
  }
}
