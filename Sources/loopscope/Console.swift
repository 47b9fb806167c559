#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
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
        writeAll(2, Array(text.utf8))
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
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
    static func printDiagnostics(_ diagnostics: [Diagnostic], path: String, source: String) {
        let text = SourceText(source)
        for d in diagnostics {
            err(d.formatted(path: path, source: text) + "\n")
        }
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
