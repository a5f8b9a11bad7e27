extension CaseStore {
    /// `id` when no case in the store has it, else the first of `52-2`, `52-3`, … that is free (the
    /// number cut to leave room for the suffix): a reply imported twice, or two replies to cases of
    /// one number, each get a case of their own. The store is not locked between this and the save:
    /// a case created meanwhile under the same ID makes `create` refuse.
    /// - Throws: `StoreError.alreadyExists` (naming `id`'s file) when no suffix up to 999 is free.
    public func freeID(near id: CaseID) throws(StoreError) -> CaseID {
        var candidate = id
        for n in 1...999 {
            if n > 1 { candidate.number = String("\(id.number.prefix(13))-\(n)") }
            if !FileSystem.exists(path(of: candidate)) { return candidate }
        }
        throw StoreError.alreadyExists(path: path(of: id))
    }
}
