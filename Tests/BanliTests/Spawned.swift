import Foundation
import TestSupport

/// A test helper program started with posix_spawn, so that the test holds its process id (to kill
/// it) and reads its output through a pipe as it comes.
final class Spawned {
    let pid: pid_t
    private let output: Int32
    private var buffered: [UInt8] = []
    private var reaped = false

    /// The binaries the package builds sit together; `name` is one of them.
    static func binary(_ name: String) -> String {
        URL(fileURLWithPath: Banli.binary).deletingLastPathComponent().path + "/" + name
    }

    init(_ path: String, _ arguments: [String]) throws {
        (pid, output) = try Spawned.start([path] + arguments, keepingOutput: true, keepingErrors: true)
    }

    /// The one way tests start a program: `argv[0]` (looked up in PATH) with an empty signal mask (test
    /// runner threads block signals, and tmux and banli must see SIGWINCH), its standard output into a
    /// pipe whose read end is returned (or to /dev/null). The pipe is close-on-exec and made under a
    /// lock with the spawn, so a program started by a test running in parallel never inherits it: a
    /// long-lived tmux server holding its write end would keep a read from ever ending.
    static func start(_ argv: [String], keepingOutput: Bool, keepingErrors: Bool) throws -> (pid: pid_t, output: Int32) {
        spawning.lock()
        defer { spawning.unlock() }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SpawnFailed(arguments: argv) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if keepingOutput {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        if !keepingErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, &attributes, cArguments, environ)
        close(fds[1])
        guard status == 0 else {
            close(fds[0])
            throw SpawnFailed(arguments: argv)
        }
        return (pid, fds[0])
    }

    private static let spawning = NSLock()

    deinit {
        if !reaped {
            kill(pid, SIGKILL)
            _ = waitForExit()
        }
        close(output)
    }

    /// The next line the program prints; nil once its output has ended.
    func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 256)
        while true {
            if let newline = buffered.firstIndex(of: 10) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let n = read(output, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            buffered += chunk[0..<n]
        }
    }

    /// Waits for the program to end; its exit status, or 128 + the signal that ended it.
    @discardableResult
    func waitForExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reaped = true
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    struct SpawnFailed: Error { var arguments: [String] }
}
