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
    var rows: [CSVRow] = []
    guard
      let encoding = forEachRow(
        url, displayName: displayName, sizeLimit: sizeLimit, sink: sink, { rows.append($0) })
    else { return nil }
    return (rows, encoding)
  }

  /// Reads a CSV file row by row (the header first), reporting as it goes; nil when the file
  /// cannot be read. UTF-8 is split at the byte level and only the fields are decoded; CP932 is
  /// decoded first.
  /// `lines` is told the file's number of lines first (an upper bound of the rows), so that
  /// the reader can reserve room once rather than grow its arrays again and again.
  public static func forEachRow(
    _ url: URL, displayName: String, sizeLimit: Int, sink: DiagnosticSink,
    lines: (Int) -> Void = { _ in }, _ body: (CSVRow) -> Void
  ) -> CSVEncoding? {
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
    lines(
      data.withUnsafeBytes { raw in
        raw.reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } }
      })
    // The common case: UTF-8 (declared, with a BOM, or every byte valid) is read as bytes.
    let fast: Bool? = data.withUnsafeBytes { raw -> Bool? in
      let all = raw.bindMemory(to: UInt8.self)
      let hasBOM = all.starts(with: [0xEF, 0xBB, 0xBF])
      let bytes = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
      let valid = isValidUTF8(bytes)
      guard declared == .utf8 || (declared == nil && (hasBOM || valid)) else { return nil }
      var bad = Set<Int>()
      if !valid {
        let lines = splitLines(Array(bytes))
        for (index, line) in lines.enumerated() {
          guard let offset = firstInvalidUTF8(line) else { continue }
          bad.insert(index)
          let byte = String(line[line.startIndex + offset], radix: 16, uppercase: true)
          sink.warning(
            SourceLocation(file: displayName, line: index + 1, column: offset + 1),
            "byte 0x\(byte) is not valid UTF-8; this row is left out",
            hint:
              "re-save the file, or name its encoding in \((displayName as NSString).lastPathComponent).encoding"
          )
        }
      }
      parseUTF8(bytes, badLines: bad, file: displayName, sink: sink, body)
      return true
    }
    if fast != nil { return .utf8 }
    let decoded = decode(data, file: displayName, declared: declared, sink: sink)
    for row in parse(decoded.text, lineMap: decoded.lineMap, file: displayName, sink: sink) {
      body(row)
    }
    return decoded.encoding
  }

  /// Whether every byte sequence is well-formed UTF-8 (ASCII runs checked fast).
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      var scalar: UInt32
      switch byte {
      case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(byte & 0x1F))
      case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(byte & 0x0F))
      case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(byte & 0x07))
      default: return false
      }
      guard index + length <= count else { return false }
      for offset in 1..<length {
        let next = bytes[index + offset]
        guard next & 0xC0 == 0x80 else { return false }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
        return false
      }
      index += length
    }
    return true
  }

  /// `parse` for UTF-8 bytes: fields are split on `,` `"` LF at the byte level and decoded
  /// once each; the lines in `badLines` (0-based) are left out, as `decode` leaves them out.
  /// Columns count characters (Unicode scalars), as `parse` does. One row value is reused.
  static func parseUTF8(
    _ bytes: UnsafeBufferPointer<UInt8>, badLines: Set<Int>, file: String, sink: DiagnosticSink,
    _ body: (CSVRow) -> Void
  ) {
    var row = CSVRow(line: 1, fields: [], columns: [1])
    var field: [UInt8] = []
    field.reserveCapacity(256)
    var inQuotes = false
    var justClosedQuote = false
    var quoteLine = 0
    var quoteColumn = 0
    var physical = 0  // 0-based physical line
    var column = 1
    var index = 0
    let count = bytes.count
    func skipBadLines() {
      while badLines.contains(physical), index < count {
        while index < count, bytes[index] != 0x0A { index += 1 }
        index += 1
        physical += 1
      }
    }
    func text(_ bytes: [UInt8]) -> String {
      let decoded = String(decoding: bytes, as: UTF8.self)
      return bytes.contains(0x0D) ? decoded.replacingOccurrences(of: "\r\n", with: "\n") : decoded
    }
    // Bytes already split are not read again: in a large file their pages are given back as
    // the rows go by (never the buffer's first page, where an allocator keeps its header), so
    // the file and the events built from it are not both resident at once.
    let page = UInt(max(4096, sysconf(Int32(_SC_PAGESIZE))))
    let base = UInt(bitPattern: bytes.baseAddress)
    var released = (base + 2 * page - 1) & ~(page - 1)
    func releaseSplitBytes() {
      let end = (base + UInt(index)) & ~(page - 1)
      guard end > released, end - released >= 4 << 20 else { return }
      #if canImport(Glibc)
        _ = madvise(
          UnsafeMutableRawPointer(bitPattern: released), Int(end - released), MADV_DONTNEED)
      #endif
      released = end
    }
    if !badLines.isEmpty { skipBadLines() }
    row.line = physical + 1
    while index < count {
      let byte = bytes[index]
      index += 1
      if byte & 0xC0 != 0x80 { column += 1 }
      if inQuotes {
        if byte == 0x22 {
          inQuotes = false
          justClosedQuote = true
        } else {
          field.append(byte)
          if byte == 0x0A {
            physical += 1
            column = 1
            if !badLines.isEmpty { skipBadLines() }
          }
        }
        continue
      }
      switch byte {
      case 0x22 where justClosedQuote:
        field.append(0x22)
        inQuotes = true
        justClosedQuote = false
      case 0x22 where field.isEmpty:
        inQuotes = true
        quoteLine = physical + 1
        quoteColumn = column - 1
      case 0x2C:
        row.fields.append(text(field))
        field.removeAll(keepingCapacity: true)
        justClosedQuote = false
        row.columns.append(column)
      case 0x0A:
        if field.last == 0x0D, !justClosedQuote { field.removeLast() }
        row.fields.append(text(field))
        if !(row.fields.count == 1 && row.fields[0].isEmpty) { body(row) }
        if count > 8 << 20 { releaseSplitBytes() }
        row.fields.removeAll(keepingCapacity: true)
        row.columns.removeAll(keepingCapacity: true)
        row.columns.append(1)
        field.removeAll(keepingCapacity: true)
        justClosedQuote = false
        physical += 1
        column = 1
        if !badLines.isEmpty { skipBadLines() }
        row.line = physical + 1
      case 0x0D where justClosedQuote:
        break
      default:
        field.append(byte)
        justClosedQuote = false
      }
    }
    if inQuotes {
      sink.error(
        SourceLocation(file: file, line: quoteLine, column: quoteColumn),
        "this quoted field is never closed",
        hint: "add the closing \"")
    } else if !field.isEmpty || !row.fields.isEmpty || justClosedQuote {
      // The last line has no LF.
      if field.last == 0x0D, !justClosedQuote { field.removeLast() }
      row.fields.append(text(field))
      if !(row.fields.count == 1 && row.fields[0].isEmpty) { body(row) }
    }
  }
}
