import Glibc

/// A case file its owner made read-only (`chmod a-w`, 0444) or that this user may not write, in a
/// directory this user may write. A save could still replace it (a rename needs only the directory),
/// but that would undo the owner's choice, and leave the file owned by someone else; so the save is
/// refused, saying how to allow it.
public struct ReadOnlyFile: Sendable, Equatable {
    /// The case file.
    public var path: String
    /// What allows the save: `chmod u+w PATH` for the user's own file (or root's), else whose it is
    /// and what they can run.
    public var remedy: String
    /// Whether nobody may write the file (0444): read-only as such. Otherwise it is writable by its
    /// owner (or group) but not by this user, and is not called read-only.
    public var nobodyMayWrite: Bool
    /// The file's owner and permission bits (`所有者 root，权限 0644`), said when the file is not
    /// read-only as such but this user may not write it.
    public var ownership: String

    /// Why a save is refused, in a clerk's words, for the message that names the file beside it:
    /// `文件只读（要允许修改：chmod u+w …）` for a file nobody may write, `没有写入权限（你不能修改此
    /// 文件：所有者 root，权限 0644；要允许修改：…）` for one only others may write. One level of brackets.
    public var reason: String {
        nobodyMayWrite ? "文件只读（要允许修改：\(remedy)）"
            : "没有写入权限（你不能修改此文件：\(ownership)；要允许修改：\(remedy)）"
    }

    /// The file at `path` if it is a read-only regular file as described above; nil for a file this
    /// user may write, for a missing one, or when the directory itself may not be written (the write
    /// then fails saying so: 没有权限, 文件系统为只读).
    public static func find(at path: String) -> ReadOnlyFile? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              faccessat(AT_FDCWD, FileSystem.parent(of: path), W_OK | X_OK, AT_EACCESS) == 0 else { return nil }
        // Root may write any file, so for root only a file nobody may write (0444) counts as read-only.
        let nobodyMayWrite = info.st_mode & 0o222 == 0
        guard nobodyMayWrite || faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0 else { return nil }
        let remedy = WriteRemedy.remedy(for: path, info, noun: "文件")
        return ReadOnlyFile(path: path, remedy: remedy, nobodyMayWrite: nobodyMayWrite, ownership: WriteRemedy.ownership(info))
    }
}
