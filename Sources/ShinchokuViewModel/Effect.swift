import ShinchokuCore

/// What `reduce` asks the main loop to do outside the state, as a value (bubbletea's `Cmd`,
/// htop's reactions): the state holds no flags that stand in for these.
public enum Effect: Sendable, Equatable {
  /// Leave the program.
  case quit
  /// Append a confirmed status change to the change log; the loop answers with
  /// `.statusEdit(.finished(notice))`.
  case record(StatusChange)
  /// Draw again although the state did not change: what it is drawn with did.
  case redraw(RedrawReason)
  /// A one-time message for the notice line. Components say it; the top-level `reduce` puts it
  /// on the line (it never reaches the main loop).
  case notice(String)
  /// The presenter view asks the projector it follows to move (PresenterMessages.swift).
  case presenter(PresenterCommand)
  /// Read the data again showing another plan (by id); the loop answers with `.dataReloaded`.
  case switchPlan(String)
}

public enum RedrawReason: Sendable, Equatable {
  /// A theme file changed and was read again.
  case themesChanged
}
