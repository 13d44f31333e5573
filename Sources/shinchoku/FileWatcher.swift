import Foundation
import ShinchokuCore

/// Notices when a file in some folders is created, removed or changed, by comparing each
/// file's `FileStamp` (modification and change time, size, inode) between checks. Polling
/// (twice a second, from the main loop) rather than inotify: the folders hold a dozen files,
/// so a check costs a dozen `stat`s; it sees editors' save-by-rename; and it works on every
/// file system.
///
/// A file being written is not reported until it holds still: a changed file is reported once
/// its stamp (size, times) has stayed the same for `settle`, checked every `settlingInterval`
/// meanwhile, so a writer that saves in steps is never caught half-way. A file replaced by
/// another (a rename over it: another inode at the same path) is complete the moment it
/// appears, and is reported at once.
struct FileWatcher {
  /// How long a changed file must hold still before it is reported.
  static let settle: Duration = .milliseconds(250)
  static let idleInterval: Duration = .milliseconds(500)
  static let settlingInterval: Duration = .milliseconds(50)

  let directories: [String]
  /// The stamps as last reported.
  private var stamps: [String: FileStamp]
  /// Changed files not yet reported: their stamp when last seen, and since when it held.
  private var settling: [String: (stamp: FileStamp?, since: ContinuousClock.Instant)] = [:]

  init(directories: [String]) {
    self.directories = directories
    stamps = [:]
    stamps = scan()
  }

  /// How long until the next check: sooner while a file is settling.
  var checkInterval: Duration { settling.isEmpty ? Self.idleInterval : Self.settlingInterval }

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

  /// The folders with a file that changed and has held still since (or was replaced whole).
  mutating func changedDirectories(now: ContinuousClock.Instant = .now) -> Set<String> {
    let current = scan()
    var changed = Set<String>()
    for path in Set(current.keys).union(stamps.keys).union(settling.keys) {
      let new = current[path]
      let old = stamps[path]
      if new == old {
        settling[path] = nil
        continue
      }
      let replaced = new.map { new in old.map { !new.isSameFile(as: $0) } ?? false } ?? false
      if let seen = settling[path], seen.stamp == new {
        guard now - seen.since >= Self.settle else { continue }
      } else if !replaced {
        settling[path] = (new, now)
        continue
      }
      settling[path] = nil
      stamps[path] = new
      changed.insert((path as NSString).deletingLastPathComponent)
    }
    return changed
  }
}
