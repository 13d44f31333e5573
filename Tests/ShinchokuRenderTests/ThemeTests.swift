import Foundation
import ShinchokuCore
import ShinchokuRender
import ShinchokuViewModel
import Testing

let shippedThemes = ["colorblind", "default", "high-contrast", "light", "monochrome", "projector"]

/// Writes theme files into a scratch folder and returns its path.
func themeFolder(_ files: [String: String]) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "shinchoku-themes-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  for (name, text) in files {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }
  return folder.path
}

@Suite struct ShippedThemeTests {
  let loader = ThemeLoader(directory: bundledThemes)

  @Test func theShippedThemesAreThere() {
    #expect(loader.availableThemes() == shippedThemes)
  }

  @Test(arguments: shippedThemes)
  func loadsWithoutDiagnosticsAndGivesEveryRole(name: String) {
    let (theme, diagnostics) = loader.load(name)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
    #expect(theme.name == name)
    #expect(!theme.description.isEmpty)
    let missing = Role.allCases.filter { theme.styles[$0] == nil }
    #expect(missing.isEmpty, "\(name) lacks \(missing)")
  }

  @Test func monochromeIsAttributesOnlyAndTheBuiltInTheme() {
    let theme = loader.load("monochrome").theme
    for role in Role.allCases {
      #expect(theme.style(role).foreground == .terminalDefault, "\(role)")
      #expect(theme.style(role).background == .terminalDefault, "\(role)")
      #expect(theme.style(role) == Theme.builtIn.style(role), "\(role) differs from the built-in")
    }
  }

  /// Without colour, the things colour tells in other themes must still differ.
  @Test(arguments: ["monochrome", "built-in"])
  func meaningSurvivesWithoutColour(name: String) {
    let theme = name == "built-in" ? Theme.builtIn : loader.load(name).theme
    func differ(_ a: Role, _ b: Role) {
      #expect(theme.style(a) != theme.style(b), "\(a) and \(b) look the same in \(name)")
    }
    differ(.selection, .text)
    differ(.selectionInactive, .text)
    differ(.selection, .selectionInactive)
    differ(.borderFocused, .border)
    differ(.statusAhead, .statusOnSchedule)
    differ(.statusBehind, .statusOnSchedule)
    differ(.statusAhead, .statusBehind)
    differ(.calendarHoliday, .text)
    differ(.calendarSunday, .text)
    differ(.calendarSaturday, .text)
    differ(.calendarToday, .text)
    differ(.unknown, .text)
    differ(.inferred, .text)
    differ(.warning, .text)
  }

  @Test func projectorHasNoDimAndNoGreyText() {
    let theme = loader.load("projector").theme
    let greys: Set<UInt8> = Set([7, 8] + Array(232...255))
    for role in Role.allCases {
      let style = theme.style(role)
      #expect(!style.attributes.contains(.dim), "\(role) is dim")
      if case .indexed(let i) = style.foreground { #expect(!greys.contains(i), "\(role) is grey") }
      #expect(style.background != .terminalDefault, "\(role) leaves the background to the terminal")
    }
  }

  @Test func highContrastSetsEveryBackground() {
    let theme = loader.load("high-contrast").theme
    for role in Role.allCases {
      #expect(theme.style(role).background != .terminalDefault, "\(role)")
      #expect(!theme.style(role).attributes.contains(.dim), "\(role) is dim")
    }
  }
}

@Suite struct ThemeLoaderErrorTests {
  func load(_ text: String, name: String = "t") throws -> (Theme, [Diagnostic], String) {
    let folder = try themeFolder([
      "\(name).yaml": text,
      "default.yaml": try String(
        contentsOfFile: bundledThemes + "/default.yaml", encoding: .utf8),
    ])
    let (theme, diagnostics) = ThemeLoader(directory: folder).load(name)
    return (theme, diagnostics, folder + "/\(name).yaml")
  }

