import Testing
@testable import ScenarioLanguage

@Test func smoke() {
    #expect(sexpr("1 + 2 * 3 ** -x") == "(+ 1 (* 2 (** 3 (- x))))")
}
