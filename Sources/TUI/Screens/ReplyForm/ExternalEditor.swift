import Foundation
import Glibc
import Model

/// Hands one field's text to the user's own editor, as mutt and git do: the text goes into a UTF-8
/// temporary file, one paragraph a line, ending with a line break as a text file does; `$VISUAL` (or
/// `$EDITOR`, or vi) runs on it in the terminal, and what it leaves is read back as `IncomingText`
/// (so a line added at the end is a paragraph of its own, and "\r\n" line ends are taken in). An
/// unchanged or emptied file means "cancel"; a failing editor, or a file saved in another encoding
/// than UTF-8, changes nothing.
public struct ExternalEditor: Sendable {
    public enum Outcome: Equatable, Sendable {
        case edited(String), unchanged, emptied
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case temporaryFile(path: String, errno: Int32)
        case launch(command: String, errno: Int32)
        case exitStatus(command: String, status: Int32)
        /// The saved file is not UTF-8 text (the editor saved GBK, say), or holds a control character.
        case notText(IncomingText.Failure)

        public var description: String {
            switch self {
            case .temporaryFile(let path, let code): return "\(path): 无法写入临时文件：\(StoreError.reason(code))"
            case .launch(let command, let code): return "无法启动编辑器“\(command)”：\(StoreError.reason(code))"
            case .exitStatus(let command, let status): return "编辑器“\(command)”以状态 \(status) 退出，本项未修改"
            case .notText(let failure):
                let hint = if case .notText = failure { "；请在编辑器中以 UTF-8 保存" } else { "" }
                return "外部编辑器保存的文件\(failure)\(hint)，本项未修改"
            }
        }
    }

    /// A shell command line, as the variables hold it (it may carry options: `vim -u NONE`).
    public let command: String
    let temporaryDirectory: String

    public init(environment: [String: String]) {
        command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isBlank } ?? "vi"
        temporaryDirectory = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    public func edit(_ text: String) throws(Failure) -> Outcome {
        var template = Array((temporaryDirectory + "/banli-XXXXXX.txt").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { throw .temporaryFile(path: path, errno: errno) }
        defer { unlink(path) }
        let bytes = Array((text + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw .temporaryFile(path: path, errno: errno) }
        try run(path: path)
        guard let data = FileManager.default.contents(atPath: path) else { throw .temporaryFile(path: path, errno: errno) }
        var result: String
        do {
            result = try IncomingText(bytes: Array(data)).text
        } catch {
            throw .notText(error)
        }
        // The file's final line break ends its last line; it is not part of the text.
        if result.unicodeScalars.last == "\n" { result.unicodeScalars.removeLast() }
        if result.isBlank { return .emptied }
        return result == text ? .unchanged : .edited(result)
    }

    /// Runs `sh -c 'COMMAND "$1"' banli PATH` in the foreground and waits for it.
    private func run(path: String) throws(Failure) {
        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "banli", path]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid = pid_t()
        let code = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ)
        guard code == 0 else { throw .launch(command: command, errno: code) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw .launch(command: command, errno: errno) }
        }
        let exited = status & 0x7f == 0
        let exitCode = (status >> 8) & 0xff
        guard exited && exitCode == 0 else { throw .exitStatus(command: command, status: exited ? exitCode : 128 + (status & 0x7f)) }
    }
}
