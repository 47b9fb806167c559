import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `urllib.parse` (CPython 3.11's Lib file, unchanged, with `ipaddress` for bracketed
/// hosts) and what it asks of the runtime: bytes `partition`/`rpartition`, a property's
/// writable `__doc__`.
@Suite("urllib.parse")
struct UrlParseTests {
    @Test("bytes results, the field docs, RFC 3986 joins, quoting bytes, bracketed hosts")
    func parseAgreesWithCPython() {
        let out = simulate(#"""
        from urllib.parse import urlsplit, urlparse, urljoin, quote_from_bytes, unquote_to_bytes, ParseResult
        print(urlparse(b"ftp://u:p@F.example:21/x").hostname, urlparse(b"ftp://u:p@F.example:21/x").username)
        print(b"a:b:c".partition(b":"), bytearray(b"a:b:c").rpartition(b":"), b"abc".rpartition(b"z"))
        print(ParseResult.hostname.__doc__ is None, urlsplit("x://h").__class__.fragment.__doc__.strip()[:19])
        print(urljoin("http://a/b/c/d;p?q", "../../../g"), quote_from_bytes(b"\xff a"), unquote_to_bytes("%41%zz"))
        print(urlsplit("http://[::1]:80/").hostname, urlsplit("http://user@[v1.fe]/").hostname)
        try:
            urlsplit("http://[127.0.0.1]/")
        except ValueError as e:
            print("ValueError:", e)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        b'f.example' b'u'
        (b'a', b':', b'b:c') (bytearray(b'a:b'), bytearray(b':'), bytearray(b'c')) (b'', b'', b'abc')
        True Fragment identifier
        http://a/g %FF%20a b'A%zz'
        ::1 v1.fe
        ValueError: An IPv4 address cannot be in brackets

        """)
    }
}
