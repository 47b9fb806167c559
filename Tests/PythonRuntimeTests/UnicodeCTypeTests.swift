import Foundation
import Testing
@testable import PythonRuntime

/// Every code point's character types and case mappings against CPython 3.11's (whose
/// Unicode is 14.0.0), through the same functions `str`'s methods use. Swift's Unicode
/// tables are newer; this catches every code point where that shows.
@Suite("Unicode character types", .enabled(if: ReferencePython.available, "python3 is missing: it is the reference"))
struct UnicodeCTypeTests {
    /// What CPython says of one code point as a one-character string.
    struct Answer: Equatable, CustomStringConvertible {
        var flags: String
        var mappings: [String]
        var description: String { flags + " " + mappings.map { $0.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ",") }.joined(separator: " ") }
    }

    static let predicates = "isalpha isdecimal isdigit isnumeric isalnum isspace isupper islower istitle isprintable isidentifier"

    /// CPython's answers, for the code points where any differs from "none, and maps to itself".
    static func reference() throws -> [UInt32: Answer] {
        let script = """
        import sys
        names = "\(predicates)".split()
        for code in range(sys.maxunicode + 1):
            if 0xD800 <= code < 0xE000: continue
            c = chr(code)
            flags = ''.join('1' if getattr(c, n)() else '0' for n in names) + ('1' if ('a' + c).isidentifier() else '0')
            maps = [c.upper(), c.lower(), c.title(), c.casefold(), c.swapcase()]
            if '1' in flags or any(m != c for m in maps):
                print(code, flags, *(','.join('%x' % ord(x) for x in m) for m in maps))
        """
        let text = try ReferencePython.run(script)
        var answers: [UInt32: Answer] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 7, let code = UInt32(fields[0]) else { continue }
            let mappings = fields[2...].map { field in
                CodePoints.string(field.split(separator: ",").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) })
            }
            answers[code] = Answer(flags: fields[1], mappings: mappings)
        }
        return answers
    }

    /// The same answers from the functions `str`'s methods call.
    static func answer(_ c: Unicode.Scalar) -> Answer {
        let s = String(c)
        let tests: [Bool] = [
            UnicodeCType.isAlpha(c), UnicodeCType.isDecimal(c), UnicodeCType.isDigit(c), UnicodeCType.isNumeric(c),
            UnicodeCType.isAlnum(c), UnicodeCType.isSpace(c), CaseMapping.isUpper(s), CaseMapping.isLower(s),
            CaseMapping.isTitle(s), UnicodeCType.isPrintable(c), c == "_" || UnicodeCType.isXIDStart(c),
            UnicodeCType.isXIDContinue(c),
        ]
        return Answer(flags: String(tests.map { $0 ? "1" : "0" }),
                      mappings: [CaseMapping.upper(s), CaseMapping.lower(s), CaseMapping.title(s),
                                 CaseMapping.casefold(s), CaseMapping.swapcase(s)])
    }

    @Test("every code point matches CPython 3.11")
    func everyCodePoint() throws {
        let reference = try Self.reference()
        #expect(reference.count > 100_000, "the reference listed only \(reference.count) code points")
        var differences: [String] = []
        for code in UInt32(0)...0x10FFFF {
            // Code points neither Unicode version assigns have no types and no mappings in
            // either (the private-use areas are assigned and are checked).
            guard let c = Unicode.Scalar(code), reference[code] != nil || c.properties.age != nil else { continue }
            let expected = reference[code] ?? Answer(flags: "000000000000", mappings: Array(repeating: String(c), count: 5))
            let got = Self.answer(c)
            if got != expected { differences.append("U+\(String(code, radix: 16)): CPython \(expected), loopscope \(got)") }
        }
        #expect(differences.count == 0, Comment(rawValue: "\(differences.count) code points differ:\n" + differences.prefix(60).joined(separator: "\n")))
    }

    @Test("a capital sigma lowers to a final sigma at the end of a word, as CPython's do_lower")
    func finalSigma() {
        #expect(CaseMapping.lower("ΣΑΣ σας") == "σας σας")
        #expect(CaseMapping.lower("Σ") == "σ")
        #expect(CaseMapping.lower("ΑΣ'") == "ας'")
        #expect(CaseMapping.lower("ΑΣ'Α") == "ασ'α")
        #expect(CaseMapping.title("ΣΑΣ σας") == "Σας Σας")
        #expect(CaseMapping.swapcase("ΣΑΣ σας") == "σας ΣΑΣ")
    }
}

/// CPython 3.11 (`python3`), the reference the runtime's answers are checked against.
enum ReferencePython {
    static let available: Bool = (try? run("import sys; print(sys.version_info[:2] == (3, 11))")) == "True\n"

    /// Runs a script and returns what it printed.
    static func run(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("str hashing and identity by code point")
struct CodePointHashTests {
    @Test("canonically equivalent strings are different keys with different hashes")
    func equivalentStrings() {
        let decomposed = "cafe\u{301}", precomposed = "caf\u{E9}"
        #expect(!CodePoints.equal(decomposed, precomposed))
        #expect(CodePoints.hash(decomposed) != CodePoints.hash(precomposed))
        #expect(HashKey(.str(decomposed)) != HashKey(.str(precomposed)))
        #expect(!Value.str(decomposed).isIdentical(to: .str(precomposed)))
    }

    @Test("ASCII text hashes as its bytes, as in CPython")
    func bytesHash() {
        #expect(CodePoints.hash("abc") == PyBytes.hash(Array("abc".utf8)))
        #expect(PyHash.of(.str("abc")).hash == PyHash.of(.object(PyBytes(Array("abc".utf8)))).hash)
    }
}
