import Foundation
import ShinchokuCore
import ShinchokuViewModel

/// The deck as a handout (`shinchoku export slides`): one self-contained HTML page (its CSS
/// inline, from the theme's colours; no external files), a section per slide with a page
/// break after each, the figures as text; or the same as Markdown for the minutes. Every
/// piece of data goes through the escaper.
public enum Handout {
  /// The page. `notes`: the speaker notes too.
  public static func html(
    _ slides: [HandoutSlide], title: String, language: Language, theme: Theme, notes: Bool,
    escaper: ExportEscaper
  ) -> String {
    let count = slides.count
    var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n"
    out += "<meta charset=\"utf-8\">\n"
    out += "<title>\(escaper.htmlText(title, record: "plan"))</title>\n"
    out += "<style>\n" + css(theme) + "</style>\n</head>\n<body>\n"
    for slide in slides {
      let record = "slide \(slide.number)"
      out += "<section class=\"slide\" id=\"slide-\(slide.number)\">\n"
      out +=
        "<p class=\"number r-muted\">"
        + escaper.htmlText(slideLabel(slide.number, of: count, language), record: record)
        + "</p>\n"
      out +=
        "<h2 class=\"r-slide-title\">" + escaper.htmlText(slide.text.title, record: record)
        + "</h2>\n"
      for line in slide.text.lines {
        out += "<p class=\"r-text\">" + escaper.htmlText(line, record: record) + "</p>\n"
      }
      if notes, let text = slide.notes {
        out +=
          "<aside class=\"notes\"><h3 class=\"r-heading\">"
          + UIText.notes.text(language) + "</h3>\n<p class=\"r-text\">"
          + escaper.htmlText(text, record: record) + "</p></aside>\n"
      }
      out += "</section>\n"
    }
    return out + "</body>\n</html>\n"
  }

  /// The same for the minutes, in Markdown.
  public static func markdown(
    _ slides: [HandoutSlide], title: String, language: Language, notes: Bool,
    escaper: ExportEscaper
  ) -> String {
    var out = "# " + escaper.text(title, record: "plan") + "\n"
    for slide in slides {
      let record = "slide \(slide.number)"
      out += "\n## \(slide.number). " + escaper.text(slide.text.title, record: record) + "\n\n"
      for line in slide.text.lines {
        out += escaper.text(line, record: record) + "\n\n"
      }
      if notes, let text = slide.notes {
        let quoted = escaper.text(text, record: record, keepingLineBreaks: true)
          .split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
          .joined(separator: "\n")
        out += "> **" + UIText.notes.text(language) + "**\n>\n" + quoted + "\n\n"
      }
    }
    return out
  }

  static func slideLabel(_ number: Int, of count: Int, _ language: Language) -> String {
    (language == .japanese ? "スライド " : "Slide ") + "\(number) / \(count)"
  }

  // MARK: Colours

  /// The page's CSS: the `text` role's colours for the page (white paper and black ink where
  /// the theme leaves them to the terminal), then a class per role. A role whose colour would
  /// be unreadable on the page (under a contrast of 3:1, e.g. a dark theme's bright white on
  /// white paper) takes the page's ink instead.
  static func css(_ theme: Theme) -> String {
    let text = theme.style(.text)
    let paper = rgb(text.background) ?? RGB(255, 255, 255)
    var ink = rgb(text.foreground) ?? RGB(0, 0, 0)
    if contrast(ink, paper) < 3 {
      ink = contrast(RGB(0, 0, 0), paper) >= 3 ? RGB(0, 0, 0) : RGB(255, 255, 255)
    }
    var css = """
      body { margin: 0; font-family: "Noto Sans CJK JP", "IPAexGothic", "IPAGothic", "Hiragino Sans", \
      "Yu Gothic", Meiryo, sans-serif; line-height: 1.6; color: \(hex(ink)); \
      background: \(hex(paper)); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      section.slide { padding: 2em 3em; break-after: page; page-break-after: always; \
      border-bottom: 1px solid \(hex(ink)); }
      section.slide:last-child { break-after: auto; page-break-after: auto; border-bottom: none; }
      h2 { font-size: 1.6em; margin: 0.2em 0 0.6em; }
      p { margin: 0.3em 0; white-space: pre-wrap; }
      p.number { font-size: 0.9em; }
      aside.notes { margin-top: 1.5em; padding: 0.5em 1em; border-left: 4px solid \(hex(ink)); }
      h3 { font-size: 1em; margin: 0; }
      @media print { section.slide { border-bottom: none; } }

      """
    for role in Role.allCases {
      let style = theme.style(role)
      var foreground = rgb(style.foreground) ?? ink
      var background = rgb(style.background)
      if style.attributes.contains(.reverse) {
        (foreground, background) = (background ?? paper, foreground)
      }
      if contrast(foreground, background ?? paper) < 3 { foreground = ink }
      var rule = "color: \(hex(foreground));"
      if let background, background != paper {
        // A role with a background of its own (a warning, a chip) keeps its pair, if readable.
        rule += contrast(foreground, background) >= 3 ? " background: \(hex(background));" : ""
      }
      if style.attributes.contains(.bold) { rule += " font-weight: bold;" }
      if style.attributes.contains(.underline) { rule += " text-decoration: underline;" }
      css += ".r-\(role.rawValue) { \(rule) }\n"
    }
    return css
  }

  static func rgb(_ color: TerminalColor) -> RGB? {
    switch color {
    case .terminalDefault: return nil
    case .rgb(let r, let g, let b): return RGB(Int(r), Int(g), Int(b))
    case .indexed(let index): return XtermPalette.rgb(of: index)
    }
  }

  static func hex(_ c: RGB) -> String {
    "#" + [c.r, c.g, c.b].map { v in (v < 16 ? "0" : "") + String(v, radix: 16) }.joined()
  }

  /// WCAG 2 contrast ratio of two colours (1 to 21).
  static func contrast(_ a: RGB, _ b: RGB) -> Double {
    func luminance(_ c: RGB) -> Double {
      func channel(_ v: Int) -> Double {
        let x = Double(v) / 255
        return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
      }
      return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    }
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
  }
}
