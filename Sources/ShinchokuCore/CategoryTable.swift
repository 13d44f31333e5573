/// The event categories in file order, looked up by id or name in constant time: a data set
/// of many categories costs linear time to read, not quadratic.
public struct CategoryTable: Sendable, Equatable {
  public private(set) var list: [EventCategory] = []
  private var byID: [String: Int] = [:]
  /// The first category of each Japanese or English name.
  private var byName: [String: Int] = [:]

  public init(_ categories: [EventCategory] = []) {
    for category in categories { append(category) }
  }

  /// Adds `category`, unless one with its id is there already (false then).
  @discardableResult
  public mutating func append(_ category: EventCategory) -> Bool {
    guard byID[category.id] == nil else { return false }
    let position = list.count
    byID[category.id] = position
    for name in [category.name.japanese, category.name.english].compactMap({ $0 })
    where byName[name] == nil {
      byName[name] = position
    }
    list.append(category)
    return true
  }

  public func contains(id: String) -> Bool { byID[id] != nil }

  public func category(id: String) -> EventCategory? { byID[id].map { list[$0] } }

  /// The first category whose id, Japanese name or English name is `text`.
  public func first(matching text: String) -> EventCategory? {
    let positions = [byID[text], byName[text]].compactMap { $0 }
    return positions.min().map { list[$0] }
  }

  /// The ids for a message, at most `limit` of them (then "…").
  public func idList(limit: Int = 20) -> String {
    boundedList(list.map(\.id), limit: limit)
  }
}

/// Ids for a hint ("areas are: …"): the first `limit`, then "…", however many there are.
func boundedList(_ ids: [String], limit: Int = 20) -> String {
  ids.prefix(limit).joined(separator: ", ") + (ids.count > limit ? ", …" : "")
}
