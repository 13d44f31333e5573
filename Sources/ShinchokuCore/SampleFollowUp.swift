import JapaneseCalendar

/// The sample's programme sheets, savings and second plan: synthetic, labelled so in every file.
extension SampleDataSet {
  /// The sheet of programme `index` (1-based): every third has an indicator, every fifth is a
  /// key item, every fourth has savings; all have what was done, every other one problems.
  func sheetText(index: Int, dates: [CivilDate]) -> String {
    var text = "    progress: 【合成】取組を進めた（\(index)）。\n"
    if index % 2 == 0 { text += "    problems: 【合成】調整に時間がかかっている。\n" }
    text += "    direction: 【合成】次年度も継続する。\n"
    if index % 5 == 0 { text += "    key_item: true\n" }
    let years = Array(Set(dates.map { FiscalYear(containing: $0).startYear })).sorted()
    if index % 3 == 0 {
      text += "    indicators:\n      - name: 【合成】達成率\n        unit: \"%\"\n"
      text += "        baseline: \(50 + index % 20)\n        years:\n"
      for (offset, year) in years.enumerated() {
        text +=
          "          \(year): { target: \(60 + offset * 5), result: \(55 + (index + offset * 7) % 20) }\n"
      }
    }
    if index % 4 == 0 {
      text += "    savings:\n"
      for (offset, year) in years.enumerated() {
        let revenue = (index + offset) % 5
        let spending = (index * 3 + offset) % 7
        text +=
          "      - { fy: \(year), revenue: \(revenue), spending: \(spending), total: \(revenue + spending) }\n"
      }
    }
    return text
  }

  func followUpFiles(dates: [CivilDate]) -> [String: String] {
    let years = Array(Set(dates.map { FiscalYear(containing: $0).startYear })).sorted()
    var savings = """
      # 合成データ (SYNTHETIC DATA).
      savings:
        unit: 百万円
        source: synthetic
        years:

      """
    for (offset, year) in years.enumerated() {
      let revenue = 20 + (offset * 37 + Int(seed % 50)) % 80
      let spending = 40 + (offset * 53 + Int(seed % 70)) % 120
      savings +=
        "    - { fy: \(year), total: \(revenue + spending), revenue: \(revenue), spending: \(spending) }\n"
    }
    let plans = """
      # 合成データ (SYNTHETIC DATA).
      plans:
        - { id: sample-previous-plan, folder: plans/previous }
        - { id: sample-plan, folder: ., current: true }

      """
    let previousPlan = """
      # 合成データ (SYNTHETIC DATA): a previous plan with another grade scale.
      sources:
        - { id: synthetic-previous, title: 合成データ（前の計画）, synthetic: true }
      plan:
        id: sample-previous-plan
        title: 【合成データ】前の行財政改革プラン
        title_en: "[SYNTHETIC] Previous reform plan"
        programmes: 20
        source: synthetic-previous
        synthetic: true
        scale: 完了 / 未着手 / 中止 / 評価困難
      areas:
        - { id: all, number: 1, name: 全体, name_en: All }
      statuses:
        - { id: done, name: 完了, symbol: F, ascii: F, tone: done }
        - { id: not-started, name: 未着手, symbol: X, ascii: X, tone: not-started }
        - { id: stopped, name: 中止, symbol: Y, ascii: Y, tone: stopped }
        - { id: unrated, name: 評価困難, symbol: Z, ascii: Z, tone: unrated }

      """
    let previousSnapshots = """
      # 合成データ (SYNTHETIC DATA).
      snapshots:
        - date: 2011-03-31
          source: synthetic-previous
          areas:
            all: { done: 12, not-started: 3, stopped: 2, unrated: 3, total: 20 }

      """
    return [
      "savings.yaml": savings, "plans.yaml": plans, "plans/previous/plan.yaml": previousPlan,
      "plans/previous/snapshots.yaml": previousSnapshots,
    ]
  }
}
