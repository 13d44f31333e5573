import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How every data and theme file is opened and read, so that what is not a regular file (a
/// FIFO, `/dev/zero`, a folder, a socket) or a symbolic link that leads nowhere is refused with
/// a message that says so, and nothing can block or grow without bound:
///
/// - the file is opened with `O_NONBLOCK` (opening a FIFO with no writer, or some devices,
///   would otherwise wait forever), then `fstat` looks at what was opened (not at the path,
///   which may have changed since) and anything but a regular file is refused;
/// - the size limit holds for the bytes actually read, not for the size `stat` reports (a file
///   that grows while it is read stops at the limit).
public enum DataFile {
  /// What a file type is called in a message.
  static func kind(_ mode: mode_t) -> Subject {
    switch mode & S_IFMT {
    case S_IFIFO: Subject("a named pipe (FIFO)", ja: "名前付きパイプ（FIFO）")
    case S_IFCHR: Subject("a character device", ja: "キャラクタデバイス")
    case S_IFBLK: Subject("a block device", ja: "ブロックデバイス")
    case S_IFDIR: Subject("a folder", ja: "フォルダ")
    case S_IFSOCK: Subject("a socket", ja: "ソケット")
    default: Subject("not a regular file", ja: "通常のファイル以外のもの")
    }
  }

  /// Whether there is a file at `path`. A symbolic link that leads nowhere (its target is
  /// missing, or the links loop) is reported as an error, never silently taken for a missing
  /// file, and then counts as missing (there is nothing to read).
  public static func exists(_ path: String, displayName: String, sink: DiagnosticSink) -> Bool {
    var link = stat()
    guard lstat(path, &link) == 0 else { return false }
    var target = stat()
    if stat(path, &target) == 0 { return true }
    let reason = errno
    let location = SourceLocation(file: displayName)
    if reason == ELOOP {
      sink.error(
        location, "the symbolic link loops (it leads back to itself)",
        ja: "シンボリックリンクが輪になっています（自分自身に戻ります）",
        hint: "point it at the real file, or put the file itself here",
        jaHint: "本当のファイルを指すか、ファイルそのものをここに置いてください")
    } else {
      let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
      sink.error(
        location, "the symbolic link points at '\(destination)', which does not exist",
        ja: "シンボリックリンクの指す '\(destination)' がありません",
        hint: "point it at the real file, or remove it",
        jaHint: "本当のファイルを指すか、リンクを消してください")
    }
    return false
  }

  /// Opens `path` for reading, or reports why not (`sink`) and returns nil. On success the
  /// descriptor reads blocking again and `size` is what `fstat` says.
  public static func open(_ path: String, displayName: String, sink: DiagnosticSink) -> (
    descriptor: Int32, size: Int
  )? {
    let location = SourceLocation(file: displayName)
    let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard fd >= 0 else {
      let reason = errno
      switch reason {
      case EACCES:
        sink.error(
          location, "you don't have permission to read the file", ja: "ファイルを読む権限がありません",
          hint: "check its mode", jaHint: "ファイルのモードを確かめてください")
      case ELOOP:
        sink.error(
          location, "the symbolic link loops (it leads back to itself)",
          ja: "シンボリックリンクが輪になっています（自分自身に戻ります）")
      case ENXIO:
        // A socket or a FIFO's other end that cannot be opened without blocking.
        sink.error(
          location, "the file is not a regular file", ja: "通常のファイルではありません",
          hint: "put a regular file here", jaHint: "通常のファイルをここに置いてください")
      default:
        let reasonText = String(cString: strerror(reason))
        sink.error(
          location, "cannot read the file: \(reasonText)", ja: "ファイルを読めません（\(reasonText)）")
      }
      return nil
    }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let reasonText = String(cString: strerror(errno))
      sink.error(
        location, "cannot read the file: \(reasonText)", ja: "ファイルを読めません（\(reasonText)）")
      _ = Glibc.close(fd)
      return nil
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      sink.error(
        location, "the file is \(kind(status.st_mode).english), not a regular file; it is not read",
        ja: "\(kind(status.st_mode).japanese)で、通常のファイルではないので読みません",
        hint: "data files are read only from regular files: put the file itself here",
        jaHint: "データは通常のファイルからだけ読みます。ファイルそのものをここに置いてください")
      _ = Glibc.close(fd)
      return nil
    }
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    return (fd, Int(status.st_size))
  }

  /// Whether `path` opens as a regular file (reported when not), for a reader that opens it
  /// itself afterwards.
  public static func check(_ path: String, displayName: String, sink: DiagnosticSink) -> Bool {
    guard let (fd, _) = open(path, displayName: displayName, sink: sink) else { return false }
    _ = Glibc.close(fd)
    return true
  }

  /// The message for a file over `sizeLimit` bytes.
  public static func reportTooLarge(
    _ location: SourceLocation, size: Int?, sizeLimit: Int, sink: DiagnosticSink
  ) {
    sink.error(
      location,
      size.map { "the file is \($0) bytes, over the limit of \(sizeLimit) bytes" }
        ?? "the file is over the limit of \(sizeLimit) bytes",
      ja: size.map { "ファイルが \($0) バイトあり、上限の \(sizeLimit) バイトを超えています" }
        ?? "ファイルが上限の \(sizeLimit) バイトを超えています",
      hint: "split it, or raise the limit with --max-file-size",
      jaHint: "分けるか、--max-file-size で上限を上げてください")
  }

  /// Reads the whole regular file at `path`, at most `sizeLimit` bytes (more is an error),
  /// or reports why not and returns nil.
  public static func read(
    _ path: String, displayName: String, sizeLimit: Int, sink: DiagnosticSink
  ) -> [UInt8]? {
    guard let (fd, size) = open(path, displayName: displayName, sink: sink) else { return nil }
    defer { _ = Glibc.close(fd) }
    let location = SourceLocation(file: displayName)
    if size > sizeLimit {
      reportTooLarge(location, size: size, sizeLimit: sizeLimit, sink: sink)
      return nil
    }
    // One byte more than the limit is asked for, to see whether the file goes on.
    var bytes = [UInt8](repeating: 0, count: min(size, sizeLimit) + 1)
    var count = 0
    while true {
      if count == bytes.count {
        guard count <= sizeLimit else { break }
        bytes += [UInt8](repeating: 0, count: min(max(count, 4096), sizeLimit + 1 - count))
      }
      let n = bytes.withUnsafeMutableBytes {
        Glibc.read(fd, $0.baseAddress! + count, $0.count - count)
      }
      if n < 0, errno == EINTR { continue }
      if n < 0 {
        let reasonText = String(cString: strerror(errno))
        sink.error(
          location, "cannot read the file: \(reasonText)", ja: "ファイルを読めません（\(reasonText)）")
        return nil
      }
      if n == 0 { break }
      count += n
    }
    if count > sizeLimit {
      reportTooLarge(location, size: nil, sizeLimit: sizeLimit, sink: sink)
      return nil
    }
    bytes.removeSubrange(count...)
    return bytes
  }
}
