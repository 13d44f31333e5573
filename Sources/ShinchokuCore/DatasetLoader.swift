import Foundation
import JapaneseCalendar

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a data folder (`plan.yaml`, `snapshots.yaml`, `comments.yaml`, `events.yaml`) into a
/// checked `Dataset`, or fails with every error found, each naming file, line and column.
public struct DatasetLoader: Sendable {
  /// Files larger than this are refused with a message (a guard against runaway input).
  public var fileSizeLimit: Int

  /// `events.csv` may be larger: a million events take about 110 MB, ten million 1.1 GB (read
  /// at the byte level, a block at a time, not held whole nor through the YAML parser).
  public var eventsCSVSizeLimit: Int

  /// The events last read from events.csv (shared by copies of this loader).
  public let eventsCache = EventsCSVCache()

  /// events.csv's events kept on disk between runs (EventCache.swift); nil: none.
  public var eventCache: EventCache?

  public static let defaultFileSizeLimit = 64 * 1024 * 1024
  public static let defaultEventsCSVSizeLimit = 2 * 1024 * 1024 * 1024

  public init(
    fileSizeLimit: Int = DatasetLoader.defaultFileSizeLimit,
    eventsCSVSizeLimit: Int? = nil
  ) {
    self.fileSizeLimit = fileSizeLimit
    self.eventsCSVSizeLimit =
      eventsCSVSizeLimit
      ?? (fileSizeLimit == Self.defaultFileSizeLimit
        ? Self.defaultEventsCSVSizeLimit : fileSizeLimit)
  }

  public static let fileNames = [
    "plan.yaml", "snapshots.yaml", "programmes.yaml", "comments.yaml", "events.yaml",
    "savings.yaml", "plans.yaml",
  ]

  /// Reads the data folder, showing `planID` (from `plans.yaml`), else the plan it marks
  /// current; a folder without `plans.yaml` holds one plan.
  /// With `progress`, the bytes of events.csv read so far and, before waiting for them, the data
  /// set without them (LoadProgress.swift).
  public func load(
    directory: String, plan planID: String? = nil, progress: LoadProgress? = nil
  ) throws(DataLoadError) -> Dataset {
    let sink = DiagnosticSink()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw DataLoadError([
        Diagnostic(
          .error, SourceLocation(file: directory), "no data folder here",
          ja: "ここにデータのフォルダがありません", hint: "give one with --data DIR or $SHINCHOKU_DATA",
          jaHint: "--data DIR か $SHINCHOKU_DATA で指定してください")
      ])
    }
    let root = URL(fileURLWithPath: directory, isDirectory: true)
    let catalogue = PlanCatalogue(directory: directory, loader: self, sink: sink)
    let chosen = catalogue.choose(planID, sink: sink)
    // The plan's own files are in its folder; the events are the city's, in the data folder.
    let base = chosen.map { root.appendingPathComponent($0.folder) } ?? root
    let planDirectory =
      chosen.flatMap {
        $0.folder.isEmpty ? nil : displayPath(directory: directory, name: $0.folder)
      }
      ?? directory
    let sizeLimit = fileSizeLimit
    func document(
      _ name: String, required: Bool, in folder: URL? = nil, sink: DiagnosticSink = sink
    ) -> YAMLNode? {
      yamlDocument(
        (folder ?? base).appendingPathComponent(name),
        shown: displayPath(directory: folder == nil ? planDirectory : directory, name: name),
        required: required, sizeLimit: sizeLimit, sink: sink)
    }
    // programmes.yaml, the largest of a plan's files (100 KB for 200 records), is read and
    // composed on a second core while this one reads the others; its reports are put back
    // where the file comes in the order below.
    let visitLimit = sink.visitLimit
    let programmesJob = BackgroundJob((node: YAMLNode?, reports: [Diagnostic])?.none) {
      let own = DiagnosticSink(visitLimit: visitLimit)
      $0 = (document("programmes.yaml", required: false, sink: own), own.items)
    }

    var reader = DatasetReader(sink: sink)
    if chosen?.folder.isEmpty == false, let shared = document("plan.yaml", required: true, in: root)
    {
      reader.readSources(shared)
    }
    if let plan = document("plan.yaml", required: true) { reader.readPlan(plan) }
    if let planID, chosen == nil, let plan = reader.plan, plan.id != planID {
      sink.error(
        SourceLocation(file: displayPath(directory: directory, name: "plan.yaml")),
        "no plan '\(planID)' here: the data holds one plan, '\(plan.id)'",
        ja: "計画 '\(planID)' はありません。このデータの計画は '\(plan.id)' だけです",
        hint: "leave out --plan, or list the plans in plans.yaml",
        jaHint: "--plan を外すか、plans.yaml に計画を並べてください")
    }
    if let snapshots = document("snapshots.yaml", required: false) {
      reader.readSnapshots(snapshots)
    }
    if let comments = document("comments.yaml", required: false) { reader.readComments(comments) }
    if let events = document("events.yaml", required: false, in: root) { reader.readEvents(events) }

