import Foundation
import ShinchokuCore
import Testing

@Suite struct UserConfigTests {
  func write(_ text: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "shinchoku-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("config.yaml").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func pathFollowsXDGThenHome() {
    #expect(
      UserConfig.path(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/a"])
        == "/x/cfg/shinchoku/config.yaml")
    #expect(
      UserConfig.path(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/a"])
        == "/home/a/.config/shinchoku/config.yaml")
    #expect(
      UserConfig.path(environment: ["HOME": "/home/a"]) == "/home/a/.config/shinchoku/config.yaml")
    #expect(UserConfig.path(environment: [:]) == nil)
  }

  @Test func aMissingFileIsNoConfig() {
    let (config, warnings) = UserConfig.load(path: "/nonexistent/shinchoku/config.yaml")
    #expect(config == UserConfig())
    #expect(warnings.isEmpty)
  }

  @Test func readsThemeLangAscii() throws {
    let path = try write("theme: colorblind\nlang: en\nascii: true\n")
    let (config, warnings) = UserConfig.load(path: path)
    #expect(config == UserConfig(theme: "colorblind", lang: "en", ascii: true))
    #expect(warnings.isEmpty)
  }

  @Test func anEmptyFileIsNoConfig() throws {
    let (config, warnings) = UserConfig.load(path: try write("# nothing yet\n"))
    #expect(config == UserConfig())
    #expect(warnings.isEmpty)
  }

  @Test func mistakesAreWarningsAndTheRestIsKept() throws {
    let path = try write("theme: light\nlang: fr\nascii: maybe\ncolour: red\n")
    let (config, warnings) = UserConfig.load(path: path)
    #expect(config == UserConfig(theme: "light"))
    #expect(
      warnings.map(\.description) == [
        "\(path):4:1: warning: unknown key 'colour' in the config file is ignored (known keys: ascii, cursor, lang, theme)",
        "\(path):2:7: warning: lang must be ja or en, not 'fr'",
        "\(path):3:8: warning: ascii must be true or false, not 'maybe'",
      ])
  }

  @Test func brokenYAMLIsAWarning() throws {
    let path = try write("theme: [light\n")
    let (config, warnings) = UserConfig.load(path: path)
    #expect(config == UserConfig())
    #expect(warnings.count == 1)
    #expect(warnings.allSatisfy { $0.severity == .warning && $0.location.file == path })
  }
}
