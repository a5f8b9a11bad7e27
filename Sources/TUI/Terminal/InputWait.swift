import Glibc

/// Waits for the terminal's input and for the signals the C shim notes on its self-pipe, with
/// `poll`: a signal never restarts it, and a note on the pipe wakes it whichever thread ran the
/// handler. No ncurses here; `CursesTerminal` reads what arrived.
struct InputWait {
    let terminal: Int32
    /// The self-pipe's read end; -1 when signals could not be caught.
    let signals: Int32

    enum Outcome: Equatable {
        /// The terminal has input, or has hung up: then a read returns nothing, and there is no more.
        case input(hangup: Bool)
        /// Signals noted since the last wait, by number.
        case signals([Int32])
        /// The time passed, or poll was interrupted: the caller looks at the clock.
        case nothing
    }

    /// Waits up to `milliseconds` (negative: without limit). Signals are reported before input.
    func wait(milliseconds: Int) -> Outcome {
        var fds = [pollfd(fd: terminal, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signals, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, signals >= 0 ? 2 : 1, Int32(clamping: milliseconds))
        guard ready > 0 else { return .nothing }
        if fds[1].revents != 0 {
            let noted = drainSignals()
            if !noted.isEmpty { return .signals(noted) }
        }
        let revents = Int32(fds[0].revents)
        guard revents != 0 else { return .nothing }
        // Readable with nothing queued is the end of input, whatever else poll says; a byte ncurses
        // cannot decode is read and dropped, and is no hang-up.
        var queued: Int32 = 0
        let empty = ioctl(terminal, UInt(FIONREAD), &queued) != 0 || queued == 0
        return .input(hangup: revents & (POLLHUP | POLLERR | POLLNVAL) != 0 || empty)
    }

    private func drainSignals() -> [Int32] {
        var noted: [Int32] = []
        var bytes = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(signals, &bytes, bytes.count)
            guard n > 0 else { return noted }
            noted += bytes[0..<n].map { Int32($0) }
        }
    }
}
