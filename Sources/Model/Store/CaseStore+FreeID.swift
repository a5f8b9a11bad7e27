extension CaseStore {
    /// How many `-n` suffixes `freeID(near:)` tries before giving up.
    static let freeIDAttempts = 999

    /// `c` as a new case in this store takes it: its ID made free with `freeID(near:)`, and when
    /// that changes the number (`053` taken → `053-2`) the number as printed kept in
    /// `Case.printedNumber` (bare, as it stands between 第 and 号), so that only the file's name
    /// changes and documents still print `第053号`. The one way every creation path that may meet a
    /// taken number picks the new case's ID (`banli new`, `import-reply` and its dry run, the
    /// terminal UI's import).
    /// - Throws: as `freeID(near:)`.
    public func placed(_ c: Case) throws(StoreError) -> Case {
        let free = try freeID(near: c.id)
        guard free.number != c.number else { return c }
        var placed = c
        placed.printedNumber = c.numberAsPrinted
        placed.number = free.number
        return placed
    }

    /// `id` when no case in the store has it, else the first of `52-2`, `52-3`, … that is free. Taken
    /// means a case that `id` would name as typed (`CaseReference`): `52` is taken by `052` too, and
    /// `b7` by `B7`, so a new case never makes an existing number ambiguous. The store is not locked
    /// between this and the save: a case created meanwhile under the same ID makes `create` refuse.
    /// - Throws: `StoreError.io` when the directory cannot be read; `.alreadyExists` (naming `id`'s
    ///   file) when `freeIDAttempts` suffixes are all taken (or too long for a number).
    public func freeID(near id: CaseID) throws(StoreError) -> CaseID {
        let present = try caseFileNames().compactMap { CaseID(String($0.dropLast(5))) }
            .filter { $0.kind == id.kind && $0.meeting == id.meeting }
        func isFree(_ candidate: CaseID) -> Bool {
            let reference = CaseReference(candidate.description)
            return CaseID.isValidNumber(candidate.number) && !present.contains(where: reference.names)
        }
        if isFree(id) { return id }
        for n in 2...Self.freeIDAttempts where isFree(id.numbered(n)) { return id.numbered(n) }
        throw StoreError.alreadyExists(path: path(of: id))
    }
}
