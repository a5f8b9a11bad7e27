import Glibc

/// Deleted cases （删除）: a case entered by mistake (`CaseHandling.checkDeletable`) leaves the store by
/// having its file moved — renamed, never unlinked — into `.banli/deleted/` as
/// `<ID>.<yyyyMMdd-HHmmss>.yaml` (`.2`, `.3`… before `.yaml` for a second deletion in the same second),
/// where `restore` (or `mv` by hand) brings it back. The move happens under the store's lock, which
/// every banli that deletes takes, so two deletions never pick the same name.
extension CaseStore {
    var deletedDirectory: String { metadataDirectory + "/deleted" }

    /// Moves the case file of `id`, still the version read as `revision`, into `.banli/deleted/`;
    /// `time` is the ISO time of the deletion (`Clock.timestamp()`), which names the file. Returns
    /// the path it now has.
    /// - Throws: `StoreError.conflict` when the file changed since it was read, `.notFound` when it is
    ///   gone, `.io` when the directory cannot be made or the file not moved.
    @discardableResult
    public func delete(_ id: CaseID, replacing revision: Revision, time: String) throws(StoreError) -> String {
        guard access == .readWrite else { throw StoreError.readOnly(path: directory) }
        let path = path(of: id)
        try makeOwnDirectory(deletedDirectory)
        return try FileSystem.withLock(lockPath) { () throws(StoreError) -> String in
            guard FileSystem.exists(path) else { throw StoreError.notFound(id: id.description, store: directory) }
            let current = try FileSystem.read(path, limit: caseFileLimit)
            guard Revision(of: current) == revision else { throw StoreError.conflict(path: path, changedFields: []) }
            let stamp = time.prefix(19).filter(\.isNumber)
            let base = "\(id).\(stamp.prefix(8))-\(stamp.dropFirst(8))"
            var n = 1, target = deletedDirectory + "/\(base).yaml"
            while FileKind(at: target) != nil {
                n += 1
                target = deletedDirectory + "/\(base).\(n).yaml"
            }
            guard rename(path, target) == 0 else { throw StoreError.io(path: path, operation: "移入 \(deletedDirectory)", errno: errno) }
            try FileSystem.syncDirectory(directory)
            return target
        }
    }

    /// The deleted versions of `id` kept in `.banli/deleted/`, oldest first.
    public func deletedVersions(of id: CaseID) -> [String] {
        let prefix = id.description + "."
        return FileSystem.entries(of: deletedDirectory).filter { $0.hasPrefix(prefix) && $0.hasSuffix(".yaml") }
            .sorted { Self.deletionOrder($0) < Self.deletionOrder($1) }
            .map { deletedDirectory + "/" + $0 }
    }

    /// The deleted case `text` names, as `resolve` finds a case in the store (`090` when only one
    /// deleted case has that number).
    /// - Throws: `StoreError.notDeleted`, `.ambiguous`.
    public func resolveDeleted(_ text: String) throws(StoreError) -> CaseID {
        let kept = Set(FileSystem.entries(of: deletedDirectory).compactMap { name in name.split(separator: ".").first.flatMap { CaseID(String($0)) } })
        let matches = CaseReference(text).matches(among: kept.sorted())
        switch matches.count {
        case 1: return matches[0]
        case 0: throw StoreError.notDeleted(id: text, directory: deletedDirectory)
        default: throw StoreError.ambiguous(id: text, matches: matches.map(\.description))
        }
    }

    /// A deleted file's time and its number within that second, from its name.
    private static func deletionOrder(_ name: String) -> (String, Int) {
        let parts = name.dropLast(5).split(separator: ".")
        return (parts.count > 1 ? String(parts[1]) : "", parts.count > 2 ? Int(parts[2]) ?? 1 : 1)
    }

    /// Moves the latest deleted version of `id` back into the store and reads it.
    /// - Throws: `StoreError.notDeleted` when none is kept, `.alreadyExists` when the store has a case
    ///   `id` again, `.io` when it cannot be moved, `.malformed` when it no longer reads.
    public func restore(_ id: CaseID) throws(StoreError) -> StoredCase {
        guard access == .readWrite else { throw StoreError.readOnly(path: directory) }
        guard let latest = deletedVersions(of: id).last else {
            throw StoreError.notDeleted(id: id.description, directory: deletedDirectory)
        }
        let path = path(of: id)
        try FileSystem.withLock(lockPath) { () throws(StoreError) in
            guard FileKind(at: path) == nil else { throw StoreError.alreadyExists(path: path) }
            guard rename(latest, path) == 0 else { throw StoreError.io(path: latest, operation: "移回案件库", errno: errno) }
            try FileSystem.syncDirectory(directory)
        }
        return try load(id)
    }
}
