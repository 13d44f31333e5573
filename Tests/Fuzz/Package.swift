// swift-tools-version: 6.0
// The libFuzzer targets: a package of its own so that the main package's `swift build` and
// `swift test` never see them. Build (from the repository root) with
//   swift build --package-path Tests/Fuzz --scratch-path .build/fuzz \
//     --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address
// or simply run Tests/Fuzz/run (see the README's Robustness section).
import Foundation
import PackageDescription

// A path dependency is named by its folder, which depends on where the repository is cloned.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL
let rootName = root.lastPathComponent

let package = Package(
  name: "shinchoku-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "ShinchokuFuzz",
      dependencies: [.product(name: "ShinchokuFuzzable", package: rootName)]
    )
  ],
  swiftLanguageModes: [.v6]
)
