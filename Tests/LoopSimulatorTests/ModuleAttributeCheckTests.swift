import Foundation
import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `check` reports `M.name` where loopscope's module M has no `name`, so `run` never
/// stops on an AttributeError CPython would not raise.
@Suite("Module attributes in check")
struct ModuleAttributeCheckTests {
    func check(_ source: String) -> [String] {
        switch Program.load(source: source, path: "main.py") {
        case .success: return []
        case .failure(let list): return list.entries.map(\.headline)
        }
    }

    @Test("an attribute a module lacks is reported where it is read, in functions and lambdas too")
    func reported() {
        let lines = check("""
            import asyncio
            import sys, math as m
            async def main():
                await asyncio.slep(1)
                f = lambda: m.sqr(2)
                print(sys.getsizeof(1), sys.argv)
            """)
        #expect(lines == [
            "main.py:4:11: error: module 'asyncio' has no attribute 'slep' in loopscope",
            "main.py:5:17: error: module 'math' has no attribute 'sqr' in loopscope",
            "main.py:6:11: error: module 'sys' has no attribute 'getsizeof' in loopscope",
        ])
        #expect(check("import asyncio\nasyncio.open_connection('h', 1)\n").first?
            .hasPrefix("main.py:2:1: error: 'open_connection' from 'asyncio' cannot be simulated") == true)
    }

    @Test("nothing is reported where the name may not be the module, or the attribute may exist")
    func notReported() {
        // Rebound by a parameter, an assignment, a for target, another import, an except name.
        #expect(check("import json\ndef f(json):\n    return json.nosuch\n").isEmpty)
        #expect(check("import json\nif 1:\n    json = object()\nprint(json.nosuch)\n").isEmpty)
        #expect(check("import json\nfor json in []:\n    pass\nprint(json.nosuch)\n").isEmpty)
        #expect(check("import json\nimport math as json\nprint(json.nosuch)\n").isEmpty)
        #expect(check("import json\ntry:\n    pass\nexcept Exception as json:\n    pass\nprint(json.nosuch)\n").isEmpty)
        // The program sets the attribute; dunders; submodules; a module with run-time globals.
        #expect(check("import math\nmath.tau2 = 1\nprint(math.tau2)\n").isEmpty)
        #expect(check("import math\nprint(math.__name__, math.__doc__, math.__dict__)\n").isEmpty)
        #expect(check("import asyncio\nprint(asyncio.exceptions.TimeoutError, asyncio.tasks)\n").isEmpty)
        #expect(check("import re\nprint(re.IGNORECASE, re.I)\n").isEmpty)
        // re's flags are copied into it by enum.global_enum: from-imports take them too.
        #expect(check("from re import IGNORECASE, I, MULTILINE\n").isEmpty)
    }

    @Test("a submodule read through its package is checked as the submodule; a name the program sets there is not reported")
    func submoduleChains() {
        #expect(check("""
            import asyncio
            import asyncio.futures as af
            print(asyncio.tasks.sleep, asyncio.tasks.nope, asyncio.futures._set_result_unless_cancelled, af.nope2)
            asyncio.futures._mine = 1
            print(asyncio.futures._mine)
            """) == [
            "main.py:3:28: error: module 'asyncio.tasks' has no attribute 'nope' in loopscope",
            "main.py:3:94: error: module 'asyncio.futures' has no attribute 'nope2' in loopscope",
        ])
    }

    @Test("what check accepts runs: asyncio's submodules hold CPython's helpers, and a replaced one is what sleep calls")
    func replacedHelperRuns() {
        let source = """
            import asyncio
            import asyncio.futures
            from asyncio import tasks
            original = asyncio.futures._set_result_unless_cancelled
            print(original.__name__, tasks._release_waiter.__name__, asyncio.locks._ContextManagerMixin.__name__)
            def traced(fut, result):
                print('timer fired with', result)
                original(fut, result)
            async def main():
                print(await asyncio.sleep(0.1, 'before'))
                asyncio.futures._set_result_unless_cancelled = traced
                print(await asyncio.sleep(0.1, 'after'))
                asyncio.futures._set_result_unless_cancelled = original
                print(await asyncio.sleep(0.1, 'restored'))
                asyncio.futures._own = 1
                print(asyncio.futures._own, hasattr(asyncio, '_own'))
            asyncio.run(main())
            """
        #expect(check(source).isEmpty)
        #expect(simulate(source) == RunOutput(stdout: """
            _set_result_unless_cancelled _release_waiter _ContextManagerMixin
            before
            timer fired with after
            after
            restored
            1 False

            """, stderr: "", status: 0))
    }

    @Test("a Lib module whose text merely mentions __dict__ or setattr still has known attributes")
    func staticLibModules() {
        // functools uses obj.__dict__ and setattr on wrappers, never on itself.
        #expect(check("import functools\nprint(functools.wrapz)\n") ==
            ["main.py:2:7: error: module 'functools' has no attribute 'wrapz' in loopscope"])
    }

    /// Every module loopscope provides, as a program sees it after `import M`: each of its
    /// attributes must be one `check` knows, or `check` would refuse a correct program.
    @Test("check knows every attribute each provided module has at run time")
    func knownAttributesCoverRuntime() throws {
        let names = ModuleFinder.libraryNames.sorted()
        var program = "import sys\n"
        for name in names { program += "import \(name)\n" }
        program += "for name in [\(names.map { "'\($0)'" }.joined(separator: ", "))]:\n    print(name, *sorted(dir(sys.modules[name])))\n"
        let out = simulate(program)
        #expect(out.status == 0, Comment(rawValue: out.stderr))
        var missing: [String] = []
        for line in out.stdout.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard let module = fields.first else { continue }
            guard let provided = ModuleAttributes.exactAttributes(module) else { continue }
            for attribute in fields.dropFirst() where !provided.contains(attribute)
                && !(attribute.hasPrefix("__") && attribute.hasSuffix("__"))
                && !ModuleFinder.libraryNames.contains(module + "." + attribute) {
                missing.append(module + "." + attribute)
            }
        }
        #expect(missing.isEmpty, Comment(rawValue: "known to run but not to check: \(missing.prefix(80))"))
    }
}