    // events.csv (which needs only the categories and events above) is read on a second core
    // while this one reads the programme records: at a million events these are the two large
    // files. The second reader reports to a sink of its own; the reports are put back into
    // the files' order below, so that they read as if the files were read one after another.
    let eventsCSV = root.appendingPathComponent("events.csv")
    var csvJob: BackgroundJob<DatasetReader>?
    // Unchanged files (a reload after a status change) give the events read last time: the
    // same store, so the calendar keeps its index too.
    let csvKey = EventsCSVCache.Key(
      files: ["events.yaml", "events.csv", "events.csv.encoding"].map {
        FileStamp(path: root.appendingPathComponent($0).path)
      }, limit: eventsCSVSizeLimit, directory: directory)
    // The reader copied for events.csv has read what it needs (the categories and events.yaml)
    // by now; with a dashboard's progress it starts after the first screen is out.
    let csvFresh = reader
    func startEventsCSV() {
      if let cached = eventsCache.reader(for: csvKey, at: eventsCSV.path) {
        csvJob = BackgroundJob(done: cached)
      } else if DataFile.exists(
        eventsCSV.path, displayName: displayPath(directory: directory, name: "events.csv"),
        sink: sink)
      {
        let shown = displayPath(directory: directory, name: "events.csv")
        let limit = eventsCSVSizeLimit
        var csvReader = csvFresh
        csvReader.sink = DiagnosticSink(visitLimit: sink.visitLimit)
        // Only appended to since the last read: only the new rows are read (EventsCSV.swift).
        let previous = eventsCache.appendable(for: csvKey)
        let cache = eventCache
        csvJob = BackgroundJob(csvReader) { reader in
          reader = DatasetReader.readingEventsCSV(
            eventsCSV, displayName: shown, sizeLimit: limit, fresh: reader, previous: previous,
            progress: progress, cache: cache)
          // What was read (not what came from the cache) is kept for the next start.
          if let cache, reader.eventsCSVRead != .cached, !reader.sink.hasErrors {
            cache.save(
              CachedEvents(reader, fileName: eventsCSV.lastPathComponent), of: eventsCSV,
              stamp: csvKey.files[1], displayName: shown, sizeLimit: limit)
          }
        }
      }
    }
    let waitsForFirstScreen = progress?.waitsForFirstScreen == true
    if !waitsForFirstScreen { startEventsCSV() }
    if let (programmes, reports) = programmesJob.wait() {
      sink.append(reports)
      if let programmes {
        reader.readProgrammes(YAMLNode(node: programmes.node, file: programmes.file, sink: sink))
      }
    }
    if let savings = document("savings.yaml", required: false) { reader.readSavings(savings) }
    #if canImport(Glibc)
      // The YAML tree of thousands of records is gone now; give its pages back, so that they
      // do not stay resident beside the events being read.
      releaseFreeMemory()
    #endif
    let programmesCSV = base.appendingPathComponent("programmes.csv")
    if DataFile.exists(
      programmesCSV.path,
      displayName: displayPath(directory: planDirectory, name: "programmes.csv"),
      sink: sink)
    {
      let shown = displayPath(directory: planDirectory, name: "programmes.csv")
      if let table = CSVReader.read(
        programmesCSV, displayName: shown, sizeLimit: fileSizeLimit, sink: sink)
      {
        reader.readProgrammesCSV(table.rows, file: shown)
      }
    }
    let log = base.appendingPathComponent(ChangeLog.fileName)
    let logShown = displayPath(directory: planDirectory, name: ChangeLog.fileName)
    if DataFile.exists(log.path, displayName: logShown, sink: sink),
      DataFile.check(log.path, displayName: logShown, sink: sink)
    {
      let shown = logShown
      reader.applyChanges(ChangeLog.read(log, displayName: shown, sink: sink), file: shown)
    }
    // What the dataset holds beside its plan's own files: where they are, and the other plans.
    // The other plans are read once: their summaries do not depend on the events, so the first
    // screen's and the whole data set's are the same.
    var plans: [PlanSummary]?
    func placed(_ dataset: Dataset?) -> Dataset? {
      guard var dataset else { return nil }
      dataset.planDirectory = planDirectory
      let summaries = plans ?? catalogue.summaries(showing: dataset, chosen: chosen, sink: sink)
      plans = summaries
      dataset.plans = summaries
      return dataset
    }
    // Without events.csv the whole data set follows at once: no head to show before it.
    let eventsStamp = csvKey.files[1]
    if let progress, eventsStamp.exists, csvJob?.finished == nil {
      let head = placed(reader.head(directory: directory))
      if waitsForFirstScreen, eventsStamp.isRegularFile {
        // The progress bar's total is known before the reading starts.
        progress.begin(total: Int(eventsStamp.size))
      }
      progress.publishHead(head)
      // Nothing to show before the whole data set when the head has errors: no wait.
      if waitsForFirstScreen, head != nil { progress.waitForFirstScreen() }
    }
    if waitsForFirstScreen { startEventsCSV() }
    if let csvReader = csvJob?.wait() {
      eventsCache.keep(csvReader, for: csvKey)
      reader.events = csvReader.events
      reader.categories = csvReader.categories
      reader.sources.merge(csvReader.sources) { mine, _ in mine }
      sink.append(csvReader.sink.items)
    }
    let order = [
      "plans.yaml", "plan.yaml", "snapshots.yaml", "programmes.yaml", "programmes.csv",
      "savings.yaml", ChangeLog.fileName, "comments.yaml", "events.yaml", "events.csv",
    ]
    sink.sortByFile { file in
      let name = (file as NSString).lastPathComponent
      return order.firstIndex { name == $0 || name.hasPrefix($0 + ".") } ?? order.count
    }

    // The cross-checks run even when a file has errors, so that every problem is reported.
    var dataset = placed(reader.dataset(directory: directory))
    // The other plans' findings (read by `placed`, after the data set took its own) are its too.
    dataset?.warnings = sink.items.filter { $0.severity == .warning }
    guard !sink.hasErrors, let dataset else {
      throw DataLoadError(sink.items)
    }
    return dataset
  }
}

/// Work on a value done on a thread of its own: `wait()` hands the value back when the work
/// is done, `finished` without waiting (nil until then). The value is moved, never shared: no
/// one touches it until the work is done.
public final class BackgroundJob<Value>: @unchecked Sendable {
  private var value: Value
  private let work: (inout Value) -> Void
  private let condition = NSCondition()
  private var isDone = false

  /// A job already done.
  public init(done value: Value) {
    self.value = value
    self.work = { _ in }
    isDone = true
  }

