import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `hashlib` (CPython 3.11's Lib/hashlib.py on the builtin `_md5`, `_sha1`, `_sha256` and
/// `_sha512` modules, MessageDigest.swift) and `hmac` (CPython's, its pure-Python path).
/// Expected digests and outputs are CPython 3.11's.
@Suite("hashlib and hmac")
struct HashlibTests {
    /// `hashlib.new(name, bytes(i % 251 for i in range(n))).hexdigest()` from CPython, for
    /// lengths on each side of the padding's and the block's boundaries.
    static let knownAnswers: [(MessageDigest.Algorithm, Int, String)] = [
        (.md5, 0, "d41d8cd98f00b204e9800998ecf8427e"),
        (.md5, 3, "b95f67f61ebb03619622d798f45fc2d3"),
        (.md5, 55, "6912ee65fff2d9f9ce2508cddf8bcda0"),
        (.md5, 56, "51fdd1acda72405dfdfa03fcb85896d7"),
        (.md5, 63, "48a6295221902e8e0938f773a7185e72"),
        (.md5, 64, "b2d3f56bc197fd985d5965079b5e7148"),
        (.md5, 65, "8bd7053801c768420faf816fadba971c"),
        (.md5, 111, "4fad3ab7d8546851ec1bb63ea7e6f5a8"),
        (.md5, 112, "d1fec2ac3715e791ca5f489f300381b3"),
        (.md5, 127, "8402b21e7bc7906493bae0dac017f1f9"),
        (.md5, 128, "37eff01866ba3f538421b30b7cbefcac"),
        (.md5, 129, "46f986692847558fc38b0cece591c20f"),
        (.md5, 200, "fb7001d34b8e82c9b579be5005d5b0a5"),
        (.md5, 1000, "a24f1e3ef66950e1327f210e3997ba2c"),
        (.sha1, 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (.sha1, 3, "0c7a623fd2bbc05b06423be359e4021d36e721ad"),
        (.sha1, 55, "8ae2d46729cfe68ff927af5eec9c7d1b66d65ac2"),
        (.sha1, 56, "636e2ec698dac903498e648bd2f3af641d3c88cb"),
        (.sha1, 63, "6d942da0c4392b123528f2905c713a3ce28364bd"),
        (.sha1, 64, "c6138d514ffa2135bfce0ed0b8fac65669917ec7"),
        (.sha1, 65, "69bd728ad6e13cd76ff19751fde427b00e395746"),
        (.sha1, 111, "bc544e24573d592290fdaff8ecf3f7f2b00cd483"),
        (.sha1, 112, "e4ce142d09a84a8645338dd6535cbfaaf800d320"),
        (.sha1, 127, "89d7312a903f65cd2b3e34a975e55dbea9033353"),
        (.sha1, 128, "e6434bc401f98603d7eda504790c98c67385d535"),
        (.sha1, 129, "3352e41cc30b40ae80108970492b21014049e625"),
        (.sha1, 200, "54d11e99127d159799dbce10f51a75e697780478"),
        (.sha1, 1000, "c9c960a0b925474fab83942cc27d504fc24ac37b"),
        (.sha224, 0, "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f"),
        (.sha224, 3, "e615202185aabe2aca924bec29e5a12384f8339eae4e64c9cba9f1da"),
        (.sha224, 55, "8991dfba74284e04dc7581c7c3e4068ff6cb7a63733361429834bb56"),
        (.sha224, 56, "2b2cd637c16ad7290bb067ad7d8fd04e204fa43a84366afc7130f4ef"),
        (.sha224, 63, "049e8dd7eab3378ce9f823bfb569e5b270235d4b7f9623606971998f"),
        (.sha224, 64, "c37b88a3522dbf7ac30d1c68ea397ac11d4773571aed01ddab73531e"),
        (.sha224, 65, "114b5fd665736a96585c5d5837d35250aed73c725252cbf7f8b121f6"),
        (.sha224, 111, "1aeef583c448a9ae00fbc931b50bc0da5bb8323e616b11076cee8b44"),
        (.sha224, 112, "01e5abf50619b5c2078e754eddedcf4de8d31185a2219313cb91a8c9"),
        (.sha224, 127, "554c9c3f7e92b80f4121e00cc147535d377eaeb4fb1fa8e25c7f81c1"),
        (.sha224, 128, "67d88da33fd632d8742424791dface672ff59d597fe38b3f2a998386"),
        (.sha224, 129, "a80cb91e08a62f062bd17db00d0e1979d041edeb52b497b205266b9c"),
        (.sha224, 200, "ab3e334a37953e18f4f673736dddb64e850bfdf29d5a7ba268c567d9"),
        (.sha224, 1000, "c182669a7f6629dc7fd8a9198f15af15adbbaeffa1842e854f681357"),
        (.sha256, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (.sha256, 3, "ae4b3280e56e2faf83f414a6e3dabe9d5fbe18976544c05fed121accb85b53fc"),
        (.sha256, 55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (.sha256, 56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (.sha256, 63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (.sha256, 64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (.sha256, 65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (.sha256, 111, "60780e9451bdc43cf4530ffc95cbb0c4eb24dae2c39f55f334d679e076c08065"),
        (.sha256, 112, "09373f127d34e61dbbaa8bc4499c87074f2ddb10e1b465f506d7d70a15011979"),
        (.sha256, 127, "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976"),
        (.sha256, 128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
        (.sha256, 129, "5099c6a56203f9687f7d33f4bfdf576d31dc91f6b695ecea38b2770c87631135"),
        (.sha256, 200, "1901da1c9f699b48f6b2636e65cbf73abf99d0441ef67f5c540a42f7051dec6f"),
        (.sha256, 1000, "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d"),
        (.sha384, 0, "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
        (.sha384, 3, "4f895854c1a4fc5aa2e0456eaf8d0ecaa70c196bd901153861d76b8fa3cd95ceea29eab6a279f8b08437703ce0b4b91a"),
        (.sha384, 55, "dcedb6b590edb4efa849c801e6b6490657a5c1e64f69269f5f63c9267f6223de24cea7aaa6b267d9bcecc15147b6c875"),
        (.sha384, 56, "7b9132d597b8873ad55bbc30f18ed3f2c9f340e7de69fb5774056c71a06d9bc2b14137e9e1c68b6b645fed28b188249d"),
        (.sha384, 63, "dd66b519f51a925814407a449c60b34c553d7652d41783ee903a810a4c9f833b8181c91c7f12283eacd6a5f8a2639ddf"),
        (.sha384, 64, "9f2c9eb7116b3d7a4ba84a74a4d4eff8a5efcf54b6d7b662693c38577914c73a214766f0a175339bb0895a863824fc0a"),
        (.sha384, 65, "14b0a9ffce149426bf5045ffc24c057451d2473186deb4f150117b855911a7641651fb1e15df406eb373d71151c46f25"),
        (.sha384, 111, "f5f9fe110d809d34029de262a01b208356caec6e054c7f926b2591f6c9780579d4b59f5578c6f531a84f158a33660cef"),
        (.sha384, 112, "33ba080ec0ccb378e4e95fed3b26c23aa1a280476e007519ee47f60cd9c5c8a65d627259a9aa2fd33ca06d3c14ee5548"),
        (.sha384, 127, "d5fcfe2fcf6b3ef375ede37c8123d9b78065fecc1d55197e2f7721e6e9a93d0ba4d7fd15f9b96dea2744df24141ba2ef"),
        (.sha384, 128, "ca2385773319124534111a36d0581fc3f00815e907034b90cff9c3a861e126a741d5dfcff65a417b6d7296863ac0ec17"),
        (.sha384, 129, "ef49ae5b9ad51433d00323528d81ea8d2e4d2b507dbd9f1cb84f952b66249a788b1c89fcdb77a0db9f1feb901d47fc73"),
        (.sha384, 200, "7ea4bb2534c67036f49de7beb5fe8a2478df04ff3fef40a9cd4923999a590e9912df1297217ce1a021aa2fb1013498b8"),
        (.sha384, 1000, "7a2f8c7f12344964a13cb9260492b845e56615d6152b9eb9e54b580fc88405e64f31813bfda10de2a642fdf1676c61b4"),
        (.sha512, 0, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        (.sha512, 3, "8081da5f9c1e3d0e1aa16f604d5e5064543cff5d7bace2bb312252461e151b3fe0f034ea8dc1dacff3361a892d625fbe1b614cda265f87a473c24b0fa1d91dfd"),
        (.sha512, 55, "6856647f269c2ee3d8128f0b25427659d880641ef343300dd3cd4679168f58d6527fda70b4ebc854e2065e172b7d58c1536992c0810599259ba84a2b40c65414"),
        (.sha512, 56, "8b12b2f6fe400a51d29656e2b8c42a1bbfe6fcf3e425da430db05d1a2dda14790dee20fa8b22d8762afffe4988a5c98a4430d22a17e41e23d90fa61ab75671a9"),
        (.sha512, 63, "9dc9c5598e55dc42955695320839788e353f1d7f6ba74df74c80a8a52f463c0697f57f68835d1418f4ce9b6530cd79bd0f4c6f7e13c93feb1218c0b65c2c0561"),
        (.sha512, 64, "ee4320ebaf3fdb4f2c832b137200c08e235e0fa7bbd0eb1740c7063ba8a0d151da77e003398e1714a955d475b05e3e950b639503b452ec185de4229bc4873949"),
        (.sha512, 65, "02856cef735f9acec6b9e33f0fbc8f9804d2aa54187f382b8ae842e5d3696c07459aad2a5aed25ea5e117eb1c7ba35da6a7a8adce9e6afe3ad79e9fa42d5bba8"),
        (.sha512, 111, "a1a111449b198d9b1f538bad7f3fc1022b3a5b1a5e90a0bc860de8512746cbc31599e6c834de3a3235327af0b51ff57bf7acf1974a73014d9c3953812edc7c8d"),
        (.sha512, 112, "c5fbd731d19d2ae1180f001be72c2c1aaba1d7b094b3748880e24593b8e117a750e11c1bd867cc2f96dace8c8b74abd2d5c4f236be444e77d30d1916174070b9"),
        (.sha512, 127, "eab89674feaa34e27aebeeff3c0a4d70070bb872d5e9f186cf1dbbdee517b6e35724d629ff025a5b07185e911ada7e3c8acf830aa0e4f71777bd2d44f504f7f0"),
        (.sha512, 128, "1dffd5e3adb71d45d2245939665521ae001a317a03720a45732ba1900ca3b8351fc5c9b4ca513eba6f80bc7b1d1fdad4abd13491cb824d61b08d8c0e1561b3f7"),
        (.sha512, 129, "1d9da57fbbdab09afb3506ab2d223d06109d65c1c8ad197f50138f714bc4c3f2fe5787922639c680acad1c651f955990425954ce2cba0c5cc83f2667d878eb0f"),
        (.sha512, 200, "986058e9895e2c2ab8f9e8cbdf801db12a44842a56a91d5a4e87b1fc98b293722c4664142e42c3c551ff898646268cd92b84ed230b8c94bed7798d4f27cd7465"),
        (.sha512, 1000, "5096498d96f50f9a137c4db5b8b0cd38383ad55350fb5a98805fedc31fa1262f1f0cf4d6f12d7ecd8dedd933a4c9126344fe22e937a8ad35fdeae1e876ae698b"),
    ]

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test("each algorithm's digests equal CPython's across the block boundaries, in one call or fed in pieces")
    func knownAnswerDigests() {
        for (algorithm, length, expected) in Self.knownAnswers {
            let message = (0..<length).map { UInt8($0 % 251) }
            #expect(Self.hex(MessageDigest.digest(algorithm, message)) == expected, "\(algorithm) of \(length) bytes")
            var pieces = MessageDigest(algorithm)
            var start = 0, step = 1
            while start < length {
                let end = min(length, start + step)
                pieces.update(Array(message[start..<end]))
                start = end
                step = step * 3 + 1
            }
            #expect(Self.hex(pieces.digest()) == expected, "\(algorithm) of \(length) bytes in pieces")
        }
    }

    @Test("hash objects' update, copy, digest, hexdigest, name and sizes; new(); CPython's TypeErrors; pbkdf2_hmac; hmac")
    func moduleBehaviour() {
        let out = simulate(#"""
        import hashlib
        for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
            h = getattr(hashlib, name)(b'loop')
            h.update(bytearray(b'scope'))
            c = h.copy()
            c.update(memoryview(b'!'))
            print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest()[:16], h.digest()[:4])
        print(hashlib.new('sha256', b'abc').hexdigest() == hashlib.sha256(b'abc').hexdigest(), hashlib.new('SHA1').name, hashlib.new('md5', data=b'x').hexdigest())
        print(hashlib.md5(b'x', usedforsecurity=False).hexdigest(), hashlib.sha1(string=b'x').hexdigest())
        print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'}))
        print({'md5', 'sha256'} <= hashlib.algorithms_available)
        for bad in [lambda: hashlib.md5('text'), lambda: hashlib.sha256(3), lambda: hashlib.sha1().update('x'), lambda: hashlib.new('nosuch'),
                    lambda: hashlib.sha512().update()]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2).hex())
        import hmac
        m = hmac.new(b'key', b'The quick brown fox', 'sha256')
        print(m.hexdigest(), m.name, m.digest_size, m.block_size)
        m2 = m.copy(); m2.update(b' jumps'); print(m2.hexdigest()[:20], m.hexdigest()[:20])
        print(hmac.new(b'k', digestmod=hashlib.md5).hexdigest(), hmac.digest(b'k', b'msg', 'sha1').hex())
        print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'), hmac.compare_digest(m.digest(), m.copy().digest()))
        try:
            hmac.new(b'k')
        except TypeError as e:
            print(e)
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        md5 16 64 afaaac972048e53ad4e58578a50b3ebc 4fcd60babe9c183a b'\xaf\xaa\xac\x97'
        sha1 20 64 1338bc3bf5477db04e04e95019090473805d7d43 34c1279d6de7415a b'\x138\xbc;'
        sha224 28 64 52724d68c086c8776248bbc7330eb0701b0a66dd07f16fd1a041f02d 9546c8cfb9c7106c b'RrMh'
        sha256 32 64 140c0b0993f6836f41085daf3ec081ef298308df8ec51017c611b08fc0f0ecb7 391e3f9750085a1d b'\x14\x0c\x0b\t'
        sha384 48 128 680be440ab915adfb7564c6ec0459f870afc5ff73b1bd19afd8e27a6e89addd00c478e57cbcd02093c926b5ff1d30427 edb2e8eabd860229 b'h\x0b\xe4@'
        sha512 64 128 970a589c10043ce8daa43cead1099582d55a3a7d8c713ce0ef9b5eecdb284a0fc70f2541042d14427e789a599793537a238781b83253cc917dea82e9b98daebd e35a742bc4a81bf9 b'\x97\nX\x9c'
        True sha1 9dd4e461268c8034f5c8564e155c67a6
        9dd4e461268c8034f5c8564e155c67a6 11f6ad8ec52a2984abaafd7c3b516503785c2072
        ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']
        True
        TypeError Strings must be encoded before hashing
        TypeError object supporting the buffer API required
        TypeError Strings must be encoded before hashing
        ValueError unsupported hash type nosuch
        TypeError HASH.update() takes exactly one argument (0 given)
        ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43
        203d1e5cedd2d18f8c5a3beff0bd9c1ebcb97097dfcb288c46b00c9227fde2c0 hmac-sha256 32 64
        2cf7c25d45ae7196ce71 203d1e5cedd2d18f8c5a
        cd32bedd46aa63cffa3023f050fc78e3 d399ee7220448ae3e41d547804291b39302cedc7
        True False True
        Missing required parameter 'digestmod'.

        """#, "\(out)")
    }
}
