import ShinchokuCore

/// The charts the matrix pane can show instead of its table, in the order `t` cycles them.
public enum MatrixChart: String, Sendable, CaseIterable {
  case trend, savings, plans
}

extension MatrixChart {
  /// The view `t` shows after `chart`: table (nil) → trend → savings → plans → table.
  static func after(_ chart: MatrixChart?) -> MatrixChart? {
    guard let chart else { return allCases.first }
    let next = allCases.firstIndex(of: chart)! + 1
    return next < allCases.count ? allCases[next] : nil
  }
}

/// The effect that reads the data again showing the plan after the one shown (in plans.yaml's
/// order, wrapping); with one plan, a notice that there is no other.
func nextPlan(_ context: MatrixContext) -> [Effect] {
  let plans = context.dataset.plans
  guard plans.count > 1, let index = plans.firstIndex(where: { $0.id == context.dataset.plan.id })
  else { return [.notice(UIText.onlyOnePlan.text(context.language))] }
  return [.switchPlan(plans[(index + 1) % plans.count].id)]
}

extension KeyMap {
  /// The matrix pane's chart and plan keys (before the list keys).
  public static let matrixChartKeys: [KeyBinding] = [
    KeyBinding(
      [.character("t")], LocalizedText("t"),
      LocalizedText("表・推移・効果額・計画の比較を切り替え", english: "table, trend, savings, plans"),
      .matrix(.cycleChart), short: LocalizedText("グラフ", english: "charts")),
    KeyBinding(
      [.character("P")], LocalizedText("P"), LocalizedText("次の計画", english: "next plan"),
      .matrix(.nextPlan), short: LocalizedText("計画", english: "plan")),
  ]
}

extension KeyMap {
  /// A chart shown in place of the table: `t` and `P` (named in the key bar), the scrolling
  /// keys (a chart taller than its pane scrolls), Esc for the table.
  public static let matrixChart: [KeyBinding] =
    matrixChartKeys.map { binding in
      var binding = binding
      binding.isMain = true
      return binding
    } + scrolling.filter { $0.action != .back } + [
      KeyBinding(
        [.escape, .backspace], LocalizedText("Esc BS"), LocalizedText("表へ戻る", english: "table"),
        .back, main: true)
    ]
}

extension ChartView {
  /// A chart the matrix pane (or a slide) shows, from its first line.
  public init(_ chart: MatrixChart, state: AppState) {
    switch chart {
    case .trend: self = .trend(state.dataset, language: state.language, chrome: state.chrome)
    case .savings: self = .savings(state.dataset, language: state.language, chrome: state.chrome)
    case .plans: self = .plans(state.dataset, language: state.language, chrome: state.chrome)
    }
  }
}
