extension CaseStore {
    /// Finds the case `text` names (see `CaseReference`): its full ID (`zx5-2-090`) or, when that is
    /// unambiguous, its number alone (`090`, `90`), as an IME types it (`０９０`, `ZX5-2-090`) or the
    /// shell completes it (`zx5-2-090.yaml`). Throws `notFound`, or `ambiguous` naming every case the
    /// number fits.
    public func resolve(_ text: String) throws(StoreError) -> CaseID {
        try resolve([text])[0]
    }

    /// Finds the case each of `texts` names, reading the directory at most once.
    public func resolve(_ texts: [String]) throws(StoreError) -> [CaseID] {
        var present: [CaseID]?
        return try texts.map { (typed: String) throws(StoreError) -> CaseID in
            let reference = CaseReference(typed)
            // The usual case, a full ID as banli prints it, costs one stat rather than a directory listing.
            if let exact = reference.exactID, FileSystem.exists(path(of: exact)) { return exact }
            if present == nil { present = try caseFileNames().compactMap { CaseID(String($0.dropLast(5))) } }
            let matches = reference.matches(among: present!)
            switch matches.count {
            case 1: return matches[0]
            case 0: throw StoreError.notFound(id: typed, store: directory)
            default:
                // `61` fits zx6-5-061 and rd7-5-061: the message names the number as they spell it.
                let numbers = Set(matches.map(\.number))
                throw StoreError.ambiguous(id: numbers.count == 1 ? numbers.first! : reference.text, matches: matches.map(\.description))
            }
        }
    }
}
