import Glibc
import TerminalText
import Testing

/// glibc's `wcwidth`, looked up at run time: it is not visible through the Glibc module.
private typealias WcwidthFunction = @convention(c) (Int32) -> Int32

private func loadWcwidth() -> WcwidthFunction? {
  guard setlocale(LC_ALL, "C.UTF-8") != nil else { return nil }
  guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "wcwidth") else {
    return nil
  }
  return unsafeBitCast(symbol, to: WcwidthFunction.self)
}

@Test func tableMatchesGlibcForEveryScalar() throws {
  let wcwidth = try #require(loadWcwidth())
  // Sanity: the locale really is UTF-8 (in the C locale wcwidth("小") is -1).
  try #require(wcwidth(0x5C0F) == 2)
  var mismatches: [String] = []
  var checked = 0
  for value: UInt32 in 0...0x10FFFF {
    guard let scalar = Unicode.Scalar(value) else { continue }  // surrogates
    let expected = max(Int(wcwidth(Int32(value))), 0)
    checked += 1
    if scalarWidth(scalar) != expected, mismatches.count < 20 {
      mismatches.append("U+\(String(value, radix: 16)): \(scalarWidth(scalar)) vs \(expected)")
    }
  }
  #expect(checked == 0x110000 - 0x800)
  #expect(mismatches.isEmpty, "\(mismatches)")
}
