import Foundation

/// The width of the terminal standard output goes to, so tables fit it; nil when output is a pipe
/// or a file, where lines are never cut.
func outputTerminalWidth() -> Int? {
    guard isatty(STDOUT_FILENO) != 0 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}
