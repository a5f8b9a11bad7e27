import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML part of a Word package read with Foundation's `XMLParser` (libxml2) as a stream of the
/// events its readers need: elements of the wanted namespaces by local name (whatever prefix the
/// producer chose, attribute names without theirs) and the text of chosen elements. The events are
/// handed over as they come, never gathered, so a part of many small elements costs memory in
/// proportion to what its reader keeps.
/// Markup compatibility (ECMA-376 Part 3) is applied as a consumer that understands no extension
/// does: an `mc:AlternateContent` is read through its `mc:Fallback`, its `mc:Choice` skipped.
/// The record of tracked formatting changes (`w:pPrChange`, `w:rPrChange`, …: what the formatting
/// was before) is skipped too, as is any element the caller names.
enum WordXML {
    /// An element's start with its attributes (local names), its end, or text inside an element
    /// `textIn` names.
    enum Event: Sendable {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    /// WordprocessingML, transitional (what Word and LibreOffice write) and strict.
    static let wordprocessing: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    /// Package relationships (Open Packaging Conventions).
    static let relationships: Set<String> = ["http://schemas.openxmlformats.org/package/2006/relationships"]
    private static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    /// Reads the part `part` (named in a refusal) holding `data`, handing each event to `handle` in
    /// document order.
    /// - Throws: `WordText.Failure.malformed` naming the part and where the parser stopped, or
    ///   when the part declares a DTD: a package part must not (ECMA-376 Part 2, 8.1.4), and one
    ///   would only bring entity expansion into a file banli reads.
    static func read(_ data: Data, part: String, namespaces: Set<String>, textIn: Set<String> = [], skipping: Set<String> = [],
                     _ handle: (Event) -> Void) throws(WordText.Failure) {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil { throw .malformed(part: part, place: "DTD") }
        let stopped: (line: Int, column: Int)? = withoutActuallyEscaping(handle) { handle in
            let collector = Collector(namespaces: namespaces, textIn: textIn, skipping: skipping, handle: handle)
            // From a stream, which feeds libxml2 in chunks: given the data whole, it takes a part
            // of over 10 MB in one chunk and stops ("huge input lookup") short of its end.
            let parser = XMLParser(stream: InputStream(data: data))
            parser.shouldProcessNamespaces = true
            parser.shouldResolveExternalEntities = false
            parser.delegate = collector
            // libxml2 may report a well-formedness error and still return true: the error decides.
            let parsed = parser.parse() && parser.parserError == nil
            parser.delegate = nil
            return parsed ? nil : (parser.lineNumber, parser.columnNumber)
        }
        if let stopped { throw .malformed(part: part, place: "第\(stopped.line)行第\(stopped.column)列") }
    }

    /// The parser's delegate, handing the events on.
    private final class Collector: NSObject, XMLParserDelegate {
        let namespaces: Set<String>
        let textIn: Set<String>
        let skipping: Set<String>
        let handle: (Event) -> Void
        /// Depth inside a skipped element (0: not skipping).
        private var skipDepth = 0
        /// The wanted elements open, innermost last.
        private var open: [String] = []

        init(namespaces: Set<String>, textIn: Set<String>, skipping: Set<String>, handle: @escaping (Event) -> Void) {
            self.namespaces = namespaces
            self.textIn = textIn
            self.skipping = skipping
            self.handle = handle
        }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if skipDepth > 0 { skipDepth += 1; return }
            let namespace = namespaceURI ?? ""
            if namespace == WordXML.markupCompatibility {
                if name == "Choice" { skipDepth = 1 }
                return
            }
            guard namespaces.contains(namespace) else { return }
            if skipping.contains(name) || name.hasSuffix("Change") { skipDepth = 1; return }
            var local: [String: String] = [:]
            for (key, value) in attributes { local[String(key.split(separator: ":").last ?? Substring(key))] = value }
            open.append(name)
            handle(.start(name, local))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if skipDepth > 0 { skipDepth -= 1; return }
            guard namespaces.contains(namespaceURI ?? "") else { return }
            open.removeLast()
            handle(.end(name))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard skipDepth == 0, let innermost = open.last, textIn.contains(innermost) else { return }
            handle(.text(string))
        }
    }
}
