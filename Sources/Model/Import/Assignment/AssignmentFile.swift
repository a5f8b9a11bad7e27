/// An assignment list as a file: one sheet of a workbook (`.xlsx`) or a CSV file, read as a
/// `CellTable`, with what a report says about where it came from.
public struct AssignmentFile: Sendable {
    /// The file's name without its directory: what the journal entry of a case imported from it names.
    public var name: String
    public var table: CellTable
    /// The workbook's sheets; empty for a CSV file.
    public var sheets: [String]
    /// The encoding a CSV file was read in; nil for a workbook.
    public var encoding: IncomingText.Encoding?

    /// The list in the file at `path`.
    /// - Throws: `AssignmentListError`: `.unreadable` (its message names the path), and as `init(bytes:…)`.
    public init(path: String, sheet: String? = nil, encoding: IncomingText.Encoding? = nil) throws(AssignmentListError) {
        let bytes: [UInt8]
        do {
            bytes = try IncomingText.bytes(of: path)
        } catch {
            throw .unreadable(error.description)
        }
        try self.init(bytes: bytes, name: String(path.split(separator: "/").last ?? Substring(path)), sheet: sheet, encoding: encoding)
    }

    /// The list in `bytes`, from a file called `name`: a workbook by its first bytes (a zip archive
    /// or an OLE compound file: an old `.xls` is refused saying so), a CSV file by its name.
    /// `sheet` names a sheet or gives its place (`2`); without it the first sheet with a row is read.
    /// - Throws: `AssignmentListError`: `.unsupported` for neither, `.noSuchSheet`, `.empty`, and
    ///   as `XLSXWorkbook` and `CSVTable` do.
    public init(bytes: [UInt8], name: String, sheet: String? = nil, encoding: IncomingText.Encoding? = nil) throws(AssignmentListError) {
        self.name = name
        let lowercased = name.lowercased()
        let isPackage = (WordText.zipSignatures + [WordText.compoundFileSignature]).contains { bytes.starts(with: $0) }
        if isPackage || lowercased.hasSuffix(".xlsx") || lowercased.hasSuffix(".xls") {
            var workbook = try XLSXWorkbook(bytes: bytes)
            let names = workbook.sheetNames
            guard !names.isEmpty else { throw .empty }
            sheets = names
            self.encoding = nil
            if let sheet {
                let named = names.contains(sheet) ? sheet : Int(sheet).flatMap { (1...names.count).contains($0) ? names[$0 - 1] : nil }
                guard let named, let table = try workbook.table(sheet: named) else { throw .noSuchSheet(sheet, sheets: names) }
                self.table = table
            } else {
                var found: CellTable?
                for name in names {
                    if let table = try workbook.table(sheet: name), !table.rows.isEmpty { found = table; break }
                }
                guard let found else { throw .empty }
                table = found
            }
            guard !table.rows.isEmpty else { throw .empty }
        } else if lowercased.hasSuffix(".csv") || lowercased.hasSuffix(".txt") {
            let read = try CSVTable.table(bytes: bytes, encoding: encoding)
            table = read.table
            sheets = []
            self.encoding = read.encoding
        } else {
            throw .unsupported(name: name)
        }
    }

    /// Whether a file called `name` is read as an assignment list (`.xlsx`, `.xls` to refuse
    /// saying why, `.csv`) rather than as a published reply.
    public static func isAssignmentList(name: String) -> Bool {
        let lowercased = name.lowercased()
        return [".xlsx", ".xls", ".csv"].contains { lowercased.hasSuffix($0) }
    }

    /// Where a row comes from, as a journal entry and a report say it: the file's name, and the
    /// sheet's when the workbook has several (`名单.xlsx（二组）`).
    public var source: String { sheets.count > 1 ? "\(name)（\(table.sheet)）" : name }
}