  public init(_ value: Value, _ work: @escaping (inout Value) -> Void) {
    self.value = value
    self.work = work
    let thread = Thread { [self] in
      self.work(&self.value)
      condition.withLock {
        isDone = true
        condition.broadcast()
      }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  public func wait() -> Value {
    condition.withLock {
      while !isDone { condition.wait() }
      return value
    }
  }

  public var finished: Value? { condition.withLock { isDone ? value : nil } }
}

#if canImport(Glibc)
  /// glibc's `malloc_trim(0)`, looked up at run time: the Glibc module does not import
  /// malloc.h. Gives the free pages inside the heap back to the system.
  private func releaseFreeMemory() {
    typealias Trim = @convention(c) (Int) -> Int32
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
  }
#endif

/// What `stat` says of a file, to tell whether it changed: a file rewritten in any way gets
/// another modification or change time, size or inode. Compares equal to another only when
/// both exist and agree, or neither exists.
public struct FileStamp: Equatable, Sendable {
  public private(set) var exists = false
  public private(set) var isRegularFile = false
  var device: UInt64 = 0
  var inode: UInt64 = 0
  var size: Int64 = 0
  var modified = (seconds: 0, nanoseconds: 0)
  var changed = (seconds: 0, nanoseconds: 0)

  public init(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    exists = true
    isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    changed = (info.st_ctim.tv_sec, info.st_ctim.tv_nsec)
  }

  /// Whether both stamps are of the same file (device and inode), changed or not.
  public func isSameFile(as other: FileStamp) -> Bool {
    exists && other.exists && device == other.device && inode == other.inode
  }

  public static func == (a: FileStamp, b: FileStamp) -> Bool {
    a.exists == b.exists && a.isRegularFile == b.isRegularFile && a.device == b.device
      && a.inode == b.inode && a.size == b.size && a.modified == b.modified
      && a.changed == b.changed
  }
}

/// The reader state after events.csv was last read (events, categories, reports), kept while
/// events.yaml, events.csv and its encoding file are unchanged: a million events are not read
/// again because a programme's status changed.
public final class EventsCSVCache: @unchecked Sendable {
  struct Key: Equatable {
    var files: [FileStamp]
    var limit: Int
    var directory: String
  }

  private let lock = NSLock()
  private var entry: (key: Key, reader: DatasetReader)?

  public init() {}

  /// The reader kept for these files, when `stat` says they are unchanged and events.csv's
  /// first and last bytes read agree.
  func reader(for key: Key, at path: String) -> DatasetReader? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry, entry.key == key, entry.reader.eventsCSVEnd?.end.isUnchanged(path) ?? true
    else { return nil }
    return entry.reader
  }

  /// The reader kept when only events.csv changed since (perhaps by an append: see
  /// `CSVReader.forEachAppendedRow`).
  func appendable(for key: Key) -> DatasetReader? {
    lock.lock()
    defer { lock.unlock() }
    guard let entry, entry.reader.eventsCSVEnd != nil, entry.key.limit == key.limit,
      entry.key.directory == key.directory, entry.key.files[0] == key.files[0],
      entry.key.files[2] == key.files[2], entry.key.files[1].isSameFile(as: key.files[1])
    else { return nil }
    return entry.reader
  }

  var keptReader: DatasetReader? { lock.withLock { entry?.reader } }

  func keep(_ reader: DatasetReader, for key: Key) {
    lock.lock()
    defer { lock.unlock() }
    entry = (key, reader)
  }
}

func displayPath(directory: String, name: String) -> String {
  directory.hasSuffix("/") ? directory + name : directory + "/" + name
}

/// Reads the documents into model values, reporting as it goes.
struct DatasetReader {
  var sink: DiagnosticSink
  var sources: [String: DataSource] = [:]
  var plan: ReformPlan?
  var planLocation: SourceLocation?
  var areas: [PlanArea] = []
  var statuses: [ProgressStatus] = []
  var snapshots: [(snapshot: ProgressSnapshot, isDefault: Bool, location: SourceLocation)] = []
  var programmes: [(programme: Programme, location: SourceLocation)] = []
  var comments: [CommitteeComment] = []
  var committeeName: String?
  var categories = CategoryTable()
  var events = EventStore()
  var savings: SavingsTable?
  /// Where the last read of events.csv ended, and its columns' places (EventsCSV.swift).
  var eventsCSVEnd: (end: CSVReadEnd, header: [Int])?
  var eventsCSVRead: EventsCSVRead?
  /// Where each area's counts (and the plan-wide "stated" ones) are written, per snapshot.
  var countLocations: [CivilDate: [String: SourceLocation]] = [:]
  /// Source references to check once every source is known.
  var sourceUses: [(id: String, location: SourceLocation)] = []

  init(sink: DiagnosticSink) { self.sink = sink }

  // MARK: plan.yaml

  /// Only the sources of a plan.yaml (the data folder's, under another plan's own).
  mutating func readSources(_ root: YAMLNode) {
    guard let top = root.mapping("plan.yaml") else { return }
    readSources(top)
  }

  mutating func readPlan(_ root: YAMLNode) {
    guard let top = root.mapping("plan.yaml") else { return }
    top.rejectUnknownKeys(["sources", "plan", "areas", "statuses"])
    readSources(top)
    readPlanBody(top)
  }

  private mutating func readSources(_ top: YAMLMapping) {
    for node in top["sources"]?.sequence("sources") ?? [] {
      guard let m = node.mapping(.aSource) else { continue }
      m.rejectUnknownKeys(["id", "title", "detail", "synthetic"])
      guard let id = identifier(m, .aSource), let title = m.required("title")?.string("title")
      else { continue }
      if sources[id] != nil {
        sink.error(node.location, "duplicate source id '\(id)'", ja: "出典の id '\(id)' が重複しています")
        continue
      }
      sources[id] = DataSource(
        id: id, title: title, detail: m["detail"]?.optionalString("detail") ?? nil,
        isSynthetic: m["synthetic"]?.bool("synthetic") ?? false)
    }
  }

