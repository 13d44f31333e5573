import Foundation
import ShinchokuCore

/// The semantic roles a theme gives colours and attributes to. Widgets ask for a role, never
/// for a colour.
public enum Role: String, CaseIterable, Sendable {
  case text
  case muted
  case border
  case borderFocused = "border-focused"
  case title
  case titleBar = "title-bar"
  case heading
  case selection
  case selectionInactive = "selection-inactive"
  case statusAhead = "status-ahead"
  case statusOnSchedule = "status-on-schedule"
  case statusBehind = "status-behind"
  case unknown
  case inferred
  case warning
  case statusBar = "status-bar"
  case keyHint = "key-hint"
  case overlay
  case overlayBorder = "overlay-border"
  case calendarSunday = "calendar-sunday"
  case calendarSaturday = "calendar-saturday"
  case calendarHoliday = "calendar-holiday"
  case calendarToday = "calendar-today"
  case filterChip = "filter-chip"
  case slideTitle = "slide-title"
  case bigFigure = "big-figure"
  case synthetic
  /// Text that matches the search.
  case match
  /// Something already wrong: the presenter view's countdown once the slot is over.
  case alert
}

/// Styles for every role.
public struct Theme: Sendable, Equatable {
  public var name: String
  /// One line saying what the theme is for (`description:` in the file).
  public var description: String
  public var styles: [Role: Style]

  public init(name: String, description: String = "", styles: [Role: Style]) {
    self.name = name
    self.description = description
    self.styles = styles
  }

  /// A role's style. Themes read from files give every role (the loader insists); a theme
  /// built in code that lacks one draws it plain.
  public func style(_ role: Role) -> Style { styles[role] ?? .plain }

  /// The same theme with every colour taken out: attributes only. What a terminal without
  /// colour would show of it.
  public var withoutColor: Theme {
    Theme(
      name: name, description: description,
      styles: styles.mapValues { Style(attributes: $0.attributes) })
  }

  /// Attributes only, readable anywhere: used when no theme file can be read, and for
  /// `NO_COLOR` or a terminal without colour when `Themes/monochrome.yaml` is missing. Meaning
  /// that other themes give by colour is given here by bold, underline, dim and reverse
  /// (status is also told by its symbol everywhere). `Themes/monochrome.yaml` says the same.
  public static let builtIn = Theme(
    name: "built-in",
    description: "attributes only",
    styles: [
      .text: Style(),
      .muted: Style(attributes: [.dim]),
      .border: Style(),
      .borderFocused: Style(attributes: [.bold]),
      .title: Style(attributes: [.bold]),
      .titleBar: Style(attributes: [.reverse]),
      .heading: Style(attributes: [.bold]),
      .selection: Style(attributes: [.reverse]),
      .selectionInactive: Style(attributes: [.underline]),
      .statusAhead: Style(attributes: [.bold]),
      .statusOnSchedule: Style(),
      .statusBehind: Style(attributes: [.bold, .underline]),
      .unknown: Style(attributes: [.dim]),
      .inferred: Style(attributes: [.underline]),
      .warning: Style(attributes: [.bold, .reverse]),
      .statusBar: Style(attributes: [.reverse]),
      .keyHint: Style(attributes: [.bold]),
      .overlay: Style(),
      .overlayBorder: Style(attributes: [.bold]),
      .calendarSunday: Style(attributes: [.bold]),
      .calendarSaturday: Style(attributes: [.underline]),
      .calendarHoliday: Style(attributes: [.bold, .underline]),
      .calendarToday: Style(attributes: [.reverse]),
      .filterChip: Style(attributes: [.reverse]),
      .slideTitle: Style(attributes: [.bold]),
      .bigFigure: Style(attributes: [.bold]),
      .synthetic: Style(attributes: [.bold, .reverse]),
      .match: Style(attributes: [.reverse, .underline]),
      .alert: Style(attributes: [.bold, .reverse, .underline]),
    ])
}

/// Reads theme files: `roles:` mapping role names to `{ fg, bg, attrs }`, and `extends:` naming
/// another theme in the same folder whose roles it overrides.
///
/// A theme must give every `Role`, itself or through `extends`: a missing role is an error
/// naming the file and the roles, so a theme never draws something plain by accident (a new
/// role added to the code shows up at once as an error in every theme that lacks it).
public struct ThemeLoader: Sendable {
  public var directory: String

