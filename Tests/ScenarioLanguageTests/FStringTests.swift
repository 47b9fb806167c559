import Testing
@testable import ScenarioLanguage

struct FStringTests {
    @Test func splitting() {
        #expect(sexpr("f'a{x}b'") == #"(f "a" {x} "b")"#)
        #expect(sexpr("f'{x:.2f}'") == #"(f {x:".2f"})"#)
        #expect(sexpr("f'{x!r}'") == "(f {x!r})")
        #expect(sexpr("f'{{literal}} {x}'") == #"(f "{literal} " {x})"#)
        #expect(sexpr(#"f"{d['k']}""#) == #"(f {([] d "k")})"#)
        #expect(sexpr("f'{x:>{w}}'") == #"(f {x:">" {w}})"#)
        #expect(sexpr("f'{x=}'") == #"(f {"x=" x!r})"#)
        #expect(sexpr("f'{x = :.1f}'") == #"(f {"x = " x:".1f"})"#)
        #expect(sexpr("'a' f'{b}' 'c'") == #"(f "a" {b} "c")"#)
        #expect(sexpr("f'{a + b * 2}\\n'") == "(f {(+ a (* b 2))} \"\n\")")
        #expect(sexpr("f'{x!r:^10}'") == #"(f {x!r:"^10"})"#)
        #expect(sexpr("f'{a, b}'") == "(f {(tuple a b)})")
        // `#` is refused only outside the expression's strings (a backslash everywhere).
        #expect(sexpr(##"f'{"#"}'"##) == ##"(f {"#"})"##)
    }

    @Test func fieldExpressionsHaveSourcePositions() throws {
        let module = try #require(FrontEnd.analyze("y = f'ab{name}'\n").module)
        guard case .assign(_, let value) = module.body[0].kind, case .fstring(let parts) = value.kind,
              case .expression(let e, _, _, _) = parts[1] else {
            Issue.record("not an f-string")
            return
        }
        #expect(e.range.start == SourceLocation(line: 1, column: 10))
        #expect(e.range.end == SourceLocation(line: 1, column: 14))
    }

    @Test func errors() {
        #expect(firstError("x = f'{a b}'") .contains("f-string: invalid syntax. Perhaps you forgot a comma?"))
        #expect(firstError("x = f'{}'") == "1:10: f-string: empty expression not allowed")
        #expect(firstError("x = f'}'") == "1:9: f-string: single '}' is not allowed")
        #expect(firstError("x = f'{x!z}'").contains("invalid conversion character"))
        #expect(firstError("x = f'{a\\n}'").contains("backslash"))
        #expect(firstError(#"x = f'{"\n".join(y)}'"#) == "1:22: f-string expression part cannot include a backslash")
        #expect(firstError("x = f'{1 +}'").hasPrefix("1:11: f-string: invalid syntax"))
    }
}
