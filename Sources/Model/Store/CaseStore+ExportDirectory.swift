/// The directory a user last exported a reply to from the terminal UI, offered again next time.
/// Like recovery drafts and editing marks it is the user's own state, kept in the store's `.banli/`
/// under a name of its own per user (`.banli/export-directory.wangli`), so colleagues sharing a
/// store never overwrite each other's; it is one line, the absolute path.
extension CaseStore {
    /// `.banli/export-directory.wangli`.
    func exportDirectoryPath(user: String) -> String {
        metadataDirectory + "/export-directory." + CaseStore.fileNameToken(user)
    }

    /// The directory `user` last exported to, when it is remembered and still a directory; nil
    /// otherwise (never exported, the directory gone, the file unreadable or not a regular file).
    public func lastExportDirectory(user: String) -> String? {
        let path = exportDirectoryPath(user: user)
        guard FileKind(at: path) == .regular, let bytes = try? FileSystem.read(path, limit: .smallFile) else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        guard text.hasPrefix("/"), FileSystem.isDirectory(text) else { return nil }
        return text
    }

    /// Remembers `directory` (absolute) as the one `user` last exported to: written atomically, 0600.
    /// - Throws: `StoreError` when `.banli/` cannot be written (a read-only store, a link in its
    ///   place, a full disk).
    public func rememberExportDirectory(_ directory: String, user: String) throws(StoreError) {
        try makeOwnDirectory(metadataDirectory)
        try write(Array((directory + "\n").utf8), to: exportDirectoryPath(user: user), permissions: .ownerOnly)
    }
}
