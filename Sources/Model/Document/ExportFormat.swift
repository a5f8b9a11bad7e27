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
