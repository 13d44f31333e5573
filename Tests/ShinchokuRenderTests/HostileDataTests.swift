import Foundation
import JapaneseCalendar
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures").path

/// Data that tries to take over the terminal, and data too big or too deep.
@Suite struct HostileDataTests {
  let theme = ThemeLoader(directory: bundledThemes).load("default").theme

  func state(_ folder: String, width: Int = 100, height: Int = 30) throws -> AppState {
    AppState(
      dataset: try DatasetLoader().load(directory: fixtures + "/" + folder), language: .japanese,
      width: width,
      height: height, today: CivilDate(year: 2012, month: 8, day: 1)!)
  }

  @Test func controlAndBidiCharactersAreShownAsPlaceholdersNeverSent() throws {
    var state = try state("hostile-display", width: 200, height: 40)
    var frames: [Frame] = [render(state, theme: theme)]
    reduce(&state, .focus(.comments))
    reduce(&state, .activate)
    frames.append(render(state, theme: theme))
    reduce(&state, .back)
    reduce(&state, .focus(.events))
    frames.append(render(state, theme: theme))
    for frame in frames {
      for cell in frame.cells {
        for scalar in cell.text.unicodeScalars {
          let v = scalar.value
          #expect(
            v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v),
            "control U+\(String(v, radix: 16)) in a cell")
          #expect(
            !(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v),
            "bidi control in a cell")
        }
      }
    }
    let title = frames[0].lines[0]
    #expect(title.contains("^[]0;PWNED^G^[[2J^[[31m小平市<U+202E>プラン<U+2066>x<U+2069>^?<U+009B>"))
    #expect(frames[1].text.contains("^[[?1049l^[[?25l<U+202D>bidi<U+202C>"))
  }

  @Test func aHundredThousandCharacterFieldIsCutWithAnEllipsis() throws {
    var state = try state("hostile-display")
    reduce(&state, .focus(.comments))
    reduce(&state, .activate)
    let view = try #require(CommentReadingView(state: state))
    // 4000 characters and the ellipsis, plus the placeholders the control characters became.
    #expect(view.text.hasSuffix("…") && view.text.count < 4100)
    let comments = CommentsView(state: state)
    #expect(comments.items[0].text.hasSuffix("…") && comments.items[0].text.count < 4100)
  }

  @Test func invalidUTF8IsAnErrorNamingTheByte() {
    let errors = loadErrors(fixtures + "/hostile-invalid-utf8")
    #expect(errors.count == 1)
    #expect(
      errors.first?.message.hasPrefix("byte ") == true
        && errors.first?.message.hasSuffix(" is not valid UTF-8") == true)
    #expect(errors.first?.location.file.hasSuffix("events.yaml") == true)
  }

  @Test func anAliasBombIsRefusedWithoutExpandingIt() {
    let errors = loadErrors(fixtures + "/hostile-alias-bomb")
    // One error per item of the (unexpanded) list, not a billion.
    #expect(errors.count == 10)
    #expect(Set(errors.map(\.message)) == ["an event must be a mapping (key: value lines)"])
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let errors = loadErrors(fixtures + "/hostile-deep")
    #expect(errors.count == 1)
    #expect(errors.first?.message.contains("nesting") == true)
  }
}

func loadErrors(_ directory: String) -> [Diagnostic] {
  do {
    _ = try DatasetLoader().load(directory: directory)
    return []
  } catch {
    return error.errors
  }
}
