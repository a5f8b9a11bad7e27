import Dispatch
import TUI

/// The in-memory terminal at 80×24 with a stopwatch: for each key, how long from reading it to the
/// frame that shows it (what a user waits for), and to the last frame drawn before the next key or
/// the end of input (a search done in slices draws its result there).
final class TimingTerminal: Terminal {
    let width = 80, height = 24
    private var events: [InputEvent] = []
    private var keyRead: UInt64?
    private var lastFrame: Double?
    /// Per key read: seconds to its first frame, and to its last.
    private(set) var toFirstFrame: [Double] = []
    private(set) var toLastFrame: [Double] = []

    func send(keys: [Key]) { events += keys.map { .key($0) } }

    func reset() {
        toFirstFrame = []
        toLastFrame = []
    }

    func present(_ frame: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        guard let keyRead else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - keyRead) / 1e9
        if lastFrame == nil { toFirstFrame.append(elapsed) }
        lastFrame = elapsed
    }

    /// As `MemoryTerminal`: a poll with nothing queued is idleness, a wait the end of input.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if events.isEmpty && timeoutMilliseconds == 0 { return .idle }
        if let lastFrame { toLastFrame.append(lastFrame) }
        keyRead = nil
        lastFrame = nil
        guard !events.isEmpty else { return nil }
        keyRead = DispatchTime.now().uptimeNanoseconds
        return events.removeFirst()
    }

    func suspend(while body: () -> Void) { body() }
    func suspendProcess() {}
}
