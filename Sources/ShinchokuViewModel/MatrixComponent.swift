import ShinchokuCore

/// The matrix pane's state: the selected cell, and where it is drilled down to.
public struct MatrixState: Sendable, Equatable {
  /// The selected cell of the table; kept under a drill-down, so going back lands on it.
  public var selection = MatrixPosition(row: 0, column: 0)
  /// The programmes behind a cell, and perhaps one programme's detail (nil: the table).
  public var drill: MatrixDrill?
  /// A chart shown instead of the table (`t`; MatrixCharts.swift), nil: the table.
  public var chart: MatrixChart? {
    didSet { if chart != oldValue { chartScroll = 0 } }
  }
  /// How far the chart is scrolled (one shown in a pane shorter than the chart).
  public var chartScroll = 0
  /// The input line taking keystrokes: the list's search, or an id to open (ProgrammeFinding).
  public var input: MatrixInput?

  public init() {}

  /// What the pane shows: the table, a cell's programmes, or a programme's detail.
  public enum Mode: Sendable, Equatable { case table, list, detail }

  public var mode: Mode {
    guard let drill else { return .table }
    return drill.openProgrammeID == nil ? .list : .detail
  }
}

/// Where the matrix pane is drilled down to: the programmes behind a cell, and perhaps one
/// programme's detail. The matrix selection is kept underneath, so going back lands on it.
public struct MatrixDrill: Sendable, Equatable {
  /// The cell whose programmes are listed.
  public var cell: MatrixPosition
  /// The selected row of the programme list.
  public var selection: Int = 0
  /// The programme whose detail is open, if any.
  public var openProgrammeID: String? {
    didSet { if openProgrammeID != oldValue { detailScroll = 0 } }
  }
  /// How far the open programme's detail is scrolled.
  public var detailScroll = 0
  /// Only the programmes of this 所管課 (`o` goes through those the cell's programmes name).
  public var section: String?
  /// Only the programmes whose id or title holds this (`/`; kana and width folded).
  public var query = ""

  public init(cell: MatrixPosition) { self.cell = cell }
}

/// What the matrix pane's keys ask for.
public enum MatrixAction: Sendable, Equatable {
  /// Another cell of the table: rows are areas (then the totals), columns statuses (then the
  /// total); kept inside the table.
  case moveCell(rows: Int, columns: Int)
  case selectCell(MatrixPosition)
  /// Open the selected cell's programmes.
  case openCell
  /// Another programme of the list.
  case moveProgramme(by: Int)
  case selectProgramme(Int)
  /// Open the selected programme's detail.
  case openProgramme
  /// Scroll the open detail.
  case scrollDetail(by: Int)
  /// Close the detail (back to the list), or the list (back to the table).
  case back
  /// The snapshot or the data changed: keep the drill-down only where it still has records.
  case keepInside
  /// `t`: the table's next view (table → trend → savings → plans → table).
  case cycleChart
  /// Back from a chart to the table.
  case closeChart
  /// Scroll the chart (where the pane is shorter than it).
  case scrollChart(by: Int)
  /// `P`: read the data again showing the next plan of plans.yaml.
  case nextPlan
  /// `o` in the list: the next 所管課 of the cell's programmes, then all again.
  case cycleSection
  /// `c` in the list: drop the 所管課 and the search.
  case clearFilters
  /// The input line (ProgrammeFinding.swift): open it, type, delete, cancel, commit.
  case beginInput(MatrixInput.Kind)
  case inputCharacter(Character)
  case inputDeleteBackward
  case inputCancel
  case inputCommit
}

/// What the matrix component reads of the rest of the app.
public struct MatrixContext {
  public var dataset: Dataset
  public var snapshot: ProgressSnapshot?
  public var language: Language

  public init(dataset: Dataset, snapshot: ProgressSnapshot?, language: Language) {
    self.dataset = dataset
    self.snapshot = snapshot
    self.language = language
  }

  /// Rows of the table: one per area plus the totals row.
  public var rowCount: Int { dataset.areas.count + 1 }
  /// Columns of the table: one per status plus the total column.
  public var columnCount: Int { dataset.statuses.count + 1 }

  /// The programmes behind a cell in the snapshot: an area's with a status, an area's all (the
  /// total column), a status across areas (the totals row), or all.
  public func programmes(behind cell: MatrixPosition) -> [Programme] {
    guard let snapshot else { return [] }
    let areaID = cell.row < dataset.areas.count ? dataset.areas[cell.row].id : nil
    let statusID = cell.column < dataset.statuses.count ? dataset.statuses[cell.column].id : nil
    return dataset.programmes.filter { programme in
      guard let status = programme.statuses[snapshot.date] else { return false }
      return (areaID == nil || programme.areaID == areaID)
        && (statusID == nil || status == statusID)
    }
  }

  /// Whether the snapshot has programme records to drill down to.
  var hasRecords: Bool {
    guard let snapshot else { return false }
    return dataset.hasProgrammeRecords(snapshot)
  }
}

