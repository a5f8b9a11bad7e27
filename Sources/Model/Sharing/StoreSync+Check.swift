extension StoreSync {
    /// Of the staged case files `names`, those that do not read as `banli check` reads them (the
    /// decoder, the name against the case's number), taken out of the index again (`git reset`): a
    /// colleague's merge driver could not read them, and every sync of a colleague who changed that
    /// case would stop. The files stay on disk as the clerk left them, to be corrected and synced.
    /// Returns those left out, and the cases the others hold by name (what the commit message is
    /// built from, so that no file is read twice).
    /// - Throws: `SyncError.git` when git fails.
    func leaveOutUnreadable(_ names: [String]) throws(SyncError) -> (unsent: [UnsentCaseFile], read: [String: Case]) {
        var unsent: [UnsentCaseFile] = [], read: [String: Case] = [:]
        for name in names {
            do {
                read[name] = try store.decodeCase(named: name, bytes: try store.caseFileBytes(named: name))
            } catch {
                unsent.append(UnsentCaseFile(name: name, error: error))
            }
        }
        if !unsent.isEmpty {
            try repository.sync { () throws(GitError) in try git.check(["reset", "-q", "--"] + unsent.map(\.name)) }
        }
        return (unsent, read)
    }
}

/// A changed case file `banli sync` left out of its commit because it does not read as a case
/// (`状态: [坏了`, an ID that does not match the file's name): never sent, kept on disk unchanged.
public struct UnsentCaseFile: Hashable, Sendable, CustomStringConvertible {
    /// The file's name in the store.
    public var name: String
    /// Why it does not read.
    public var error: DataFileError

    public init(name: String, error: DataFileError) {
        self.name = name
        self.error = error
    }

    /// `zx6-5-099.yaml 第12行：…；未同步此文件，改正后再同步`.
    public var description: String {
        let place = name + (error.line.map { " 第\($0)行" } ?? "")
        return place + "：" + UntrustedText.inert(error.message) + "；未同步此文件，改正后再同步"
    }
}
