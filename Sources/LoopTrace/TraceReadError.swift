/// Why a trace file could not be read, located at a line (1-based) of the file. Readers
/// never skip a bad line: the first problem is reported and loading stops.
public struct TraceReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    /// 0 when the file itself could not be read.
    public var line: Int
    public var problem: Problem

    public enum Problem: Error, Equatable, Sendable {
        case unreadable(String)
        case missingHeader(String)
        case newerVersion(Int)
        case unsupportedVersion(Int)
        /// Written by an earlier loopscope in a format this one no longer reads.
        case olderVersion(Int)
        /// The last line has no newline and does not parse: the writer was interrupted.
        case truncated
        case corrupt(column: Int, String)
        case unknownKind(String)
        case missingField(kind: String, field: String)
        case wrongType(kind: String, field: String, expected: String, found: String)
        /// The end line's event count is not the number of event lines before it.
        case endCountMismatch(expected: Int, found: Int)
        /// An end line with more lines after it.
        case endNotLast
        /// A well-formed event that contradicts the ones before it (see `TraceConsistency`).
        case inconsistent(String)
    }

    public init(path: String, line: Int, problem: Problem) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var message: String {
        switch problem {
        case .unreadable(let why):
            return "cannot read the trace: \(why)"
        case .missingHeader(let why):
            return "missing header: \(why); a loopscope trace starts with a {\"format\":\"loopscope-trace\",\"version\":\(TraceHeader.currentVersion),...} line"
        case .newerVersion(let v):
            return "trace format version \(v) is newer than this loopscope reads (version \(TraceHeader.currentVersion)); use a newer loopscope"
        case .unsupportedVersion(let v):
            return "trace format version \(v) is not a valid version"
        case .olderVersion(let v):
            return "trace format version \(v) was written by an older loopscope and is no longer read (this one reads versions \(TraceHeader.oldestReadVersion) to \(TraceHeader.currentVersion)); record the scenario again"
        case .truncated:
            return "truncated line: the file ends in the middle of an event (was the recording interrupted?)"
        case let .corrupt(column, why):
            return "corrupt line: column \(column): \(why)"
        case .unknownKind(let kind):
            return "unknown event kind '\(kind)'"
        case let .missingField(kind, field):
            return "event '\(kind)' has no field '\(field)'"
        case let .wrongType(kind, field, expected, found):
            return "field '\(field)' of \(kind == "header" ? "the header" : "event '\(kind)'") must be \(expected), not \(found)"
        case let .endCountMismatch(expected, found):
            return "the end line counts \(expected) events but the trace has \(found) (lines were lost or added)"
        case .endNotLast:
            return "the end line must be the trace's last line"
        case .inconsistent(let why):
            return "inconsistent event: \(why)"
        }
    }

    /// `PATH:LINE: error: MESSAGE`, like the compiler's diagnostics.
    public var description: String {
        line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)"
    }
}
