/// The matching engine of Modules/_sre/sre_lib.h, ported function for function:
/// `SRE(at)`, `SRE(charset)`, `SRE(count)`, `SRE(match)` and `SRE(search)`, under
/// CPython's names. Like CPython's, `match` does not recurse per character: a
/// sub-match is a new context on an explicit stack (`DO_JUMP`), and returning from it
/// resumes the parent at the label its jump names (`jump_branch`, `jump_max_until_2`,
/// ...), here the cases of `Label`.
///
/// Code words are read through `c(_:)`, which gives FAILURE past the end, so code that
/// `_sre.compile` was handed by hand cannot read outside the pattern.
extension SREState {
    /// The code word at `i` (FAILURE outside the code).
    @inline(__always)
    package func c(_ i: Int) -> UInt32 {
        i >= 0 && i < code.count ? code[i] : 0
    }

    @inline(__always)
    package func ci(_ i: Int) -> Int { Int(c(i)) }

    // MARK: SRE(at)

    /// Whether position `ptr` is at the place `at` names.
    package func at(_ ptr: Int, _ at: UInt32) -> Bool {
        typealias C = SRECharacters
        guard let code = SREAt(rawValue: at) else { return false }
        func word(_ isWord: (UInt32) -> Bool) -> (Bool, Bool) {
            let thatp = ptr > 0 ? isWord(text[ptr - 1]) : false
            let thisp = ptr < end ? isWord(text[ptr]) : false
            return (thisp, thatp)
        }
        switch code {
        case .BEGINNING, .BEGINNING_STRING:
            return ptr == 0
        case .BEGINNING_LINE:
            return ptr == 0 || C.SRE_IS_LINEBREAK(text[ptr - 1])
        case .END:
            return (end - ptr == 1 && C.SRE_IS_LINEBREAK(text[ptr])) || ptr == end
        case .END_LINE:
            // (C reads the string's terminating NUL when pos > endpos put ptr past end.)
            return ptr == end || (ptr < text.count && C.SRE_IS_LINEBREAK(text[ptr]))
        case .END_STRING:
            return ptr == end
        case .BOUNDARY, .NON_BOUNDARY, .LOC_BOUNDARY, .LOC_NON_BOUNDARY, .UNI_BOUNDARY, .UNI_NON_BOUNDARY:
            if end == 0 { return false }
            let (thisp, thatp): (Bool, Bool)
            switch code {
            case .BOUNDARY, .NON_BOUNDARY: (thisp, thatp) = word(C.SRE_IS_WORD)
            case .LOC_BOUNDARY, .LOC_NON_BOUNDARY: (thisp, thatp) = word(C.SRE_LOC_IS_WORD)
            default: (thisp, thatp) = word(C.SRE_UNI_IS_WORD)
            }
            switch code {
            case .BOUNDARY, .LOC_BOUNDARY, .UNI_BOUNDARY: return thisp != thatp
            default: return thisp == thatp
            }
        }
    }

    // MARK: SRE(charset)

    /// Whether `ch` is in the set whose items start at code index `setStart`.
    package func charset(_ setStart: Int, _ ch: UInt32) -> Bool {
        var set = setStart
        var ok = true
        while true {
            let op = c(set)
            set += 1
            switch SREOpcode(rawValue: op) {
            case .FAILURE?:
                return !ok
            case .LITERAL?:
                // <LITERAL> <code>
                if ch == c(set) { return ok }
                set += 1
            case .CATEGORY?:
                // <CATEGORY> <code>
                if SRECharacters.sre_category(c(set), ch) { return ok }
                set += 1
            case .CHARSET?:
                // <CHARSET> <bitmap> (256 bits in 8 words)
                if ch < 256 && (c(set + Int(ch / 32)) & (1 << (ch & 31))) != 0 { return ok }
                set += 256 / 32
            case .RANGE?:
                // <RANGE> <lower> <upper>
                if c(set) <= ch && ch <= c(set + 1) { return ok }
                set += 2
            case .RANGE_UNI_IGNORE?:
                // <RANGE_UNI_IGNORE> <lower> <upper>; ch is already lower cased
                if c(set) <= ch && ch <= c(set + 1) { return ok }
                let uch = SRECharacters.sre_upper_unicode(ch)
                if c(set) <= uch && uch <= c(set + 1) { return ok }
                set += 2
            case .NEGATE?:
                ok = !ok
            case .BIGCHARSET?:
                // <BIGCHARSET> <blockcount> <256 block indices in 64 words> <blocks>
                let count = ci(set)
                set += 1
                var block = -1
                if ch < 0x10000 {
                    // The block index is byte ch >> 8 of the index table, little-endian.
                    let byte = Int(ch >> 8)
                    block = Int((c(set + byte / 4) >> (UInt32(byte % 4) * 8)) & 0xFF)
                }
                set += 256 / 4
                if block >= 0 && (c(set + (block * 256 + Int(ch & 255)) / 32) & (1 << (ch & 31))) != 0 {
                    return ok
                }
                set += count * (256 / 32)
            default:
                // internal error -- there's not much we can do about it here, so let's
                // just pretend it didn't match...
                return false
            }
        }
    }

