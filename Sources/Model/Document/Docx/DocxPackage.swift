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

    /// The package's parts: path in the zip and XML text, `[Content_Types].xml` first as Word
    /// expects.
    public var parts: [(path: String, xml: String)] {
        [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
         ("word/_rels/document.xml.rels", documentRelationships), ("word/document.xml", document)]
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

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    private var contentTypes: String {
        Self.declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """
    }

    private var packageRelationships: String {
        Self.declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """
    }

    private var documentRelationships: String {
        Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>"#
    }

    private var document: String {
        let paragraphs = blocks.flatMap { block in block.items.flatMap { $0.split(separator: "\n") } }
            .map { "<w:p><w:r><w:t xml:space=\"preserve\">\(HTMLRenderer.escaped(String($0)))</w:t></w:r></w:p>" }
        return Self.declaration + """
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
        \(paragraphs.joined())\
        </w:body></w:document>
        """
    }
}
