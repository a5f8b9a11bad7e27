extension Case {
    /// The numbers (`第104号`) of the cases merged into this one （并案） that `opening` does not name,
    /// in the carrier's order; empty for a case carrying none, or for an empty opening (the
    /// template's opening names them through `{merged_numbers}`). An opening the clerk wrote is not
    /// reworded when cases are merged in (`CaseHandling.merge`), so it is for the clerk to name them.
    public func mergedNumbers(notIn opening: String) -> [String] {
        guard !mergedCases.isEmpty, !opening.isBlank else { return [] }
        return mergedCases.map { CaseID.bareNumber($0.printedNumber) + "号" }
            .filter { !opening.contains($0) }
            .map { "第" + $0 }
    }

    /// What the reply form says while `opening` leaves out merged cases' numbers (the merge's own
    /// warning, `HandlingWarning.openingOmitsMergedNumbers`); nil when it names them all.
    public func mergedOpeningNotice(opening: String) -> String? {
        let missing = mergedNumbers(notIn: opening)
        return missing.isEmpty ? nil : HandlingWarning.openingOmitsMergedNumbers(missing).description
    }
}
