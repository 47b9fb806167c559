import Foundation
import Testing
@testable import ScenarioLanguage

/// Every file in BadInputs/ starts with `# expect: LINE:COL: error: MESSAGE` lines: the
/// exact diagnostics `FrontEnd.analyze` must report, in order. Syntax-error expectations
/// were taken from CPython 3.11 (`compile(src, path, "exec")`).
struct BadInputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInputs")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".py") }.sorted()
    }

    @Test func corpusIsLargeEnough() {
        #expect(BadInputTests.files.count >= 45)
    }

    @Test(arguments: BadInputTests.files)
    func reportsExpectedDiagnostics(_ name: String) throws {
        let source = try String(contentsOf: BadInputTests.folder.appendingPathComponent(name), encoding: .utf8)
        let expected = source.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("# expect: ") }
            .map { String($0.dropFirst("# expect: ".count)) }
        #expect(!expected.isEmpty, "\(name) has no '# expect:' line")
        let result = FrontEnd.analyze(source)
        let actual = result.diagnostics.map { "\($0.range.start): \($0.severity.rawValue): \($0.message)" }
        #expect(actual == expected, "\(name)")
        for d in result.diagnostics { #expect(d.range.start.line >= 1 && d.range.start.column >= 1) }
    }
}
