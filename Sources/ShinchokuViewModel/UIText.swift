import JapaneseCalendar
import ShinchokuCore
import TerminalText

/// The UI's own words, in Japanese and English. Data text is shown as the data gives it.
public enum UIText {
  public static let area = LocalizedText("分野", english: "Area")
  public static let total = LocalizedText("計", english: "Total")
  public static let totals = LocalizedText("合計", english: "Total")
  public static let matrix = LocalizedText("進捗状況", english: "Progress")
  public static let comments = LocalizedText("委員会の意見", english: "Committee comments")
  public static let events = LocalizedText("催し", english: "Events")
  public static let undated = LocalizedText("日付未定", english: "Date not given")
  /// The events pane while events.csv is read at the start (followed by the share read).
  public static let loadingEvents = LocalizedText("催しを読み込み中", english: "Reading events")
  public static let inferred = LocalizedText("推定", english: "inferred")
  /// "— 出典に数値なし", with the unknown mark the screen draws (`?` with --ascii).
  public static func unknownLegend(_ glyphs: Glyphs, language: Language) -> String {
    glyphs.unknown + (language == .japanese ? " 出典に数値なし" : " not in the source")
  }
  public static let partialLegend = LocalizedText(
    "n+ 一部不明（分かっている分の合計）", english: "n+ partly unknown (sum of the known parts)")
  public static let noSnapshot = LocalizedText("進捗の時点なし", english: "no progress snapshot")
  public static let corrected = LocalizedText("※OCR訂正あり", english: "※OCR corrected")
  public static let free = LocalizedText("無料", english: "free")
  public static let feeUnknown = LocalizedText("料金不明", english: "fee not given")
  public static let help = LocalizedText("ヘルプ", english: "Help")
  public static let warnings = LocalizedText("読み込みの警告", english: "Load warnings")
  public static let noWarnings = LocalizedText("警告はありません", english: "no warnings")
  public static let noProgrammeRecords = LocalizedText(
    "この時点は件数のみで、プログラムごとの記録はありません",
    english: "this snapshot gives counts only, no record per programme")
  public static let noSections = LocalizedText(
    "この一覧のプログラムには所管課の記録がありません",
    english: "no programme of this list names its section")
  public static func noProgrammeWithID(_ typed: String, language: Language) -> String {
    let shown = sanitized(typed)
    return language == .japanese
      ? "番号「\(shown)」のプログラムはありません" : "no programme with the id '\(shown)'"
  }
  public static let openByIDPrompt = LocalizedText("番号で開く: ", english: "open programme: ")
  public static let sectionFilter = LocalizedText("所管課", english: "section")
  public static let onlyOnePlan = LocalizedText(
    "このデータの計画は一つだけです（plans.yaml がありません）",
    english: "this data holds one plan (there is no plans.yaml)")
  public static let allAreas = LocalizedText("全分野", english: "all areas")
  public static let allStatuses = LocalizedText("全状況", english: "all statuses")
  public static let fieldID = LocalizedText("番号", english: "ID")
  public static let fieldTitle = LocalizedText("名称", english: "Title")
  public static let fieldSection = LocalizedText("担当", english: "Section")
  public static let fieldStatus = LocalizedText("状況", english: "Status")
  public static let fieldSource = LocalizedText("出典", english: "Source")
  public static let fieldNotes = LocalizedText("備考", english: "Notes")
  public static let history = LocalizedText("各時点の状況", english: "Status by snapshot")
  /// The agenda's span, in the events pane's bottom edge: "一覧: 週" / "agenda: week".
  public static func agendaSpan(_ span: AgendaSpan) -> LocalizedText {
    let (ja, en) = spanWords(span)
    return LocalizedText("一覧: \(ja)", english: "agenda: \(en)")
  }
  /// In its place when the pane has no room for the agenda: the key that shows it.
  public static func agendaHidden(_ span: AgendaSpan) -> LocalizedText {
    let (ja, en) = spanWords(span)
    return LocalizedText("Enter で一覧（\(ja)）", english: "Enter: agenda (\(en))")
  }
  private static func spanWords(_ span: AgendaSpan) -> (String, String) {
    switch span {
    case .day: ("日", "day")
    case .week: ("週", "week")
    case .month: ("月", "month")
    }
  }
  public static let drillHint = LocalizedText("Enter 詳細  Esc 戻る", english: "Enter detail  Esc back")
  public static let detailHint = LocalizedText(
    "s 状況を変更  Esc 一覧へ戻る", english: "s change status  Esc back to the list")
  public static let split = LocalizedText("内訳", english: "Split")
  /// `[ ]` in the key bar.
  public static let snapshotKeys = LocalizedText("前後の時点", english: "snapshots")
  public static func changeSince(_ date: CivilDate, language: Language) -> String {
    language == .japanese ? "\(date.iso)からの増減" : "change since \(date.iso)"
  }
  public static func noMatch(_ query: String, language: Language) -> String {
    language == .japanese ? "「\(query)」は見つかりません" : "no match for \"\(query)\""
  }
  public static func matchCount(_ n: Int, language: Language) -> String {
    language == .japanese ? "\(n)件一致" : "\(n) matching"
  }
  public static func commentNumber(_ n: Int, language: Language) -> String {
    language == .japanese ? "意見\(n)" : "Comment \(n)"
  }
  public static let snapshotField = LocalizedText("報告時点", english: "Report")
  public static let meeting = LocalizedText("会議", english: "Meeting")
  /// "↑↓ スクロール  Esc 戻る", the keys named as the chrome names them.
  public static func readingHint(_ chrome: Chrome) -> String {
    chrome.upDownKeys
      + chrome.text(LocalizedText(" スクロール  Esc 戻る", english: " scroll  Esc back"))
  }
  public static func correctionLine(
    _ correction: Correction, language: Language, asciiOnly: Bool = false
  ) -> String {
    let note =
      correction.note.map { Chrome(language: language, asciiOnly: asciiOnly).dash + $0 } ?? ""
    return language == .japanese
      ? "訂正「\(correction.corrected)」 OCRの読み「\(correction.asRead)」\(note)"
      : "corrected \"\(correction.corrected)\", OCR read \"\(correction.asRead)\"\(note)"
  }
  public static func unreadableLine(_ text: String, language: Language) -> String {
    language == .japanese ? "判読できない部分「\(text)」（読みのまま）" : "unreadable \"\(text)\" (kept as read)"
  }
  public static func onlyArea(_ area: String, language: Language) -> String {
    language == .japanese ? "\(area)のみ" : "\(area) only"
  }
  public static let recordedChanges = LocalizedText(
    "記録された変更（changes.log）", english: "Recorded changes (changes.log)")
  /// When a change was recorded (the log keeps UTC), at local time: "2026-12-02 05:30"; the
  /// text as written when it is not an ISO 8601 time.
  public static func changeTime(_ when: String) -> String {
    WallTime(iso8601: when)?.inLocalTimeZone.localDateAndClock ?? when
  }
  public static func reloadFailed(_ error: String, language: Language) -> String {
    language == .japanese
      ? "データを読み込めません（前のデータを表示中）: \(error)"
      : "the data no longer loads (showing the last good data): \(error)"
  }
  public static func themeReloadFailed(_ error: String, language: Language) -> String {
    language == .japanese
      ? "テーマを読み込めません（前の配色のまま）: \(error)"
      : "the theme no longer loads (keeping the last good one): \(error)"
  }
  public static func keyUnavailable(_ key: String, language: Language) -> String {
    language == .japanese ? "ここでは \(key) キーは使えません" : "\(key) does nothing here"
  }
  public static let currentMark = LocalizedText("（現在）", english: "(now)")
  public static let statusUnchanged = LocalizedText("状況は変わりません", english: "the status is unchanged")
  public static func changeStatusTitle(_ programme: String, _ date: CivilDate, language: Language)
    -> String
  {
    language == .japanese
      ? "状況の変更: \(programme)（\(date.iso)）" : "Change status: \(programme) (\(date.iso))"
  }
  public static func confirmStatusChange(from: String, to: String, chrome: Chrome) -> String {
    let arrow = chrome.arrow
    return chrome.language == .japanese
      ? "\(from) \(arrow) \(to) に変更し、changes.log に記録しますか？  y はい  n いいえ"
      : "Change \(from) \(arrow) \(to) and record it in changes.log?  y yes  n no"
  }
  public static func statusEditHint(_ chrome: Chrome) -> String {
    chrome.upDownKeys
      + chrome.text(
        LocalizedText(" 選ぶ  Enter 決定  Esc やめる", english: " choose  Enter ok  Esc cancel"))
  }
  public static func statusChangedMeanwhile(_ status: String, language: Language) -> String {
    language == .japanese
      ? "状況が他の場所で変更されました（現在: \(status)）。もう一度選んでください"
      : "the status was changed elsewhere (now: \(status)); choose again"
  }
  public static func tornRecordSetAside(line: Int, language: Language) -> String {
    language == .japanese
      ? "（changes.log:\(line) 途切れた記録は適用せず保留）"
      : " (changes.log:\(line): an incomplete record was set aside)"
  }
  public static func recorded(_ change: String, language: Language) -> String {
    language == .japanese ? "記録しました: \(change)" : "recorded: \(change)"
  }
  public static let synthetic = LocalizedText("合成データ", english: "SYNTHETIC DATA")
  public static let noItems = LocalizedText("（なし）", english: "(none)")
  public static let today = LocalizedText("今日", english: "today")
  public static let noEvents = LocalizedText("催しはありません", english: "no events")
  public static let noNotes = LocalizedText("（メモなし）", english: "(no notes)")
  public static let dateInput = LocalizedText("日付へ: ", english: "go to: ")
  public static let searchInput = LocalizedText("検索: ", english: "search: ")
  public static let freeOnly = LocalizedText("無料あり", english: "free for some")
  public static let forChildren = LocalizedText("子ども向け", english: "for children")
  public static let forAdults = LocalizedText("大人向け", english: "for adults")
  public static let eventDetailHint = LocalizedText("Esc 戻る", english: "Esc back")
  public static let fieldDates = LocalizedText("日付", english: "Dates")
  public static let fieldTime = LocalizedText("時刻", english: "Time")
  public static let fieldSubtitle = LocalizedText("副題", english: "Subtitle")
  public static let fieldCategory = LocalizedText("分類", english: "Category")
  public static let fieldVenue = LocalizedText("会場", english: "Venue")
  public static let fieldAudience = LocalizedText("対象", english: "Audience")
  public static let fieldFees = LocalizedText("料金", english: "Fees")
  public static let fieldInferred = LocalizedText("推定した値", english: "Inferred")
  public static let fieldInferenceNote = LocalizedText("推定の根拠", english: "Why inferred")
  public static let fieldCorrections = LocalizedText("OCR訂正", english: "OCR corrections")

