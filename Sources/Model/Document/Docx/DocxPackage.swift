import Foundation
import ZIPFoundation

/// A reply document as a Word file: the parts of an Office Open XML package (ECMA-376 Part 2,
/// Open Packaging Conventions) zipped with ZIPFoundation. Texts are escaped: case text is untrusted.
public struct DocxPackage: Sendable {
    /// Why the package could not be written; only the zip library failing in memory.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The part being added.
        public let part: String
        /// The zip library's words.
        public let reason: String

        public var description: String { "无法生成 Word 文件（\(part)）：\(reason)" }
    }

    /// The blocks, in order, as `ReplyDocument.blocks` (a draft's mark first) gives them.
    public let blocks: [DocumentBlock]
    /// The profile the document is laid out with.
    public let profile: OfficeProfile

    /// The package of `blocks` laid out with `profile`.
    public init(blocks: [DocumentBlock], profile: OfficeProfile) {
        self.blocks = blocks
        self.profile = profile
    }

    /// The relationship ids of the page-number footers, as `word/_rels/document.xml.rels` names
    /// them and the section refers to them.
    static let oddFooterID = "rIdFooterOdd", evenFooterID = "rIdFooterEven"

    /// The package's parts: path in the zip and XML text, `[Content_Types].xml` first as Word
    /// expects. Each part has its content type and its relationship (ECMA-376 Part 2).
    public var parts: [(path: String, xml: String)] {
        let styles = DocxStyles(fonts: profile.fonts, boldHeadings: profile.boldHeadings)
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
                ("docProps/core.xml", coreProperties), ("docProps/app.xml", appProperties),
                ("word/_rels/document.xml.rels", documentRelationships),
                ("word/document.xml", DocxBody(blocks: blocks, profile: profile).xml),
                ("word/styles.xml", styles.stylesXML), ("word/settings.xml", Self.settings),
                ("word/fontTable.xml", styles.fontTableXML),
                ("word/footer1.xml", Self.footer(odd: true)), ("word/footer2.xml", Self.footer(odd: false))]
    }

    /// The `.docx` file's bytes.
    /// - Throws: `Failure` naming the part when the zip library refuses.
    public func bytes() throws(Failure) -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw Failure(part: "zip", reason: "\(error)")
        }
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            do {
                // A fixed time, so that one document exports to the same bytes every time.
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Date(timeIntervalSince1970: 315_532_800),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw Failure(part: path, reason: "\(error)")
            }
        }
        return Array(archive.data ?? Data())
    }

    private static let declaration = WordML.declaration
    private static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    private var contentTypes: String {
        let overrides = [("/word/document.xml", Self.wordprocessing + "document.main+xml"),
                         ("/word/styles.xml", Self.wordprocessing + "styles+xml"),
                         ("/word/settings.xml", Self.wordprocessing + "settings+xml"),
                         ("/word/fontTable.xml", Self.wordprocessing + "fontTable+xml"),
                         ("/word/footer1.xml", Self.wordprocessing + "footer+xml"),
                         ("/word/footer2.xml", Self.wordprocessing + "footer+xml"),
                         ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                         ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
        return Self.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + overrides.map { #"<Override PartName="\#($0.0)" ContentType="\#($0.1)"/>"# }.joined() + "</Types>"
    }

    private static func relationships(_ list: [(id: String, type: String, target: String)]) -> String {
        declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + list.map { #"<Relationship Id="\#($0.id)" Type="\#($0.type)" Target="\#($0.target)"/>"# }.joined()
            + "</Relationships>"
    }

    private var packageRelationships: String {
        Self.relationships([
            ("rId1", Self.officeRelationships + "officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", Self.officeRelationships + "extended-properties", "docProps/app.xml"),
        ])
    }

    private var documentRelationships: String {
        Self.relationships([
            ("rIdStyles", Self.officeRelationships + "styles", "styles.xml"),
            ("rIdSettings", Self.officeRelationships + "settings", "settings.xml"),
            ("rIdFontTable", Self.officeRelationships + "fontTable", "fontTable.xml"),
            (Self.oddFooterID, Self.officeRelationships + "footer", "footer1.xml"),
            (Self.evenFooterID, Self.officeRelationships + "footer", "footer2.xml"),
        ])
    }

    /// The title (its lines joined) and language; no dates, so that the bytes stay the same.
    private var coreProperties: String {
        Self.declaration + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
            + "<dc:title>" + MarkupText.escaped(blocks.titleOnOneLine) + "</dc:title><dc:language>zh-CN</dc:language></cp:coreProperties>"
    }

    private var appProperties: String {
        Self.declaration + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>banli</Application></Properties>"#
    }

    /// Odd and even pages have footers of their own (`w:evenAndOddHeaders`, §17.15.1.35); East
    /// Asian line breaking and layout as Word writes them for a Chinese document (`w:compat`,
    /// `useFELayout`); punctuation not compressed, so that every character keeps its grid cell.
    private static let settings = declaration + "<w:settings " + WordML.namespaces + ">"
        + #"<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>"#
        + #"<w:characterSpacingControl w:val="doNotCompress"/>"#
        + "<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/>"
        + "<w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>"
        + #"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#
        + #"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>"#

    /// The page number (GB/T 9704-2012 7.5): `— N —`, 四号 宋体, odd pages flush right and even
    /// pages flush left, one 四号 character in.
    private static func footer(odd: Bool) -> String {
        var properties = WordML.Paragraph(style: "PageNumber", alignment: odd ? "right" : "left")
        let character = Int(DocxGeometry.pageNumberPoints * 20)
        if odd { properties.right = character } else { properties.left = character }
        return declaration + "<w:ftr " + WordML.namespaces + ">"
            + WordML.paragraph(properties, WordML.run("\u{2014} "), WordML.field("PAGE", placeholder: "1"), WordML.run(" \u{2014}"))
            + "</w:ftr>"
    }
}
