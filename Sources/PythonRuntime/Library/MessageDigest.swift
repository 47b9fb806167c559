/// The hash functions behind `hashlib` (CPython's builtin `_md5`, `_sha1`, `_sha256` and
/// `_sha512` modules): MD5 (RFC 1321), SHA-1 and the SHA-2 family (FIPS 180-4), as one
/// Merkle–Damgård engine. The state is a value, so `copy()` is an assignment.
package struct MessageDigest {
    package enum Algorithm: String, CaseIterable {
        case md5, sha1, sha224, sha256, sha384, sha512

        package var digestSize: Int {
            switch self {
            case .md5: return 16
            case .sha1: return 20
            case .sha224: return 28
            case .sha256: return 32
            case .sha384: return 48
            case .sha512: return 64
            }
        }

        package var blockSize: Int { self == .sha384 || self == .sha512 ? 128 : 64 }
    }

    package let algorithm: Algorithm
    /// The chaining value: 32-bit words (MD5, SHA-1, SHA-224/256) or 64-bit ones (SHA-384/512).
    private var words32: [UInt32] = []
    private var words64: [UInt64] = []
    /// Bytes not yet making a whole block.
    private var pending: [UInt8] = []
    /// The message length in bytes so far (modulo 2**64; the length field is in bits).
    private var length: UInt64 = 0

    package init(_ algorithm: Algorithm) {
        self.algorithm = algorithm
        switch algorithm {
        case .md5: words32 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476]
        case .sha1: words32 = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
        case .sha224: words32 = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]
        case .sha256: words32 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        case .sha384:
            words64 = [0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                       0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4]
        case .sha512:
            words64 = [0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                       0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179]
        }
    }

    /// The digest of `message` in one call.
    package static func digest(_ algorithm: Algorithm, _ message: [UInt8]) -> [UInt8] {
        var d = MessageDigest(algorithm)
        d.update(message)
        return d.digest()
    }

    package mutating func update(_ bytes: [UInt8]) {
        length &+= UInt64(bytes.count)
        let size = algorithm.blockSize
        var start = 0
        if !pending.isEmpty {
            let take = min(size - pending.count, bytes.count)
            pending += bytes[0..<take]
            start = take
            guard pending.count == size else { return }
            let block = pending
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBufferPointer { compress($0, 0) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            while bytes.count - start >= size {
                compress(buffer, start)
                start += size
            }
        }
        pending += bytes[start...]
    }

    /// The digest of what was given so far (the state itself goes on unchanged).
    package func digest() -> [UInt8] {
        var last = self
        let bits = length &* 8
        let size = algorithm.blockSize
        // A 1 bit, zeros, then the bit length in the last 8 (SHA-384/512: 16) bytes.
        var tail: [UInt8] = [0x80]
        let lengthField = size == 128 ? 16 : 8
        while (pending.count + tail.count) % size != size - lengthField { tail.append(0) }
        if size == 128 { tail += [UInt8](repeating: 0, count: 7) + [UInt8(truncatingIfNeeded: length >> 61)] }
        for i in 0..<8 {
            // MD5 writes its length little-endian, the SHA family big-endian.
            let shift = algorithm == .md5 ? UInt64(8 * i) : UInt64(56 - 8 * i)
            tail.append(UInt8(truncatingIfNeeded: bits >> shift))
        }
        last.pending += tail
        let blocks = last.pending
        blocks.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: blocks.count, by: size) { last.compress(buffer, start) }
        }
        var out: [UInt8] = []
        switch algorithm {
        case .md5:
            for word in last.words32 { for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: word >> UInt32(8 * i))) } }
        case .sha1, .sha224, .sha256:
            for word in last.words32 { for i in 0..<4 { out.append(UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * i))) } }
        case .sha384, .sha512:
            for word in last.words64 { for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: word >> UInt64(56 - 8 * i))) } }
        }
        return Array(out.prefix(algorithm.digestSize))
    }

    private mutating func compress(_ data: UnsafeBufferPointer<UInt8>, _ start: Int) {
        switch algorithm {
        case .md5: md5Block(data, start)
        case .sha1: sha1Block(data, start)
        case .sha224, .sha256: sha256Block(data, start)
        case .sha384, .sha512: sha512Block(data, start)
        }
    }

    // MARK: MD5 (RFC 1321)

    private static let md5Shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
    /// `floor(abs(sin(i + 1)) * 2**32)`, as RFC 1321 tabulates it.
    private static let md5Constants: [UInt32] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]

    private mutating func md5Block(_ data: UnsafeBufferPointer<UInt8>, _ start: Int) {
        var m = [UInt32](repeating: 0, count: 16)
        for t in 0..<16 {
            let p = start + 4 * t
            m[t] = UInt32(data[p]) | UInt32(data[p + 1]) << 8 | UInt32(data[p + 2]) << 16 | UInt32(data[p + 3]) << 24
        }
        var a = words32[0], b = words32[1], c = words32[2], d = words32[3]
        for i in 0..<64 {
            var f: UInt32
            let g: Int
            switch i {
            case 0..<16: f = (b & c) | (~b & d); g = i
            case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
            case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
            default: f = c ^ (b | ~d); g = (7 * i) % 16
            }
            f = f &+ a &+ Self.md5Constants[i] &+ m[g]
            a = d; d = c; c = b
            b = b &+ rotl(f, Self.md5Shifts[(i / 16) * 4 + i % 4])
        }
        words32[0] &+= a; words32[1] &+= b; words32[2] &+= c; words32[3] &+= d
    }

    // MARK: SHA-1

    private mutating func sha1Block(_ data: UnsafeBufferPointer<UInt8>, _ start: Int) {
        var w = [UInt32](repeating: 0, count: 80)
        for t in 0..<16 { w[t] = bigEndian32(data, start + 4 * t) }
        for t in 16..<80 { w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1) }
        var a = words32[0], b = words32[1], c = words32[2], d = words32[3], e = words32[4]
        for t in 0..<80 {
            let f: UInt32, k: UInt32
            switch t {
            case 0..<20: f = (b & c) | (~b & d); k = 0x5a827999
            case 20..<40: f = b ^ c ^ d; k = 0x6ed9eba1
            case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc
            default: f = b ^ c ^ d; k = 0xca62c1d6
            }
            let temp = rotl(a, 5) &+ f &+ e &+ k &+ w[t]
            e = d; d = c; c = rotl(b, 30); b = a; a = temp
        }
        words32[0] &+= a; words32[1] &+= b; words32[2] &+= c; words32[3] &+= d; words32[4] &+= e
    }

    // MARK: SHA-224 and SHA-256

    private static let k256: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private mutating func sha256Block(_ data: UnsafeBufferPointer<UInt8>, _ start: Int) {
        var w = [UInt32](repeating: 0, count: 64)
        for t in 0..<16 { w[t] = bigEndian32(data, start + 4 * t) }
        for t in 16..<64 {
            let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
            let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = words32[0], b = words32[1], c = words32[2], d = words32[3]
        var e = words32[4], f = words32[5], g = words32[6], h = words32[7]
        for t in 0..<64 {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ Self.k256[t] &+ w[t]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        words32[0] &+= a; words32[1] &+= b; words32[2] &+= c; words32[3] &+= d
        words32[4] &+= e; words32[5] &+= f; words32[6] &+= g; words32[7] &+= h
    }

    // MARK: SHA-384 and SHA-512

    private static let k512: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
        0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
        0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
        0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
        0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
        0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
        0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
        0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
        0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
        0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
        0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
        0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
        0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]

    private mutating func sha512Block(_ data: UnsafeBufferPointer<UInt8>, _ start: Int) {
        var w = [UInt64](repeating: 0, count: 80)
        for t in 0..<16 {
            w[t] = UInt64(bigEndian32(data, start + 8 * t)) << 32 | UInt64(bigEndian32(data, start + 8 * t + 4))
        }
        for t in 16..<80 {
            let s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
            let s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = words64[0], b = words64[1], c = words64[2], d = words64[3]
        var e = words64[4], f = words64[5], g = words64[6], h = words64[7]
        for t in 0..<80 {
            let t1 = h &+ (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) &+ ((e & f) ^ (~e & g)) &+ Self.k512[t] &+ w[t]
            let t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) &+ ((a & b) ^ (a & c) ^ (b & c))
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        words64[0] &+= a; words64[1] &+= b; words64[2] &+= c; words64[3] &+= d
        words64[4] &+= e; words64[5] &+= f; words64[6] &+= g; words64[7] &+= h
    }
}

@inline(__always)
private func bigEndian32(_ data: UnsafeBufferPointer<UInt8>, _ p: Int) -> UInt32 {
    UInt32(data[p]) << 24 | UInt32(data[p + 1]) << 16 | UInt32(data[p + 2]) << 8 | UInt32(data[p + 3])
}

@inline(__always)
private func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { x << n | x >> (32 - n) }

@inline(__always)
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }

@inline(__always)
private func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { x >> n | x << (64 - n) }
