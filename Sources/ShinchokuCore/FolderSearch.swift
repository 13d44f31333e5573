import Foundation

/// Where the data and themes folders are when no option names them: the checkout's `./Data`
/// and `./Themes` first (so `swift run` works in it), then the XDG base directories, then, for
/// the themes, the prefix the executable is installed in (`PREFIX/bin/shinchoku` →
/// `PREFIX/share/shinchoku/themes`).
///
/// - data: `$SHINCHOKU_DATA`, `./Data`, `$XDG_DATA_HOME/shinchoku/data`;
/// - themes: `$SHINCHOKU_THEMES`, `./Themes`, `$XDG_DATA_HOME/shinchoku/themes`, each
///   `$XDG_DATA_DIRS` entry's `shinchoku/themes`, then the executable's prefix.
///
/// An environment variable of ours names the folder outright (used even when it is missing,
/// so that the error names it). Otherwise the first folder that exists wins; when none does,
/// the first candidate is used and its error lists every place looked in (`searched`).
/// `XDG_DATA_HOME` defaults to `~/.local/share` and `XDG_DATA_DIRS` to
/// `/usr/local/share:/usr/share`; relative paths in them are ignored, as the XDG spec says.
public struct FolderSearch: Sendable {
  public var environment: [String: String]
  /// The folder holding the running executable (symbolic links resolved), if known.
  public var executableDirectory: String?
  public var isDirectory: @Sendable (String) -> Bool

  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executableDirectory: String? = FolderSearch.runningExecutableDirectory(),
    isDirectory: @escaping @Sendable (String) -> Bool = FolderSearch.directoryExists
  ) {
    self.environment = environment
    self.executableDirectory = executableDirectory
    self.isDirectory = isDirectory
  }

  public enum Kind: Sendable {
    case data, themes

    var variable: String { self == .data ? "SHINCHOKU_DATA" : "SHINCHOKU_THEMES" }
    var local: String { self == .data ? "Data" : "Themes" }
    var subfolder: String { self == .data ? "shinchoku/data" : "shinchoku/themes" }
  }

  /// The folder named by `$SHINCHOKU_DATA` / `$SHINCHOKU_THEMES`, if set (and not empty).
  public func named(_ kind: Kind) -> String? {
    environment[kind.variable].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The places looked in, in order (the environment variable's folder alone when it is set).
  public func searched(_ kind: Kind) -> [String] {
    if let named = named(kind) { return [named] }
    var places = [kind.local]
    if let dataHome = dataHome { places.append(dataHome + "/" + kind.subfolder) }
    if kind == .themes {
      places += dataDirectories.map { $0 + "/" + kind.subfolder }
      if let executableDirectory {
        let prefix = (executableDirectory as NSString).deletingLastPathComponent
        places.append((prefix as NSString).appendingPathComponent("share/shinchoku/themes"))
      }
    }
    var seen = Set<String>()
    return places.filter { seen.insert($0).inserted }
  }

  /// The folder to use: the named one, else the first that exists, else the first place.
  public func folder(_ kind: Kind) -> String {
    let places = searched(kind)
    if named(kind) != nil { return places[0] }
    return places.first(where: isDirectory) ?? places[0]
  }

  var dataHome: String? {
    if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") { return value }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/share"
  }

  var dataDirectories: [String] {
    let value = environment["XDG_DATA_DIRS"] ?? ""
    let listed = value.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
    return listed.isEmpty ? ["/usr/local/share", "/usr/share"] : listed
  }

  @Sendable public static func directoryExists(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The running executable's folder, from `/proc/self/exe` (links resolved).
  public static func runningExecutableDirectory() -> String? {
    guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return nil }
    return (path as NSString).deletingLastPathComponent
  }
}
