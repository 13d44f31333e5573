import Foundation
import JapaneseCalendar

/// Programme records from a spreadsheet's CSV: 番号, 分野, 名称, 担当, 備考 (or id, area, title,
/// section, notes), then one column per snapshot, headed by its date, holding the status.
extension DatasetReader {
  static let programmeColumns: [String: [String]] = [
    "id": ["id", "番号", "ID"],
    "area": ["area", "分野"],
    "title": ["title", "名称", "プログラム名"],
    "section": ["section", "担当", "担当課", "所管課", "所管"],
    "notes": ["notes", "備考"],
    "progress": ["progress", "取組内容", "進捗状況", "取組内容・進捗状況"],
    "problems": ["problems", "問題点・課題", "問題点", "課題"],
    "direction": ["direction", "今後の方向性", "翌年度の取組"],
    "key_item": ["key_item", "主要管理項目"],
    "indicator": ["indicator", "指標", "指標名"],
    "unit": ["unit", "単位"],
    "baseline": ["baseline", "基準値"],
  ]

  /// Columns headed by a kind and a fiscal year ("目標値 H29", "result 2017").
  static let yearlyColumns: [(kind: String, names: [String])] = [
    ("target", ["目標値", "目標", "target"]), ("result", ["実績値", "実績", "result"]),
    ("revenue", ["歳入確保", "revenue"]), ("spending", ["歳出削減", "spending"]),
  ]

  /// "目標値 H29" → ("target", 2017); nil when the header is not a yearly column.
  static func yearlyColumn(_ header: String) -> (kind: String, year: Int)? {
    for (kind, names) in yearlyColumns {
      for name in names where header.lowercased().hasPrefix(name.lowercased()) {
        let rest = header.dropFirst(name.count).trimmingCharacters(
          in: CharacterSet(charactersIn: " _-（）()　"))
        if let year = parseFiscalYear(rest) { return (kind, year) }
      }
    }
    return nil
  }

