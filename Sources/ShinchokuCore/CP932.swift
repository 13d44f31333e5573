#if canImport(Glibc)
  import Glibc
#endif

/// CP932 (Shift_JIS as Japanese Windows writes it, with the NEC and IBM extensions) decoded by
/// glibc's iconv(3): it is in libc, it stops at the first byte it cannot decode (so the place
/// of every bad byte is known), and it is quick (an 11 MB file in 0.05 s). A lead byte
/// followed by a trail byte that together stand for nothing (`85 40`) is one undecodable
/// sequence; any other byte that cannot start a character is one on its own. Each becomes
/// U+FFFD.
final class CP932Decoder {
  private let converter: iconv_t

  init?() {
    let converter = iconv_open("UTF-8", "CP932")
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    self.converter = converter
  }

  deinit { iconv_close(converter) }

  /// Appends the line decoded to `out`; returns the byte ranges (from the line's start) it
  /// could not decode, each given as U+FFFD.
  @discardableResult
  func decode<Bytes: Collection<UInt8>>(_ line: Bytes, into out: inout [UInt8]) -> [Range<Int>] {
    var input = Array(line)
    guard !input.isEmpty else { return [] }
    // UTF-8 takes at most three bytes for each CP932 byte (a half-width kana, U+FFFD).
    var output = [UInt8](repeating: 0, count: input.count * 3)
    var bad: [Range<Int>] = []
    let count = input.count
    let produced = input.withUnsafeMutableBytes { source in
      output.withUnsafeMutableBytes { target in
        var inPointer = source.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = count
        var outPointer = target.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = target.count
        while inLeft > 0 {
          if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
          guard errno == EILSEQ || errno == EINVAL, outLeft >= 3 else { break }
          let at = count - inLeft
          let length = Self.isPair(source, at) ? 2 : 1
          bad.append(at..<(at + length))
          for byte: UInt8 in [0xEF, 0xBF, 0xBD] {
            outPointer?.pointee = CChar(bitPattern: byte)
            outPointer = outPointer.map { $0 + 1 }
          }
          outLeft -= 3
          inPointer = inPointer.map { $0 + length }
          inLeft -= length
          _ = iconv(converter, nil, nil, nil, nil)  // back to the initial state
        }
        return target.count - outLeft
      }
    }
    out += output[0..<produced]
    return bad
  }

  /// The byte ranges of the line that cannot be decoded.
  func undecodable<Bytes: Collection<UInt8>>(_ line: Bytes) -> [Range<Int>] {
    var scratch: [UInt8] = []
    return decode(line, into: &scratch)
  }

  /// The number of characters (Unicode scalars) the bytes decode to.
  func decodedCount<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int {
    var scratch: [UInt8] = []
    decode(bytes, into: &scratch)
    return scratch.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// Whether the bytes at `index` are a lead byte and a trail byte (a pair by its form, which
  /// may still be unassigned).
  private static func isPair(_ bytes: UnsafeMutableRawBufferPointer, _ index: Int) -> Bool {
    guard index + 1 < bytes.count else { return false }
    let lead = bytes[index]
    let trail = bytes[index + 1]
    return ((0x81...0x9F).contains(lead) || (0xE0...0xFC).contains(lead))
      && ((0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail))
  }
}
