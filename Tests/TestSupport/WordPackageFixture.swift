import Foundation
import ZIPFoundation

/// Word packages assembled part by part for tests of the `.docx` import: what no word processor
/// writes on purpose (a zip bomb, a broken part) and the markup a test needs in one place.
public enum WordPackageFixture {
    /// The WordprocessingML namespace declarations a part's root element needs.
    public static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#
        + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    /// A zip archive of `parts` (path, bytes), deflated.
    public static func zip(_ parts: [(path: String, data: Data)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    /// The parts of a package whose body is `body` (WordprocessingML inside `<w:body>`), with
    /// `styles` and `numbering` parts (their root elements' content) when given, and `extra`
    /// parts besides (a footer, say).
    public static func parts(body: String, styles: String? = nil, numbering: String? = nil,
                             extra: [(path: String, xml: String)] = []) -> [(path: String, data: Data)] {
        var relationships = ""
        var parts: [(path: String, data: Data)] = []
        func add(_ path: String, _ xml: String) { parts.append((path, Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml).utf8))) }
        if let styles {
            relationships += #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            add("word/styles.xml", "<w:styles \(namespaces)>\(styles)</w:styles>")
        }
        if let numbering {
            relationships += #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#
            add("word/numbering.xml", "<w:numbering \(namespaces)>\(numbering)</w:numbering>")
        }
        for (path, xml) in extra { add(path, xml) }
        add("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#)
        add("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#)
        add("word/_rels/document.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + relationships + "</Relationships>")
        add("word/document.xml", "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>")
        return parts
    }

    /// A package whose body is `body` (see `parts`).
    public static func package(body: String, styles: String? = nil, numbering: String? = nil,
                               extra: [(path: String, xml: String)] = []) throws -> [UInt8] {
        try zip(parts(body: body, styles: styles, numbering: numbering, extra: extra))
    }

    /// The paragraphs `lines`, one plain run each.
    public static func paragraphs(_ lines: [String]) -> String {
        lines.map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
    }

    /// The first bytes of an OLE compound file, as a Word 97–2003 `.doc` starts, padded to a sector.
    public static let compoundFile: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
}
