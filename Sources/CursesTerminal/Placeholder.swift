// PROVISIONAL stand-in with the real API; replaced by the curses backend.
import ShinchokuRender
import ShinchokuViewModel

public struct TerminalUnavailable: Error, CustomStringConvertible {
  public var description: String
}

@MainActor public final class CursesTerminal {
  public static func open() throws -> CursesTerminal {
    throw TerminalUnavailable(description: "not yet")
  }
  public var size: (width: Int, height: Int) { (80, 24) }
  public var colorDepth: ColorDepth { .none }
  public func draw(_ frame: Frame) {}
  public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? { nil }
  public func close() {}
  public var pendingTerminationSignal: Int32? { nil }
  public static func exitBySignal(_ signal: Int32) -> Never { fatalError() }
}
