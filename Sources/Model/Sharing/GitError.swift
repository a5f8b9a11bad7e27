/// Why running git did not give what banli asked of it; each description is one line.
public enum GitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `git` on `PATH`.
    case notInstalled
    /// The program could not be started: the system's reason.
    case couldNotStart(String)
    /// git ran longer than `seconds` and was stopped.
    case timedOut(arguments: [String], seconds: Int)
    /// git exited with `status`; `message` is the last line it wrote to standard error.
    case failed(arguments: [String], status: Int32, message: String)

    public var description: String {
        switch self {
        case .notInstalled: return "未找到 git：请安装（sudo apt install git）"
        case .couldNotStart(let why): return "无法运行 git：\(UntrustedText.inert(why))"
        case .timedOut(let arguments, let seconds): return "git \(arguments.first ?? "") 在 \(seconds) 秒内未完成，已停止"
        case .failed(let arguments, let status, let message):
            return "git \(arguments.first ?? "") 失败（退出码 \(status)）" + (message.isEmpty ? "" : "：" + UntrustedText.inert(message))
        }
    }

    /// The last non-empty line of what git wrote, without git's `fatal: `/`error: ` prefix.
    static func lastLine(of text: String) -> String {
        guard let line = text.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
        var s = String(line)
        for prefix in ["fatal: ", "error: "] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        return s
    }
}