  @Test func unknownRole() throws {
    let (theme, diagnostics, file) = try load(
      """
      name: t
      extends: default
      roles:
        text: { fg: red }
        selecton: { fg: blue }
      """)
    #expect(theme.name == Theme.builtIn.name)
    #expect(
      diagnostics.map(\.description) == [
        "\(file):5:3: error: unknown role 'selecton' (did you mean 'selection'?)"
      ])
  }

  @Test func badColour() throws {
    let (_, diagnostics, file) = try load(
      """
      extends: default
      roles:
        muted:   { fg: 245 }
        border:  { fg: "#12345", bg: black }
        heading: { fg: 256 }
      """)
    #expect(
      diagnostics.map(\.description) == [
        "\(file):4:18: error: bad colour '#12345' in role 'border' (use a name (red, bright-blue, …), 0–255, #rrggbb or default)",
        "\(file):5:18: error: bad colour '256' in role 'heading' (use a name (red, bright-blue, …), 0–255, #rrggbb or default)",
      ])
  }

  @Test func aColourThatIsNotTextNamesTheRole() throws {
    let (_, diagnostics, file) = try load(
      """
      extends: default
      roles:
        text: { fg: [1, 2] }
      """)
    #expect(
      diagnostics.map(\.description) == [
        "\(file):3:15: error: the colour in role 'text' must be text"
      ])
  }

  @Test func badAttribute() throws {
    let (_, diagnostics, file) = try load(
      """
      extends: default
      roles:
        title: { fg: red, attrs: [bold, blink] }
        heading:
          attrs:
            - underline
            - bodl
      """)
    #expect(
      diagnostics.map(\.description) == [
        "\(file):3:35: error: unknown attribute 'blink' in role 'title' (use bold, dim, underline, reverse)",
        "\(file):7:9: error: unknown attribute 'bodl' in role 'heading' (did you mean 'bold'? use bold, dim, underline, reverse)",
      ])
  }

  @Test func missingRolesAreAnErrorNamingThem() throws {
    let (theme, diagnostics, file) = try load(
      """
      name: t
      roles:
        text: { fg: red }
      """)
    #expect(theme.name == Theme.builtIn.name)
    let missing = Role.allCases.filter { $0 != .text }.map(\.rawValue).joined(separator: ", ")
    #expect(
      diagnostics.map(\.description) == [
        "\(file):2:1: error: the theme does not give the roles \(missing) (give every role, or start with 'extends: default')"
      ])
  }

  @Test func extendingGivesTheMissingRoles() throws {
    let (theme, diagnostics, _) = try load(
      """
      extends: default
      roles:
        text: { fg: red }
      """)
    #expect(diagnostics.isEmpty)
    #expect(theme.style(.text).foreground == .indexed(1))
    #expect(
      theme.style(.selection)
        == ThemeLoader(directory: bundledThemes).load("default").theme.style(.selection))
  }

  @Test func unknownKeyIsAWarningWithItsPosition() throws {
    let (theme, diagnostics, file) = try load(
      """
      extends: default
      roles:
        text: { fg: red, bold: true }
      """)
    #expect(theme.name == "t")
    #expect(
      diagnostics.map(\.description) == [
        "\(file):3:20: warning: unknown key 'bold' in role 'text' is ignored (known keys: attrs, bg, fg)"
      ])
  }
}

@Suite struct ThemeSwitchRenderTests {
  let loader = ThemeLoader(directory: bundledThemes)

  @Test func theHelpTitleNamesTheThemeInUse() throws {
    var state = try seedState(width: 100, height: 30, language: .english)
    state.themeNames = shippedThemes
    state.themeIndex = 2
    reduce(&state, .toggleHelp)
    let frame = render(state, theme: loader.load("high-contrast").theme)
    #expect(frame.text.contains(" Help · theme: high-contrast "))
  }

