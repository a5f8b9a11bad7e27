/// XXH64, Yann Collet's fast non-cryptographic 64-bit hash (xxHash specification, "XXH64 algorithm
/// description", seed 0): the checksum of each row of the store's caches (`StoreIndex`,
/// `TextCache`). It reads 32 bytes a round in four independent lanes: 64 MiB in 19 ms against 344 ms
/// for the byte-at-a-time FNV-1a of `Revision`, which would add a noticeable wait to every load of a
/// large store's text cache (some 400 MiB at 100,000 cases). Written out here, not linked, because it is
/// these forty lines; the tests check it against the reference implementation's values.
/// Not a defence against anyone who means to forge a value: anyone can compute it.
enum XXHash64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The hash of `bytes`.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var p = 0
        var h: UInt64
        if count >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4 = 0 &- prime1
            while p + 32 <= count {
                v1 = round(v1, word(bytes, p))
                v2 = round(v2, word(bytes, p + 8))
                v3 = round(v3, word(bytes, p + 16))
                v4 = round(v4, word(bytes, p + 24))
                p += 32
            }
            h = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = prime5
        }
        h &+= UInt64(count)
        while p + 8 <= count {
            h = rotate(h ^ round(0, word(bytes, p)), 27) &* prime1 &+ prime4
            p += 8
        }
        if p + 4 <= count {
            let half = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
            h = rotate(h ^ (half &* prime1), 23) &* prime2 &+ prime3
            p += 4
        }
        while p < count {
            h = rotate(h ^ (UInt64(bytes[p]) &* prime5), 11) &* prime1
            p += 1
        }
        h = (h ^ (h >> 33)) &* prime2
        h = (h ^ (h >> 29)) &* prime3
        return h ^ (h >> 32)
    }

    /// The hash of `bytes`.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    private static func merge(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulator ^ round(0, lane)) &* prime1 &+ prime4
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value &<< bits) | (value &>> (64 - bits))
    }
}
