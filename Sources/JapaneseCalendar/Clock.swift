#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension CivilDate {
  /// Today's local date from the system clock: `tzset`, `time` and `localtime_r` called once
  /// each, so the current `TZ` environment variable (or the system time zone) is respected.
  /// Call it once and do all further date arithmetic with `CivilDate`.
  public static func today() -> CivilDate {
    tzset()
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil,
      let date = CivilDate(
        year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    else {
      // localtime_r cannot fail for the current time; fall back to the UTC date.
      return CivilDate(daysSinceEpoch: Int(now) / 86_400)
    }
    return date
  }
}
