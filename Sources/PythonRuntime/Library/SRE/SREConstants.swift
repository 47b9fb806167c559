/// The constants `Lib/re/_constants.py` shares with the matcher (CPython's
/// Modules/_sre/sre_constants.h, generated from that file): opcodes, position codes,
/// character categories, flags and INFO flags, under CPython's names.
package enum SREConstants {
    /// `SRE_MAGIC`: `Lib/re/_compiler.py` asserts `_sre.MAGIC == MAGIC`.
    package static let MAGIC = 20220615
    /// `SRE_CODE` is 32 bits wide.
    package static let CODESIZE = 4
    /// `SRE_MAXREPEAT`: `(SRE_CODE)-1`, the bound of an unbounded repeat.
    package static let MAXREPEAT: UInt32 = UInt32.max
    /// `SRE_MAXGROUPS`: `INT32_MAX / 2` on 64-bit platforms (sre.h).
    package static let MAXGROUPS = Int(Int32.max) / 2

    package static let SRE_FLAG_TEMPLATE = 1
    package static let SRE_FLAG_IGNORECASE = 2
    package static let SRE_FLAG_LOCALE = 4
    package static let SRE_FLAG_MULTILINE = 8
    package static let SRE_FLAG_DOTALL = 16
    package static let SRE_FLAG_UNICODE = 32
    package static let SRE_FLAG_VERBOSE = 64
    package static let SRE_FLAG_DEBUG = 128
    package static let SRE_FLAG_ASCII = 256

    package static let SRE_INFO_PREFIX: UInt32 = 1
    package static let SRE_INFO_LITERAL: UInt32 = 2
    package static let SRE_INFO_CHARSET: UInt32 = 4
}

/// `SRE_OP_*`, numbered as `OPCODES` in `_constants.py`. A code word becomes one of these
/// only where the matcher dispatches on it (so the switch is a jump table).
package enum SREOpcode: UInt32 {
    case FAILURE = 0, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET,
         BIGCHARSET, GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL,
         NOT_LITERAL, NEGATE, RANGE, REPEAT, REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP,
         POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE,
         NOT_LITERAL_IGNORE, GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE,
         NOT_LITERAL_LOC_IGNORE, GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE,
         NOT_LITERAL_UNI_IGNORE, RANGE_UNI_IGNORE

    /// The code word of this opcode.
    package var code: UInt32 { rawValue }
}

/// `SRE_AT_*`: what the AT opcode tests.
package enum SREAt: UInt32 {
    case BEGINNING = 0, BEGINNING_LINE, BEGINNING_STRING, BOUNDARY, NON_BOUNDARY, END, END_LINE,
         END_STRING, LOC_BOUNDARY, LOC_NON_BOUNDARY, UNI_BOUNDARY, UNI_NON_BOUNDARY
}

/// `SRE_CATEGORY_*`: the character classes of `\d`, `\s`, `\w` and their negations.
package enum SRECategory: UInt32 {
    case DIGIT = 0, NOT_DIGIT, SPACE, NOT_SPACE, WORD, NOT_WORD, LINEBREAK, NOT_LINEBREAK,
         LOC_WORD, LOC_NOT_WORD, UNI_DIGIT, UNI_NOT_DIGIT, UNI_SPACE, UNI_NOT_SPACE, UNI_WORD,
         UNI_NOT_WORD, UNI_LINEBREAK, UNI_NOT_LINEBREAK
}
