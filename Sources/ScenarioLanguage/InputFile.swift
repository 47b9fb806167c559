#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an input file (a scenario or a trace) could not be opened, as one accurate phrase.
public enum InputFileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    case missing
    case brokenSymlink
    case symlinkLoop
    case directory
    /// A FIFO, socket or device: not read, since a FIFO without a writer would block
    /// forever and a device (`/dev/zero`) may never end.
    case notRegular(kind: String)
    case permissionDenied
    case other(String)

    public var description: String {
        switch self {
        case .missing: "no such file"
        case .brokenSymlink: "a symbolic link to a file that does not exist"
        case .symlinkLoop: "too many levels of symbolic links (a symlink loop?)"
        case .directory: "is a directory"
        case .notRegular(let kind): "is \(kind), not a regular file"
        case .permissionDenied: "permission denied"
        case .other(let why): why
        }
    }
}

/// Opening the files loopscope reads, with the checks that keep a hostile path from
/// hanging or exhausting memory: only regular files are read (never a FIFO, which blocks,
/// or a device, which may never end), and their bytes are mapped read-only rather than
/// copied, so a trace larger than memory is paged in and out by the kernel as it is read.
public enum InputFile {
    /// Calls `body` with the file's bytes (valid only during the call).
    public static func withBytes<R>(path: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> Result<R, InputFileProblem> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(problem(errno, path: path)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.other(message(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.directory)
        case S_IFIFO: return .failure(.notRegular(kind: "a FIFO (named pipe)"))
        case S_IFSOCK: return .failure(.notRegular(kind: "a socket"))
        case S_IFCHR: return .failure(.notRegular(kind: "a character device"))
        case S_IFBLK: return .failure(.notRegular(kind: "a block device"))
        default: return .failure(.notRegular(kind: "a special file"))
        }
        let size = Int(info.st_size)
        guard size > 0 else { return .success(body(UnsafeBufferPointer(start: nil, count: 0))) }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            return .failure(.other(message(errno)))
        }
        defer { munmap(mapped, size) }
        // The kernel reads ahead for a front-to-back pass.
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        return .success(body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)))
    }

    private static func problem(_ code: Int32, path: String) -> InputFileProblem {
        switch code {
        case ENOENT:
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK ? .brokenSymlink : .missing
        case ELOOP: return .symlinkLoop
        case EACCES, EPERM: return .permissionDenied
        case EISDIR: return .directory
        default: return .other(message(code))
        }
    }

    private static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
