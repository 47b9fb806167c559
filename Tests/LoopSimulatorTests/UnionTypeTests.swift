import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// PEP 604 unions: `type.__or__` makes a types.UnionType (Objects/unionobject.c), which
/// isinstance()/issubclass() and typing understand. Expected output taken from CPython 3.11.
@Suite("Union types")
struct UnionTypeTests {
    @Test("int | None: repr, type, flattening, dedup, equality, hash, isinstance/issubclass, CPython's errors")
    func unionOfClasses() {
        #expect(simulate("""
        import types
        u = int | None
        print(u, type(u), types.UnionType, u.__args__, None | int, (int | str) | None, int | (str | None))
        print(int | str == str | int, int | int, int | str | int, hash(int | str) == hash(str | int), {int | str: 1}[str | int])
        print(list[int] | None, list[int] | list[int], dict[str, list[int]] | None, type.__or__(int, str), type.__ror__(int, str))
        class A: pass
        print(A | None, None | A | A, isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, A | None))
        print(issubclass(bool, int | None), issubclass(str, A | int), isinstance(3, (str, int | None)))
        for bad in (lambda: None | None, lambda: int | 3, lambda: types.UnionType(), lambda: (int | str)[int],
                    lambda: isinstance([], list[int] | None), lambda: issubclass(list, list[int])):
            try:
                bad()
            except TypeError as e:
                print(e)
        """) == RunOutput(stdout: """
        int | None <class 'types.UnionType'> <class 'types.UnionType'> (<class 'int'>, <class 'NoneType'>) None | int int | str | None int | str | None
        True <class 'int'> int | str True 1
        list[int] | None list[int] dict[str, list[int]] | None int | str str | int
        __main__.A | None None | __main__.A True False True
        True False True
        unsupported operand type(s) for |: 'NoneType' and 'NoneType'
        unsupported operand type(s) for |: 'type' and 'int'
        cannot create 'types.UnionType' instances
        int | str is not a generic class
        isinstance() argument 2 cannot be a parameterized generic
        issubclass() argument 2 cannot be a parameterized generic

        """, stderr: "", status: 0))
    }

    @Test("typing reads unions and GenericAliases; a metaclass's own __or__/__ror__ comes first")
    func typingAndMetaclasses() {
        #expect(simulate("""
        import typing, types
        print(typing.get_origin(int | str) is types.UnionType, typing.get_args(int | list[int] | None))
        print(typing.get_origin(list[int]), typing.get_args(dict[str, int]))
        print(int | str == typing.Union[int, str], typing.Union[int, str] == int | str, typing.Optional[int] == (int | None))
        print(typing.Optional[int] | None, int | typing.Union[int, str], typing.Union[int | str, None])
        T = typing.TypeVar('T')
        print(int | T, T | None)
        class Meta(type):
            def __or__(cls, other):
                return f"Meta.__or__({cls.__name__})"
            def __ror__(cls, other):
                return f"Meta.__ror__({cls.__name__})"
        class A(metaclass=Meta): pass
        class B: pass
        class M2(type): pass
        class C(metaclass=M2): pass
        print(A | None, None | A, int | A, B | A, C | None, B | C | C)
        """) == RunOutput(stdout: """
        True (<class 'int'>, list[int], <class 'NoneType'>)
        <class 'list'> (<class 'str'>, <class 'int'>)
        True True True
        typing.Optional[int] typing.Union[int, str] typing.Union[int, str, NoneType]
        typing.Union[int, ~T] typing.Optional[~T]
        Meta.__or__(A) Meta.__ror__(A) Meta.__ror__(A) Meta.__ror__(A) __main__.C | None __main__.B | __main__.C

        """, stderr: "", status: 0))
    }

    @Test("type variables of GenericAliases and unions: __parameters__ (_Py_make_parameters) and subscripts (_Py_subs_parameters), with CPython's errors")
    func typeVariables() {
        #expect(simulate("""
        class V:
            def __init__(self, n): self.n = n
            def __typing_subst__(self, arg): return arg
            def __repr__(self): return self.n
        a, b = V('A'), V('B')
        print(list[a].__parameters__, dict[a, list[b]].__parameters__, dict[a, a].__parameters__)
        print((list[a] | int).__parameters__, (list[a] | dict[b, a]).__parameters__, (int | str).__parameters__)
        print(list[int].__parameters__, (list[int] | None).__parameters__)
        class P:
            __parameters__ = ('x',)
        print(list[P].__parameters__, list[P()].__parameters__)
        print(list[a][int], dict[a, list[b]][str, bytes], (list[a] | int)[str], (list[a] | dict[b, a])[int, str])
        print(dict[a, a][float], (list[a] | None)[int], (a | None if False else list[a] | list[b])[int, int])
        for f in [lambda: list[int][str], lambda: (int | str)[int], lambda: list[a][int, str], lambda: dict[a, b][int]]:
            try: print(f())
            except TypeError as e: print(e)
        """).stdout == """
        (A,) (A, B) (A,)
        (A,) (A, B) ()
        () ()
        () ('x',)
        list[int] dict[str, list[bytes]] list[str] | int list[int] | dict[str, int]
        dict[float, float] list[int] | None list[int]
        list[int] is not a generic class
        int | str is not a generic class
        Too many arguments for list[A]; actual 2, expected 1
        Too few arguments for dict[A, B]; actual 1, expected 2

        """)
    }
}
