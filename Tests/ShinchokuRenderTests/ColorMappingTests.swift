import ShinchokuRender
import Testing

@Suite struct ColorMappingTests {
  @Test func noColourAtAll() {
    #expect(nearestColor(.rgb(255, 0, 0), depth: .none) == nil)
    #expect(nearestColor(.indexed(1), depth: .none) == nil)
    #expect(nearestColor(.terminalDefault, depth: .none) == nil)
  }

  @Test func terminalDefaultStays() {
    for depth in [ColorDepth.eight, .sixteen, .indexed256, .trueColor] {
      #expect(nearestColor(.terminalDefault, depth: depth) == .terminalDefault)
    }
  }

  @Test func pureRedAtEveryDepth() {
    #expect(nearestColor(.rgb(255, 0, 0), depth: .indexed256) == .indexed(196))
    #expect(nearestColor(.rgb(255, 0, 0), depth: .sixteen) == .indexed(9))
    #expect(nearestColor(.rgb(255, 0, 0), depth: .eight) == .indexed(1))
    #expect(nearestColor(.rgb(255, 0, 0), depth: .trueColor) == .rgb(255, 0, 0))
  }

  @Test func greysGoToTheGreyRamp() {
    #expect(nearestColor(.rgb(0x80, 0x80, 0x80), depth: .indexed256) == .indexed(244))
    #expect(nearestColor(.rgb(0x12, 0x12, 0x12), depth: .indexed256) == .indexed(233))
    #expect(nearestColor(.rgb(0x80, 0x80, 0x80), depth: .sixteen) == .indexed(8))
    #expect(nearestColor(.rgb(0x80, 0x80, 0x80), depth: .eight) == .indexed(7))
    #expect(nearestColor(.rgb(0x20, 0x20, 0x20), depth: .eight) == .indexed(0))
  }

  @Test func cubeColours() {
    // #5f87af is exactly cube entry 67; #ffaf00 is 214; near-white goes to 231 (cube white).
    #expect(nearestColor(.rgb(0x5F, 0x87, 0xAF), depth: .indexed256) == .indexed(67))
    #expect(nearestColor(.rgb(0xFF, 0xAA, 0x00), depth: .indexed256) == .indexed(214))
    #expect(nearestColor(.rgb(0xFE, 0xFE, 0xFE), depth: .indexed256) == .indexed(231))
    #expect(nearestColor(.rgb(0, 0, 0), depth: .indexed256) == .indexed(16))
  }

  @Test func basicColoursAtSixteenAndEight() {
    #expect(nearestColor(.rgb(0, 0xFF, 0), depth: .sixteen) == .indexed(10))
    #expect(nearestColor(.rgb(0, 0xCD, 0), depth: .eight) == .indexed(2))
    #expect(nearestColor(.rgb(0, 0, 0xCC), depth: .eight) == .indexed(4))
    #expect(nearestColor(.rgb(0xFF, 0xFF, 0xFF), depth: .sixteen) == .indexed(15))
    #expect(nearestColor(.rgb(0xFF, 0xFF, 0xFF), depth: .eight) == .indexed(7))
  }

  @Test func indexesWithinTheDepthStay() {
    #expect(nearestColor(.indexed(200), depth: .indexed256) == .indexed(200))
    #expect(nearestColor(.indexed(12), depth: .sixteen) == .indexed(12))
    #expect(nearestColor(.indexed(3), depth: .eight) == .indexed(3))
    #expect(nearestColor(.indexed(3), depth: .trueColor) == .indexed(3))
  }

  @Test func indexesAboveTheDepthMapDown() {
    #expect(nearestColor(.indexed(196), depth: .sixteen) == .indexed(9))
    #expect(nearestColor(.indexed(196), depth: .eight) == .indexed(1))
    #expect(nearestColor(.indexed(9), depth: .eight) == .indexed(1))
    #expect(nearestColor(.indexed(21), depth: .sixteen) == .indexed(4))  // #0000ff ≈ #0000ee
    #expect(nearestColor(.indexed(244), depth: .sixteen) == .indexed(8))
    #expect(nearestColor(.indexed(255), depth: .eight) == .indexed(7))
  }

  @Test func paletteValues() {
    #expect(xtermPaletteRGB(196) == (255, 0, 0))
    #expect(xtermPaletteRGB(16) == (0, 0, 0))
    #expect(xtermPaletteRGB(231) == (255, 255, 255))
    #expect(xtermPaletteRGB(232) == (8, 8, 8))
    #expect(xtermPaletteRGB(255) == (238, 238, 238))
    #expect(xtermPaletteRGB(9) == (255, 0, 0))
  }

  @Test(arguments: [ColorDepth.eight, .sixteen, .indexed256])
  func everyIndexMapsWithinTheDepth(depth: ColorDepth) {
    let limit = depth == .eight ? 8 : depth == .sixteen ? 16 : 256
    for i in 0...255 {
      guard case .indexed(let j)? = nearestColor(.indexed(UInt8(i)), depth: depth) else {
        Issue.record("index \(i) did not map to an index")
        continue
      }
      #expect(Int(j) < limit)
    }
  }
}
