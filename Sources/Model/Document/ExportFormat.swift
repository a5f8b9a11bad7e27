/// The formats a reply can be exported in as a file: the text formats `DocumentFormat` renders,
/// the Word document (`docx`, Office Open XML) and its PDF (made by LibreOffice, `PDFConverter`).
public enum ExportFormat: String, CaseIterable, Sendable {
    case text, markdown, html, docx, pdf

    /// The file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .html: return "html"
        case .docx: return "docx"
        case .pdf: return "pdf"
        }
    }

    /// The format a file name's extension names (`.docx`, `.PDF`, `.htm`, `.markdown` …); nil for
    /// a name without one of them.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        let also: [String: ExportFormat] = ["htm": .html, "markdown": .markdown, "text": .text]
        guard let format = Self.allCases.first(where: { $0.fileExtension == ext }) ?? also[ext] else { return nil }
        self = format
    }

    /// Why a file of this format would not be named `fileName`: its extension names another
    /// format (a Word document named `答复.pdf` that WPS and Windows would open as a PDF); nil
    /// when it does not.
    public func mismatch(with fileName: String) -> String? {
        guard let named = ExportFormat(fileName: fileName), named != self else { return nil }
        return "文件名的扩展名 .\(named.fileExtension) 是\(named.name)，与所选格式\(name)不符"
    }

    /// The format as a clerk names it: 文本, Markdown, 网页, Word, PDF.
    public var name: String {
        switch self {
        case .text: return "文本"
        case .markdown: return "Markdown"
        case .html: return "网页"
        case .docx: return "Word"
        case .pdf: return "PDF"
        }
    }

    /// The text format this is, nil for one whose file is not text.
    public var textFormat: DocumentFormat? {
        switch self {
        case .text: return .text
        case .markdown: return .markdown
        case .html: return .html
        case .docx, .pdf: return nil
        }
    }
}
