import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// A built-in type's method read from a value is bound to it, as CPython's
/// `builtin_function_or_method` with a `__self__`; read from the type it is the type's
/// method descriptor (`str.upper` is the function `'a'.upper` binds). Expected output
/// from CPython 3.11, addresses masked (their width is CPython's 12 hex digits).
@Suite("Bound built-in methods")
struct BoundBuiltinMethodTests {
    @Test("repr, __self__, __name__, __qualname__ and type of str, list, dict, set, bytes and tuple methods")
    func boundAndDescriptor() {
        let out = simulate(#"""
        import re
        def masked(x): return re.sub(r'0x[0-9a-f]{12}\b', 'ADDR', repr(x))
        for m in ['a'.upper, [].append, {}.get, set().add, b'x'.hex, bytearray(b'x').hex, (1,).count, str.upper, list.append, dict.get]:
            print(masked(m), m.__name__, m.__qualname__, type(m).__name__)
        for m in ['a'.upper, [1].append, {2: 3}.get, set().add, b'x'.hex, (1,).count]:
            print(repr(m.__self__))
        class S(str): pass
        print(masked(S('x').upper), S('x').upper.__self__, str.upper(S('ab')))
        l = [1]
        print(l.append == l.append, l.append == [].append, 'a'.upper == 'a'.upper, 'a'.upper == 'b'.upper, {}.get != {}.get)
        for f in [lambda: str.upper(5), lambda: str.upper(), lambda: str.split(3)]:
            try: f()
            except TypeError as e: print(e)
        """#)
        #expect(out.stdout == """
        <built-in method upper of str object at ADDR> upper str.upper builtin_function_or_method
        <built-in method append of list object at ADDR> append list.append builtin_function_or_method
        <built-in method get of dict object at ADDR> get dict.get builtin_function_or_method
        <built-in method add of set object at ADDR> add set.add builtin_function_or_method
        <built-in method hex of bytes object at ADDR> hex bytes.hex builtin_function_or_method
        <built-in method hex of bytearray object at ADDR> hex bytearray.hex builtin_function_or_method
        <built-in method count of tuple object at ADDR> count tuple.count builtin_function_or_method
        <method 'upper' of 'str' objects> upper str.upper method_descriptor
        <method 'append' of 'list' objects> append list.append method_descriptor
        <method 'get' of 'dict' objects> get dict.get method_descriptor
        'a'
        [1]
        {2: 3}
        set()
        b'x'
        (1,)
        <built-in method upper of S object at ADDR> x AB
        True False True False True
        descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
        unbound method str.upper() needs an argument
        descriptor 'split' for 'str' objects doesn't apply to a 'int' object

        """, "\(out)")
    }
}
