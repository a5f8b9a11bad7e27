import Foundation

/// What a workbook's styles (`xl/styles.xml`) say about how each cell style shows a number: as a
/// date (the only way a spreadsheet tells a date from a number, ECMA-376 Part 1, 18.8.30), with
/// leading zeros (`000`: a case number typed as 090 in a number cell), or as it is.
struct XLSXNumberFormats {
    /// How a style shows a number.
    enum Shown: Equatable {
        case number
        case date
        /// Padded with zeros to this many digits.
        case zeroPadded(Int)
    }

    /// By cell style index (`s` on a cell), from `cellXfs`.
    private(set) var styles: [Shown] = []

    /// Built-in formats that are dates: 14–22 (the dates and times every locale has; 18–21 are
    /// times, which no date column holds) and the East Asian ones Chinese Excel uses for
    /// `yyyy"年"m"月"d"日"` and its kin, 27–36 and 50–58.
    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(50...58)

    init() {}

    /// The styles in the part `part` holding `data`.
    /// - Throws: `WordText.Failure.malformed` for XML that is not well-formed.
    init(_ data: Data, part: String) throws(WordText.Failure) {
        var custom: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellFormats = false
        try WordXML.read(data, part: part, namespaces: XLSXWorkbook.spreadsheetML) { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
            case .start("cellXfs", _): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes) where inCellFormats:
                formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        styles = formatIDs.map { id in
            if let code = custom[id] { return Self.shown(code: code) }
            return Self.builtInDates.contains(id) ? .date : .number
        }
    }

    /// How style `index` shows a number; a cell without a style, or one beyond the list, as it is.
    func shown(style index: Int?) -> Shown {
        guard let index, index >= 0, index < styles.count else { return .number }
        return styles[index]
    }

    /// How a custom format code shows a number: a date when, outside quoted text, escapes and
    /// bracketed parts (colours, locales, conditions), it has a year or day (`y`, `d`), or a month
    /// (`m`) with no hour or second beside it (`m` is minutes in `h:mm` and `mm:ss`); padded when
    /// it is only zeros (`000`).
    static func shown(code: String) -> Shown {
        var plain = "", quoted = false, bracketed = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            default: if !quoted && !bracketed { plain.append(character) }
            }
        }
        let first = plain.split(separator: ";", omittingEmptySubsequences: false).first.map { $0.lowercased() } ?? ""
        if first.contains("y") || first.contains("d") || first.contains("m") && !first.contains("h") && !first.contains("s") {
            return .date
        }
        if !first.isEmpty, first.allSatisfy({ $0 == "0" }) { return .zeroPadded(first.count) }
        return .number
    }
}