  public static func unreadableDate(_ text: String, language: Language) -> String {
    language == .japanese
      ? "日付として読めません: \(text)（例: 2012-08-01, 8/1, 平成24年8月1日）"
      : "not a date: \(text) (e.g. 2012-08-01, 8/1, 平成24年8月1日)"
  }

  /// "6 / 6件" / "6 / 6 events".
  public static func matching(_ n: Int, of total: Int, language: Language) -> String {
    language == .japanese ? "\(n) / \(total)件" : "\(n) / \(total) events"
  }

  public static func audience(_ audience: Audience, language: Language) -> String {
    switch (audience, language) {
    case (.children, .japanese): "子ども"
    case (.adults, .japanese): "大人"
    case (.families, .japanese): "親子"
    case (.everyone, .japanese): "どなたでも"
    case (.children, .english): "children"
    case (.adults, .english): "adults"
    case (.families, .english): "families"
    case (.everyone, .english): "everyone"
    }
  }

  /// "August 2012" for the English month header.
  public static func englishMonth(year: Int, month: Int) -> String {
    let names = [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ]
    return "\(names[(month - 1) % 12]) \(year)"
  }

  public static func tooSmall(
    needWidth: Int, needHeight: Int, width: Int, height: Int, language: Language,
    asciiOnly: Bool = false
  ) -> [String] {
    let x = Chrome(language: language, asciiOnly: asciiOnly).times
    switch language {
    case .japanese:
      return ["端末が小さすぎます", "必要: \(needWidth)\(x)\(needHeight)", "現在: \(width)\(x)\(height)"]
    case .english:
      return [
        "terminal too small", "needs \(needWidth)\(x)\(needHeight)", "now \(width)\(x)\(height)",
      ]
    }
  }

