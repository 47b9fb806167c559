import Testing
@testable import ScenarioLanguage

struct PrecedenceTests {
    @Test func arithmetic() {
        #expect(sexpr("1 + 2 * 3 ** -x") == "(+ 1 (* 2 (** 3 (- x))))")
        #expect(sexpr("-2 ** 2") == "(- (** 2 2))")
        #expect(sexpr("2 ** 3 ** 2") == "(** 2 (** 3 2))")
        #expect(sexpr("a - b - c") == "(- (- a b) c)")
        #expect(sexpr("a // b % c * d / e @ f") == "(@ (/ (* (% (// a b) c) d) e) f)")
        #expect(sexpr("a | b ^ c & d << e + f") == "(| a (^ b (& c (<< d (+ e f)))))")
        #expect(sexpr("~a + +b") == "(+ (~ a) (+ b))")
    }

    @Test func booleanAndComparison() {
        #expect(sexpr("not a == b") == "(not (== a b))")
        #expect(sexpr("a or b and not c") == "(or a (and b (not c)))")
        #expect(sexpr("a < b <= c") == "(cmp a < b <= c)")
        #expect(sexpr("a is not b") == "(is not a b)")
        #expect(sexpr("a not in b") == "(not in a b)")
        #expect(sexpr("x if c else y if d else z") == "(if c x (if d y z))")
        #expect(sexpr("lambda: a or b") == "(lambda () (or a b))")
    }

    @Test func awaitBindsTightly() {
        #expect(sexpr("async def f():\n    x = await a.b(1) ** 2 + 1\n")
            == "(async-def f () [(= x (+ (** (await (call (. a b) 1)) 2) 1))])")
        #expect(sexpr("async def f():\n    return -await x\n") == "(async-def f () [(return (- (await x)))])")
    }
}

struct ExpressionTests {
    @Test func atoms() {
        #expect(sexpr("[1, 2.5, 'a', True, None, ...]") == "(list 1 2.5 \"a\" True None ...)")
        #expect(sexpr("(1,)") == "(tuple 1)")
        #expect(sexpr("()") == "(tuple)")
        #expect(sexpr("{'a': 1, **m}") == "(dict \"a\":1 **:m)")
        #expect(sexpr("{1, 2}") == "(set 1 2)")
        #expect(sexpr("'a' 'b'") == "\"ab\"")
    }

    @Test func trailers() {
        #expect(sexpr("a.b(c, *d, k=1, **e)[0]") == "([] (call (. a b) c *d k=1 **e) 0)")
        #expect(sexpr("x[1:2]") == "([] x (slice 1 2 _))")
        #expect(sexpr("x[::-1]") == "([] x (slice _ _ (- 1)))")
        #expect(sexpr("x[a, b:]") == "([] x (tuple a (slice b _ _)))")
        #expect(sexpr("f(x,)") == "(call f x)")
    }

    @Test func comprehensions() {
        #expect(sexpr("[x * 2 for x in xs if x if y]") == "(listcomp (* x 2) (for x xs (if x) (if y)))")
        #expect(sexpr("[a for a, b in p for c in a]") == "(listcomp a (for (tuple a b) p) (for c a))")
        #expect(sexpr("{k: v for k, v in d}") == "(dictcomp k:v (for (tuple k v) d))")
        #expect(sexpr("{x for x in s}") == "(setcomp x (for x s))")
        #expect(sexpr("sum(x for x in s)") == "(call sum (genexp x (for x s)))")
        #expect(sexpr("(x for x in s)") == "(genexp x (for x s))")
    }

    @Test func starredWalrusYield() {
        #expect(sexpr("print(*args)") == "(call print *args)")
        #expect(sexpr("[*a, b]") == "(list (* a) b)")
        #expect(sexpr("(n := 10)") == "(:= n 10)")
        #expect(sexpr("def g():\n    yield\n    yield 1\n    yield from x\n    y = yield 2\n")
            == "(def g () [(yield) (yield 1) (yield-from x) (= y (yield 2))])")
    }
}

