/// Which column of an assignment list each case field is taken from: the header found in the
/// table (one row, or two when a merged cell heads several columns, as `办理单位` over `主办` and
/// `会办`), and for each field the first of its names (`ColumnNames`) that heads a column not yet
/// taken, unless the user chose its column (`--column 标题=案由`, the import screen).
public struct ColumnMapping: Sendable, Equatable {
    /// Each column's name as the header gives it (the lower row's where there are two), column A first.
    public var headers: [String]
    /// The number of the header's first row: a heading above it may name the meeting.
    public var firstHeaderRow: Int
    /// The number of the header's last row: data rows come after it.
    public var lastHeaderRow: Int
    /// The column (0-based) each mapped field is taken from.
    public var columns: [CaseField: Int]

    /// How many rows from the top are searched for the header.
    public static let headerSearchRows = 10

    /// The mapping for `table`: the header is the first of its top rows in which at least two cells
    /// are names `names` knows (or columns `chosen` names); `chosen` gives a field its column by
    /// header name (`""`: no column).
    /// - Throws: `AssignmentListError.noHeader`, `.noSuchColumn` for a chosen name no column has.
    public init(table: CellTable, names: ColumnNames, chosen: [CaseField: String] = [:]) throws(AssignmentListError) {
        let chosenHeaders = Set(chosen.values.map(ColumnNames.normalized).filter { !$0.isEmpty })
        let isKnown: (String) -> Bool = { names.field(ofHeader: $0) != nil || chosenHeaders.contains(ColumnNames.normalized($0)) }
        let top = table.rows.prefix(Self.headerSearchRows)
        guard let at = top.firstIndex(where: { $0.cells.count(where: isKnown) >= 2 }) else { throw .noHeader(looked: top.count) }
        var headers = table.rows[at].cells
        firstHeaderRow = table.rows[at].number
        lastHeaderRow = firstHeaderRow
        let next = at + 1
        if next < table.rows.count, table.rows[next].number == lastHeaderRow + 1,
           let lower = Self.subheader(table.rows[next], under: table.rows[at], merges: table.merges) {
            headers = lower
            lastHeaderRow += 1
        }
        self.headers = headers
        var columns: [CaseField: Int] = [:]
        var taken = Set<Int>()
        for (field, name) in chosen {
            let key = ColumnNames.normalized(name)
            guard !key.isEmpty else { continue }
            guard let column = headers.firstIndex(where: { ColumnNames.normalized($0) == key }) else {
                throw .noSuchColumn(name, headers: headers.filter { !$0.isBlank })
            }
            columns[field] = column
            taken.insert(column)
        }
        for field in CaseField.allCases where chosen[field] == nil {
            for name in names.names[field] ?? [] {
                if let column = headers.indices.first(where: { !taken.contains($0) && ColumnNames.normalized(headers[$0]) == name }) {
                    columns[field] = column
                    taken.insert(column)
                    break
                }
            }
        }
        self.columns = columns
    }

    /// The lower row of a two-row header, combined with the upper: the lower row's name under a
    /// cell merged across columns, the upper row's elsewhere. Nil when `lower` is no such row —
    /// when the upper row has no merge across columns, or `lower` has text under a cell that is not
    /// part of one (a first data row).
    static func subheader(_ lower: CellTable.Row, under upper: CellTable.Row, merges: [CellRange]) -> [String]? {
        let spanning = merges.filter { $0.rows.lowerBound == upper.number && $0.rows.upperBound == upper.number && $0.columns.count > 1 }
        guard !spanning.isEmpty else { return nil }
        let width = max(lower.cells.count, upper.cells.count)
        var combined: [String] = []
        for column in 0..<width {
            let under = spanning.contains { $0.columns.contains(column) }
            let text = lower[column]
            // A cell merged down over both rows shows the upper text in the lower row too.
            if !under && !text.isBlank && text != upper[column] { return nil }
            combined.append(under && !text.isBlank ? text : upper[column])
        }
        return combined
    }

    /// Gives `field` the column `column` (nil: none), taking it from any field that had it.
    public func choosing(_ column: Int?, for field: CaseField) -> ColumnMapping {
        var changed = self
        if let column { changed.columns = changed.columns.filter { $0.value != column } }
        changed.columns[field] = column
        return changed
    }

    /// The columns no field takes, by index, that have a name.
    public var unused: [Int] {
        let taken = Set(columns.values)
        return headers.indices.filter { !taken.contains($0) && !headers[$0].isBlank }
    }

    /// A column as the mapping names it: `案由（B列）`.
    public func name(ofColumn column: Int) -> String {
        "\(TypedText.trimmed(headers[column]))（\(CellRange.letters(ofColumn: column))列）"
    }

    /// The mapping as lines: each field that has a column (`标题 ← 案由（B列）`), then the
    /// columns not taken (`未用的列：序号（A列）、备注（K列）`).
    public var lines: [String] {
        var lines = CaseField.allCases.compactMap { field in columns[field].map { "\(field.label) ← \(name(ofColumn: $0))" } }
        if !unused.isEmpty { lines.append("未用的列：" + unused.map(name(ofColumn:)).joined(separator: "、")) }
        return lines
    }
}
