/// `s` repeated `count` times, built by copying bytes straight into the new string's storage
/// (doubling the part already written), for `'ab' * n`, padding and `zfill`.
///
/// `String(repeating:count:)` appends piece by piece, and appending `repeatElement(fill,
/// count:)` to a `String.UnicodeScalarView` goes through an unspecialised generic path:
/// `f'{1:100000000}'` took 23 s that way where CPython takes 0.2 s.
package func repeatedString(_ s: String, count: Int) -> String {
    padded([.repeated(s, count)])
}

/// A piece of a padded field: text as it is, or a string repeated (the fill).
package enum PaddedPiece {
    case text(String)
    case repeated(String, Int)

    package static func fill(_ fill: Unicode.Scalar, _ count: Int) -> PaddedPiece { .repeated(String(fill), count) }
}

/// The pieces joined into one string allocated once at its final size: a field a hundred
/// million wide is written once (`fill + body + fill` copied it again for each `+`, three
/// times the work CPython does for `f'{"x":^100000000}'`).
package func padded(_ pieces: [PaddedPiece]) -> String {
    var total = 0
    for piece in pieces {
        switch piece {
        case let .text(t): total += t.utf8.count
        case let .repeated(unit, count): if count > 0 { total += unit.utf8.count * count }
        }
    }
    guard total > 0 else { return "" }
    return String(unsafeUninitializedCapacity: total) { buffer in
        let base = buffer.baseAddress!
        var at = 0
        for piece in pieces {
            switch piece {
            case let .text(t):
                let copied = t.utf8.withContiguousStorageIfAvailable { src -> Int in
                    if let from = src.baseAddress { (base + at).initialize(from: from, count: src.count) }
                    return src.count
                }
                if let copied { at += copied } else { for b in t.utf8 { base[at] = b; at += 1 } }
            case let .repeated(unit, count):
                guard count > 0 else { continue }
                let bytes = Array(unit.utf8)
                let length = bytes.count * count
                if bytes.count == 1 {
                    (base + at).initialize(repeating: bytes[0], count: length)
                } else if !bytes.isEmpty {
                    // Copy the unit once, then double what is written until the run is done.
                    (base + at).initialize(from: bytes, count: bytes.count)
                    var written = bytes.count
                    while written < length {
                        let chunk = min(written, length - written)
                        (base + at + written).initialize(from: base + at, count: chunk)
                        written += chunk
                    }
                }
                at += length
            }
        }
        return at
    }
}
