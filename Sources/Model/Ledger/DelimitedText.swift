import Foundation

/// The two spreadsheet formats the ledger is written in.
public enum LedgerFormat: String, FileFormat, Sendable {
    /// RFC 4180: comma-separated, quoted where needed, CRLF line ends.
    case csv
    /// Tab-separated, one line per row.
    case tsv

    public var fileExtensions: [String] { self == .csv ? ["csv"] : ["tsv", "tab"] }
    public var name: String { rawValue.uppercased() }
}

/// Rows of cells as CSV or TSV. Cells come from case files, which come from outside, so a cell a
/// spreadsheet would run as a formula is made to read as text.
enum DelimitedText {
    static func render(_ rows: [[String]], as format: LedgerFormat) -> String {
        switch format {
        case .csv: return rows.map { $0.map { csvCell(defused($0)) }.joined(separator: ",") + "\r\n" }.joined()
        case .tsv: return rows.map { $0.map { tsvCell(defused($0)) }.joined(separator: "\t") + "\n" }.joined()
        }
    }

    /// A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some programs skip
    /// before looking) would be read as a formula; a leading `'` makes it text.
    static func defused(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// Quoted, with quotes doubled, when the cell holds a comma, a quote or a line break.
    private static func csvCell(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// TSV cannot quote, so tabs and line breaks become spaces.
    private static func tsvCell(_ cell: String) -> String {
        String(cell.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
