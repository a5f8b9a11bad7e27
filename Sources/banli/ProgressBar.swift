import Foundation
import TUI

/// A progress bar on stderr for a long run (`banli import` of a large list, a store's first open):
/// drawn only when stderr is a terminal, so that a pipe or a log gets no carriage returns; redrawn
/// only when the shown percentage changes; always one column narrower than the terminal (a line that
/// wrapped would leave a copy of itself on every redraw, as `\r` goes back only to its last row);
/// erased when done, leaving the line for the summary.
struct ProgressBar {
    let total: Int
    let label: String
    private let shown: Bool
    private var percent = -1

    /// The width of the bar itself, in cells, where the terminal has room.
    static let width = 30
    /// The terminal's width in columns, read once.
    private let columns: Int

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        let columns = terminalWidth(of: STDERR_FILENO)
        shown = columns != nil && total > 0
        self.columns = columns ?? 80
    }

    /// The line showing `done` of `total` in at most `columns - 1` cells: the label, the bar and the
    /// count; the bar narrower where the terminal is, then without the label, then the percentage
    /// alone (a count cut short, `1620/30`, would read as another total), at last nothing.
    static func line(done: Int, total: Int, label: String, columns: Int) -> String {
        let count = "\(done)/\(total)", room = columns - 1
        func bar(_ width: Int) -> String {
            let filled = done * width / total
            return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        }
        let labelled = room - TextMetrics.width(of: label) - count.count - 2
        if labelled >= 10 { return "\(label) \(bar(min(width, labelled))) \(count)" }
        let bare = room - count.count - 1
        if bare >= 10 { return "\(bar(min(width, bare))) \(count)" }
        let percent = "\(done * 100 / total)%"
        return percent.count <= room ? percent : ""
    }

    /// Shows `done` of `total`.
    mutating func update(_ done: Int) {
        guard shown else { return }
        let now = done * 100 / total
        guard now != percent else { return }
        percent = now
        write("\r" + Self.line(done: done, total: total, label: label, columns: columns))
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// Erases the bar.
    func finish() {
        guard shown, percent >= 0 else { return }
        write("\r\u{1B}[K")
    }
}
