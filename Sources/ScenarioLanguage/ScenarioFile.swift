
/// Why a scenario file could not be read. Each case prints as one clear line.
public enum ScenarioFileError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(path: String)
    case isDirectory(path: String)
    case notUTF8(path: String, line: Int, column: Int)
    case nulByte(path: String, line: Int, column: Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .isDirectory(let path): "\(path): is a directory, not a scenario file"
        case .notUTF8(let path, let line, let column):
            "\(path): not valid UTF-8 (first bad byte at line \(line), column \(column))"
        case .nulByte(let path, let line, let column):
            "\(path):\(line):\(column): error: source contains a NUL byte"
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        }
    }
}

/// Reading a scenario from disk, with the checks CPython makes before tokenizing
/// (valid UTF-8, no NUL bytes) reported as positions rather than crashes.
public enum ScenarioFile {
    public static func load(path: String) -> Result<String, ScenarioFileError> {
        switch InputFile.withBytes(path: path, { decode($0, path: path) }) {
        case .success(let result): return result
        case .failure(.missing): return .failure(.missing(path: path))
        case .failure(.directory): return .failure(.isDirectory(path: path))
        case .failure(let problem): return .failure(.unreadable(path: path, reason: problem.description))
        }
    }

    /// Validates UTF-8 by hand so the first bad byte can be located by line and column
    /// (columns counted in scalars, as everywhere else).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<String, ScenarioFileError> {
        var line = 1, column = 1
        var k = 0
        // A UTF-8 byte-order mark is allowed and dropped, as CPython does.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { k = 3 }
        let start = k
        while k < bytes.count {
            let b = bytes[k]
            var length = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            switch b {
            case 0x00: return .failure(.nulByte(path: path, line: line, column: column))
            case 0x01...0x7F: length = 1; scalar = UInt32(b)
            case 0xC2...0xDF: length = 2; scalar = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(b & 0x07); minimum = 0x10000
            default: return .failure(.notUTF8(path: path, line: line, column: column))
            }
            if k + length > bytes.count { return .failure(.notUTF8(path: path, line: line, column: column)) }
            for n in 1..<max(1, length) {
                let c = bytes[k + n]
                if c & 0xC0 != 0x80 { return .failure(.notUTF8(path: path, line: line, column: column)) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                return .failure(.notUTF8(path: path, line: line, column: column))
            }
            if b == 0x0A || (b == 0x0D && !(k + 1 < bytes.count && bytes[k + 1] == 0x0A)) {
                line += 1
                column = 1
            } else if b != 0x0D {
                column += 1
            }
            k += length
        }
        return .success(String(decoding: bytes[start...], as: UTF8.self))
    }
}