struct StatementTests {
    @Test func assignments() {
        #expect(sexpr("a, b = b, a") == "(= (tuple a b) (tuple b a))")
        #expect(sexpr("a = b = 1") == "(= a b 1)")
        #expect(sexpr("x[0] += 1") == "(+= ([] x 0) 1)")
        #expect(sexpr("x **= 2; y //= 3") == "(**= x 2) (//= y 3)")
        #expect(sexpr("x: int = 1") == "(ann x int 1)")
        #expect(sexpr("a, *b = c") == "(= (tuple a (* b)) c)")
        #expect(sexpr("(a, b), c = x") == "(= (tuple (tuple a b) c) x)")
    }

    @Test func controlFlow() {
        #expect(sexpr("if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n")
            == "(if a [pass] [(if b [(= x 1)] [(= y 2)])])")
        #expect(sexpr("while x:\n    break\nelse:\n    continue\n") == "(while x [break] [continue])")
        #expect(sexpr("for i, x in enumerate(xs):\n    pass\n") == "(for (tuple i x) (call enumerate xs) [pass])")
        #expect(sexpr("for x in 1, 2:\n    pass\n") == "(for x (tuple 1 2) [pass])")
        #expect(sexpr("if x: a = 1; b = 2\n") == "(if x [(= a 1) (= b 2)])")
    }

    @Test func tryAndRaise() {
        #expect(sexpr("try:\n    a\nexcept ValueError as e:\n    b\nexcept (A, B):\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n")
            == "(try [a] (except ValueError as e [b]) (except (tuple A B) [c]) (except [d]) (else [e]) (finally [f]))")
        #expect(sexpr("try:\n    a\nexcept* E:\n    b\n") == "(try* [a] (except E [b]))")
        #expect(sexpr("raise X from Y") == "(raise X from Y)")
        #expect(sexpr("raise") == "(raise)")
        #expect(sexpr("assert x, 'm'") == "(assert x \"m\")")
    }

    @Test func functionsAndClasses() {
        #expect(sexpr("def f(a, b=1, *args, c, d=2, **kw):\n    return a, b\n")
            == "(def f (a b=1 *args c d=2 **kw) [(return (tuple a b))])")
        #expect(sexpr("def f(a, /, b, *, c):\n    pass\n") == "(def f (a / b * c) [pass])")
        #expect(sexpr("async def f(x: int = 1) -> str:\n    pass\n") == "(async-def f (x=1) [pass])")
        #expect(sexpr("@dec\n@other(1)\ndef f():\n    pass\n") == "(def f () [pass])")
        #expect(sexpr("class A(B):\n    def m(self):\n        pass\n") == "(class A B [(def m (self) [pass])])")
        #expect(sexpr("def outer():\n    async def inner():\n        pass\n") == "(def outer () [(async-def inner () [pass])])")
    }

    @Test func withAndAsync() {
        #expect(sexpr("async def f():\n    async with asyncio.TaskGroup() as tg, lock:\n        pass\n")
            == "(async-def f () [(async-with ((call (. asyncio TaskGroup)) as tg) (lock) [pass])])")
        #expect(sexpr("with (open(a) as f, b as g):\n    pass\n") == "(with ((call open a) as f) (b as g) [pass])")
        #expect(sexpr("async def f():\n    async for x in y:\n        pass\n") == "(async-def f () [(async-for x y [pass])])")
    }

    @Test func importsAndScopes() {
        #expect(sexpr("import a.b as c, d") == "(import a.b as c, d)")
        #expect(sexpr("from x import (a, b as c,)") == "(from x a, b as c)")
        #expect(sexpr("from .. import y") == "(from .. y)")
        #expect(sexpr("global a, b") == "(global a b)")
        #expect(sexpr("def f():\n    nonlocal a\n") == "(def f () [(nonlocal a)])")
        #expect(sexpr("del a, b[0]") == "(del a ([] b 0))")
    }

    @Test func matchIsASoftKeyword() {
        #expect(sexpr("match = 1") == "(= match 1)")
        #expect(sexpr("match(x)") == "(call match x)")
        #expect(sexpr("match x:\n    case 1:\n        pass\n") == "(match x 1)")
    }

    @Test func matchPatterns() throws {
        let source = """
        match cmd:
            case ["go", *rest] | ("run", *rest) if rest:
                pass
            case {"k": int(v), **others}:
                pass
            case Point(1, y=-2) as p:
                pass
            case a.b.C | None | _:
                pass

        """
        let module = try #require(FrontEnd.analyze(source).module)
        guard case let .match(_, cases) = module.body[0].kind else {
            Issue.record("not a match statement")
            return
        }
        #expect(cases.map(\.pattern.boundNames) == [["rest"], ["v", "others"], ["p"], []])
        #expect(cases.map { $0.pattern.expressions.count } == [2, 2, 3, 2])
        #expect(cases[0].guardExpr != nil)
        guard case .or(let alternatives) = cases[3].pattern.kind else {
            Issue.record("not an or-pattern")
            return
        }
        guard case .value = alternatives[0].kind, case .singleton = alternatives[1].kind,
              case .capture(nil) = alternatives[2].kind else {
            Issue.record("wrong alternatives")
            return
        }
    }

    @Test func nodesCarryRanges() throws {
        let module = try #require(FrontEnd.analyze("x = 1\nasync def main():\n    await foo(bar)\n").module)
        #expect(module.body[0].range == SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 6)))
        guard case .functionDef(let def) = module.body[1].kind, case .expr(let e) = def.body[0].kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(def.headerRange.start == SourceLocation(line: 2, column: 1))
        #expect(e.range == SourceRange(start: .init(line: 3, column: 5), end: .init(line: 3, column: 19)))
    }
}

