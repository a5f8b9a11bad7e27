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
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw SpawnFailed(path: path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Test runner threads block signals; the child must not inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = [path] + arguments
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, cArguments, environ)
        close(fds[1])
        guard status == 0 else {
            close(fds[0])
            throw SpawnFailed(path: path)
        }
        self.pid = pid
        output = fds[0]
    }

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

    struct SpawnFailed: Error { var path: String }
}
