/// Why an assignment list (`.xlsx`, `.csv`) cannot be imported at all: each description is one line
/// of Chinese saying what is wrong with the file, and nothing is written. A bad row is no such
/// error: it is reported with its row (`AssignmentRow`) and the other rows are imported.
public enum AssignmentListError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read (its message names the path).
    case unreadable(String)
    /// Neither `.xlsx` nor `.csv` by its name or first bytes.
    case unsupported(name: String)
    /// An `.xls` (Excel 97–2003) or other OLE compound file.
    case legacy
    /// An OLE compound file holding an encrypted package: a workbook with a password to open.
    case encrypted
    /// Named `.xlsx`, but no zip archive, or one without a workbook part.
    case notWorkbook
    /// A zip archive cut short.
    case truncated
    /// A part that cannot be unpacked or is not well-formed XML: the part and why.
    case damaged(part: String, why: String)
    /// More than the package may unpack to (a zip bomb), in MiB; or more entries than a workbook has.
    case tooLarge(String)
    /// `--sheet` names no sheet: what was asked and the sheets there are.
    case noSuchSheet(String, sheets: [String])
    /// No sheet holds a row.
    case empty
    /// More rows than `CellTable.maximumRows`, more columns, or a cell longer than allowed: what, and where.
    case tooMany(String)
    /// A cell holding a control character: where (`Sheet1!B7`) and which.
    case controlCharacter(cell: String, scalar: String)
    /// A CSV file that is not text in the encoding given or detected.
    case notText(String)
    /// No row among the first ones names at least two known columns.
    case noHeader(looked: Int)
    /// A column the mapping needs and the file lacks: the field and the file's headers.
    case missingColumn(CaseField, headers: [String], option: String)
    /// `--column`/`import: columns` names a column the header does not have.
    case noSuchColumn(String, headers: [String])
    /// `--column` names no field.
    case unknownField(String)

    public var description: String {
        switch self {
        case .unreadable(let message): return message
        case .unsupported(let name): return "\(name)：不是 .xlsx 或 .csv 文件（交办名单请另存为 Excel 工作簿 .xlsx 或 CSV）"
        case .legacy: return "是旧版 Excel（.xls）文件，请另存为 .xlsx 后再导入"
        case .encrypted: return "设有打开密码（已加密），请在 Excel/WPS 中取消密码、另存为 .xlsx 后再导入"
        case .notWorkbook: return "不是 Excel 工作簿（.xlsx 应是含有 xl/workbook.xml 的 zip 压缩包），未导入"
        case .truncated: return "Excel 工作簿已损坏：压缩包不完整（可能没有下载或复制完），未导入"
        case .damaged(let part, let why): return "Excel 工作簿已损坏：\(part) \(why)，未导入"
        case .tooLarge(let what): return "\(what)，不像一份交办名单，未导入"
        case .noSuchSheet(let name, let sheets): return "没有工作表“\(name)”（有：\(sheets.joined(separator: "、"))；也可写序号 1–\(sheets.count)）"
        case .empty: return "工作簿中没有一行内容，未导入"
        case .tooMany(let what): return "\(what)，不像一份交办名单，未导入"
        case .controlCharacter(let cell, let scalar): return "单元格 \(cell) 含有控制字符 \(scalar)，banli 不收入这样的文字（请删去后再试），未导入"
        case .notText(let why): return "\(why)，未导入"
        case .noHeader(let looked):
            return "前\(looked)行中找不到表头（一行中至少有“案号”“标题”等两个列名；可用 --column 标题=列名 指定），未导入"
        case .missingColumn(let field, let headers, let option):
            return "找不到“\(field.label)”列（表头：\(headers.joined(separator: "、"))；可用 \(option) 指定），未导入"
        case .noSuchColumn(let name, let headers): return "表头中没有“\(name)”列（表头：\(headers.joined(separator: "、"))），未导入"
        case .unknownField(let name):
            return "没有“\(name)”这一项（可选：\(CaseField.allCases.map(\.label).joined(separator: "、"))）"
        }
    }
}