  /// Rendering is a pure function of state and theme: the same state in two themes differs
  /// only in styles, never in text.
  @Test func anotherThemeChangesStylesNotText() throws {
    var state = try seedState(width: 100, height: 30)
    state.themeNames = shippedThemes
    let first = render(state, theme: loader.load("default").theme)
    reduce(&state, .nextTheme)
    reduce(&state, .back)  // clears the notice, so only the theme differs
    for name in shippedThemes where name != "default" {
      let other = render(state, theme: loader.load(name).theme)
      #expect(other.text == first.text, "\(name)")
      let differs = (0..<first.height).contains { y in
        (0..<first.width).contains { x in first[x, y].style != other[x, y].style }
      }
      #expect(differs, "\(name) looks like default")
    }
  }
}

/// What a terminal of a depth actually shows of a style: mapped colours and attributes.
func shown(_ style: Style, depth: ColorDepth) -> String {
  sgrSequence(style, depth: depth)
}

@Suite struct ThemeDepthTests {
  /// Whatever the terminal's depth, the things a theme tells apart stay apart after colours are
  /// mapped down (at 8 colours #5fafff and #e5e5e5 are both white, so themes lean on attributes).
  @Test(arguments: shippedThemes)
  func meaningSurvivesEveryDepth(name: String) {
    let theme = ThemeLoader(directory: bundledThemes).load(name).theme
    let pairs: [(Role, Role)] = [
      (.statusAhead, .statusOnSchedule), (.statusAhead, .statusBehind),
      (.statusOnSchedule, .statusBehind), (.selection, .text), (.selection, .selectionInactive),
      (.borderFocused, .border), (.calendarHoliday, .text), (.calendarSunday, .calendarSaturday),
    ]
    // At no colour at all the dashboard draws with monochrome instead (tested above).
    let depths: [ColorDepth] =
      name == "monochrome" ? [.none, .eight] : [.eight, .sixteen, .indexed256, .trueColor]
    for depth in depths {
      for (a, b) in pairs {
        #expect(
          shown(theme.style(a), depth: depth) != shown(theme.style(b), depth: depth),
          "\(name) at \(depth): \(a) and \(b) look the same")
      }
    }
  }
}

/// `extends` names a theme of the folder, and a chain is bounded.
@Suite struct ThemeExtendsBoundsTests {
  func folder(_ files: [String: String]) throws -> String {
    let folder = NSTemporaryDirectory() + "shinchoku-themes-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    return folder
  }

  @Test(arguments: ["/etc/passwd", "../../../../etc/passwd", "..", "sub/theme", "default.yaml"])
  func extendsAPathIsAnErrorThatReadsNothing(_ target: String) throws {
    let secret = "root:SECRET-LINE:0:0"
    let parent = try folder(["x.yaml": "extends: \(target)\nroles: {}\n"])
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let (theme, diagnostics) = ThemeLoader(directory: parent).load("x")
    #expect(theme.name == Theme.builtIn.name)
    #expect(
      diagnostics.map(\.message) == ["extends must name a theme of the themes folder, not a path"])
    #expect(
      !diagnostics.contains { $0.description.contains(secret) || $0.description.contains("root") })
  }

  /// However long a chain is, at most `maxChainLength` files are read: the themes past the
  /// limit (broken on purpose) are never opened, and one inside it is.
  @Test func aLongChainStopsAtTheLimit() throws {
    var files: [String: String] = [:]
    for n in 0..<40 {
      files["t\(n).yaml"] =
        n < ThemeLoader.maxChainLength ? "extends: t\(n + 1)\nroles: {}\n" : ": broken"
    }
    let parent = try folder(files)
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let (_, diagnostics) = ThemeLoader(directory: parent).load("t0")
    #expect(diagnostics.count == 1)
    #expect(
      diagnostics.first?.message.contains("longer than \(ThemeLoader.maxChainLength) themes")
        == true)
    // From t1 the chain's 16th theme is the broken t16: read, so its error is reported.
    let (_, shorter) = ThemeLoader(directory: parent).load("t1")
    #expect(!shorter.contains { $0.message.contains("longer than") })
    #expect(shorter.contains { $0.location.file.hasSuffix("t16.yaml") })
  }
}
