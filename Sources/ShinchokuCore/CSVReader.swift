import Foundation

/// Text encodings a spreadsheet saves CSV in.
public enum CSVEncoding: String, Sendable {
  case utf8 = "utf-8"
  /// Shift_JIS as Japanese Windows writes it: CP932, with the NEC and IBM extensions.
  case cp932 = "cp932"

  init?(name: String) {
    switch name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j", "ms932": self = .cp932
    default: return nil
    }
  }
}

/// One row of a CSV file and the physical line it starts on.
public struct CSVRow: Sendable {
  public var line: Int
  public var fields: [String]
  /// The column (in characters, from 1) where each field starts on its line.
  public var columns: [Int]

  public func column(of field: Int) -> Int { field < columns.count ? columns[field] : 1 }
}

/// Reads CSV files as spreadsheets save them: UTF-8 with or without a BOM, or CP932; quoted
/// fields, doubled quotes, newlines inside quotes, CRLF. Written here rather than taken from a
/// package because the diagnostics need the physical line and column of every problem, and a
/// bad byte must cost one row, not the file (the CSV packages available decode whole files and
/// report no positions).
public enum CSVReader {
  /// Decodes the file's bytes. The encoding is the sidecar's (`NAME.csv.encoding` holding
  /// `utf-8` or `cp932`), else UTF-8 when the bytes are UTF-8 (or start with a BOM), else CP932.
  /// A line with a byte that is not valid in the encoding is reported and left out.
  static func decode(_ data: Data, file: String, declared: CSVEncoding?, sink: DiagnosticSink) -> (
    text: String, lineMap: [Int], encoding: CSVEncoding
  ) {
    var bytes = [UInt8](data)
    var hadBOM = false
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes.removeFirst(3)
      hadBOM = true
    }
    let lines = splitLines(bytes)
    let encoding: CSVEncoding
    if let declared {
      encoding = declared
    } else if hadBOM {
      encoding = .utf8
    } else {
      let utf8Bad = lines.filter { firstInvalidUTF8($0) != nil }.count
      let cp932Bad = lines.filter { firstInvalidCP932($0) != nil }.count
      encoding = utf8Bad == 0 || utf8Bad <= cp932Bad ? .utf8 : .cp932
    }
    var text = ""
    var lineMap: [Int] = []  // decoded line index → physical line number
    for (index, line) in lines.enumerated() {
      let bad = encoding == .utf8 ? firstInvalidUTF8(line) : firstInvalidCP932(line)
      if let bad {
        let byte = String(line[line.startIndex + bad], radix: 16, uppercase: true)
        sink.warning(
          SourceLocation(file: file, line: index + 1, column: bad + 1),
          "byte 0x\(byte) is not valid \(encoding == .utf8 ? "UTF-8" : "Shift_JIS (CP932)"); this row is left out",
          hint:
            "re-save the file, or name its encoding in \((file as NSString).lastPathComponent).encoding"
        )
        continue
      }
      let decoded =
        encoding == .utf8
        ? String(decoding: line, as: UTF8.self)
        : (String(data: Data(line), encoding: .shiftJIS) ?? "")
      text += decoded + "\n"
      lineMap.append(index + 1)
    }
    return (text, lineMap, encoding)
  }

  /// Physical lines, without their LF (a CR before it is kept: the parser drops it). LF and CR
  /// are never trail bytes in CP932, so splitting before decoding is safe.
  static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  static func firstInvalidUTF8(_ line: ArraySlice<UInt8>) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = line.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  /// The offset of the first byte that cannot be CP932: lead bytes 0x81–0x9F and 0xE0–0xFC
  /// need a trail byte 0x40–0x7E or 0x80–0xFC; 0x80, 0xA0 and 0xFD–0xFF stand for nothing.
  static func firstInvalidCP932(_ line: ArraySlice<UInt8>) -> Int? {
    var index = line.startIndex
    while index < line.endIndex {
      let byte = line[index]
      switch byte {
      case 0x00...0x7F, 0xA1...0xDF:
        index += 1
      case 0x81...0x9F, 0xE0...0xFC:
        let next = index + 1
        guard next < line.endIndex,
          (0x40...0x7E).contains(line[next]) || (0x80...0xFC).contains(line[next])
        else {
          return index - line.startIndex
        }
        index += 2
      default:
        return index - line.startIndex
      }
    }
    return nil
  }

  /// Splits decoded text into rows of fields (RFC 4180, with CRLF or LF). An unterminated
  /// quote is an error at the line and column where the quote opened.
  static func parse(_ text: String, lineMap: [Int], file: String, sink: DiagnosticSink) -> [CSVRow]
  {
    var rows: [CSVRow] = []
    var fields: [String] = []
    var columns: [Int] = [1]
    var field = ""
    var inQuotes = false
    var quoteLine = 0
    var quoteColumn = 0
    var line = 0  // index into lineMap
    var column = 1
    var rowLine = 0
    var justClosedQuote = false
    func physical(_ index: Int) -> Int {
      index < lineMap.count ? lineMap[index] : (lineMap.last ?? 0) + 1
    }
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if inQuotes {
        if scalar == "\"" {
          inQuotes = false
          justClosedQuote = true
        } else {
          field.unicodeScalars.append(scalar)
          if scalar == "\n" {
            line += 1
            column = 0
          }
        }
        column += 1
        continue
      }
      switch scalar {
      case "\"" where justClosedQuote:
        // A doubled quote inside a quoted field.
        field.append("\"")
        inQuotes = true
        justClosedQuote = false
      case "\"" where field.isEmpty:
        inQuotes = true
        quoteLine = physical(line)
        quoteColumn = column
      case ",":
        fields.append(field.replacingOccurrences(of: "\r\n", with: "\n"))
        field = ""
        justClosedQuote = false
        columns.append(column + 1)
      case "\n":
        let last = field.hasSuffix("\r") && !justClosedQuote ? String(field.dropLast()) : field
        fields.append(last.replacingOccurrences(of: "\r\n", with: "\n"))
        if !(fields.count == 1 && fields[0].isEmpty) {
          rows.append(CSVRow(line: physical(rowLine), fields: fields, columns: columns))
        }
        fields = []
        columns = [1]
        field = ""
        justClosedQuote = false
        line += 1
        rowLine = line
        column = 0
      case "\r" where justClosedQuote:
        break
      default:
        field.unicodeScalars.append(scalar)
        justClosedQuote = false
      }
      column += 1
    }
    if inQuotes {
      sink.error(
        SourceLocation(file: file, line: quoteLine, column: quoteColumn),
        "this quoted field is never closed",
        hint: "add the closing \"")
    }
    return rows
  }

  /// Reads a CSV file into rows (the header first), reporting as it goes.
  public static func read(_ url: URL, displayName: String, sizeLimit: Int, sink: DiagnosticSink)
    -> (
      rows: [CSVRow], encoding: CSVEncoding
    )?
  {
    let location = SourceLocation(file: displayName)
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
      sink.error(location, "cannot read the file")
      return nil
    }
    if let size = attributes[.size] as? Int, size > sizeLimit {
      sink.error(
        location, "the file is \(size) bytes, over the limit of \(sizeLimit) bytes",
        hint: "split it, or raise the limit with --max-file-size")
      return nil
    }
    guard let data = try? Data(contentsOf: url) else {
      sink.error(location, "cannot read the file")
      return nil
    }
    var declared: CSVEncoding?
    let sidecar = url.path + ".encoding"
    if let name = try? String(contentsOfFile: sidecar, encoding: .utf8) {
      declared = CSVEncoding(name: name)
      if declared == nil {
        sink.warning(
          SourceLocation(file: displayName + ".encoding", line: 1, column: 1),
          "unknown encoding '\(name.trimmingCharacters(in: .whitespacesAndNewlines))'; guessing instead",
          hint: "write utf-8 or cp932")
      }
    }
    let decoded = decode(data, file: displayName, declared: declared, sink: sink)
    return (
      parse(decoded.text, lineMap: decoded.lineMap, file: displayName, sink: sink), decoded.encoding
    )
  }
}
