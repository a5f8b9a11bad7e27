/// The identity of one version of a case file's bytes (64-bit FNV-1a). Saving compares the revision
/// read with the file's current one, so a change by another process is never overwritten.
public struct Revision: Hashable, Sendable, CustomStringConvertible {
    public let value: UInt64

    public init(of bytes: [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// A revision as written down earlier (a recovery file records the one its draft began from).
    public init(value: UInt64) {
        self.value = value
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
