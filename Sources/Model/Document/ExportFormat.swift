/// The formats a reply can be exported in as a file: the text formats `DocumentFormat` renders,
/// the Word document (`docx`, Office Open XML) and its PDF (made by LibreOffice, `PDFConverter`).
public enum ExportFormat: String, FileFormat, Sendable {
    case text, markdown, html, docx, pdf

    /// `txt`, `md`, `html`, `docx`, `pdf`, and the longer spellings of the first three.
    public var fileExtensions: [String] {
        switch self {
        case .text: return ["txt", "text"]
        case .markdown: return ["md", "markdown"]
        case .html: return ["html", "htm"]
        case .docx: return ["docx"]
        case .pdf: return ["pdf"]
        }
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
