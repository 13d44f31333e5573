import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Text encodings a spreadsheet saves CSV in.
public enum CSVEncoding: String, Sendable, CaseIterable {
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

/// One CSV row as bytes, as `CSVReader.forEachByteRow` hands it to its callback. It points into
/// the reader's buffers, so it is valid only inside the callback that receives it: copy what
/// must outlive the call (`string(_:)`, `row`, or the bytes themselves).
public struct CSVByteRow {
  /// The physical line (from 1) the row starts on.
  public let line: Int
  /// The number of fields.
  public let count: Int
  /// The row's bytes as the file has them, from the start of its first line: only `column(of:)`
  /// reads them, to count characters when a diagnostic needs a column.
  let source: UnsafePointer<UInt8>
  /// The fields' unescaped bytes back to back; field `i` ends at `ends[i]`.
  let bytes: UnsafePointer<UInt8>
  let ends: UnsafePointer<Int>
  /// Where each field starts in `source` (at its opening quote when it is quoted).
  let starts: UnsafePointer<Int>

  /// The field's bytes, unescaped: surrounding quotes removed, `""` turned into `"`, CRLF
  /// turned into LF inside quoted fields, and a CR before the row's LF dropped. Empty for an
  /// index outside the row. Valid only inside the callback that received the row.
  public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    guard index >= 0, index < count else { return UnsafeBufferPointer(start: bytes, count: 0) }
    let from = index == 0 ? 0 : ends[index - 1]
    return UnsafeBufferPointer(start: bytes + from, count: ends[index] - from)
  }

  /// Calls `body` with the field's bytes (see `field(_:)`).
  public func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    body(field(index))
  }

  /// The field decoded as UTF-8 ("" for an index outside the row). A sequence that is not
  /// valid UTF-8 (reported by the reader with its place) becomes U+FFFD.
  public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

  /// The column (in characters, that is Unicode scalars, from 1) where the field starts on its
  /// physical line; 1 for an index outside the row. Counted here, on demand, rather than for
  /// every field while splitting: only diagnostics need columns.
  public func column(of index: Int) -> Int {
    guard index > 0, index < count else { return 1 }
    return CSVReader.column(in: source, at: starts[index])
  }

  /// The row as strings, with every field's column. The columns are counted in one pass over
  /// the row (the fields start in order), not by `column(of:)` once per field, which would go
  /// over a line again for each of its fields.
  public var row: CSVRow {
    var columns: [Int] = []
    columns.reserveCapacity(count)
    var column = 1
    var offset = 0
    for index in 0..<count {
      let start = starts[index]
      while offset < start {
        let byte = source[offset]
        if byte == 0x0A {
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        offset += 1
      }
      columns.append(column)
    }
    return CSVRow(line: line, fields: (0..<count).map(string), columns: columns)
  }
}

/// Reads CSV files as spreadsheets save them: UTF-8 with or without a BOM, or CP932; quoted
/// fields, doubled quotes, newlines inside quotes, CRLF. Written here rather than taken from a
/// package because the diagnostics need the physical line and column of every problem, and a
/// bad byte must cost one row, not the file (the CSV packages available decode whole files and
/// report no positions).
public enum CSVReader {
  /// The bytes read at a time. A large events.csv (100 MB and more) is never held whole: one
  /// buffer of this size is refilled, so the file costs this much memory, not its size.
  static let defaultChunkSize = 4 << 20

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

  /// Reads a CSV file row by row as strings (the header first); `forEachByteRow` does the
  /// reading, and each row is decoded for `body`.
  /// `lines` is told an estimate of the number of rows first (see `forEachByteRow`).
  public static func forEachRow(
    _ url: URL, displayName: String, sizeLimit: Int, sink: DiagnosticSink,
    lines: (Int) -> Void = { _ in }, _ body: (CSVRow) -> Void
  ) -> CSVEncoding? {
    forEachByteRow(
      url, displayName: displayName, sizeLimit: sizeLimit, sink: sink, estimatedRows: lines
    ) { body($0.row) }
  }

