import Foundation

extension CaseStore {
    /// Removes the temporary files that banli processes killed in the middle of a write left behind
    /// (`.NAME.tmp-PID-RANDOM`, never taken for cases, but clutter). A file is removed only when its
    /// writer no longer runs on this machine and it is older than `age`: on a store shared between
    /// machines a writer elsewhere may have the same number, but no write lasts that long. Returns
    /// the paths removed.
    @discardableResult
    public func removeAbandonedTemporaryFiles(olderThan age: Duration = .seconds(600)) -> [String] {
        // Nothing is removed through a link that leads out of the store.
        guard firstOddOwnPlace() == nil else { return [] }
        let now = Int64(time(nil))
        var removed: [String] = []
        for directory in [directory, metadataDirectory, recoveryDirectory, editingDirectory, conflictsDirectory, undoDirectory] {
            for name in FileSystem.entries(of: directory, followingLink: directory == self.directory) {
                guard let pid = FileSystem.temporaryFileWriter(name), !LocalProcess(pid: pid).isRunning else { continue }
                let path = directory + "/" + name
                guard let stamp = FileSystem.stamp(path), now - stamp.modifiedNanoseconds / 1_000_000_000 >= age.components.seconds else { continue }
                if unlink(path) == 0 { removed.append(path) }
            }
        }
        return removed
    }
}
