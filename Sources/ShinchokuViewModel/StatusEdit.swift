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
}

/// After a reload: the open status box shows the programme's status as the data has it now
/// (someone may have recorded a change meanwhile), and a confirm step about the status it
/// showed before goes back to choosing. The box closes when the programme or snapshot is gone.
func refreshStatusEdit(_ state: inout AppState) {
  guard var edit = state.statusEdit else { return }
  guard state.dataset.snapshots.contains(where: { $0.date == edit.snapshot }),
    let programme = state.dataset.programmes.first(where: { $0.id == edit.programmeID })
  else {
    state.statusEdit = nil
    return
  }
  let now = programme.statuses[edit.snapshot]
  guard now != edit.old else { return }
  edit.old = now
  edit.isConfirming = false
  edit.choice = min(edit.choice, max(0, state.dataset.statuses.count - 1))
  state.statusEdit = edit
  state.notice = UIText.statusChangedMeanwhile(now ?? "—", language: state.language)
}

func reduceStatusEdit(
  _ state: inout AppState, _ action: StatusEditAction, _ effects: inout [Effect]
) {
  switch action {
  case .begin:
    guard state.focus == .matrix, let id = state.drill?.openProgrammeID,
      let snapshot = state.snapshot,
      let programme = state.dataset.programmes.first(where: { $0.id == id })
    else { return }
    let old = programme.statuses[snapshot.date]
    state.statusEdit = StatusEdit(
      programmeID: id, snapshot: snapshot.date, old: old,
      choice: state.dataset.statuses.firstIndex { $0.id == old } ?? 0)
  case .move(let step):
    guard var edit = state.statusEdit, !edit.isConfirming else { return }
    edit.choice = max(0, min(state.dataset.statuses.count - 1, edit.choice + step))
    state.statusEdit = edit
  case .accept where state.statusEdit?.isConfirming == true,
    .confirm where state.statusEdit?.isConfirming == true:
    guard let edit = state.statusEdit else { return }
    effects.append(
      .record(
        StatusChange(
          when: "", by: nil, programmeID: edit.programmeID, snapshot: edit.snapshot,
          old: edit.old, new: state.dataset.statuses[edit.choice].id, note: nil)))
  case .accept:
    guard var edit = state.statusEdit else { return }
    if state.dataset.statuses[edit.choice].id == edit.old {
      state.statusEdit = nil
      state.notice = UIText.statusUnchanged.text(state.language)
      return
    }
    edit.isConfirming = true
    state.statusEdit = edit
  case .confirm:
    break
  case .cancel:
    state.statusEdit = nil
  case .finished(let message):
    state.statusEdit = nil
    state.notice = message
  }
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
        to: chrome.symbol(new) + new.shortName.text(language), language: language)
    } else {
      question = nil
    }
  }
}
