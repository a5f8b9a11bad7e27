/// Turns a document's blocks into one file format.
public protocol DocumentRenderer: Sendable {
    func render(_ blocks: [DocumentBlock]) -> String
}

/// The formats a reply can be exported in.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case text, markdown, html

    public var renderer: any DocumentRenderer {
        switch self {
        case .text: return TextRenderer()
        case .markdown: return MarkdownRenderer()
        case .html: return HTMLRenderer()
        }
    }
}
