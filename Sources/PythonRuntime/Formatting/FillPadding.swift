/// `s` repeated `count` times, built by copying bytes straight into the new string's storage
/// (doubling the part already written), for `'ab' * n`, padding and `zfill`.
///
/// `String(repeating:count:)` appends piece by piece, and appending `repeatElement(fill,
/// count:)` to a `String.UnicodeScalarView` goes through an unspecialised generic path:
/// `f'{1:100000000}'` took 23 s that way where CPython takes 0.2 s.
package func repeatedString(_ s: String, count: Int) -> String {
    let unit = Array(s.utf8)
    guard count > 0, !unit.isEmpty else { return "" }
    let total = unit.count * count
    return String(unsafeUninitializedCapacity: total) { buffer in
        if unit.count == 1 {
            buffer.initialize(repeating: unit[0])
            return total
        }
        _ = buffer.initialize(from: unit)
        var written = unit.count
        while written < total {
            let chunk = min(written, total - written)
            let base = buffer.baseAddress!
            (base + written).update(from: base, count: chunk)
            written += chunk
        }
        return total
    }
}

/// A run of `count` fill characters.
package func fillPadding(_ fill: Unicode.Scalar, count: Int) -> String {
    repeatedString(String(fill), count: count)
}
