import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// bytes and bytearray beyond the basics: printf-style `%` formatting (CPython's
/// `_PyBytes_FormatEx`, shared with str's `PyUnicode_Format`), the methods shared with str,
/// and memoryview. Expected outputs are CPython 3.11's (`tools/vtrun.py`).
@Suite("bytes and memoryview")
struct BytesTests {
    @Test("str and bytes % formatting: flags, width, precision, *, mappings, %b/%a/%c and CPython's errors")
    func percentFormatting() {
        let out = simulate(#"""
        tests = [('%z', ()), ('%z', (1,)), ('%', ()), ('x', b'ab'), ('x', [1]), ('x', 5), ('%5%', ()), ('%5%', (1,)), ('%s %(a)s', {'a':1}), ('%-05d|', (3,)), ('%#-08x|', (255,)), ('%#08X', (255,)), ('%+.3d', (5,)), ('% d', (-5,)), ('%05s', ('ab',)), ('%.2s', ('abc',)), ('%c', (65.0,)), ('%c', ('ab',)), ('%d', ('x',)), ('%x', (3.0,)), ('%i', ('x',)), ('%f', ('x',)), ('%d', (float('nan'),)), ('%*d', (-5, 3)), ('%.*f', (-2, 3.14159)), ('%*d', (2.0, 3)), ('%#o', (8,)), ('%#.5x', (-255,)), ('%#g', (1.0,)), ('%\xe9', (1,)), ('%d', (True,)), ('%s', (True,)), ('%r', ('é',)), ('%a', ('é',)), ('%(a)s %(b)d', {'a': 'x', 'b': 2}), ('%(a)s', [1]), ('%d%%', (5,)), ('%5.1f%%|%-6s|%06.2f', (99.5, 'ab', -3.14159)), ('%x', (2**70,)), ('%d', (3.99,)), ('%+e', (12345.678,)), ('%G', (1e-10,)), ('%c', (0x1F600,)), ('%(a', {'a': 1}), ('%(a)', {'a': 1}), ('%s', ()), ('%s', ((1, 2),)), ('%s', [1, 2]), ('%s %s', 'ab'), ('%ld', (5,)), ('%10.4s|', ('abcdefg',)), ('%-+8.2f|', (2.5,)), ('% 05d', (42,)), ('%o', (-8,)), ('%X', (-255,)), ('%c%c', (104, 'i'))]
        for t, a in tests:
            try: print(repr(t % a))
            except Exception as e: print(type(e).__name__, e)
        class N:
            def __int__(self): return 42
            def __index__(self): return 43
            def __float__(self): return 1.5
        class B:
            def __bytes__(self): return b'BB'
        for t, a in [('%d %x %f %s', (N(), N(), N(), 'n')), ('%c', (N(),))]:
            try: print(repr(t % a))
            except Exception as e: print(type(e).__name__, e)
        btests = [(b'%s %d %x %r %a', (b'ab', 3, 255, 'é', 'x')), (b'%b', (bytearray(b'q'),)), (b'%s', ('x',)), (b'%c', (b'a',)), (b'%c', (300,)), (b'%c', ('a',)), (b'%5.1f|%-4d|', (3.14159, 7)), (b'%(k)s', {b'k': b'v'}), (b'%(k)s', {'k': b'v'}), (b'%z', (1,)), (b'x', 5), (b'%i', ('x',)), (b'%s', (memoryview(b'mv'),)), (bytearray(b'%d'), 3), (b'%b', (B(),)), (b'%4b|%-4s|', (b'x', b'y')), (b'%#x %o %%', (255, 8)), (b'%.1b', (b'abc',)), (b'%s', (1,)), (b'%r', (b'q',)), (b'%a', ([1, 'ü'],))]
        for t, a in btests:
            try: print(repr(t % a))
            except Exception as e: print(type(e).__name__, e)
        """#)
        #expect(out.stdout == #"""
        TypeError not enough arguments for format string
        ValueError unsupported format character 'z' (0x7a) at index 1
        ValueError incomplete format
        'x'
        'x'
        TypeError not all arguments converted during string formatting
        TypeError not enough arguments for format string
        ValueError unsupported format character '%' (0x25) at index 2
        "{'a': 1} 1"
        '3    |'
        '0xff    |'
        '0X0000FF'
        '+005'
        '-5'
        '   ab'
        'ab'
        TypeError %c requires int or char
        TypeError %c requires int or char
        TypeError %d format: a real number is required, not str
        TypeError %x format: an integer is required, not float
        TypeError %i format: a real number is required, not str
        TypeError must be real number, not str
        ValueError cannot convert float NaN to integer
        '3    '
        '3'
        TypeError * wants int
        '0o10'
        '-0x000ff'
        '1.00000'
        ValueError unsupported format character '?' (0xe9) at index 1
        '1'
        'True'
        "'é'"
        "'\\xe9'"
        'x 2'
        TypeError list indices must be integers or slices, not str
        '5%'
        ' 99.5%|ab    |-03.14'
        '400000000000000000'
        '3'
        '+1.234568e+04'
        '1E-10'
        '😀'
        ValueError incomplete format key
        ValueError incomplete format
        TypeError not enough arguments for format string
        '(1, 2)'
        '[1, 2]'
        TypeError not enough arguments for format string
        '5'
        '      abcd|'
        '+2.50   |'
        ' 0042'
        '-10'
        '-FF'
        'hi'
        '42 2b 1.500000 n'
        '+'
        b"ab 3 ff '\\xe9' 'x'"
        b'q'
        TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
        b'a'
        OverflowError %c arg not in range(256)
        TypeError %c requires an integer in range(256) or a single byte
        b'  3.1|7   |'
        b'v'
        KeyError b'k'
        ValueError unsupported format character 'z' (0x7a) at index 1
        TypeError not all arguments converted during bytes formatting
        TypeError %d format: a real number is required, not str
        b'mv'
        bytearray(b'3')
        b'BB'
        b'   x|y   |'
        b'0xff 10 %'
        b'a'
        TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'int'
        b"b'q'"
        b"[1, '\\xfc']"

        """#, "\(out)")
    }

    @Test("bytes methods shared with str, and memoryview's items, slices, writes, release and errors")
    func methodsAndMemoryview() {
        let out = simulate(#"""
        b = b'  hello world  '
        ba = bytearray(b'a,b,,c')
        print(b.rsplit(), b.rsplit(None, 1), ba.rsplit(b',', 1), b'a b c'.rsplit(maxsplit=1), b'a,b'.split(sep=b','))
        print(b'k=v=w'.partition(b'='), b'k=v=w'.rpartition(b'='), b'kv'.partition(b'='), b'kv'.rpartition(b'='), ba.partition(b','))
        print(b'ab'.center(7, b'*'), bytearray(b'ab').ljust(5, b'.'), b'ab'.rjust(5), b'-42'.zfill(6), b'+7'.zfill(1), b'7'.zfill(3))
        print(b'a\tbc\td'.expandtabs(), b'a\tbc\td'.expandtabs(tabsize=3), b'x\r\ty'.expandtabs(4))
        print(b'hello wORLD 3rd'.title(), b'hELLO'.swapcase(), b'hELLO wOrld'.capitalize(), bytearray(b'ab').upper())
        print(b'Ab Cd'.istitle(), b'ab Cd'.istitle(), b''.istitle(), b'abc'.isalpha(), b'a1'.isalnum(), b'\xff'.isascii(), b'12'.isdigit(), b' \t'.isspace(), b'AB'.isupper(), b'ab'.islower())
        print(b'a\nb\r\nc\rd'.splitlines(), b'a\nb\r\n'.splitlines(True), b'a\nb\r\n'.splitlines(keepends=True), b''.splitlines())
        print(b'abcabc'.count(b'b'), b'abcabc'.count(b'b', 2), b'abcabc'.count(b''), b'abcabc'.count(98), b'abcabc'.index(b'c'), b'abcabc'.rindex(b'c'), b'abcabc'.rfind(b'x'), b'abcabc'.find(b'c', 3, 6), b'abcabc'.find(b'', 7))
        t = bytes.maketrans(b'abc', b'xyz')
        print(len(t), b'aabbcc'.translate(t), b'aabbcc'.translate(None, b'b'), b'abc'.translate(t, delete=b'c'), bytearray(b'abc').translate(t))
        print(b'\x01\xab\xff'.hex(), b'abcdef'.hex(':', 2), b'abcde'.hex(':', 2), b'abcde'.hex(':', -2), b'abcdef'.hex(b'-', 4), b'abcdef'.hex(':', 0), b'abc'.hex(sep=' '))
        print(bytes.fromhex('de ad be ef'), bytearray.fromhex('00ff'), b'x'.fromhex('41'))
        print(b'prefix-body'.removeprefix(b'prefix-'), b'body.txt'.removesuffix(b'.txt'), b'a'.removesuffix(b''))
        x = bytearray(b'abcb'); x.remove(ord('b')); print(x)
        print(b'abc'.startswith(b'b', 1), b'abc'.endswith((b'x', b'bc')), b'abc'.startswith(b'a', 1, 2))
        for f in [lambda: b'x'.center(5, 'a'), lambda: b'x'.center(5, b'ab'), lambda: b'x'.translate(b'ab'), lambda: bytes.maketrans(b'a', b'bc'), lambda: bytearray(b'a').remove(9), lambda: b'a'.hex('ab'), lambda: b'a'.hex('é'), lambda: b'a'.partition(b''), lambda: b'abc'.index(b'z'), lambda: b'abc'.rindex(b'z'), lambda: b'a'.find('a'), lambda: b'a'.rsplit(b'')]:
            try: print(f())
            except Exception as e: print(type(e).__name__, e)
        m = memoryview(b'hello world')
        print(len(m), m[0], m[-1], m[1:4].tobytes(), bytes(m[::2]), m.nbytes, m.readonly, m.itemsize, m.ndim, m.shape, m.strides, m.format, m.obj, m.tolist()[:3], m.hex(), m[2:5].hex(':'))
        print(m == b'hello world', m[:5] == b'hello', m == memoryview(b'hello world'), m != b'x', b'hello world' == m, hash(m) == hash(b'hello world'))
        print(m.cast('B')[0], list(m[:3]), b'-'.join([m[:2], b'x']), m[:5] in [b'hello'], b'he' + m[2:5], bytearray(m[:2]))
        ba = bytearray(b'abcdef')
        v = memoryview(ba)
        v[0] = 65; v[1:3] = b'XY'; print(ba, v.readonly, v[::2].tolist())
        w = v[2:]; w[0] = 0x7a; print(ba, bytes(w))
        with memoryview(b'ctx') as c:
            print(c.tobytes())
        print(repr(c).startswith('<released memory at 0x'), repr(m).startswith('<memory at 0x'))
        def set_m(): m[0] = 1
        def set_v(): v[0] = 256
        def set_vs(): v[0:2] = b'abc'
        def del_v(): del v[0]
        for f in [lambda: c.tobytes(), lambda: len(c), lambda: c[0], set_m, set_v, set_vs, lambda: memoryview('s'), lambda: m[99], lambda: hash(v), lambda: m['a'], del_v]:
            try: print(f())
            except Exception as e: print(type(e).__name__, e)
        m.release(); m.release()
        print(b'%s|%b|%5s|%-4b|%c%c' % (b'a', memoryview(b'mv'), b'r', bytearray(b'l'), 65, b'B'), bytearray(b'%d-%x') % (10, 255))
        print('%s %d' % ('x', 3), b'%(a)s' % {b'a': b'1'})
        """#)
        #expect(out.stdout == #"""
        [b'hello', b'world'] [b'  hello', b'world'] [bytearray(b'a,b,'), bytearray(b'c')] [b'a b', b'c'] [b'a', b'b']
        (b'k', b'=', b'v=w') (b'k=v', b'=', b'w') (b'kv', b'', b'') (b'', b'', b'kv') (bytearray(b'a'), bytearray(b','), bytearray(b'b,,c'))
        b'***ab**' bytearray(b'ab...') b'   ab' b'-00042' b'+7' b'007'
        b'a       bc      d' b'a  bc d' b'x\r    y'
        b'Hello World 3Rd' b'Hello' b'Hello world' bytearray(b'AB')
        True False False True True False True True True True
        [b'a', b'b', b'c', b'd'] [b'a\n', b'b\r\n'] [b'a\n', b'b\r\n'] []
        2 1 7 2 2 5 -1 5 -1
        256 b'xxyyzz' b'aacc' b'xy' bytearray(b'xyz')
        01abff 6162:6364:6566 61:6263:6465 6162:6364:65 6162-63646566 616263646566 61 62 63
        b'\xde\xad\xbe\xef' bytearray(b'\x00\xff') b'A'
        b'body' b'body' b'a'
        bytearray(b'acb')
        True True False
        TypeError center() argument 2 must be a byte string of length 1, not str
        TypeError center() argument 2 must be a byte string of length 1, not bytes
        ValueError translation table must be 256 characters long
        ValueError maketrans arguments must have same length
        ValueError value not found in bytearray
        ValueError sep must be length 1.
        ValueError sep must be ASCII.
        ValueError empty separator
        ValueError subsection not found
        ValueError subsection not found
        TypeError argument should be integer or bytes-like object, not 'str'
        ValueError empty separator
        11 104 100 b'ell' b'hlowrd' 11 True 1 1 (11,) (1,) B b'hello world' [104, 101, 108] 68656c6c6f20776f726c64 6c:6c:6f
        True True True True True True
        104 [104, 101, 108] b'he-x' True b'hello' bytearray(b'he')
        bytearray(b'AXYdef') False [65, 89, 101]
        bytearray(b'AXzdef') b'zdef'
        b'ctx'
        True True
        ValueError operation forbidden on released memoryview object
        ValueError operation forbidden on released memoryview object
        ValueError operation forbidden on released memoryview object
        TypeError cannot modify read-only memory
        ValueError memoryview: invalid value for format 'B'
        ValueError memoryview assignment: lvalue and rvalue have different structures
        TypeError memoryview: a bytes-like object is required, not 'str'
        IndexError index out of bounds on dimension 1
        ValueError cannot hash writable memoryview object
        TypeError memoryview: invalid slice key
        TypeError cannot delete memory
        b'a|mv|    r|l   |AB' bytearray(b'10-ff')
        x 3 b'1'

        """#, "\(out)")
    }

    @Test("int() and float() parse a bytes-like object's ASCII text")
    func intAndFloatOfBytes() {
        let out = simulate(#"""
        for f in [lambda: int(b' 42 '), lambda: int(bytearray(b'ff'), 16), lambda: int(b'x'), lambda: float(b'1.5'), lambda: float(b'x'), lambda: int(memoryview(b'7')), lambda: int(b'1_000'), lambda: float(bytearray(b' 2e3'))]:
            try: print(f())
            except Exception as e: print(type(e).__name__, e)
        """#)
        #expect(out.stdout == #"""
        42
        255
        ValueError invalid literal for int() with base 10: b'x'
        1.5
        ValueError could not convert string to float: b'x'
        7
        1000
        2000.0

        """#, "\(out)")
    }

}
