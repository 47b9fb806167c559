/// The maximum of a growing array of small values over any index range, in O(log n):
/// level 0 is the values, each higher level holds the maximum of `fanout` entries of the
/// level below. Appending updates one entry per level, so the UI can keep appending while it
/// draws, and a column that summarises a million segments costs a few dozen reads.
struct MaxPyramid {
    static let fanout = 32
    private(set) var levels: [[UInt8]] = [[]]

    var count: Int { levels[0].count }

    /// The value appended `i`-th.
    subscript(i: Int) -> UInt8 { levels[0][i] }

    mutating func trimCapacity() {
        for l in levels.indices { levels[l].trimCapacity() }
    }

    mutating func append(_ value: UInt8) {
        var index = levels[0].count
        levels[0].append(value)
        var level = 1
        while true {
            if level == levels.count {
                // A new top level once the level below has two entries: its one entry
                // covers both.
                let below = levels[level - 1]
                if below.count > 1 { levels.append([Swift.max(below[0], below[1])]) }
                break
            }
            let parent = index / Self.fanout
            if parent == levels[level].count {
                levels[level].append(value)
            } else if levels[level][parent] < value {
                levels[level][parent] = value
            } else {
                // The parent already covers the value, and so do its ancestors.
                break
            }
            index = parent
            level += 1
        }
    }

    /// The maximum over `range` (0 for an empty range).
    func max(in range: Range<Int>) -> UInt8 {
        var lo = Swift.max(range.lowerBound, 0)
        var hi = Swift.min(range.upperBound, count)
        var best: UInt8 = 0
        var level = 0
        while lo < hi {
            let values = levels[level]
            // Walk the ragged edges at this level until both ends are block-aligned.
            while lo < hi && lo % Self.fanout != 0 { best = Swift.max(best, values[lo]); lo += 1 }
            while lo < hi && hi % Self.fanout != 0 { hi -= 1; best = Swift.max(best, values[hi]) }
            if lo >= hi { break }
            if level + 1 == levels.count {
                for i in lo..<hi { best = Swift.max(best, values[i]) }
                break
            }
            lo /= Self.fanout
            hi /= Self.fanout
            level += 1
        }
        return best
    }
}
