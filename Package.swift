// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "shinchoku",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "shinchoku", targets: ["shinchoku"]),
    .executable(name: "shinchoku-bench", targets: ["shinchoku-bench"]),
    // For the fuzz package in Tests/Fuzz (its own Package.swift, built with the sanitizers).
    .library(
      name: "ShinchokuFuzzable",
      targets: [
        "TerminalText", "JapaneseCalendar", "ShinchokuCore", "ShinchokuViewModel",
        "ShinchokuRender",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // The only binding to ncurses; imported by CursesTerminal alone.
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    // Display width, sanitising, truncation and Japanese line breaking. No dependencies.
    .target(name: "TerminalText"),
    // Civil dates, eras, fiscal years and public holidays of Japan. No dependencies.
    .target(name: "JapaneseCalendar"),
    // The domain model and the loader of Data/ (file:line:column diagnostics).
    .target(
      name: "ShinchokuCore",
      dependencies: ["JapaneseCalendar", "TerminalText", .product(name: "Yams", package: "Yams")]
    ),
    // AppState, Action, reduce, and the view models every pane and slide reads.
    .target(
      name: "ShinchokuViewModel",
      dependencies: ["ShinchokuCore", "TerminalText", "JapaneseCalendar"]
    ),
    // Frame, widgets, layout and themes: render(state, theme, size) -> Frame.
    .target(
      name: "ShinchokuRender",
      dependencies: ["ShinchokuViewModel", "ShinchokuCore", "TerminalText"]
    ),
    // The curses backend: terminal setup and restore, input decoding, drawing a Frame.
    .target(
      name: "CursesTerminal",
      dependencies: ["ShinchokuRender", "ShinchokuViewModel", "CNcurses"]
    ),
    .executableTarget(
      name: "shinchoku",
      dependencies: [
        "ShinchokuCore", "ShinchokuViewModel", "ShinchokuRender", "CursesTerminal", "TerminalText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The benchmark (not a test): `swift run -c release shinchoku-bench`.
    .executableTarget(
      name: "shinchoku-bench",
      dependencies: ["shinchoku", "ShinchokuCore", "ShinchokuViewModel", "ShinchokuRender"]
    ),
    .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"]),
    .testTarget(name: "JapaneseCalendarTests", dependencies: ["JapaneseCalendar"]),
    .testTarget(name: "ShinchokuCoreTests", dependencies: ["ShinchokuCore"]),
    .testTarget(
      name: "ShinchokuViewModelTests",
      dependencies: ["ShinchokuViewModel", "ShinchokuCore"]
    ),
    .testTarget(
      name: "ShinchokuRenderTests",
      dependencies: ["ShinchokuRender", "ShinchokuViewModel", "ShinchokuCore", "TerminalText"],
      exclude: ["Snapshots"]
    ),
    // Drives the built `shinchoku` binary inside tmux and reads the screen back.
    .testTarget(name: "EndToEndTests", dependencies: ["shinchoku"]),
  ],
  swiftLanguageModes: [.v6]
)
