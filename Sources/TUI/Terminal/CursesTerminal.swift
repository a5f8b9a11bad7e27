import CNcursesw
import Glibc

/// The real terminal, through ncursesw. The only file that talks to ncurses: it paints the cells
/// that changed since the last frame, reads what the terminal sends and has `KeyDecoder` make keys
/// of it (ncurses's own key matching is off: it knows only the current terminfo entry's sequences,
/// and gave Esc, `[`, `1`, `~` for anything else), and reports the size.
public final class CursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let tty: UnsafeMutablePointer<FILE>
    private var shown: ScreenBuffer
    private let colors: Bool
    private var decoder: KeyDecoder
    private let input: InputWait
    /// Events decoded and not yet returned (one read can hold many keys, or a whole paste).
    private var queued: [InputEvent] = []
    /// How long after an ESC or a partial sequence nothing more may arrive before it is complete:
    /// `ESCDELAY` in milliseconds when set, else 25 (a terminal sends a key's sequence in one write).
    private let escapeDelay: Duration
    /// A paste whose end marker never comes ends after this much silence.
    private static let pasteSilence = Duration.seconds(1)
    /// When the decoder's pending input is to be completed, if nothing more arrives first.
    private var pendingDeadline: ContinuousClock.Instant?
    private var inputEnded = false

    /// Starts curses on the controlling terminal. `useColor` false honours NO_COLOR. Throws, before
    /// anything is drawn, where the UI cannot work: no UTF-8 locale, no usable `TERM`, no terminal.
    public init(useColor: Bool) throws(TerminalUnavailable) {
        var environment: [String: String] = [:]
        for name in ["LC_ALL", "LC_CTYPE", "LANG", "TERM", "ESCDELAY"] { environment[name] = getenv(name).map { String(cString: $0) } }
        try CursesTerminal.startLocale(environment: environment)
        // Drawing goes to the controlling terminal, never into a pipe that stdout may be (as tig does).
        guard let tty = fopen("/dev/tty", "r+e") else { throw .noControllingTerminal }
        guard let term = environment["TERM"], !term.isEmpty else { fclose(tty); throw .noTerminalType }
        switch banli_terminal_support(term, fileno(tty)) {
        case 1: break
        case 2: fclose(tty); throw .notFullScreen(term)
        default: fclose(tty); throw .unknownTerminalType(term)
        }
        guard newterm(term, tty, tty) != nil, let window = stdscr_window() else { fclose(tty); throw .cannotStart(term) }
        self.tty = tty
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, false)
        colors = useColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_GREEN), -1)
        }
        shown = ScreenBuffer(width: 0, height: 0)
        var terminalKeys: [String: Key] = [:]
        for (name, key) in KeyDecoder.terminfoCapabilities {
            guard let value = banli_terminfo_string(name).map({ String(cString: $0) }), terminalKeys[value] == nil else { continue }
            terminalKeys[value] = key
        }
        decoder = KeyDecoder(terminalKeys: terminalKeys)
        escapeDelay = .milliseconds(environment["ESCDELAY"].flatMap(Int.init).map { min(max($0, 0), 10_000) } ?? 25)
        input = InputWait(terminal: fileno(tty), signals: banli_catch_signals())
        // Bracketed paste: a pasted block arrives between markers, so its newlines are text.
        fputs("\u{1B}[?2004h", tty)
        fflush(tty)
    }

    deinit {
        fputs("\u{1B}[?2004l", tty)
        fflush(tty)
        banli_release_signals()
        if input.signals >= 0 { close(input.signals) }
        endwin()
        fclose(tty)
    }

    /// Sets the locale from the environment (ncursesw reads and draws UTF-8 only under a UTF-8 one).
    /// Only the character set matters: a missing locale for messages or dates is no reason to refuse.
    private static func startLocale(environment: [String: String]) throws(TerminalUnavailable) {
        let setting = TerminalUnavailable.localeSetting(environment: environment)
        if setlocale(LC_ALL, "") == nil && setlocale(LC_CTYPE, "") == nil { throw .localeMissing(setting: setting ?? "LANG") }
        let codeset = String(cString: banli_codeset()).uppercased().filter { $0 != "-" }
        guard codeset == "UTF8" else { throw .localeNotUTF8(setting: setting) }
    }

    public var width: Int { Int(getmaxx(window)) }
    public var height: Int { Int(getmaxy(window)) }

    public func present(_ frame: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        let full = frame.width != shown.width || frame.height != shown.height
        if full { werase(window) }
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                guard full || cell != shown[x, y], let character = cell.character else { continue }
                wattrset(window, Int32(bitPattern: UInt32(truncatingIfNeeded: attributes(cell.style))))
                var scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                scalars.append(0)
                _ = mvwaddnwstr(window, Int32(y), Int32(x), scalars, Int32(scalars.count - 1))
            }
        }
        wattrset(window, 0)
        if let cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        shown = frame
    }

    private func attributes(_ style: Style) -> attr_t {
        switch style {
        case .selection, .hint, .title: return banli_attr_reverse()
        case .header, .key: return banli_attr_bold()
        case .muted: return banli_attr_dim()
        case .error, .overdue: return colors ? banli_color_pair(1) | banli_attr_bold() : banli_attr_bold()
        case .dueSoon: return colors ? banli_color_pair(2) : 0
        // Reverse video marks a changed character on any terminal; the colour says which way it changed.
        case .deleted: return banli_attr_reverse() | (colors ? banli_color_pair(1) : banli_attr_dim())
        case .inserted: return banli_attr_reverse() | (colors ? banli_color_pair(3) : banli_attr_bold())
        case .normal, .message: return 0
        }
    }

    public func suspend(while body: () -> Void) {
        fputs("\u{1B}[?2004l", tty)
        fflush(tty)
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        fputs("\u{1B}[?2004h", tty)
        fflush(tty)
        // The other program drew over everything: repaint every cell on the next frame, clearing first.
        clearok(window, true)
        shown = ScreenBuffer(width: 0, height: 0)
    }

    /// SIGTSTP's default action is put in force only for the stop (ncurses's handler, which would
    /// stop and repaint on its own, was replaced by banli's when the terminal started).
    public func suspendProcess() {
        suspend { banli_stop_process_group() }
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        let deadline = timeoutMilliseconds >= 0 ? ContinuousClock.now + .milliseconds(timeoutMilliseconds) : nil
        while queued.isEmpty {
            if inputEnded { return nil }
            let now = ContinuousClock.now
            if let pending = pendingDeadline, now >= pending {
                queued += decoder.timeout()
                pendingDeadline = nil
                continue
            }
            let until = [deadline, pendingDeadline].compactMap { $0 }.min()
            switch input.wait(milliseconds: until.map { CursesTerminal.milliseconds(from: now, to: $0) } ?? -1) {
            case .nothing:
                // The caller's time is up; anything pending is completed when its own time comes.
                if let deadline, ContinuousClock.now >= deadline { return .idle }
            case .signals(let numbers):
                for number in numbers { handle(signal: number) }
            case .input(let hangup):
                // What came before a hang-up is still read; after it, input has ended.
                if readInput() == 0 && hangup {
                    inputEnded = true
                    queued += decoder.timeout()
                }
            }
        }
        return queued.removeFirst()
    }

    private func handle(signal number: Int32) {
        switch number {
        case SIGHUP: queued.append(.ending(.hangup))
        case SIGTERM: queued.append(.ending(.terminate))
        case SIGTSTP:
            // Someone ran `kill -TSTP`: stop as for Ctrl-Z, then have the app draw everything again.
            suspendProcess()
            queued.append(.resize(width: width, height: height))
        default:
            // SIGWINCH: ncurses's handler marked the screen; the read below returns KEY_RESIZE.
            _ = readInput()
        }
    }

    /// Reads everything the terminal has sent so far (without waiting) into the decoder; how many
    /// scalars and resizes were read.
    private func readInput() -> Int {
        wtimeout(window, 0)
        var count = 0
        var value: wint_t = 0
        while count < 65_536 {
            let kind = wget_wch(window, &value)
            if kind == ERR { break }
            count += 1
            if kind == KEY_CODE_YES {
                if Int32(value) == KEY_RESIZE { queued.append(.resize(width: width, height: height)) }
                continue
            }
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            queued += decoder.feed(scalar)
            pendingDeadline = decoder.isPending ? ContinuousClock.now + (decoder.isInPaste ? CursesTerminal.pasteSilence : escapeDelay) : nil
        }
        return count
    }

    private static func milliseconds(from now: ContinuousClock.Instant, to deadline: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (deadline - now).components
        // Rounded up, so the wait never ends just before the deadline and spins.
        return max(0, Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000))
    }
}
