/// A format a command or the export dialog writes a file in, known by the file name's extension:
/// the extension says the format when none is chosen, and may not name another one (a Word
/// document named `答复.pdf`, CSV named `台账.tsv`), which the program that opens it would misread.
public protocol FileFormat: CaseIterable, Equatable {
    /// The extensions naming the format, without the dot, in lower case, the usual one first.
    var fileExtensions: [String] { get }
    /// The format as a clerk names it (`Word`, `CSV`).
    var name: String { get }
}

extension FileFormat {
    /// The usual extension, without the dot.
    public var fileExtension: String { fileExtensions[0] }

    /// The format a file name's extension names, in any case (`.docx`, `.PDF`, `.htm`); nil for a
    /// name without one of them.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = format
    }

    /// Why a file of this format would not be named `fileName`: its extension names another
    /// format; nil when it does not.
    public func mismatch(with fileName: String) -> String? {
        guard let named = Self(fileName: fileName), named != self else { return nil }
        return "文件名的扩展名 .\(named.fileExtension) 是\(named.name)，与所选格式\(name)不符"
    }
}
