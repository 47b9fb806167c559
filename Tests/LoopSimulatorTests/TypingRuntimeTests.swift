import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// typing's run-time side as CPython's Lib/typing.py: string annotations evaluated by
/// get_type_hints in the function's globals (`__globals__` is the module's dict), and
/// runtime_checkable Protocols, whose checks look at their caller's frame across the
/// native isinstance call. Expected outputs are CPython 3.11's.
@Suite("typing at run time")
struct TypingRuntimeTests {
    @Test("isinstance and issubclass against typing's aliases as CPython's: unsubscripted aliases ask their collections.abc origin, Union asks each argument, subscripted generics and Any refuse")
    func isinstanceAgainstAliases() {
        let out = simulate("""
        import typing, collections.abc
        from typing import List, Dict, Mapping, Union, Optional, Callable, Tuple, Sequence, Iterable, Awaitable, Any
        checks = [([], List), ({}, Dict), ({}, Mapping), (1, Union[int, str]), (None, Optional[int]), (len, Callable),
                  ((1,), Tuple), ("s", Sequence), (3, Iterable), (1.5, Union[int, str])]
        for v, t in checks:
            print(repr(t), isinstance(v, t))
        print(issubclass(list, List), issubclass(bool, Union[int, str]), issubclass(dict, Mapping))
        for bad in (List[int], Union[List[int], str], Any, Optional[List[int]]):
            try:
                print(isinstance([], bad))
            except TypeError as e:
                print("TypeError:", e)
        try:
            issubclass(list, List[int])
        except TypeError as e:
            print("TypeError:", e)
        """)
        #expect(out.stdout == """
        typing.List True
        typing.Dict True
        typing.Mapping True
        typing.Union[int, str] True
        typing.Optional[int] True
        typing.Callable True
        typing.Tuple True
        typing.Sequence True
        typing.Iterable False
        typing.Union[int, str] False
        True True True
        TypeError: Subscripted generics cannot be used with class and instance checks
        TypeError: Subscripted generics cannot be used with class and instance checks
        TypeError: typing.Any cannot be used with isinstance()
        TypeError: Subscripted generics cannot be used with class and instance checks
        TypeError: Subscripted generics cannot be used with class and instance checks

        """, "\(out)")
    }

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

    @Test("typing's TypeVar, ParamSpec, TypeVarTuple have __typing_subst__: types.GenericAlias and X | Y collect and substitute them")
    func typingSubst() {
        let out = simulate("""
        from typing import TypeVar, ParamSpec, TypeVarTuple, Callable, Generic
        import collections.abc
        T = TypeVar('T')
        P = ParamSpec('P')
        Ts = TypeVarTuple('Ts')
        print((list[T] | int).__parameters__, (list[T] | int)[str], dict[str, T][int])
        print(Callable[[T], T][int], list[T] | None, (list[T] | None)[bytes])
        print(T.__typing_subst__(int), P.__typing_subst__([int, str]), list[Ts].__parameters__)
        C = collections.abc.Callable[P, int]
        print(C.__parameters__, C[[int, str]], C[...], C[int, str])
        class G(Generic[T]): pass
        print(list[G[T]][str], dict[T, list[T]][int])
        for bad in (lambda: list[Ts][int], lambda: list[T][1], lambda: C[1], lambda: dict[str, T][int, str]):
            try:
                print(bad())
            except TypeError as e:
                print(e)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        (~T,) list[str] | int dict[str, int]
        typing.Callable[[int], int] list[~T] | None list[bytes] | None
        <class 'int'> (<class 'int'>, <class 'str'>) (Ts,)
        (~P,) collections.abc.Callable[[int, str], int] collections.abc.Callable[..., int] collections.abc.Callable[[int, str], int]
        list[__main__.G[str]] dict[int, list[int]]
        Substitution of bare TypeVarTuple is not supported
        list[1]
        collections.abc.Callable[[1], int]
        Too many arguments for dict[str, ~T]; actual 2, expected 1

        """)
    }

    @Test("asyncio's Future, Task and Queues subscript to types.GenericAlias as CPython's classmethod(GenericAlias)")
    func asyncioGenerics() {
        let out = simulate("""
        import asyncio
        print(asyncio.Future[int], asyncio.Task[str], asyncio.Queue[int], asyncio.LifoQueue[int], asyncio.PriorityQueue[int])
        print('__class_getitem__' in asyncio.Task.__dict__, '__class_getitem__' in asyncio.Future.__dict__, '__class_getitem__' in asyncio.LifoQueue.__dict__)
        print(asyncio.Future[int].__origin__ is asyncio.Future, list.__class_getitem__(int), asyncio.Queue[int]())
        q: asyncio.Queue[int] = asyncio.Queue()
        class C:
            f: asyncio.Future[str]
        print(__annotations__, C.__annotations__)
        async def main():
            q: asyncio.Queue[int] = asyncio.Queue()
            t: asyncio.Task[None] = asyncio.ensure_future(asyncio.sleep(0))
            print(await t, type(q).__name__)
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        _asyncio.Future[int] _asyncio.Task[str] asyncio.queues.Queue[int] asyncio.queues.LifoQueue[int] asyncio.queues.PriorityQueue[int]
        True True False
        True list[int] <Queue maxsize=0>
        {'q': asyncio.queues.Queue[int]} {'f': _asyncio.Future[str]}
        None Queue

        """)
    }

    @Test("a built-in type's __dict__ lists the special methods CPython's type defines itself (float.__round__), so typing's Supports* protocols answer issubclass")
    func builtinTypeDictDunders() {
        let out = simulate("""
        import typing
        print('__round__' in float.__dict__, '__trunc__' in float.__dict__, '__index__' in int.__dict__, '__round__' in bool.__dict__, '__ceil__' in int.__dict__)
        print(float.__dict__['__round__'](2.567, 1), int.__dict__['__index__'](7), float.__dict__['__trunc__'](-2.5), list.__class_getitem__(int))
        print([issubclass(t, p) for t in (int, float, str) for p in (typing.SupportsRound, typing.SupportsIndex, typing.SupportsAbs, typing.SupportsInt, typing.SupportsFloat)])
        print(isinstance(1.5, typing.SupportsRound), isinstance(True, typing.SupportsIndex), isinstance('x', typing.SupportsInt))
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        True True True False True
        2.6 7 -2 list[int]
        [True, True, True, True, True, True, False, True, True, True, False, False, False, False, False]
        True True False

        """)
    }
}