  private mutating func readPlanBody(_ top: YAMLMapping) {
    if let m = top.required("plan")?.mapping("plan") {
      m.rejectUnknownKeys([
        "id", "title", "title_en", "organisation", "started", "programmes", "source", "synthetic",
        "scale", "inconsistency",
      ])
      if let id = identifier(m, .thePlan),
        let title = m.required("title")?.string(.thePlansTitle)
      {
        let source = sourceReference(m)
        plan = ReformPlan(
          id: id, title: LocalizedText(title, english: m["title_en"]?.string("title_en")),
          organisation: m["organisation"]?.optionalString("organisation") ?? nil,
          started: m["started"]?.optionalString("started") ?? nil,
          programmeCount: m["programmes"].flatMap {
            $0.isNull ? nil : $0.int("programmes", range: 0...1_000_000)
          },
          source: source ?? "", isSynthetic: m["synthetic"]?.bool("synthetic") ?? false,
          scale: m["scale"]?.optionalString("scale") ?? nil,
          inconsistency: m["inconsistency"]?.optionalString("inconsistency") ?? nil)
        planLocation = m.owner.location
      }
    }
    var areaNumbers: [Int: SourceLocation] = [:]
    // Ids already seen, in sets: a file of many records is checked in linear time.
    var areaIDs = Set(areas.map(\.id))
    for node in top.required("areas")?.sequence("areas") ?? [] {
      guard let m = node.mapping(.anArea) else { continue }
      m.rejectUnknownKeys(["id", "number", "name", "name_en"])
      guard let id = identifier(m, .anArea),
        let number = m.required("number")?.int("number", range: 1...999),
        let name = m.required("name")?.string(.theAreasName)
      else { continue }
      if !areaIDs.insert(id).inserted {
        sink.error(
          node.location, "duplicate area id '\(id)'", ja: "分野の id '\(id)' が重複しています",
          hint: "area ids must be unique", jaHint: "分野の id は一つずつ違うものにします")
        continue
      }
      if let first = areaNumbers[number] {
        sink.error(
          node.location, "area number \(number) is used twice",
          ja: "分野の番号 \(number) が二度使われています", hint: "first at line \(first.line ?? 0)",
          jaHint: "一つ目は \(first.line ?? 0) 行目")
      }
      areaNumbers[number] = node.location
      areas.append(
        PlanArea(
          id: id, number: number,
          name: LocalizedText(name, english: m["name_en"]?.string("name_en"))))
    }
    areas.sort { $0.number < $1.number }
    var statusIDs = Set(statuses.map(\.id))
    for node in top.required("statuses")?.sequence("statuses") ?? [] {
      guard let m = node.mapping(.aStatus) else { continue }
      m.rejectUnknownKeys(["id", "name", "short", "name_en", "short_en", "symbol", "ascii", "tone"])
      guard let id = identifier(m, .aStatus),
        let name = m.required("name")?.string(.theStatussName),
        let symbol = m.required("symbol")?.string("symbol")
      else { continue }
      if !statusIDs.insert(id).inserted {
        sink.error(node.location, "duplicate status id '\(id)'", ja: "状況の id '\(id)' が重複しています")
        continue
      }
      let nameEnglish = m["name_en"]?.string("name_en")
      statuses.append(
        ProgressStatus(
          id: id, name: LocalizedText(name, english: nameEnglish),
          shortName: LocalizedText(
            m["short"]?.string("short") ?? name,
            english: m["short_en"]?.string("short_en") ?? nameEnglish),
          symbol: symbol, asciiSymbol: m["ascii"]?.string("ascii") ?? String(id.prefix(1)),
          tone: m["tone"].flatMap { tone($0) }))
    }
    if statuses.isEmpty, !sink.hasErrors {
      sink.error(
        top.owner.location, "plan.yaml lists no statuses", ja: "plan.yaml に状況が一つもありません",
        hint: "add a 'statuses:' list", jaHint: "'statuses:' の並びを書き足してください")
    }
  }

  // MARK: snapshots.yaml

  /// The most snapshots a plan's file may list (a follow-up twice a year for 5 000 years).
  static let snapshotLimit = 10_000

  mutating func readSnapshots(_ root: YAMLNode) {
    guard let top = root.mapping("snapshots.yaml") else { return }
    top.rejectUnknownKeys(["snapshots"])
    // Where each date's snapshot is, so that a second one is found in constant time.
    var seen = Dictionary(
      snapshots.map { ($0.snapshot.date, $0.location) }, uniquingKeysWith: { first, _ in first })
    let areaIDs = Set(areas.map(\.id))
    let statusIDs = Set(statuses.map(\.id))
    for (index, node) in (top.required("snapshots")?.sequence("snapshots") ?? []).enumerated() {
      guard index < Self.snapshotLimit else {
        sink.error(
          node.location, "more than \(Self.snapshotLimit) snapshots",
          ja: "時点が \(Self.snapshotLimit) を超えています",
          hint: "a plan's follow-up has tens; is this the right file?",
          jaHint: "計画の進捗の時点はふつう数十です。正しいファイルですか")
        break
      }
      guard let m = node.mapping(.aSnapshot) else { continue }
      m.rejectUnknownKeys(["date", "source", "default", "note", "areas", "stated"])
      guard let dateNode = m.required("date"), let date = civilDate(dateNode, .theSnapshotsDate)
      else { continue }
      if let earlier = seen[date] {
        sink.error(
          dateNode.location, "a second snapshot for \(date.iso)",
          ja: "\(date.iso) の時点が二つあります", hint: "the first is at line \(earlier.line ?? 0)",
          jaHint: "一つ目は \(earlier.line ?? 0) 行目")
        continue
      }
      let source = sourceReference(m) ?? ""
      var byArea: [String: StatusCounts] = [:]
      if let areaMap = m["areas"]?.mapping(.theSnapshotsAreas) {
        for entry in areaMap.entries {
          guard areaIDs.contains(entry.key) else {
            sink.error(
              entry.keyNode.location, "unknown area '\(entry.key)'",
              ja: "知らない分野 '\(entry.key)' です",
              hint: "areas are: \(boundedList(areas.map(\.id)))",
              jaHint: "分野は \(boundedList(areas.map(\.id)))")
            continue
          }
          byArea[entry.key] = statusCounts(
            entry.value, .countsOfArea(entry.key), statusIDs: statusIDs)
          countLocations[date, default: [:]][entry.key] = entry.keyNode.location
        }
      }
      let stated =
        m["stated"].map {
          statusCounts($0, .theSnapshotsStatedTotals, statusIDs: statusIDs)
        } ?? StatusCounts()
      if let statedNode = m["stated"] {
        countLocations[date, default: [:]]["stated"] = statedNode.location
      }
      snapshots.append(
        (
          ProgressSnapshot(
            date: date, source: source, note: m["note"]?.optionalString("note") ?? nil,
            byArea: byArea,
            stated: stated),
          m["default"]?.bool("default") ?? false, node.location
        ))
      seen[date] = node.location
    }
  }

