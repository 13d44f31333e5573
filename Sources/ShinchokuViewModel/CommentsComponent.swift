import ShinchokuCore
import TerminalText

/// The comments pane: the selection, the link filter, the comment open for reading, and the
/// search.
public struct CommentsState: Sendable, Equatable {
  /// The selected comment, as an index into the comments the pane lists.
  public var selection = 0
  /// Show only the comments about the area selected in the matrix.
  public var onlyLinked = false
  /// The comment open full-pane for reading, and how far it is scrolled.
  public var openCommentID: String?
  public var readingScroll = 0
  /// The search query (kana and width folded when matched).
  public var query = ""
  /// The query line is taking keystrokes.
  public var isEditingQuery = false

  public init() {}
}

/// What the comments pane's keys ask for.
public enum CommentsAction: Sendable, Equatable {
  /// Another comment of the list.
  case moveSelection(by: Int)
  case select(Int)
  /// Open the selected comment for reading.
  case open
  case scrollReading(by: Int)
  /// Close the reading view, or clear a kept search.
  case back
  /// `l`: only the comments about the area selected in the matrix, or all.
  case toggleLinked
  /// `/`: start typing a search.
  case startSearch
  /// A character typed into the search line, or a deletion.
  case type(Character)
  case deleteBackward
  /// Enter on the search line: keep the query and jump to the first match.
  case confirmSearch
  /// Esc on the search line: drop the query.
  case cancelSearch
  /// `n` / `N`.
  case nextMatch
  case previousMatch
  /// The data changed: keep the selection on the comment it was on (by id), the open comment
  /// only while it exists.
  case keepInside(selectedID: String?)
}

/// What the comments component reads of the rest of the app.
public struct CommentsContext {
  /// Every comment of the data.
  public var all: [CommitteeComment]
  /// The area the matrix selection is on, for `l`.
  public var linkedArea: PlanArea?
  public var language: Language

  public init(all: [CommitteeComment], linkedArea: PlanArea?, language: Language) {
    self.all = all
    self.linkedArea = linkedArea
    self.language = language
  }

  /// The comments the pane lists: all, or with `l` only those about the linked area.
  public func visible(_ state: CommentsState) -> [CommitteeComment] {
    guard state.onlyLinked, let area = linkedArea else { return all }
    return all.filter { $0.areaIDs.contains(area.id) }
  }
}

/// The committee's comments: a list, a reading view, and a search.
public enum CommentsComponent: Component {
  public static func reduce(
    _ state: inout CommentsState, _ action: CommentsAction, _ context: CommentsContext
  ) -> [Effect] {
    let count = context.visible(state).count
    switch action {
    case .moveSelection(let step):
      state.selection = clamped(state.selection &+ step, count)
    case .select(let index):
      state.selection = clamped(index, count)
    case .open:
      let visible = context.visible(state)
      guard state.openCommentID == nil, visible.indices.contains(state.selection) else {
        return []
      }
      state.openCommentID = visible[state.selection].id
      state.readingScroll = 0
    case .scrollReading(let step):
      guard state.openCommentID != nil else { return [] }
      state.readingScroll = scrolled(state.readingScroll, by: step)
    case .back:
      if state.openCommentID != nil {
        state.openCommentID = nil
      } else {
        state.query = ""
      }
    case .toggleLinked:
      // On the totals row no area is selected: there is nothing to link to.
      guard state.onlyLinked || context.linkedArea != nil else {
        return [.notice(UIText.noAreaToLink.text(context.language))]
      }
      state.onlyLinked.toggle()
      state.selection = 0
    case .startSearch:
      state.isEditingQuery = true
      state.query = ""
    case .type(let character):
      switch InputLine.typing(character, after: state.query) {
      case .appended(let text): state.query = text
      case .full: return [.notice(InputLine.fullNotice(context.language))]
      case .ignored: return []
      }
      return jumpToMatch(&state, context, from: state.selection, step: 1)
    case .deleteBackward:
      if state.query.isEmpty {
        state.isEditingQuery = false
      } else {
        state.query.removeLast()
      }
    case .confirmSearch:
      state.isEditingQuery = false
      return jumpToMatch(&state, context, from: state.selection, step: 1)
    case .cancelSearch:
      state.isEditingQuery = false
      state.query = ""
    case .nextMatch:
      return jumpToMatch(&state, context, from: state.selection + 1, step: 1)
    case .previousMatch:
      return jumpToMatch(&state, context, from: state.selection - 1, step: -1)
    case .keepInside(let selectedID):
      let visible = context.visible(state)
      state.selection =
        visible.firstIndex { $0.id == selectedID } ?? clamped(state.selection, visible.count)
      if let id = state.openCommentID, !context.all.contains(where: { $0.id == id }) {
        state.openCommentID = nil
      }
    }
    return []
  }

  public static func action(for navigation: Navigation, in state: CommentsState)
    -> CommentsAction?
  {
    switch navigation {
    case .open: return state.openCommentID == nil ? .open : nil
    case .back: return .back
    default:
      let step = navigation.signedStep
      return state.openCommentID == nil ? .moveSelection(by: step) : .scrollReading(by: step)
    }
  }

  /// The comments' own keys win over the list keys they share (`l`, `/`, `n`); a comment being
  /// read scrolls.
  public static func bindings(_ state: CommentsState) -> [KeyBinding] {
    keyTable(state).own
  }

  static func keyTable(_ state: CommentsState) -> KeyTable {
    state.openCommentID == nil ? listKeys : readingKeys
  }
  private static let readingKeys = KeyTable(KeyMap.scrolling)
  /// The list is one column: ← and → have nothing to move to (the list's `→ l` line would
  /// give `l` to two actions, and `← h` moved the selection up while help said "left").
  private static let listKeys: KeyTable = {
    let taken = Set(KeyMap.comments.flatMap(\.keys))
    return KeyTable(
      KeyMap.comments
        + KeyMap.list.filter {
          !$0.keys.contains(where: taken.contains) && $0.action != .move(.left)
        })
  }()

  /// Selects the first comment from `start` (going by `step`, wrapping) that matches the query.
  private static func jumpToMatch(
    _ state: inout CommentsState, _ context: CommentsContext, from start: Int, step: Int
  ) -> [Effect] {
    let visible = context.visible(state)
    guard !visible.isEmpty, !state.query.isEmpty else { return [] }
    for offset in 0..<visible.count {
      let index = ((start + offset * step) % visible.count + visible.count) % visible.count
      if commentMatches(visible[index], query: state.query) {
        state.selection = index
        return []
      }
    }
    return [.notice(UIText.noMatch(state.query, language: context.language))]
  }
}

/// Whether a comment matches the search query.
public func commentMatches(_ comment: CommitteeComment, query: String) -> Bool {
  !query.isEmpty && !foldedMatches(of: query, in: comment.text).isEmpty
}
