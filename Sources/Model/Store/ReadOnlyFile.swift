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

    /// Why a save is refused, in a clerk's words, for the message that names the file beside it.
    public var reason: String { "文件只读（要允许修改：\(remedy)）" }

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
        let user = geteuid()
        if user == 0 || info.st_uid == user { return ReadOnlyFile(path: path, remedy: "chmod u+w \(path)") }
        let owner = userName(info.st_uid)
        guard isMember(of: info.st_gid) else { return ReadOnlyFile(path: path, remedy: "请文件所有者 \(owner) 允许你写入（你不在文件所属的组中）") }
        return ReadOnlyFile(path: path, remedy: "请文件所有者 \(owner) 执行 chmod g+w \(path)")
    }

    /// The login name of `uid`, or the number when it has none.
    private static func userName(_ uid: uid_t) -> String {
        var entry = passwd(), result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, result != nil, let name = entry.pw_name else {
            return String(uid)
        }
        return String(cString: name)
    }

    /// Whether this process has the group `gid`, as its own or a supplementary one.
    private static func isMember(of gid: gid_t) -> Bool {
        if getegid() == gid { return true }
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)))
        let count = getgroups(Int32(groups.count), &groups)
        return count > 0 && groups.prefix(Int(count)).contains(gid)
    }
}