  /// Reads a CSV file row by row as bytes (the header first), reporting as it goes; nil when
  /// the file cannot be read. Nothing is decoded unless `body` asks (`CSVByteRow.string(_:)`),
  /// so that a caller can look its cells up by their bytes.
  ///
  /// The encoding is the sidecar's (`NAME.csv.encoding` holding `utf-8` or `cp932`), else
  /// UTF-8 when the file starts with a BOM or its first chunk is valid UTF-8, else the guess
  /// of `decodeWhole`. UTF-8 is read a chunk at a time; each sequence that is not valid UTF-8
  /// is reported with its line and column, and shown as U+FFFD: its row is kept. (Rows are given as they are split, so the guess cannot wait for the
  /// whole file: one whose first 4 MiB are UTF-8 and the rest CP932 is read as UTF-8, each
  /// CP932 line reported. A spreadsheet saves a file in one encoding, so this is not expected.)
  ///
  /// `estimatedRows` is told, once and before the first row, about how many rows the file has
  /// (a little more, from the first chunk's lines per byte), so that a caller can reserve room
  /// once rather than grow its arrays again and again. It is only an estimate.
  ///
  /// `ended` is told, when the file was read to its end as UTF-8, what a later read needs to
  /// read only what was appended since (`forEachAppendedRow`).
  public static func forEachByteRow(
    _ url: URL, displayName: String, sizeLimit: Int, sink: DiagnosticSink,
    progress: LoadProgress? = nil,
    estimatedRows: (Int) -> Void = { _ in }, ended: (CSVReadEnd) -> Void = { _ in },
    _ body: (CSVByteRow) -> Void
  ) -> CSVEncoding? {
    forEachByteRow(
      url, displayName: displayName, sizeLimit: sizeLimit, sink: sink,
      chunkSize: defaultChunkSize, progress: progress, estimatedRows: estimatedRows,
      ended: ended, body)
  }

