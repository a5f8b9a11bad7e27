/// A rectangle of cells as a workbook names it (`A1:C2`): its rows (1-based, as the spreadsheet
/// numbers them) and its columns (0-based: A is 0).
public struct CellRange: Sendable, Hashable {
    public var rows: ClosedRange<Int>
    public var columns: ClosedRange<Int>

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows
        self.columns = columns
    }

    /// The range `A1:C2` (or a single cell `B3`); nil when it is neither.
    public init?(_ text: String) {
        let ends = text.split(separator: ":")
        guard (1...2).contains(ends.count), let first = Self.cell(ends[0]), let last = Self.cell(ends[ends.count - 1]),
              first.row <= last.row, first.column <= last.column else { return nil }
        self.init(rows: first.row...last.row, columns: first.column...last.column)
    }

    /// The row (1-based) and column (0-based) of a cell reference such as `AB12` (`$` signs allowed).
    static func cell<S: StringProtocol>(_ reference: S) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in reference.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 0x41...0x5A where digits == 0:
                column = column * 26 + Int(scalar.value - 0x40)
                letters += 1
            case 0x30...0x39 where letters > 0:
                row = row * 10 + Int(scalar.value - 0x30)
                digits += 1
            default: return nil
            }
            // XFD1048576 is the last cell of a sheet: anything longer is no reference.
            if letters > 3 || digits > 7 { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row, column - 1)
    }

    /// A column's letters as the spreadsheet heads it: 0 is `A`, 26 is `AA`.
    public static func letters(ofColumn column: Int) -> String {
        var n = column + 1, out = ""
        while n > 0 {
            let rest = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + rest))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
