import Foundation

/// Notices when a file in some folders is created, removed or changed, by comparing each
/// file's modification time, size and inode between checks. Polling (twice a second, from the
/// main loop) rather than inotify: the folders hold a dozen small files, so a check costs a
/// dozen `stat`s; it sees editors' save-by-rename; and it works on every file system.
struct FileWatcher {
  struct Stamp: Equatable {
    var modified: timespec
    var size: off_t
    var inode: ino_t

    static func == (a: Stamp, b: Stamp) -> Bool {
      a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        && a.size == b.size
        && a.inode == b.inode
    }
  }

  let directories: [String]
  private var stamps: [String: Stamp]

  init(directories: [String]) {
    self.directories = directories
    stamps = [:]
    stamps = scan()
  }

  private func scan() -> [String: Stamp] {
    var result: [String: Stamp] = [:]
    for directory in directories {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names where !name.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(name)
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
          result[path] = Stamp(modified: info.st_mtim, size: info.st_size, inode: info.st_ino)
        }
      }
    }
    return result
  }

  /// The folders whose files changed since the last call.
  mutating func changedDirectories() -> Set<String> {
    let now = scan()
    guard now != stamps else { return [] }
    var changed = Set<String>()
    for path in Set(now.keys).union(stamps.keys) where now[path] != stamps[path] {
      changed.insert((path as NSString).deletingLastPathComponent)
    }
    stamps = now
    return changed
  }
}
