import Foundation

/// Why a store operation failed. Each carries the path it concerns; descriptions are one line.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case notADirectory(path: String)
    case io(path: String, operation: String, errno: Int32)
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

    public var description: String {
        switch self {
        case .notADirectory(let path): return "\(path): 不是目录，无法作为案件库打开"
        case .io(let path, let operation, let code):
            return "\(path): \(operation)失败：\(StoreError.reason(code))"
        case .malformed(let error): return error.description
        case .notFound(let id, let store): return "案件库 \(store) 中没有案件“\(id)”"
        case .ambiguous(let id, let matches): return "有\(matches.count)件案件编号为\(id)：\(matches.joined(separator: "、"))，请写全"
        case .alreadyExists(let path): return "\(path): 已存在，未覆盖"
        case .conflict(let path, let fields):
            let what = fields.isEmpty ? "" : "（与你的版本不同：\(fields.joined(separator: "、"))）"
            return "\(path): 读取后已被其他程序修改\(what)，本次未保存，请重试"
        case .journalRewritten(let path): return "\(path): 日志只能追加，不能改写已有记录，本次未保存"
        case .invalidCase(let why): return why
        }
    }

    /// Why a system call failed, in words a clerk can act on: the errors a save meets in practice
    /// (a full or read-only disk above all) in Chinese, any other as the system words it.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "磁盘空间不足"
        case EDQUOT: return "超出磁盘配额"
        case EFBIG: return "文件超出允许的大小"
        case EROFS: return "文件系统为只读"
        case EACCES, EPERM: return "没有权限"
        case EIO: return "磁盘读写出错"
        case ENOENT: return "文件或目录不存在"
        case ENOTDIR: return "路径中有一项不是目录"
        default: return String(cString: strerror(code))
        }
    }
}
