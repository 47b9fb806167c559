import Foundation
import Testing
@testable import ScenarioLanguage

struct DiagnosticFormattingTests {
    @Test func caretUnderTheConstruct() {
        let source = "import asyncio\n\nclass Foo(asyncio.Task):\n    pass\n"
        let d = FrontEnd.analyze(source).diagnostics[0]
        #expect(d.formatted(path: "x.py", source: SourceText(source)) == """
            x.py:3:11: error: subclasses of 'asyncio.Task' (a native type in loopscope) are not supported in scenarios
                class Foo(asyncio.Task):
                          ^~~~~~~~~~~~
            """)
    }

    @Test func tabsKeepTheCaretAligned() {
        let source = "async def main():\n\tx = 1 @ 2\n"
        let d = FrontEnd.analyze(source).diagnostics[0]
        #expect(d.range.start == SourceLocation(line: 2, column: 6))
        #expect(d.formatted(path: "t.py", source: SourceText(source)) == """
            t.py:2:6: error: the '@' operator is not supported in scenarios
                 x = 1 @ 2
                     ^~~~~
            """)
    }

    @Test func syntaxErrorPointsAtOpeningBracket() {
        let source = "print(1,\n      2\n"
        let d = FrontEnd.analyze(source).diagnostics[0]
        #expect(d.formatted(path: "p.py", source: SourceText(source)) == """
            p.py:1:6: error: '(' was never closed
                print(1,
                     ^
            """)
    }
}

struct ScenarioFileTests {
    private func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-\(getpid())-\(name)").path
    }

    @Test func readsUTF8() throws {
        let path = temp("ok.py")
        try Data("print('héllo')\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ScenarioFile.load(path: path).get() == "print('héllo')\n")
    }

    @Test func missingFile() {
        let path = temp("missing.py")
        #expect(ScenarioFile.load(path: path) == .failure(.missing(path: path)))
        #expect(ScenarioFileError.missing(path: path).description == "\(path): no such file")
    }

    @Test func directory() throws {
        let path = temp("dir")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let error) = ScenarioFile.load(path: path) else {
            Issue.record("directory accepted")
            return
        }
        #expect(error.description == "\(path): is a directory, not a scenario file")
    }

    @Test func invalidUTF8() throws {
        let path = temp("latin1.py")
        try Data([0x78, 0x20, 0x3D, 0x20, 0x31, 0x0A, 0x73, 0x20, 0x3D, 0x20, 0x27, 0xE9, 0x27, 0x0A])
            .write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let error) = ScenarioFile.load(path: path) else {
            Issue.record("bad UTF-8 accepted")
            return
        }
        #expect(error.description == "\(path): not valid UTF-8 (first bad byte at line 2, column 6)")
    }

    @Test func nulByte() throws {
        let path = temp("nul.py")
        try Data("x = 1\nyé = \0\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let error) = ScenarioFile.load(path: path) else {
            Issue.record("NUL accepted")
            return
        }
        #expect(error.description == "\(path):2:6: error: source contains a NUL byte")
    }

    @Test func unreadable() throws {
        guard getuid() != 0 else { return }  // root can read anything
        let path = temp("secret.py")
        try Data("x = 1\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        guard case .failure(let error) = ScenarioFile.load(path: path) else {
            Issue.record("unreadable file accepted")
            return
        }
        #expect(error.description.hasPrefix("\(path): cannot be read"))
    }
}

struct ValidatorModeTests {
    @Test func libraryModeAllowsClassesNonlocalDelAndImports() {
        let source = """
        import heapq
        from collections import deque

        class Queue(Base):
            def get(self):
                items = []
                def pop():
                    nonlocal items
                    del items[0]
                try:
                    pop()
                except IndexError as e:
                    raise QueueEmpty() from e
        """
        #expect(FrontEnd.analyze(source, mode: .library).diagnostics.isEmpty)
        // Scenarios allow all of it. (Imports are checked when the program's modules are
        // found: LoopSimulator's `Program`.)
        #expect(FrontEnd.analyze(source, mode: .scenario).diagnostics.isEmpty)
        #expect(firstError("@d\nclass A:\n    pass\n", mode: .library) == "ok")
        #expect(firstError("@d(1)\n@e\nasync def f():\n    pass\n") == "ok")
        #expect(firstError("f = lambda: 1\n", mode: .library) == "ok")
    }

    @Test func annotationsOnParametersAreAccepted() {
        #expect(firstError("async def f(x: int, y: str = 'a') -> None:\n    return None\n") == "ok")
    }

    @Test func compileTimeChecks() {
        #expect(firstError("async def f():\n    for x in y:\n        break\n    async with a:\n        continue\n")
            == "5:9: 'continue' not properly in loop")
        #expect(firstError("def f():\n    g = lambda: await x\n") == "2:17: 'await' outside async function")
        #expect(firstError("async def f():\n    return [await x for x in y]\n") == "ok")
        #expect(firstError("x = f(a=1, a=2)\n") == "1:12: keyword argument repeated: a")
        #expect(firstError("def f(a, b, a):\n    pass\n") == "1:13: duplicate argument 'a' in function definition")
    }
}
