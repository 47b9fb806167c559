import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// typing's run-time side as CPython's Lib/typing.py: string annotations evaluated by
/// get_type_hints in the function's globals (`__globals__` is the module's dict), and
/// runtime_checkable Protocols, whose checks look at their caller's frame across the
/// native isinstance call. Expected outputs are CPython 3.11's.
@Suite("typing at run time")
struct TypingRuntimeTests {
    @Test("get_type_hints evaluates string annotations; __globals__ is the module dict; sys._getframe crosses isinstance; runtime_checkable protocols answer isinstance")
    func hintsAndProtocols() {
        let out = simulate("""
        import sys
        from typing import List, Optional, Protocol, get_type_hints, runtime_checkable
        def f(x: "int", y: "List[Node]") -> "Optional[Node]":
            pass
        class Node:
            next: "Optional[Node]"
        print(get_type_hints(f), get_type_hints(Node))
        print(f.__globals__ is globals(), f.__globals__["Node"] is Node)
        seen = []
        class Meta(type):
            def __instancecheck__(cls, inst):
                seen.append(sys._getframe(1).f_code.co_name)
                return True
        class Probe(metaclass=Meta):
            pass
        def caller():
            return isinstance(1, Probe)
        print(caller(), seen)
        @runtime_checkable
        class Sized(Protocol):
            def __len__(self): ...
        print(isinstance([], Sized), isinstance(1, Sized))
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        {'x': <class 'int'>, 'y': typing.List[__main__.Node], 'return': typing.Optional[__main__.Node]} {'next': typing.Optional[__main__.Node]}
        True True
        True ['caller']
        True False

        """)
    }
}
