#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import CTerminalGuard

/// Writes bytes to a file in one piece (see `OutputStream`), or prints a one-line error and
/// exits 2. `inputs` are the files the output was made from: writing over one is refused.
func writeFile(_ path: String, _ bytes: [UInt8], inputs: [String] = []) throws {
    let file = try OutputStream(path: path, inputs: inputs)
    guard file.write(bytes), file.commit() else {
        file.reportFailure()
        throw ExitCode(2)
    }
}

/// An output file, written in one piece (`writeFile`) or many (a trace recorded as the run
/// goes), so that a file the user had is never lost or left half-written:
///
/// - the bytes go to a temporary file beside the target (same directory, so the final
///   rename is atomic), and `commit` renames it into place only once every byte was written
///   and synced; until then the existing file is untouched, and `discard` (or a failure)
///   removes only the temporary file;
/// - a symbolic link is followed: its target is replaced and the link stays;
/// - an output that is one of the inputs (`record x.py -o x.py`) is refused before anything
///   is written;
/// - a target that is not a regular file (`/dev/null`, `/dev/stdout`, a FIFO) is written
///   directly, since renaming over it would replace the device or pipe itself.
///
/// Every refusal is a one-line error and exit status 2.
final class OutputStream {
    /// The path as the user gave it (for messages).
    let path: String
    /// Where the bytes end up (symbolic links followed).
    private let target: String
    /// The file being written: a temporary beside `target`, or `target` itself when it is
    /// not a regular file. Nil for a direct write.
    private let temporary: String?
    /// Permissions the finished file gets: the replaced file's, or 0666 less the umask.
    private let mode: mode_t
    private var file: UnsafeMutablePointer<FILE>?
    private var error: Int32 = 0
    private var finished = false

    init(path: String, inputs: [String] = []) throws {
        self.path = path
        func refuse(_ why: String) -> ExitCode {
            Console.err("loopscope: cannot write \(path): \(why)\n")
            return ExitCode(2)
        }
        guard !path.isEmpty else { throw refuse("the output path is empty") }
        target = try Self.resolve(path, refuse)
        var existing = stat()
        let exists = stat(target, &existing) == 0
        if exists {
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0 && other.st_dev == existing.st_dev && other.st_ino == existing.st_ino {
                    throw refuse("it is the input file \(input); choose another output path")
                }
            }
            if existing.st_mode & S_IFMT == S_IFDIR { throw refuse("it is a directory") }
        }
        if exists && existing.st_mode & S_IFMT != S_IFREG {
            // A device or pipe: written in place (the bytes are gone as they are written).
            temporary = nil
            mode = 0
            guard let f = fopen(target, "wb") else { throw refuse(String(cString: strerror(errno))) }
            file = f
            return
        }
        if exists {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        let (directory, name) = Self.split(target)
        var template = Array("\(directory)/.\(name).loopscope-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw refuse(String(cString: strerror(errno))) }
        let temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard let f = fdopen(fd, "wb") else {
            let why = String(cString: strerror(errno))
            Glibc.close(fd)
            unlink(temporaryPath)
            throw refuse(why)
        }
        temporary = temporaryPath
        file = f
        OutputCleanup.register(temporaryPath)
    }

    /// Appends `bytes`; false (and nothing more is written) once a write fails.
    func write(_ bytes: [UInt8]) -> Bool {
        guard let file, error == 0 else { return false }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count { error = errno == 0 ? EIO : errno }
        return written == bytes.count
    }

    /// Finishes the file: flushes and syncs it and renames it over the target. False (the
    /// target untouched, the temporary removed) if any of that failed.
    func commit() -> Bool {
        guard !finished else { return error == 0 }
        finished = true
        guard let file else { return false }
        self.file = nil
        if error == 0 && fflush(file) != 0 { error = errno }
        if let temporary {
            if error == 0 && fchmod(fileno(file), mode) != 0 { error = errno }
            if error == 0 && fsync(fileno(file)) != 0 { error = errno }
            if fclose(file) != 0 && error == 0 { error = errno }
            if error == 0 && rename(temporary, target) != 0 { error = errno }
            if error != 0 { unlink(temporary) }
            OutputCleanup.unregister(temporary)
        } else if fclose(file) != 0 && error == 0 {
            error = errno
        }
        return error == 0
    }

    /// Abandons the output: the temporary is removed and the target left as it was.
    func discard() {
        guard !finished else { return }
        finished = true
        if let file { fclose(file) }
        file = nil
        if let temporary {
            unlink(temporary)
            OutputCleanup.unregister(temporary)
        }
    }

    func reportFailure() {
        Console.err("loopscope: cannot write \(path): \(String(cString: strerror(error == 0 ? EIO : error)))\n")
    }

    deinit { discard() }

    /// `path` with symbolic links followed to the file they name (which need not exist
    /// yet); a loop or an overlong chain is refused.
    private static func resolve(_ path: String, _ refuse: (String) -> ExitCode) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw refuse(String(cString: strerror(errno))) }
            let link = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : split(current).directory + "/" + link
        }
        throw refuse("too many levels of symbolic links (a symlink loop?)")
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }
}

/// The temporary output a signal must remove (one at a time: the CLI writes one output).
enum OutputCleanup {
    static func register(_ path: String) { ls_set_cleanup_path(path) }
    static func unregister(_ path: String) { ls_set_cleanup_path(nil) }
}