  /// The most themes one `extends` chain may hold (the theme asked for included): a longer one
  /// is an error, not read further.
  public static let maxChainLength = 16

  public init(directory: String) { self.directory = directory }

  /// The theme names in the folder (file names without `.yaml`), sorted.
  public func availableThemes() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Loads a theme by name (from the folder) or by path (containing "/" or ending in .yaml).
  /// On any error, returns the built-in theme and the diagnostics.
  public func load(_ nameOrPath: String) -> (theme: Theme, diagnostics: [Diagnostic]) {
    let sink = DiagnosticSink()
    var chain: [String] = []
    var top = TopLevel()
    let styles = loadStyles(nameOrPath, sink: sink, chain: &chain, top: &top)
    if let styles, !sink.hasErrors {
      let missing = Role.allCases.filter { styles[$0] == nil }.map(\.rawValue)
      if !missing.isEmpty {
        sink.error(
          top.rolesLocation ?? SourceLocation(file: path(for: nameOrPath)),
          "the theme does not give the role\(missing.count == 1 ? "" : "s") "
            + missing.joined(separator: ", "),
          ja: "テーマに役割 \(missing.joined(separator: ", ")) がありません",
          hint: "give every role, or start with 'extends: default'",
          jaHint: "すべての役割を書くか、'extends: default' から始めてください")
      }
    }
    guard let styles, !sink.hasErrors else {
      return (.builtIn, sink.items)
    }
    let name = (nameOrPath as NSString).lastPathComponent.replacingOccurrences(
      of: ".yaml", with: "")
    return (Theme(name: name, description: top.description ?? "", styles: styles), sink.items)
  }

  /// What the loader keeps from the file asked for (not from the themes it extends).
  private struct TopLevel {
    var rolesLocation: SourceLocation?
    var description: String?
  }

  private func path(for nameOrPath: String) -> String {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") { return nameOrPath }
    return (directory as NSString).appendingPathComponent(nameOrPath + ".yaml")
  }

  private func loadStyles(
    _ nameOrPath: String, sink: DiagnosticSink, chain: inout [String], top topLevel: inout TopLevel
  ) -> [Role: Style]? {
    let isTop = chain.isEmpty
    let file = path(for: nameOrPath)
    if chain.contains(file) {
      sink.error(
        SourceLocation(file: file),
        "themes extend each other in a circle: \((chain + [file]).joined(separator: " → "))",
        ja: "テーマの extends が輪になっています: \((chain + [file]).joined(separator: " → "))")
      return nil
    }
    if chain.count >= Self.maxChainLength {
      sink.error(
        SourceLocation(file: chain.last ?? file),
        "the extends chain is longer than \(Self.maxChainLength) themes; \(file) is not read",
        ja: "extends のつながりが \(Self.maxChainLength) テーマより長いので、\(file) は読みません",
        hint: "extend a theme that extends nothing (default) instead",
        jaHint: "何も extends しないテーマ（default）を extends してください")
      return nil
    }
    chain.append(file)
    guard FileManager.default.fileExists(atPath: file) else {
      sink.error(
        SourceLocation(file: file), "no such theme", ja: "そのテーマはありません",
        hint: "themes here: \(availableThemes().joined(separator: ", "))",
        jaHint: "ここにあるテーマ: \(availableThemes().joined(separator: ", "))")
      return nil
    }
    guard
      let text = readTextFile(
        URL(fileURLWithPath: file), displayName: file, sizeLimit: 1 << 20, sink: sink),
      let root = parseYAML(text, file: file, sink: sink),
      let top = root.mapping(Subject("a theme", ja: "テーマ"))
    else { return nil }
    top.rejectUnknownKeys(["name", "description", "extends", "roles"])
    var styles: [Role: Style] = [:]
    if let node = top["extends"], let parent = node.string("extends") {
      // A theme of this folder, by its name: a path could make any file on the machine read
      // and quoted in the warnings.
      guard !parent.isEmpty, !parent.contains("/"), parent != ".", parent != "..",
        !parent.hasSuffix(".yaml")
      else {
        sink.error(
          node.location, "extends must name a theme of the themes folder, not a path",
          ja: "extends にはパスではなく、テーマのフォルダにあるテーマの名前を書きます",
          hint: "write its name without .yaml, e.g. extends: default",
          jaHint: "extends: default のように .yaml を付けずに書きます")
        return nil
      }
      var ignored = TopLevel()
      guard let inherited = loadStyles(parent, sink: sink, chain: &chain, top: &ignored) else {
        return nil
      }
      styles = inherited
    }
    if isTop {
      topLevel.description = top["description"]?.string("description")
      topLevel.rolesLocation = top.entries.first { $0.key == "roles" }?.keyNode.location
    }
    guard let roles = top.required("roles")?.mapping("roles") else { return nil }
    for entry in roles.entries {
      guard let role = Role(rawValue: entry.key) else {
        let near = closestMatch(entry.key, in: Role.allCases.map(\.rawValue))
        sink.error(
          entry.keyNode.location, "unknown role '\(entry.key)'", ja: "知らない役割 '\(entry.key)' です",
          hint: near.map { "did you mean '\($0)'?" } ?? "see the roles in Themes/default.yaml",
          jaHint: near.map { "'\($0)' のことですか？" } ?? "役割は Themes/default.yaml にあります")
        continue
      }
      if let style = parseStyle(entry.value, role: entry.key, sink: sink) { styles[role] = style }
    }
    return styles
  }

