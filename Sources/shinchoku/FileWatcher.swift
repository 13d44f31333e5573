import Foundation
import ShinchokuCore

/// Notices when a file in some folders is created, removed or changed, by comparing each
/// file's `FileStamp` (modification and change time, size, inode) between checks. Polling
/// (twice a second, from the main loop) rather than inotify: the folders hold a dozen files,
/// so a check costs a dozen `stat`s; it sees editors' save-by-rename; and it works on every
/// file system.
struct FileWatcher {
  let directories: [String]
  private var stamps: [String: FileStamp]

  init(directories: [String]) {
    self.directories = directories
    stamps = [:]
    stamps = scan()
  }

  private func scan() -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    for directory in directories {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for name in names where !name.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(name)
        let stamp = FileStamp(path: path)
        if stamp.isRegularFile { result[path] = stamp }
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
