import ShinchokuViewModel

/// What the selection is drawn as, where it is one thing the frame records a hit region for:
/// the matrix cell, the programme, the comment, the agenda entry or the day; the pane of an
/// open detail or reading view. nil over an overlay, the status dialog or an input line (the
/// cursor is then on the chosen option or the line's end). The cursor tests check the cursor
/// lies inside this target's region.
public func selectedTarget(_ state: AppState) -> ClickTarget? {
  if state.overlay != nil || state.statusEdit != nil || state.presentation != nil { return nil }
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
