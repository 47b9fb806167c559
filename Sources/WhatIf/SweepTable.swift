/// The table `sweep` prints: one row per value, what each task came to, the output's
/// digest and the run's virtual duration, so the value where a design starts failing
/// stands out.
public enum SweepTable {
    public struct Row: Sendable {
        public var value: String
        public var exitStatus: Int32
        public var digest: RunDigest
        public init(value: String, exitStatus: Int32, digest: RunDigest) {
            self.value = value
            self.exitStatus = exitStatus
            self.digest = digest
        }
    }

    public static func text(_ rows: [Row]) -> String {
        let header = ["value", "exit", "done", "timed out", "cancelled", "failed", "output", "virtual time"]
        var table = [header]
        for row in rows {
            let tasks = row.digest.tasks
            func names(_ prefix: String) -> String {
                let n = tasks.filter { $0.outcome.hasPrefix(prefix) }.map(\.name)
                return n.isEmpty ? "-" : n.joined(separator: ", ")
            }
            let done = tasks.filter { $0.outcome.hasPrefix("done") }.count
            let lines = row.digest.output.count
            table.append([row.value, "\(row.exitStatus)", "\(done)/\(tasks.count)",
                          row.digest.timedOut.isEmpty ? "-" : row.digest.timedOut.joined(separator: ", "),
                          names("cancelled"), names("failed"),
                          "\(outputDigest(row.digest.outputText)) (\(lines) line\(lines == 1 ? "" : "s"))",
                          formatTime(row.digest.endTime)])
        }
        let widths = header.indices.map { c in table.map { $0[c].count }.max() ?? 0 }
        return table.map { cells in
            var line = ""
            for (c, cell) in cells.enumerated() {
                line += c == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count + 2)
            }
            return line + "\n"
        }.joined()
    }
}

/// FNV-1a over the text's bytes, folded to 32 bits, in hex: a short name for an output,
/// the same on every machine, so equal digests in a table mean equal output.
public func outputDigest(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    let folded = String(UInt32(truncatingIfNeeded: h ^ (h >> 32)), radix: 16)
    return String(repeating: "0", count: 8 - folded.count) + folded
}
