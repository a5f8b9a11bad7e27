/// The text of an HTML page as lines, the way a browser shows it: each block element (`<p>`,
/// `<div>`, `<h1>`, `<li>`, table rows and cells …) and each `<br>` starts a new line, character
/// references are decoded, and what a browser does not show — `<script>`, `<style>`, `<head>`
/// (the `<title>` with it), comments — is left out. Government sites save replies as such pages;
/// FoundationXML cannot read them on Linux (its HTML option there is the XML parser in recovery
/// mode, which keeps scripts and loses `&nbsp;`), so this small reader does, tolerating unclosed
/// and misnested tags as browsers do.
public enum HTMLText {
    /// Elements whose start and end break the line.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ]
    /// Elements whose content is never shown.
    static let hidden: Set<String> = ["script", "style", "head", "noscript", "template", "iframe", "object", "svg"]

    /// Whether `text` looks like an HTML page rather than plain text: it starts (after spaces) with
    /// a doctype, a comment or one of the tags a page starts with.
    public static func looksLikeHTML(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace }.prefix(64).lowercased()
        return ["<!doctype html", "<html", "<!--", "<head", "<body", "<meta", "<div", "<p>", "<p "].contains { start.hasPrefix($0) }
    }

    /// The page's lines, each trimmed; empty lines left out.
    /// - Throws: as `numberedLines(of:)`.
    public static func lines(of html: String) throws(IncomingText.Failure) -> [String] {
        try numberedLines(of: html).map(\.text)
    }

    /// The page's lines, each trimmed, empty lines left out, each with the 1-based line of the
    /// page's source it starts on (what an import report names, so the user finds it in the file).
    /// - Throws: `IncomingText.Failure.controlCharacter` naming the source line when a character
    ///   reference stands for a control character (`&#27;`, ESC) or a bidi override (`&#x202E;`):
    ///   the rule for a plain-text file's characters (`IncomingText`), which a reference must not
    ///   get round. A tab or line break so written is a space, as in the page's source.
    public static func numberedLines(of html: String) throws(IncomingText.Failure) -> [(number: Int, text: String)] {
        var lines: [(number: Int, text: String)] = [], line = "", hiddenDepth: [String] = []
        // The source line being read, and the one the shown line's first visible character is on.
        var sourceLine = 1, lineStart: Int?
        var i = html.startIndex
        func breakLine() {
            let trimmed = line.trimmingSpaces
            if !trimmed.isEmpty { lines.append((lineStart ?? sourceLine, trimmed)) }
            line = ""
            lineStart = nil
        }
        func shows(_ scalar: Unicode.Scalar) {
            if lineStart == nil && !TypedText.isSpace(scalar) { lineStart = sourceLine }
        }
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let tag = Tag(in: html, at: i) {
                sourceLine += html[i..<tag.end].count(where: \.isNewline)
                i = tag.end
                if let open = hiddenDepth.last {
                    // Inside a hidden element only its own end tag (or, for <head>, <body>) counts.
                    if tag.isEnd && tag.name == open { hiddenDepth.removeLast() }
                    if open == "head" && tag.name == "body" { hiddenDepth.removeLast() }
                    continue
                }
                if hidden.contains(tag.name) && !tag.isEnd && !tag.selfClosing { hiddenDepth.append(tag.name); continue }
                if blocks.contains(tag.name) { breakLine() }
                continue
            }
            i = html.index(after: i)
            if c.isNewline { sourceLine += 1 }
            guard hiddenDepth.isEmpty else { continue }
            if c == "&" {
                let start = html.index(before: i)
                let (text, next) = HTMLEntity.decode(in: html, at: start)
                for scalar in text.unicodeScalars {
                    if scalar == "\t" || scalar == "\n" || scalar == "\r" {
                        line.append(" ")
                    } else if scalar.isControlCharacter || IncomingText.isBidiOverride(scalar) {
                        throw .controlCharacter(line: sourceLine, scalar: scalar)
                    } else {
                        shows(scalar)
                        line.unicodeScalars.append(scalar)
                    }
                }
                i = next
            } else {
                // Source line breaks and tabs are spaces, as a browser lays text out.
                if let scalar = c.unicodeScalars.first { shows(scalar) }
                line.append(c.isNewline || c == "\t" ? " " : c)
            }
        }
        breakLine()
        return lines
    }

    /// One tag: its lowercased name, whether it ends an element, and where the source continues.
    struct Tag {
        var name: String
        var isEnd: Bool
        var selfClosing: Bool
        var end: String.Index

        /// The tag starting with the `<` at `start`; nil when the `<` starts no tag (`a < b`). A
        /// comment or a doctype reads as a tag named `!`.
        init?(in html: String, at start: String.Index) {
            var i = html.index(after: start)
            guard i < html.endIndex else { return nil }
            if html[i...].hasPrefix("!--") {
                let close = html[i...].range(of: "-->")?.upperBound ?? html.endIndex
                self.init(name: "!", isEnd: false, selfClosing: true, end: close)
                return
            }
            let isEnd = html[i] == "/"
            if isEnd { i = html.index(after: i) }
            guard i < html.endIndex, html[i].isLetter || html[i] == "!" || html[i] == "?" else { return nil }
            let nameEnd = html[i...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "!" || $0 == "?" || $0 == "-") } ?? html.endIndex
            let name = html[i..<nameEnd].lowercased()
            // The tag ends at the first '>' outside quoted attribute values.
            var quote: Character?, j = nameEnd
            while j < html.endIndex {
                let c = html[j]
                if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == ">" { break }
                j = html.index(after: j)
            }
            let selfClosing = j > nameEnd && html[html.index(before: j)] == "/"
            self.init(name: name.hasPrefix("!") ? "!" : name, isEnd: isEnd, selfClosing: selfClosing,
                      end: j < html.endIndex ? html.index(after: j) : j)
        }

        private init(name: String, isEnd: Bool, selfClosing: Bool, end: String.Index) {
            self.name = name
            self.isEnd = isEnd
            self.selfClosing = selfClosing
            self.end = end
        }
    }
}
