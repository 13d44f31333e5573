import Foundation
import ShinchokuCore
import Testing

@testable import ShinchokuViewModel

@Suite struct MatrixExportTests {
  func export(_ format: ExportFormat, snapshot: Int? = nil, state: AppState? = nil) throws -> (
    String, Dataset
  ) {
    let state = try state ?? seedState()
    let index = snapshot ?? state.dataset.defaultSnapshotIndex
    let view = MatrixView(dataset: state.dataset, snapshotIndex: index, language: .japanese)
    let text = try #require(
      MatrixExport.text(view, dataset: state.dataset, format: format, language: .japanese))
    return (text, state.dataset)
  }

  @Test func jsonGivesEveryCountWithUnknownsAsNull() throws {
    for snapshotIndex in 0..<3 {
      let (text, data) = try export(.json, snapshot: snapshotIndex)
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let snapshot = data.snapshots[snapshotIndex]
      #expect(object["snapshot"] as? String == snapshot.date.iso)
      let areas = try #require(object["areas"] as? [[String: Any]])
      #expect(areas.map { $0["id"] as? String } == data.areas.map(\.id))
      for (area, exported) in zip(data.areas, areas) {
        let counts = try #require(exported["counts"] as? [String: Any])
        for status in data.statuses {
          let expected = snapshot.count(area: area.id, status: status.id)
          if let expected {
            #expect(
              counts[status.id] as? Int == expected, "\(snapshot.date) \(area.id) \(status.id)")
          } else {
            #expect(
              counts[status.id] is NSNull, "\(snapshot.date) \(area.id) \(status.id) must be null")
          }
        }
        let statedTotal = snapshot.statedOrRecordedTotal(area: area.id)
        if let statedTotal { #expect(exported["total"] as? Int == statedTotal) }
      }
    }
  }

  @Test func jsonMarksAPartialTotal() throws {
    let (text, _) = try export(.json, snapshot: 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let totals = try #require(object["totals"] as? [String: Any])
    #expect(totals["total"] is NSNull)
    #expect(totals["total_at_least"] as? Int == 15)
  }

  @Test func csvHasOneRowPerAreaAndTheTotalsWithChanges() throws {
    let (text, data) = try export(.csv, snapshot: 2)
    let rows = text.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    #expect(
      rows[0].prefix(7) == ["number", "id", "area", "ahead", "on-schedule", "behind", "total"])
    #expect(rows.count == 1 + data.areas.count + 1)
    let finance = try #require(rows.first { $0[1] == "finance" })
    #expect(finance[3...6] == ["0", "10", "2", "12"])
    let totals = try #require(rows.last)
    #expect(totals[1] == "total" && totals[6] == "41")
    // 2016-03-31 stated 1 / 50 / 11 / 62.
    #expect(Array(totals[8...11]) == ["0", "-15", "-6", "-21"])
  }

  @Test func csvLeavesUnknownsEmpty() throws {
    let (text, _) = try export(.csv, snapshot: 0)
    let community = try #require(text.split(separator: "\n").first { $0.contains("community") })
    #expect(community == "1,community,地域協働の推進,,,,15,,,,,")
  }

  @Test func markdownIsATableForMinutes() throws {
    let (text, _) = try export(.md, snapshot: 2)
    let lines = text.split(separator: "\n")
    #expect(lines[0] == "### 小平市第2次行財政再構築プラン — 進捗状況 2017-03-31（平成28年度末）")
    #expect(lines.contains("| 分野 | ◎予定以上 | ○予定どおり | △遅れ | 計 |"))
    #expect(lines.contains("| 4 財政基盤の強化 | 0 | 10 | 2 | 12 |"))
    #expect(lines.contains("| **合計** | 1 (±0) | 35 (▼15) | 5 (▼6) | 41 (▼21) |"))
  }

  @Test func sampleExportsSayTheyAreSynthetic() throws {
    let (json, _) = try export(.json, state: try sampleState())
    #expect(json.contains("\"synthetic\" : true"))
    let (md, _) = try export(.md, state: try sampleState())
    #expect(md.contains("合成データ"))
  }
}
