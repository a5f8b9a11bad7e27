import SwiftCSV

/// A CSV file read as a `CellTable`: decoded as `IncomingText` (UTF-8 with or without a byte-order
/// mark; a file that is not UTF-8 is read as GB18030, which is what Excel and WPS on Chinese
/// Windows save as "CSV"; or the encoding given), then split into cells by SwiftCSV, which keeps
/// quoted cells with commas and line breaks whole. The delimiter is SwiftCSV's guess among comma,
/// semicolon and tab.
public enum CSVTable {
    /// The table in `bytes`, and the encoding it was read in.
    /// - Throws: `AssignmentListError.notText` (not text, a control character: where),
    ///   `.tooMany` (rows, columns, a cell's length), `.empty`.
    public static func table(bytes: [UInt8], encoding: IncomingText.Encoding?) throws(AssignmentListError) -> (table: CellTable, encoding: IncomingText.Encoding) {
        let (text, used) = try decoded(bytes, encoding: encoding)
        let parsed: CSV<Enumerated>
        do {
            parsed = try CSV<Enumerated>(string: text, delimiter: CSVDelimiter.guessed(string: text), loadColumns: false,
                                         rowLimit: CellTable.maximumRows + 1)
        } catch {
            throw .notText("CSV 格式有误（\(error)）")
        }
        var rows: [CellTable.Row] = []
        for (offset, cells) in ([parsed.header] + parsed.rows).enumerated() where cells.contains(where: { !$0.isBlank }) {
            guard offset < CellTable.maximumRows else { throw .tooMany("行数超过 \(CellTable.maximumRows)") }
            guard cells.count <= CellTable.maximumColumns else { throw .tooMany("第\(offset + 1)行的列数超过 \(CellTable.maximumColumns)") }
            if let long = cells.firstIndex(where: { $0.count > CellTable.maximumCellLength }) {
                throw .tooMany("单元格 \(CellRange.letters(ofColumn: long))\(offset + 1) 超过 \(CellTable.maximumCellLength) 字")
            }
            rows.append(CellTable.Row(number: offset + 1, cells: cells))
        }
        guard !rows.isEmpty else { throw .empty }
        return (CellTable(sheet: "", rows: rows), used)
    }

    /// The text of `bytes` in `encoding`, or when none is given in UTF-8 if it is that, else GB18030.
    private static func decoded(_ bytes: [UInt8], encoding: IncomingText.Encoding?) throws(AssignmentListError) -> (String, IncomingText.Encoding) {
        do {
            if let encoding { return (try IncomingText(bytes: bytes, encoding: encoding).text, encoding) }
            do {
                return (try IncomingText(bytes: bytes, encoding: .utf8).text, .utf8)
            } catch .notText(encoding: .utf8, _, _) {
                return (try IncomingText(bytes: bytes, encoding: .gb18030).text, .gb18030)
            }
        } catch {
            if case .notText(.gb18030, let line, let byte) = error, encoding == nil {
                throw .notText("既不是 UTF-8 也不是 GB18030 文本：第\(line)行第\(byte)字节（可用 --encoding 指定）")
            }
            throw .notText(error.description)
        }
    }
}
