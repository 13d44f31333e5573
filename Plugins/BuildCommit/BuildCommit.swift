import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` (`let buildCommit = "…"`) before each build of the target: the
/// git commit the package is built from, with `-modified` when tracked files differ from it,
/// or `unknown` when the package is not a git checkout (a tarball) or git is missing. It runs
/// git locally (no network) and rewrites the file only when the text changes, so an unchanged
/// commit does not recompile anything.
@main
struct BuildCommit: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let generated = context.pluginWorkDirectoryURL.appendingPathComponent("Generated")
    let file = generated.appendingPathComponent("BuildCommit.swift").path
    let scratch = context.pluginWorkDirectoryURL.appendingPathComponent("BuildCommit.new").path
    let script = """
      mkdir -p "$(dirname "$2")"
      commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=unknown
      if [ "$commit" != unknown ] \\
        && [ -n "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ]; then
        commit="$commit-modified"
      fi
      printf '/// Written by the BuildCommit plugin.\\nlet buildCommit = "%s"\\n' "$commit" > "$3"
      if cmp -s "$3" "$2"; then rm -f "$3"; else mv "$3" "$2"; fi
      """
    return [
      .prebuildCommand(
        displayName: "Recording the git commit in BuildCommit.swift",
        executable: URL(fileURLWithPath: "/bin/sh"),
        arguments: ["-c", script, "sh", context.package.directoryURL.path, file, scratch],
        outputFilesDirectory: generated)
    ]
  }
}
