import ShinchokuCore

/// The charts the matrix pane can show instead of its table, in the order `t` cycles them.
public enum MatrixChart: String, Sendable, CaseIterable {
  case trend, savings, plans
}

/// `t` cycles table → trend → savings → plans → table; `P` shows the next plan.
func cycleMatrixChart(_ state: inout AppState) {
  let all = MatrixChart.allCases
  guard let chart = state.matrixChart else {
    state.matrixChart = all.first
    return
  }
  let next = all.firstIndex(of: chart)! + 1
  state.matrixChart = next < all.count ? all[next] : nil
}

/// The effect that reads the data again showing the plan after the one shown (in plans.yaml's
/// order, wrapping); nothing, with a notice, when there is one plan.
func nextPlan(_ state: AppState) -> [Effect] {
  let plans = state.dataset.plans
  guard plans.count > 1, let index = plans.firstIndex(where: { $0.id == state.dataset.plan.id })
  else { return [] }
  return [.switchPlan(plans[(index + 1) % plans.count].id)]
}

extension KeyMap {
  /// The matrix pane's chart and plan keys (before the list keys).
  public static let matrixChartKeys: [KeyBinding] = [
    KeyBinding(
      [.character("t")], LocalizedText("t"),
      LocalizedText("表・推移・効果額・計画の比較を切り替え", english: "table, trend, savings, plans"),
      .cycleMatrixChart, short: LocalizedText("グラフ", english: "charts")),
    KeyBinding(
      [.character("P")], LocalizedText("P"), LocalizedText("次の計画", english: "next plan"),
      .nextPlan, short: LocalizedText("計画", english: "plan")),
  ]
}

extension ChartView {
  /// The chart the matrix pane shows.
  public init(_ chart: MatrixChart, state: AppState) {
    switch chart {
    case .trend: self = .trend(state.dataset, language: state.language, chrome: state.chrome)
    case .savings: self = .savings(state.dataset, language: state.language, chrome: state.chrome)
    case .plans: self = .plans(state.dataset, language: state.language, chrome: state.chrome)
    }
  }
}
