/// A version of a case that could not be saved because someone else changed the case meanwhile,
/// kept whole in `.banli/conflicts/` (never read as a case) for its author to merge by hand.
extension CaseStore {
    var conflictsDirectory: String { metadataDirectory + "/conflicts" }

    /// Writes `value`, begun from `base`, as `.banli/conflicts/zx5-2-090.wangli.20261129-103200.yaml`
    /// (with `-2`, `-3`… should that name be taken) and returns its path. The file is a case file
    /// with a comment line saying what it is, readable by this user only (0600), like a draft.
    @discardableResult
    public func saveConflictCopy(_ value: Case, base: Revision, user: String, time: String) throws(StoreError) -> String {
        try makeOwnDirectory(conflictsDirectory)
        let stamp = String(time.prefix(19).filter { $0 != "-" && $0 != ":" }.map { $0 == "T" ? "-" : $0 })
        let stem = conflictsDirectory + "/" + value.id.description + "." + CaseStore.fileNameToken(user) + "." + stamp
        let header = "# banli 冲突副本：\(user) 于 \(time) 保存时，案件文件已被他人修改；本副本基于版本 \(base)，核对合并后可删除\n"
        let bytes = Array((header + encoded(value)).utf8)
        // Under the store's lock, so that two copies made in the same second never take one name.
        return try FileSystem.withLock(lockPath) { () throws(StoreError) -> String in
            var path = stem + ".yaml", n = 1
            while FileSystem.exists(path) {
                n += 1
                path = stem + "-\(n).yaml"
            }
            try write(bytes, to: path, permissions: .ownerOnly)
            return path
        }
    }
}
