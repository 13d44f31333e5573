import Foundation

/// What one slide of the presentation shows.
public enum SlideKind: Hashable, Sendable {
  /// The plan, the snapshot date and the counts at a glance.
  case title
  /// The progress matrix.
  case matrix
  /// One area's figures, change and programmes (the area's id).
  case area(String)
  /// One committee comment (the comment's id).
  case comment(String)
  /// The upcoming events, as the events pane's filters pass them.
  case events
  /// The status counts over the snapshots, as stacked bars (the matrix pane's `t` chart).
  case trend
  /// The savings per fiscal year, split by kind.
  case savings
}

/// One slide of a deck and the speaker's notes for it.
public struct DeckSlide: Hashable, Sendable {
  public var kind: SlideKind
  public var notes: String?

  public init(_ kind: SlideKind, notes: String? = nil) {
    self.kind = kind
    self.notes = notes
  }
}

/// The slides of the presentation, in order: from `Data/deck.yaml`, or the standard order.
public struct Deck: Hashable, Sendable {
  public var slides: [DeckSlide]
  /// What the loader noticed that does not stop the deck from being used (an unknown key).
  public var warnings: [Diagnostic] = []

  public init(slides: [DeckSlide], warnings: [Diagnostic] = []) {
    self.slides = slides
    self.warnings = warnings
  }

  /// Title, matrix, the trend (with more than one snapshot), the savings (where the data has
  /// them), one slide per area, one per comment, the events.
  public static func standard(_ dataset: Dataset) -> Deck {
    Deck(
      slides: [DeckSlide(.title), DeckSlide(.matrix)]
        + (dataset.snapshots.count > 1 ? [DeckSlide(.trend)] : [])
        + (dataset.savings == nil ? [] : [DeckSlide(.savings)])
        + dataset.areas.map { DeckSlide(.area($0.id)) }
        + dataset.comments.map { DeckSlide(.comment($0.id)) } + [DeckSlide(.events)])
  }
}

/// Reads the optional `deck.yaml` of a data folder:
///
/// ```yaml
/// slides:
///   - title                     # a kind alone
///   - kind: area                # an area, by id (without id: every area)
///     id: community
///     notes: 話すこと
/// ```
///
/// Kinds are `title`, `matrix`, `trend`, `savings`, `area`, `areas`, `comment`, `comments`,
/// `events`. An unknown kind or id is an error with its file, line and column.
public struct DeckLoader: Sendable {
  public static let fileName = "deck.yaml"
  static let kinds = [
    "title", "matrix", "trend", "savings", "area", "areas", "comment", "comments", "events",
  ]

  public init() {}

  /// nil when the folder has no deck.yaml; throws with every error found.
  public func load(directory: String, dataset: Dataset) throws(DataLoadError) -> Deck? {
    let name =
      directory.hasSuffix("/") ? directory + Self.fileName : directory + "/" + Self.fileName
    let url = URL(fileURLWithPath: name)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let sink = DiagnosticSink()
    guard
      let text = readTextFile(
        url, displayName: name, sizeLimit: DatasetLoader.defaultFileSizeLimit, sink: sink),
      let root = parseYAML(text, file: name, sink: sink)
    else { throw DataLoadError(sink.items) }
    var deck = read(root, dataset: dataset, sink: sink)
    guard !sink.hasErrors else { throw DataLoadError(sink.items) }
    deck.warnings = sink.items
    return deck
  }

  /// Reads a parsed deck document.
  public func read(_ root: YAMLNode, dataset: Dataset, sink: DiagnosticSink) -> Deck {
    var slides: [DeckSlide] = []
    guard let top = root.mapping("deck.yaml") else { return Deck(slides: []) }
    top.rejectUnknownKeys(["slides"])
    guard let list = top.required("slides")?.sequence("slides") else { return Deck(slides: []) }
    for node in list {
      var kindNode = node
      var idNode: YAMLNode?
      var notes: String?
      if node.isMapping {
        guard let m = node.mapping(.aSlide) else { continue }
        m.rejectUnknownKeys(["kind", "id", "notes"])
        guard let kind = m.required("kind") else { continue }
        kindNode = kind
        idNode = m["id"]
        notes = m["notes"]?.optionalString("notes") ?? nil
      }
      guard let kind = kindNode.string(.theKindOfASlide) else { continue }
      let id = idNode?.string(.theIDOfASlide)
      switch kind {
      case "title": slides.append(DeckSlide(.title, notes: notes))
      case "matrix": slides.append(DeckSlide(.matrix, notes: notes))
      case "events": slides.append(DeckSlide(.events, notes: notes))
      case "trend": slides.append(DeckSlide(.trend, notes: notes))
      case "savings":
        if dataset.savings == nil {
          // A slide of nothing would be shown to a room: say so now.
          sink.warning(
            kindNode.location, "a savings slide, but the data has no savings.yaml",
            ja: "効果額のスライドがありますが、データに savings.yaml がありません",
            hint: "add savings.yaml, or leave the slide out",
            jaHint: "savings.yaml を加えるか、このスライドを外してください")
        }
        slides.append(DeckSlide(.savings, notes: notes))
      case "area", "areas":
        if let id, let idNode {
          guard dataset.area(id) != nil else {
            unknownID(
              id, of: Subject("area", ja: "分野"), at: idNode, candidates: dataset.areas.map(\.id),
              sink: sink)
            continue
          }
          slides.append(DeckSlide(.area(id), notes: notes))
        } else {
          slides += dataset.areas.map { DeckSlide(.area($0.id), notes: notes) }
        }
      case "comment", "comments":
        if let id, let idNode {
          guard dataset.comments.contains(where: { $0.id == id }) else {
            unknownID(
              id, of: Subject("comment", ja: "意見"), at: idNode,
              candidates: dataset.comments.map(\.id), sink: sink)
            continue
          }
          slides.append(DeckSlide(.comment(id), notes: notes))
        } else {
          slides += dataset.comments.map { DeckSlide(.comment($0.id), notes: notes) }
        }
      default:
        let near = closestMatch(kind, in: Self.kinds)
        sink.error(
          kindNode.location, "unknown slide kind '\(kind)'", ja: "知らないスライドの種類 '\(kind)' です",
          hint: near.map { "did you mean '\($0)'?" }
            ?? "kinds are: \(Self.kinds.joined(separator: ", "))",
          jaHint: near.map { "'\($0)' のことですか？" } ?? "種類は \(Self.kinds.joined(separator: ", "))")
      }
    }
    if slides.isEmpty, !sink.hasErrors {
      sink.error(
        top.owner.location, "the deck has no slides", ja: "スライドが一枚もありません",
        hint: "list at least one slide", jaHint: "スライドを一枚以上並べてください")
    }
    return Deck(slides: slides)
  }

  private func unknownID(
    _ id: String, of what: Subject, at node: YAMLNode, candidates: [String], sink: DiagnosticSink
  ) {
    let near = closestMatch(id, in: candidates)
    let list = candidates.joined(separator: ", ")
    sink.error(
      node.location, "no \(what.english) '\(id)' in the data",
      ja: "データに\(what.japanese) '\(id)' はありません",
      hint: near.map { "did you mean '\($0)'?" } ?? "\(what.english)s are: \(list)",
      jaHint: near.map { "'\($0)' のことですか？" } ?? "\(what.japanese)は \(list)")
  }
}
