import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import Testing

@testable import ShinchokuRender

/// The cursor rests on the selection after every action, for screen readers and braille
/// displays: inside the hit region the frame records for the selected item.
@Suite struct CursorTests {
  /// The target the selection is drawn as, where it is one.
  func selectedTarget(_ state: AppState) -> ClickTarget? {
    if state.overlay != nil || state.statusEdit != nil { return nil }
    switch state.focus {
    case .matrix:
      if let drill = state.matrix.drill {
        return drill.openProgrammeID == nil ? .programme(drill.selection) : .pane(.matrix)
      }
      return .matrixCell(state.matrix.selection)
    case .comments:
      if state.comments.isEditingQuery { return nil }
      return state.comments.openCommentID == nil
        ? .comment(state.comments.selection) : .pane(.comments)
    case .events:
      if state.calendar.input != nil { return nil }
      if state.calendar.openEventID != nil { return .pane(.events) }
      return state.calendar.agendaSelection.map { .event($0) }
        ?? .calendarDay(state.calendar.selectedDay)
    }
  }

  func tour(_ state: inout AppState, _ keys: [Key], label: String) {
    for (index, key) in keys.enumerated() {
      if let action = KeyMap.action(for: key, in: state) { reduce(&state, action) }
      let frame = render(state, theme: .builtIn)
      let place = "\(label) after key \(index + 1) (\(key))"
      guard let cursor = frame.cursor else {
        Issue.record("\(place): no cursor")
        continue
      }
      if let target = selectedTarget(state) {
        let regions = frame.hitRegions.filter { $0.target == target }
        #expect(
          regions.contains {
            cursor.x >= $0.x && cursor.x < $0.x + $0.width && cursor.y >= $0.y
              && cursor.y < $0.y + $0.height
          }, "\(place): cursor \(cursor) not on \(target) \(regions)")
      } else if state.comments.isEditingQuery || state.calendar.input != nil {
        // Typing: on the input line, the pane's last row inside its box.
        let pane = frame.hitRegions.first { $0.target == .pane(state.focus) }
        #expect(pane.map { cursor.y == $0.y + $0.height - 2 } == true, "\(place): \(cursor)")
      }
    }
  }

  @Test(arguments: [(100, 30), (60, 17), (160, 48)])
  func theCursorFollowsTheSelectionOnTheSeed(width: Int, height: Int) throws {
    var state = try seedState(width: width, height: height)
    tour(
      &state,
      [
        .right, .down, .down, .end, .home, .tab, .down, .down, .enter, .down, .escape,
        .character("/"), .character("R"), .enter, .tab, .right, .down, .enter, .down, .enter,
        .down, .escape, .escape, .character("g"), .character("8"), .enter, .character("v"),
      ], label: "seed \(width)x\(height)")
  }

  @Test func theCursorFollowsTheSelectionInTheDrillDown() throws {
    var state = try sampleState(width: 100, height: 30)
    tour(
      &state, [.right, .enter, .down, .down, .enter, .down, .escape, .up, .escape],
      label: "sample")
  }
}