  /// `forEachByteRow` reading `chunkSize` bytes at a time (tests use tiny chunks, so that rows
  /// straddle every boundary).
  static func forEachByteRow(
    _ url: URL, displayName: String, sizeLimit: Int, sink: DiagnosticSink, chunkSize: Int,
    progress: LoadProgress? = nil,
    estimatedRows: (Int) -> Void = { _ in }, ended: (CSVReadEnd) -> Void = { _ in },
    _ body: (CSVByteRow) -> Void
  ) -> CSVEncoding? {
    let location = SourceLocation(file: displayName)
    guard let (descriptor, fileSize) = DataFile.open(url.path, displayName: displayName, sink: sink)
    else { return nil }
    let identity = CSVReadEnd.identity(of: descriptor)
    let size: Int? = fileSize
    if fileSize > sizeLimit {
      DataFile.reportTooLarge(location, size: fileSize, sizeLimit: sizeLimit, sink: sink)
      close(descriptor)
      return nil
    }
    defer { close(descriptor) }
    progress?.begin(total: fileSize)
    var reader = CSVChunkReader(descriptor: descriptor, chunkSize: chunkSize)
    reader.byteLimit = sizeLimit
    reader.tracksBlocks = true
    // Enough bytes to see a BOM, then (when guessing) at least one whole line.
    while reader.end - reader.rowStart < 3, !reader.atEnd {
      guard reader.readMore() else {
        reader.reportReadFailure(location, sink: sink)
        return nil
      }
    }
    var declared: CSVEncoding?
    let sidecar = url.path + ".encoding"
    let sidecarName = displayName + ".encoding"
    if DataFile.exists(sidecar, displayName: sidecarName, sink: sink),
      let bytes = DataFile.read(sidecar, displayName: sidecarName, sizeLimit: 256, sink: sink)
    {
      let name = String(decoding: bytes, as: UTF8.self)
      declared = CSVEncoding(name: name)
      if declared == nil {
        sink.warning(
          SourceLocation(file: displayName + ".encoding", line: 1, column: 1),
          "unknown encoding '\(name.trimmingCharacters(in: .whitespacesAndNewlines))'; guessing instead",
          ja: "知らない文字コード '\(name.trimmingCharacters(in: .whitespacesAndNewlines))' なので、推測します",
          hint: "write utf-8 or cp932", jaHint: "utf-8 か cp932 と書きます")
      }
    }
    let hadBOM = reader.skipBOM()
    var utf8 = declared == .utf8 || (declared == nil && hadBOM)
    if declared == nil, !hadBOM {
      while reader.completeLinesEnd() == reader.rowStart, !reader.atEnd {
        guard reader.readMore() else {
          reader.reportReadFailure(location, sink: sink)
          return nil
        }
      }
      utf8 = isValidUTF8(
        UnsafeBufferPointer(
          start: reader.buffer + reader.rowStart,
          count: reader.completeLinesEnd() - reader.rowStart))
    }
    guard utf8 else {
      // CP932, declared or guessed: the whole file is read and decoded at once. CP932 files are
      // the small ones (a spreadsheet saved on Windows); large files are generated, in UTF-8.
      guard let bytes = reader.readAll() else {
        reader.reportReadFailure(location, sink: sink)
        return nil
      }
      progress?.advance(to: bytes.count)
      estimatedRows(bytes.reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } })
      let decoded = decodeWhole(bytes, file: displayName, declared: declared, sink: sink)
      var whole = CSVChunkReader(bytes: decoded.utf8)
      whole.parse(file: displayName, sink: sink, body)
      return decoded.encoding
    }
    estimatedRows(reader.estimatedRows(fileSize: size ?? 0))
    guard
      reader.readToEnd(file: displayName, location: location, progress: progress, sink: sink, body)
    else { return nil }
    ended(reader.readEnd(identity: identity))
    return .utf8
  }

  /// Reads only the rows appended to a UTF-8 file since a read that ended at `previous`, when
  /// the file is the same one (device and inode), at least as long, ended with a newline then,
  /// and still has the same first and last `CSVReadEnd.blockSize` bytes before that end (its
  /// bytes are compared, not its size or times alone). Nil, with nothing given to `body` and
  /// nothing reported, when it is not such an append: then the whole file must be read again.
  /// Otherwise the rows after the old end (their lines counted on from it), and whether they
  /// were read (false: reported).
  static func forEachAppendedRow(
    _ url: URL, since previous: CSVReadEnd, displayName: String, sizeLimit: Int,
    sink: DiagnosticSink, chunkSize: Int = defaultChunkSize,
    ended: (CSVReadEnd) -> Void = { _ in }, _ body: (CSVByteRow) -> Void
  ) -> Bool? {
    guard previous.endsWithNewline, previous.size <= sizeLimit else { return nil }
    let quiet = DiagnosticSink()
    guard
      let (descriptor, fileSize) = DataFile.open(url.path, displayName: displayName, sink: quiet)
    else { return nil }
    defer { close(descriptor) }
    guard CSVReadEnd.identity(of: descriptor) == previous.identity, fileSize >= previous.size,
      fileSize <= sizeLimit, previous.matches(descriptor)
    else { return nil }
    guard lseek(descriptor, off_t(previous.size), SEEK_SET) == off_t(previous.size) else {
      return nil
    }
    let location = SourceLocation(file: displayName)
    var reader = CSVChunkReader(descriptor: descriptor, chunkSize: chunkSize)
    reader.byteLimit = sizeLimit
    reader.bytesRead = previous.size
    reader.rowLine = previous.nextLine
    reader.tracksBlocks = true
    reader.firstBlock = previous.firstBlock
    reader.lastBlock = previous.lastBlock
    reader.lastByte = 0x0A
    guard reader.readToEnd(file: displayName, location: location, progress: nil, sink: sink, body)
    else { return false }
    ended(reader.readEnd(identity: previous.identity))
    return true
  }

  /// Decodes a whole file that is not read as UTF-8 chunk by chunk (without its BOM) into UTF-8.
  /// The encoding is `declared`, else the one that decodes it with fewer undecodable sequences
  /// (UTF-8 on a tie): CP932 as glibc's iconv decodes it, so an unassigned pair counts, not
  /// only a malformed one. Each undecodable sequence is reported (`reportUndecodable`) and
  /// becomes U+FFFD (for UTF-8, when the field is decoded); its row is kept.
  static func decodeWhole(
    _ bytes: [UInt8], file: String, declared: CSVEncoding?, sink: DiagnosticSink
  ) -> (utf8: [UInt8], encoding: CSVEncoding) {
    let lines = splitLines(bytes)
    let decoder = CP932Decoder()
    let encoding: CSVEncoding
    if let declared {
      encoding = declared
    } else if decoder == nil {
      encoding = .utf8
    } else {
      let utf8Bad = lines.reduce(0) { $0 + undecodableUTF8($1).count }
      let cp932Bad =
        utf8Bad == 0 ? 0 : lines.reduce(0) { $0 + decoder!.undecodable($1).count }
      encoding = utf8Bad == 0 || utf8Bad <= cp932Bad ? .utf8 : .cp932
    }
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count + bytes.count / 2)
    for (index, line) in lines.enumerated() {
      let bad: [Range<Int>]
      if encoding == .utf8 || decoder == nil {
        bad = undecodableUTF8(line)
        utf8 += line
      } else {
        bad = decoder!.decode(line, into: &utf8)
      }
      reportUndecodable(
        bad, in: line, line: index + 1, file: file,
        encoding: decoder == nil ? .utf8 : encoding, sink: sink)
      utf8.append(0x0A)
    }
    return (utf8, encoding)
  }

  /// Reports each undecodable sequence of a line (byte offsets in `bytes`) at its column: the
  /// characters before it, each earlier undecodable sequence counted as the one U+FFFD it
  /// becomes.
  static func reportUndecodable<Bytes: Collection<UInt8>>(
    _ bad: [Range<Int>], in bytes: Bytes, line: Int, file: String, encoding: CSVEncoding,
    sink: DiagnosticSink
  ) where Bytes.Index == Int {
    guard !bad.isEmpty else { return }
    var column = 1
    var offset = 0
    let decoder = encoding == .cp932 ? CP932Decoder() : nil
    for range in bad {
      let before = bytes[(bytes.startIndex + offset)..<(bytes.startIndex + range.lowerBound)]
      if let count = decoder?.decodedCount(Array(before)) {
        column += count
      } else {
        column += String(decoding: before, as: UTF8.self).unicodeScalars.count
      }
      let shown = bytes[
        (bytes.startIndex + range.lowerBound)..<(bytes.startIndex + range.upperBound)
      ]
      .map { "0x" + String($0, radix: 16, uppercase: true) }
      let name = encoding == .utf8 ? "UTF-8" : "Shift_JIS (CP932)"
      sink.warning(
        SourceLocation(file: file, line: line, column: column),
        shown.count == 1
          ? "byte \(shown[0]) is not valid \(name); it is shown as \u{FFFD}"
          : "bytes \(shown.joined(separator: " ")) are not a \(name) character; they are shown as \u{FFFD}",
        ja: shown.count == 1
          ? "バイト \(shown[0]) は \(name) として正しくないので、\u{FFFD} と表示します"
          : "バイト \(shown.joined(separator: " ")) は \(name) の文字ではないので、\u{FFFD} と表示します",
        hint:
          "correct the character and re-save the file, or name its encoding in \((file as NSString).lastPathComponent).encoding",
        jaHint:
          "文字を直して保存し直すか、\((file as NSString).lastPathComponent).encoding に文字コードを書いてください"
      )
      column += 1
      offset = range.upperBound
    }
  }

  /// The ill-formed sequences of a line (byte offsets from its start), each as much as one
  /// U+FFFD replaces when the line is decoded.
  static func undecodableUTF8<Bytes: Collection<UInt8>>(_ line: Bytes) -> [Range<Int>] {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = line.makeIterator()
    var offset = 0
    var bad: [Range<Int>] = []
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return bad
      case .error(let length):
        bad.append(offset..<(offset + length))
        offset += length
      }
    }
  }

  /// Physical lines, without their LF (a CR before it is kept: the parser drops it). LF and CR
  /// are never trail bytes in CP932, so splitting before decoding is safe.
  static func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  /// The offset of the first byte of the first sequence that is not well-formed UTF-8.
  static func firstInvalidUTF8<Bytes: Collection<UInt8>>(_ line: Bytes) -> Int? {
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

  /// Whether every byte sequence is well-formed UTF-8 (ASCII runs checked eight bytes at a
  /// time).
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    let count = bytes.count
    while index < count {
      if index + 8 <= count,
        UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
      {
        index += 8
        continue
      }
      let byte = base[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      // The well-formed sequences of the Unicode standard (table 3-7): the second byte's range
      // rules out overlong forms, surrogates and scalars past U+10FFFF.
      func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
        index + offset < count && range.contains(base[index + offset])
      }
      switch byte {
      case 0xC2...0xDF:
        guard continuation(1) else { return false }
        index += 2
      case 0xE1...0xEC, 0xEE...0xEF:
        guard continuation(1), continuation(2) else { return false }
        index += 3
      case 0xE0:
        guard continuation(1, 0xA0...0xBF), continuation(2) else { return false }
        index += 3
      case 0xED:
        guard continuation(1, 0x80...0x9F), continuation(2) else { return false }
        index += 3
      case 0xF0:
        guard continuation(1, 0x90...0xBF), continuation(2), continuation(3) else { return false }
        index += 4
      case 0xF1...0xF3:
        guard continuation(1), continuation(2), continuation(3) else { return false }
        index += 4
      case 0xF4:
        guard continuation(1, 0x80...0x8F), continuation(2), continuation(3) else { return false }
        index += 4
      default:
        return false
      }
    }
    return true
  }

  /// The column (in Unicode scalars, from 1) of `offset` in `source`, whose first byte starts a
  /// line: the scalars between the last LF before `offset` and `offset`, plus one.
  static func column(in source: UnsafePointer<UInt8>, at offset: Int) -> Int {
    var lineStart = offset
    while lineStart > 0, source[lineStart - 1] != 0x0A { lineStart -= 1 }
    var column = 1
    for index in lineStart..<offset where source[index] & 0xC0 != 0x80 { column += 1 }
    return column
  }
}

