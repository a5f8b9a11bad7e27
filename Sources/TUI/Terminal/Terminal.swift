/// A screen the app draws frames on and reads input from: ncurses for real use, an in-memory grid
/// for tests. Everything above this protocol is the same in both.
public protocol Terminal: AnyObject {
    var width: Int { get }
    var height: Int { get }
    /// Shows `frame`; the hardware cursor is placed at `cursor`, or hidden when nil.
    func present(_ frame: ScreenBuffer, cursor: (x: Int, y: Int)?)
    /// The next input event, or nil when none came within `timeoutMilliseconds` (negative: wait).
    /// nil when input has ended; `.idle` when a finite timeout passed with nothing.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent?
    /// Gives the terminal to another program (an external editor) while `body` runs, then takes it
    /// back and redraws everything on the next frame.
    func suspend(while body: () -> Void)
    /// Stops banli as Ctrl-Z stops other terminal programs: the terminal goes back to the shell, the
    /// process group is stopped (SIGTSTP), and this returns once it is continued (`fg`); the next
    /// frame repaints every cell, and bracketed paste is on again.
    func suspendProcess()
}

/// A terminal in memory: tests queue input events and read back the last frame and the cursor.
public final class MemoryTerminal: Terminal {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var frame: ScreenBuffer
    public private(set) var cursor: (x: Int, y: Int)?
    private var events: [InputEvent] = []

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        frame = ScreenBuffer(width: width, height: height)
    }

    /// Decodes `send(input:)` as `CursesTerminal` decodes what it reads.
    private var decoder = KeyDecoder()

    public func send(_ events: InputEvent...) { self.events += events }
    public func send(keys: [Key]) { events += keys.map { .key($0) } }
    public func type(_ text: String) { events += text.map { .key(.character($0)) } }

    /// Queues what a terminal would send, escape sequences and paste markers included (`"\u{1B}2"` is
    /// Alt-2), decoded by the same `KeyDecoder` as the real terminal. Each call is one burst: at its end
    /// the escape delay passes, so a pending ESC, partial sequence or unfinished paste is completed.
    public func send(input: String) {
        for scalar in input.unicodeScalars { events += decoder.feed(scalar) }
        events += decoder.timeout()
    }

    /// Changes the size and queues the resize event a real terminal would deliver.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        events.append(.resize(width: width, height: height))
    }

    /// Told every frame as it is presented: tests look at one drawn while an effect is under way
    /// (the status before a PDF conversion), which the next frame replaces.
    public var onPresent: ((ScreenBuffer) -> Void)?

    public func present(_ frame: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        self.frame = frame
        self.cursor = cursor
        onPresent?(frame)
    }

    /// The next queued event; when none is left, `.idle` for a poll (timeout 0: the app has work to
    /// go on with while the user is not typing), else nil, the end of input.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        events.isEmpty ? (timeoutMilliseconds == 0 ? .idle : nil) : events.removeFirst()
    }

    public func suspend(while body: () -> Void) { body() }

    /// How many times the app stopped itself (Ctrl-Z outside the reply form).
    public private(set) var suspensions = 0

    public func suspendProcess() { suspensions += 1 }

    /// Events queued and not yet read (a quit leaves the rest of a test's keys unread).
    public var hasPendingEvents: Bool { !events.isEmpty }

    public var lines: [String] { frame.lines }
}
