import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Inputs deep enough to exhaust a stack: long chains in the source are refused (as
/// CPython's compiler refuses them, with RecursionError) or compiled and run; never a crash.
@Suite struct DeepInputTests {
    static func program(_ body: String) -> String {
        "import asyncio\n\nasync def main():\n" + body.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "    " + $0 }.joined(separator: "\n") + "\n\nasyncio.run(main())\n"
    }

    @Test("chains CPython compiles run", arguments: [
        ("x = " + Array(repeating: "1", count: 2900).joined(separator: "+") + "\nprint(x)", "2900\n"),
        ("x = 'a'" + String(repeating: ".upper()", count: 1400) + "\nprint(x)", "A\n"),
        ("x = 2800\nif x == 0:\n    print(0)\n" + (1..<2900).map { "elif x == \($0):\n    print(\($0))\n" }.joined(), "2800\n"),
    ])
    func deepButAllowed(_ body: String, _ expected: String) {
        let r = simulate(Self.program(body))
        #expect(r.stdout == expected)
        #expect(r.status == 0)
    }

    @Test("chains too deep for CPython's compiler are located errors", arguments: [
        "x = " + Array(repeating: "1", count: 7000).joined(separator: "+"),
        "x = 'a'" + String(repeating: ".upper()", count: 6000),
        "x = f()" + String(repeating: "(1)", count: 6000),
        "x = 5\nif x == 0:\n    pass\n" + (1..<3600).map { "elif x == \($0):\n    pass\n" }.joined(),
        "x = 5\nif x == 0:\n    pass\n" + (1..<100_000).map { "elif x == \($0):\n    pass\n" }.joined(),
    ])
    func tooDeep(_ body: String) {
        let r = simulate(Self.program(body))
        #expect(r.status == 2)
        #expect(r.stderr.contains("maximum recursion depth exceeded during compilation"))
    }
}
