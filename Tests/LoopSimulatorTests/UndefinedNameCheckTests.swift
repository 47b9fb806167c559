import Testing
@testable import LoopSimulator

/// `check` reports a name nothing can define (CPython's NameError when it runs), so `run`
/// never stops on one `check` accepted, and reports nothing where the name may exist.
@Suite("Undefined names in check")
struct UndefinedNameCheckTests {
    func check(_ source: String) -> [String] {
        switch Program.load(source: source, path: "main.py") {
        case .success: return []
        case .failure(let list): return list.entries.map(\.headline)
        }
    }

    @Test("a misspelt name is reported where it is read: module level, functions, lambdas, comprehensions, a try that cannot catch it")
    func reported() {
        let lines = check("""
            import asyncio
            delay = 1
            async def main():
                await asyncio.sleep(dealy)
                f = lambda: prnt(1)
                return [x for x in itms]
            try:
                asyncio.run(mian())
            except (KeyError, ValueError):
                pass
            """)
        #expect(lines == [
            "main.py:4:25: error: name 'dealy' is not defined",
            "main.py:5:17: error: name 'prnt' is not defined",
            "main.py:6:24: error: name 'itms' is not defined",
            "main.py:8:17: error: name 'mian' is not defined",
        ])
    }

    @Test("a CPython builtin loopscope cannot simulate is reported with what to do instead; exit and quit are provided")
    func unsupportedBuiltins() {
        let lines = check("name = input('name? ')\nhelp(len)\nbreakpoint()\nexit(0)\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("main.py:1:8: error: 'input' cannot be simulated: loopscope reads no terminal input"))
        #expect(lines[1].hasPrefix("main.py:2:1: error: 'help' is the interactive interpreter's"))
        #expect(lines[2].hasPrefix("main.py:3:1: error: 'breakpoint' cannot be simulated"))
    }

    @Test("nothing is reported where the name may exist")
    func notReported() {
        // Bound anywhere in the file, in any scope; builtins and the module's dunders.
        #expect(check("def f():\n    return later\nlater = 1\nprint(__name__, __file__, len, NameError)\n").isEmpty)
        #expect(check("print([y for y in range(3)], {k: v for k, v in {}.items()}, (z for z in ()))\n").isEmpty)
        #expect(check("class A:\n    def m(self):\n        return __class__, super()\n").isEmpty)
        // A try whose handlers may catch the NameError.
        #expect(check("try:\n    unicode\nexcept NameError:\n    unicode = str\n").isEmpty)
        #expect(check("try:\n    maybe\nexcept Exception:\n    pass\n").isEmpty)
        #expect(check("try:\n    maybe\nexcept:\n    pass\n").isEmpty)
        #expect(check("Alias = KeyError\ntry:\n    maybe\nexcept Alias:\n    pass\n").isEmpty)
        // Names a metaclass's __prepare__ may give a class body; annotations, not read.
        #expect(check("class A(Base):\n    order = created\n").count == 1)  // only Base
        #expect(check("def f(x: Later) -> Other:\n    y: Third = 1\n").isEmpty)
        // Globals the check cannot see.
        #expect(check("from math import *\nprint(sqrt(2))\n").isEmpty)
        #expect(check("globals()['x'] = 1\nprint(x)\n").isEmpty)
        #expect(check("exec('y = 2')\nprint(y)\n").isEmpty)
        #expect(check("import builtins\nbuiltins.helper = len\nprint(helper([]))\n").isEmpty)
    }
}