  mutating func readProgrammesCSV(_ rows: [CSVRow], file: String) {
    guard let header = rows.first else { return }
    // The ids already seen, in a set: many rows are checked in linear time.
    var programmeIDs = Set(programmes.map(\.programme.id))
    var index: [String: Int] = [:]
    var dateColumns: [(column: Int, date: CivilDate)] = []
    // An area by its id, number or either name (the first area that has it), looked up per row.
    var areaByText: [String: PlanArea] = [:]
    for area in areas {
      for key in [area.id, String(area.number), area.name.japanese]
        + [area.name.english].compactMap({ $0 })
      {
        if areaByText[key] == nil { areaByText[key] = area }
      }
    }
    // Looked up per column: sets, so that a header of many columns stays linear.
    var firstColumnOfDate: [CivilDate: Int] = [:]
    let snapshotDates = Set(snapshots.map(\.snapshot.date))
    var yearColumns: [(column: Int, kind: String, year: Int)] = []
    let reference = CivilDate(year: 2000, month: 1, day: 1)!
    for (column, name) in header.fields.enumerated() {
      let trimmed = name.trimmingSpaces()
      let location = SourceLocation(
        file: file, line: header.line, column: header.column(of: column))
      if let key = Self.programmeColumns.first(where: {
        $0.value.contains { $0.lowercased() == trimmed.lowercased() }
      })?
      .key {
        noteHeaderColumn(key, at: column, in: &index, header: header, file: file)
      } else if let (kind, year) = Self.yearlyColumn(trimmed) {
        if let first = yearColumns.first(where: { $0.kind == kind && $0.year == year }) {
          sink.error(
            location,
            "the column '\(trimmed)' is there twice (first at column \(header.column(of: first.column)))",
            ja: "列 '\(trimmed)' が2つあります（最初は \(header.column(of: first.column)) 列目）",
            hint: "remove or rename one of them", jaHint: "どちらかを消すか名前を変えてください")
        } else {
          yearColumns.append((column, kind, year))
        }
      } else if let date = CivilDate(iso: trimmed) ?? parseDate(trimmed, reference: reference) {
        if let first = firstColumnOfDate[date] {
          sink.error(
            location,
            "the snapshot \(date.iso) has two columns (first at column \(header.column(of: first)))",
            ja: "時点 \(date.iso) の列が二つあります（一つ目は \(header.column(of: first)) 列目）",
            hint: "remove or rename one of them", jaHint: "どちらかを消すか名前を変えてください")
        } else if snapshotDates.contains(date) {
          dateColumns.append((column, date))
          firstColumnOfDate[date] = column
        } else {
          sink.error(
            location, "no snapshot on \(date.iso)", ja: "\(date.iso) の時点はありません",
            hint: "snapshots are: \(boundedList(snapshots.map(\.snapshot.date.iso)))",
            jaHint: "時点は \(boundedList(snapshots.map(\.snapshot.date.iso)))")
        }
      } else if !trimmed.isEmpty {
        sink.warning(
          location, "unknown column '\(trimmed)' is ignored", ja: "知らない列 '\(trimmed)' は無視します",
          hint:
            "columns: 番号 分野 名称 所管課 備考 取組内容 問題点・課題 今後の方向性 主要管理項目 指標 単位 基準値, 目標値 H29 / 実績値 H29 / 歳入確保 H29 / 歳出削減 H29, then one per snapshot date (2017-03-31)",
          jaHint:
            "列は 番号 分野 名称 所管課 備考 取組内容 問題点・課題 今後の方向性 主要管理項目 指標 単位 基準値、目標値 H29 ／ 実績値 H29 ／ 歳入確保 H29 ／ 歳出削減 H29、それに時点の日付ごとに一つ（2017-03-31）"
        )
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
      guard let area = areaByText[areaText] else {
        let named = boundedList(areas.map { "\($0.number) \($0.name.japanese)" })
        sink.warning(
          location(areaColumn), "unknown area '\(areaText)'; the row is left out",
          ja: "知らない分野 '\(areaText)' なので、この行は除きます",
          hint: "an area's id, number or name: \(named)",
          jaHint: "分野の id、番号、名称のどれか: \(named)")
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
      var programme = Programme(
        id: id, areaID: area.id, title: title, section: index["section"].flatMap(value),
        notes: index["notes"].flatMap(value), source: sourceID, statuses: statuses)
      readSheetColumns(
        index: index, years: yearColumns, value: value, location: location, into: &programme)
      programmes.append((programme, location(0)))
    }
  }
}

extension DatasetReader {
  /// The programme sheet's columns of one row: the texts, the 主要管理項目 flag, one indicator
  /// (指標, 単位, 基準値, 目標値/実績値 per year) and the savings per year.
  func readSheetColumns(
    index: [String: Int], years: [(column: Int, kind: String, year: Int)],
    value: (Int) -> String?, location: (Int) -> SourceLocation, into programme: inout Programme
  ) {
    programme.progress = index["progress"].flatMap(value)
    programme.problems = index["problems"].flatMap(value)
    programme.direction = index["direction"].flatMap(value)
    if let column = index["key_item"], let text = value(column) {
      if let flag = sheetFlag(text) {
        programme.isKeyItem = flag
      } else {
        sink.error(
          location(column), "主要管理項目 must be yes or no, not '\(text)'",
          ja: "主要管理項目は ○ か空欄で書いてください（'\(text)'）",
          hint: "write ○ (or 1, yes) for a key item; leave it empty (or ×, 0, no) otherwise",
          jaHint: "対象なら ○（1、yes）、対象外なら空欄（×、0、no）")
      }
    }
    func number(_ column: Int) -> Double? {
      guard let text = value(column) else { return nil }
      guard let number = sheetNumber(text) else {
        sink.error(
          location(column), "'\(text)' is not a number", ja: "'\(text)' は数値ではありません",
          hint: "write the figure alone (95.2, 1,200), or leave the cell empty if it is unknown",
          jaHint: "数値だけを書くか（95.2、1,200）、不明なら空欄にしてください")
        return nil
      }
      return number
    }
    var indicatorYears: [Int: Indicator.Year] = [:]
    var savingsYears: [Int: SavingsYear] = [:]
    for (column, kind, year) in years {
      guard let figure = number(column) else { continue }
      switch kind {
      case "target", "result":
        var entry =
          indicatorYears[year] ?? Indicator.Year(fiscalYear: year, target: nil, result: nil)
        if kind == "target" { entry.target = figure } else { entry.result = figure }
        indicatorYears[year] = entry
      default:
        var entry =
          savingsYears[year]
          ?? SavingsYear(
            fiscalYear: year, total: PrintedFigure(value: nil), revenue: PrintedFigure(value: nil),
            spending: PrintedFigure(value: nil))
        if kind == "revenue" {
          entry.revenue = PrintedFigure(value: figure)
        } else {
          entry.spending = PrintedFigure(value: figure)
        }
        savingsYears[year] = entry
      }
    }
    let indicatorName = index["indicator"].flatMap(value)
    if let name = indicatorName {
      programme.indicators = [
        Indicator(
          name: name, unit: index["unit"].flatMap(value),
          baseline: index["baseline"].flatMap(number),
          years: indicatorYears.values.sorted { $0.fiscalYear < $1.fiscalYear })
      ]
    } else if !indicatorYears.isEmpty || index["baseline"].flatMap(value) != nil {
      sink.error(
        location(index["indicator"] ?? 0), "figures of an indicator without its name (指標)",
        ja: "指標名（指標）のない指標の数値があります",
        hint: "name the indicator in the 指標 column, or leave its figures empty",
        jaHint: "指標の列に名前を書くか、数値を空欄にしてください")
    }
    programme.savings = savingsYears.values.sorted { $0.fiscalYear < $1.fiscalYear }
  }
}