    /// `SRE(charset_loc_ignore)`.
    package func charsetLocIgnore(_ set: Int, _ ch: UInt32) -> Bool {
        let lo = SRECharacters.sre_lower_locale(ch)
        if charset(set, lo) { return true }
        let up = SRECharacters.sre_upper_locale(ch)
        return up != lo && charset(set, up)
    }

    // MARK: SRE(count)

    /// How many times (at most `maxcount`) the single-character item at `pattern`
    /// matches from `self.ptr`; negative on an error.
    package func count(_ pattern: Int, _ maxcount: UInt32) -> Int {
        typealias C = SRECharacters
        var ptr = self.ptr
        var end = self.end
        // adjust end
        if maxcount != SREConstants.MAXREPEAT && Int(maxcount) < end - ptr { end = ptr + Int(maxcount) }
        let chr = c(pattern + 1)
        switch SREOpcode(rawValue: c(pattern)) {
        case .IN?:
            while ptr < end && charset(pattern + 2, text[ptr]) { ptr += 1 }
        case .ANY?:
            while ptr < end && !C.SRE_IS_LINEBREAK(text[ptr]) { ptr += 1 }
        case .ANY_ALL?:
            ptr = end
        case .LITERAL?:
            while ptr < end && text[ptr] == chr { ptr += 1 }
        case .LITERAL_IGNORE?:
            while ptr < end && C.sre_lower_ascii(text[ptr]) == chr { ptr += 1 }
        case .LITERAL_UNI_IGNORE?:
            while ptr < end && C.sre_lower_unicode(text[ptr]) == chr { ptr += 1 }
        case .LITERAL_LOC_IGNORE?:
            while ptr < end && C.char_loc_ignore(chr, text[ptr]) { ptr += 1 }
        case .NOT_LITERAL?:
            while ptr < end && text[ptr] != chr { ptr += 1 }
        case .NOT_LITERAL_IGNORE?:
            while ptr < end && C.sre_lower_ascii(text[ptr]) != chr { ptr += 1 }
        case .NOT_LITERAL_UNI_IGNORE?:
            while ptr < end && C.sre_lower_unicode(text[ptr]) != chr { ptr += 1 }
        case .NOT_LITERAL_LOC_IGNORE?:
            while ptr < end && !C.char_loc_ignore(chr, text[ptr]) { ptr += 1 }
        default:
            // repeated single character pattern
            let start = self.ptr
            while self.ptr < end {
                let i = match(pattern, toplevel: false)
                if i < 0 { return i }
                if i == 0 { break }
            }
            return self.ptr - start
        }
        return ptr - self.ptr
    }

    // MARK: SRE(match)

    /// `SRE(match_context)`: one level of the explicit matching stack.
    package struct Context {
        package var count = 0
        /// `u.chr`
        package var chr: UInt32 = 0
        /// `u.rep`
        package var rep: SRERepeat?
        package var lastmark = -1
        package var lastindex = -1
        package var pattern = 0
        package var ptr = 0
        package var toplevel: Bool
        package var jump: Label
    }

    /// Where the matcher goes next: the entrance of a context, its dispatch loop, its
    /// exit, or a place inside an opcode (a loop head, or the `jump_*` label a finished
    /// sub-match returns to; `none` is JUMP_NONE, the outermost context's).
    package enum Label {
        case none, entrance, dispatch, exit
        case branchNext, jumpBranch
        case repeatOne1Next, jumpRepeatOne1, repeatOne2Next, jumpRepeatOne2
        case minRepeatOneNext, jumpMinRepeatOne
        case jumpRepeat
        case jumpMaxUntil1, jumpMaxUntil2, jumpMaxUntil3
        case jumpMinUntil1, jumpMinUntil2, jumpMinUntil3
        case possRepeat1Next, jumpPossRepeat1, possRepeat2Next, jumpPossRepeat2
        case jumpAtomicGroup, jumpAssert, jumpAssertNot
    }

    /// `MARK_PUSH`: saves `mark[0...lastmark]`.
    @inline(__always)
    private func markPush(_ lastmark: Int) {
        if lastmark >= 0 { dataStack.append(contentsOf: mark[0...lastmark]) }
    }

