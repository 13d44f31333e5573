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
