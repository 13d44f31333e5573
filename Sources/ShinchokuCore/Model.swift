import JapaneseCalendar

/// Text the data gives in Japanese, with an English rendering where the data has one.
public struct LocalizedText: Hashable, Sendable {
  public var japanese: String
  public var english: String?

  public init(_ japanese: String, english: String? = nil) {
    self.japanese = japanese
    self.english = english
  }

  public func text(_ language: Language) -> String {
    language == .english ? (english ?? japanese) : japanese
  }
}

public enum Language: String, Sendable, CaseIterable {
  case japanese = "ja"
  case english = "en"
}

/// Where a record comes from: the seed page, a city web page, or the data editors.
public struct DataSource: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  public var detail: String?
  /// True when the records citing this source were made up (the sample data set).
  public var isSynthetic: Bool

  public init(id: String, title: String, detail: String? = nil, isSynthetic: Bool = false) {
    self.id = id
    self.title = title
    self.detail = detail
    self.isSynthetic = isSynthetic
  }
}

/// An obvious OCR misreading, corrected, with the original kept.
public struct Correction: Hashable, Sendable {
  public var asRead: String
  public var corrected: String
  public var note: String?

  public init(asRead: String, corrected: String, note: String? = nil) {
    self.asRead = asRead
    self.corrected = corrected
    self.note = note
  }
}

public struct ReformPlan: Hashable, Sendable {
  public var id: String
  public var title: LocalizedText
  public var organisation: String?
  /// The month the plan started, as the source gives it ("2011-04").
  public var started: String?
  public var programmeCount: Int?
  public var source: String
  public var isSynthetic: Bool
  /// The name of the plan's grade scale ("S / A / B"), when the data names it.
  public var scale: String? = nil
  /// What the data says is inconsistent in the plan's sources (shown, never resolved).
  public var inconsistency: String? = nil
}

public struct PlanArea: Hashable, Sendable, Identifiable {
  public var id: String
  public var number: Int
  public var name: LocalizedText
}

public struct ProgressStatus: Hashable, Sendable, Identifiable {
  public var id: String
  public var name: LocalizedText
  public var shortName: LocalizedText
  /// Tells the status apart without colour (◎ ○ △ by Japanese convention).
  public var symbol: String
  /// The same for terminals that cannot show `symbol`.
  public var asciiSymbol: String
  /// How the grade is drawn (its colour role); nil: by its place in the scale.
  public var tone: StatusTone? = nil
}

/// A count the source may or may not give. `nil` is unknown, never zero.
public typealias Count = Int?

/// One row of a snapshot: an area's count per status and the total the source states.
public struct StatusCounts: Hashable, Sendable {
  public var byStatus: [String: Count]
  /// The total the source states for the row (may be given when the split is not).
  public var statedTotal: Count
  public var note: String?

  public init(byStatus: [String: Count] = [:], statedTotal: Count = nil, note: String? = nil) {
    self.byStatus = byStatus
    self.statedTotal = statedTotal
    self.note = note
  }

  public func count(_ statusID: String) -> Count { byStatus[statusID] ?? nil }
}

/// The plan's progress as reported on one date.
public struct ProgressSnapshot: Hashable, Sendable, Identifiable {
  public var date: CivilDate
  public var source: String
  public var note: String?
  public var byArea: [String: StatusCounts]
  /// The plan-wide figures the source states (for a report that gives no per-area split).
  public var stated: StatusCounts
  /// Counts per area and status from the programme records, when any record reports this
  /// snapshot (then the records are taken as complete for it).
  public var recordCounts: [String: [String: Int]]?
  public var id: CivilDate { date }

  /// The count to show: the stated one, or else the one the records give.
  public func count(area: String, status: String) -> Count {
    byArea[area]?.count(status) ?? recordCounts.map { $0[area]?[status] ?? 0 }
  }

  /// The row total to show: the stated one, or else the records' total for the area.
  public func statedOrRecordedTotal(area: String) -> Count {
    byArea[area]?.statedTotal ?? recordCounts.map { ($0[area] ?? [:]).values.reduce(0, +) }
  }
}

