import Glibc

/// A process on this machine, as a file it left behind names it: its number, and when it started
/// (so that a later process given the same number is not taken for it).
struct LocalProcess: Hashable, Sendable {
    var pid: pid_t
    /// Clock ticks from boot to the process's start (`/proc/PID/stat`, field 22); nil where `/proc`
    /// cannot tell.
    var start: UInt64?

    static var current: LocalProcess { LocalProcess(pid: getpid(), start: stat(of: getpid())?.start) }

    /// Whether the process still runs. Numbers are reused, and after a reboot almost surely so: a
    /// running process with the number but another start time is someone else. A process killed but
    /// not yet reaped by its parent (a zombie) no longer runs.
    var isRunning: Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let now = LocalProcess.stat(of: pid) else { return true }
        return now.state != UInt8(ascii: "Z") && now.state != UInt8(ascii: "X") && (start == nil || start == now.start)
    }

    /// The state (field 3 of `/proc/PID/stat`: R, S, Z…) and the start time (field 22).
    static func stat(of pid: pid_t) -> (state: UInt8, start: UInt64)? {
        guard let bytes = try? FileSystem.read("/proc/\(pid)/stat", limit: .smallFile) else { return nil }
        // The command name (field 2) may hold spaces and parentheses; the fields after it follow its last ')'.
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count >= 20, let state = fields[0].first, let start = UInt64(String(decoding: fields[19], as: UTF8.self)) else { return nil }
        return (state, start)
    }

    /// This machine's name, as editing marks record it.
    static let hostName: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
    }()
}
