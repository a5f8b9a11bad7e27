extension LocalDate {
    /// A date as people and spreadsheets write it in a list of cases: `2024-03-05`, `2024-3-5`,
    /// `2024/3/5`, `2024.3.5`, `2024年3月5日` (each perhaps followed by a time of day, as a CSV saved
    /// by Excel writes a date cell: `2024/3/5 0:00`), or a spreadsheet's serial number of days in the
    /// 1900 system (`45356`, what a date cell formatted as a number holds; `SpreadsheetDate`); read
    /// after `TypedText.normalized`.
    /// - Throws: `DateError` as `init(parsing:)` does: the shape, or the month or day that does not
    ///   exist; a serial that is no date is `.wrongShape`.
    public init(written text: String) throws(DateError) {
        let typed = TypedText.normalized(text)
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if typed.count <= 7, isDigits(Substring(typed)) {
            guard let serial = Double(typed), let date = try? SpreadsheetDate.date(serial: serial) else { throw .wrongShape }
            self = date
            return
        }
        var day = Substring(typed)
        if let space = day.firstIndex(of: " "), day[day.index(after: space)...].allSatisfy({ $0.isNumber || $0 == ":" }) { day = day[..<space] }
        if day.hasSuffix("日") { day = day.dropLast() }
        let parts = day.split(omittingEmptySubsequences: false, whereSeparator: { "-/.年月".contains($0) })
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy(isDigits), let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            try self.init(parsing: typed)
            return
        }
        guard y >= 1 else { throw .noSuchYear }
        guard (1...12).contains(m) else { throw .noSuchMonth(m) }
        guard let date = LocalDate(year: y, month: m, day: d) else { throw .noSuchDay(year: y, month: m, day: d) }
        self = date
    }
}