  private func parseStyle(_ node: YAMLNode, role: String, sink: DiagnosticSink) -> Style? {
    guard let m = node.mapping(Subject("role '\(role)'", ja: "役割 '\(role)'")) else { return nil }
    m.rejectUnknownKeys(["fg", "bg", "attrs"])
    var style = Style()
    if let fg = m["fg"] {
      guard let color = parseColor(fg, role: role, sink: sink) else { return nil }
      style.foreground = color
    }
    if let bg = m["bg"] {
      guard let color = parseColor(bg, role: role, sink: sink) else { return nil }
      style.background = color
    }
    // Each attribute keeps its own node, so an error points at the word itself.
    for attrNode in m["attrs"]?.items("attrs") ?? [] {
      guard let attr = attrNode.string(Subject("an attribute", ja: "属性")) else { return nil }
      switch attr {
      case "bold": style.attributes.insert(.bold)
      case "dim": style.attributes.insert(.dim)
      case "underline": style.attributes.insert(.underline)
      case "reverse": style.attributes.insert(.reverse)
      default:
        let near = closestMatch(attr, in: ["bold", "dim", "underline", "reverse"])
        sink.error(
          attrNode.location, "unknown attribute '\(attr)' in role '\(role)'",
          ja: "役割 '\(role)' に知らない属性 '\(attr)' があります",
          hint: (near.map { "did you mean '\($0)'? " } ?? "") + "use bold, dim, underline, reverse",
          jaHint: (near.map { "'\($0)' のことですか？ " } ?? "") + "bold、dim、underline、reverse が使えます")
        return nil
      }
    }
    return style
  }

  static let colorNames: [String: UInt8] = [
    "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
    "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10,
    "bright-yellow": 11,
    "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
  ]

  private func parseColor(_ node: YAMLNode, role: String, sink: DiagnosticSink) -> TerminalColor? {
    guard let text = node.string(Subject("the colour in role '\(role)'", ja: "役割 '\(role)' の色"))
    else { return nil }
    if text == "default" { return .terminalDefault }
    if let index = ThemeLoader.colorNames[text] { return .indexed(index) }
    if let n = Int(text), (0...255).contains(n) { return .indexed(UInt8(n)) }
    if text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) {
      return .rgb(UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
    }
    sink.error(
      node.location, "bad colour '\(text)' in role '\(role)'",
      ja: "役割 '\(role)' の色 '\(text)' が読めません",
      hint: "use a name (red, bright-blue, …), 0–255, #rrggbb or default",
      jaHint: "名前（red、bright-blue など）、0〜255、#rrggbb、default のどれかです")
    return nil
  }
}
