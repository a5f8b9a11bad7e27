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
        // No automatic `gc` inside banli's own runs: it would hold the output pipes (and the caller)
        // while it packs a large store; `tidy()` starts it apart instead.
        process.arguments = ["-c", "core.quotePath=false", "-c", "gc.auto=0"] + arguments
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

    /// Starts `git gc --auto` and does not wait for it: git packs the repository when enough loose
    /// objects have gathered (a store's first commit leaves one per case) and otherwise does nothing.
    /// Its output goes nowhere; a failure is git's own business and loses nothing.
    public func tidy() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.arguments = ["gc", "--auto", "--quiet"]
        process.environment = Git.environment([:])
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    /// The contents of each object `names` names (`HEAD:zx5-2-090.yaml`, `3f2a1c9:…`; paths from the
    /// repository's top), in their order: nil where git has no such object or it is not a file. One run
    /// of `git cat-file --batch` for them all: a hundred files read by one process, not a hundred.
    /// - Throws: `GitError.failed` when git fails, and what `run` throws.
    public func objects(_ names: [String]) throws(GitError) -> [[UInt8]?] {
        guard !names.isEmpty else { return [] }
        let output = try run(["cat-file", "--batch"], input: Array(names.map { $0 + "\n" }.joined().utf8))
        guard output.status == 0 else {
            throw .failed(arguments: ["cat-file"], status: output.status, message: GitError.lastLine(of: output.standardError))
        }
        // Each answer: `<id> blob <size>\n<bytes>\n`, or `<request> missing\n`.
        let bytes = output.standardOutput
        var at = 0, found: [[UInt8]?] = []
        while found.count < names.count, let end = bytes[at...].firstIndex(of: UInt8(ascii: "\n")) {
            let header = String(decoding: bytes[at..<end], as: UTF8.self).split(separator: " ")
            at = end + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]), at + size <= bytes.count else {
                found.append(nil)
                continue
            }
            found.append(Array(bytes[at..<(at + size)]))
            at += size + 1
        }
        return found + Array(repeating: nil, count: names.count - found.count)
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
