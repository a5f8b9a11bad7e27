extension StoreSync {
    /// Commits every changed file of the store that `.gitignore` does not leave out, with a
    /// message built from the journal entries each changed case gained (`SyncMessage`). Returns
    /// whether there was anything to commit.
    /// - Throws: `SyncError.git` when git fails.
    func commitChanges() throws(SyncError) -> Bool {
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
        for i in stride(from: 0, to: fields.count - 1, by: 2) {
            let (kind, name) = (fields[i], fields[i + 1])
            guard CaseFiles.isCaseFileName(name), !name.contains("/") else {
                message.otherFiles.append(name)
                continue
            }
            let id = String(name.dropLast(".yaml".count))
            if kind == "D" {
                message.changes.append(.init(id: id, newEntries: nil))
                continue
            }
            let before = head == nil || kind == "A" ? [] : journal(of: name, bytes: try show("HEAD:" + name))
            let now = journal(of: name, bytes: (try? FileSystem.read(store.directory + "/" + name, limit: store.caseFileLimit)) ?? [])
            message.changes.append(.init(id: id, newEntries: SyncMessage.newEntries(before: before, now: now)))
        }
        try repository.sync { () throws(GitError) in
            try git.check(["commit", "-q", "-m", message.text], environment: identity.environment)
        }
        return true
    }

    /// The journal of the case file `name` holding `bytes`; empty when it does not read (a
    /// malformed file is committed all the same, as the clerk left it).
    private func journal(of name: String, bytes: [UInt8]) -> [JournalEntry] {
        (try? store.decodeCase(named: name, bytes: bytes))?.journal ?? []
    }

    /// The bytes of `object` (`REV:PATH`); empty when git has none.
    private func show(_ object: String) throws(SyncError) -> [UInt8] {
        let output = try repository.sync { () throws(GitError) in try git.run(["show", object]) }
        return output.status == 0 ? output.standardOutput : []
    }
}
