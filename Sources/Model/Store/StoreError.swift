import Foundation

/// Why a store operation failed. Each carries the path it concerns; descriptions are one line.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case notADirectory(path: String)
    case io(path: String, operation: String, errno: Int32)
    case malformed(DataFileError)
    case notFound(id: String, store: String)
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
            return "\(path): \(operation)失败：\(String(cString: strerror(code)))"
        case .malformed(let error): return error.description
        case .notFound(let id, let store): return "案件库 \(store) 中没有案件“\(id)”"
        case .ambiguous(let id, let matches): return "“\(id)”对应多个案件：\(matches.joined(separator: "、"))，请写出完整编号"
        case .alreadyExists(let path): return "\(path): 已存在，未覆盖"
        case .conflict(let path, let fields):
            let what = fields.isEmpty ? "" : "（与你的版本不同：\(fields.joined(separator: "、"))）"
            return "\(path): 读取后已被其他程序修改\(what)，本次未保存，你的修改仍保留"
        case .journalRewritten(let path): return "\(path): 日志只能追加，不能改写已有记录，本次未保存"
        case .invalidCase(let why): return why
        }
    }
}
