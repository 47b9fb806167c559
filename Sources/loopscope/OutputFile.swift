#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// Writes bytes to a file, or prints a one-line error and exits 2.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let file = try OutputStream(path: path)
    guard file.write(bytes), file.close() else {
        file.reportFailure()
        throw ExitCode(2)
    }
}

/// A file written in one piece (`writeFile`) or many (a trace recorded as the run goes).
/// Opening fails with a one-line error and exit status 2.
final class OutputStream {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var error: Int32 = 0

    init(path: String) throws {
        self.path = path
        guard let file = fopen(path, "wb") else {
            Console.err("loopscope: cannot write \(path): \(String(cString: strerror(errno)))\n")
            throw ExitCode(2)
        }
        self.file = file
    }

    /// Appends `bytes`; false (and nothing more is written) once a write fails.
    func write(_ bytes: [UInt8]) -> Bool {
        guard let file else { return false }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count { error = errno }
        return written == bytes.count
    }

    /// Closes the file; false if it could not be completed.
    func close() -> Bool {
        guard let file else { return error == 0 }
        self.file = nil
        if fclose(file) != 0 && error == 0 { error = errno }
        return error == 0
    }

    /// Closes and deletes it (nothing worth keeping was written).
    func discard() {
        _ = close()
        unlink(path)
    }

    func reportFailure() {
        Console.err("loopscope: cannot write \(path): \(String(cString: strerror(error == 0 ? EIO : error)))\n")
    }

    deinit { _ = close() }
}
