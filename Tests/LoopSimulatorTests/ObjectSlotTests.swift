import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `object.__dir__` and `object.__getstate__` answer as CPython 3.11's, and `dir()`
/// covers complex numbers, iterators, built-in functions, Ellipsis, NotImplemented and
/// asyncio's Future. Expected output taken from CPython 3.11.
@Suite("object's slots and dir()")
struct ObjectSlotTests {
    @Test("__dir__ in merge order, __getstate__ the instance dict or None, dir() of more built-in values")
    func dirAndGetstate() {
        #expect(simulate("""
        import asyncio
        o = object()
        print(sorted(o.__dir__()) == dir(o), o.__dir__()[:6], o.__getstate__())
        class A:
            def __init__(self):
                self.x = 1
            def m(self):
                pass
        a = A()
        print(a.__getstate__(), a.__getstate__() is a.__dict__, A().__dir__()[:2], sorted(a.__dir__()) == dir(a))
        print(object.__subclasshook__(), A.__init_subclass__(), object.__getstate__(A.__new__(A)))
        for v in (1j, iter([]), iter(()), iter(range(3)), iter(''), iter(set()), iter({}), reversed([]), len, Ellipsis, NotImplemented):
            names = dir(v)
            print(type(v).__name__, '__iter__' in names, '__class__' in names, 'real' in names, 'mapping' in names)
        async def main():
            f = asyncio.get_running_loop().create_future()
            print([n for n in dir(f) if not n.startswith('_')])
        asyncio.run(main())
        """) == RunOutput(stdout: """
        True ['__new__', '__repr__', '__hash__', '__str__', '__getattribute__', '__setattr__'] None
        {'x': 1} True ['x', '__module__'] True
        NotImplemented None None
        complex False True True False
        list_iterator True True False False
        tuple_iterator True True False False
        range_iterator True True False False
        str_ascii_iterator True True False False
        set_iterator True True False False
        dict_keyiterator True True False False
        list_reverseiterator True True False False
        builtin_function_or_method False True False False
        ellipsis False True False False
        NotImplementedType False True False False
        ['add_done_callback', 'cancel', 'cancelled', 'done', 'exception', 'get_loop', 'remove_done_callback', 'result', 'set_exception', 'set_result']

        """, stderr: "", status: 0))
    }
}