  public static func count(_ n: Int, language: Language) -> String {
    language == .japanese ? "\(n)件" : "\(n)"
  }

  public static func areaTag(number: Int, language: Language) -> String {
    language == .japanese ? "分野\(number)" : "area \(number)"
  }

  /// "2012-03-31（平成23年度末）" / "2012-03-31 (FY2011 year-end (Heisei 23))".
  public static func snapshotLabel(_ date: CivilDate, language: Language) -> String {
    switch language {
    case .japanese: "\(date.iso)（\(fiscalYearLabel(of: date))）"
    case .english: "\(date.iso), \(englishFiscalYearLabel(of: date))"
    }
  }

  /// "2012年7月21日(土)〜8月31日(金)" / "Sat 2012-07-21 to Fri 2012-08-31".
  public static func dateRange(
    _ start: CivilDate, _ end: CivilDate?, language: Language, asciiOnly: Bool = false
  ) -> String {
    switch language {
    case .japanese:
      func day(_ d: CivilDate, withYear: Bool) -> String {
        (withYear ? "\(d.year)年" : "") + "\(d.month)月\(d.day)日(\(d.weekday.japaneseName))"
      }
      guard let end, end != start else { return day(start, withYear: true) }
      return day(start, withYear: true) + Chrome(language: language, asciiOnly: asciiOnly).rangeMark
        + day(end, withYear: end.year != start.year)
    case .english:
      func day(_ d: CivilDate) -> String { "\(d.weekday.englishShortName) \(d.iso)" }
      guard let end, end != start else { return day(start) }
      return day(start) + " to " + day(end)
    }
  }

