import Testing
@testable import Model

/// The cache rows' checksum is XXH64: these are the reference implementation's values (libxxhash
/// 0.8.1, seed 0), for lengths that take each of its paths (under 4 bytes, a 4- and 8-byte tail, and
/// the 32-byte rounds).
@Suite struct XXHash64Tests {
    @Test func itGivesTheReferenceValues() {
        let cases: [([UInt8], UInt64)] = [
            ([], 0xEF46_DB37_51D8_E999),
            (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B),
            (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
            (Array(String(repeating: "状态: 办理中\t", count: 5).utf8), 0x1330_4255_C82A_A629),
            ((0..<101).map { UInt8($0) }, 0xE990_3849_5F85_381E),
        ]
        for (bytes, expected) in cases {
            #expect(XXHash64.hash(bytes) == expected, "\(bytes.count) bytes")
        }
    }
}
