import Foundation
import Model

/// The step a sync running on another thread last reached, read by the UI thread before each frame.
final class SyncProgress: @unchecked Sendable {
    // Safe to share: `step` is only touched under `lock`.
    private var step: StoreSync.Step?
    private let lock = NSLock()

    func reach(_ step: StoreSync.Step) { lock.withLock { self.step = step } }

    /// The step reached since the last look, if any.
    func take() -> StoreSync.Step? {
        lock.withLock {
            defer { step = nil }
            return step
        }
    }
}
