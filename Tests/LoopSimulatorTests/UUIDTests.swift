import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `uuid` (CPython 3.11's Lib/uuid.py without the machine: no MAC address, no
/// os.urandom). Expected outputs of the first test are CPython 3.11's.
@Suite("uuid")
struct UUIDTests {
    @Test("UUID parses every form; its str, repr, hex, int, bytes, fields, version, variant and urn; comparisons and hashing; uuid3 and uuid5; CPython's errors")
    func matchesCPython() {
        let out = simulate(#"""
        import uuid
        u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
        print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant)
        print(u.bytes, u.bytes_le, u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.time, u.clock_seq)
        forms = [uuid.UUID('12345678123456781234567812345678'), uuid.UUID('urn:uuid:12345678-1234-5678-1234-567812345678'),
                 uuid.UUID(bytes=b'\x12\x34\x56\x78' * 4), uuid.UUID(bytes_le=b'\x78\x56\x34\x12\x34\x12\x78\x56' + b'\x12\x34\x56\x78' * 2),
                 uuid.UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)), uuid.UUID(int=0x12345678123456781234567812345678)]
        print(all(f == u for f in forms), len({hash(f) for f in forms}), hash(u) == hash(u.int))
        a, b = uuid.UUID(int=1), uuid.UUID(int=2)
        print(a < b, a <= b, b > a, a != b, a == uuid.UUID(int=1), a == 1, sorted([b, a]), int(b), str(uuid.UUID(int=0)))
        print(uuid.UUID(int=5, version=4), uuid.UUID(int=5, version=4).version, uuid.UUID(int=5).variant, uuid.UUID(int=(1 << 128) - 1).variant)
        print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
        print(uuid.uuid3(uuid.NAMESPACE_URL, 'https://example.com/é'), uuid.uuid5(uuid.NAMESPACE_OID, '1.3.6.1'), uuid.uuid5(uuid.NAMESPACE_X500, 'cn=x'))
        print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500, uuid.RFC_4122, uuid.RESERVED_FUTURE)
        print(uuid.SafeUUID.safe, uuid.SafeUUID.unknown.value, u.is_safe, repr(uuid.SafeUUID.unsafe))
        v4 = uuid.uuid4()
        print(v4.version, v4.variant, len(str(v4)))
        v1 = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
        print(v1.version, v1.node == 0x123456789abc, v1.clock_seq, v1.variant)
        d = {u: 'first'}
        print(d[uuid.UUID(str(u))], u in {uuid.UUID(u.hex)})
        for bad in [lambda: uuid.UUID('1234'), lambda: uuid.UUID(), lambda: uuid.UUID(bytes=b'short'), lambda: uuid.UUID(int=-1),
                    lambda: uuid.UUID(hex='12345678123456781234567812345678', int=3), lambda: uuid.UUID(int=1, version=9),
                    lambda: setattr(u, 'int', 3), lambda: uuid.UUID(fields=(1, 2, 3)), lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)),
                    lambda: u < 3]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        12345678-1234-5678-1234-567812345678 UUID('12345678-1234-5678-1234-567812345678') 12345678123456781234567812345678 24197857161011715162171839636988778104 urn:uuid:12345678-1234-5678-1234-567812345678 None reserved for NCS compatibility
        b'\x124Vx\x124Vx\x124Vx\x124Vx' b'xV4\x124\x12xV\x124Vx\x124Vx' (305419896, 4660, 22136, 18, 52, 95073701484152) 305419896 4660 22136 18 52 95073701484152 466142576285865592 4660
        True 1 True
        True True True True True False [UUID('00000000-0000-0000-0000-000000000001'), UUID('00000000-0000-0000-0000-000000000002')] 2 00000000-0000-0000-0000-000000000000
        00000000-0000-4000-8000-000000000005 4 reserved for NCS compatibility reserved for future definition
        6fa459ea-ee8a-3ca4-894e-db77e160355e 886313e1-3b8a-5372-9b90-0c9aee199e5d
        b0e5bc62-e255-3fdd-9141-1879415f7cd0 1447fa61-5277-5fef-a9b3-fbc6e44f4af3 a951fb6d-5aab-5a72-8e2e-9aa8df8d1f8f
        6ba7b810-9dad-11d1-80b4-00c04fd430c8 6ba7b811-9dad-11d1-80b4-00c04fd430c8 6ba7b812-9dad-11d1-80b4-00c04fd430c8 6ba7b814-9dad-11d1-80b4-00c04fd430c8 specified in RFC 4122 reserved for future definition
        SafeUUID.safe None SafeUUID.unknown <SafeUUID.unsafe: -1>
        4 specified in RFC 4122 36
        1 True 4660 specified in RFC 4122
        first True
        ValueError badly formed hexadecimal UUID string
        TypeError one of the hex, bytes, bytes_le, fields, or int arguments must be given
        ValueError bytes is not a 16-char string
        ValueError int is out of range (need a 128-bit value)
        TypeError one of the hex, bytes, bytes_le, fields, or int arguments must be given
        ValueError illegal version number
        TypeError UUID objects are immutable
        ValueError fields is not a 6-tuple
        ValueError field 1 out of range (need a 32-bit value)
        TypeError '<' not supported between instances of 'UUID' and 'int'

        """#, "\(out)")
    }

    /// CPython's uuid4 reads os.urandom and its uuid1 the machine's address and clock:
    /// here the runs repeat. uuid4's bytes and uuid1's clock sequence come from uuid's own
    /// generator seeded with 0 (the program's random numbers stay as they were), the node
    /// is 0x010000000000 and uuid1's time is the virtual clock's (100 ns since 1582).
    @Test("uuid4 and uuid1 repeat from run to run: a generator of uuid's own, the fixed node, the virtual clock")
    func deterministicInRuns() {
        let source = #"""
        import asyncio, uuid, time, random
        async def main():
            random.seed(7)
            a = random.random()
            print(uuid.uuid4(), uuid.uuid4(), uuid.getnode() == 0x010000000000)
            u1 = uuid.uuid1()
            await asyncio.sleep(1.5)
            u2 = uuid.uuid1()
            print(u1, u2, (u2.time - u1.time) / 1e7, u1.node == uuid.getnode(), time.time_ns() // 100 + 0x01b21dd213814000 - u2.time)
            random.seed(7)
            print(random.random() == a)
        asyncio.run(main())
        """#
        let out = simulate(source)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        cd072cd8-be6f-4f62-ac4c-09c28206e7e3 5594aa6b-342f-4d0a-ba5e-4842fab428f7 True
        13814000-1dd2-11b2-a0b8-010000000000 146621c0-1dd2-11b2-9f19-010000000000 1.5 True 0
        True

        """#, "\(out)")
        #expect(simulate(source) == out)
    }
}
