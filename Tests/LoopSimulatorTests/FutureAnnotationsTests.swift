import Testing
@testable import LoopSimulator

/// `from __future__ import annotations` (PEP 563) as CPython 3.11 compiles it: every
/// annotation becomes the text Python/ast_unparse.c writes for it, never evaluated;
/// typing.get_type_hints and dataclasses read those strings. Expected outputs are
/// CPython 3.11's.
@Suite("from __future__ import annotations")
struct FutureAnnotationsTests {
    @Test("a function's annotations are ast_unparse.c's text: precedence, parentheses, repr'd constants, f-strings, lambdas, slices")
    func functionAnnotations() {
        let out = simulate(#"""
        from __future__ import annotations
        def f(a: list[ int ], b: x[()], c: x[1,], d: x[1:2, ::3], e: lambda *a: 0, g: lambda: 1, h: (lambda x, /, y=2, *, z: x), i: -x ** 2, j: (-x) ** 2, k: a if b else c, l: (a if b else c) if d else e, m: f"{x!r:>{w}} {{}} {y=}", n: {1: 2, **d}, o: {1, 2}, p: [x for x in y if z], q: (x async for x in y), r: f(x for x in y), s: 1 .real, t: 'a' "b", u: 1e400, v: 0xFF, w: not a and b or c, x: a < b < c, bb: a * b // c % d, cc: (a, b), dd: (), ee: (1,), ff: x[a:b], gg: 2j, hh: f"{ {1} }", jj: a - (b - c), kk: a ** b ** c, ll: (a ** b) ** c, mm: "it's", nn: b'x', oo: ~(a + b), pp: x[*a], qq: 123456789012345678901234567890, rr: 1.5, ss: None, tt: ..., uu: f(*a, k=1, **kw)) -> 'X': pass
        for k,v in f.__annotations__.items(): print(k, "=>", v)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        a => list[int]
        b => x[()]
        c => x[1,]
        d => x[1:2, ::3]
        e => lambda*a: 0
        g => lambda: 1
        h => lambda x, /, y=2, *, z: x
        i => -x ** 2
        j => (-x) ** 2
        k => a if b else c
        l => (a if b else c) if d else e
        m => f'{x!r:>{w}} {{}} y={y!r}'
        n => {1: 2, **d}
        o => {1, 2}
        p => [x for x in y if z]
        q => (x async for x in y)
        r => f(x for x in y)
        s => 1 .real
        t => 'ab'
        u => 1e309
        v => 255
        w => not a and b or c
        x => a < b < c
        bb => a * b // c % d
        cc => (a, b)
        dd => ()
        ee => (1,)
        ff => x[a:b]
        gg => 2j
        hh => f'{ {1}}'
        jj => a - (b - c)
        kk => a ** b ** c
        ll => (a ** b) ** c
        mm => "it's"
        nn => b'x'
        oo => ~(a + b)
        pp => x[*a,]
        qq => 123456789012345678901234567890
        rr => 1.5
        ss => None
        tt => ...
        uu => f(*a, k=1, **kw)
        return => 'X'

        """#)
    }

    @Test("class and module annotations are strings; attribute and subscript targets' annotations are not evaluated")
    func classAndModuleAnnotations() {
        let out = simulate(#"""
        from __future__ import annotations
        class C:
            a: dict[str, 'int'] = {}
            b: Undefined.name
            c: 'quoted "both" \'kinds\''
            d: x.y[z] | None
            e: f'{a:{b}.{c}}'
            f: {**a, 'k': v}
            g: [*a, *b]
            h: {k: v for k, v in d.items()}
            i: {x for x in y for z in x}
            j: a if (b if c else d) else e
            k: (lambda: (yield))
            l: not (a and b)
            m: (not a) + b
            n: a is not b not in c
            o: -(-1)
            p: 1.0e-5 + 10j + 0o17
            q: x[::]
            r: x[a, b:c]
            s: f"{'{'}"
            t: f"{(lambda x: x)}"
            u: (a, *b)
            v: a.b.c(d)(e)[f]
        ns = C()
        ns.attr: also_undefined
        ns.d = {}
        ns.d['k']: undefined_too = 1
        print(C.__annotations__)
        print(__annotations__)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        {'a': "dict[str, 'int']", 'b': 'Undefined.name', 'c': '\'quoted "both" \\\'kinds\\\'\'', 'd': 'x.y[z] | None', 'e': "f'{a:{b}.{c}}'", 'f': "{**a, 'k': v}", 'g': '[*a, *b]', 'h': '{k: v for k, v in d.items()}', 'i': '{x for x in y for z in x}', 'j': 'a if (b if c else d) else e', 'k': 'lambda: (yield)', 'l': 'not (a and b)', 'm': '(not a) + b', 'n': 'a is not b not in c', 'o': '--1', 'p': '1e-05 + 10j + 15', 'q': 'x[:]', 'r': 'x[a, b:c]', 's': 'f"{\'{\'}"', 't': "f'{(lambda x: x)}'", 'u': '(a, *b)', 'v': 'a.b.c(d)(e)[f]'}
        {}

        """#)
    }

    @Test("dataclasses recognise ClassVar and InitVar strings; get_type_hints evaluates the strings")
    func dataclassesAndTypeHints() {
        let out = simulate(#"""
        from __future__ import annotations
        import dataclasses
        import typing
        from dataclasses import dataclass, field, InitVar
        from typing import ClassVar, Optional

        @dataclass
        class Job:
            name: str
            retries: int = 3
            tags: list[str] = field(default_factory=list)
            counter: ClassVar[int] = 0
            seed: InitVar[Optional[int]] = None
            note: typing.ClassVar[str] = "n"

            def __post_init__(self, seed: Optional[int]) -> None:
                Job.counter += 1
                self.retries += seed or 0

        class Node:
            value: int
            next: Optional[Node] = None

        async def run(job: Job, *, delay: float = 0.1) -> dict[str, Job | None]:
            return {}

        print(Job.__annotations__)
        print(Job("a", seed=2), Job.counter, [f.name for f in dataclasses.fields(Job)])
        print(typing.get_type_hints(Node))
        print(typing.get_type_hints(run))
        print(run.__annotations__)
        print(__annotations__ if '__annotations__' in dir() else None)
        x: int = 5
        print(__annotations__)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        {'name': 'str', 'retries': 'int', 'tags': 'list[str]', 'counter': 'ClassVar[int]', 'seed': 'InitVar[Optional[int]]', 'note': 'typing.ClassVar[str]'}
        Job(name='a', retries=5, tags=[]) 1 ['name', 'retries', 'tags']
        {'value': <class 'int'>, 'next': typing.Optional[__main__.Node]}
        {'job': <class '__main__.Job'>, 'delay': <class 'float'>, 'return': dict[str, __main__.Job | None]}
        {'job': 'Job', 'delay': 'float', 'return': 'dict[str, Job | None]'}
        {}
        {'x': 'int'}

        """#)
    }

    @Test("__future__ is importable; a docstring may precede future statements")
    func futureModule() {
        let out = simulate(#"""
        """doc"""
        from __future__ import annotations, generator_stop
        import __future__
        print(__future__.annotations, __future__.all_feature_names[-1], __future__.annotations.compiler_flag)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        _Feature((3, 7, 0, 'beta', 1), None, 16777216) annotations 16777216

        """#)
    }

    @Test("any annotated assignment, also in a match case, gives the body an __annotations__ dict (find_ann)")
    func findAnn() {
        let out = simulate(#"""
        class A: pass
        a=A()
        a.x: int
        match 1:
            case 1:
                pass
        print(__annotations__)
        class B:
            match 1:
                case 1:
                    y: int
        print(B.__annotations__)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        {}
        {'y': <class 'int'>}

        """#)
    }

    @Test("an unknown feature, braces, and a late future statement are SyntaxErrors at the statement")
    func futureErrors() {
        let cases: [(String, String)] = [
            ("from __future__ import spam\n", "test.py:1:1: error: future feature spam is not defined"),
            ("from __future__ import braces\n", "test.py:1:1: error: not a chance"),
            ("import os\nfrom __future__ import annotations\n",
             "test.py:2:1: error: from __future__ imports must occur at the beginning of the file"),
            ("from __future__ import annotations\nx = 1\nfrom __future__ import generator_stop\n",
             "test.py:3:1: error: from __future__ imports must occur at the beginning of the file"),
            ("def f():\n    from __future__ import annotations\n",
             "test.py:2:5: error: from __future__ imports must occur at the beginning of the file"),
        ]
        for (source, headline) in cases {
            let out = simulate(source)
            #expect(out.status == 2, "\(out)")
            #expect(out.stderr == headline, "\(out)")
        }
    }
}
