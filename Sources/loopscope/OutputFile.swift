#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

/// Writes bytes to a file, or prints a one-line error and exits 2.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    guard let file = fopen(path, "wb") else {
        Console.err("loopscope: cannot write \(path): \(String(cString: strerror(errno)))\n")
        throw ExitCode(2)
    }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    if written != bytes.count || closed != 0 {
        Console.err("loopscope: cannot write \(path): \(String(cString: strerror(errno)))\n")
        throw ExitCode(2)
    }
}
