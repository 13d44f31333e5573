// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  // Linux only: the curses binding includes <ncursesw/curses.h> and links ncursesw (Debian's
  // layout), and the terminal code reads Glibc and /proc. No other platform is claimed.
  name: "shinchoku",
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
    // The only binding to ncurses; imported by CursesTerminal alone. The modulemap links
    // ncursesw. No `pkgConfig: "ncursesw"`: SwiftPM drops its flags (-D_DEFAULT_SOURCE
    // -D_XOPEN_SOURCE=600) with a "prohibited flag(s)" warning on every build, and its -l flags
    // are the modulemap's.
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    // Records the git commit for `shinchoku --version` (BuildCommit.swift, at build time).
    .plugin(name: "BuildCommit", capability: .buildTool()),
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
      dependencies: ["ShinchokuRender", "ShinchokuViewModel", "TerminalText", "CNcurses"]
    ),
    // The Unix socket between a projector and its presenter views (Glibc only).
    .target(name: "PresenterLink"),
    .executableTarget(
      name: "shinchoku",
      dependencies: [
        "ShinchokuCore", "ShinchokuViewModel", "ShinchokuRender", "CursesTerminal", "TerminalText",
        "PresenterLink",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["BuildCommit"]
    ),
    // The benchmark (not a test): `swift run -c release shinchoku-bench`.
    .executableTarget(
      name: "shinchoku-bench",
      dependencies: [
        "shinchoku", "ShinchokuCore", "ShinchokuViewModel", "ShinchokuRender",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
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
    .testTarget(name: "PresenterLinkTests", dependencies: ["PresenterLink"]),
    // Drives the built `shinchoku` binary inside tmux and reads the screen back.
    .testTarget(name: "EndToEndTests", dependencies: ["shinchoku"]),
  ],
  swiftLanguageModes: [.v6]
)
