import Foundation
import Testing

@testable import ShinchokuCore

@Suite struct DeckLoaderTests {
  let data: Dataset

  init() throws { data = try DatasetLoader().load(directory: bundledData) }

  func folder(deck: String?) throws -> String {
    let folder = try dataFolder()
    if let deck {
      try Data(deck.utf8).write(
        to: URL(fileURLWithPath: folder).appendingPathComponent(DeckLoader.fileName))
    }
    return folder
  }

  func errors(_ deck: String) throws -> [Diagnostic] {
    let directory = try folder(deck: deck)
    do {
      _ = try DeckLoader().load(directory: directory, dataset: data)
      return []
    } catch {
      return error.errors
    }
  }

  @Test func noFileIsNoDeck() throws {
    #expect(try DeckLoader().load(directory: try folder(deck: nil), dataset: data) == nil)
  }

  @Test func readsKindsIdsAndNotesInOrder() throws {
    let deck = try DeckLoader().load(
      directory: try folder(
        deck: """
          slides:
            - title
            - kind: comment
              id: c2
              notes: 話すこと
            - kind: area
              id: finance
            - matrix
            - comments
            - events
          """), dataset: data)
    #expect(
      deck?.slides == [
        DeckSlide(.title), DeckSlide(.comment("c2"), notes: "話すこと"), DeckSlide(.area("finance")),
        DeckSlide(.matrix), DeckSlide(.comment("c1")), DeckSlide(.comment("c2")),
        DeckSlide(.comment("c3")), DeckSlide(.events),
      ])
  }

  @Test func anUnknownKindIsAnErrorWithItsPosition() throws {
    let found = try errors(
      """
      slides:
        - title
        - kind: chart
      """)
    #expect(found.count == 1)
    #expect(found.first?.location.line == 3)
    #expect(found.first?.location.column == 11)
    #expect(
      found.first?.description.hasSuffix(
        "deck.yaml:3:11: error: unknown slide kind 'chart' (kinds are: title, matrix, trend, savings, area, areas, comment, comments, events)"
      ) == true)
  }

  @Test func anUnknownIdIsAnErrorWithItsPositionAndASuggestion() throws {
    let found = try errors(
      """
      slides:
        - kind: area
          id: finanse
      """)
    #expect(found.map(\.message) == ["no area 'finanse' in the data"])
    #expect(found.first?.hint == "did you mean 'finance'?")
    #expect(found.first?.location.line == 3)
    #expect(found.first?.location.column == 9)
  }

  @Test func anUnknownKeyIsAWarningKeptWithTheDeck() throws {
    let deck = try DeckLoader().load(
      directory: try folder(
        deck: """
          slides:
            - kind: matrix
              note: typo
          """), dataset: data)
    #expect(deck?.slides == [DeckSlide(.matrix)])
    #expect(deck?.warnings.map(\.message) == ["unknown key 'note' in a slide is ignored"])
    #expect(deck?.warnings.first?.hint == "did you mean 'notes'?")
    #expect(deck?.warnings.first?.location.line == 3)
  }

  @Test func theBundledDeckLoadsCleanly() throws {
    let deck = try #require(try DeckLoader().load(directory: bundledData, dataset: data))
    #expect(deck.slides.count == 13)
    #expect(deck.warnings.isEmpty)
    #expect(Set(deck.slides.map(\.kind)) == Set(Deck.standard(data).slides.map(\.kind)))
  }
}
