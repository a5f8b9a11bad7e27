import Foundation

extension StoreSync {
    /// Merges `tracking` (the remote's branch as last fetched) into HEAD with banli's merge driver.
    /// A case one side deleted and the other changed is kept as changed (nothing lost); any other
    /// file git could not merge — one the driver refused — takes the whole merge back. Returns the
    /// case files kept against a deletion.
    /// - Throws: `SyncError.unsentInTheWay` when the remote changed a file of `unsent` (left out of
    ///   the commit, so git will not overwrite it), `.mergeRefused` naming the files left unmerged and
    ///   the driver's reasons (the merge is aborted, the local commit stays), `.git` when git fails otherwise.
    func merge(_ tracking: String, unsent: [UnsentCaseFile]) throws(SyncError) -> [String] {
        let arguments = ["merge", "-q", "--no-edit", "-m", "banli 同步：合并 \(tracking.split(separator: "/").suffix(2).joined(separator: "/"))", tracking]
        let output = try repository.sync { () throws(GitError) in try git.run(arguments, environment: identity.environment) }
        guard output.status != 0 else { return [] }
        let unmerged = try unmergedStages()
        guard !unmerged.isEmpty else {
            try abortMerge()
            // A case saved in the instant between the commit and the merge: the merge refused to overwrite it.
            if output.standardError.contains("would be overwritten by merge") {
                // A file left out of the commit because it does not read, which the remote changed.
                let inTheWay = unsent.map(\.name).filter { output.standardError.contains($0) }
                throw inTheWay.isEmpty ? .savedDuringSync : .unsentInTheWay(files: inTheWay)
            }
            throw .git(.failed(arguments: arguments, status: output.status, message: GitError.lastLine(of: output.standardError)))
        }
        // A path with no "ours" (2) or no "theirs" (3) stage was deleted on that side.
        let deletedOnOneSide = unmerged.filter { !$0.value.contains(2) || !$0.value.contains(3) }.map(\.key)
        let kept = deletedOnOneSide.filter { FileSystem.exists(store.directory + "/" + $0) }.sorted()
        let refused = unmerged.keys.filter { !kept.contains($0) }.sorted()
        guard refused.isEmpty else {
            try abortMerge()
            throw .mergeRefused(files: refused, reasons: Self.driverReasons(in: output.standardError))
        }
        try repository.sync { () throws(GitError) in
            try git.check(["add", "--"] + kept)
            try git.check(["commit", "-q", "--no-edit"], environment: identity.environment)
        }
        return kept
    }

    /// The lines banli's merge driver wrote when it refused a file (`banli merge-driver：PATH（对方）:12: 原因`),
    /// which git passes through on its standard error, without the prefix: what the clerk must correct.
    static func driverReasons(in standardError: String) -> [String] {
        let prefix = "banli merge-driver："
        return standardError.split(whereSeparator: \.isNewline).filter { $0.hasPrefix(prefix) }
            .map { $0.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
    }

    /// The unmerged paths of the index, each with the stages present (1 base, 2 ours, 3 theirs).
    func unmergedStages() throws(SyncError) -> [String: Set<Int>] {
        let output = try repository.sync { () throws(GitError) in try git.run(["ls-files", "-u", "-z"]) }
        var stages: [String: Set<Int>] = [:]
        // Each entry: `MODE OBJECT STAGE\tPATH`.
        for entry in output.standardOutput.split(separator: 0) {
            guard let tab = entry.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            let head = entry[..<tab].split(separator: UInt8(ascii: " "))
            guard head.count == 3, let stage = Int(String(decoding: head[2], as: UTF8.self)) else { continue }
            stages[String(decoding: entry[(tab + 1)...], as: UTF8.self), default: []].insert(stage)
        }
        return stages
    }

    /// Takes back a merge in progress, leaving this copy's files as they were before it.
    func abortMerge() throws(SyncError) {
        guard FileSystem.exists(store.directory + "/.git/MERGE_HEAD") else { return }
        try repository.sync { () throws(GitError) in try git.check(["merge", "--abort"]) }
    }
}