/// Where a whole read of a CSV file ended, and what tells later whether the file was only
/// appended to since: the bytes read, the line the next row would start on, and the file's
/// first and last `blockSize` bytes of those read (kept, not hashed, and compared byte for
/// byte: a rewrite that keeps the size and the modification time is still seen).
public struct CSVReadEnd: Sendable, Equatable {
  public static let blockSize = 64 << 10
  var size: Int
  var nextLine: Int
  var endsWithNewline: Bool
  var firstBlock: [UInt8]
  var lastBlock: [UInt8]
  /// The file's device and inode.
  var identity: [UInt64]

  static func identity(of descriptor: Int32) -> [UInt64] {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return [] }
    return [UInt64(status.st_dev), UInt64(status.st_ino)]
  }

  /// Whether the open file still has these first and last blocks where they were.
  func matches(_ descriptor: Int32) -> Bool {
    func has(_ block: [UInt8], at offset: Int) -> Bool {
      guard !block.isEmpty else { return true }
      var read = [UInt8](repeating: 0, count: block.count)
      var got = 0
      while got < block.count {
        let count = read.withUnsafeMutableBytes {
          pread(descriptor, $0.baseAddress! + got, block.count - got, off_t(offset + got))
        }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return false }
        got += count
      }
      return read == block
    }
    return has(firstBlock, at: 0) && has(lastBlock, at: size - lastBlock.count)
  }

  /// Whether the file at `path` is still the one read, unchanged (the same bytes at both ends
  /// and the same size).
  public func isUnchanged(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
      Int(status.st_size) == size, Self.identity(of: descriptor) == identity
    else { return false }
    return matches(descriptor)
  }
}

