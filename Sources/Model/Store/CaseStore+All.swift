extension CaseStore {
    /// Every case in full, in ID order, for statistics, the ledger and the due list, with a problem
    /// for each file that could not be read; the other cases still load.
    public func loadAll() throws(StoreError) -> (cases: [Case], problems: [DataFileError]) {
        let listing = try list()
        var cases: [Case] = [], problems = listing.problems
        for result in readAll(listing.summaries.map(\.id.fileName), keeping: { $0 }) {
            switch result {
            case .success(let c): cases.append(c)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (cases, problems)
    }
}
