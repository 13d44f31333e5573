/// Why a full-screen terminal interface cannot start. `message` is one line, fit for stderr.
public struct TerminalUnavailable: Error, CustomStringConvertible, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