/// One reform programme (改革推進プログラム) and its status in each snapshot that reports it.
public struct Programme: Hashable, Sendable, Identifiable {
  public var id: String
  public var areaID: String
  public var title: String
  /// The section responsible (担当課).
  public var section: String?
  public var notes: String?
  public var source: String
  /// Status id per snapshot date (with the change log applied).
  public var statuses: [CivilDate: String]
  /// The changes recorded for it in the change log, oldest first.
  public var changes: [StatusChange] = []
  /// The programme sheet (進捗管理シート): all optional.
  public var indicators: [Indicator] = []
  /// 取組内容・進捗状況: what was done.
  public var progress: String?
  /// 問題点・課題: why it is late, or its problems.
  public var problems: String?
  /// 今後の方向性: next year's direction.
  public var direction: String?
  /// 主要管理項目: one of the items the committee manages closely.
  public var isKeyItem = false
  /// The programme's own savings, where given.
  public var savings: [SavingsYear] = []

  public init(
    id: String, areaID: String, title: String, section: String? = nil, notes: String? = nil,
    source: String,
    statuses: [CivilDate: String]
  ) {
    self.id = id
    self.areaID = areaID
    self.title = title
    self.section = section
    self.notes = notes
    self.source = source
    self.statuses = statuses
  }
}

public struct CommitteeComment: Hashable, Sendable, Identifiable {
  public var id: String
  public var number: Int
  public var text: String
  public var areaIDs: [String]
  /// The progress report the comment was made on.
  public var snapshotDate: CivilDate?
  public var meeting: String?
  public var corrections: [Correction]
  /// Parts of the text the source does not let us read, kept as read.
  public var unreadable: [String]
  public var source: String
}

public enum Audience: String, Hashable, Sendable, CaseIterable {
  case children, adults, families, everyone
}

public struct Fee: Hashable, Sendable {
  public var who: String
  /// Yen; 0 is free; nil is a fee the source does not state.
  public var yen: Int?
  public var note: String?
}

public struct EventCategory: Hashable, Sendable, Identifiable {
  public var id: String
  public var name: LocalizedText
}

public struct CityEvent: Hashable, Sendable, Identifiable {
  public var id: String
  public var title: String
  public var subtitle: String?
  public var categoryID: String?
  public var venues: [String]
  public var start: CivilDate?
  public var end: CivilDate?
  public var time: String?
  public var audience: [Audience]
  public var fees: [Fee]
  public var notes: String?
  public var source: String
  /// Names of the fields whose values were inferred, not read from the source.
  public var inferred: Set<String>
  public var inferenceNote: String?
  public var corrections: [Correction]

  public var isDated: Bool { start != nil }
  public func isInferred(_ field: String) -> Bool { inferred.contains(field) }
}

/// Everything in one data folder, checked and ready for the view models.
public struct Dataset: Sendable, Equatable {
  public var directory: String
  public var plan: ReformPlan
  public var areas: [PlanArea]
  public var statuses: [ProgressStatus]
  /// Oldest first.
  public var snapshots: [ProgressSnapshot]
  /// The snapshot the dashboard opens on.
  public var defaultSnapshotIndex: Int
  /// Per-programme records, in file order (none in the seed).
  public var programmes: [Programme]
  public var comments: [CommitteeComment]
  public var committeeName: String?
  /// The event categories (in file order, looked up by id in constant time).
  public var categoryTable: CategoryTable
  public var categories: [EventCategory] { categoryTable.list }
  /// The events, column by column (`EventStore`); `events[n]` makes the `CityEvent`.
  public var events: EventStore
  public var sources: [String: DataSource]
  /// What the loader noticed that does not stop the data from being used.
  public var warnings: [Diagnostic]
  /// The plan's savings (効果額), when the data gives them.
  public var savings: SavingsTable? = nil
  /// Every plan the data folder holds (this one included), in the data's order.
  public var plans: [PlanSummary] = []
  /// The folder of the plan shown (its own files, deck.yaml among them): `directory` itself,
  /// or the plan's folder inside it.
  public var planDirectory: String = ""

  public func area(_ id: String) -> PlanArea? { areas.first { $0.id == id } }
  public func status(_ id: String) -> ProgressStatus? { statuses.first { $0.id == id } }

  /// Whether a snapshot has per-programme records (then its counts can be listed programme by
  /// programme).
  public func hasProgrammeRecords(_ snapshot: ProgressSnapshot) -> Bool {
    snapshot.recordCounts != nil
  }
  public func category(_ id: String) -> EventCategory? { categoryTable.category(id: id) }
}
