/// Gathers one worksheet part's events (`WordXML`) into rows of cell text, as the spreadsheet shows
/// them: a shared or inline string as it is, a number in a date style as `YYYY-MM-DD`
/// (`SpreadsheetDate`), in a `000` style padded, otherwise as Excel's General format shows it; a
/// boolean as `TRUE`/`FALSE`. Stops taking events at the first thing `CellTable` does not allow,
/// kept in `refusal`.
struct XLSXSheetReader {
    let sheet: String
    let sharedStrings: [String]
    let formats: XLSXNumberFormats
    let dateSystem: SpreadsheetDate.System

    private(set) var rows: [CellTable.Row] = []
    private(set) var merges: [CellRange] = []
    /// Why the sheet cannot be taken; nil while it can.
    private(set) var refusal: AssignmentListError?

    private var row: CellTable.Row?
    private var cell: (column: Int, type: String, style: Int?)?
    private var value = ""
    private var mergedArea = 0
    /// The most cells a sheet's merged ranges may cover together: a column merged down a long list.
    static let maximumMergedArea = 4_000_000

    init(sheet: String, sharedStrings: [String], formats: XLSXNumberFormats, dateSystem: SpreadsheetDate.System) {
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.dateSystem = dateSystem
    }

    mutating func take(_ event: WordXML.Event) {
        guard refusal == nil else { return }
        switch event {
        case .start("row", let attributes):
            let number = attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            row = CellTable.Row(number: number, cells: [])
        case .start("c", let attributes):
            let column = attributes["r"].flatMap { CellRange.cell($0)?.column } ?? (row?.cells.count ?? 0)
            guard column < CellTable.maximumColumns else {
                refusal = .tooMany("工作表“\(sheet)”的列数超过 \(CellTable.maximumColumns)")
                return
            }
            cell = (column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init))
            value = ""
        case .text(let text) where cell != nil:
            value += text
            if value.count > CellTable.maximumCellLength { refuseLength() }
        case .end("c"):
            guard let cell, var row else { return }
            let text = shown(value, type: cell.type, style: cell.style)
            if text.count > CellTable.maximumCellLength { refuseLength(); return }
            if let control = IncomingText.firstControlCharacter(in: text) {
                refusal = .controlCharacter(cell: place(column: cell.column), scalar: IncomingText.name(of: control.scalar))
                return
            }
            if row.cells.count <= cell.column { row.cells += Array(repeating: "", count: cell.column + 1 - row.cells.count) }
            row.cells[cell.column] = text
            self.row = row
            self.cell = nil
        case .end("row"):
            guard let row else { return }
            self.row = nil
            guard row.cells.contains(where: { !$0.isBlank }) else { return }
            guard rows.count < CellTable.maximumRows else {
                refusal = .tooMany("工作表“\(sheet)”的行数超过 \(CellTable.maximumRows)")
                return
            }
            rows.append(row)
        case .start("mergeCell", let attributes):
            guard let range = attributes["ref"].flatMap(CellRange.init), range.columns.upperBound < CellTable.maximumColumns else { return }
            // Filling merged cells costs their area: a sheet merging millions of cells is refused.
            mergedArea += min(range.rows.count, CellTable.maximumRows) * range.columns.count
            guard mergedArea <= Self.maximumMergedArea else {
                refusal = .tooMany("工作表“\(sheet)”合并的单元格超过 \(Self.maximumMergedArea) 个")
                return
            }
            merges.append(range)
        default: break
        }
    }

    private mutating func refuseLength() {
        refusal = .tooMany("单元格 \(place(column: cell?.column ?? 0)) 超过 \(CellTable.maximumCellLength) 字")
    }

    /// `Sheet1!B7`: where a cell is, as a spreadsheet's name box says it.
    private func place(column: Int) -> String {
        "\(sheet)!\(CellRange.letters(ofColumn: column))\(row?.number ?? 0)"
    }

    /// The text a cell shows, from its value, type (`t`) and style (`s`).
    private func shown(_ value: String, type: String, style: Int?) -> String {
        switch type {
        case "s": return Int(value).flatMap { $0 >= 0 && $0 < sharedStrings.count ? sharedStrings[$0] : nil }.map(Self.unescaped) ?? ""
        case "inlineStr", "str": return Self.unescaped(value)
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "d": return String(value.prefix(10))
        case "e": return value
        default: break
        }
        guard let number = Double(value) else { return value }
        switch formats.shown(style: style) {
        case .date:
            return (try? SpreadsheetDate.date(serial: number, system: dateSystem))?.description ?? value
        case .zeroPadded(let digits) where number == number.rounded() && abs(number) < 1e15:
            let text = String(Int(number))
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        default:
            return SpreadsheetDate.text(of: number)
        }
    }

    /// A string with its `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19: how a workbook writes a
    /// character XML cannot hold) read; a carriage return, Excel's half of a line break, dropped.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = "", rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                if scalar != "\r" { out.unicodeScalars.append(scalar) }
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