/// The one CSV parser: reads a file a chunk at a time into one buffer, checks each complete line
/// is UTF-8 as it arrives, and splits the complete rows it holds into fields; the unfinished row
/// is moved to the front and more is read after it. The buffer grows only when one row (say a
/// quote never closed) is longer than half of it.
///
/// A row is split in one go from its start: when it is not complete in the buffer, the work is
/// dropped and done again once more has been read. That costs at most the row once per refill,
/// and a refill reads at least as much as the row already held, so the whole is still linear.
struct CSVChunkReader: ~Copyable {
  let descriptor: Int32
  let chunkSize: Int
  var buffer: UnsafeMutablePointer<UInt8>
  var capacity: Int
  /// The bytes held are `buffer[0..<end]`.
  var end = 0
  var atEnd = false
  /// Where the next row starts, and its physical line (from 1).
  var rowStart = 0
  var rowLine = 1
  /// The lines before `checked` have been checked: rows are split up to there only.
  var checked = 0
  var checksUTF8: Bool
  /// The row being split: its fields' unescaped bytes back to back, where each ends there, and
  /// where each starts in the file's bytes. Reused from row to row.
  var scratch: UnsafeMutablePointer<UInt8>
  var scratchCapacity = 1024
  var ends: UnsafeMutablePointer<Int>
  var starts: UnsafeMutablePointer<Int>
  var fieldCapacity = 64

