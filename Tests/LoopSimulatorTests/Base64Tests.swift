import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `base64` (CPython 3.11's Lib/base64.py without Ascii85/Base85) over a native
/// `binascii` (binascii.c's base64, hex and crc32, with its lenient and strict base64
/// decoding and its messages). Expected outputs are CPython 3.11's.
@Suite("base64 and binascii")
struct Base64Tests {
    @Test("every base64 codec round-trips; binascii's hex, crc32 and strict/lenient decoding with CPython's errors")
    func codecs() {
        let out = simulate(#"""
        import base64, binascii
        data = b"loopscope \x00\xff\xfe asyncio!"
        for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                         (base64.standard_b64encode, base64.standard_b64decode), (base64.b32encode, base64.b32decode),
                         (base64.b32hexencode, base64.b32hexdecode), (base64.b16encode, base64.b16decode)]:
            e = enc(data)
            print(enc.__name__, e, dec(e) == data, dec(e.decode()) == data)
        print(base64.b64encode(b"ab?>", altchars=b"-_"), base64.b64decode("YWI_Pg==", altchars="-_"), base64.encodebytes(b"x" * 60))
        print(base64.b64decode(b"Y W\nJj"), base64.b64decode(b"YWJjZA==extra"), base64.b64decode(b"YWJjZA==YQ=="), base64.b32decode("mzxw6===", casefold=True))
        print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"\x01\x02\x03\x04\x05", "-", 2), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", -2), binascii.b2a_hex(b"hi"))
        print(binascii.unhexlify("01abFF"), binascii.a2b_hex(b"6869"), binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b""))
        print(binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"abcd", newline=False), binascii.a2b_base64("YWJjZA=="), bytes(range(5)).hex())
        for bad in [lambda: base64.b64decode("YWJjZ"), lambda: base64.b64decode("YWJjZA"), lambda: base64.b64decode("YW*Jj", validate=True),
                    lambda: binascii.a2b_base64(b"=YWJj", strict_mode=True), lambda: binascii.a2b_base64(b"YWJjZA==YQ==", strict_mode=True),
                    lambda: binascii.a2b_base64(b"YW=Jj", strict_mode=True), lambda: binascii.unhexlify("abc"), lambda: binascii.unhexlify("zz"),
                    lambda: base64.b16decode("ab"), lambda: base64.b32decode("MZXW6"), lambda: base64.b64encode("text"), lambda: base64.b64decode("é"),
                    lambda: binascii.hexlify(b"ab", "--")]:
            try:
                print(bad())
            except Exception as e:
                print(type(e).__module__, type(e).__name__, e)
        print(issubclass(binascii.Error, ValueError))
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        b64encode b'bG9vcHNjb3BlIAD//iBhc3luY2lvIQ==' True True
        urlsafe_b64encode b'bG9vcHNjb3BlIAD__iBhc3luY2lvIQ==' True True
        standard_b64encode b'bG9vcHNjb3BlIAD//iBhc3luY2lvIQ==' True True
        b32encode b'NRXW64DTMNXXAZJAAD774IDBON4W4Y3JN4QQ====' True True
        b32hexencode b'DHNMUS3JCDNN0P9003VVS831EDSMSOR9DSGG====' True True
        b16encode b'6C6F6F7073636F70652000FFFE206173796E63696F21' True True
        b'YWI_Pg==' b'ab?>' b'eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\neHh4\n'
        b'abc' b'abcd' b'abcd' b'foo'
        b'01abff' b'01-0203-0405' b'0102:0304:05' b'6869'
        b'\x01\xab\xff' b'hi' 222957957 222957957 0
        b'YWJj\n' b'YWJjZA==' b'abcd' 0001020304
        binascii Error Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4
        binascii Error Incorrect padding
        binascii Error Only base64 data is allowed
        binascii Error Leading padding not allowed
        binascii Error Excess data after padding
        binascii Error Discontinuous padding not allowed
        binascii Error Odd-length string
        binascii Error Non-hexadecimal digit found
        binascii Error Non-base16 digit found
        binascii Error Incorrect padding
        builtins TypeError a bytes-like object is required, not 'str'
        builtins ValueError string argument should contain only ASCII characters
        builtins ValueError sep must be length 1.
        True

        """#)
    }

    @Test("a2b_base64 and b2a_base64 agree with each other on every length and skip what is no base64 digit")
    func roundTrips() {
        let out = simulate(#"""
        import binascii
        ok = 0
        for n in range(64):
            data = bytes((i * 37 + n) % 256 for i in range(n))
            line = binascii.b2a_base64(data)
            assert binascii.a2b_base64(line) == data
            assert binascii.a2b_base64(b"!" + line[:-1] + b" \n") == data
            ok += 1
        print(ok, binascii.crc32(bytes(range(256))))
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == "64 688229491\n")
    }
}
