import Testing
@testable import PythonRuntime

/// `len(s)`, `s[i]` and `s[lo:hi]` through the code-point index agree with the string's
/// code points, for ASCII text and for text of one- to four-byte UTF-8 code points, at
/// every position around the index's 64-code-point breadcrumbs.
@Suite("code-point index")
struct CodePointIndexTests {
    static let samples: [String] = [
        String(repeating: "ab", count: 100),
        "é" + String(repeating: "xy", count: 70),
        String(repeating: "héllo wörld ", count: 12) + String(repeating: "🎉", count: 70) + "€end",
        String(repeating: "\u{10FFFF}", count: 129) + "a",
        "e\u{301}" + String(repeating: "\r\n", count: 40) + "\u{0}",
        "short é",
    ]

    @Test("every code point, count and slice of each sample is the one its scalars have")
    func everyPosition() {
        let index = CodePointIndex()
        for s in Self.samples {
            let scalars = Array(s.unicodeScalars)
            // Twice: the first look builds the view, the second finds it remembered.
            for _ in 0..<2 {
                let view = index.view(s)
                #expect(view.count == scalars.count)
                #expect(index.count(s) == scalars.count)
                for i in scalars.indices { #expect(view[i] == scalars[i], "\(i) of \(s.debugDescription)") }
                for lo in stride(from: 0, through: scalars.count, by: 7) {
                    for hi in [lo, lo + 1, lo + 63, lo + 64, lo + 65, scalars.count] where hi <= scalars.count {
                        #expect(view.substring(lo, hi) == CodePoints.string(scalars[lo..<hi]))
                    }
                }
                #expect(view.string(at: stride(from: scalars.count - 1, through: 0, by: -3))
                        == CodePoints.string(stride(from: scalars.count - 1, through: 0, by: -3).map { scalars[$0] }))
            }
        }
    }

    @Test("strings with equal text but other code points are never taken for each other")
    func canonicallyEquivalentStrings() {
        let index = CodePointIndex()
        let decomposed = String(repeating: "e\u{301}", count: 50), composed = String(repeating: "\u{E9}", count: 50)
        #expect(decomposed == composed)  // Swift's equality: canonical equivalence
        #expect(index.count(decomposed) == 100)
        #expect(index.count(composed) == 50)
        #expect(index.view(decomposed)[1] == "\u{301}")
        #expect(index.view(composed)[1] == "\u{E9}")
    }
}
