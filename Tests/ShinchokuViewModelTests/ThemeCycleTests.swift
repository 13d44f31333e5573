import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

@Suite struct ThemeCycleTests {
  @Test func f2AndCtrlTCycleTheThemes() {
    #expect(KeyMap.action(for: .function(2)) == .nextTheme)
    #expect(KeyMap.action(for: .control("t")) == .nextTheme)
    #expect(
      KeyMap.dashboard.contains {
        $0.action == .nextTheme && $0.label.text(.english) == "F2 Ctrl-T"
      })
  }

  @Test func nextThemeMovesTheIndexAroundAndSaysWhichTheme() throws {
    var state = try seedState()
    state.themeNames = ["default", "light", "monochrome"]
    state.themeIndex = 1
    reduce(&state, .nextTheme)
    #expect(state.themeIndex == 2)
    #expect(state.notice == "テーマ: monochrome (3/3)  F2 で次へ")
    reduce(&state, .nextTheme)
    #expect(state.themeIndex == 0)
    #expect(state.notice?.hasPrefix("テーマ: default (1/3)") == true)
    reduce(&state, .move(.down))
    #expect(state.notice?.hasPrefix("テーマ") == false, "the theme's notice goes with the next key")
  }

  @Test func englishNotice() throws {
    var state = try seedState(language: .english)
    state.themeNames = ["default", "light"]
    reduce(&state, .nextTheme)
    #expect(state.notice == "Theme: light (2/2)  F2 for the next")
  }

  @Test func withoutThemesNothingHappens() throws {
    var state = try seedState()
    reduce(&state, .nextTheme)
    #expect(state.themeIndex == 0)
    #expect(state.notice == nil)
  }

  @Test func anOverlayClosesFirst() throws {
    var state = try seedState()
    state.themeNames = ["default", "light"]
    reduce(&state, .toggleHelp)
    reduce(&state, .nextTheme)
    #expect(state.overlay == nil)
    #expect(state.themeIndex == 0)
  }
}
