import ArgumentParser
import TUI

/// The controlling terminal in full-screen mode, or — where that cannot work (no UTF-8 locale, an
/// unusable `TERM`, no terminal) — the one line saying why and what to do on stderr, and exit 1.
func openTerminal(useColor: Bool) throws -> CursesTerminal {
    do {
        return try CursesTerminal(useColor: useColor)
    } catch {
        // The line says what is wrong and what to do; it already begins with "banli：".
        printError("\(error)")
        throw ExitCode.failure
    }
}
