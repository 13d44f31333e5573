import JapaneseCalendar
import ShinchokuCore
import ShinchokuViewModel
import Testing

@testable import ShinchokuRender

/// Nothing in the month grid is told by position or colour alone: a day with events, today, a
/// public holiday and the selection each look different in text and attributes (colours left
/// out), in every bundled theme, with and without --ascii, wherever the selection is.
@Suite struct CalendarMarksTests {
  struct Features: Hashable {
    var today: Bool
    var holiday: Bool
    var events: Bool
    var selected: Bool
  }

  /// What a day's cells show without colour: the text (digits as 9, so the day's number and
  /// count do not count) and the attributes of each cell.
  struct Look: Hashable {
    var text: String
    var attributes: [UInt16]
  }

  func look(_ frame: Frame, _ region: HitRegion) -> Look {
    var text = ""
    var attributes: [UInt16] = []
    for x in region.x..<region.x + region.width {
      let cell = frame[x, region.y]
      text += cell.text.map { $0.isNumber ? "9" : $0 }.map(String.init).joined()
      attributes.append(UInt16(cell.style.attributes.rawValue))
    }
    return Look(text: text, attributes: attributes)
  }

  @Test(arguments: ["default", "monochrome", "light", "colorblind", "high-contrast", "projector"])
  func eachKindOfDayLooksDifferent(themeName: String) throws {
    let theme = ThemeLoader(directory: bundledThemes).load(themeName).theme
    for ascii in [false, true] {
      var state = try sampleState(width: 100, height: 30)
      state.asciiOnly = ascii
      reduce(&state, .focus(.events))
      // 2013-10: today the 1st (with events in the sample), 体育の日 on the 14th.
      let days = (1...31).map { CivilDate(year: 2013, month: 10, day: $0)! }
      let holiday = try #require(days.first { JapaneseHolidays.name(of: $0) != nil })
      let withEvents = days.filter {
        state.eventIndex.counts($0, $0, filter: EventFilter())[$0, default: 0] > 0
      }
      let plain = try #require(
        days.first {
          !withEvents.contains($0) && JapaneseHolidays.name(of: $0) == nil && $0 != state.today
            && $0.weekday != .sunday && $0.weekday != .saturday
        })
      let eventDay = try #require(
        withEvents.first {
          JapaneseHolidays.name(of: $0) == nil && $0 != state.today && $0.weekday != .sunday
            && $0.weekday != .saturday
        })
      for selected in [state.today, holiday, eventDay, plain] {
        reduce(&state, .calendar(.goTo(selected)))
        let frame = render(state, theme: theme)
        // Weekdays only (Sundays and Saturdays have looks of their own), plus today and the
        // holiday wherever they fall.
        var looks: [Features: Set<Look>] = [:]
        for region in frame.hitRegions {
          guard case .calendarDay(let day) = region.target else { continue }
          guard day.weekday != .sunday, day.weekday != .saturday || day == state.today else {
            continue
          }
          let features = Features(
            today: day == state.today, holiday: JapaneseHolidays.name(of: day) != nil,
            events: withEvents.contains(day), selected: day == selected)
          looks[features, default: []].insert(look(frame, region))
        }
        let place = "\(themeName) ascii \(ascii), \(selected.iso) selected"
        #expect(looks.count >= 4, "\(place): \(looks.keys)")
        for (a, lookA) in looks {
          for (b, lookB) in looks where a != b {
            #expect(lookA.isDisjoint(with: lookB), "\(place): \(a) and \(b) look the same")
          }
        }
      }
    }
  }
}
