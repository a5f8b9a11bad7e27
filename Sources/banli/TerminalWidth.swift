import Foundation

/// The width in columns of the terminal `descriptor` goes to; nil when it is a pipe or a file.
func terminalWidth(of descriptor: Int32) -> Int? {
    guard isatty(descriptor) != 0 else { return nil }
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

/// The width of the terminal standard output goes to, so tables fit it; nil when output is a pipe
/// or a file, where lines are never cut.
func outputTerminalWidth() -> Int? { terminalWidth(of: STDOUT_FILENO) }
