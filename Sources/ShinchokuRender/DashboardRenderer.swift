import ShinchokuCore
import ShinchokuViewModel
import TerminalText

/// Where the dashboard's parts go for a screen size: one place, from constraints.
public struct DashboardLayout: Sendable, Equatable {
  public static let minimumWidth = ScreenSize.minimumWidth
  public static let minimumHeight = ScreenSize.minimumHeight
  /// The most rows the banner of data that no longer loads may take.
  public static let bannerRowLimit = 4
  /// The most rows an action's own notice may take, upwards from the last row over the key bar.
  public static let noticeRowLimit = 3

  public var titleBar: Rect
  /// The banner naming why the data no longer loads (empty when it loads).
  public var banner: Rect
  /// Where the panes go, or a full-pane view.
  public var body: Rect
  public var matrix: Rect
  public var comments: Rect
  public var events: Rect
  /// The notice after an action (what it changed, or why it did nothing): the screen's last
  /// row, kept for it whether or not there is one, so nothing moves when it comes and goes and
  /// a screen reader finds it in one place, after the selection.
  public var notice: Rect
  public var keyBar: Rect

  /// The parts that may not overlap, by name (for the layout tests).
  public var parts: [(name: String, rect: Rect)] {
    [
      ("title bar", titleBar), ("banner", banner), ("matrix", matrix), ("comments", comments),
      ("events", events), ("notice", notice), ("key bar", keyBar),
    ]
  }

  /// nil when the screen is too small for the dashboard.
  public init?(width: Int, height: Int, matrixHeight: Int, bannerRows: Int = 0) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let screen = Rect(x: 0, y: 0, width: width, height: height)
    let rows = Layout(
      .vertical,
      [
        .length(1), .length(min(bannerRows, Self.bannerRowLimit)), .fill(1), .length(1),
        .length(1),
      ]
    ).split(screen)
    (titleBar, banner, body, keyBar, notice) = (rows[0], rows[1], rows[2], rows[3], rows[4])
    // The matrix keeps its natural height while at least 6 rows stay for the panes below.
    let panes = Layout(.vertical, [.length(min(matrixHeight, max(5, body.height - 6))), .fill(1)])
      .split(body)
    matrix = panes[0]
    let lower = Layout(.horizontal, [.length((width + 1) / 2), .fill(1)]).split(panes[1])
    (comments, events) = (lower[0], lower[1])
  }
}

extension DashboardLayout {
  /// The layout `render` draws the dashboard in (nil: too small).
  public init?(state: AppState, matrix: MatrixView? = nil, chart: ChartView? = nil) {
    let banner = state.bannerText
    // A chart in place of the table is as tall as it is drawn whole (its box's two rows more).
    let matrixHeight =
      (chart ?? state.matrixChartView).map { chart in
        ChartBody(view: chart).naturalHeight(width: state.width - 2, chrome: state.chrome) + 2
      } ?? MatrixPane.naturalHeight(matrix ?? MatrixView(state: state))
    self.init(
      width: state.width, height: state.height, matrixHeight: matrixHeight,
      bannerRows: banner.map {
        NoticeWidget.rows($0, width: state.width, limit: DashboardLayout.bannerRowLimit)
      } ?? 0)
  }
}

/// The events pane's view: the last frame's when it was made of the same inputs.
private func calendarView(_ state: AppState, rows: Int, memo: WidgetMemo?) -> CalendarView {
  let inputs = CalendarView.Inputs(state: state, rows: rows)
  return memo?.view(of: inputs, CalendarView.init) ?? CalendarView(inputs)
}

/// The matrix's view, kept as the events pane's is.
private func matrixView(_ state: AppState, memo: WidgetMemo?) -> MatrixView {
  let inputs = MatrixView.Inputs(state: state)
  return memo?.view(of: inputs, MatrixView.init) ?? MatrixView(inputs)
}

/// The comments' view, kept as the events pane's is.
private func commentsView(_ state: AppState, memo: WidgetMemo?) -> CommentsView {
  let inputs = CommentsView.Inputs(state: state)
  return memo?.view(of: inputs, CommentsView.init) ?? CommentsView(inputs)
}

