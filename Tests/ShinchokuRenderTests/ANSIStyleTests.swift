import ShinchokuRender
import Testing

@Suite struct ANSIStyleTests {
  let red = Style(foreground: .rgb(255, 0, 0), background: .indexed(4), attributes: [.bold])

  @Test func sequencesAtEveryDepth() {
    #expect(sgrSequence(red, depth: .none) == "\u{1B}[0;1m")
    #expect(sgrSequence(red, depth: .eight) == "\u{1B}[0;1;31;44m")
    #expect(sgrSequence(red, depth: .sixteen) == "\u{1B}[0;1;91;44m")
    #expect(sgrSequence(red, depth: .indexed256) == "\u{1B}[0;1;38;5;196;44m")
    #expect(sgrSequence(red, depth: .trueColor) == "\u{1B}[0;1;38;2;255;0;0;44m")
  }

  @Test func attributesAndDefaults() {
    #expect(sgrSequence(.plain, depth: .indexed256) == "\u{1B}[0m")
    #expect(
      sgrSequence(Style(attributes: [.dim, .underline, .reverse]), depth: .eight)
        == "\u{1B}[0;2;4;7m")
    #expect(
      sgrSequence(Style(foreground: .indexed(12), background: .indexed(250)), depth: .sixteen)
        == "\u{1B}[0;94;47m")  // 250 (#bcbcbc) is nearest to 7
  }

  @Test func depthFromTheEnvironment() {
    // NO_COLOR counts when it is present and not empty (no-color.org).
    #expect(colorDepth(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"]) == .none)
    #expect(colorDepth(environment: ["TERM": "xterm-256color", "NO_COLOR": ""]) == .indexed256)
    #expect(colorDepth(environment: ["TERM": "dumb"]) == .none)
    #expect(colorDepth(environment: [:]) == .none)
    #expect(
      colorDepth(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"]) == .trueColor)
    #expect(colorDepth(environment: ["TERM": "tmux-256color"]) == .indexed256)
    #expect(colorDepth(environment: ["TERM": "rxvt-16color"]) == .sixteen)
    #expect(colorDepth(environment: ["TERM": "xterm"]) == .eight)
  }

  @Test func sampleLinePlainAndColoured() {
    let theme = ThemeLoader(directory: bundledThemes).load("default").theme
    let plain = themeSampleLine(theme, language: .english, asciiOnly: true, depth: nil)
    #expect(!plain.contains("\u{1B}"))
    let allASCII = plain.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(allASCII)
    #expect(plain.hasPrefix("+ahead =on schedule -behind"))
    let coloured = themeSampleLine(theme, language: .japanese, asciiOnly: false, depth: .eight)
    #expect(coloured.contains("\u{1B}[0;1;37m◎予定以上"))  // #5fafff is nearest to 7 of the 8
    #expect(!coloured.contains("38;5;"))
    #expect(coloured.hasSuffix("\u{1B}[0m"))
  }

  @Test func colorChoiceAndNoColor() {
    for (environment, noColor) in [
      ([:], false), (["NO_COLOR": ""], false), (["NO_COLOR": "1"], true), (["NO_COLOR": "0"], true),
    ] as [([String: String], Bool)] {
      #expect(noColorRequested(environment: environment) == noColor, "\(environment)")
      #expect(ColorChoice.auto.allowsColor(environment: environment) == !noColor)
      #expect(ColorChoice.always.allowsColor(environment: environment))
      #expect(!ColorChoice.never.allowsColor(environment: environment))
    }
  }
}
