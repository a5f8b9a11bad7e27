/// A table of text cells read from one sheet of a workbook or from a CSV file: its rows as the
/// spreadsheet numbers them (1-based; empty rows left out), each cell's text as the spreadsheet
/// shows it (a date cell as `YYYY-MM-DD`), merged cells filled with the text of their top-left cell.
public struct CellTable: Sendable, Equatable {
    /// One row: its number as the spreadsheet shows it and its cells, column A first.
    public struct Row: Sendable, Equatable {
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        /// The cell in `column` (0-based), empty beyond the row's last cell.
        public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
    }

    /// The sheet's name; empty for a CSV file.
    public var sheet: String
    public var rows: [Row]
    /// The merged ranges (`A1:C1`), already filled in `rows`; they tell a two-row header.
    public var merges: [CellRange]

    public init(sheet: String, rows: [Row], merges: [CellRange] = []) {
        self.sheet = sheet
        self.rows = rows
        self.merges = merges
    }

    /// The most rows a table may hold: a year's assignment list is some hundreds to a few thousand
    /// cases, so a file claiming more is no such list (and would cost minutes and memory).
    public static let maximumRows = 100_000
    /// The most columns: an assignment list has some twenty.
    public static let maximumColumns = 256
    /// The most characters in one cell: a proposal's full text is a few thousand.
    public static let maximumCellLength = 100_000

    /// The rows with every merged range filled with its top-left cell's text.
    static func filling(_ rows: [Row], merges: [CellRange]) -> [Row] {
        guard !merges.isEmpty else { return rows }
        var rows = rows
        let index = Dictionary(rows.indices.map { (rows[$0].number, $0) }, uniquingKeysWith: { first, _ in first })
        for merge in merges {
            guard let top = index[merge.rows.lowerBound] else { continue }
            let text = rows[top][merge.columns.lowerBound]
            for number in merge.rows {
                guard let at = index[number] else { continue }
                for column in merge.columns {
                    if rows[at].cells.count <= column { rows[at].cells += Array(repeating: "", count: column + 1 - rows[at].cells.count) }
                    rows[at].cells[column] = text
                }
            }
        }
        return rows
    }
}
