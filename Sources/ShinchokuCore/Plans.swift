import Foundation
import JapaneseCalendar

/// A YAML data file, parsed; nil (reported) when it is missing and `required`, unreadable or
/// not YAML.
func yamlDocument(
  _ url: URL, shown: String, required: Bool, sizeLimit: Int, sink: DiagnosticSink
) -> YAMLNode? {
  guard DataFile.exists(url.path, displayName: shown, sink: sink) else {
    if required {
      sink.error(
        SourceLocation(file: shown), "the file is missing",
        ja: "ファイルがありません",
        hint: "every data folder needs \((shown as NSString).lastPathComponent)",
        jaHint: "データのフォルダには \((shown as NSString).lastPathComponent) が要ります")
    }
    return nil
  }
  guard let text = readTextFile(url, displayName: shown, sizeLimit: sizeLimit, sink: sink)
  else { return nil }
  return parseYAML(text, file: shown, sink: sink)
}

/// The plans a data folder holds (`plans.yaml`): each plan's id and folder, one marked
/// current. Without `plans.yaml` the folder holds one plan, its own.
struct PlanCatalogue {
  struct Entry: Equatable {
    var id: String
    /// Relative to the data folder; "" for the data folder itself.
    var folder: String
    var isCurrent: Bool
    var location: SourceLocation
  }

  let directory: String
  let loader: DatasetLoader
  private(set) var entries: [Entry] = []

  init(directory: String, loader: DatasetLoader, sink: DiagnosticSink) {
    self.directory = directory
    self.loader = loader
    let shown = displayPath(directory: directory, name: "plans.yaml")
    let url = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(
      "plans.yaml")
    guard
      let root = yamlDocument(
        url, shown: shown, required: false, sizeLimit: loader.fileSizeLimit, sink: sink),
      let top = root.mapping("plans.yaml")
    else { return }
    top.rejectUnknownKeys(["plans"])
    var ids: Set<String> = []
    for node in top.required("plans")?.sequence("plans") ?? [] {
      guard let m = node.mapping(.aPlan) else { continue }
      m.rejectUnknownKeys(["id", "folder", "current"])
      guard let id = m.required("id")?.string(.thePlansID),
        let folderNode = m.required("folder"), let written = folderNode.string("folder")
      else { continue }
      guard ids.insert(id).inserted else {
        sink.error(
          node.location, "a second plan '\(id)'", ja: "計画 '\(id)' が2つあります",
          hint: "plan ids must be unique", jaHint: "計画の id は重複できません")
        continue
      }
      let folder = written == "." ? "" : written
      var isDirectory: ObjCBool = false
      let path = folder.isEmpty ? directory : displayPath(directory: directory, name: folder)
      if folder.hasPrefix("/") || folder.split(separator: "/").contains("..") {
        sink.error(
          folderNode.location, "the folder '\(written)' is outside the data folder",
          ja: "フォルダ '\(written)' がデータのフォルダの外です",
          hint: "name a folder inside it, such as plans/3rd, or . for the data folder",
          jaHint: "plans/3rd のように中のフォルダを、データのフォルダ自身なら . を書いてください")
        continue
      }
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        sink.error(
          folderNode.location, "no folder '\(written)' for plan '\(id)'",
          ja: "計画 '\(id)' のフォルダ '\(written)' がありません",
          hint: "create it with the plan's plan.yaml, or correct the path",
          jaHint: "計画の plan.yaml を入れたフォルダを作るか、パスを直してください")
        continue
      }
      entries.append(
        Entry(
          id: id, folder: folder,
          isCurrent: m["current"]?.bool("current") ?? false, location: node.location))
    }
    let current = entries.filter(\.isCurrent)
    if current.count > 1 {
      sink.error(
        current[1].location, "more than one plan is marked current",
        ja: "current の計画が2つ以上あります", hint: "mark one plan 'current: true'",
        jaHint: "'current: true' は1つの計画だけに付けてください")
    } else if current.isEmpty, !entries.isEmpty {
      sink.error(
        top.owner.location, "no plan is marked current", ja: "current の計画がありません",
        hint: "mark the plan the dashboard opens on 'current: true'",
        jaHint: "ダッシュボードが開く計画に 'current: true' を付けてください")
    }
  }

  /// The plan to show: `id`, else the current one; nil when there is no catalogue.
  func choose(_ id: String?, sink: DiagnosticSink) -> Entry? {
    guard !entries.isEmpty else { return nil }
    guard let id else { return entries.first(where: \.isCurrent) ?? entries[0] }
    if let entry = entries.first(where: { $0.id == id }) { return entry }
    let ids = entries.map(\.id).joined(separator: ", ")
    sink.error(
      SourceLocation(file: displayPath(directory: directory, name: "plans.yaml")),
      "no plan '\(id)'", ja: "計画 '\(id)' はありません", hint: "plans are: \(ids)",
      jaHint: "計画: \(ids)")
    return entries.first(where: \.isCurrent) ?? entries[0]
  }

  /// Every plan in brief, in the catalogue's order: the one shown from `dataset`, the others
  /// read (their plan.yaml, snapshots and programme records) for it. Their errors are errors.
  func summaries(showing dataset: Dataset, chosen: Entry?, sink: DiagnosticSink) -> [PlanSummary] {
    guard let chosen else { return [PlanSummary(dataset, isCurrent: true)] }
    checkID(of: chosen, against: dataset, sink: sink)
    let root = URL(fileURLWithPath: directory, isDirectory: true)
    return entries.map { entry in
      if entry == chosen { return PlanSummary(dataset, isCurrent: entry.isCurrent) }
      let base = root.appendingPathComponent(entry.folder)
      let shownFolder =
        entry.folder.isEmpty ? directory : displayPath(directory: directory, name: entry.folder)
      var reader = DatasetReader(sink: sink)
      func read(_ name: String, in folder: URL, shown: String) -> YAMLNode? {
        yamlDocument(
          folder.appendingPathComponent(name), shown: displayPath(directory: shown, name: name),
          required: name == "plan.yaml", sizeLimit: loader.fileSizeLimit, sink: sink)
      }
      if !entry.folder.isEmpty, let shared = read("plan.yaml", in: root, shown: directory) {
        reader.readSources(shared)
      }
      if let plan = read("plan.yaml", in: base, shown: shownFolder) { reader.readPlan(plan) }
      if let snapshots = read("snapshots.yaml", in: base, shown: shownFolder) {
        reader.readSnapshots(snapshots)
      }
      if let programmes = read("programmes.yaml", in: base, shown: shownFolder) {
        reader.readProgrammes(programmes)
      }
      guard let other = reader.dataset(directory: directory) else {
        return PlanSummary(
          id: entry.id, title: LocalizedText(entry.id), programmeCount: nil,
          isCurrent: entry.isCurrent, source: "", inconsistency: nil, statuses: [],
          latestDate: nil, latestCounts: [:], latestTotal: nil)
      }
      checkID(of: entry, against: other, sink: sink)
      return PlanSummary(other, isCurrent: entry.isCurrent)
    }
  }
}

