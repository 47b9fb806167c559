#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import LoopSimulator
import ScenarioLanguage

/// The CLI's edge: the only place that writes program output, diagnostics and messages.
/// stdout is buffered (scenarios can print a lot) and flushed before anything goes to
/// stderr, so the two interleave as they were produced.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func out(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func err(_ text: String) {
        flush()
        clearProgress()
        writeAll(2, Array(text.utf8))
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        clearProgress()
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Progress

    /// Whether a status line can be shown: stderr is a terminal.
    static let showsProgress = isatty(2) == 1
    nonisolated(unsafe) private static var progressShown = false

    /// Shows `text` as a transient status line on stderr (on a terminal only). It is
    /// erased before anything else is written, so output never mixes with it.
    static func progress(_ text: String) {
        guard showsProgress else { return }
        flush()
        writeAll(2, Array(("\r\u{1B}[K" + text).utf8))
        progressShown = true
    }

    static func clearProgress() {
        guard progressShown else { return }
        progressShown = false
        writeAll(2, Array("\r\u{1B}[K".utf8))
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    /// Diagnostics in compiler style, each with its source line and caret.
    static func printDiagnostics(_ list: DiagnosticList) {
        for entry in list.entries { err(entry.formatted + "\n") }
        if let tail = list.omittedLine { err(tail + "\n") }
    }

    /// Diagnostics of one file.
    static func printDiagnostics(_ diagnostics: [Diagnostic], path: String, source: String) {
        printDiagnostics(DiagnosticList(diagnostics.map { FileDiagnostic(path: path, source: source, diagnostic: $0) }))
    }
}

/// Loads a scenario file, printing a one-line error and exiting 2 when it cannot be read.
func loadScenario(_ path: String) throws -> String {
    switch ScenarioFile.load(path: path) {
    case .success(let text):
        return text
    case .failure(let error):
        Console.err("loopscope: \(error)\n")
        throw ExitCode(2)
    }
}
