import Foundation
import ShinchokuCore

/// The committee's comments with their numbers, areas and meeting: JSON for other programs,
/// Markdown for meeting minutes, plain text.
public enum CommentsExport {
  public static func text(
    _ dataset: Dataset, format: ExportFormat, language: Language,
    escaper: ExportEscaper = ExportEscaper()
  ) -> String? {
    switch format {
    case .json: json(dataset)
    case .md: markdown(dataset, language: language, escaper)
    case .txt: plain(dataset, language: language, escaper)
    case .csv, .ics, .html: nil
    }
  }

  static func json(_ dataset: Dataset) -> String {
    let comments: [[String: Any]] = dataset.comments.map { comment in
      [
        "id": comment.id, "number": comment.number, "text": comment.text,
        "areas": comment.areaIDs.map { id -> [String: Any] in
          let area = dataset.area(id)
          return [
            "id": id, "number": area?.number ?? NSNull(), "name": area?.name.japanese ?? NSNull(),
          ]
        },
        "snapshot": comment.snapshotDate?.iso ?? NSNull(), "meeting": comment.meeting ?? NSNull(),
        "source": dataset.sources[comment.source]?.title ?? comment.source,
        "corrections": comment.corrections.map {
          ["read": $0.asRead, "corrected": $0.corrected, "note": $0.note ?? NSNull()]
            as [String: Any]
        },
        "unreadable": comment.unreadable,
      ]
    }
    let object: [String: Any] = [
      "committee": dataset.committeeName ?? NSNull(), "plan": dataset.plan.title.japanese,
      "synthetic": dataset.plan.isSynthetic, "comments": comments,
    ]
    return jsonText(object)
  }

  static func context(_ comment: CommitteeComment, _ dataset: Dataset, language: Language) -> String
  {
    var parts: [String] = []
    let areas = comment.areaIDs.compactMap { dataset.area($0) }
    if !areas.isEmpty {
      parts.append(
        areas.map {
          UIText.areaTag(number: $0.number, language: language) + " " + $0.name.text(language)
        }
        .joined(separator: "、"))
    }
    if let date = comment.snapshotDate {
      parts.append(UIText.snapshotLabel(date, language: language))
    }
    if let meeting = comment.meeting { parts.append(meeting) }
    return parts.joined(separator: " / ")
  }

  static func markdown(_ dataset: Dataset, language: Language, _ escaper: ExportEscaper)
    -> String
  {
    var lines = [
      "### "
        + escaper.text(
          dataset.committeeName ?? UIText.comments.text(language), record: "the committee's name")
        + " — " + UIText.comments.text(language)
    ]
    if dataset.plan.isSynthetic { lines += ["", "_" + UIText.synthetic.text(language) + "_"] }
    lines.append("")
    for comment in dataset.comments {
      func safe(_ text: String) -> String {
        escaper.text(text, record: "comment \(comment.number)")
      }
      lines.append("\(comment.number). \(safe(comment.text))")
      let context = context(comment, dataset, language: language)
      if !context.isEmpty { lines.append("   - " + safe(context)) }
      for correction in comment.corrections {
        lines.append("   - " + safe(UIText.correctionLine(correction, language: language)))
      }
      for part in comment.unreadable {
        lines.append("   - " + safe(UIText.unreadableLine(part, language: language)))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func plain(_ dataset: Dataset, language: Language, _ escaper: ExportEscaper) -> String {
    var lines: [String] = []
    if dataset.plan.isSynthetic { lines.append(UIText.synthetic.text(language)) }
    for comment in dataset.comments {
      let record = "comment \(comment.number)"
      lines.append(
        "\(comment.number). \(escaper.text(comment.text, record: record, keepingLineBreaks: true))")
      let context = context(comment, dataset, language: language)
      if !context.isEmpty { lines.append("   (" + escaper.text(context, record: record) + ")") }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }
}
