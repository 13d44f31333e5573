import Foundation
import Testing

@testable import ShinchokuCore

@Suite struct CSVWriterTests {
  /// Writes `pieces` through a writer and gives the bytes, or the error.
  func written(_ pieces: [String], _ encoding: CSVEncoding, bom: Bool = false)
    throws(CSVEncodingError) -> [UInt8]
  {
    var bytes: [UInt8] = []
    let writer = try! CSVWriter(encoding: encoding, byteOrderMark: bom) { bytes += $0 }
    for piece in pieces { try writer.write(piece) }
    writer.finish()
    return bytes
  }

  @Test func utf8WithAndWithoutTheByteOrderMark() throws {
    let text = "date,title\n2012-07-21,夏休み\n"
    #expect(try written([text], .utf8, bom: true) == [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    #expect(try written([text], .utf8) == Array(text.utf8))
    // The mark comes once, before the first piece, and even an empty export has it.
    #expect(
      try written(["a,", "b\n", "1,2\n"], .utf8, bom: true) == [0xEF, 0xBB, 0xBF]
        + Array("a,b\n1,2\n".utf8))
    #expect(try written([], .utf8, bom: true) == [0xEF, 0xBB, 0xBF])
  }

  @Test func cp932BytesAreWhatTheCSVReaderDecodes() throws {
    // NEC and IBM extension characters, and the JIS/Microsoft variant pairs (〜 ～, − －),
    // which CP932 writes as one code each.
    let text = "名称,備考\n①髙橋㈱,\"〜と～,−\"\n"
    let bytes = try written([text], .cp932)
    #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(String(data: Data(bytes), encoding: .shiftJIS) == "名称,備考\n①髙橋㈱,\"～と～,－\"\n")
    #expect(Array(bytes.prefix(4)) == [0x96, 0xBC, 0x8F, 0xCC])  // 名称
  }

  @Test func aCharacterCP932LacksNamesItsRowAndColumn() {
    let header = "date,title,fees\n"
    #expect(
      throws: CSVEncodingError(
        row: 3, column: 2, columnName: "title", character: "𠮷", fieldStart: "𠮷")
    ) {
      try written([header, "2012-07-21,夏,無料\n", "2012-07-22,𠮷野家,無料\n"], .cp932)
    }
    // Inside quotes, a comma and a line break stay in the field and the row.
    #expect(
      throws: CSVEncodingError(
        row: 2, column: 3, columnName: "fees", character: "·", fieldStart: "a,b\nc ·")
    ) {
      try written([header + "2012-07-21,\"x\ny\",\"a,b\nc · d\"\n"], .cp932)
    }
    // A piece can end anywhere: the position carries over.
    #expect(
      throws: CSVEncodingError(
        row: 2, column: 1, columnName: "date", character: "é", fieldStart: "café")
    ) {
      try written(["date,ti", "tle,fees\ncaf", "é,x,y\n"], .cp932)
    }
    // In the header itself there is no name to give.
    #expect(
      throws: CSVEncodingError(
        row: 1, column: 2, columnName: nil, character: "▶", fieldStart: "▶")
    ) {
      try written(["date,▶\n"], .cp932)
    }
  }

  @Test func aFailedCP932ExportWritesNothing() {
    var bytes: [UInt8] = []
    let writer = try! CSVWriter(encoding: .cp932, byteOrderMark: false) { bytes += $0 }
    #expect(throws: CSVEncodingError.self) {
      try writer.write("a,b\n")
      try writer.write("1,€\n")
    }
    #expect(bytes.isEmpty)
  }

  @Test func theMessageSaysWhatToDo() {
    let error = CSVEncodingError(
      row: 3, column: 5, columnName: "title", character: "𠮷", fieldStart: "𠮷野家")
    #expect(
      error.description
        == "row 3, column 5 (title): '𠮷' (U+20BB7) has no code in CP932 (Shift_JIS), in \"𠮷野家\"; export in UTF-8 (leave out --encoding cp932), or change the data"
    )
  }
}