  private func statusCounts(_ node: YAMLNode, _ what: Subject, statusIDs: Set<String>)
    -> StatusCounts
  {
    guard let m = node.mapping(what) else { return StatusCounts() }
    var counts = StatusCounts()
    for entry in m.entries {
      let value: Count =
        entry.value.isNull
        ? nil : entry.value.int(what.key(entry.key), range: 0...10_000_000)
      if entry.key == "total" {
        counts.statedTotal = value
      } else if entry.key == "note" {
        counts.note = entry.value.optionalString("note") ?? nil
      } else if statusIDs.contains(entry.key) {
        counts.byStatus[entry.key] = value
      } else {
        let ids = boundedList(statuses.map(\.id))
        let hint = didYouMean(
          entry.key, in: statuses.map(\.id) + ["total"], list: "statuses are: \(ids), and total",
          jaList: "状況は \(ids) と total")
        sink.error(
          entry.keyNode.location, "unknown status '\(entry.key)' in \(what.english)",
          ja: "\(what.japanese) に知らない状況 '\(entry.key)' があります", hint: hint.hint,
          jaHint: hint.jaHint)
      }
    }
    return counts
  }

  // MARK: programmes.yaml

  static let programmeKeys = sheetKeys.union([
    "id", "area", "title", "section", "notes", "source", "statuses",
  ])

  mutating func readProgrammes(_ root: YAMLNode) {
    guard let top = root.mapping("programmes.yaml") else { return }
    top.rejectUnknownKeys(["programmes"])
    var seen: [String: SourceLocation] = [:]
    // Looked up per record: sets, so that the cost stays linear in the records whatever the
    // number of areas, statuses and snapshots.
    let areaIDs = Set(areas.map(\.id))
    let statusIDs = Set(self.statuses.map(\.id))
    let snapshotDates = Set(snapshots.map(\.snapshot.date))
    for node in top.required("programmes")?.sequence("programmes") ?? [] {
      guard let m = node.mapping(.aProgramme) else { continue }
      m.rejectUnknownKeys(Self.programmeKeys)
      guard let id = identifier(m, .aProgramme), let areaNode = m.required("area"),
        let areaID = areaNode.string("area"),
        let title = m.required("title")?.string(.theProgrammesTitle)
      else { continue }
      if let first = seen[id] {
        sink.error(
          node.location, "duplicate programme id '\(id)'", ja: "事業の id '\(id)' が重複しています",
          hint: "first at line \(first.line ?? 0)", jaHint: "一つ目は \(first.line ?? 0) 行目")
        continue
      }
      seen[id] = node.location
      if !areaIDs.contains(areaID) {
        sink.error(
          areaNode.location, "unknown area '\(areaID)'", ja: "知らない分野 '\(areaID)' です",
          hint: "areas are: \(boundedList(areas.map(\.id)))",
          jaHint: "分野は \(boundedList(areas.map(\.id)))")
      }
      var statuses: [CivilDate: String] = [:]
      for entry in m["statuses"]?.mapping(.theProgrammesStatuses)?.entries ?? [] {
        guard let date = CivilDate(iso: entry.key) else {
          sink.error(
            entry.keyNode.location, "'\(entry.key)' is not a date", ja: "'\(entry.key)' は日付ではありません",
            hint: "write YYYY-MM-DD: status", jaHint: "「YYYY-MM-DD: 状況」と書きます")
          continue
        }
        guard let statusID = entry.value.string(.aStatus) else { continue }
        guard statusIDs.contains(statusID) else {
          let ids = self.statuses.map(\.id)
          let hint = didYouMean(
            statusID, in: ids, list: "statuses are: \(boundedList(ids))",
            jaList: "状況は \(boundedList(ids))")
          sink.error(
            entry.value.location, "unknown status '\(statusID)'", ja: "知らない状況 '\(statusID)' です",
            hint: hint.hint, jaHint: hint.jaHint)
          continue
        }
        if !snapshotDates.contains(date) {
          sink.error(
            entry.keyNode.location, "no snapshot on \(date.iso)", ja: "\(date.iso) の時点はありません",
            hint: "snapshots are: \(boundedList(snapshots.map(\.snapshot.date.iso)))",
            jaHint: "時点は \(boundedList(snapshots.map(\.snapshot.date.iso)))")
          continue
        }
        statuses[date] = statusID
      }
      var programme = Programme(
        id: id, areaID: areaID, title: title,
        section: m["section"]?.optionalString("section") ?? nil,
        notes: m["notes"]?.optionalString("notes") ?? nil, source: sourceReference(m) ?? "",
        statuses: statuses)
      readSheet(m, into: &programme)
      programmes.append((programme, node.location))
    }
  }

