import Foundation
import Testing

@testable import ShinchokuCore

/// CP932 decoded by iconv: every lead/trail pair, bad bytes inside quoted fields, and the
/// UTF-8-or-CP932 guess made by what really decodes.
@Suite struct CP932Tests {
  static let leads = Array(0x81...0x9F) + Array(0xE0...0xFC)
  static let trails = Array(0x40...0x7E) + Array(0x80...0xFC)

  /// Every pair by its form, one row each: an assigned pair decodes as Foundation decodes it
  /// (an independent table), an unassigned one is U+FFFD with a warning at its line and
  /// column; no row is lost.
  @Test(arguments: [nil, "cp932"] as [String?])
  func everyLeadTrailPairIsDecodedOrReportedAndNoRowIsLost(sidecar: String?) throws {
    var bytes = cp932("名称,文字\r\n")
    var expected: [[String]] = [["名称", "文字"]]
    var unassigned: [String] = []
    for lead in Self.leads {
      for trail in Self.trails {
        let pair = [UInt8(lead), UInt8(trail)]
        let id = String(format: "p%02X%02X", lead, trail)
        bytes += Array(id.utf8) + [0x2C] + pair + [0x0D, 0x0A]
        let line = expected.count + 1
        if let text = String(data: Data(pair), encoding: .shiftJIS) {
          expected.append([id, text])
        } else {
          expected.append([id, "\u{FFFD}"])
          unassigned.append(
            String(
              format:
                "%d:7 bytes 0x%02X 0x%02X are not a Shift_JIS (CP932) character; they are shown as \u{FFFD}",
              line, lead, trail))
        }
      }
    }
    let read = try readBytes(bytes, chunk: CSVReader.defaultChunkSize, sidecar: sidecar)
    #expect(read.encoding == .cp932)
    #expect(read.fields.count == Self.leads.count * Self.trails.count + 1, "no row is lost")
    let mismatches = zip(read.fields, expected).filter { $0 != $1 }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(!unassigned.isEmpty && read.diagnostics == unassigned, "\(read.diagnostics.prefix(3))")
  }

  @Test func aBadPairInsideAQuotedMultiLineFieldKeepsEveryLineOfIt() throws {
    let bytes =
      cp932("名称,備考\r\n\"一行目\r\n") + [0x85, 0x40] + cp932("二行目\r\n三行目\",x\r\n次,y\r\n")
    let read = try readBytes(bytes, chunk: CSVReader.defaultChunkSize, sidecar: "cp932")
    #expect(read.fields == [["名称", "備考"], ["一行目\n\u{FFFD}二行目\n三行目", "x"], ["次", "y"]])
    #expect(
      read.diagnostics == [
        "3:1 bytes 0x85 0x40 are not a Shift_JIS (CP932) character; they are shown as \u{FFFD}"
      ])
  }

  @Test func aLeadByteWithoutItsTrailIsOneBadByteAndTheCommaAfterItStays() throws {
    let bytes = cp932("名称,会場\r\nあ") + [0x81] + cp932(",会場A\r\n")
    let read = try readBytes(bytes, chunk: CSVReader.defaultChunkSize, sidecar: "cp932")
    #expect(read.fields == [["名称", "会場"], ["あ\u{FFFD}", "会場A"]])
    #expect(
      read.diagnostics == ["2:2 byte 0x81 is not valid Shift_JIS (CP932); it is shown as \u{FFFD}"])
  }

  /// A UTF-8 file with one stray byte is read as UTF-8 (that byte reported); a CP932 file with
  /// one unassigned pair is read as CP932 (that pair reported). Neither loses a row.
  @Test func theGuessIsByWhatReallyDecodes() throws {
    let text = "名称,会場\n夏休みこども教室,中央公民館\n図書館まつり,中央図書館\n"
    var almostUTF8 = Array(text.utf8)
    almostUTF8 += Array("おはなし会".utf8) + [0x96] + Array(",小川町\n".utf8)
    let utf8 = try readBytes(almostUTF8, chunk: CSVReader.defaultChunkSize)
    #expect(utf8.encoding == .utf8)
    #expect(utf8.fields.count == 4 && utf8.fields[3] == ["おはなし会\u{FFFD}", "小川町"])
    #expect(utf8.diagnostics == ["4:6 byte 0x96 is not valid UTF-8; it is shown as \u{FFFD}"])

    let almostCP932 = cp932(text) + cp932("おはなし会") + [0x85, 0x40] + cp932(",小川町\n")
    let sjis = try readBytes(almostCP932, chunk: CSVReader.defaultChunkSize)
    #expect(sjis.encoding == .cp932)
    #expect(sjis.fields.count == 4 && sjis.fields[3] == ["おはなし会\u{FFFD}", "小川町"])
    #expect(sjis.diagnostics.count == 1 && sjis.diagnostics[0].hasPrefix("4:6 bytes 0x85 0x40"))
  }

  /// The case: validate said nothing and the row was gone.
  @Test func anUnassignedPairInEventsCSVIsAWarningAndTheEventStays() throws {
    let bytes =
      cp932("名称,会場\r\n夏のコンサート,市民文化会館\r\n") + cp932("秋の") + [0x85, 0x40]
      + cp932("まつり,中央公園\r\n")
    let data = try DatasetLoader().load(directory: try folderWithEventsCSV(bytes))
    let titles = data.events.filter { $0.source == "file:events.csv" }.map(\.title)
    #expect(titles == ["夏のコンサート", "秋の\u{FFFD}まつり"])
    let warning = try #require(data.warnings.first { $0.location.file.hasSuffix("events.csv") })
    #expect(warning.location.line == 3 && warning.location.column == 3)
  }
}
