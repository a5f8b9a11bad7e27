extension CaseStore {
    /// What the store's directory looks like from outside: it changes whenever a case file is put in,
    /// replaced or taken out of the directory — every save here or by another process is an atomic
    /// rename, and `banli restore`, `delete` and a colleague's copy add or remove a file — so a
    /// session compares two marks with one `stat` to know whether to list the store again. A file
    /// edited in place (not by banli) keeps the mark; reading that case shows the change.
    public struct ChangeMark: Equatable, Sendable {
        fileprivate let stamp: FileSystem.Stamp?
    }

    /// The directory's mark now (an unreadable directory gives a mark of its own).
    public func changeMark() -> ChangeMark { ChangeMark(stamp: FileSystem.directoryStamp(directory)) }
}
