import Dispatch

/// A value computed on another thread, started early and waited for only when it is needed.
final class BackgroundLoad<Value: Sendable>: @unchecked Sendable {
    // Safe to share: `result` is written once, on the loading thread, before `finished` is left, and
    // read only after waiting for `finished`.
    private var result: Value?
    private let finished = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.finished.leave()
        }
    }

    var isFinished: Bool { finished.wait(timeout: .now()) == .success }

    /// The value, waiting for it if it is not computed yet.
    var value: Value {
        finished.wait()
        return result!
    }
}
