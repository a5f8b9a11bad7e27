import Foundation

/// Counts the case files parsed so far by the threads of `CaseStore.readAll`, telling `report`
/// each new count: one call at a time (under a lock), so a progress bar it draws is never written
/// by two threads at once, and the counts it sees only rise.
final class ParseCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let report: @Sendable (Int) -> Void

    init(_ report: @escaping @Sendable (Int) -> Void) {
        self.report = report
    }

    /// Notes one more file parsed.
    func count() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        report(done)
    }
}