  init(descriptor: Int32, chunkSize: Int) {
    self.descriptor = descriptor
    self.chunkSize = max(1, chunkSize)
    capacity = self.chunkSize
    buffer = .allocate(capacity: capacity)
    checksUTF8 = true
    scratch = .allocate(capacity: scratchCapacity)
    ends = .allocate(capacity: fieldCapacity)
    starts = .allocate(capacity: fieldCapacity)
  }

  /// A reader of bytes already in memory (UTF-8, already checked).
  init(bytes: [UInt8]) {
    self.init(descriptor: -1, chunkSize: max(1, bytes.count))
    bytes.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { buffer.update(from: base, count: source.count) }
    }
    end = bytes.count
    atEnd = true
    checked = end
    checksUTF8 = false
  }

  deinit {
    buffer.deallocate()
    scratch.deallocate()
    ends.deallocate()
    starts.deallocate()
  }

  /// The most bytes read from the file (the size limit, held on what is read, not on what
  /// `stat` said); `overLimit` tells that reading stopped there.
  var byteLimit = Int.max
  var bytesRead = 0
  var overLimit = false
  /// With `tracksBlocks`, the file's first and last `CSVReadEnd.blockSize` bytes read so far,
  /// and its last byte (for `readEnd`).
  var tracksBlocks = false
  var firstBlock: [UInt8] = []
  var lastBlock: [UInt8] = []
  var lastByte: UInt8 = 0x0A

  /// Notes bytes just read (see `tracksBlocks`).
  mutating func noteRead(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let last = bytes.last else { return }
    lastByte = last
    let size = CSVReadEnd.blockSize
    if firstBlock.count < size { firstBlock += bytes.prefix(size - firstBlock.count) }
    if bytes.count >= size {
      lastBlock = Array(bytes.suffix(size))
    } else {
      lastBlock += bytes
      if lastBlock.count > size { lastBlock.removeFirst(lastBlock.count - size) }
    }
  }

  /// Where this read ended (after `readToEnd`).
  func readEnd(identity: [UInt64]) -> CSVReadEnd {
    CSVReadEnd(
      size: bytesRead, nextLine: rowLine, endsWithNewline: lastByte == 0x0A,
      firstBlock: firstBlock, lastBlock: lastBlock, identity: identity)
  }

  /// Checks, splits and hands over every row up to the end of the file; false (reported) when
  /// reading fails.
  mutating func readToEnd(
    file: String, location: SourceLocation, progress: LoadProgress?, sink: DiagnosticSink,
    _ body: (CSVByteRow) -> Void
  ) -> Bool {
    while true {
      progress?.advance(to: bytesRead)
      checkNewLines(file: file, sink: sink)
      parse(file: file, sink: sink, body)
      if atEnd { return true }
      guard readMore() else {
        reportReadFailure(location, sink: sink)
        return false
      }
    }
  }

  /// Why `readMore` failed, as a diagnostic.
  func reportReadFailure(_ location: SourceLocation, sink: DiagnosticSink) {
    if overLimit {
      DataFile.reportTooLarge(location, size: nil, sizeLimit: byteLimit, sink: sink)
    } else {
      sink.error(location, "cannot read the file", ja: "ファイルを読めません")
    }
  }

  /// Moves the unfinished row to the front and reads more after it: false when reading fails
  /// or goes over `byteLimit`.
  mutating func readMore() -> Bool {
    let tail = end - rowStart
    if rowStart > 0 {
      memmove(buffer, buffer + rowStart, tail)
      checked -= rowStart
      end = tail
      rowStart = 0
    }
    if tail * 2 >= capacity {
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
      grown.update(from: buffer, count: end)
      buffer.deallocate()
      buffer = grown
      capacity *= 2
    }
    let wanted = min(capacity - end, max(chunkSize, tail))
    var got = 0
    while got < wanted {
      let count = Glibc.read(descriptor, buffer + end + got, wanted - got)
      if count < 0, errno == EINTR { continue }
      if count < 0 { return false }
      if count == 0 {
        atEnd = true
        break
      }
      got += count
    }
    end += got
    bytesRead += got
    if tracksBlocks { noteRead(UnsafeBufferPointer(start: buffer + end - got, count: got)) }
    if bytesRead > byteLimit {
      overLimit = true
      return false
    }
    return true
  }

  /// Reads the rest of the file: every byte from the next row on.
  mutating func readAll() -> [UInt8]? {
    while !atEnd {
      guard readMore() else { return nil }
    }
    return Array(UnsafeBufferPointer(start: buffer + rowStart, count: end - rowStart))
  }

  /// Skips a UTF-8 BOM at the start.
  mutating func skipBOM() -> Bool {
    guard end - rowStart >= 3, buffer[rowStart] == 0xEF, buffer[rowStart + 1] == 0xBB,
      buffer[rowStart + 2] == 0xBF
    else { return false }
    rowStart += 3
    checked = rowStart
    return true
  }

  /// The end of the last complete line held (all of it at the end of the file).
  func completeLinesEnd() -> Int {
    if atEnd { return end }
    var index = end
    while index > checked, buffer[index - 1] != 0x0A { index -= 1 }
    return index
  }

  /// About how many rows the file has, from the lines per byte of what has been read.
  func estimatedRows(fileSize: Int) -> Int {
    var lines = 1
    for index in rowStart..<end where buffer[index] == 0x0A { lines += 1 }
    guard !atEnd, end > rowStart, fileSize > end else { return lines }
    return Int(Double(lines) * Double(fileSize) / Double(end - rowStart) * 1.05) + 16
  }

  /// Checks the complete lines read since the last call, reporting each sequence that is not
  /// valid UTF-8 (the field holding it shows U+FFFD). LF is never part of a multi-byte
  /// sequence, so lines are checked whole.
  mutating func checkNewLines(file: String, sink: DiagnosticSink) {
    let newEnd = completeLinesEnd()
    defer { checked = newEnd }
    guard checksUTF8, newEnd > checked,
      !CSVReader.isValidUTF8(UnsafeBufferPointer(start: buffer + checked, count: newEnd - checked))
    else { return }
    var line = rowLine
    for index in rowStart..<checked where buffer[index] == 0x0A { line += 1 }
    var start = checked
    while start < newEnd {
      var stop = start
      while stop < newEnd, buffer[stop] != 0x0A { stop += 1 }
      let bytes = UnsafeBufferPointer(start: buffer + start, count: stop - start)
      CSVReader.reportUndecodable(
        CSVReader.undecodableUTF8(bytes), in: bytes, line: line, file: file, encoding: .utf8,
        sink: sink)
      start = stop + 1
      line += 1
    }
  }

  mutating func reserveScratch(_ count: Int) {
    guard count > scratchCapacity else { return }
    var grown = scratchCapacity * 2
    while grown < count { grown *= 2 }
    let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    new.update(from: scratch, count: scratchCapacity)
    scratch.deallocate()
    scratch = new
    scratchCapacity = grown
  }

  mutating func reserveField(_ count: Int) {
    guard count >= fieldCapacity else { return }
    let grown = fieldCapacity * 2
    let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: grown)
    newEnds.update(from: ends, count: fieldCapacity)
    ends.deallocate()
    ends = newEnds
    let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: grown)
    newStarts.update(from: starts, count: fieldCapacity)
    starts.deallocate()
    starts = newStarts
    fieldCapacity = grown
  }

  /// The index of the first `a` or `b` in `buffer[from..<to]`, or `to`. Eight bytes at a time:
  /// a field's bytes are mostly neither, so this is where the time goes.
  @inline(__always)
  static func find(
    _ a: UInt8, or b: UInt8, in buffer: UnsafePointer<UInt8>, from: Int, to limit: Int
  ) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let repeatedA = ones &* UInt64(a)
    let repeatedB = ones &* UInt64(b)
    var index = from
    while index + 8 <= limit {
      let word = UnsafeRawPointer(buffer + index).loadUnaligned(as: UInt64.self)
      // A byte of `x` is zero where the word has `a`: the lowest such byte sets its high bit
      // here (higher ones may be false alarms, which the lowest bit never is).
      let x = word ^ repeatedA
      let y = word ^ repeatedB
      let found = ((x &- ones) & ~x | (y &- ones) & ~y) & highs
      if found != 0 { return index + found.trailingZeroBitCount >> 3 }
      index += 8
    }
    while index < limit, buffer[index] != a, buffer[index] != b { index += 1 }
    return index
  }

  /// Splits the complete rows in `rowStart..<checked` (RFC 4180, with CRLF or LF), giving each
  /// to `body`; at the end of the file the last row needs no LF, and a quote still open is an
  /// error at the line and column where it opened. A row that is one empty field (an empty
  /// line) is not given. A quote inside an unquoted field is kept as a character.
  mutating func parse(file: String, sink: DiagnosticSink, _ body: (CSVByteRow) -> Void) {
    let buffer = UnsafePointer(self.buffer)
    let limit = checked
    let lastChunk = atEnd && limit == end
    var start = rowStart
    var line = rowLine
    defer {
      rowStart = start
      rowLine = line
    }
    while true {
      guard start < limit else { return }
      var index = start
      var current = line
      var out = 0  // bytes in `scratch`
      var count = 0  // fields done
      var fieldOut = 0  // where the field's bytes start in `scratch`
      var fieldStart = start  // where the field starts in `buffer`
      var inQuotes = false
      var justClosedQuote = false
      var quoteLine = 0
      if buffer[index] == 0x22 {
        inQuotes = true
        quoteLine = current
        index += 1
      }
      while true {
        if inQuotes {
          // Up to the closing quote or the next line.
          let stop = Self.find(0x22, or: 0x0A, in: buffer, from: index, to: limit)
          reserveScratch(out + stop - index + 1)
          scratch.advanced(by: out).update(from: buffer + index, count: stop - index)
          out += stop - index
          index = stop
          guard stop < limit else {
            guard lastChunk else { return }  // The row goes on in the next chunk.
            sink.error(
              SourceLocation(
                file: file, line: quoteLine,
                column: CSVReader.column(in: buffer + start, at: fieldStart - start)),
              "this quoted field is never closed", ja: "引用符で始まる欄が閉じられていません",
              hint: "add the closing \"", jaHint: "閉じる \" を書き足してください")
            start = limit
            return
          }
          index += 1
          if buffer[stop] == 0x22 {
            inQuotes = false
            justClosedQuote = true
            continue
          }
          // A newline inside the quotes: CRLF is given as LF.
          if out > fieldOut, scratch[out - 1] == 0x0D {
            scratch[out - 1] = 0x0A
          } else {
            scratch[out] = 0x0A
            out += 1
          }
          current += 1
          continue
        }
        if index == limit, !lastChunk { return }  // The row goes on in the next chunk.
        // The end of the file ends the row as an LF would.
        let byte = index < limit ? buffer[index] : 0x0A
        switch byte {
        case 0x2C:
          reserveField(count)
          ends[count] = out
          starts[count] = fieldStart - start
          count += 1
          index += 1
          fieldOut = out
          fieldStart = index
          justClosedQuote = false
          if index < limit, buffer[index] == 0x22 {
            inQuotes = true
            quoteLine = current
            index += 1
          }
        case 0x0A:
          if !justClosedQuote, out > fieldOut, scratch[out - 1] == 0x0D { out -= 1 }
          reserveField(count)
          ends[count] = out
          starts[count] = fieldStart - start
          count += 1
          if !(count == 1 && out == 0) {
            body(
              CSVByteRow(
                line: line, count: count, source: buffer + start, bytes: UnsafePointer(scratch),
                ends: UnsafePointer(ends),
                starts: UnsafePointer(starts)))
          }
          start = min(index + 1, limit)
          line = current + 1
        case 0x22 where justClosedQuote:
          // A doubled quote inside a quoted field.
          reserveScratch(out + 1)
          scratch[out] = 0x22
          out += 1
          inQuotes = true
          justClosedQuote = false
          index += 1
          continue
        case 0x0D where justClosedQuote:
          index += 1
          continue
        default:
          // Up to the next comma or line; quotes and CRs here are characters.
          let stop = Self.find(0x2C, or: 0x0A, in: buffer, from: index + 1, to: limit)
          reserveScratch(out + stop - index)
          scratch.advanced(by: out).update(from: buffer + index, count: stop - index)
          out += stop - index
          index = stop
          justClosedQuote = false
          continue
        }
        if byte == 0x0A { break }
      }
    }
  }
}
