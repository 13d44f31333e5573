import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

/// The key lookup the main loop makes for every key (`KeyMap.paneAction`, which does not build
/// the merged table) answers as the merged table that help and the key bar show, in every
/// state a walk through the dashboard's keys reaches, for every key any table binds.
@Suite struct KeyLookupTests {
  @Test func theLookupAnswersAsTheMergedTable() throws {
    var state = try seedState(width: 100, height: 30)
    let tables: [[KeyBinding]] = [
      KeyMap.global, KeyMap.list, KeyMap.events, KeyMap.comments, KeyMap.scrolling,
      KeyMap.programmeDetail, KeyMap.eventDetail, KeyMap.matrixChart, KeyMap.programmeList,
    ]
    var keys = Set(tables.joined().flatMap(\.keys))
    for character in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?[]#+-=" {
      keys.insert(.character(character))
    }
    let candidates = keys.sorted { "\($0)" < "\($1)" }
    // A walk that leaves the quit and change-recording keys out (they end or write).
    let walk = candidates.filter { key in
      guard let action = KeyMap.action(for: key, in: state) else { return true }
      return action != .quit
    }
    var random = SeededGenerator(seed: 19)
    var compared = 0
    var differing: [String] = []
    var focused = Set<Pane>()
    // Walks of 20 keys from each pane (a walk can end in a mode it cannot leave by chance).
    let start = state
    for pane in [Pane.matrix, .comments, .events] {
      for _ in 0..<5 {
        state = start
        state.focus = pane
        for _ in 0..<20 {
          for key in candidates {
            let fast = KeyMap.paneAction(for: key, in: state)
            let merged = KeyMap.bindings(in: state).lazy.compactMap { $0.action(for: key) }.first
            if fast != merged {
              differing.append(
                "\(key) in \(state.focus): \(String(describing: fast)) / \(String(describing: merged))"
              )
            }
            compared += 1
          }
          focused.insert(state.focus)
          let key = walk[Int(random.next() % UInt64(walk.count))]
          if let action = KeyMap.action(for: key, in: state), action != .quit {
            reduce(&state, action)
          }
        }
      }
    }
    #expect(differing.isEmpty, "\(differing.prefix(5))")
    #expect(focused.count == 3)
    #expect(compared == 3 * 5 * 20 * candidates.count)
  }
}
