import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The byte end of every CSV export: takes the CSV text as the exports make it (in pieces of any
/// size) and writes it as a spreadsheet reads it.
///
/// - UTF-8, with a byte order mark first when asked (Japanese Excel reads a UTF-8 file without
///   one as Shift_JIS);
/// - CP932 (Shift_JIS as Japanese Windows writes it), through glibc's iconv. A character CP932
///   has no code for is an error naming the row and column (`CSVEncodingError`), never a `?`;
///   so that a failed export leaves nothing half-written, the CP932 bytes are held until
///   `finish()` (they are at most two per character, less than the text's UTF-8).
///
/// Rows are counted as a spreadsheet numbers them (the header is row 1; a quoted field's line
/// breaks stay in its row), and the header's names name the columns in errors.
public final class CSVWriter {
  public let encoding: CSVEncoding
  public let byteOrderMark: Bool
  private let output: ([UInt8]) -> Void
  private var converter: iconv_t?
  private var started = false
  private var held: [UInt8] = []
  private var position = CSVPosition()

  public struct OpenError: Error, CustomStringConvertible {
    public var description: String
  }

  public init(
    encoding: CSVEncoding, byteOrderMark: Bool, output: @escaping ([UInt8]) -> Void
  ) throws(OpenError) {
    self.encoding = encoding
    self.byteOrderMark = byteOrderMark && encoding == .utf8
    self.output = output
    if encoding == .cp932 {
      let cd = iconv_open("CP932", "UTF-8")
      guard let cd, cd != iconv_t(bitPattern: -1) else {
        throw OpenError(description: "this system's iconv cannot write CP932 (\(errnoText()))")
      }
      converter = cd
    }
  }

  deinit {
    if let converter { iconv_close(converter) }
  }

  /// Encodes and writes (or, for CP932, holds) the next piece of the CSV text.
  public func write(_ text: String) throws(CSVEncodingError) {
    if !started {
      started = true
      if byteOrderMark { output([0xEF, 0xBB, 0xBF]) }
    }
    guard let converter else {
      output(Array(text.utf8))
      return
    }
    var input = Array(text.utf8)
    let count = input.count
    var out = [UInt8](repeating: 0, count: 2 * count + 16)
    var failedAt: Int?
    var produced = 0
    input.withUnsafeMutableBytes { inputBytes in
      out.withUnsafeMutableBytes { outputBytes in
        var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var inLeft = count
        var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        var outLeft = outputBytes.count
        while inLeft > 0 {
          if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
            // The output buffer holds two bytes per input byte, so only EILSEQ stops it.
            failedAt = count - inLeft
            break
          }
        }
        produced = outputBytes.count - outLeft
      }
    }
    if let failedAt {
      position.advance(over: input[..<failedAt])
      let scalar =
        String(decoding: input[failedAt...].prefix(4), as: UTF8.self).unicodeScalars
        .first ?? "\u{FFFD}"
      throw position.error(for: scalar)
    }
    position.advance(over: input[...])
    held += out[..<produced]
  }

  /// Writes what is held (CP932) once the whole export has been encoded.
  public func finish() {
    if !started, byteOrderMark {
      started = true
      output([0xEF, 0xBB, 0xBF])
    }
    if !held.isEmpty { output(held) }
    held = []
  }
}

/// A character the chosen encoding cannot write, with where it is in the CSV.
public struct CSVEncodingError: Error, CustomStringConvertible, Equatable {
  /// The row as a spreadsheet numbers it (the header is row 1).
  public var row: Int
  /// The column, from 1, and the header's name for it when the header has one.
  public var column: Int
  public var columnName: String?
  public var character: Unicode.Scalar
  /// The field's text up to and including the character.
  public var fieldStart: String

  public var description: String { text(.english) }

  /// The refusal in `language`.
  public func text(_ language: Language) -> String {
    let code = String(character.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
    let name = columnName.map { " (\($0))" } ?? ""
    if language == .japanese {
      return
        "\(row) 行 \(column) 列\(name): '\(character)'（U+\(padded)）は CP932（Shift_JIS）にない文字です（\"\(fieldStart)\" の中）。UTF-8 で書き出す（--encoding cp932 を外す）か、データを直してください"
    }
    return
      "row \(row), column \(column)\(name): '\(character)' (U+\(padded)) has no code in CP932 (Shift_JIS), in \"\(fieldStart)\"; export in UTF-8 (leave out --encoding cp932), or change the data"
  }
}

/// Where the CSV text written so far ends: the row, the field, whether inside quotes, and the
/// header's names (the first row).
struct CSVPosition {
  var row = 1
  var column = 1
  var inQuotes = false
  var field: [UInt8] = []
  var header: [String] = []

  mutating func advance(over bytes: ArraySlice<UInt8>) {
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "\""):
        inQuotes.toggle()
        keep(byte)
      case UInt8(ascii: ","), UInt8(ascii: "\n"):
        if inQuotes {
          keep(byte)
          continue
        }
        if row == 1 { header.append(Self.unquoted(field)) }
        field.removeAll(keepingCapacity: true)
        if byte == UInt8(ascii: ",") {
          column += 1
        } else {
          row += 1
          column = 1
        }
      case UInt8(ascii: "\r") where !inQuotes: break
      default: keep(byte)
      }
    }
  }

  /// Keeps the field's first 120 bytes, enough to show where the character is.
  private mutating func keep(_ byte: UInt8) {
    if field.count < 120 { field.append(byte) }
  }

  static func unquoted(_ field: [UInt8]) -> String {
    var text = String(decoding: field, as: UTF8.self)
    if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
      text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
    return text
  }

  func error(for character: Unicode.Scalar) -> CSVEncodingError {
    var start = Self.unquoted(field)
    if start.hasPrefix("\"") { start.removeFirst() }
    start.unicodeScalars.append(character)
    return CSVEncodingError(
      row: row, column: column,
      columnName: row > 1 && header.indices.contains(column - 1) ? header[column - 1] : nil,
      character: character, fieldStart: start)
  }
}

private func errnoText() -> String {
  String(cString: strerror(errno))
}
