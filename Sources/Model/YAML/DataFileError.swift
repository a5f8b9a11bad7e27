/// A problem with a file banli reads (a case file or a configuration file), naming the file and,
/// where known, the line. Its description is one line: `path:line: 问题`.
public struct DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case unreadable(String)
        /// Not a regular file (a link, a pipe, a device …): banli does not read it.
        case notARegularFile(FileKind)
        /// Larger than banli reads of its kind; `size` in bytes.
        case tooLarge(size: Int64, limit: ReadLimit)
        case invalidUTF8(byteOffset: Int)
        /// Not UTF-8 text at all: UTF-16, or a binary file.
        case notText(NonText)
        /// A YAML anchor (`&name`, named here), refused with the aliases (`*name`) it would allow.
        case anchor(String)
        /// An explicit YAML tag (`!!binary`, `!foo`), as written: banli reads every value as text.
        case tag(String)
        /// The text is not YAML; the problem words itself in Chinese. Boxed (`indirect`): stored
        /// inline, copying some such reasons (the one for `标题: *星号`) crashed in `outlined copy of
        /// DataFileError.Reason` (Swift 6.3.1 on Linux).
        indirect case syntax(YAMLProblem)
        /// A key given twice in one mapping (the file is refused rather than keep either value).
        case duplicateKey(String)
        /// A key that is a list or a mapping instead of text.
        case nonTextKey
        case notAMapping
        case missingField(String)
        case unknownField(String)
        case wrongType(field: String, expected: String)
        case unknownValue(field: String, value: String, allowed: [String])
        case invalidValue(field: String, value: String, why: String)
        /// A list or mapping holding more than `limit` items (`ConfigurationLimits`).
        case tooMany(field: String, count: Int, limit: Int)
        /// A text longer than `limit` characters (`ConfigurationLimits`).
        case tooLong(field: String, length: Int, limit: Int)
        case unsupportedFormat(String)
        case truncated
        /// A file of 0 bytes: never one banli wrote, which ends every file with a line feed.
        case empty
        case identityMismatch(expected: String, found: String)
    }

    public let path: String
    public let line: Int?
    public let reason: Reason

    public init(path: String, line: Int?, reason: Reason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// A file that `FileSystem.read` could not read, as a problem with that file: the reason
    /// without the path the store's error repeats.
    public init(path: String, unreadable error: StoreError) {
        switch error {
        case .notARegularFile(_, let kind): self.init(path: path, line: nil, reason: .notARegularFile(kind))
        case .tooLarge(_, let size, let limit): self.init(path: path, line: nil, reason: .tooLarge(size: size, limit: limit))
        case .io(_, _, let code): self.init(path: path, line: nil, reason: .unreadable(StoreError.reason(code)))
        case .malformed(let problem): self = problem
        default: self.init(path: path, line: nil, reason: .unreadable(error.description))
        }
    }

    /// This error, or — when `bytes`, the file's content, are not text at all (`NonText`) — that,
    /// for the whole file. Called once reading `bytes` has failed, so what failed on a UTF-16 or
    /// binary file (no final newline, a control character, no header line) is not what is reported.
    public func orNotText(_ bytes: [UInt8]) -> DataFileError {
        guard let kind = NonText(bytes) else { return self }
        return DataFileError(path: path, line: nil, reason: .notText(kind))
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): \(message)"
    }

    /// The reason in one line: text quoted from a file never breaks it.
    public var message: String {
        words.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private var words: String {
        switch reason {
        case .unreadable(let why): return "无法读取文件（\(why)）"
        case .notARegularFile(let kind): return kind.refusal
        case .tooLarge(let size, let limit): return limit.refusal(size: size) + "，未读取"
        case .invalidUTF8(let offset): return "不是有效的 UTF-8 文本（第 \(offset) 字节）"
        case .notText(let kind): return kind.description
        case .anchor(let name):
            return "不能使用 YAML 锚点“&\(name)”和别名（*\(name)）：banli 的文件中每处内容须直接写出，不能引用别处"
        case .tag(let tag):
            return "不能使用 YAML 标签“\(tag)”：banli 把每个值都读作文字，标签会在保存时丢失，值的含义随之改变；请删去标签"
        case .syntax(let problem): return problem.description
        case .duplicateKey(let key): return "键“\(key)”在同一层重复出现，每个键只能写一次"
        case .nonTextKey: return "键必须是文字，不能是列表或映射"
        case .notAMapping: return "文件内容应为“键: 值”的映射"
        case .missingField(let field): return "缺少必填字段“\(field)”"
        case .unknownField(let field): return "未知字段“\(field)”"
        case .wrongType(let field, let expected): return "字段“\(field)”应为\(expected)"
        case .unknownValue(let field, let value, let allowed):
            return "字段“\(field)”的值“\(value)”无效（可选：\(allowed.joined(separator: "、"))）"
        case .invalidValue(let field, let value, let why): return "字段“\(field)”的值“\(value)”无效：\(why)"
        case .empty: return "文件是空的（0 字节）"
        case .truncated: return "文件不完整（末尾没有换行，可能被截断）；若是手工编辑，请在末尾加一个换行"
        case .tooMany(let field, let count, let limit): return "“\(field)”有 \(count) 项，超过上限 \(limit) 项"
        case .tooLong(let field, let length, let limit): return "“\(field)”的文字有 \(length) 个字，超过上限 \(limit) 个字"
        case .unsupportedFormat(let format): return "不支持的文件格式“\(format)”"
        case .identityMismatch(let expected, let found):
            return "文件名应为“\(expected)”，与案件编号不符（实际为“\(found)”）"
        }
    }
}
