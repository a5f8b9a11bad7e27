import Model

/// A shared store's sync (`S`) and the title bar's state of it, both worked out on another thread
/// so that no key waits for git or the network.
extension AppRunner {
    /// Starts a sync in the background (`Effect.sync`); the app hears of its end in `followSync`.
    func startSync() -> EffectResult {
        guard let sharing, syncing == nil else { return .done }
        app.syncStarted()
        let progress = syncProgress
        syncing = BackgroundLoad { Result { () throws(SyncError) in try sharing.run(progress: progress.reach) } }
        return .done
    }

    /// Before each frame: gives the app a sync that ended and a sync state worked out, and starts
    /// working the state out again when the store changed since (a save, a sync). The cases a sync
    /// brought are read by `noticeStoreChanges`, as any change to the store's directory is: the
    /// index re-reads only the files whose stamps changed.
    func followSync() {
        guard let sharing else { return }
        if let step = syncProgress.take() { app.syncProgressed(step) }
        if let running = syncing, running.isFinished {
            syncing = nil
            app.syncFinished(running.value)
            statusMark = nil
        }
        if let reading = statusReading, reading.isFinished {
            statusReading = nil
            if let status = reading.value { app.syncStatusRead(status) }
        }
        let mark = workspace.store.changeMark()
        guard statusReading == nil, syncing == nil, statusMark != mark else { return }
        statusMark = mark
        statusReading = BackgroundLoad { try? sharing.status() }
    }
}
