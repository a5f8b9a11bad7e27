import Glibc

/// What kind of thing a directory entry is, as `stat`'s `st_mode` says. banli reads and writes only
/// regular files: opening a named pipe waits for a writer forever and a device such as `/dev/zero`
/// never ends, so anything else found where a file is expected is refused by this name.
public enum FileKind: Sendable, Hashable {
    case regular
    case directory
    case symbolicLink
    case namedPipe
    case characterDevice
    case blockDevice
    case socket
    case other

    /// The kind in `mode` (`st_mode`).
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .namedPipe
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// The kind of the entry at `path` itself, a symbolic link not followed; nil when nothing is there.
    public init?(at path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(mode: info.st_mode)
    }

    /// The kind in words: 命名管道, 符号链接 ….
    public var name: String {
        switch self {
        case .regular: return "普通文件"
        case .directory: return "目录"
        case .symbolicLink: return "符号链接"
        case .namedPipe: return "命名管道"
        case .characterDevice: return "字符设备文件"
        case .blockDevice: return "块设备文件"
        case .socket: return "套接字"
        case .other: return "特殊文件"
        }
    }

    /// Why a file of this kind is not read: `是命名管道，banli 只读写普通文件`.
    public var refusal: String { "是\(name)，banli 只读写普通文件" }

    /// Why one of banli's own directories in a store that is of this kind is not written into. Only a
    /// link is told that the store directory itself may be one: that is what its owner meant to do.
    public var directoryRefusal: String {
        let fix = self == .symbolicLink ? "请换成普通目录；案件库目录本身可以是符号链接" : "请移走它；banli 会重新创建这个目录"
        return "是\(name)而不是案件库中的目录，banli 不经它写入任何文件（\(fix)）"
    }

    /// Why the store's lock file at `path`, of this kind, is not used: a link would lock (and create)
    /// a file wherever it leads, a named pipe or a device is nothing two processes can lock. The lock
    /// holds no data, so removing it is always safe.
    public func lockRefusal(path: String) -> String {
        "是\(name)而不是普通文件，不能用作案件库的锁，banli 不经它保存（请删除：rm \(path)；banli 会重新创建）"
    }
}
