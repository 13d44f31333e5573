import ShinchokuCore
import TerminalText

/// The matrix pane's input line: a search of the programme list (`/`), or a programme's id to
/// open from anywhere (`#`).
public struct MatrixInput: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// Narrows the programme list as it is typed (id or title; kana and width folded).
    case search
    /// Opens the programme with this id on Enter.
    case programmeID
  }
  public var kind: Kind
  public var text = ""

  public init(_ kind: Kind, text: String = "") {
    self.kind = kind
    self.text = text
  }
}

extension MatrixDrill {
  /// Whether the list is narrowed by a 所管課 or a search.
  public var isFiltered: Bool { section != nil || !query.isEmpty }
}

extension MatrixContext {
  /// The programmes the drill-down lists: the cell's, of the chosen 所管課, matching the search.
  public func listed(_ drill: MatrixDrill) -> [Programme] {
    let all = programmes(behind: drill.cell)
    guard drill.isFiltered else { return all }
    return all.filter { programme in
      (drill.section == nil || programme.section == drill.section)
        && (drill.query.isEmpty || programmeMatches(programme, query: drill.query))
    }
  }

  /// The 所管課 the cell's programmes name, in order, for `o`.
  public func sections(behind cell: MatrixPosition) -> [String] {
    var seen: Set<String> = []
    return programmes(behind: cell).compactMap(\.section).filter { seen.insert($0).inserted }
      .sorted()
  }

  /// The programme an id typed by a person names: the id itself (case aside), or, for digits
  /// alone, the one programme whose id ends in that number (`40` for P0040).
  public func programme(typed text: String) -> Programme? {
    let typed = text.trimmingSpaces()
    guard !typed.isEmpty else { return nil }
    if let exact = dataset.programmes.first(where: {
      $0.id.caseInsensitiveCompare(typed) == .orderedSame
    }) {
      return exact
    }
    guard let number = Int(typed) else { return nil }
    let matches = dataset.programmes.filter { programme in
      let digits = programme.id.reversed().prefix { $0.isASCII && $0.isNumber }
      return !digits.isEmpty && Int(String(digits.reversed())) == number
    }
    return matches.count == 1 ? matches[0] : nil
  }
}

/// Whether a programme's id or title holds the query (kana and width folded).
public func programmeMatches(_ programme: Programme, query: String) -> Bool {
  !foldedMatches(of: query, in: programme.id).isEmpty
    || !foldedMatches(of: query, in: programme.title).isEmpty
}

extension MatrixComponent {
  /// The drill-down list's filters and the input line.
  static func reduceFinding(
    _ state: inout MatrixState, _ action: MatrixAction, _ context: MatrixContext
  ) -> [Effect] {
    switch action {
    case .cycleSection:
      guard var drill = state.drill, drill.openProgrammeID == nil else { return [] }
      let sections = context.sections(behind: drill.cell)
      guard !sections.isEmpty else {
        return [.notice(UIText.noSections.text(context.language))]
      }
      let next = drill.section.flatMap { sections.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
      drill.section = next < sections.count ? sections[next] : nil
      drill.selection = 0
      state.drill = drill
    case .clearFilters:
      guard var drill = state.drill, drill.isFiltered else { return [] }
      drill.section = nil
      drill.query = ""
      drill.selection = 0
      state.drill = drill
    case .beginInput(let kind):
      if kind == .search {
        guard let drill = state.drill, drill.openProgrammeID == nil else { return [] }
        state.input = MatrixInput(.search, text: drill.query)
      } else {
        state.input = MatrixInput(.programmeID)
      }
    case .inputCharacter(let character):
      guard var input = state.input else { return [] }
      switch InputLine.typing(character, after: input.text) {
      case .appended(let text): input.text = text
      case .full: return [.notice(InputLine.fullNotice(context.language))]
      case .ignored: return []
      }
      state.input = input
      narrow(&state, context)
    case .inputDeleteBackward:
      guard var input = state.input else { return [] }
      if input.text.isEmpty {
        state.input = nil
        return []
      }
      input.text.removeLast()
      state.input = input
      narrow(&state, context)
    case .inputCancel:
      if state.input?.kind == .search, var drill = state.drill {
        drill.query = ""
        drill.selection = 0
        state.drill = drill
      }
      state.input = nil
    case .inputCommit:
      guard let input = state.input else { return [] }
      state.input = nil
      if input.kind == .programmeID { return open(typed: input.text, &state, context) }
    default:
      break
    }
    return []
  }

  /// The search is applied as it is typed: the list shows what matches, from its top.
  private static func narrow(_ state: inout MatrixState, _ context: MatrixContext) {
    guard let input = state.input, input.kind == .search, var drill = state.drill else { return }
    drill.query = input.text
    drill.selection = 0
    state.drill = drill
  }

  /// Opens the programme an id names: its detail, over the list of its cell (its area and its
  /// status in the snapshot), so that Esc lands in that list.
  private static func open(
    typed text: String, _ state: inout MatrixState, _ context: MatrixContext
  ) -> [Effect] {
    guard let programme = context.programme(typed: text) else {
      return [.notice(UIText.noProgrammeWithID(text, language: context.language))]
    }
    let data = context.dataset
    let row = data.areas.firstIndex { $0.id == programme.areaID } ?? data.areas.count
    let status = context.snapshot.flatMap { programme.statuses[$0.date] }
    let column = data.statuses.firstIndex { $0.id == status } ?? data.statuses.count
    state.chart = nil
    state.selection = MatrixPosition(row: row, column: column)
    var drill = MatrixDrill(cell: state.selection)
    drill.selection = context.listed(drill).firstIndex { $0.id == programme.id } ?? 0
    drill.openProgrammeID = programme.id
    state.drill = drill
    return []
  }
}

extension KeyMap {
  /// The drill-down list's own keys (before the list keys).
  public static let programmeList: [KeyBinding] = [
    KeyBinding(
      [.character("/")], LocalizedText("/"),
      LocalizedText("番号・名称で絞り込む（かな・全半角を区別しない）", english: "search by id or title"),
      .matrix(.beginInput(.search)), main: true, short: LocalizedText("検索", english: "search")),
    KeyBinding(
      [.character("o")], LocalizedText("o"),
      LocalizedText("所管課で絞り込む（順に切り替え）", english: "filter by section (in turn)"),
      .matrix(.cycleSection), main: true, short: LocalizedText("所管課", english: "section")),
    KeyBinding(
      [.character("c")], LocalizedText("c"), LocalizedText("絞り込みを解除", english: "clear filters"),
      .matrix(.clearFilters)),
  ]

  static let programmeListKeys = Set(programmeList.flatMap(\.keys))

  /// `#`: open a programme by its id, from anywhere on the dashboard.
  public static let openProgrammeByID = KeyBinding(
    [.character("#")], LocalizedText("#"),
    LocalizedText("番号でプログラムを開く（P0040、40）", english: "open a programme by its id (P0040, 40)"),
    .openProgrammeByID, short: LocalizedText("番号で開く", english: "open by id"))
}