/// The progress matrix, its drill-down to programmes, and a programme's detail.
public enum MatrixComponent: Component {
  public static func reduce(
    _ state: inout MatrixState, _ action: MatrixAction, _ context: MatrixContext
  ) -> [Effect] {
    switch action {
    case .moveCell(let rows, let columns):
      state.selection = MatrixPosition(
        row: clamped(state.selection.row &+ rows, context.rowCount),
        column: clamped(state.selection.column &+ columns, context.columnCount))
    case .selectCell(let position):
      state.drill = nil
      state.selection = MatrixPosition(
        row: clamped(position.row, context.rowCount),
        column: clamped(position.column, context.columnCount))
    case .openCell:
      guard state.drill == nil else { return [] }
      guard context.hasRecords else {
        return [.notice(UIText.noProgrammeRecords.text(context.language))]
      }
      state.drill = MatrixDrill(cell: state.selection)
    case .moveProgramme(let step):
      guard var drill = state.drill, drill.openProgrammeID == nil else { return [] }
      drill.selection = clamped(
        drill.selection &+ step, context.listed(drill).count)
      state.drill = drill
    case .selectProgramme(let index):
      guard var drill = state.drill, drill.openProgrammeID == nil else { return [] }
      drill.selection = clamped(index, context.listed(drill).count)
      state.drill = drill
    case .openProgramme:
      guard var drill = state.drill, drill.openProgrammeID == nil else { return [] }
      let list = context.listed(drill)
      guard list.indices.contains(drill.selection) else { return [] }
      drill.openProgrammeID = list[drill.selection].id
      state.drill = drill
    case .scrollDetail(let step):
      guard var drill = state.drill, drill.openProgrammeID != nil else { return [] }
      drill.detailScroll = scrolled(drill.detailScroll, by: step)
      state.drill = drill
    case .back:
      guard var drill = state.drill else { return [] }
      if drill.openProgrammeID != nil {
        drill.openProgrammeID = nil
        state.drill = drill
      } else if drill.isFiltered {
        // A narrowed list widens first, as a search line's Esc does elsewhere.
        return reduceFinding(&state, .clearFilters, context)
      } else {
        state.drill = nil
      }
    case .cycleChart:
      state.chart = MatrixChart.after(state.chart)
    case .closeChart:
      state.chart = nil
    case .scrollChart(let step):
      guard state.chart != nil else { return [] }
      state.chartScroll = scrolled(state.chartScroll, by: step)
    case .nextPlan:
      return nextPlan(context)
    case .cycleSection, .clearFilters, .beginInput, .inputCharacter, .inputDeleteBackward,
      .inputCancel, .inputCommit:
      return reduceFinding(&state, action, context)
    case .keepInside:
      state.selection = MatrixPosition(
        row: clamped(state.selection.row, context.rowCount),
        column: clamped(state.selection.column, context.columnCount))
      guard var drill = state.drill else { return [] }
      guard context.hasRecords else {
        state.drill = nil
        return []
      }
      if drill.openProgrammeID == nil {
        drill.selection = clamped(drill.selection, context.listed(drill).count)
      }
      state.drill = drill
    }
    return []
  }

  public static func action(for navigation: Navigation, in state: MatrixState) -> MatrixAction? {
    let step = navigation.signedStep
    // A chart has no cells: the arrows scroll it (Enter would act on a table not shown).
    if state.chart != nil, state.mode == .table {
      switch navigation {
      case .back: return .closeChart
      case .open, .move(.left, _), .move(.right, _): return nil
      case .move, .page, .first, .last: return .scrollChart(by: step)
      }
    }
    switch (state.mode, navigation) {
    case (_, .back): return .back
    case (.table, .open): return .openCell
    case (.list, .open): return .openProgramme
    case (.detail, .open): return nil
    case (.table, .move(.left, _)), (.table, .move(.right, _)):
      return .moveCell(rows: 0, columns: step)
    case (.table, _): return .moveCell(rows: step, columns: 0)
    case (.list, _): return .moveProgramme(by: step)
    case (.detail, _): return .scrollDetail(by: step)
    }
  }

  /// The table and the list move with the list keys; a detail scrolls (and `s` changes the
  /// programme's status there).
  public static func bindings(_ state: MatrixState) -> [KeyBinding] {
    keyTable(state).own
  }

  static func keyTable(_ state: MatrixState) -> KeyTable {
    switch state.mode {
    case .detail: detailKeys
    case .list: listKeys
    case .table: tableKeys
    }
  }
  private static let detailKeys = KeyTable(KeyMap.programmeDetail)
  private static let listKeys = KeyTable(
    KeyMap.programmeList
      + KeyMap.list.filter { !$0.keys.contains(where: KeyMap.programmeListKeys.contains) })
  private static let tableKeys = KeyTable(KeyMap.matrixChartKeys + KeyMap.list)
}
