import Foundation
import ZIPFoundation

/// A `.docx` file opened as the zip package it is (ECMA-376 Part 2, Open Packaging Conventions),
/// read with ZIPFoundation within limits: a file crafted to unpack to gigabytes (a zip bomb) or to
/// hold a million entries is refused before it costs more than `maximumUnpacked` bytes of memory.
/// The document part is found as the package's relationships name it (`word/document.xml` in
/// every package Word, WPS or LibreOffice writes).
struct WordPackage {
    /// The most a package may unpack to, all parts read together: a reply with its styles and
    /// numbering is some hundreds of KiB, a long report with its images some tens of MiB.
    static let maximumUnpacked = 64 << 20
    /// The most entries a package may hold: a document with many images has some hundreds.
    static let maximumEntries = 10_000

    private let archive: Archive
    /// What may still be unpacked, in bytes.
    private var budget = maximumUnpacked

    /// The package in `bytes`.
    /// - Throws: `WordText.Failure.notZip` when the bytes are no zip archive, `.truncated` when
    ///   they begin as one but its directory at the end is missing, `.tooManyEntries`.
    init(bytes: [UInt8]) throws(WordText.Failure) {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) ? .truncated : .notZip
        }
        var count = 0
        for _ in archive {
            count += 1
            if count > Self.maximumEntries { throw .tooManyEntries(Self.maximumEntries) }
        }
    }

    /// The bytes of the part at `path` (no leading `/`); nil when the package has no such part.
    /// - Throws: `WordText.Failure.tooLarge` when the part would take the package over
    ///   `maximumUnpacked` (counted as it unpacks, not as the zip claims), `.damaged` when the
    ///   zip library cannot unpack it or its checksum is wrong.
    mutating func part(_ path: String) throws(WordText.Failure) -> Data? {
        guard let entry = archive[path], entry.type == .file else { return nil }
        guard entry.uncompressedSize <= UInt64(budget) else { throw .tooLarge(Self.maximumUnpacked) }
        var data = Data()
        var over = false
        let limit = budget
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= limit else {
                    over = true
                    throw CocoaError(.fileReadTooLarge)
                }
                data.append(chunk)
            }
        } catch {
            throw over ? .tooLarge(Self.maximumUnpacked) : .damaged(part: path)
        }
        guard checksum == entry.checksum else { throw .damaged(part: path) }
        budget -= data.count
        return data
    }

    /// One relationship of a part: its ID (`rId1`), its type's last path component (`styles`,
    /// `officeDocument`, `worksheet`) and its target as a part path.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The targets of the relationships of type `type` (its last path component: `styles`,
    /// `officeDocument`) of the part `source` (`""` for the package), as part paths.
    /// - Throws: as `part(_:)` and `WordXML` do.
    mutating func related(to source: String, type: String) throws(WordText.Failure) -> [String] {
        try relationships(of: source).filter { $0.type == type }.map(\.target)
    }

    /// The internal relationships of the part `source` (`""` for the package), in file order.
    /// - Throws: as `part(_:)` and `WordXML` do.
    mutating func relationships(of source: String) throws(WordText.Failure) -> [Relationship] {
        let directory = source.split(separator: "/").dropLast().joined(separator: "/")
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        let relationshipsPath = (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
        guard let data = try part(relationshipsPath) else { return [] }
        var found: [Relationship] = []
        try WordXML.read(data, part: relationshipsPath, namespaces: WordXML.relationships) { event in
            guard case .start("Relationship", let attributes) = event, attributes["TargetMode"] != "External", let target = attributes["Target"],
                  let type = attributes["Type"]?.split(separator: "/").last.map(String.init) else { return }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : (directory.isEmpty ? "" : directory + "/") + target
            found.append(Relationship(id: attributes["Id"] ?? "", type: type, target: path))
        }
        return found
    }
}
