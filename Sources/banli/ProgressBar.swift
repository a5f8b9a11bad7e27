import Foundation

/// A progress bar on stderr for a long run (`banli import` of a large list): drawn only when stderr
/// is a terminal, so that a pipe or a log gets no carriage returns; redrawn only when the shown
/// percentage changes; erased when done, leaving the line for the summary.
struct ProgressBar {
    let total: Int
    let label: String
    private let shown: Bool
    private var percent = -1

    /// The width of the bar itself, in cells.
    static let width = 30

    init(total: Int, label: String) {
        self.total = total
        self.label = label
        shown = isatty(STDERR_FILENO) == 1 && total > 0
    }

    /// Shows `done` of `total`.
    mutating func update(_ done: Int) {
        guard shown else { return }
        let now = done * 100 / total
        guard now != percent else { return }
        percent = now
        let filled = done * Self.width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
        write("\r\(label) \(bar) \(done)/\(total)")
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

    /// Erases the bar.
    func finish() {
        guard shown, percent >= 0 else { return }
        write("\r\u{1B}[K")
    }
}