struct SyntaxErrorTests {
    @Test func cpythonMessages() {
        #expect(firstError("a + 1 = 2") == "1:1: cannot assign to expression here. Maybe you meant '==' instead of '='?")
        #expect(firstError("a < b = 2") == "1:1: cannot assign to comparison")
        #expect(firstError("None = 1") == "1:1: cannot assign to None")
        #expect(firstError("with a as 1: pass") == "1:11: cannot assign to literal")
        #expect(firstError("(x, y) += 1") == "1:1: 'tuple' is an illegal expression for augmented assignment")
        #expect(firstError("f(**a, *b)") == "1:8: iterable argument unpacking follows keyword argument unpacking")
        #expect(firstError("def f(**k, a): pass") == "1:12: arguments cannot follow var-keyword argument")
        #expect(firstError("def f(*): pass") == "1:7: named arguments must follow bare *")
        #expect(firstError("a = 1 +") == "1:8: invalid syntax")
        #expect(firstError("import") == "1:7: invalid syntax")
        #expect(firstError("else:\n    pass\n") == "1:1: invalid syntax")
        #expect(firstError("x = (1,\ny = 'abc\n") == "2:5: unterminated string literal (detected at line 2)")
        #expect(firstError("x = 1\n  \n\ty = 2\n") == "3:1: unexpected indent")
        #expect(firstError("{1: 2, **x, 3}") == "1:13: ':' expected after dictionary key")
    }

    @Test func deepNestingIsBounded() {
        #expect(firstError("x = " + String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300))
            == "1:205: too many nested parentheses")
        let nested199 = "x = " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199)
        #expect(FrontEnd.analyze(nested199).module != nil)
        #expect(firstError("x = " + String(repeating: "-", count: 5000) + "1").contains("too many nested expressions"))
        #expect(firstError("x = " + String(repeating: "not ", count: 5000) + "1").contains("too many nested expressions"))
        #expect(firstError("x = 2" + String(repeating: " ** 2", count: 5000)).contains("too many nested expressions"))
        let deepBlocks = (0..<120).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
        #expect(firstError(deepBlocks).contains("too many levels of indentation"))
    }
}