  /// Applies the change log on top of the programme records, in order. A change whose "old"
  /// does not match the status it finds, or that names something that does not exist, is
  /// reported and skipped.
  mutating func applyChanges(_ changes: [(change: StatusChange, line: Int)], file: String) {
    // Where each programme is (the first of an id), and what exists: linear in the log.
    var positions: [String: Int] = [:]
    for (index, entry) in programmes.enumerated() where positions[entry.programme.id] == nil {
      positions[entry.programme.id] = index
    }
    let snapshotDates = Set(snapshots.map(\.snapshot.date))
    let statusIDs = Set(statuses.map(\.id))
    for (change, line) in changes {
      let location = SourceLocation(file: file, line: line, column: 1)
      guard let index = positions[change.programmeID] else {
        sink.warning(
          location, "no programme '\(change.programmeID)'; the change is not applied",
          ja: "事業 '\(change.programmeID)' がないので、この変更は反映しません")
        continue
      }
      guard snapshotDates.contains(change.snapshot), statusIDs.contains(change.new)
      else {
        sink.warning(
          location,
          "no snapshot \(change.snapshot.iso) or no status '\(change.new)'; the change is not applied",
          ja: "時点 \(change.snapshot.iso) か状況 '\(change.new)' がないので、この変更は反映しません")
        continue
      }
      let current = programmes[index].programme.statuses[change.snapshot]
      guard current == change.old else {
        sink.warning(
          location,
          "'\(change.programmeID)' was \(current ?? "without a record") in \(change.snapshot.iso), not \(change.old ?? "without a record") as the change expects; it is not applied",
          ja:
            "'\(change.programmeID)' の \(change.snapshot.iso) の状況は \(current ?? "記録なし") で、変更が前提とする \(change.old ?? "記録なし") ではないので、反映しません"
        )
        continue
      }
      programmes[index].programme.statuses[change.snapshot] = change.new
      programmes[index].programme.changes.append(change)
    }
  }

  // MARK: comments.yaml

  mutating func readComments(_ root: YAMLNode) {
    guard let top = root.mapping("comments.yaml") else { return }
    top.rejectUnknownKeys(["committee", "comments"])
    if let committee = top["committee"]?.mapping("committee") {
      committee.rejectUnknownKeys(["name", "name_en", "heading_as_read"])
      committeeName = committee["name"]?.string(.theCommitteesName)
    }
    var numbers: Set<Int> = []
    var commentIDs = Set(comments.map(\.id))
    let knownAreaIDs = Set(areas.map(\.id))
    for node in top.required("comments")?.sequence("comments") ?? [] {
      guard let m = node.mapping(.aComment) else { continue }
      m.rejectUnknownKeys([
        "id", "number", "snapshot", "meeting", "areas", "source", "note", "text", "unreadable",
        "corrections",
      ])
      guard let id = identifier(m, .aComment),
        let text = m.required("text")?.string(.theCommentsText)
      else {
        continue
      }
      if !commentIDs.insert(id).inserted {
        sink.error(node.location, "duplicate comment id '\(id)'", ja: "意見の id '\(id)' が重複しています")
        continue
      }
      let number = m["number"]?.int("number", range: 1...100_000) ?? comments.count + 1
      if !numbers.insert(number).inserted {
        sink.error(
          m["number"]?.location ?? node.location, "comment number \(number) is used twice",
          ja: "意見の番号 \(number) が二度使われています")
      }
      let commentAreaIDs = m["areas"]?.strings("areas") ?? []
      for (index, areaID) in commentAreaIDs.enumerated() where !knownAreaIDs.contains(areaID) {
        let at = m["areas"]?.sequence("areas").flatMap {
          index < $0.count ? $0[index].location : nil
        }
        sink.error(
          at ?? node.location, "comment '\(id)' names area '\(areaID)', which does not exist",
          ja: "意見 '\(id)' が挙げる分野 '\(areaID)' はありません",
          hint: "areas are: \(areas.map(\.id).joined(separator: ", "))",
          jaHint: "分野は \(areas.map(\.id).joined(separator: ", "))")
      }
      comments.append(
        CommitteeComment(
          id: id, number: number, text: text, areaIDs: commentAreaIDs,
          snapshotDate: m["snapshot"].flatMap {
            $0.isNull ? nil : civilDate($0, .theCommentsSnapshot)
          },
          meeting: m["meeting"]?.optionalString("meeting") ?? nil,
          corrections: corrections(m["corrections"]),
          unreadable: m["unreadable"]?.strings("unreadable") ?? [],
          source: sourceReference(m) ?? ""))
    }
    comments.sort { $0.number < $1.number }
  }

  private func corrections(_ node: YAMLNode?) -> [Correction] {
    guard let node else { return [] }
    return (node.sequence("corrections") ?? []).compactMap { item in
      guard let m = item.mapping(.aCorrection) else { return nil }
      m.rejectUnknownKeys(["read", "corrected", "note"])
      guard let read = m.required("read")?.string("read"),
        let corrected = m.required("corrected")?.string("corrected")
      else { return nil }
      return Correction(
        asRead: read, corrected: corrected, note: m["note"]?.optionalString("note") ?? nil)
    }
  }

  // MARK: events.yaml

