import Foundation
import Testing

/// espeak-ng, or nil when it is not installed.
let espeakPath: String? = ["/usr/bin/espeak-ng", "/usr/local/bin/espeak-ng"].first {
  FileManager.default.isExecutableFile(atPath: $0)
}

/// The duration of a PCM WAV file from its RIFF header: the `fmt ` chunk's byte rate and the
/// `data` chunk's size.
func wavDuration(_ bytes: [UInt8]) throws -> Double {
  func word(_ at: Int) -> UInt32 {
    UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
      | UInt32(bytes[at + 3]) << 24
  }
  func tag(_ at: Int) -> String { String(decoding: bytes[at..<at + 4], as: UTF8.self) }
  guard bytes.count >= 12, tag(0) == "RIFF", tag(8) == "WAVE" else {
    throw TmuxError(description: "not a RIFF WAVE file")
  }
  var offset = 12
  var byteRate: UInt32?
  while offset + 8 <= bytes.count {
    let size = Int(word(offset + 4))
    switch tag(offset) {
    case "fmt ":
      guard offset + 20 <= bytes.count, bytes[offset + 8] == 1 else {
        throw TmuxError(description: "not PCM")
      }
      byteRate = word(offset + 16)
    case "data":
      guard let byteRate, byteRate > 0 else { throw TmuxError(description: "data before fmt") }
      return Double(min(size, bytes.count - offset - 8)) / Double(byteRate)
    default: break
    }
    offset += 8 + size + size % 2
  }
  throw TmuxError(description: "no data chunk")
}

/// The report is read aloud once by espeak-ng (Debian's package; CI installs it) to a WAV
/// file, and the WAV's length is checked against the text's: neither silent or cut short nor
/// running on. Locally the test is skipped when espeak-ng is absent; on CI it must run.
@Suite(.enabled(if: availableOrCI(espeakPath != nil), "espeak-ng is not installed"))
struct ReportSpeechEndToEndTests {
  @Test(arguments: [("ja", "ja"), ("en", "en")])
  func theStartOfTheReportIsSpoken(language: String, voice: String) throws {
    let espeak = try #require(espeakPath, "espeak-ng is not installed (apt-get install espeak-ng)")
    let report = try spawnAndWait(
      binaryPath,
      [
        "shinchoku", "report", "--data", repositoryRoot + "/Data",
        "--lang", language,
      ])
    #expect(report.status == 0, "\(report.stderr)")
    // The start: the plan, the snapshot and the first area.
    let start = String(report.stdout.prefix(400))
    let folder = NSTemporaryDirectory() + "shinchoku-speech-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try start.write(toFile: folder + "/report.txt", atomically: true, encoding: .utf8)
    let spoken = try spawnAndWait(
      espeak, ["espeak-ng", "-v", voice, "-w", folder + "/out.wav", "-f", folder + "/report.txt"])
    #expect(spoken.status == 0, "\(spoken.stderr)")
    let wav = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/out.wav")))
    let seconds = try wavDuration(wav)
    // Measured with espeak-ng 1.51 at its default rate: 0.16 s a character in English (dates
    // read as numbers, "#" as "hash"), 0.41 s in Japanese, where each kanji is read as
    // "Chinese letter" and only kana are read as Japanese. Plausible: 0.04 to 1 s a character.
    let characters = Double(start.count)
    #expect(
      seconds > characters * 0.04 && seconds < characters * 1.0,
      "\(language): \(seconds) s for \(start.count) characters")
  }

  @Test func theDurationComesFromTheHeader() throws {
    // 44 bytes of header, 22 050 Hz mono 16-bit, 44 100 bytes of samples: one second.
    var header: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WAVEfmt ".utf8)
    header += [16, 0, 0, 0, 1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0]
    header += Array("data".utf8) + [0x44, 0xAC, 0, 0]
    let wav = header + [UInt8](repeating: 0, count: 44_100)
    #expect(try wavDuration(wav) == 1.0)
    #expect(throws: (any Error).self) { try wavDuration(Array("RIFX".utf8) + header.dropFirst(4)) }
  }
}
