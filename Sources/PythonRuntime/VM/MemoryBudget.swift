#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory a simulated program may take (`--max-memory`, `SimulationOptions.maxMemory`).
/// CPython raises MemoryError when an allocation fails; the simulator raises it before it
/// builds a value that would take the process past its budget, so `'a'.ljust(10**18)`, a
/// string doubled forever or `f'{1:1000000000000000000}'` end in CPython's exception, not
/// in the process being aborted by a failed allocation.
extension Interpreter {
    /// 4 GiB: far more than any scenario meant to be watched needs, and well inside what
    /// the machines loopscope runs on have.
    public static let defaultMemoryLimit = 4 << 30

    /// Raises MemoryError unless `count` items of `bytesEach` bytes fit: the value alone
    /// must fit in the budget, and a large one (a megabyte or more) must fit beside what
    /// the process already holds.
    package func reserve(_ count: Int, bytesEach: Int = 1) throws {
        guard count > 0 else { return }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: max(1, bytesEach))
        if overflow || bytes > memoryLimit { throw PythonError(makeException(BuiltinTypes.memoryError)) }
        // Only large values look at the process: reading its size is a system call.
        guard bytes >= 1 << 20 else { return }
        if let resident = Self.residentBytes(), resident + bytes > memoryLimit {
            throw PythonError(makeException(BuiltinTypes.memoryError))
        }
    }

    /// Items of a list or tuple, as `reserve` counts them.
    package static let valueBytes = MemoryLayout<Value>.stride

    /// The process's resident memory (`/proc/self/statm`), nil where there is none.
    package static func residentBytes() -> Int? {
        let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        // "size resident shared ...", in pages.
        let fields = buffer[0..<n].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
