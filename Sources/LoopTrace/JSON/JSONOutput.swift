/// Appends JSON text to a byte buffer. Doubles are written in Swift's shortest round-trip
/// form, so reading them back gives the same bits (the trace's round trip is lossless).
struct JSONOutput {
    var bytes: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ v: Int) {
        bytes.append(contentsOf: String(v).utf8)
    }

    mutating func int(_ v: Int?) {
        if let v { int(v) } else { raw("null") }
    }

    /// Finite numbers as JSON numbers; infinities and NaN (which JSON lacks) as strings.
    mutating func double(_ v: Double) {
        if v.isFinite {
            bytes.append(contentsOf: v.description.utf8)
        } else {
            raw("\"")
            bytes.append(contentsOf: v.description.utf8)
            raw("\"")
        }
    }

    mutating func double(_ v: Double?) {
        if let v { double(v) } else { raw("null") }
    }

    mutating func bool(_ v: Bool) {
        if v { raw("true") } else { raw("false") }
    }

    mutating func string(_ s: String?) {
        guard let s else { raw("null"); return }
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case UInt8(ascii: "\n"): raw("\\n")
            case UInt8(ascii: "\r"): raw("\\r")
            case UInt8(ascii: "\t"): raw("\\t")
            case 0..<0x20, 0x7f:
                raw("\\u00")
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(hex[Int(b >> 4)])
                bytes.append(hex[Int(b & 15)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"key":` with a leading comma unless it is the object's first key.
    mutating func key(_ k: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        raw(k)
        raw("\":")
    }
}
