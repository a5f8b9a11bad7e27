import Foundation

/// The real `git` program, run in one repository: banli moves, merges and keeps the history of a
/// shared store with git itself and never re-implements any of it.
///
/// Every run is non-interactive — no terminal prompt for a password (`GIT_TERMINAL_PROMPT=0`, ssh in
/// batch mode unless the user set `GIT_SSH_COMMAND`), no editor (`GIT_EDITOR=true`), no pager — and
/// speaks English (`LC_ALL=C`) so that banli can tell git's failures apart; paths are printed raw
/// (`core.quotePath=false`), as Chinese file names are.
public struct Git: Sendable {
    /// What one run of git printed and how it ended.
    public struct Output: Sendable {
        /// git's exit status (0: success).
        public var status: Int32
        /// Everything written to standard output, as bytes.
        public var standardOutput: [UInt8]
        /// Everything written to standard error, as text.
        public var standardError: String

        /// Standard output as text, without a final newline.
        public var text: String {
            var s = String(decoding: standardOutput, as: UTF8.self)
            while s.hasSuffix("\n") { s.removeLast() }
            return s
        }
    }

    /// The `git` program's path.
    public let executable: String
    /// The repository's work tree (a store's directory), where git runs.
    public let directory: String
    /// Seconds a run may take before it is stopped (a remote that does not answer); nil: no limit.
    public var timeout: Int? = 300

    /// git at `executable`, run in `directory`.
    public init(executable: String, directory: String) {
        self.executable = executable
        self.directory = directory
    }

    /// git from the first directory of `path` (`PATH`'s value) holding one, run in `directory`.
    /// - Throws: `GitError.notInstalled` when there is none.
    public static func installed(in directory: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(GitError) -> Git {
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") where access(dir + "/git", X_OK) == 0 {
            return Git(executable: dir + "/git", directory: directory)
        }
        throw .notInstalled
    }

    /// Runs `git ARGUMENTS` and returns what it printed, whatever its exit status. `input` is written to
    /// its standard input (`cat-file --batch` reads its requests there); without it, git reads nothing.
    /// - Throws: `GitError.couldNotStart` when the program cannot be run, `.timedOut` when it ran
    ///   longer than `timeout` (it is then stopped).
    public func run(_ arguments: [String], environment extra: [String: String] = [:], input: [UInt8]? = nil) throws(GitError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.arguments = ["-c", "core.quotePath=false"] + arguments
        process.environment = Git.environment(extra)
        let inputPipe = input.map { _ in Pipe() }
        process.standardInput = inputPipe ?? FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { throw .couldNotStart("\(error)") }
        if let input, let writer = inputPipe?.fileHandleForWriting {
            // Written from another thread: git answers while it reads, and both pipes must keep moving.
            Thread.detachNewThread {
                writer.write(Data(input))
                try? writer.close()
            }
        }
        // Both pipes are drained at once: a child blocked writing one while banli waits on the other never ends.
        let errorBytes = PipeReader(err.fileHandleForReading)
        let outputBytes = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errorBytes.bytes()
        let deadline: DispatchTime = timeout.map { .now() + .seconds($0) } ?? .distantFuture
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            throw .timedOut(arguments: arguments, seconds: timeout ?? 0)
        }
        return Output(status: process.terminationStatus, standardOutput: Array(outputBytes),
                      standardError: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs `git ARGUMENTS` and returns its standard output as text.
    /// - Throws: `GitError.failed` (with git's last line of complaint) when git exits with a status
    ///   other than 0, and what `run` throws.
    @discardableResult
    public func check(_ arguments: [String], environment extra: [String: String] = [:]) throws(GitError) -> String {
        let output = try run(arguments, environment: extra)
        guard output.status == 0 else {
            throw .failed(arguments: arguments, status: output.status, message: GitError.lastLine(of: output.standardError))
        }
        return output.text
    }

    /// The process environment with git made non-interactive and English-speaking.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["LANGUAGE"] = nil
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        if environment["GIT_SSH_COMMAND"] == nil { environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes" }
        for (key, value) in extra { environment[key] = value }
        return environment
    }
}

/// Reads a pipe to its end on another thread.
private final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the writer closed the pipe.
    func bytes() -> [UInt8] {
        done.wait()
        return Array(data)
    }
}
