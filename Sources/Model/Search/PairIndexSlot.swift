import Foundation

/// Where a `TextIndex` keeps its index of adjacent character pairs once it is built on another thread
/// (`TextIndex.indexPairs()`), read by searches on the main thread: set once, under a lock.
final class PairIndexSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: CharacterIndex?
    private var time: Duration?

    /// The index, nil until it is built.
    var index: CharacterIndex? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// How long building it took, nil until it is built.
    var buildTime: Duration? {
        lock.lock()
        defer { lock.unlock() }
        return time
    }

    func set(_ index: CharacterIndex, buildTime: Duration) {
        lock.lock()
        defer { lock.unlock() }
        stored = index
        time = buildTime
    }
}
