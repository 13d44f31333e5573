#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An instant as the presentation's timer and clock need it: whole seconds since the Unix
/// epoch and the local offset from UTC at that instant. The main loop reads it from the system
/// clock; tests build it by hand, so `reduce` stays deterministic.
public struct WallTime: Hashable, Sendable {
  public var secondsSinceEpoch: Int
  public var utcOffsetSeconds: Int

  public init(secondsSinceEpoch: Int, utcOffsetSeconds: Int = 0) {
    self.secondsSinceEpoch = secondsSinceEpoch
    self.utcOffsetSeconds = utcOffsetSeconds
  }

  /// The local time of day as "HH:MM".
  public var localClock: String {
    let seconds = ((secondsSinceEpoch + utcOffsetSeconds) % 86_400 + 86_400) % 86_400
    let hours = seconds / 3600
    let minutes = seconds / 60 % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
  }

  /// Now, from the system clock and the local time zone.
  public static func now() -> WallTime {
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil else { return WallTime(secondsSinceEpoch: Int(now)) }
    return WallTime(secondsSinceEpoch: Int(now), utcOffsetSeconds: Int(parts.tm_gmtoff))
  }
}
