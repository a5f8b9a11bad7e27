import CNcursesw
import Glibc

/// The real terminal, through ncursesw. The only file that talks to ncurses: it paints the cells
/// that changed since the last frame, decodes `wget_wch` into keys, and reports the size.
public final class CursesTerminal: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let tty: UnsafeMutablePointer<FILE>
    private var shown: ScreenBuffer
    private let colors: Bool
    /// Key codes ncurses reports for the bracketed-paste markers ESC[200~ and ESC[201~.
    private static let pasteStart: Int32 = 0o1001, pasteEnd: Int32 = 0o1002
    /// Ctrl with an arrow, Home or End: the terminfo capability naming it, the xterm sequence to
    /// define when the terminal's description lacks it (TERM=screen inside tmux still sends those),
    /// and the code given to that definition.
    private static let controlKeys: [(capability: String, sequence: String, code: Int32, key: Key)] = [
        ("kLFT5", "\u{1B}[1;5D", 0o1003, .controlLeft),
        ("kRIT5", "\u{1B}[1;5C", 0o1004, .controlRight),
        ("kHOM5", "\u{1B}[1;5H", 0o1005, .controlHome),
        ("kEND5", "\u{1B}[1;5F", 0o1006, .controlEnd),
    ]
    /// The codes ncurses reports for `controlKeys` on this terminal.
    private var extendedKeys: [Int32: Key] = [:]

    /// Starts curses on the controlling terminal. `useColor` false honours NO_COLOR.
    public init?(useColor: Bool) {
        setlocale(LC_ALL, "")
        // A parent that blocked SIGWINCH would leave ncurses blind to resizes.
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        // Drawing goes to the controlling terminal, never into a pipe that stdout may be (as tig does).
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        guard newterm(nil, tty, tty) != nil, let window = stdscr_window() else { fclose(tty); return nil }
        self.tty = tty
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        colors = useColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_RED), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
        }
        shown = ScreenBuffer(width: 0, height: 0)
        // Bracketed paste: a pasted block arrives between markers, so its newlines are text.
        define_key("\u{1B}[200~", CursesTerminal.pasteStart)
        define_key("\u{1B}[201~", CursesTerminal.pasteEnd)
        fputs("\u{1B}[?2004h", tty)
        fflush(tty)
        for entry in CursesTerminal.controlKeys {
            var code = banli_key_code(entry.capability)
            if code == 0 {
                code = key_defined(entry.sequence)
                if code <= 0 {
                    define_key(entry.sequence, entry.code)
                    code = entry.code
                }
            }
            extendedKeys[code] = entry.key
        }
    }

    deinit {
        fputs("\u{1B}[?2004l", tty)
        fflush(tty)
        endwin()
        fclose(tty)
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

    /// Collects what arrives until the end-of-paste marker (or a pause of a second, if it never comes).
    private func readPaste() -> String {
        wtimeout(window, 1000)
        var text = ""
        var value: wint_t = 0
        while true {
            let kind = wget_wch(window, &value)
            if kind == ERR || (kind == KEY_CODE_YES && Int32(value) == CursesTerminal.pasteEnd) { return text }
            if kind == KEY_CODE_YES { continue }
            if value == 13 { text.append("\n"); continue }
            if let scalar = Unicode.Scalar(UInt32(value)) { text.unicodeScalars.append(scalar) }
        }
    }

    private func attributes(_ style: Style) -> attr_t {
        switch style {
        case .selection, .hint, .title: return banli_attr_reverse()
        case .header, .key: return banli_attr_bold()
        case .muted: return banli_attr_dim()
        case .error, .overdue: return colors ? banli_color_pair(1) | banli_attr_bold() : banli_attr_bold()
        case .dueSoon: return colors ? banli_color_pair(2) : 0
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
        // The other program drew over everything: repaint every cell on the next frame.
        shown = ScreenBuffer(width: 0, height: 0)
    }

    public func suspendProcess() {
        suspend { kill(0, SIGTSTP) }
    }

    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent? {
        wtimeout(window, Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let started = ContinuousClock.now
        let kind = wget_wch(window, &value)
        if kind == ERR {
            // A timeout that really elapsed is idleness; an error returned at once means the terminal is gone.
            guard timeoutMilliseconds >= 0, ContinuousClock.now - started >= .milliseconds(timeoutMilliseconds / 2) else { return nil }
            return .idle
        }
        if kind == KEY_CODE_YES {
            switch Int32(value) {
            case KEY_RESIZE: return .resize(width: width, height: height)
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case CursesTerminal.pasteStart: return .paste(readPaste())
            case let code:
                guard let key = extendedKeys[code] else { return nextEvent(timeoutMilliseconds: timeoutMilliseconds) }
                return .key(key)
            }
        }
        switch value {
        case 13, 10: return .key(.enter)
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(value)) else { return nextEvent(timeoutMilliseconds: timeoutMilliseconds) }
            return .key(.character(Character(scalar)))
        }
    }
}
