import Glibc

/// How this user may be allowed to write a file or directory that it may not, said by whom and with
/// what command: `chmod u+w PATH` for the user's own (or root's), `请目录所有者 wangli 执行 chmod g+w
/// PATH` when the user is in its group, else whose it is and that the user is not in its group. One
/// wording for case files (`ReadOnlyFile`), the store's own directories (`banli check`) and the
/// drafts, editing marks and undo steps a write could not put there.
public enum WriteRemedy {
    /// The remedy for `path`, described by `info` (`stat`); `noun` is 文件 or 目录.
    static func remedy(for path: String, _ info: stat, noun: String) -> String {
        let user = geteuid()
        if user == 0 || info.st_uid == user { return "chmod u+w \(path)" }
        let owner = userName(info.st_uid)
        guard isMember(of: info.st_gid) else { return "请\(noun)所有者 \(owner) 允许你写入，你不在\(noun)所属的组中" }
        return "请\(noun)所有者 \(owner) 执行 chmod g+w \(path)"
    }

    /// Whose the file is and its permission bits: `所有者 root，权限 0644`.
    static func ownership(_ info: stat) -> String {
        let octal = String(info.st_mode & 0o7777, radix: 8)
        return "所有者 \(userName(info.st_uid))，权限 " + String(repeating: "0", count: max(0, 4 - octal.count)) + octal
    }

    /// Where a write that failed with `error` failed and why, for a message that says what was lost
    /// beside it: `…/.banli/recovery（没有权限；要允许写入：请目录所有者 wangli 执行 chmod g+w …/.banli/recovery）`.
    /// The directory is the one the file (or the directory being made) goes in; a refusal other than
    /// a failed system call is its own description. `shown` is how the caller writes a path (the
    /// terminal UI's, relative to the store).
    public static func failedWrite(_ error: StoreError, shown: (String) -> String = { $0 }) -> String {
        guard case .io(let path, _, let code) = error else { return "\(error)" }
        let directory = FileSystem.parent(of: path)
        var info = stat()
        guard code == EACCES || code == EPERM, stat(directory, &info) == 0 else { return "\(shown(directory))（\(StoreError.reason(code))）" }
        return "\(shown(directory))（\(StoreError.reason(code))；要允许写入：\(remedy(for: shown(directory), info, noun: "目录"))）"
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
