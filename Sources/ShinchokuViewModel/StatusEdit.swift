import JapaneseCalendar
import ShinchokuCore

/// Changing a programme's status from its detail view: pick the new status, confirm, and
/// `reduce` asks the main loop to append the change to the change log (`Effect.record`; reduce
/// stays free of I/O).
public struct StatusEdit: Sendable, Equatable {
  public var programmeID: String
  public var snapshot: CivilDate
  public var old: String?
  /// The index of the chosen status in the data's statuses.
  public var choice: Int
  /// The second step: "record this change?".
  public var isConfirming = false
}

public enum StatusEditAction: Sendable, Equatable {
  /// `s` in a programme's detail.
  case begin
  case move(Int)
  /// Enter: to the confirm step, or (there) record.
  case accept
  /// `y` on the confirm step.
  case confirm
  /// `n` or Esc.
  case cancel
  /// The main loop's answer: what happened to the change (a notice).
  case finished(String)
  /// The data changed under the open dialog.
  case keepInside
}

/// What the status dialog reads of the rest of the app.
public struct StatusEditContext {
  public var dataset: Dataset
  /// The programme whose detail is on screen (where `s` opens the dialog), if any.
  public var openProgrammeID: String?
  public var snapshot: ProgressSnapshot?
  public var language: Language

  public init(
    dataset: Dataset, openProgrammeID: String?, snapshot: ProgressSnapshot?, language: Language
  ) {
    self.dataset = dataset
    self.openProgrammeID = openProgrammeID
    self.snapshot = snapshot
    self.language = language
  }
}

/// Changing a programme's status from its detail: the dialog (nil while closed).
public enum StatusEditComponent: Component {
  public static func reduce(
    _ state: inout StatusEdit?, _ action: StatusEditAction, _ context: StatusEditContext
  ) -> [Effect] {
    let statuses = context.dataset.statuses
    switch action {
    case .begin:
      guard let id = context.openProgrammeID, let snapshot = context.snapshot,
        let programme = context.dataset.programmes.first(where: { $0.id == id })
      else { return [] }
      let old = programme.statuses[snapshot.date]
      state = StatusEdit(
        programmeID: id, snapshot: snapshot.date, old: old,
        choice: statuses.firstIndex { $0.id == old } ?? 0)
    case .move(let step):
      guard var edit = state, !edit.isConfirming else { return [] }
      edit.choice = max(0, min(statuses.count - 1, edit.choice + step))
      state = edit
    case .accept where state?.isConfirming == true, .confirm where state?.isConfirming == true:
      guard let edit = state else { return [] }
      return [
        .record(
          StatusChange(
            when: "", by: nil, programmeID: edit.programmeID, snapshot: edit.snapshot,
            old: edit.old, new: statuses[edit.choice].id, note: nil))
      ]
    case .accept:
      guard var edit = state else { return [] }
      if statuses[edit.choice].id == edit.old {
        state = nil
        return [.notice(UIText.statusUnchanged.text(context.language))]
      }
      edit.isConfirming = true
      state = edit
    case .confirm:
      break
    case .cancel:
      state = nil
    case .finished(let message):
      state = nil
      return [.notice(message)]
    case .keepInside:
      // After a reload: the box shows the programme's status as the data has it now (someone
      // may have recorded a change meanwhile), and a confirm step about the status it showed
      // before goes back to choosing. The box closes when the programme or snapshot is gone.
      guard var edit = state else { return [] }
      guard context.dataset.snapshots.contains(where: { $0.date == edit.snapshot }),
        let programme = context.dataset.programmes.first(where: { $0.id == edit.programmeID })
      else {
        state = nil
        return []
      }
      let now = programme.statuses[edit.snapshot]
      guard now != edit.old else { return [] }
      edit.old = now
      edit.isConfirming = false
      edit.choice = min(edit.choice, max(0, statuses.count - 1))
      state = edit
      // The status by its name in the UI language, as the dialog lists it (not its id).
      let language = context.language
      let name =
        now.flatMap { context.dataset.status($0) }?.name.text(language)
        ?? (language == .japanese ? "なし" : "none")
      return [.notice(UIText.statusChangedMeanwhile(name, language: language))]
    }
    return []
  }

  /// Choosing a status, then the confirm step.
  public static func bindings(_ state: StatusEdit?) -> [KeyBinding] {
    (state?.isConfirming == true ? [] : KeyMap.statusChoice) + KeyMap.statusDialog
  }

  /// The dialog takes its own keys only.
  public static func action(for navigation: Navigation, in state: StatusEdit?)
    -> StatusEditAction?
  { nil }
}

/// What the status-change box shows.
public struct StatusEditView: Sendable, Equatable {
  public var title: String
  public var options:
    [(statusID: String, symbol: String, name: String, isCurrent: Bool, isChosen: Bool)]
  /// The question of the confirm step, if it is reached.
  public var question: String?

  public static func == (a: StatusEditView, b: StatusEditView) -> Bool {
    a.title == b.title && a.question == b.question
      && a.options.map(\.isChosen) == b.options.map(\.isChosen)
  }

  public init?(state: AppState) {
    guard let edit = state.statusEdit,
      let programme = state.dataset.programmes.first(where: { $0.id == edit.programmeID })
    else { return nil }
    let language = state.language
    let chrome = state.chrome
    title = UIText.changeStatusTitle(
      programme.id + " " + programme.title, edit.snapshot, language: language)
    options = state.dataset.statuses.enumerated().map { index, status in
      (
        status.id, chrome.symbol(status), status.name.text(language),
        status.id == edit.old,
        index == edit.choice
      )
    }
    if edit.isConfirming {
      let old = edit.old.flatMap { state.dataset.status($0) }
      let new = state.dataset.statuses[edit.choice]
      question = UIText.confirmStatusChange(
        from: old.map { chrome.symbol($0) + $0.shortName.text(language) } ?? chrome.glyphs.unknown,
        to: chrome.symbol(new) + new.shortName.text(language), chrome: chrome)
    } else {
      question = nil
    }
  }
}
