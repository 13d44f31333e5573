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

  /// The instant an ISO 8601 date and time names: `2026-12-01T20:30:00Z`, with or without
  /// seconds (and fractions of one), with `Z`, `+09:00` or `+0900`; none counts as UTC. The
  /// offset of the result is the text's. Nil for anything else.
  public init?(iso8601 text: String) {
    let c = Array(text.utf8)
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= c.count, !range.isEmpty else { return nil }
      var value = 0
      for i in range {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c[i]) else { return nil }
        value = value * 10 + Int(c[i] - UInt8(ascii: "0"))
      }
      return value
    }
    guard c.count >= 16, c[4] == UInt8(ascii: "-"), c[7] == UInt8(ascii: "-"),
      c[10] == UInt8(ascii: "T") || c[10] == UInt8(ascii: " "), c[13] == UInt8(ascii: ":"),
      let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let date = CivilDate(year: year, month: month, day: day),
      let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
    else { return nil }
    var i = 16
    var second = 0
    if i < c.count, c[i] == UInt8(ascii: ":") {
      guard let s = number(i + 1..<i + 3), s < 61 else { return nil }
      second = min(s, 59)
      i += 3
      if i < c.count, c[i] == UInt8(ascii: ".") || c[i] == UInt8(ascii: ",") {
        i += 1
        let digits = i
        while i < c.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c[i]) { i += 1 }
        guard i > digits else { return nil }
      }
    }
    var offset = 0
    if i < c.count {
      if c[i] == UInt8(ascii: "Z") && i + 1 == c.count {
        offset = 0
      } else if c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-") {
        let sign = c[i] == UInt8(ascii: "-") ? -1 : 1
        let colon = i + 3 < c.count && c[i + 3] == UInt8(ascii: ":")
        let end = i + (colon ? 6 : 5)
        guard end == c.count, let hours = number(i + 1..<i + 3),
          let minutes = number((colon ? i + 4 : i + 3)..<end), hours < 24, minutes < 60
        else { return nil }
        offset = sign * (hours * 3600 + minutes * 60)
      } else {
        return nil
      }
    }
    let local = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second
    self.init(secondsSinceEpoch: local - offset, utcOffsetSeconds: offset)
  }

  /// The same instant with the local time zone's offset at that instant (`TZ`, or the system's).
  public var inLocalTimeZone: WallTime {
    var instant = time_t(secondsSinceEpoch)
    var parts = tm()
    guard localtime_r(&instant, &parts) != nil else { return self }
    return WallTime(secondsSinceEpoch: secondsSinceEpoch, utcOffsetSeconds: Int(parts.tm_gmtoff))
  }

  /// The date at the offset.
  public var localDate: CivilDate {
    let local = secondsSinceEpoch + utcOffsetSeconds
    return CivilDate(daysSinceEpoch: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
  }

  /// "YYYY-MM-DD HH:MM" at the offset.
  public var localDateAndClock: String { localDate.iso + " " + localClock }

  /// Now, from the system clock and the local time zone.
  public static func now() -> WallTime {
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil else { return WallTime(secondsSinceEpoch: Int(now)) }
    return WallTime(secondsSinceEpoch: Int(now), utcOffsetSeconds: Int(parts.tm_gmtoff))
  }
}
