import Testing
@testable import LoopSimulator
@testable import ScenarioLanguage

/// `check`'s diagnostics of different kinds (missing modules, module attributes,
/// unsupported builtins) come in source order, at most `Validator.limit` of them.
@Suite("check diagnostics order")
struct CheckDiagnosticOrderTests {
    func failures(_ source: String) -> DiagnosticList? {
        if case .failure(let list) = Program.load(source: source, path: "main.py") { return list }
        return nil
    }

    @Test("several kinds are sorted by line and column, the missing-modules note last")
    func sortedByPlace() {
        let list = failures("""
            import asyncio
            import nosuchmod
            asyncio.no_such_thing()
            f = open("x")
            import socket
            asyncio.also_missing
            """)
        let places = list?.entries.map { "\($0.diagnostic.severity) \($0.diagnostic.location.line):\($0.diagnostic.location.column)" }
        #expect(places == ["error 2:8", "error 3:1", "error 4:5", "error 5:8", "error 6:1", "note 2:8"])
        #expect(list?.omitted == 0)
        #expect(list?.omittedLine == nil)
    }

    @Test("over the limit, the first ones in source order are kept and the rest counted")
    func limited() {
        var lines = ["import asyncio"]
        for n in 0..<15 { lines.append("asyncio.missing\(n)") }
        for _ in 0..<10 { lines.insert("x = open('f')", at: 1) }
        let list = failures(lines.joined(separator: "\n") + "\n")
        #expect(list?.entries.count == Validator.limit)
        #expect(list?.entries.map(\.diagnostic.location.line) == Array(2...21))
        #expect(list?.omitted == 5)
        #expect(list?.omittedLine == "5 more errors not shown")
    }
}
