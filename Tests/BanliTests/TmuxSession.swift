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

    /// The real binary on `store` at 80×24 under `term` with a private HOME, once its list is on
    /// screen. `prefix` goes before the command (e.g. to record its pid); the pane stays after banli
    /// exits and shows `BANLI-EXITED` with the exit status.
    static func banli(store: String, term: String = "xterm-256color", prefix: String = "") throws -> TmuxSession {
        let home = Fixtures.temporaryDirectory("banli-home")
        let command = "\(prefix)env HOME=\(home) USER=tester LANG=C.UTF-8 TERM=\(term) \(Banli.binary) --store \(store); echo BANLI-EXITED $?; sleep 60"
        let tmux = try TmuxSession(width: 80, height: 24, command: command)
        _ = try tmux.wait(for: "the case list") { $0.contains("共32件") }
        return tmux
    }

    /// The lines a shell `command` leaves on a 200×10 terminal once it has ended, the last one
    /// `BANLI-EXITED` with its exit status: what banli prints when it opens no screen.
    static func linesOnceEnded(_ command: String) throws -> [String] {
        let tmux = try TmuxSession(width: 200, height: 10, command: "\(command); echo BANLI-EXITED $?; sleep 60")
        let screen = try tmux.wait(for: "the command to end") { $0.contains("BANLI-EXITED") }
        return screen.split(separator: "\n").map(String.init)
    }

    /// Selects a case with a search.
    func select(_ id: String) throws {
        try send("/")
        try send("-l", id)
        try send("Enter")
        _ = try wait(for: "\(id) selected") { $0.contains("搜索：\(id)") }
    }

    /// The server goes, and its socket with it (a killed server leaves the file behind: runs piled
    /// up hundreds of them).
    deinit {
        _ = try? tmux(["kill-server"], capture: false)
        let directory = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())"
        unlink(directory + "/" + socket)
    }

    /// Runs a tmux client with posix_spawn and waitpid: Foundation's Process left the daemonising
    /// `new-session` client unreaped and never returned.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        // The server `new-session` starts inherits the client's output; it must not keep our pipe open.
        let (pid, pipe) = try Spawned.start(argv, keepingOutput: capture, keepingErrors: false)
        defer { close(pipe) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(pipe, &chunk, chunk.count)
            if n <= 0 { break }
            output += chunk[0..<n]
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Sends keys as tmux names them. banli tells Esc from Alt with the next key (`ESC 2`) by the pause
    /// after the ESC, as terminals require; so after each Escape this pauses as a person typing
    /// would, well past banli's 25 ms, before sending the rest.
    func send(_ keys: String...) throws {
        var batch: [String] = []
        for key in keys {
            batch.append(key)
            guard key == "Escape" else { continue }
            try tmux(["send-keys", "-t", name] + batch)
            batch = []
            Thread.sleep(forTimeInterval: 0.2)
        }
        if !batch.isEmpty { try tmux(["send-keys", "-t", name] + batch) }
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Polls the screen every `interval` seconds until `predicate` holds, or fails after `timeout` seconds.
    func wait(timeout: Double = 10, interval: Double = 0.05, for description: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: interval)
        }
        throw TimedOut(waitingFor: description, screen: last)
    }

    struct TimedOut: Error, CustomStringConvertible {
        var waitingFor: String
        var screen: String
        var description: String { "timed out waiting for \(waitingFor); the screen was:\n\(screen)" }
    }
}
