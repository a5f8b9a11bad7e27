import Foundation
import Glibc

extension StoreSync {
    /// Puts right what a sync killed half-way (a closed laptop, `kill -9`) left, before this one
    /// starts; git's own atomicity has kept the repository sound, but it refuses to go on:
    /// - a lock file of git's (`.git/index.lock`, a ref's `.lock`) whose git is gone: removed — only
    ///   when no git runs in this repository on this machine (this sync holds banli's lock, so no
    ///   other sync of banli's does);
    /// - a merge in progress (`MERGE_HEAD`): concluded when every path is merged, else taken back,
    ///   and merged again by this sync.
    /// - Throws: `SyncError.git` when git fails, `.store` when a lock file cannot be removed.
    func repairInterrupted() throws(SyncError) {
        let gitDirectory = store.directory + "/.git"
        if !Self.gitRuns(in: store.directory) {
            for lock in Self.lockFiles(in: gitDirectory) where unlink(lock) != 0 && errno != ENOENT {
                throw .store(.io(path: lock, operation: "删除残留的 git 锁文件", errno: errno))
            }
        }
        guard FileSystem.exists(gitDirectory + "/MERGE_HEAD") else { return }
        if try unmergedStages().isEmpty {
            try repository.sync { () throws(GitError) in try git.check(["commit", "-q", "--no-edit"], environment: identity.environment) }
        } else {
            try abortMerge()
        }
    }

    /// The lock files git leaves in `gitDirectory` when killed: at its top (`index.lock`,
    /// `HEAD.lock`, `config.lock`, `packed-refs.lock`…) and under `refs/`.
    static func lockFiles(in gitDirectory: String) -> [String] {
        var found = FileSystem.entries(of: gitDirectory).filter { $0.hasSuffix(".lock") }.map { gitDirectory + "/" + $0 }
        if let walk = FileManager.default.enumerator(atPath: gitDirectory + "/refs") {
            for case let name as String in walk where name.hasSuffix(".lock") { found.append(gitDirectory + "/refs/" + name) }
        }
        return found
    }

    /// Whether a git process (or one git started: `git-remote-http`, `ssh` is not counted) runs with
    /// its working directory in `directory`, as `/proc` shows this user's processes.
    static func gitRuns(in directory: String) -> Bool {
        guard let real = try? FileSystem.realPath(directory) else { return false }
        for entry in FileSystem.entries(of: "/proc") where entry.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard let comm = try? FileSystem.read("/proc/\(entry)/comm", limit: .smallFile),
                  String(decoding: comm, as: UTF8.self).hasPrefix("git"),
                  let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd") else { continue }
            if cwd == real || cwd.hasPrefix(real + "/") { return true }
        }
        return false
    }
}
