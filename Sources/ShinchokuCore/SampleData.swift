import Foundation
import JapaneseCalendar

/// A small, fast, seedable random generator (SplitMix64): the same seed gives the same data.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// A complete, valid, synthetic data set for demos and benchmarks. Every file says it is
/// synthetic, and so does the plan's title, so the dashboard's title bar does too.
public struct SampleDataSet: Sendable {
  public var programmes: Int
  public var events: Int
  public var snapshots: Int
  public var seed: UInt64
  /// Write the events as `events.csv` (categories stay in `events.yaml`): YAML is far too slow
  /// and big for a hundred thousand events. By default from 10 000 events on.
  public var eventsAsCSV: Bool

  /// From this many events on, the events are written as CSV by default.
  public static let csvThreshold = 10_000

  public init(
    programmes: Int = 60, events: Int = 300, snapshots: Int = 4, seed: UInt64 = 1,
    eventsAsCSV: Bool? = nil
  ) {
    self.programmes = max(0, programmes)
    self.events = max(0, events)
    self.snapshots = max(1, snapshots)
    self.seed = seed
    self.eventsAsCSV = eventsAsCSV ?? (events >= Self.csvThreshold)
  }

  static let areas: [(id: String, name: String, english: String)] = [
    ("community", "地域協働の推進", "Promoting community collaboration"),
    ("information", "情報の共有と双方向のコミュニケーション", "Sharing information, two-way communication"),
    ("pdca", "PDCAサイクルの構築", "Building the PDCA cycle"),
    ("finance", "財政基盤の強化", "Strengthening the fiscal base"),
    ("organisation", "執行体制の再構築", "Rebuilding the execution structure"),
  ]
  static let statuses = ["ahead", "on-schedule", "behind"]
  static let subjects = [
    "窓口サービス", "公共施設", "補助金", "使用料", "市税収納", "情報公開", "市民参加", "地域センター", "職員定数", "業務委託",
    "電子申請", "広報", "公民館", "保育園運営", "下水道事業", "ごみ収集", "事務事業評価", "人事評価", "指定管理", "債権管理",
  ]
  static let actions = ["の見直し", "の効率化", "の推進", "の拡充", "の適正化", "の再編", "の導入", "の検証"]
  static let sections = [
    "総務課", "企画政策課", "行政経営課", "財政課", "収納課", "市民協働推進課", "情報推進課", "職員課", "生活文化課", "環境政策課",
  ]
  static let categories: [(id: String, name: String, english: String)] = [
    ("museum", "美術館", "Museum"), ("nursery", "保育園", "Nursery school"),
    ("jidokan", "児童館", "Children's hall"),
    ("library", "図書館", "Library"), ("sports", "スポーツ", "Sports"), ("lecture", "講座", "Lecture"),
  ]
  static let venues = [
    "平櫛田中彫刻美術館", "仲町保育園", "上宿保育園", "小川町二丁目児童館", "中央図書館", "市民総合体育館", "中央公民館", "小川西町公民館",
    "花小金井南公民館", "ルネこだいら",
  ]
  static let eventWords = [
    "体験教室", "おはなし会", "展示", "講演会", "ふれあい会", "工作会", "健康講座", "映画会", "音楽会", "研修会",
  ]

  /// The snapshot dates: every six months, the fiscal half-year ends from 2012-03-31.
  public var snapshotDates: [CivilDate] {
    (0..<snapshots).map { index in
      let year = 2012 + index / 2
      return index % 2 == 0
        ? CivilDate(year: year, month: 3, day: 31)! : CivilDate(year: year, month: 9, day: 30)!
    }
  }

