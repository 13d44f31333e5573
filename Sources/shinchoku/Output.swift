import ArgumentParser
import Foundation
import ShinchokuViewModel
import TerminalText

#if canImport(Glibc)
  import Glibc
#endif

/// The one way the program writes to standard output or standard error. Every text passes the
/// screen's sanitiser on its way out (`sanitizedForOutput`): whatever a data file, a theme, a
/// folder name or an argument holds, no C0 or C1 control but LF reaches the terminal (TAB too
/// in a CSV, Markdown or text export, CR before LF in an ICS one). The exports escape their
/// text for their format before this (`ExportEscaper`), so for them this is a last guard that
/// finds nothing to do.
enum Output {
  case standardOutput
  case standardError

  /// What is written: text for a person (diagnostics, listings, messages), or an export's
  /// document in its format.
  enum Content {
    case text
    case export(ExportFormat)
    /// Text with the program's own colours: SGR sequences (`ESC [ 1;38;5;208 m`) pass, every
    /// other control is replaced as in `text` (the themes listing's sample lines).
    case styled
  }

  var descriptor: Int32 { self == .standardOutput ? STDOUT_FILENO : STDERR_FILENO }

  /// Writes `text` made safe for `content`. A write that fails (a full disk, a file size limit:
  /// SIGXFSZ is ignored, so it is EFBIG here) ends the program with a message and status 1.
  func write(_ text: String, _ content: Content = .text) {
    let safe: String
    switch content {
    case .text: safe = sanitizedForOutput(text)
    case .styled: safe = Output.keepingSGR(text)
    case .export(let format):
      safe = sanitizedForOutput(
        text, keepingTabs: format != .json && format != .ics, keepingCRLF: format == .ics)
    }
    var bytes = Array(safe.utf8)
    let count = bytes.count
    let failure: Int32? = bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < count {
        let n = Glibc.write(descriptor, buffer.baseAddress! + offset, count - offset)
        if n > 0 {
          offset += n
        } else if n < 0, errno == EINTR {
          continue
        } else {
          return n < 0 ? errno : EIO
        }
      }
      return nil
    }
    if let failure {
      if self == .standardOutput {
        Output.standardError.line(
          "shinchoku: cannot write to standard output: \(String(cString: strerror(failure)))")
      }
      Glibc.exit(1)
    }
  }

  /// `text` sanitised except for its well-formed SGR sequences (ESC [, digits, ; or :, m).
  static func keepingSGR(_ text: String) -> String {
    var out = ""
    var rest = Substring(text)
    while let escape = rest.firstIndex(of: "\u{1B}") {
      out += sanitizedForOutput(String(rest[..<escape]))
      var end = rest.index(after: escape)
      if end < rest.endIndex, rest[end] == "[" {
        end = rest.index(after: end)
        while end < rest.endIndex, rest[end].isASCII,
          rest[end].isNumber || rest[end] == ";" || rest[end] == ":"
        {
          end = rest.index(after: end)
        }
        if end < rest.endIndex, rest[end] == "m" {
          end = rest.index(after: end)
          out += rest[escape..<end]
          rest = rest[end...]
          continue
        }
      }
      out += sanitizedForOutput("\u{1B}")
      rest = rest[rest.index(after: escape)...]
    }
    return out + sanitizedForOutput(String(rest))
  }

  /// Writes `text` and a line break.
  func line(_ text: String, _ content: Content = .text) {
    write(text + "\n", content)
  }
}

func printError(_ text: String) {
  Output.standardError.line(text)
}

/// A failure whose message is printed (to standard error) where the program ends, not where it
/// is found: so that work done ahead (the themes, read while the data is) reports in order.
struct FailureMessage: Error {
  let text: String

  init(_ text: String) { self.text = text }
}

extension Shinchoku {
  /// ArgumentParser's `main()`, with its help, usage and error texts (which echo arguments back)
  /// written through `Output` too.
  static func main() {
    // A file size limit (`ulimit -f`) makes writes fail with EFBIG instead of ending the
    // program by SIGXFSZ with nothing said.
    _ = signal(SIGXFSZ, SIG_IGN)
    benchPhase("main")
    do {
      var command = try parseAsRoot()
      benchPhase("parsed")
      try command.run()
    } catch let failure as FailureMessage {
      printError(failure.text)
      Glibc.exit(1)
    } catch {
      let code = exitCode(for: error)
      var message = fullMessage(for: error)
      // ArgumentParser's own words (its help headings, usage lines and error templates) cannot
      // be localised: in Japanese they are replaced, and its text wrapped again (ParserWords).
      // Not the machine-read outputs that leave through here too (the JSON of
      // --experimental-dump-help, the completion scripts): only what a person reads.
      let machineRead = CommandLine.arguments.contains {
        $0 == "--experimental-dump-help" || $0.hasPrefix("--generate-completion-script")
      }
      if CLI.language == .japanese, !machineRead {
        message = ParserWords.japanese(
          fullMessage(for: error, columns: 100_000), columns: ParserWords.columns)
        if message.hasPrefix("Error: ") {
          message = "エラー: " + message.dropFirst("Error: ".count)
        }
      }
      if !message.isEmpty {
        (code == .success ? Output.standardOutput : .standardError).line(message)
      }
      Glibc.exit(code.rawValue)
    }
  }
}
