import Foundation
import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// A scratch directory of module files, removed when the test ends.
private final class ModuleDirectory {
    let url: URL
    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-imports-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// `check` of the scenario `main.py`: its diagnostics' headlines, paths relative to here.
    func check(_ main: String = "main.py", searchPaths: [String] = []) throws -> [String] {
        let source = try String(contentsOfFile: path(main), encoding: .utf8)
        switch Program.load(source: source, path: path(main), searchPaths: searchPaths) {
        case .success: return []
        case .failure(let list):
            return list.entries.map { $0.headline.replacingOccurrences(of: url.path + "/", with: "") }
        }
    }

    func run(_ main: String = "main.py", searchPaths: [String] = []) throws -> RunOutput {
        let source = try String(contentsOfFile: path(main), encoding: .utf8)
        return simulate(source, path: path(main), options: SimulationOptions(searchPaths: searchPaths))
    }
}

@Suite("Imports")
struct ImportTests {
    @Test("a module that cannot be found or simulated is reported at its import line, in the file that imports it")
    func unresolvableImportsAreLocated() throws {
        let dir = try ModuleDirectory([
            "main.py": "import asyncio\nimport helper\n\ndef f():\n    import socket\n    from helper import missing, present\n",
            "helper.py": "present = 1\nimport subprocess\nimport nosuch.sub\n",
        ])
        let lines = try dir.check()
        // Each at the module's or the name's own column; the modules provided are listed
        // once, in a note after the errors.
        #expect(lines.count == 5)
        #expect(lines[0] == "main.py:5:12: error: module 'socket' cannot be simulated: loopscope runs no real network I/O: simulate the latency with 'await asyncio.sleep(...)', or record the real program under CPython")
        #expect(lines[1] == "main.py:6:24: error: cannot import name 'missing' from 'helper' (helper.py)")
        #expect(lines[2].hasPrefix("helper.py:2:8: error: module 'subprocess' cannot be simulated: loopscope runs no real processes"))
        #expect(lines[3] == "helper.py:3:8: error: No module named 'nosuch' (loopscope looks beside the scenario, in the --path directories, and among the modules it provides)")
        // The list grows with the library: its start, its order, one of its own.
        #expect(lines[4].hasPrefix("helper.py:3:8: note: the modules loopscope provides: abc, asyncio, "))
        #expect(lines[4].contains(", bisect, ") && !lines[4].contains("_random"))
    }

