import Foundation
import JapaneseCalendar

/// Programme records from a spreadsheet's CSV: 番号, 分野, 名称, 担当, 備考 (or id, area, title,
/// section, notes), then one column per snapshot, headed by its date, holding the status.
extension DatasetReader {
  static let programmeColumns: [String: [String]] = [
    "id": ["id", "番号", "ID"],
    "area": ["area", "分野"],
    "title": ["title", "名称", "プログラム名"],
    "section": ["section", "担当", "担当課"],
    "notes": ["notes", "備考"],
  ]

  mutating func readProgrammesCSV(_ rows: [CSVRow], file: String) {
    guard let header = rows.first else { return }
    // The ids already seen, in a set: many rows are checked in linear time.
    var programmeIDs = Set(programmes.map(\.programme.id))
    var index: [String: Int] = [:]
    var dateColumns: [(column: Int, date: CivilDate)] = []
    let reference = CivilDate(year: 2000, month: 1, day: 1)!
    for (column, name) in header.fields.enumerated() {
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      let location = SourceLocation(
        file: file, line: header.line, column: header.column(of: column))
      if let key = Self.programmeColumns.first(where: {
        $0.value.contains { $0.lowercased() == trimmed.lowercased() }
      })?
      .key {
        noteHeaderColumn(key, at: column, in: &index, header: header, file: file)
      } else if let date = CivilDate(iso: trimmed) ?? parseDate(trimmed, reference: reference) {
        if let first = dateColumns.first(where: { $0.date == date }) {
          sink.error(
            location,
            "the snapshot \(date.iso) has two columns (first at column \(header.column(of: first.column)))",
            ja: "時点 \(date.iso) の列が二つあります（一つ目は \(header.column(of: first.column)) 列目）",
            hint: "remove or rename one of them", jaHint: "どちらかを消すか名前を変えてください")
        } else if snapshots.contains(where: { $0.snapshot.date == date }) {
          dateColumns.append((column, date))
        } else {
          sink.error(
            location, "no snapshot on \(date.iso)", ja: "\(date.iso) の時点はありません",
            hint: "snapshots are: \(snapshots.map(\.snapshot.date.iso).joined(separator: ", "))",
            jaHint: "時点は \(snapshots.map(\.snapshot.date.iso).joined(separator: ", "))")
        }
      } else if !trimmed.isEmpty {
        sink.warning(
          location, "unknown column '\(trimmed)' is ignored", ja: "知らない列 '\(trimmed)' は無視します",
          hint: "columns: 番号 分野 名称 担当 備考, then one per snapshot date (2017-03-31)",
          jaHint: "列は 番号 分野 名称 担当 備考 と、時点の日付ごとに一つ（2017-03-31）")
      }
    }
    guard let idColumn = index["id"], let areaColumn = index["area"],
      let titleColumn = index["title"]
    else {
      sink.error(
        SourceLocation(file: file, line: header.line, column: 1),
        "the header needs 番号, 分野 and 名称 (id, area, title)",
        ja: "1 行目には 番号、分野、名称 の列が要ります")
      return
    }
    let sourceID = "file:" + (file as NSString).lastPathComponent
    if sources[sourceID] == nil {
      sources[sourceID] = DataSource(id: sourceID, title: (file as NSString).lastPathComponent)
    }
    for row in rows.dropFirst() {
      func value(_ column: Int) -> String? {
        guard column < row.fields.count else { return nil }
        let text = row.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
      }
      func location(_ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: row.line, column: row.column(of: column))
      }
      guard let id = value(idColumn), let title = value(titleColumn),
        let areaText = value(areaColumn)
      else {
        sink.warning(
          location(0), "a row without 番号, 分野 or 名称 is left out", ja: "番号、分野、名称 のどれかがない行は除きます")
        continue
      }
      if programmeIDs.contains(id) {
        sink.error(
          location(idColumn), "duplicate programme id '\(id)'", ja: "事業の id '\(id)' が重複しています")
        continue
      }
      guard
        let area = areas.first(where: {
          $0.id == areaText || String($0.number) == areaText || $0.name.japanese == areaText
            || $0.name.english == areaText
        })
      else {
        sink.warning(
          location(areaColumn), "unknown area '\(areaText)'; the row is left out",
          ja: "知らない分野 '\(areaText)' なので、この行は除きます",
          hint:
            "an area's id, number or name: \(areas.map { "\($0.number) \($0.name.japanese)" }.joined(separator: ", "))",
          jaHint:
            "分野の id、番号、名称のどれか: \(areas.map { "\($0.number) \($0.name.japanese)" }.joined(separator: "、"))"
        )
        continue
      }
      var statuses: [CivilDate: String] = [:]
      for (column, date) in dateColumns {
        guard let text = value(column) else { continue }
        if let status = self.statuses.first(where: {
          [$0.id, $0.name.japanese, $0.shortName.japanese, $0.symbol, $0.asciiSymbol].contains(text)
        }) {
          statuses[date] = status.id
        } else {
          sink.warning(
            location(column), "unknown status '\(text)'; left empty",
            ja: "知らない状況 '\(text)' なので、空欄にします",
            hint:
              "a status's id, name, short name or symbol: \(self.statuses.map(\.symbol).joined(separator: " "))",
            jaHint:
              "状況の id、名称、略称、記号のどれか: \(self.statuses.map(\.symbol).joined(separator: " "))"
          )
        }
      }
      programmeIDs.insert(id)
      programmes.append(
        (
          Programme(
            id: id, areaID: area.id, title: title, section: index["section"].flatMap(value),
            notes: index["notes"].flatMap(value), source: sourceID, statuses: statuses),
          location(0)
        ))
    }
  }
}