/// The id plans.yaml gives a plan must be its plan.yaml's.
private func checkID(of entry: PlanCatalogue.Entry, against dataset: Dataset, sink: DiagnosticSink)
{
  guard dataset.plan.id != entry.id else { return }
  sink.error(
    entry.location,
    "plans.yaml names this plan '\(entry.id)' but its plan.yaml says '\(dataset.plan.id)'",
    ja: "plans.yaml ではこの計画は '\(entry.id)' ですが、plan.yaml では '\(dataset.plan.id)' です",
    hint: "use the same id in both", jaHint: "両方で同じ id にしてください")
}

extension PlanSummary {
  /// A plan's latest totals: per status the plan-wide figure the source states, else the sum
  /// of the areas when every one is known; unknown otherwise.
  init(_ dataset: Dataset, isCurrent: Bool) {
    let latest = dataset.snapshots.last
    var counts: [String: Count] = [:]
    for status in dataset.statuses {
      counts[status.id] = latest.flatMap { snapshot in
        snapshot.stated.count(status.id)
          ?? sumIfKnown(dataset.areas.map { snapshot.count(area: $0.id, status: status.id) })
      }
    }
    let total = latest.flatMap { snapshot in
      snapshot.stated.statedTotal
        ?? sumIfKnown(dataset.areas.map { snapshot.statedOrRecordedTotal(area: $0.id) })
    }
    self.init(
      id: dataset.plan.id, title: dataset.plan.title, programmeCount: dataset.plan.programmeCount,
      isCurrent: isCurrent, source: dataset.plan.source,
      inconsistency: dataset.plan.inconsistency, statuses: dataset.statuses,
      latestDate: latest?.date, latestCounts: counts, latestTotal: total)
  }
}

/// The sum when every part is known, else nil (unknown is never zero).
func sumIfKnown(_ parts: [Count]) -> Count {
  guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
  return parts.reduce(0) { $0 + ($1 ?? 0) }
}