/// Draws the screen: a pure function of state and theme; the size is the state's. This is the
/// one place that reads `AppState`: it builds each part's view and gives each widget its view
/// and the rectangle the layout gives it. With a `memo`, a pane whose view did not change since
/// the memo's last frame is copied from it, not drawn again (the frame is the same).
public func render(_ state: AppState, theme: Theme, memo: WidgetMemo? = nil) -> Frame {
  var canvas = Canvas(width: state.width, height: state.height, theme: theme, chrome: state.chrome)
  canvas.memo = memo
  canvas.statusTones = statusTones(state.dataset)
  let screen = Rect(x: 0, y: 0, width: state.width, height: state.height)
  if let presentation = state.presentation {
    if presentation.role == .presenter {
      canvas.draw(
        PresenterWidget(view: PresenterView(state: state, presentation: presentation)), in: screen)
    } else {
      canvas.draw(
        PresentationWidget(
          slide: SlideView(state: state, presentation: presentation), presentation: presentation,
          notice: state.notice),
        in: screen)
    }
    drawOverlay(state, in: screen, on: &canvas)
    return canvas.finish()
  }
  let matrix = matrixView(state, memo: memo)
  let bannerText = state.bannerText
  // The chart shown in place of the matrix table, if any: built once for the layout and the pane.
  let chart = state.matrixChartView
  guard let layout = DashboardLayout(state: state, matrix: matrix, chart: chart) else {
    canvas.draw(
      TooSmallWidget(
        view: TooSmallView(
          needWidth: DashboardLayout.minimumWidth, needHeight: DashboardLayout.minimumHeight,
          width: state.width, height: state.height, chrome: state.chrome)), in: screen)
    if let notice = state.notice, state.height > 4 {
      // Why a key did nothing, on the last row.
      canvas.draw(
        NoticeWidget(text: notice),
        in: Rect(x: 0, y: state.height - 1, width: state.width, height: 1))
    }
    return canvas.finish()
  }
  canvas.drawKept(TitleBarWidget(view: TitleView(state: state)), in: layout.titleBar)
  if let bannerText { canvas.draw(NoticeWidget(text: bannerText), in: layout.banner) }
  if state.focus == .comments, let reading = CommentReadingView(state: state) {
    canvas.draw(CommentReadingWidget(view: reading), in: layout.body)
  } else if state.focus == .events, let id = state.calendar.openEventID,
    let detail = EventDetailView(state: state, eventID: id)
  {
    canvas.draw(EventDetailWidget(view: detail, focused: true), in: layout.body)
  } else if let drill = state.matrix.drill {
    // Drilled down, the matrix pane takes the whole body.
    let focused = state.focus == .matrix
    if let id = drill.openProgrammeID,
      let detail = ProgrammeDetailView(state: state, programmeID: id)
    {
      canvas.draw(ProgrammeDetailWidget(view: detail, focused: focused), in: layout.body)
    } else {
      canvas.draw(
        ProgrammeListWidget(view: ProgrammeListView(state: state, drill: drill), focused: focused),
        in: layout.body)
    }
  } else {
    if let chart {
      canvas.draw(ChartWidget(view: chart, focused: state.focus == .matrix), in: layout.matrix)
    } else {
      canvas.drawKept(MatrixPane(view: matrix, focused: state.focus == .matrix), in: layout.matrix)
    }
    canvas.drawKept(
      CommentsPaneWidget(
        view: commentsView(state, memo: memo), focused: state.focus == .comments),
      in: layout.comments)
    canvas.drawKept(
      CalendarPaneWidget(
        view: calendarView(
          state,
          rows: CalendarPaneWidget.agendaRowsAtMost(in: layout.events, calendar: state.calendar),
          memo: memo),
        focused: state.focus == .events),
      in: layout.events)
  }
  canvas.drawKept(KeyBarWidget(view: KeyBarView(state: state)), in: layout.keyBar)
  if let edit = StatusEditView(state: state) {
    canvas.draw(StatusEditWidget(view: edit), in: layout.body)
  }
  // Above the notice's row, so the notice never hides the overlay's edge and its marks.
  drawOverlay(
    state, in: Rect(x: 0, y: 0, width: screen.width, height: layout.notice.y), on: &canvas)
  // Last: the notice, on the last row; while an id is typed to open (`#`), the line it is
  // typed on. An action's own message (a refused change, why a key did nothing) is never cut:
  // where it is longer it wraps upwards over the key bar, until the next key; the announcement
  // of what a key changed keeps to its row.
  if let input = state.matrix.input, input.kind == .programmeID, state.overlay == nil {
    canvas.draw(
      PromptWidget(prompt: state.chrome.text(UIText.openByIDPrompt), text: input.text),
      in: layout.notice)
  } else if let notice = state.notice {
    let rows =
      state.noticeIsAnnouncement
      ? 1 : NoticeWidget.rows(notice, width: state.width, limit: DashboardLayout.noticeRowLimit)
    canvas.draw(
      NoticeWidget(text: notice),
      in: Rect(x: 0, y: layout.notice.maxY - rows, width: state.width, height: rows))
  }
  return canvas.finish()
}

/// Help or the load warnings, over everything.
private func drawOverlay(_ state: AppState, in screen: Rect, on canvas: inout Canvas) {
  switch state.overlay {
  case .help: canvas.draw(HelpWidget(view: HelpView(state: state)), in: screen)
  case .warnings: canvas.draw(WarningsWidget(view: WarningsView(state: state)), in: screen)
  case nil: break
  }
}

extension AppState {
  /// The chart the matrix pane shows in place of its table, scrolled as far as the pane is (nil:
  /// the table, or a drill-down).
  var matrixChartView: ChartView? {
    guard matrix.mode == .table, let chart = matrix.chart else { return nil }
    var view = ChartView(chart, state: self)
    view.scroll = matrix.chartScroll
    return view
  }
}
