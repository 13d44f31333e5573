import Foundation

/// The exports' JSON: a tree of `[String: Any]`, arrays, strings, numbers, booleans and
/// `NSNull` (as `JSONSerialization` takes), written pretty-printed with sorted keys.
///
/// Through `JSONEncoder` rather than `JSONSerialization`: on Linux the latter sorts keys with a
/// locale-aware comparison that creates a locale per comparison, which made a year of a
/// hundred thousand events take 16 s to write; the encoder sorts them as plain strings.
func jsonText(_ object: Any) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  let data = (try? encoder.encode(JSONValue(object))) ?? Data()
  return String(decoding: data, as: UTF8.self) + "\n"
}

/// One JSON value, made from what `JSONSerialization` would accept.
enum JSONValue: Encodable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(_ value: Any) {
    switch value {
    case let text as String: self = .string(text)
    case let flag as Bool: self = .bool(flag)
    case let number as Int: self = .int(number)
    case let number as Double: self = .double(number)
    case let list as [Any]: self = .array(list.map(JSONValue.init))
    case let object as [String: Any]: self = .object(object.mapValues(JSONValue.init))
    default: self = .null
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .null: try container.encodeNil()
    case .bool(let flag): try container.encode(flag)
    case .int(let number): try container.encode(number)
    case .double(let number): try container.encode(number)
    case .string(let text): try container.encode(text)
    case .array(let list): try container.encode(list)
    case .object(let object): try container.encode(object)
    }
  }
}

/// A member of an object written by `writeJSONObject`: a value, or an array given element
/// by element (each handed to the closure it is given).
enum JSONMember {
  case value(Any)
  case elements((_ element: (Any) -> Void) -> Void)
}

/// The members as one tree, for `jsonText` (the tests compare the two ways of writing).
func jsonTree(_ members: [String: JSONMember]) -> [String: Any] {
  members.mapValues { member -> Any in
    switch member {
    case .value(let value): return value
    case .elements(let elements):
      var list: [Any] = []
      elements { list.append($0) }
      return list
    }
  }
}

/// Writes an object with its members in key order, as `jsonText` would write it whole, but an
/// array member one element at a time: a large export is never one tree in memory.
func writeJSONObject(_ members: [String: JSONMember], to output: (String) -> Void) {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  func text(_ value: Any, indent: String) -> String {
    let data = (try? encoder.encode(JSONValue(value))) ?? Data()
    // Every line after the first moves right, except the empty one of an empty array.
    return String(decoding: data, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .enumerated().map { $0.offset == 0 || $0.element.isEmpty ? $0.element : indent + $0.element }
    .joined(separator: "\n")
  }
  output("{\n")
  let keys = members.keys.sorted()
  for (offset, key) in keys.enumerated() {
    output("  " + text(key, indent: "") + " : ")
    switch members[key]! {
    case .value(let value):
      output(text(value, indent: "  "))
    case .elements(let elements):
      output("[\n")
      var first = true
      elements { element in
        output((first ? "    " : ",\n    ") + text(element, indent: "    "))
        first = false
      }
      output("\n  ]")
    }
    output(offset == keys.count - 1 ? "\n" : ",\n")
  }
  output("}\n")
}
