extension StoreSync {
    /// Commits every changed file of the store that `.gitignore` does not leave out, with a
    /// message built from the journal entries each changed case gained (`SyncMessage`). Returns
    /// whether there was anything to commit. A changed case file that does not read is left out
    /// (`leaveOutUnreadable`) and added to `unsent`, once.
    /// - Throws: `SyncError.git` when git fails.
    func commitChanges(unsent: inout [UnsentCaseFile]) throws(SyncError) -> Bool {
        try repository.sync { () throws(GitError) in try git.check(["add", "-A", "--", "."]) }
        let head = try revision("HEAD")
        // The empty tree: what a repository without a commit is compared with.
        let base = head ?? "4b825dc642cb6eb9a060e54bf8d69288fbee4904"
        let status = try repository.sync { () throws(GitError) in
            try git.run(["diff", "--cached", "--name-status", "-z", "--no-renames", base])
        }
        let fields = status.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count >= 2 else { return false }
        var message = SyncMessage(changes: [], otherFiles: [])
        var changed: [(id: String, name: String, kind: String)] = []
        for i in stride(from: 0, to: fields.count - 1, by: 2) {
            let (kind, name) = (fields[i], fields[i + 1])
            guard CaseFiles.isCaseFileName(name), !name.contains("/") else {
                message.otherFiles.append(name)
                continue
            }
            changed.append((String(name.dropLast(".yaml".count)), name, kind))
        }
        let (unreadable, read) = try leaveOutUnreadable(changed.filter { $0.kind != "D" }.map(\.name))
        let unsentNames = Set(unsent.map(\.name))
        unsent += unreadable.filter { !unsentNames.contains($0.name) }
        changed.removeAll { file in unreadable.contains { $0.name == file.name } }
        guard !changed.isEmpty || !message.otherFiles.isEmpty else { return false }
        // Every committed version read by one git process (`Git.objects`), paths from the repository's top.
        let modified = head == nil ? [] : changed.filter { $0.kind != "D" && $0.kind != "A" }
        let prefix = try repository.sync { () throws(GitError) in try git.check(["rev-parse", "--show-prefix"]) }
        let committed = try repository.sync { () throws(GitError) in try git.objects(modified.map { "HEAD:" + prefix + $0.name }) }
        let before = Dictionary(uniqueKeysWithValues: zip(modified.map(\.name), committed))
        for file in changed {
            guard file.kind != "D" else {
                message.changes.append(.init(id: file.id, newEntries: nil))
                continue
            }
            let earlier = journal(of: file.name, bytes: (before[file.name] ?? nil) ?? [])
            let now = read[file.name]?.journal ?? []
            message.changes.append(.init(id: file.id, newEntries: SyncMessage.newEntries(before: earlier, now: now)))
        }
        try repository.sync { () throws(GitError) in
            try git.check(["commit", "-q", "-m", message.text], environment: identity.environment)
        }
        return true
    }

    /// The journal of the case file `name` holding `bytes`; empty when it does not read (an
    /// earlier commit's version that no longer reads).
    private func journal(of name: String, bytes: [UInt8]) -> [JournalEntry] {
        (try? store.decodeCase(named: name, bytes: bytes))?.journal ?? []
    }
}