    /// `MARK_POP` (discard true) and `MARK_POP_KEEP` (false): restores the saved marks.
    @inline(__always)
    private func markPop(_ lastmark: Int, discard: Bool) {
        guard lastmark >= 0 else { return }
        let n = lastmark + 1
        let base = dataStack.count - n
        for i in 0..<n { mark[i] = dataStack[base + i] }
        if discard { dataStack.removeLast(n) }
    }

    /// `MARK_POP_DISCARD`.
    @inline(__always)
    private func markPopDiscard(_ lastmark: Int) {
        if lastmark >= 0 { dataStack.removeLast(lastmark + 1) }
    }

    /// Whether the string matches the pattern at code index `start` from `self.ptr`:
    /// 1 (and `self.ptr` is the end of the match), 0, or negative on an error.
    package func match(_ start: Int, toplevel: Bool) -> Int {
        typealias C = SRECharacters
        let end = self.end
        let base = contexts.count
        defer { contexts.removeSubrange(base...) }
        var ctx = Context(toplevel: toplevel, jump: .none)
        var pattern = start
        var ptr = self.ptr
        var ret = 0
        var next = Label.entrance

        /// `DO_JUMPX`: saves where this context is, and enters a new one at `nextPattern`.
        func doJump(_ jump: Label, _ nextPattern: Int, _ nextToplevel: Bool) {
            ctx.pattern = pattern
            ctx.ptr = ptr
            contexts.append(ctx)
            ctx = Context(toplevel: nextToplevel, jump: jump)
            pattern = nextPattern
            next = .entrance
        }

        machine: while true {
            switch next {
            case .entrance:
                ptr = self.ptr
                if c(pattern) == SREOpcode.INFO.code {
                    // optimization info block: <INFO> <1=skip> <2=flags> <3=min> ...
                    if c(pattern + 3) != 0 && end - ptr < ci(pattern + 3) {
                        ret = 0; next = .exit; continue machine
                    }
                    pattern += ci(pattern + 1) + 1
                }
                next = .dispatch

            case .dispatch:
                dispatch: while true {
                    let op = c(pattern)
                    pattern += 1
                    guard let opcode = SREOpcode(rawValue: op) else { return -1 }  // SRE_ERROR_ILLEGAL
                    switch opcode {
                    case .MARK:
                        // <MARK> <gid>
                        let i = ci(pattern)
                        if i & 1 != 0 { lastindex = i / 2 + 1 }
                        if i > lastmark {
                            // lastmark is the highest valid index in mark; the marks
                            // between are set to NULL: not encountered.
                            guard i < mark.count else { return -2 }  // SRE_ERROR_STATE
                            var j = lastmark + 1
                            while j < i { mark[j] = -1; j += 1 }
                            lastmark = i
                        }
                        mark[i] = ptr
                        pattern += 1

                    case .LITERAL:
                        if ptr >= end || text[ptr] != c(pattern) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .NOT_LITERAL:
                        if ptr >= end || text[ptr] == c(pattern) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .SUCCESS:
                        // end of pattern
                        if ctx.toplevel && ((matchAll && ptr != end) || (mustAdvance && ptr == self.start)) {
                            ret = 0; next = .exit; continue machine
                        }
                        self.ptr = ptr
                        ret = 1; next = .exit; continue machine

                    case .AT:
                        if !at(ptr, c(pattern)) { ret = 0; next = .exit; continue machine }
                        pattern += 1

                    case .CATEGORY:
                        if ptr >= end || !C.sre_category(c(pattern), text[ptr]) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .ANY:
                        if ptr >= end || C.SRE_IS_LINEBREAK(text[ptr]) { ret = 0; next = .exit; continue machine }
                        ptr += 1

                    case .ANY_ALL:
                        if ptr >= end { ret = 0; next = .exit; continue machine }
                        ptr += 1

                    case .IN:
                        // <IN> <skip> <set>
                        if ptr >= end || !charset(pattern + 1, text[ptr]) { ret = 0; next = .exit; continue machine }
                        pattern += ci(pattern)
                        ptr += 1

                    case .LITERAL_IGNORE:
                        if ptr >= end || C.sre_lower_ascii(text[ptr]) != c(pattern) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .LITERAL_UNI_IGNORE:
                        if ptr >= end || C.sre_lower_unicode(text[ptr]) != c(pattern) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .LITERAL_LOC_IGNORE:
                        if ptr >= end || !C.char_loc_ignore(c(pattern), text[ptr]) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .NOT_LITERAL_IGNORE:
                        if ptr >= end || C.sre_lower_ascii(text[ptr]) == c(pattern) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .NOT_LITERAL_UNI_IGNORE:
                        if ptr >= end || C.sre_lower_unicode(text[ptr]) == c(pattern) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .NOT_LITERAL_LOC_IGNORE:
                        if ptr >= end || C.char_loc_ignore(c(pattern), text[ptr]) { ret = 0; next = .exit; continue machine }
                        pattern += 1
                        ptr += 1

                    case .IN_IGNORE:
                        if ptr >= end || !charset(pattern + 1, C.sre_lower_ascii(text[ptr])) { ret = 0; next = .exit; continue machine }
                        pattern += ci(pattern)
                        ptr += 1

                    case .IN_UNI_IGNORE:
                        if ptr >= end || !charset(pattern + 1, C.sre_lower_unicode(text[ptr])) { ret = 0; next = .exit; continue machine }
                        pattern += ci(pattern)
                        ptr += 1

                    case .IN_LOC_IGNORE:
                        if ptr >= end || !charsetLocIgnore(pattern + 1, text[ptr]) { ret = 0; next = .exit; continue machine }
                        pattern += ci(pattern)
                        ptr += 1

                    case .JUMP, .INFO:
                        // <JUMP> <offset>
                        guard c(pattern) > 0 else { return -1 }
                        pattern += ci(pattern)

                    case .BRANCH:
                        // <BRANCH> <0=skip> code <JUMP> ... <NULL>
                        ctx.lastmark = lastmark; ctx.lastindex = lastindex  // LASTMARK_SAVE
                        if `repeat` != nil { markPush(ctx.lastmark) }
                        next = .branchNext; continue machine

                    case .REPEAT_ONE:
                        // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                        if ci(pattern + 1) > end - ptr { ret = 0; next = .exit; continue machine }
                        self.ptr = ptr
                        ret = count(pattern + 3, c(pattern + 2))
                        if ret < 0 { return ret }
                        ctx.count = ret
                        ptr += ctx.count
                        if ctx.count < ci(pattern + 1) { ret = 0; next = .exit; continue machine }
                        if c(pattern + ci(pattern)) == SREOpcode.SUCCESS.code && ptr == end
                            && !(ctx.toplevel && mustAdvance && ptr == self.start) {
                            // tail is empty. we're finished
                            self.ptr = ptr
                            ret = 1; next = .exit; continue machine
                        }
                        ctx.lastmark = lastmark; ctx.lastindex = lastindex
                        if `repeat` != nil { markPush(ctx.lastmark) }
                        if c(pattern + ci(pattern)) == SREOpcode.LITERAL.code {
                            // tail starts with a literal. skip positions where the rest
                            // of the pattern cannot possibly match
                            ctx.chr = c(pattern + ci(pattern) + 1)
                            next = .repeatOne1Next
                        } else {
                            next = .repeatOne2Next
                        }
                        continue machine

                    case .MIN_REPEAT_ONE:
                        // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                        if ci(pattern + 1) > end - ptr { ret = 0; next = .exit; continue machine }
                        self.ptr = ptr
                        if c(pattern + 1) == 0 {
                            ctx.count = 0
                        } else {
                            // count using pattern min as the maximum
                            ret = count(pattern + 3, c(pattern + 1))
                            if ret < 0 { return ret }
                            if ret < ci(pattern + 1) { ret = 0; next = .exit; continue machine }
                            ctx.count = ret
                            ptr += ctx.count
                        }
                        if c(pattern + ci(pattern)) == SREOpcode.SUCCESS.code
                            && !(ctx.toplevel && ((matchAll && ptr != end) || (mustAdvance && ptr == self.start))) {
                            // tail is empty. we're finished
                            self.ptr = ptr
                            ret = 1; next = .exit; continue machine
                        }
                        ctx.lastmark = lastmark; ctx.lastindex = lastindex
                        if `repeat` != nil { markPush(ctx.lastmark) }
                        next = .minRepeatOneNext; continue machine

                    case .POSSESSIVE_REPEAT_ONE:
                        // <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
                        if ptr + ci(pattern + 1) > end { ret = 0; next = .exit; continue machine }
                        self.ptr = ptr
                        ret = count(pattern + 3, c(pattern + 2))
                        if ret < 0 { return ret }
                        ctx.count = ret
                        ptr += ctx.count
                        if ctx.count < ci(pattern + 1) { ret = 0; next = .exit; continue machine }
                        // Update the pattern to point to the next op code
                        pattern += ci(pattern)
                        if c(pattern) == SREOpcode.SUCCESS.code && ptr == end
                            && !(ctx.toplevel && mustAdvance && ptr == self.start) {
                            self.ptr = ptr
                            ret = 1; next = .exit; continue machine
                        }
                        // Attempt to match the rest of the string

                    case .REPEAT:
                        // create repeat context. all the hard work is done by the UNTIL
                        // operator (MAX_UNTIL, MIN_UNTIL)
                        // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
                        let rep = SRERepeat(pattern: pattern, prev: `repeat`)
                        ctx.rep = rep
                        `repeat` = rep
                        self.ptr = ptr
                        doJump(.jumpRepeat, pattern + ci(pattern), ctx.toplevel)
                        continue machine

                    case .MAX_UNTIL:
                        // maximizing repeat: <REPEAT> <skip> <1=min> <2=max> item <MAX_UNTIL> tail
                        guard let rep = `repeat` else { return -2 }  // SRE_ERROR_STATE
                        ctx.rep = rep
                        self.ptr = ptr
                        ctx.count = rep.count + 1
                        if ctx.count < ci(rep.pattern + 1) {
                            // not enough matches
                            rep.count = ctx.count
                            doJump(.jumpMaxUntil1, rep.pattern + 3, ctx.toplevel)
                            continue machine
                        }
                        if (ctx.count < ci(rep.pattern + 2) || c(rep.pattern + 2) == SREConstants.MAXREPEAT)
                            && self.ptr != rep.lastPtr {
                            // we may have enough matches, but if we can match another
                            // item, do so
                            rep.count = ctx.count
                            ctx.lastmark = lastmark; ctx.lastindex = lastindex
                            markPush(ctx.lastmark)
                            // zero-width match protection
                            dataStack.append(rep.lastPtr)
                            rep.lastPtr = self.ptr
                            doJump(.jumpMaxUntil2, rep.pattern + 3, ctx.toplevel)
                            continue machine
                        }
                        // cannot match more repeated items here. make sure the tail matches
                        `repeat` = rep.prev
                        doJump(.jumpMaxUntil3, pattern, ctx.toplevel)
                        continue machine

                    case .MIN_UNTIL:
                        // minimizing repeat: <REPEAT> <skip> <1=min> <2=max> item <MIN_UNTIL> tail
                        guard let rep = `repeat` else { return -2 }
                        ctx.rep = rep
                        self.ptr = ptr
                        ctx.count = rep.count + 1
                        if ctx.count < ci(rep.pattern + 1) {
                            // not enough matches
                            rep.count = ctx.count
                            doJump(.jumpMinUntil1, rep.pattern + 3, ctx.toplevel)
                            continue machine
                        }
                        // see if the tail matches
                        `repeat` = rep.prev
                        ctx.lastmark = lastmark; ctx.lastindex = lastindex
                        if `repeat` != nil { markPush(ctx.lastmark) }
                        doJump(.jumpMinUntil2, pattern, ctx.toplevel)
                        continue machine

                    case .POSSESSIVE_REPEAT:
                        // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
                        self.ptr = ptr
                        ctx.count = 0
                        next = .possRepeat1Next; continue machine

                    case .ATOMIC_GROUP:
                        // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                        self.ptr = ptr
                        doJump(.jumpAtomicGroup, pattern + 1, false)
                        continue machine

                    case .GROUPREF, .GROUPREF_IGNORE, .GROUPREF_UNI_IGNORE, .GROUPREF_LOC_IGNORE:
                        // match backreference
                        let groupref = ci(pattern) * 2
                        if groupref >= lastmark { ret = 0; next = .exit; continue machine }
                        var p = mark[groupref]
                        let e = mark[groupref + 1]
                        if p < 0 || e < 0 || e < p { ret = 0; next = .exit; continue machine }
                        while p < e {
                            if ptr >= end { ret = 0; next = .exit; continue machine }
                            let same: Bool
                            switch opcode {
                            case .GROUPREF: same = text[ptr] == text[p]
                            case .GROUPREF_IGNORE: same = C.sre_lower_ascii(text[ptr]) == C.sre_lower_ascii(text[p])
                            case .GROUPREF_UNI_IGNORE: same = C.sre_lower_unicode(text[ptr]) == C.sre_lower_unicode(text[p])
                            default: same = C.sre_lower_locale(text[ptr]) == C.sre_lower_locale(text[p])
                            }
                            if !same { ret = 0; next = .exit; continue machine }
                            p += 1
                            ptr += 1
                        }
                        pattern += 1

                    case .GROUPREF_EXISTS:
                        // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
                        let groupref = ci(pattern) * 2
                        if groupref >= lastmark || mark[groupref] < 0 || mark[groupref + 1] < 0
                            || mark[groupref + 1] < mark[groupref] {
                            guard c(pattern + 1) > 0 else { return -1 }
                            pattern += ci(pattern + 1)
                        } else {
                            pattern += 2
                        }

                    case .ASSERT:
                        // <ASSERT> <skip> <back> <pattern>
                        if ptr < ci(pattern + 1) { ret = 0; next = .exit; continue machine }
                        self.ptr = ptr - ci(pattern + 1)
                        doJump(.jumpAssert, pattern + 2, false)
                        continue machine

                    case .ASSERT_NOT:
                        // <ASSERT_NOT> <skip> <back> <pattern>
                        if ptr >= ci(pattern + 1) {
                            self.ptr = ptr - ci(pattern + 1)
                            ctx.lastmark = lastmark; ctx.lastindex = lastindex
                            if `repeat` != nil { markPush(ctx.lastmark) }
                            doJump(.jumpAssertNot, pattern + 2, false)
                            continue machine
                        }
                        pattern += ci(pattern)

                    case .FAILURE:
                        ret = 0; next = .exit; continue machine

                    case .RANGE_UNI_IGNORE, .SUBPATTERN, .RANGE, .NEGATE, .BIGCHARSET, .CHARSET:
                        return -1  // SRE_ERROR_ILLEGAL
                    }
                }

            case .exit:
                let jump = ctx.jump
                guard contexts.count > base else { return ret }
                ctx = contexts.removeLast()
                pattern = ctx.pattern
                ptr = ctx.ptr
                next = jump

            case .none:
                return ret

            // BRANCH: try each alternative in turn.
            case .branchNext:
                while c(pattern) != 0 {
                    if c(pattern + 1) == SREOpcode.LITERAL.code && (ptr >= end || text[ptr] != c(pattern + 2)) {
                        pattern += ci(pattern)
                        continue
                    }
                    if c(pattern + 1) == SREOpcode.IN.code && (ptr >= end || !charset(pattern + 3, text[ptr])) {
                        pattern += ci(pattern)
                        continue
                    }
                    self.ptr = ptr
                    doJump(.jumpBranch, pattern + 1, ctx.toplevel)
                    continue machine
                }
                if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                ret = 0; next = .exit

            case .jumpBranch:
                if ret != 0 {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                if `repeat` != nil { markPop(ctx.lastmark, discard: false) }
                lastmark = ctx.lastmark; lastindex = ctx.lastindex  // LASTMARK_RESTORE
                pattern += ci(pattern)
                next = .branchNext

            // REPEAT_ONE whose tail starts with a literal.
            case .repeatOne1Next:
                while ctx.count >= ci(pattern + 1) && (ptr >= end || text[ptr] != ctx.chr) {
                    ptr -= 1
                    ctx.count -= 1
                }
                if ctx.count < ci(pattern + 1) {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    ret = 0; next = .exit; continue machine
                }
                self.ptr = ptr
                doJump(.jumpRepeatOne1, pattern + ci(pattern), ctx.toplevel)

            case .jumpRepeatOne1:
                if ret != 0 {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                if `repeat` != nil { markPop(ctx.lastmark, discard: false) }
                lastmark = ctx.lastmark; lastindex = ctx.lastindex
                ptr -= 1
                ctx.count -= 1
                next = .repeatOne1Next

            // REPEAT_ONE, general case.
            case .repeatOne2Next:
                if ctx.count >= ci(pattern + 1) {
                    self.ptr = ptr
                    doJump(.jumpRepeatOne2, pattern + ci(pattern), ctx.toplevel)
                    continue machine
                }
                if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                ret = 0; next = .exit

            case .jumpRepeatOne2:
                if ret != 0 {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                if `repeat` != nil { markPop(ctx.lastmark, discard: false) }
                lastmark = ctx.lastmark; lastindex = ctx.lastindex
                ptr -= 1
                ctx.count -= 1
                next = .repeatOne2Next

            case .minRepeatOneNext:
                if c(pattern + 2) == SREConstants.MAXREPEAT || ctx.count <= ci(pattern + 2) {
                    self.ptr = ptr
                    doJump(.jumpMinRepeatOne, pattern + ci(pattern), ctx.toplevel)
                    continue machine
                }
                if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                ret = 0; next = .exit

            case .jumpMinRepeatOne:
                if ret != 0 {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                if `repeat` != nil { markPop(ctx.lastmark, discard: false) }
                lastmark = ctx.lastmark; lastindex = ctx.lastindex
                self.ptr = ptr
                ret = count(pattern + 3, 1)
                if ret < 0 { return ret }
                if ret == 0 {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    ret = 0; next = .exit; continue machine
                }
                ptr += 1
                ctx.count += 1
                next = .minRepeatOneNext

            case .jumpRepeat:
                `repeat` = ctx.rep?.prev
                if ret != 0 {
                    if ret < 0 { return ret }
                    ret = 1
                }
                next = .exit

            case .jumpMaxUntil1:
                if ret != 0 {
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                guard let rep = ctx.rep else { return -2 }
                rep.count = ctx.count - 1
                self.ptr = ptr
                ret = 0; next = .exit

            case .jumpMaxUntil2:
                guard let rep = ctx.rep else { return -2 }
                rep.lastPtr = dataStack.removeLast()  // DATA_POP(&ctx->u.rep->last_ptr)
                if ret != 0 {
                    markPopDiscard(ctx.lastmark)
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                markPop(ctx.lastmark, discard: true)
                lastmark = ctx.lastmark; lastindex = ctx.lastindex
                rep.count = ctx.count - 1
                self.ptr = ptr
                // cannot match more repeated items here. make sure the tail matches
                `repeat` = rep.prev
                doJump(.jumpMaxUntil3, pattern, ctx.toplevel)

            case .jumpMaxUntil3:
                `repeat` = ctx.rep  // restore repeat before return
                if ret != 0 {
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                self.ptr = ptr
                ret = 0; next = .exit

            case .jumpMinUntil1:
                if ret != 0 {
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                guard let rep = ctx.rep else { return -2 }
                rep.count = ctx.count - 1
                self.ptr = ptr
                ret = 0; next = .exit

            case .jumpMinUntil2:
                guard let rep = ctx.rep else { return -2 }
                let repeatOfTail = `repeat`
                `repeat` = rep  // restore repeat before return
                if ret != 0 {
                    if repeatOfTail != nil { markPopDiscard(ctx.lastmark) }
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                if repeatOfTail != nil { markPop(ctx.lastmark, discard: true) }
                lastmark = ctx.lastmark; lastindex = ctx.lastindex
                self.ptr = ptr
                if (ctx.count >= ci(rep.pattern + 2) && c(rep.pattern + 2) != SREConstants.MAXREPEAT)
                    || self.ptr == rep.lastPtr {
                    ret = 0; next = .exit; continue machine
                }
                rep.count = ctx.count
                // zero-width match protection
                dataStack.append(rep.lastPtr)
                rep.lastPtr = self.ptr
                doJump(.jumpMinUntil3, rep.pattern + 3, ctx.toplevel)

            case .jumpMinUntil3:
                guard let rep = ctx.rep else { return -2 }
                rep.lastPtr = dataStack.removeLast()
                if ret != 0 {
                    if ret < 0 { return ret }
                    ret = 1; next = .exit; continue machine
                }
                rep.count = ctx.count - 1
                self.ptr = ptr
                ret = 0; next = .exit

            // POSSESSIVE_REPEAT: first the minimum, then as many more as match.
            case .possRepeat1Next:
                if ctx.count < ci(pattern + 1) {
                    // not enough matches
                    doJump(.jumpPossRepeat1, pattern + 3, false)
                    continue machine
                }
                // Clear the context's input pointer so that the loop can be entered.
                ptr = -1
                next = .possRepeat2Next

            case .jumpPossRepeat1:
                if ret != 0 {
                    if ret < 0 { return ret }
                    ctx.count += 1
                    next = .possRepeat1Next
                } else {
                    self.ptr = ptr
                    ret = 0; next = .exit
                }

            case .possRepeat2Next:
                if (ctx.count < ci(pattern + 2) || c(pattern + 2) == SREConstants.MAXREPEAT) && self.ptr != ptr {
                    ctx.lastmark = lastmark; ctx.lastindex = lastindex
                    markPush(ctx.lastmark)
                    // zero-width match protection: an item that matched the empty
                    // string leaves self.ptr where ptr is, which ends the loop.
                    ptr = self.ptr
                    doJump(.jumpPossRepeat2, pattern + 3, false)
                    continue machine
                }
                // Evaluate Tail: past the pattern and the SUCCESS that follows it.
                pattern += ci(pattern) + 1
                ptr = self.ptr
                next = .dispatch

            case .jumpPossRepeat2:
                if ret != 0 {
                    markPopDiscard(ctx.lastmark)
                    if ret < 0 { return ret }
                    ctx.count += 1
                    next = .possRepeat2Next
                } else {
                    markPop(ctx.lastmark, discard: true)
                    lastmark = ctx.lastmark; lastindex = ctx.lastindex
                    self.ptr = ptr
                    pattern += ci(pattern) + 1
                    ptr = self.ptr
                    next = .dispatch
                }

            case .jumpAtomicGroup:
                if ret < 0 { return ret }
                if ret == 0 {
                    self.ptr = ptr
                    next = .exit; continue machine
                }
                // Evaluate Tail: past the group and its SUCCESS.
                pattern += ci(pattern)
                ptr = self.ptr
                next = .dispatch

            case .jumpAssert:
                if ret < 0 { return ret }
                if ret == 0 { next = .exit; continue machine }
                pattern += ci(pattern)
                next = .dispatch

            case .jumpAssertNot:
                if ret != 0 {
                    if `repeat` != nil { markPopDiscard(ctx.lastmark) }
                    if ret < 0 { return ret }
                    ret = 0; next = .exit; continue machine
                }
                if `repeat` != nil { markPop(ctx.lastmark, discard: true) }
                lastmark = ctx.lastmark; lastindex = ctx.lastindex
                pattern += ci(pattern)
                next = .dispatch
            }
        }

    }

    // MARK: SRE(search)

    /// Finds the first match from `start`: 1 (with `start` and `ptr` its span), 0, or
    /// negative on an error.
    package func search() -> Int {
        var ptr = start
        var end = self.end
        var status = 0
        var prefixLen = 0
        var prefixSkip = 0
        var prefix = 0
        var charsetStart = -1
        var overlap = 0
        var flags: UInt32 = 0
        var pattern = 0

        if ptr > end { return 0 }

        if c(0) == SREOpcode.INFO.code {
            // optimization info block: <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
            flags = c(2)
            if c(3) != 0 && end - ptr < ci(3) { return 0 }
            if c(3) > 1 {
                // adjust end point (but make sure we leave at least one character in
                // there, so literal search will work)
                end -= ci(3) - 1
                if end <= ptr { end = ptr }
            }
            if flags & SREConstants.SRE_INFO_PREFIX != 0 {
                // pattern starts with a known prefix: <length> <skip> <prefix data> <overlap data>
                prefixLen = ci(5)
                prefixSkip = ci(6)
                prefix = 7
                overlap = prefix + prefixLen - 1
            } else if flags & SREConstants.SRE_INFO_CHARSET != 0 {
                // pattern starts with a character from a known set: <charset>
                charsetStart = 5
            }
            pattern = 1 + ci(1)
        }

        if prefixLen == 1 {
            // pattern starts with a literal character
            let ch = c(prefix)
            end = self.end
            mustAdvance = false
            while ptr < end {
                while text[ptr] != ch {
                    ptr += 1
                    if ptr >= end { return 0 }
                }
                start = ptr
                self.ptr = ptr + prefixSkip
                if flags & SREConstants.SRE_INFO_LITERAL != 0 { return 1 }  // we got all of it
                status = match(pattern + 2 * prefixSkip, toplevel: false)
                if status != 0 { return status }
                ptr += 1
                lastmark = -1; lastindex = -1  // RESET_CAPTURE_GROUP
            }
            return 0
        }

        if prefixLen > 1 {
            // pattern starts with a known prefix. use the overlap table to skip forward
            // as fast as we possibly can
            end = self.end
            if prefixLen > end - ptr { return 0 }
            while ptr < end {
                let c0 = c(prefix)
                while true {
                    let matched = text[ptr] == c0
                    ptr += 1
                    if matched { break }
                    if ptr >= end { return 0 }
                }
                if ptr >= end { return 0 }
                var i = 1
                mustAdvance = false
                repeat {
                    if text[ptr] == c(prefix + i) {
                        i += 1
                        if i != prefixLen {
                            ptr += 1
                            if ptr >= end { return 0 }
                            continue
                        }
                        // found a potential match
                        start = ptr - (prefixLen - 1)
                        self.ptr = ptr - (prefixLen - prefixSkip - 1)
                        if flags & SREConstants.SRE_INFO_LITERAL != 0 { return 1 }
                        status = match(pattern + 2 * prefixSkip, toplevel: false)
                        if status != 0 { return status }
                        // close but no cigar -- try again
                        ptr += 1
                        if ptr >= end { return 0 }
                        lastmark = -1; lastindex = -1
                    }
                    i = ci(overlap + i)
                } while i != 0
            }
            return 0
        }

        if charsetStart >= 0 {
            // pattern starts with a character from a known set
            end = self.end
            mustAdvance = false
            while true {
                while ptr < end && !charset(charsetStart, text[ptr]) { ptr += 1 }
                if ptr >= end { return 0 }
                start = ptr
                self.ptr = ptr
                status = match(pattern, toplevel: false)
                if status != 0 { break }
                ptr += 1
                lastmark = -1; lastindex = -1
            }
        } else {
            // general case
            start = ptr
            self.ptr = ptr
            status = match(pattern, toplevel: true)
            mustAdvance = false
            if status == 0 && c(pattern) == SREOpcode.AT.code
                && (c(pattern + 1) == SREAt.BEGINNING.rawValue || c(pattern + 1) == SREAt.BEGINNING_STRING.rawValue) {
                ptr = end
                start = end
                self.ptr = end
                return 0
            }
            while status == 0 && ptr < end {
                ptr += 1
                lastmark = -1; lastindex = -1
                start = ptr
                self.ptr = ptr
                status = match(pattern, toplevel: false)
            }
        }
        return status
    }
}