  mutating func readEvents(_ root: YAMLNode) {
    guard let top = root.mapping("events.yaml") else { return }
    top.rejectUnknownKeys(["categories", "events"])
    for node in top["categories"]?.sequence("categories") ?? [] {
      guard let m = node.mapping(.aCategory) else { continue }
      m.rejectUnknownKeys(["id", "name", "name_en"])
      guard let id = identifier(m, .aCategory),
        let name = m.required("name")?.string(.theCategorysName)
      else {
        continue
      }
      let category = EventCategory(
        id: id, name: LocalizedText(name, english: m["name_en"]?.string("name_en")))
      if !categories.append(category) {
        sink.error(node.location, "duplicate category id '\(id)'", ja: "分類の id '\(id)' が重複しています")
      }
    }
    let fieldNames: Set<String> = [
      "id", "title", "subtitle", "category", "venue", "venues", "start", "end", "time", "audience",
      "fees", "notes",
      "source", "inferred", "inference_note", "corrections",
    ]
    for node in top.required("events")?.sequence("events") ?? [] {
      guard let m = node.mapping(.anEvent) else { continue }
      m.rejectUnknownKeys(fieldNames)
      guard let id = identifier(m, .anEvent),
        let title = m.required("title")?.string(.theEventsTitle)
      else {
        continue
      }
      if events.contains(id: id) {
        sink.error(
          node.location, "duplicate event id '\(id)'", ja: "催しの id '\(id)' が重複しています",
          hint: "event ids must be unique", jaHint: "催しの id は一つずつ違うものにします")
        continue
      }
      let categoryID = m["category"]?.string("category")
      if let categoryID, let at = m["category"],
        !categories.contains(id: categoryID)
      {
        sink.error(
          at.location, "unknown category '\(categoryID)'", ja: "知らない分類 '\(categoryID)' です",
          hint: "categories are: \(categories.idList())", jaHint: "分類は \(categories.idList())")
      }
      let start = m["start"].flatMap { $0.isNull ? nil : civilDate($0, .theStartDate) }
      var end = m["end"].flatMap { $0.isNull ? nil : civilDate($0, .theEndDate) }
      if let start, let endDate = end, endDate < start, let at = m["end"] {
        sink.error(
          at.location, "the event ends (\(endDate.iso)) before it starts (\(start.iso))",
          ja: "催しの終了日（\(endDate.iso)）が開始日（\(start.iso)）より前です")
        end = nil
      }
      if end != nil, start == nil, let at = m["end"] {
        sink.error(
          at.location, "the event has an end date but no start date", ja: "催しに終了日があって開始日がありません")
      }
      var audience: [Audience] = []
      for item in m["audience"]?.sequence("audience") ?? [] {
        guard let text = item.string("audience") else { continue }
        if let value = Audience(rawValue: text) {
          audience.append(value)
        } else {
          sink.error(
            item.location, "unknown audience '\(text)'", ja: "知らない対象 '\(text)' です",
            hint: "use \(Audience.allCases.map(\.rawValue).joined(separator: ", "))",
            jaHint: "\(Audience.allCases.map(\.rawValue).joined(separator: ", ")) のどれかです")
        }
      }
      var fees: [Fee] = []
      for item in m["fees"]?.sequence("fees") ?? [] {
        guard let f = item.mapping(.aFee) else { continue }
        f.rejectUnknownKeys(["who", "yen", "note"])
        guard let who = f.required("who")?.string("who") else { continue }
        let yen = f["yen"].flatMap { $0.isNull ? nil : $0.int("yen", range: 0...10_000_000) }
        fees.append(Fee(who: who, yen: yen, note: f["note"]?.optionalString("note") ?? nil))
      }
      var venues = m["venues"]?.strings("venues") ?? []
      if let venue = m["venue"]?.string("venue") { venues.insert(venue, at: 0) }
      let inferred = Set(m["inferred"]?.strings("inferred") ?? [])
      for field in inferred where !fieldNames.contains(field) {
        sink.error(
          m["inferred"]?.location ?? node.location,
          "'\(field)' in inferred is not a field of an event",
          ja: "inferred の '\(field)' は催しの項目ではありません")
      }
      let time = m["time"]?.optionalString("time") ?? nil
      if let time, let problem = impossibleTime(in: time) {
        sink.error(
          m["time"]?.location ?? node.location, problem.english ?? problem.japanese,
          ja: problem.japanese,
          hint: "write a time of day such as 9:30 or 13:00〜15:00",
          jaHint: "9:30 や 13:00〜15:00 のように時刻を書きます")
      }
      events.append(
        CityEvent(
          id: id, title: title, subtitle: m["subtitle"]?.optionalString("subtitle") ?? nil,
          categoryID: categoryID,
          venues: venues, start: start, end: end, time: time,
          audience: audience,
          fees: fees, notes: m["notes"]?.optionalString("notes") ?? nil,
          source: sourceReference(m) ?? "",
          inferred: inferred,
          inferenceNote: m["inference_note"]?.optionalString("inference_note") ?? nil,
          corrections: corrections(m["corrections"])))
    }
  }

  // MARK: shared pieces

  private func identifier(_ m: YAMLMapping, _ what: Subject) -> String? {
    guard let node = m.required("id"), let id = node.string(what.id) else { return nil }
    let allowed = id.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        || $0 == "_"
    }
    guard !id.isEmpty, allowed else {
      sink.error(
        node.location, "the id '\(id)' of \(what.english) must be letters, digits, '-' or '_'",
        ja: "\(what.japanese)の id '\(id)' は英字、数字、'-'、'_' だけで書きます")
      return nil
    }
    return id
  }

  mutating func sourceReference(_ m: YAMLMapping) -> String? {
    guard let node = m["source"], let id = node.string("source") else { return nil }
    sourceUses.append((id, node.location))
    return id
  }

  private func civilDate(_ node: YAMLNode, _ what: Subject) -> CivilDate? {
    guard let text = node.string(what) else { return nil }
    guard let date = CivilDate(iso: text) else {
      let shaped = text.count == 10 && text.split(separator: "-").count == 3
      sink.error(
        node.location,
        shaped
          ? "\(what.english) \(text) is not a date that exists"
          : "\(what.english) '\(text)' is not a date",
        ja: shaped
          ? "\(what.japanese) \(text) はない日付です" : "\(what.japanese) '\(text)' は日付ではありません",
        hint: "write it as YYYY-MM-DD, e.g. 2012-03-31", jaHint: "2012-03-31 のように YYYY-MM-DD で書きます")
      return nil
    }
    return date
  }

