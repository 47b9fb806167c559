/// `complex(str)`: CPython 3.11's `complex_subtype_from_string` and
/// `complex_from_string_inner` (Objects/complexobject.c).
public enum PyComplexText {
    public enum Failure: Error, Equatable {
        /// "complex() arg is a malformed string"
        case malformed
        /// An underscore not between two digits: "could not convert string to complex: '...'"
        case underscore
    }

    /// `<float>`, `<float>j`, `<float><signed-float>j`, and the older `<float><sign>j`,
    /// `<sign>j` and `j`, optionally in parentheses, with whitespace around.
    public static func parse(_ text: String) throws(Failure) -> ComplexValue {
        var s = NumericText.transformDecimalAndSpaceToASCII(text)
        if s.contains(UInt8(ascii: "_")) {
            guard let cleaned = NumericText.removingUnderscores(s) else { throw .underscore }
            s = cleaned
        }
        var i = 0
        func at(_ k: Int) -> UInt8 { k < s.count ? s[k] : 0 }
        func skipSpaces() { while i < s.count && NumericText.isASCIISpace(s[i]) { i += 1 } }
        func isJ(_ c: UInt8) -> Bool { c == UInt8(ascii: "j") || c == UInt8(ascii: "J") }
        func isSign(_ c: UInt8) -> Bool { c == UInt8(ascii: "+") || c == UInt8(ascii: "-") }
        var x = 0.0, y = 0.0
        skipSpaces()
        var gotBracket = false
        if at(i) == UInt8(ascii: "(") {
            gotBracket = true
            i += 1
            skipSpaces()
        }
        if let (z, length) = PyFloat.parsePrefix(s[i...]) {
            // All four forms starting with <float>.
            i += length
            if isSign(at(i)) {
                x = z
                if let (w, length) = PyFloat.parsePrefix(s[i...]) {
                    y = w
                    i += length
                } else {
                    y = at(i) == UInt8(ascii: "+") ? 1 : -1
                    i += 1
                }
                guard isJ(at(i)) else { throw .malformed }
                i += 1
            } else if isJ(at(i)) {
                i += 1
                y = z
            } else {
                x = z
            }
        } else {
            // <sign>j or j
            if isSign(at(i)) {
                y = at(i) == UInt8(ascii: "+") ? 1 : -1
                i += 1
            } else {
                y = 1
            }
            guard isJ(at(i)) else { throw .malformed }
            i += 1
        }
        skipSpaces()
        if gotBracket {
            guard at(i) == UInt8(ascii: ")") else { throw .malformed }
            i += 1
            skipSpaces()
        }
        guard i == s.count else { throw .malformed }
        return ComplexValue(x, y)
    }
}