  /// Writes `files` into `directory` (made if missing; files of the same names are replaced,
  /// each atomically). Returns the folder's path.
  @discardableResult
  public func write(into directory: String, files: [String: String]? = nil) throws -> String {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for (name, text) in (files ?? self.files()).sorted(by: { $0.key < $1.key }) {
      let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
      // Another plan's files are in a folder of their own (plans/…).
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .atomic)
    }
    return directory
  }

  /// The files of the data set: file name → contents.
  public func files() -> [String: String] {
    var random = SeededGenerator(seed: seed)
    let dates = snapshotDates
    // Programmes and their statuses over time (a status mostly stays, sometimes moves).
    var records: [(id: String, area: Int, title: String, section: String, statuses: [String])] = []
    for index in 0..<programmes {
      var status =
        Int.random(in: 0..<10, using: &random) < 8 ? 1 : (Bool.random(using: &random) ? 0 : 2)
      var statuses: [String] = []
      for _ in dates {
        let roll = Int.random(in: 0..<100, using: &random)
        if roll < 10 {
          status = max(0, status - 1)
        } else if roll < 22 {
          status = min(2, status + 1)
        }
        statuses.append(Self.statuses[status])
      }
      records.append(
        (
          id: "P" + String(index + 1).leftPadded(to: 4),
          area: Int.random(in: 0..<Self.areas.count, using: &random),
          title: Self.subjects.randomElement(using: &random)! + Self.actions.randomElement(
            using: &random)!,
          section: Self.sections.randomElement(using: &random)!, statuses: statuses
        ))
    }
    var files = [
      "plan.yaml": planFile(),
      "snapshots.yaml": snapshotsFile(
        dates: dates, records: records.map { ($0.area, $0.statuses) }),
      "programmes.yaml": programmesFile(dates: dates, records: records),
      "comments.yaml": commentsFile(dates: dates, random: &random),
    ]
    // The follow-up's other parts, made from the index alone (the random stream, and with it
    // the events, stays as it was): savings, a previous plan with its own grade scale.
    files.merge(followUpFiles(dates: dates)) { $1 }
    if eventsAsCSV {
      files["events.yaml"] = categoriesFile() + "events: []\n"
      files["events.csv"] = eventsCSVFile(random: &random)
    } else {
      files["events.yaml"] = eventsFile(random: &random)
    }
    return files
  }

  private func categoriesFile() -> String {
    var text = "# 合成データ (SYNTHETIC DATA).\ncategories:\n"
    for category in Self.categories {
      text +=
        "  - { id: \(category.id), name: \(category.name), name_en: \"\(category.english)\" }\n"
    }
    return text
  }

  /// The same kind of events as `eventsFile`, as a spreadsheet's CSV (UTF-8, LF).
  private func eventsCSVFile(random: inout SeededGenerator) -> String {
    var text = "id,date,start,title,venue,audience,fee,category,notes\n"
    text.reserveCapacity(events * 110)
    let first = CivilDate(year: 2012, month: 4, day: 1)!.daysSinceEpoch
    let span = max(365, snapshots * 183)
    let audiences = ["子ども", "大人", "親子", "どなたでも"]
    for index in 0..<events {
      let category = Self.categories.randomElement(using: &random)!
      let venue = Self.venues.randomElement(using: &random)!
      let title = venue + "の" + Self.eventWords.randomElement(using: &random)!
      var date = ""
      var time = ""
      if Int.random(in: 0..<50, using: &random) > 0 {
        let start = CivilDate(daysSinceEpoch: first + Int.random(in: 0..<span, using: &random))
        date = start.iso
        if Int.random(in: 0..<8, using: &random) == 0 {
          date += "〜" + start.adding(days: Int.random(in: 1...14, using: &random)).iso
        }
        let hour = Int.random(in: 9...18, using: &random)
        time = "\(hour):" + (Bool.random(using: &random) ? "00" : "30")
      }
      let audience = audiences.randomElement(using: &random)!
      let yen = [0, 0, 0, 100, 300, 500, 1000].randomElement(using: &random)!
      let fee = yen == 0 ? "無料" : "一般\(yen)円"
      // Every 97th title has a comma, so that quoting is exercised.
      let shownTitle = index % 97 == 0 ? "\"\(title)、ほか, 2回\"" : title
      text +=
        "e\(index + 1),\(date),\(time),\(shownTitle),\(venue),\(audience),\(fee),\(category.id),\n"
    }
    return text
  }

  private func planFile() -> String {
    var text = """
      # 合成データ (SYNTHETIC DATA): made by `shinchoku sample --seed \(seed)`. Nothing here is a fact.
      sources:
        - id: synthetic
          title: 合成データ（shinchoku sample, seed \(seed)）
          synthetic: true
      plan:
        id: sample-plan
        title: 【合成データ】サンプル行財政改革プラン
        title_en: "[SYNTHETIC] Sample reform plan"
        programmes: \(programmes)
        source: synthetic
        synthetic: true
      areas:

      """
    for (index, area) in Self.areas.enumerated() {
      text +=
        "  - { id: \(area.id), number: \(index + 1), name: \(area.name), name_en: \"\(area.english)\" }\n"
    }
    text += """
      statuses:
        - { id: ahead, name: 予定以上に進捗, short: 予定以上, name_en: Ahead of schedule, short_en: Ahead, symbol: ◎, ascii: "+" }
        - { id: on-schedule, name: 予定どおりに進捗, short: 予定どおり, name_en: On schedule, short_en: On schedule, symbol: ○, ascii: "=" }
        - { id: behind, name: 予定よりも遅れている, short: 遅れ, name_en: Behind schedule, short_en: Behind, symbol: △, ascii: "-" }

      """
    return text
  }

  private func snapshotsFile(dates: [CivilDate], records: [(area: Int, statuses: [String])])
    -> String
  {
    // Per area only the number of programmes is stated: the split by status comes from the
    // programme records (and so follows the change log).
    var text =
      "# 合成データ (SYNTHETIC DATA). The split by status comes from programmes.yaml.\nsnapshots:\n"
    for date in dates {
      text += "  - date: \(date.iso)\n    source: synthetic\n    areas:\n"
      for (areaIndex, area) in Self.areas.enumerated() {
        text += "      \(area.id): { total: \(records.filter { $0.area == areaIndex }.count) }\n"
      }
    }
    return text
  }

  private func programmesFile(
    dates: [CivilDate],
    records: [(id: String, area: Int, title: String, section: String, statuses: [String])]
  ) -> String {
    var text = "# 合成データ (SYNTHETIC DATA).\nprogrammes:\n"
    for record in records {
      text +=
        "  - id: \(record.id)\n    area: \(Self.areas[record.area].id)\n    title: \(record.title)\n"
      text += "    section: \(record.section)\n    source: synthetic\n"
      text += sheetText(index: Int(record.id.dropFirst()) ?? 0, dates: dates)
      text += "    statuses:\n"
      for (index, date) in dates.enumerated() {
        text += "      \(date.iso): \(record.statuses[index])\n"
      }
    }
    return text
  }

  private func commentsFile(dates: [CivilDate], random: inout SeededGenerator) -> String {
    var text = "# 合成データ (SYNTHETIC DATA).\ncommittee:\n  name: 【合成】推進委員会\ncomments:\n"
    let sentences = [
      "進捗が遅れている項目について、原因と今後の見通しを市民に分かりやすく示す必要があるのではないか。",
      "予定どおりに進んでいる項目も、成果を数値で確かめられるようにしてほしい。",
      "地域との協働を進めるには、担い手を育てる取り組みが欠かせない。",
      "財政効果の見込みと実績を並べて公表することが望ましい。",
    ]
    for index in 0..<(dates.count * 2) {
      let area = Self.areas.randomElement(using: &random)!.id
      text +=
        "  - id: s\(index + 1)\n    number: \(index + 1)\n    snapshot: \(dates[index / 2].iso)\n"
      text += "    areas: [\(area)]\n    source: synthetic\n"
      text += "    text: \(sentences.randomElement(using: &random)!)\n"
    }
    return text
  }

  private func eventsFile(random: inout SeededGenerator) -> String {
    var text = "# 合成データ (SYNTHETIC DATA).\ncategories:\n"
    for category in Self.categories {
      text +=
        "  - { id: \(category.id), name: \(category.name), name_en: \"\(category.english)\" }\n"
    }
    text += "events:\n"
    let first = CivilDate(year: 2012, month: 4, day: 1)!.daysSinceEpoch
    let span = max(365, snapshots * 183)
    let audiences = ["children", "adults", "families", "everyone"]
    for index in 0..<events {
      let category = Self.categories.randomElement(using: &random)!
      text += "  - id: e\(index + 1)\n"
      let venue = Self.venues.randomElement(using: &random)!
      text += "    title: \(venue)の\(Self.eventWords.randomElement(using: &random)!)\n"
      text += "    category: \(category.id)\n    venue: \(venue)\n"
      if Int.random(in: 0..<50, using: &random) > 0 {
        let start = CivilDate(daysSinceEpoch: first + Int.random(in: 0..<span, using: &random))
        text += "    start: \(start.iso)\n"
        if Int.random(in: 0..<8, using: &random) == 0 {
          text += "    end: \(start.adding(days: Int.random(in: 1...14, using: &random)).iso)\n"
        }
        let hour = Int.random(in: 9...18, using: &random)
        text += "    time: \"\(hour):\(Bool.random(using: &random) ? "00" : "30")\"\n"
      }
      text += "    audience: [\(audiences.randomElement(using: &random)!)]\n"
      let yen = [0, 0, 0, 100, 300, 500, 1000].randomElement(using: &random)!
      text += "    fees: [{ who: 一般, yen: \(yen) }]\n    source: synthetic\n"
    }
    return text
  }
}

extension String {
  fileprivate func leftPadded(to length: Int) -> String {
    String(repeating: "0", count: max(0, length - count)) + self
  }
}
