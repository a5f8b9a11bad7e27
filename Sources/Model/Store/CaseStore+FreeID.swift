extension CaseStore {
    /// How many `-n` suffixes `freeID(near:)` tries before giving up.
    static let freeIDAttempts = 999

    /// The ID a new case with this kind, meeting and printed number (`第52号`, `B〔2017〕9号`) gets:
    /// the number `CaseID.number(derivedFrom:)` gives, made free with `freeID(near:)`. For every
    /// creation path that starts from a printed number (`banli new --number`, `import-reply`);
    /// the caller keeps `printedNumber` in `Case.printedNumber` when it differs from the ID's number.
    /// - Throws: as `freeID(near:)`.
    public func freeID(for kind: CaseKind, meeting: Meeting, printedNumber: String) throws(StoreError) -> CaseID {
        try freeID(near: CaseID(kind: kind, meeting: meeting, number: CaseID.number(derivedFrom: printedNumber)))
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
