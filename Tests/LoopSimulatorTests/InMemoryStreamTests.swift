import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `io`: CPython 3.11's io.py over loopscope's `_io` stand-in (the in-memory streams and
/// the base classes), print and logging into a StringIO, and `check` refusing the
/// file-backed names and the builtin `open`. Expected outputs are CPython 3.11's.
@Suite("io")
struct InMemoryStreamTests {
    func check(_ source: String) -> [String] {
        switch Program.load(source: source, path: "main.py") {
        case .success: return []
        case .failure(let list): return list.entries.map(\.headline)
        }
    }

    @Test("print, redirect_stdout/redirect_stderr and logging.StreamHandler write into a StringIO")
    func capture() {
        let out = simulate("""
        import asyncio, io, sys, logging
        from contextlib import redirect_stdout, redirect_stderr
        async def worker(n):
            await asyncio.sleep(0.1 * n)
            print(f"worker {n}")
        async def main():
            buf = io.StringIO()
            with redirect_stdout(buf):
                print("a", 1, sep="-")
                await asyncio.gather(worker(1), worker(2))
                sys.stdout.write("direct\\n")
            print(repr(buf.getvalue()))
            err = io.StringIO()
            with redirect_stderr(err):
                print("e", file=sys.stderr)
            print(repr(err.getvalue()))
            log = logging.getLogger("t")
            log.addHandler(logging.StreamHandler(buf))
            log.warning("w %d", 3)
            print("x", file=buf, end="!")
            print(repr(buf.getvalue()[-8:]))
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        'a-1\\nworker 1\\nworker 2\\ndirect\\n'
        'e\\n'
        't\\nw 3\\nx!'

        """)
    }

    @Test("StringIO: stringio.c's newline modes, seek, truncate, padding and its messages")
    func stringIO() {
        let out = simulate("""
        import io
        s = io.StringIO("a\\nb\\r\\nc")
        print(s.readlines(), s.tell(), repr(s.read()))
        s = io.StringIO("a\\nb\\r\\nc\\rd", newline="")
        print(list(s), s.newlines)
        s = io.StringIO("a\\nb\\r\\nc\\rd", newline=None)
        print(list(s), repr(s.getvalue()), s.newlines)
        s = io.StringIO(newline="\\r\\n")
        s.write("x\\ny\\n")
        print(repr(s.getvalue()))
        s.seek(0); s.write("Z"); s.seek(10); s.write("end")
        print(repr(s.getvalue()), s.truncate(3), repr(s.getvalue()), s.tell())
        for bad in [lambda: s.write(b"x"), lambda: s.seek(-1), lambda: s.seek(1, 1),
                    lambda: io.StringIO(3), lambda: io.StringIO(newline="x"), lambda: s.readline("x")]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        s.close()
        for bad in [s.getvalue, lambda: iter(s), io.StringIO().fileno]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        ['a\\n', 'b\\r\\n', 'c'] 6 ''
        ['a\\n', 'b\\r\\n', 'c\\r', 'd'] ('\\r', '\\n', '\\r\\n')
        ['a\\n', 'b\\n', 'c\\n', 'd'] 'a\\nb\\nc\\nd' ('\\r', '\\n', '\\r\\n')
        'x\\r\\ny\\r\\n'
        'Z\\r\\ny\\r\\n\\x00\\x00\\x00\\x00end' 3 'Z\\r\\n' 13
        TypeError string argument expected, got 'bytes'
        ValueError Negative seek position -1
        OSError Can't do nonzero cur-relative seeks
        TypeError initial_value must be str or None, not int
        ValueError illegal newline value: 'x'
        TypeError argument should be integer or None, not 'str'
        ValueError I/O operation on closed file
        ValueError I/O operation on closed file.
        UnsupportedOperation fileno

        """)
    }

    @Test("BytesIO, the ABCs and UnsupportedOperation as CPython's io has them")
    func bytesIOAndClasses() {
        let out = simulate("""
        import io, sys
        b = io.BytesIO(b"hello\\nworld\\n")
        print(b.readline(), b.read(3), b.tell(), b.read())
        b.write(b"!!"); b.seek(0)
        print(b.getvalue(), b.readlines())
        b.seek(20); b.write(b"x")
        print(b.getvalue(), len(b.getbuffer()))
        for bad in [lambda: b.write("s"), lambda: b.seek(-1), lambda: b.seek(0, 5)]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        print(isinstance(io.StringIO(), io.TextIOBase), isinstance(b, io.BufferedIOBase),
              isinstance(b, io.IOBase), isinstance(sys.stdout, io.TextIOBase),
              isinstance(b, io.RawIOBase), issubclass(io.StringIO, io.IOBase))
        print(io.UnsupportedOperation.__mro__[:3], io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
        print(type(io.StringIO()), type(b), issubclass(io.UnsupportedOperation, ValueError))
        with io.StringIO() as f:
            f.write("x")
        print(f.closed)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        b'hello\\n' b'wor' 9 b'ld\\n'
        b'hello\\nworld\\n!!' [b'hello\\n', b'world\\n', b'!!']
        b'hello\\nworld\\n!!\\x00\\x00\\x00\\x00\\x00\\x00x' 21
        TypeError a bytes-like object is required, not 'str'
        ValueError negative seek value -1
        ValueError invalid whence (5, should be 0, 1 or 2)
        True True True True False True
        (<class 'io.UnsupportedOperation'>, <class 'OSError'>, <class 'ValueError'>) 2 8192
        <class '_io.StringIO'> <class '_io.BytesIO'> True
        True

        """)
    }

    @Test("check refuses open() and io's file-backed names at their place, and accepts io itself")
    func checkRefusesFiles() {
        let lines = check("""
            import io
            from io import StringIO, TextIOWrapper
            def f():
                with open("data.txt") as fh:
                    return fh.read()
            x = io.open("y")
            """)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("main.py:2:26: error: 'TextIOWrapper' from 'io' cannot be simulated: loopscope reads and writes no real files") })
        #expect(lines.contains { $0.hasPrefix("main.py:4:10: error: 'open' cannot be simulated: loopscope reads and writes no real files") })
        #expect(lines.contains { $0.hasPrefix("main.py:6:5: error: 'open' from 'io' cannot be simulated") })
        #expect(check("import io\nfrom io import StringIO, BytesIO, IOBase\nprint(io.StringIO, io.UnsupportedOperation)\n").isEmpty)
        // A program's own open is not the builtin.
        #expect(check("def open(name):\n    return name\nprint(open('x'))\n").isEmpty)
    }
}
