import Glibc

/// Makes the store's writes fail as a full or read-only disk would. Tests use it to see what banli
/// does then: they often run as root, for whom no file permission makes a directory read-only, and
/// a full disk cannot be arranged without privileges.
public struct SimulatedDiskFailure: Sendable {
    /// The error the write meets: `ENOSPC`, `EDQUOT` or `EFBIG` once part of the file is written,
    /// anything else (`EROFS`, `EACCES`) before the temporary file is created.
    public var errno: Int32
    /// Which files (by the path asked for) fail; the others are written as usual. Tests may flip
    /// what it answers to see the disk come back.
    public var affects: @Sendable (String) -> Bool

    public init(errno: Int32, affecting affects: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.errno = errno
        self.affects = affects
    }

    var failsWhileWriting: Bool { [ENOSPC, EDQUOT, EFBIG].contains(errno) }
}