    @Test("check's caret is under the module's name in `import a, b as c`, under the name in `from M import x`, and the provided modules are listed once")
    func caretsUnderNames() {
        let source = "import asyncio, socket as s, nosuch\nfrom math import sqrt, nope\nimport other\n"
        guard case .failure(let list) = Program.load(source: source, path: "test.py", searchPaths: []) else {
            Issue.record("check accepted it")
            return
        }
        let text = list.entries.map(\.formatted)
        #expect(text.count == 5)
        #expect(text[0].hasSuffix("""
            import asyncio, socket as s, nosuch
                            ^~~~~~
        """), "\(text)")
        #expect(text[1] == """
        test.py:1:30: error: No module named 'nosuch' (loopscope looks beside the scenario, in the --path directories, and among the modules it provides)
            import asyncio, socket as s, nosuch
                                         ^~~~~~
        """)
        #expect(text[2].hasSuffix("""
            from math import sqrt, nope
                                   ^~~~
        """), "\(text)")
        #expect(text[3].hasPrefix("test.py:3:8: error: No module named 'other'"), "\(text)")
        #expect(text[4].hasPrefix("test.py:1:30: note: the modules loopscope provides: abc, asyncio,"), "\(text)")
        #expect(!text[4].contains("_collections"), "\(text)")
    }

    @Test("a module that adds globals at run time (globals(), sys.modules, exec) has no names check can refuse")
    func runTimeGlobals() throws {
        let dir = try ModuleDirectory([
            "main.py": "from table import RED, GREEN\nfrom legacy import OLD\nfrom plain import nosuch\nprint(RED, GREEN, OLD)\n",
            "table.py": "for i, name in enumerate(['RED', 'GREEN']):\n    globals()[name] = i\n",
            "legacy.py": "import sys\nsetattr(sys.modules[__name__], 'OLD', 3)\n",
            "plain.py": "x = 1\n",
        ])
        #expect(try dir.check() == ["main.py:3:19: error: cannot import name 'nosuch' from 'plain' (plain.py)"])
        try "from table import RED, GREEN\nfrom legacy import OLD\nprint(RED, GREEN, OLD)\n".write(
            toFile: dir.path("main.py"), atomically: true, encoding: .utf8)
        #expect(try dir.check().isEmpty)
        try "from legacy import OLD\nprint(OLD)\n".write(toFile: dir.path("main.py"), atomically: true, encoding: .utf8)
        #expect(try dir.run().stdout == "3\n")
    }

    @Test("relative imports: none in the scenario itself, none beyond the top-level package")
    func relativeImports() throws {
        let dir = try ModuleDirectory([
            "main.py": "from . import x\nimport pkg.inner\n",
            "pkg/__init__.py": "",
            "pkg/inner.py": "from ... import y\nfrom .. import z\n",
            "z.py": "",
        ])
        #expect(try dir.check() == [
            "main.py:1:6: error: attempted relative import with no known parent package",
            "pkg/inner.py:1:6: error: attempted relative import beyond top-level package",
            "pkg/inner.py:2:6: error: attempted relative import beyond top-level package",
        ])
    }

    @Test("a module file with an error is reported in that file; a submodule of a plain module is refused")
    func errorsInModules() throws {
        let dir = try ModuleDirectory([
            "main.py": "import broken\nimport plain.sub\n",
            "broken.py": "x = 1\nreturn x\n",
            "plain.py": "",
        ])
        // File by file in load order (the scenario first), as `check` sorts them.
        #expect(try dir.check() == [
            "main.py:2:8: error: No module named 'plain.sub'; 'plain' is not a package",
            "broken.py:2:1: error: 'return' outside function",
        ])
    }

    @Test("--path directories are searched after the scenario's own")
    func searchPath() throws {
        let dir = try ModuleDirectory([
            "app/main.py": "import shared\nimport local\nprint(shared.where, local.where)\n",
            "app/local.py": "where = 'app'\n",
            "app/shared.py": "where = 'app'\n",
            "lib/shared.py": "where = 'lib'\n",
            "lib/extra.py": "where = 'lib'\n",
        ])
        #expect(try dir.check("app/main.py") == [])
        #expect(try dir.run("app/main.py", searchPaths: [dir.path("lib")]).stdout == "app app\n")
        let other = try ModuleDirectory(["main.py": "import extra\nprint(extra.where)\n"])
        #expect(try other.check().count == 2)  // the error and the note listing the modules
        #expect(try other.run(searchPaths: [dir.path("lib")]).stdout == "lib\n")
    }

    @Test("a module runs once, in sys.modules before its code runs, so circular imports see it half-built")
    func runsOnceAndCircular() throws {
        let dir = try ModuleDirectory([
            "main.py": "import a\nimport a\nimport b\nprint(a.b is b, b.a is a, b.seen, a.done)\n",
            "a.py": "print('a runs')\nimport b\ndone = True\n",
            "b.py": "print('b runs')\nimport a\nseen = hasattr(a, 'done')\n",
        ])
        #expect(try dir.run().stdout == "a runs\nb runs\nTrue True False True\n")
    }

    @Test("import a.b binds a; import a.b as c binds the submodule; from-import of a submodule imports it")
    func dottedImports() throws {
        let dir = try ModuleDirectory([
            "main.py": """
            import pkg.sub
            import pkg.sub as s
            from pkg import other
            print(pkg.__name__, s.__name__, pkg.sub is s, other.value, pkg.__package__, s.__package__)
            print(__name__, pkg.sub.name_seen)
            """,
            "pkg/__init__.py": "",
            "pkg/sub.py": "name_seen = __name__\nif __name__ == '__main__':\n    print('never')\n",
            "pkg/other.py": "value = 7\n",
        ])
        #expect(try dir.run().stdout == "pkg pkg.sub True 7 pkg pkg\n__main__ pkg.sub\n")
    }

    @Test("an exception while a module runs unwinds through the import line and the module is not cached")
    func failingModule() throws {
        let dir = try ModuleDirectory([
            "main.py": """
            try:
                import bad
            except ZeroDivisionError as e:
                print('caught', e)
            try:
                import bad
            except ZeroDivisionError:
                print('runs again')
            """,
            "bad.py": "print('bad runs')\nx = 1 / 0\n",
        ])
        let out = try dir.run()
        #expect(out.stdout == "bad runs\ncaught division by zero\nbad runs\nruns again\n")
    }

    @Test("from M import * takes __all__, else the public names")
    func starImport() throws {
        let dir = try ModuleDirectory([
            "main.py": "from m import *\nfrom n import *\nprint(a, c, d)\ntry:\n    print(b)\nexcept NameError as e:\n    print(e)\n",
            "m.py": "__all__ = ['a', 'c']\na = 1\nb = 2\nc = 3\n",
            "n.py": "d = 4\n_hidden = 5\n",
        ])
        #expect(try dir.run().stdout == "1 3 4\nname 'b' is not defined\n")
    }

    @Test("a traceback shows the module's own file and line")
    func tracebackNamesModuleFile() throws {
        let dir = try ModuleDirectory([
            "main.py": "import helper\nhelper.fail()\n",
            "helper.py": "def fail():\n    raise ValueError('from helper')\n",
        ])
        let out = try dir.run()
        #expect(out.status == 1)
        #expect(out.stderr.contains("File \"\(dir.path("helper.py"))\", line 2, in fail\n    raise ValueError('from helper')"))
    }
}