  /// "（推定）" / " (inferred)".
  public static func inferredNote(_ language: Language) -> String {
    language == .japanese ? "（推定）" : " (inferred)"
  }

  /// The second line of an agenda entry: venues, audience and fees.
  public static func eventDetail(_ event: CityEvent, language: Language, asciiOnly: Bool = false)
    -> String
  {
    let chrome = Chrome(language: language, asciiOnly: asciiOnly)
    var parts: [String] = []
    if !event.venues.isEmpty {
      let venues = event.venues.joined(separator: chrome.listSeparator)
      parts.append(event.isInferred("venue") ? venues + inferredNote(language) : venues)
    }
    if !event.fees.isEmpty {
      parts.append(feeSummary(event.fees, language: language, asciiOnly: asciiOnly))
    }
    return parts.joined(separator: chrome.separator)
  }

  /// "小・中学生 無料 · 同伴の保護者 観覧料が必要".
  /// "小・中学生 無料 · 一般 300円"; "300 yen" in English.
  /// With `notes`, a fee's note follows its amount ("300円（団体の注記…）"), as in a detail view.
  public static func feeSummary(
    _ fees: [Fee], language: Language, asciiOnly: Bool = false, notes: Bool = false
  ) -> String {
    let chrome = Chrome(language: language, asciiOnly: asciiOnly)
    return fees.map { fee in
      var amount: String
      if let yen = fee.yen {
        amount = yen == 0 ? free.text(language) : (language == .japanese ? "\(yen)円" : "\(yen) yen")
        if notes, let note = fee.note { amount += chrome.note(note) }
      } else {
        amount = fee.note ?? feeUnknown.text(language)
      }
      return fee.who.isEmpty ? amount : fee.who + " " + amount
    }.joined(separator: chrome.separator)
  }
}
