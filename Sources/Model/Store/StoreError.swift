import Foundation

/// Why a store operation failed. Each carries the path it concerns; descriptions are one line.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    /// The path named as a store does not exist.
    case doesNotExist(path: String)
    case notADirectory(path: String)
    /// A directory without the store marker (`StoreMarker`): not made by `banli init`.
    case notAStore(path: String)
    /// The store's marker names a format later than this banli's.
    case unsupportedStoreFormat(path: String, found: Int, supported: Int)
    /// `banli init` on a directory that holds other things but no case file.
    case notEmpty(path: String)
    /// A write to a store opened `.readOnly`.
    case readOnly(path: String)
    case io(path: String, operation: String, errno: Int32)
    /// A file banli would read or write is a symbolic link, a named pipe, a device or a directory:
    /// banli reads and writes only regular files (see `FileSystem.read`).
    case notARegularFile(path: String, kind: FileKind)
    /// A file larger than banli reads of its kind; `size` in bytes (at least, when it grew while read).
    case tooLarge(path: String, size: Int64, limit: ReadLimit)
    /// One of banli's own places in a store (`.banli`, `.banli/recovery` …) is not a plain directory
    /// there but a symbolic link (or a file): writing through it would put drafts, marks and the lock
    /// wherever it leads.
    case linkedStoreDirectory(path: String, kind: FileKind)
    /// The store's lock file (`.banli/lock`) is not a regular file but of `kind`: nothing is saved
    /// without the lock, and it is not opened (a named pipe would wait, a link lead elsewhere).
    case oddLockFile(path: String, kind: FileKind)
    case malformed(DataFileError)
    case notFound(id: String, store: String)
    /// The number `id` (as the cases spell it, or as typed when they differ) fits every one of
    /// `matches`: the user must write the full ID.
    case ambiguous(id: String, matches: [String])
    case alreadyExists(path: String)
    /// The file changed on disk after it was read; `changedFields` names what differs where known.
    case conflict(path: String, changedFields: [String])
    case journalRewritten(path: String)
    case invalidCase(String)
    /// A case file that is read-only (`ReadOnlyFile`): a save does not replace it.
    case readOnlyFile(ReadOnlyFile)
    /// `banli restore`: no deleted case `id` is kept in `directory` (`.banli/deleted`).
    case notDeleted(id: String, directory: String)

    public var description: String {
        switch self {
        case .doesNotExist(let path): return "不存在：\(path)（请检查路径；新建案件库用 banli init \(path)）"
        case .notADirectory(let path): return "不是目录：\(path)"
        case .notAStore(let path): return "不是案件库：\(path)（可用 banli init \(path) 创建）"
        case .unsupportedStoreFormat(let path, let found, let supported):
            return "\(path): 案件库格式为 \(found)，本程序只支持到 \(supported)（请升级 banli）"
        case .notEmpty(let path):
            return "\(path): 目录不空，其中也没有案件文件（*.yaml），未创建案件库（请指定新目录或空目录）"
        case .readOnly(let path): return "\(path): 案件库以只读方式打开，未写入"
        case .io(let path, let operation, let code):
            return "\(path): \(operation)失败：\(StoreError.reason(code))"
        case .notARegularFile(let path, let kind): return "\(path): \(kind.refusal)"
        case .tooLarge(let path, let size, let limit): return "\(path): \(limit.refusal(size: size))"
        case .linkedStoreDirectory(let path, let kind): return "\(path): \(kind.directoryRefusal)"
        case .oddLockFile(let path, let kind): return "\(path): \(kind.lockRefusal(path: path))"
        case .malformed(let error): return error.description
        case .notFound(let id, let store): return "案件库 \(store) 中没有案件“\(id)”（banli list 列出所有案件）"
        case .ambiguous(let id, let matches): return "有\(matches.count)件案件编号为\(id)：\(matches.joined(separator: "、"))，请写全"
        case .alreadyExists(let path): return "\(path): 已存在，未覆盖"
        case .conflict(let path, let fields):
            let what = fields.isEmpty ? "" : "（与你的版本不同：\(fields.joined(separator: "、"))）"
            return "\(path): 读取后已被其他程序修改\(what)，本次未保存，请重试"
        case .journalRewritten(let path): return "\(path): 日志只能追加，不能改写已有记录，本次未保存"
        case .invalidCase(let why): return why
        case .readOnlyFile(let file): return "\(file.path): \(file.reason)，未保存"
        case .notDeleted(let id, let directory): return "\(directory) 中没有删除过的案件“\(id)”"
        }
    }

    /// The place in the store's own `.banli` that stops it being opened for writing (a directory
    /// that is a link or not a directory, a lock that is not a regular file), and what it is; nil for
    /// every other error.
    public var oddOwnPlace: (path: String, kind: FileKind)? {
        switch self {
        case .linkedStoreDirectory(let path, let kind), .oddLockFile(let path, let kind): return (path, kind)
        default: return nil
        }
    }

    /// Why a system call failed, in words a clerk can act on, for every message banli shows (the
    /// store's, the configuration's, the command line's and the terminal UI's): the errors reading and
    /// writing files meet in practice in Chinese; any other by its number, never in the C library's
    /// English.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "磁盘空间不足"
        case EDQUOT: return "超出磁盘配额"
        case EFBIG: return "文件超出允许的大小"
        case EROFS: return "文件系统为只读"
        case EACCES, EPERM: return "没有权限"
        case EIO: return "磁盘读写出错"
        case ENOENT: return "不存在"
        case ENOTDIR: return "路径中有一项不是目录"
        case EISDIR: return "是目录"
        case EEXIST: return "已存在"
        case ELOOP: return "符号链接循环"
        case ENAMETOOLONG: return "路径太长"
        case EMFILE, ENFILE: return "打开的文件太多"
        case ENOMEM: return "内存不足"
        case EBUSY, ETXTBSY: return "文件正被占用"
        case EXDEV: return "不能跨文件系统移动"
        case ENXIO, ENODEV: return "设备不存在"
        case EAGAIN: return "暂时不可用，请重试"
        case EINVAL: return "路径或参数无效"
        default: return "系统错误（errno \(code)）"
        }
    }
}
