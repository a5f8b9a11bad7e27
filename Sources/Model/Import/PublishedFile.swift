/// A published reply's file as lines of text: plain text or an HTML page saved from a government
/// site, in UTF-8 (a byte-order mark dropped) or GB18030 (GBK and GB2312 too: pages of Chinese
/// government sites and files saved by Chinese Windows often are), read through `IncomingText`;
/// or a Word document (`WordText`), whose lines carry its headings' levels as well.
public struct PublishedFile: Sendable {
    /// The lines, as the file or the page shows them (HTML laid out by `HTMLText`).
    public let lines: [String]
    /// The 1-based line of the file each of `lines` is on (for a page, the source line it starts
    /// on): what an import report names.
    public let lineNumbers: [Int]
    /// What each of `lines` carries beyond its text: a Word document's heading levels and run-in
    /// headings; nothing for text or a page.
    public let structure: [LineStructure]
    /// The encoding the file turned out to be in.
    let encoding: IncomingText.Encoding
    /// Whether it was read as an HTML page.
    let isHTML: Bool

    /// Reads `bytes` of the file named `name` (its extension `.html`/`.htm` says HTML, as does a
    /// text that starts as a page does). Tries UTF-8, then GB18030.
    /// - Throws: `IncomingText.Failure` — UTF-16/32 or binary (`.nonText`), a control character, or
    ///   bytes that are neither encoding (the UTF-8 failure, naming where it is).
    public init(bytes: [UInt8], name: String) throws(IncomingText.Failure) {
        let text: String
        do {
            text = try IncomingText(bytes: bytes).text
            encoding = .utf8
        } catch .notText(let utf8, let line, let byte) {
            guard let gb = try? IncomingText(bytes: bytes, encoding: .gb18030) else { throw .notText(encoding: utf8, line: line, byte: byte) }
            text = gb.text
            encoding = .gb18030
        }
        let lowercased = name.lowercased()
        isHTML = lowercased.hasSuffix(".html") || lowercased.hasSuffix(".htm") || HTMLText.looksLikeHTML(text)
        if isHTML {
            let numbered = try HTMLText.numberedLines(of: text)
            lines = numbered.map(\.text)
            lineNumbers = numbered.map(\.number)
        } else {
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lineNumbers = Array(lines.indices.map { $0 + 1 })
        }
        structure = Array(repeating: LineStructure(), count: lines.count)
    }

    /// The lines of a Word document, numbered in order as a text file saved from it would be.
    public init(_ word: WordText) {
        lines = word.lines
        lineNumbers = Array(lines.indices.map { $0 + 1 })
        structure = word.structure
        encoding = .utf8
        isHTML = false
    }
}