  // MARK: cross-checks

  func dataset(directory: String) -> Dataset? {
    for use in sourceUses where sources[use.id] == nil {
      sink.error(
        use.location, "unknown source '\(use.id)'", ja: "知らない出典 '\(use.id)' です",
        hint: "sources are listed in plan.yaml: \(sources.keys.sorted().joined(separator: ", "))",
        jaHint: "出典は plan.yaml にあるもの: \(sources.keys.sorted().joined(separator: ", "))")
    }
    var ordered = snapshots.sorted { $0.snapshot.date < $1.snapshot.date }
    for index in ordered.indices {
      let date = ordered[index].snapshot.date
      var counts: [String: [String: Int]]?
      for (programme, _) in programmes {
        guard let status = programme.statuses[date] else { continue }
        counts = counts ?? [:]
        counts?[programme.areaID, default: [:]][status, default: 0] += 1
      }
      ordered[index].snapshot.recordCounts = counts
    }
    let defaults = ordered.indices.filter { ordered[$0].isDefault }
    if defaults.count > 1 {
      sink.error(
        ordered[defaults[1]].location, "more than one snapshot is marked default",
        ja: "default の印がついた時点が二つ以上あります")
    }
    for entry in ordered {
      reportCountMismatches(entry.snapshot, at: entry.location)
    }
    guard let plan, !sink.hasErrors else { return nil }
    return Dataset(
      directory: directory, plan: plan, areas: areas, statuses: statuses,
      snapshots: ordered.map(\.snapshot),
      defaultSnapshotIndex: defaults.first ?? max(0, ordered.count - 1),
      programmes: programmes.map(\.programme),
      comments: comments,
      committeeName: committeeName, categoryTable: categories, events: events, sources: sources,
      warnings: sink.items.filter { $0.severity == .warning }, savings: savings)
  }

  /// A stated total that disagrees with its fully known parts is a warning naming both numbers,
  /// at the row that states it.
  private func reportCountMismatches(
    _ snapshot: ProgressSnapshot, at snapshotLocation: SourceLocation
  ) {
    let rows = countLocations[snapshot.date] ?? [:]
    func found(_ diagnostic: Diagnostic) { sink.append([diagnostic.asWarning]) }
    func check(_ counts: StatusCounts, _ what: Subject, _ key: String) {
      let location = rows[key] ?? snapshotLocation
      let parts = statuses.map { counts.count($0.id) }
      guard let stated = counts.statedTotal, parts.allSatisfy({ $0 != nil }) else { return }
      let sum = parts.reduce(0) { $0 + ($1 ?? 0) }
      if sum != stated {
        found(
          Diagnostic(
            .warning, location,
            "\(snapshot.date.iso), \(what.english): the stated total is \(stated) but the counts add up to \(sum)",
            ja: "\(snapshot.date.iso)、\(what.japanese): 合計は \(stated) とありますが、件数を足すと \(sum) です"))
      }
    }
    for area in areas {
      if let counts = snapshot.byArea[area.id] {
        check(counts, Subject("area '\(area.id)'", ja: "分野 '\(area.id)'"), area.id)
      }
    }
    if let records = snapshot.recordCounts {
      for area in areas {
        let location = rows[area.id] ?? snapshotLocation
        let recorded = records[area.id] ?? [:]
        for status in statuses {
          if let stated = snapshot.byArea[area.id]?.count(status.id),
            stated != recorded[status.id, default: 0]
          {
            found(
              Diagnostic(
                .warning, location,
                "\(snapshot.date.iso), area '\(area.id)', status '\(status.id)': the snapshot states \(stated) but the programme records give \(recorded[status.id, default: 0])",
                ja:
                  "\(snapshot.date.iso)、分野 '\(area.id)'、状況 '\(status.id)': 時点の件数は \(stated) ですが、事業の記録では \(recorded[status.id, default: 0]) です",
                hint: "correct the count or the records", jaHint: "件数か記録を直してください"))
          }
        }
        let recordedTotal = recorded.values.reduce(0, +)
        if let stated = snapshot.byArea[area.id]?.statedTotal, stated != recordedTotal {
          found(
            Diagnostic(
              .warning, location,
              "\(snapshot.date.iso), area '\(area.id)': the snapshot states \(stated) programmes but the records give \(recordedTotal)",
              ja:
                "\(snapshot.date.iso)、分野 '\(area.id)': 時点の事業数は \(stated) ですが、記録では \(recordedTotal) です",
              hint: "correct the total or the records", jaHint: "合計か記録を直してください"))
        }
      }
    }
    check(snapshot.stated, .thePlan, "stated")
    let location = rows["stated"] ?? snapshotLocation
    for status in statuses {
      let parts = areas.map { snapshot.byArea[$0.id]?.count(status.id) ?? nil }
      // A plan without areas (the 1st plan's figures are plan-wide only) has nothing to add up.
      if let stated = snapshot.stated.count(status.id), !parts.isEmpty,
        parts.allSatisfy({ $0 != nil })
      {
        let sum = parts.reduce(0) { $0 + ($1 ?? 0) }
        if sum != stated {
          found(
            Diagnostic(
              .warning, location,
              "\(snapshot.date.iso), status '\(status.id)': the plan-wide figure is \(stated) but the areas add up to \(sum)",
              ja: "\(snapshot.date.iso)、状況 '\(status.id)': 計画全体の数は \(stated) ですが、分野を足すと \(sum) です"))
        }
      }
    }
  }
}
