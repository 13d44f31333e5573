/// A column of unsigned numbers stored in the fewest bytes that hold every number in it so far
/// (1, 2 or 4 a number), widened once, by a copy, when a larger number arrives. An event
/// store's columns mostly hold small numbers (a handful of categories, fee lists, venue lists,
/// days since 1970 below 65 536), so a million events cost 1–2 bytes a column, not 4.
public struct PackedColumn: Sendable, Equatable {
  /// The numbers, little-endian, `width` bytes each.
  @usableFromInline var bytes: [UInt8] = []
  @usableFromInline private(set) var width = 1
  public private(set) var count = 0

  public init() {}

  /// The bytes a number needs.
  @inlinable static func width(of value: UInt32) -> Int {
    value <= 0xFF ? 1 : value <= 0xFFFF ? 2 : 4
  }

  @inlinable public subscript(position: Int) -> UInt32 {
    precondition(position >= 0 && position < count, "position outside the column")
    return bytes.withUnsafeBytes { raw in
      switch width {
      case 1: return UInt32(raw[position])
      case 2:
        return UInt32(
          UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position * 2, as: UInt16.self)))
      default:
        return UInt32(
          littleEndian: raw.loadUnaligned(fromByteOffset: position * 4, as: UInt32.self))
      }
    }
  }

  public mutating func reserveCapacity(_ count: Int) {
    bytes.reserveCapacity(count * width)
  }

  /// Every number, `transform`ed, in one pass over the bytes (a loop per width, rather than a
  /// width test per number): for the calendar's index, which reads whole columns.
  @inlinable public func map<T>(_ transform: (UInt32) -> T) -> [T] {
    bytes.withUnsafeBytes { raw in
      [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        switch width {
        case 1:
          for position in 0..<count { buffer[position] = transform(UInt32(raw[position])) }
        case 2:
          for position in 0..<count {
            buffer[position] = transform(
              UInt32(
                UInt16(
                  littleEndian: raw.loadUnaligned(fromByteOffset: position * 2, as: UInt16.self))))
          }
        default:
          for position in 0..<count {
            buffer[position] = transform(
              UInt32(
                littleEndian: raw.loadUnaligned(fromByteOffset: position * 4, as: UInt32.self)))
          }
        }
        initialized = count
      }
    }
  }

  public mutating func append(_ value: UInt32) {
    let needed = Self.width(of: value)
    if needed > width { widen(to: needed) }
    switch width {
    case 1: bytes.append(UInt8(truncatingIfNeeded: value))
    case 2:
      bytes.append(UInt8(truncatingIfNeeded: value))
      bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    default:
      bytes.append(UInt8(truncatingIfNeeded: value))
      bytes.append(UInt8(truncatingIfNeeded: value >> 8))
      bytes.append(UInt8(truncatingIfNeeded: value >> 16))
      bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }
    count += 1
  }

  /// Rewrites the numbers `width` bytes each, keeping the room reserved (in numbers).
  private mutating func widen(to newWidth: Int) {
    var wider = PackedColumn()
    wider.width = newWidth
    wider.bytes.reserveCapacity(max(bytes.capacity / width, count + 1) * newWidth)
    for position in 0..<count { wider.append(self[position]) }
    self = wider
  }

  public static func == (a: PackedColumn, b: PackedColumn) -> Bool {
    guard a.count == b.count else { return false }
    if a.width == b.width { return a.bytes == b.bytes }
    return (0..<a.count).allSatisfy { a[$0] == b[$0] }
  }
}

/// A column of `Int32` numbers of which -1 ("none") and small non-negative numbers are the
/// common ones (text numbers, list numbers): stored as the number plus one in a
/// `PackedColumn`.
public struct NumberColumn: Sendable, Equatable {
  @usableFromInline var packed = PackedColumn()

  public init() {}

  public var count: Int { packed.count }

  @inlinable public subscript(position: Int) -> Int32 {
    Int32(bitPattern: packed[position] &- 1)
  }

  public mutating func append(_ value: Int32) { packed.append(UInt32(bitPattern: value) &+ 1) }
  public mutating func reserveCapacity(_ count: Int) { packed.reserveCapacity(count) }

  /// Every number, in order.
  @inlinable public var all: [Int32] { packed.map { Int32(bitPattern: $0 &- 1) } }
}

/// A column of days since 1970-01-01 or none (`Int32.min`), zigzag-coded (0 is none, a day
/// `d` is 2d + 1 or -2d): a day between 1880 and 2059 takes two bytes.
public struct DayColumn: Sendable, Equatable {
  @usableFromInline var packed = PackedColumn()

  public init() {}

  public var count: Int { packed.count }

  /// `Int32.min` for none.
  @inlinable public subscript(position: Int) -> Int32 {
    let stored = packed[position]
    guard stored != 0 else { return Int32.min }
    let zigzag = stored &- 1
    return Int32(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
  }

  /// Every day, in order (`Int32.min` for none).
  @inlinable public var all: [Int32] {
    packed.map { stored in
      guard stored != 0 else { return Int32.min }
      let zigzag = stored &- 1
      return Int32(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
    }
  }

  public mutating func append(_ value: Int32) {
    guard value != Int32.min else { return packed.append(0) }
    let zigzag = UInt32(bitPattern: (value << 1) ^ (value >> 31))
    packed.append(zigzag &+ 1)
  }
  public mutating func reserveCapacity(_ count: Int) { packed.reserveCapacity(count) }
}

// The event cache's form of a column (EventCache.swift): its width, count and bytes as they are.
extension PackedColumn {
  func encode(to encoder: inout CacheEncoder) {
    encoder.int(width)
    encoder.int(count)
    encoder.bytes(bytes)
  }

  /// The least and the largest number (0 and 0 when empty), read straight off the bytes.
  var bounds: (least: UInt32, most: UInt32) {
    guard count > 0 else { return (0, 0) }
    return bytes.withUnsafeBytes { raw in
      func scan<T: FixedWidthInteger>(_: T.Type) -> (UInt32, UInt32) {
        var least = T.max
        var most = T.min
        let size = MemoryLayout<T>.size
        for position in 0..<count {
          let value = T(
            littleEndian: raw.loadUnaligned(fromByteOffset: position * size, as: T.self))
          least = Swift.min(least, value)
          most = Swift.max(most, value)
        }
        return (UInt32(least), UInt32(most))
      }
      switch width {
      case 1: return scan(UInt8.self)
      case 2: return scan(UInt16.self)
      default: return scan(UInt32.self)
      }
    }
  }

  init(from decoder: inout CacheDecoder) throws(CacheFormatError) {
    let width = try decoder.int()
    let count = try decoder.int()
    let bytes = try decoder.bytes()
    guard [1, 2, 4].contains(width), count >= 0, bytes.count == count * width else {
      throw CacheFormatError()
    }
    self.width = width
    self.count = count
    self.bytes = bytes
  }
}

extension NumberColumn {
  func encode(to encoder: inout CacheEncoder) { packed.encode(to: &encoder) }
  init(from decoder: inout CacheDecoder) throws(CacheFormatError) {
    packed = try PackedColumn(from: &decoder)
  }
}

extension DayColumn {
  func encode(to encoder: inout CacheEncoder) { packed.encode(to: &encoder) }
  init(from decoder: inout CacheDecoder) throws(CacheFormatError) {
    packed = try PackedColumn(from: &decoder)
  }
}
