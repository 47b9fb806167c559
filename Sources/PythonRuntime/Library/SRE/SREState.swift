/// `SRE_STATE` (Modules/_sre/sre.h): one match attempt's view of a string and what the
/// matcher has found so far. Positions are code point indices into `text` (CPython's
/// `beginning` is index 0, so lookbehind and `^` see before `start`). A NULL mark is -1.
package final class SREState {
    /// The string's code points, or a bytes-like object's bytes.
    package let text: [UInt32]
    /// `isbytes`: the subject is bytes-like (its slices are bytes), not a str.
    package let isBytes: Bool
    /// The compiled pattern.
    package let code: [UInt32]
    /// `pos` and `endpos` clamped to the string (`state_init`).
    package let pos: Int
    package let endpos: Int
    /// Where the current attempt starts, and the end of the string it sees.
    package var start: Int
    package var end: Int
    /// In and out of `match`: where it starts, then where the match ended.
    package var ptr: Int
    /// `mark[2*g]`, `mark[2*g+1]`: the span of group g+1; -1 where not set.
    package var mark: [Int]
    /// The highest mark index that is valid, and the last group closed (1-based), or -1.
    package var lastmark = -1
    package var lastindex = -1
    /// The innermost REPEAT being matched.
    package var `repeat`: SRERepeat?
    /// `fullmatch`: the match must end at `end`.
    package var matchAll = false
    /// The match may not be empty at `start` (findall, sub, split, finditer after an
    /// empty match: 3.7's rule).
    package var mustAdvance = false
    /// `data_stack`: the marks and `last_ptr`s saved by MARK_PUSH and DATA_PUSH.
    package var dataStack: [Int] = []
    /// The contexts of `match` calls in progress, innermost last (the other half of
    /// CPython's data stack). Kept between calls so a search does not allocate one per
    /// position; a nested call (SRE(count)'s) uses the part above its caller's.
    package var contexts: [SREState.Context] = []

    package init(text: [UInt32], isBytes: Bool, code: [UInt32], groups: Int, pos: Int, endpos: Int) {
        self.text = text
        self.isBytes = isBytes
        self.code = code
        let length = text.count
        // state_init's adjustments: both ends clamped into the string.
        let start = min(max(pos, 0), length)
        let end = min(max(endpos, 0), length)
        self.pos = start
        self.endpos = end
        self.start = start
        self.end = end
        self.ptr = start
        self.mark = Array(repeating: -1, count: max(groups, 0) * 2)
    }

    /// `state_reset`.
    package func reset() {
        lastmark = -1
        lastindex = -1
        `repeat` = nil
        dataStack.removeAll(keepingCapacity: true)
    }

    /// `state_getslice`'s question: the span of group `index` (1-based), or nil.
    package func groupSpan(_ index: Int) -> (Int, Int)? {
        let i = (index - 1) * 2
        guard i < lastmark, i + 1 < mark.count, mark[i] >= 0, mark[i + 1] >= 0 else { return nil }
        return (mark[i], mark[i + 1])
    }
}

/// `SRE_REPEAT`: the state of one REPEAT while its item is matched again and again.
package final class SRERepeat {
    /// How many items have matched (-1 before the first).
    package var count = -1
    /// The REPEAT's operands: `<skip> <min> <max> item`.
    package let pattern: Int
    package let prev: SRERepeat?
    /// Where the last item attempt started (zero-width match protection), or -1.
    package var lastPtr = -1

    package init(pattern: Int, prev: SRERepeat?) {
        self.pattern = pattern
        self.prev = prev
    }
}
