import Foundation

/// A Word document (`.docx`, Office Open XML, as Word, WPS and LibreOffice save it) read as the
/// lines of a published reply: one line per paragraph of the body (`WordBody`), a numbered
/// paragraph's numeral as Word shows it put before its text (`WordNumbering`), and for each line
/// what its paragraph says beyond the text (`LineStructure`): the outline level of a heading, from
/// the paragraph or its style (`WordStyles`), and a leading run set apart from the rest, where a
/// run-in heading ends. Headers and footers are not read: a page number `— 1 —` is the page's.
public struct WordText: Sendable {
    /// Why a file is not read as a Word document; each description is one line of Chinese, to
    /// follow the file's name.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Named or shaped as a Word file, but no zip archive.
        case notZip
        /// A zip archive cut short (its end, where a zip lists its files, missing): a download or
        /// copy that did not finish.
        case truncated
        /// A zip archive without a document part.
        case noDocument
        /// An OLE compound file: a Word 97–2003 `.doc` (or a WPS `.wps`).
        case legacy
        /// An OLE compound file holding an encrypted package: a `.docx` with a password to open.
        case encrypted
        /// More than `maximumUnpacked` bytes unpacked (a zip bomb).
        case tooLarge(Int)
        /// More than `maximumEntries` entries.
        case tooManyEntries(Int)
        /// More than `WordBody.maximumParagraphs` paragraphs.
        case tooManyParagraphs(Int)
        /// A part the zip library cannot unpack, or whose checksum is wrong.
        case damaged(part: String)
        /// A part that is not well-formed XML: the part, and where (`第3行第11列`, or `DTD`).
        case malformed(part: String, place: String)

        public var description: String {
            switch self {
            case .notZip: return "不是 Word 文档（.docx 应是 zip 压缩包），未导入"
            case .truncated: return "Word 文档已损坏：压缩包不完整（可能没有下载或复制完），未导入"
            case .noDocument: return "不是 Word 文档（压缩包中没有 word/document.xml），未导入"
            case .legacy: return "是旧版 Word（.doc）文件，请另存为 .docx 后再导入"
            case .encrypted: return "设有打开密码（已加密），请在 Word 中取消密码、另存为 .docx 后再导入"
            case .tooLarge(let bytes): return "解压后超过 \(bytes >> 20) MiB，不像一份答复，未导入"
            case .tooManyEntries(let count): return "压缩包中的文件超过 \(count) 个，不像一份答复，未导入"
            case .tooManyParagraphs(let count): return "段落超过 \(count) 个，不像一份答复，未导入"
            case .damaged(let part): return "Word 文档已损坏：\(part) 无法解压，未导入"
            case .malformed(let part, let place) where place == "DTD": return "Word 文档已损坏：\(part) 含有 DTD 声明（Word 文档不用），未导入"
            case .malformed(let part, let place): return "Word 文档已损坏：\(part) \(place)不是合格的 XML，未导入"
            }
        }
    }

    /// The lines, in reading order (a paragraph with line breaks gives several; an empty
    /// paragraph an empty line).
    public let lines: [String]
    /// What each of `lines` carries beyond its text.
    public let structure: [LineStructure]

    /// The first bytes of a zip archive's entry (`PK\3\4`) and of an empty one (`PK\5\6`).
    static let zipSignatures: [[UInt8]] = [[0x50, 0x4B, 0x03, 0x04], [0x50, 0x4B, 0x05, 0x06]]
    /// The first bytes of an OLE compound file (`.doc`, `.wps`, an encrypted `.docx`).
    static let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether the file `name` holding `bytes` is to be read as a Word document (and refused as
    /// one when it is not): a zip archive or an OLE compound file by its first bytes, or a name
    /// ending in `.docx` or `.doc`. No text file starts so (those bytes are control characters).
    public static func isWordFile(bytes: [UInt8], name: String) -> Bool {
        let lowercased = name.lowercased()
        return (zipSignatures + [compoundFileSignature]).contains { bytes.starts(with: $0) }
            || lowercased.hasSuffix(".docx") || lowercased.hasSuffix(".doc")
    }

    /// The document in `bytes`.
    /// - Throws: `Failure`: `.legacy` or `.encrypted` for an OLE compound file, `.notZip`,
    ///   `.noDocument`, `.tooManyEntries`, `.tooLarge` (a zip bomb) or `.tooManyParagraphs`,
    ///   `.damaged`, `.malformed` naming the part.
    public init(bytes: [UInt8]) throws(Failure) {
        if bytes.starts(with: Self.compoundFileSignature) {
            // An encrypted package is a stream of that name in the compound file (MS-OFFCRYPTO 2.3.4.4).
            let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw Data(bytes).range(of: Data(name)) == nil ? .legacy : .encrypted
        }
        guard Self.zipSignatures.contains(where: { bytes.starts(with: $0) }) else { throw .notZip }
        var package = try WordPackage(bytes: bytes)
        let documentPath = try package.related(to: "", type: "officeDocument").first ?? "word/document.xml"
        guard let document = try package.part(documentPath) else { throw .noDocument }
        let body = try WordBody(document, part: documentPath)
        var styles = WordStyles()
        if let path = try package.related(to: documentPath, type: "styles").first, let data = try package.part(path) {
            styles = try WordStyles(data, part: path)
        }
        var numbering = WordNumbering()
        if let path = try package.related(to: documentPath, type: "numbering").first, let data = try package.part(path) {
            numbering = try WordNumbering(data, part: path)
        }
        var lines: [String] = [], structure: [LineStructure] = []
        for paragraph in body.paragraphs {
            var reference = styles.numbering(ofStyle: paragraph.style) ?? WordNumbering.Reference(id: nil)
            if let own = paragraph.numbering {
                reference = WordNumbering.Reference(id: own.id ?? reference.id, level: own.level)
            }
            let numeral = numbering.numeral(reference)
            let level = (paragraph.outlineLevel ?? styles.outlineLevel(ofStyle: paragraph.style)).flatMap { (0...8).contains($0) ? $0 : nil }
            // A title broken over lines is one title (banli's export breaks it to balance the lines).
            let paragraphLines = styles.isTitle(paragraph.style) ? [Array(paragraph.lines.joined())] : paragraph.lines
            for (k, runs) in paragraphLines.enumerated() {
                let text = runs.map(\.text).joined()
                lines.append(k == 0 ? numeral + text : text)
                structure.append(k == 0 ? LineStructure(outlineLevel: level, leadingRun: Self.leadingRun(runs).map { numeral + $0 }) : LineStructure())
            }
        }
        self.lines = lines
        self.structure = structure
    }

    /// The text of the first runs of a line when they are set apart from the run after them — bold
    /// before plain, another font, a character style — as a run-in heading is; nil when the line
    /// is set in one face, or its face changes only to set a later word apart.
    static func leadingRun(_ runs: [WordBody.Run]) -> String? {
        func shown(_ run: WordBody.Run) -> Bool { !run.text.trimmingSpaces.isEmpty }
        guard let first = runs.first(where: shown), let end = runs.firstIndex(where: { shown($0) && $0.face != first.face }) else { return nil }
        let next = runs[end].face
        let setApart = first.face.font != next.font || (first.face.style != nil && first.face.style != next.style) || (first.face.bold && !next.bold)
        return setApart ? runs[..<end].map(\.text).joined() : nil
    }
}
