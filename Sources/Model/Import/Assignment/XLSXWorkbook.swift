import Foundation

/// An Excel workbook (`.xlsx`, ECMA-376 SpreadsheetML) read as an assignment list: its sheets'
/// names, and one sheet at a time as a `CellTable`. The package is opened as a Word document's is
/// (`WordPackage`: ZIPFoundation within the same limits against zip bombs) and its XML parts read
/// with the same streaming parser (`WordXML`, Foundation's `XMLParser`).
public struct XLSXWorkbook {
    /// SpreadsheetML, transitional (what Excel, WPS and LibreOffice write) and strict.
    static let spreadsheetML: Set<String> = [
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ]

    /// The sheets' names, in the workbook's order (its tabs).
    public let sheetNames: [String]
    private let sheetParts: [String]
    private var package: WordPackage
    private let sharedStrings: [String]
    private let formats: XLSXNumberFormats
    private let dateSystem: SpreadsheetDate.System

    /// The workbook in `bytes`.
    /// - Throws: `AssignmentListError`: `.legacy` or `.encrypted` for an OLE compound file,
    ///   `.notWorkbook`, `.truncated`, `.tooLarge` (a zip bomb, too many entries), `.damaged`.
    public init(bytes: [UInt8]) throws(AssignmentListError) {
        if bytes.starts(with: WordText.compoundFileSignature) {
            // An encrypted package is a stream of that name in the compound file (MS-OFFCRYPTO 2.3.4.4).
            let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw Data(bytes).range(of: Data(name)) == nil ? .legacy : .encrypted
        }
        guard WordText.zipSignatures.contains(where: { bytes.starts(with: $0) }) else { throw .notWorkbook }
        do {
            var package = try WordPackage(bytes: bytes)
            let workbookPath = try package.related(to: "", type: "officeDocument").first ?? "xl/workbook.xml"
            guard let workbook = try package.part(workbookPath) else { throw AssignmentListError.notWorkbook }
            var sheets: [(name: String, id: String)] = []
            var date1904 = false
            try WordXML.read(workbook, part: workbookPath, namespaces: Self.spreadsheetML) { event in
                switch event {
                case .start("sheet", let attributes): sheets.append((attributes["name"] ?? "", attributes["id"] ?? ""))
                case .start("workbookPr", let attributes): date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
                default: break
                }
            }
            let relationships = try package.relationships(of: workbookPath)
            let targets = Dictionary(relationships.map { ($0.id, $0.target) }, uniquingKeysWith: { first, _ in first })
            let kept = sheets.filter { targets[$0.id] != nil }
            sheetNames = kept.map(\.name)
            sheetParts = kept.map { targets[$0.id]! }
            var strings: [String] = []
            if let path = relationships.first(where: { $0.type == "sharedStrings" })?.target, let data = try package.part(path) {
                strings = try Self.sharedStrings(data, part: path)
            }
            sharedStrings = strings
            var formats = XLSXNumberFormats()
            if let path = relationships.first(where: { $0.type == "styles" })?.target, let data = try package.part(path) {
                formats = try XLSXNumberFormats(data, part: path)
            }
            self.formats = formats
            self.package = package
            dateSystem = date1904 ? .from1904 : .from1900
        } catch let error as AssignmentListError {
            throw error
        } catch let error as WordText.Failure {
            throw Self.failure(error)
        } catch {
            throw .notWorkbook
        }
    }

    /// The sheet `name` as a table; nil when the workbook has no such sheet.
    /// - Throws: `AssignmentListError`: `.damaged`, `.tooLarge`, `.tooMany` (rows, columns or a
    ///   cell's length beyond `CellTable`'s limits).
    public mutating func table(sheet name: String) throws(AssignmentListError) -> CellTable? {
        guard let index = sheetNames.firstIndex(of: name) else { return nil }
        let path = sheetParts[index]
        do {
            guard let data = try package.part(path) else { throw AssignmentListError.damaged(part: path, why: "缺失") }
            var reader = XLSXSheetReader(sheet: name, sharedStrings: sharedStrings, formats: formats, dateSystem: dateSystem)
            try WordXML.read(data, part: path, namespaces: Self.spreadsheetML, textIn: ["v", "t"], skipping: ["rPh", "f"]) { event in
                reader.take(event)
            }
            if let refusal = reader.refusal { throw refusal }
            return CellTable(sheet: name, rows: CellTable.filling(reader.rows, merges: reader.merges), merges: reader.merges)
        } catch let error as AssignmentListError {
            throw error
        } catch let error as WordText.Failure {
            throw Self.failure(error)
        } catch {
            throw .damaged(part: path, why: "无法读取")
        }
    }

    /// The shared strings (`xl/sharedStrings.xml`): each `si`'s text runs joined, phonetic
    /// guides (`rPh`) left out.
    private static func sharedStrings(_ data: Data, part: String) throws(WordText.Failure) -> [String] {
        var strings: [String] = [], current = ""
        try WordXML.read(data, part: part, namespaces: spreadsheetML, textIn: ["t"], skipping: ["rPh"]) { event in
            switch event {
            case .start("si", _): current = ""
            case .text(let text): current += text
            case .end("si"): strings.append(current)
            default: break
            }
        }
        return strings
    }

    /// A package failure in a workbook's words.
    private static func failure(_ failure: WordText.Failure) -> AssignmentListError {
        switch failure {
        case .notZip, .noDocument: return .notWorkbook
        case .truncated: return .truncated
        case .legacy: return .legacy
        case .encrypted: return .encrypted
        case .tooLarge(let bytes): return .tooLarge("解压后超过 \(bytes >> 20) MiB")
        case .tooManyEntries(let count): return .tooLarge("压缩包中的文件超过 \(count) 个")
        case .tooManyParagraphs(let count): return .tooMany("段落超过 \(count) 个")
        case .damaged(let part): return .damaged(part: part, why: "无法解压")
        case .malformed(let part, let place) where place == "DTD": return .damaged(part: part, why: "含有 DTD 声明")
        case .malformed(let part, let place): return .damaged(part: part, why: "\(place)不是合格的 XML")
        }
    }
}
