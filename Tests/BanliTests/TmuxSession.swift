import Foundation
import TestSupport

/// A real terminal for end-to-end tests: the `banli` binary running inside tmux at a fixed size, on
/// a private tmux server so tests never touch the user's sessions.
final class TmuxSession {
    let socket = "banli-test-\(UUID().uuidString.prefix(8))"
    let name = "banli"

    init(width: Int, height: Int, command: String) throws {
        // The server this starts inherits the client's output: it must not be a pipe we read to its end.
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, command], capture: false)
    }

    /// The real binary on `store` at 80×24 with a private HOME, once its list is on screen. `prefix`
    /// goes before the command (e.g. to record its pid); the pane stays after banli exits and shows
    /// `BANLI-EXITED` with the exit status.
    static func banli(store: String, prefix: String = "") throws -> TmuxSession {
        let home = Fixtures.temporaryDirectory("banli-home")
        let command = "\(prefix)env HOME=\(home) USER=tester LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) --store \(store); echo BANLI-EXITED $?; sleep 60"
        let tmux = try TmuxSession(width: 80, height: 24, command: command)
        _ = try tmux.wait(for: "the case list") { $0.contains("共32件") }
        return tmux
    }

    /// Selects a case with a search.
    func select(_ id: String) throws {
        try send("/")
        try send("-l", id)
        try send("Enter")
        _ = try wait(for: "\(id) selected") { $0.contains("搜索：\(id)") }
    }

    deinit { _ = try? tmux(["kill-server"], capture: false) }

    /// Runs a tmux client with posix_spawn and waitpid: Foundation's Process left the daemonising
    /// `new-session` client unreaped and never returned.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        var fds: [Int32] = [0, 0]
        // Close-on-exec, and made under a lock with the spawn, so a tmux server started by a test running
        // in parallel never inherits this pipe (and keeps our read from ever ending).
        TmuxSession.spawning.lock()
        guard pipe(&fds) == 0 else { TmuxSession.spawning.unlock(); throw SpawnFailed(arguments: argv) }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The server `new-session` starts inherits the client's output; it must not keep our pipe open.
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Test runner threads block signals; tmux and banli must not inherit that (SIGWINCH above all).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArguments, environ)
        close(fds[1])
        TmuxSession.spawning.unlock()
        defer { close(fds[0]) }
        guard spawned == 0 else { throw SpawnFailed(arguments: argv) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            output += chunk[0..<n]
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    private static let spawning = NSLock()

    struct SpawnFailed: Error { var arguments: [String] }

    func send(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Polls the screen until `predicate` holds, or fails after `timeout` seconds.
    func wait(timeout: Double = 10, for description: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TimedOut(waitingFor: description, screen: last)
    }

    struct TimedOut: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }
}
