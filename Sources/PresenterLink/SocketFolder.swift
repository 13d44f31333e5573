#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#endif

/// Why the link between a projector and its presenter views cannot be made: in English and
/// in Japanese, as every message a person reads.
public struct LinkError: Error, Sendable, Equatable, CustomStringConvertible {
  public var english: String
  public var japanese: String

  public init(_ english: String, ja japanese: String) {
    self.english = english
    self.japanese = japanese
  }

  public var description: String { english }

  /// The message with the system's reason for `errno`.
  static func system(_ english: String, ja japanese: String, _ path: String) -> LinkError {
    let reason = String(cString: strerror(errno))
    return LinkError("\(english) \(path): \(reason)", ja: "\(japanese) \(path): \(reason)")
  }
}

/// Where the socket of a data folder lives: `$XDG_RUNTIME_DIR` (the user's own, 0700, by the
/// XDG rules), else a folder `/tmp/shinchoku-UID` made 0700 for the user. Either is checked:
/// a folder, not a link, owned by the user, open to nobody else. The socket's name comes from a
/// hash of the data folder's real path, so that two decks on one machine do not cross.
public enum SocketFolder {
  /// The socket for the data in `dataDirectory`.
  public static func socketPath(
    dataDirectory: String, environment: [String: String]
  ) throws(LinkError) -> String {
    let folder = try folder(environment: environment)
    let path = folder + "/shinchoku-" + hash(realPath(dataDirectory)) + ".sock"
    guard path.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else {
      throw LinkError(
        "the socket path \(path) is too long for a Unix socket; set XDG_RUNTIME_DIR to a shorter folder",
        ja: "ソケットのパス \(path) が長すぎます。XDG_RUNTIME_DIR を短いフォルダにしてください")
    }
    return path
  }

  /// The folder the sockets go in, checked (and made, under /tmp).
  public static func folder(environment: [String: String]) throws(LinkError) -> String {
    if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
      try check(runtime)
      return runtime
    }
    let folder = (environment["SHINCHOKU_SOCKET_TMPDIR"] ?? "/tmp") + "/shinchoku-\(getuid())"
    if mkdir(folder, 0o700) != 0, errno != EEXIST {
      throw LinkError.system(
        "cannot make the socket folder", ja: "ソケットのフォルダを作れません", folder)
    }
    try check(folder)
    return folder
  }

  /// A folder of the user's that nobody else can enter: else an error that says what is wrong.
  public static func check(_ folder: String) throws(LinkError) {
    var info = stat()
    guard lstat(folder, &info) == 0 else {
      throw LinkError.system(
        "cannot read the socket folder", ja: "ソケットのフォルダを読めません", folder)
    }
    guard info.st_mode & S_IFMT == S_IFDIR else {
      throw LinkError(
        "the socket folder \(folder) is not a folder (or is a symbolic link); remove it",
        ja: "ソケットのフォルダ \(folder) がフォルダではありません（またはリンクです）。削除してください")
    }
    guard info.st_uid == getuid() else {
      throw LinkError(
        "the socket folder \(folder) belongs to user \(info.st_uid), not to you (\(getuid()))",
        ja: "ソケットのフォルダ \(folder) は別のユーザー（\(info.st_uid)）のものです")
    }
    guard info.st_mode & 0o077 == 0 else {
      throw LinkError(
        "the socket folder \(folder) is open to other users (mode "
          + String(info.st_mode & 0o777, radix: 8) + "); make it 0700 (chmod 700 \(folder))",
        ja: "ソケットのフォルダ \(folder) が他のユーザーに開いています（モード "
          + String(info.st_mode & 0o777, radix: 8) + "）。chmod 700 \(folder) としてください")
    }
  }

  /// The real path (links resolved), or the path as given when it cannot be resolved.
  static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// FNV-1a, 64 bits, in hex: the same for a path in every run (Swift's `Hasher` is not).
  static func hash(_ text: String) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
