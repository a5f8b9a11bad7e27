import Foundation

/// The paragraphs of a Word document's body (`word/document.xml`, ECMA-376 17.3) in reading
/// order, as a reader of the printed page takes them: the text of each paragraph's runs (`w:t`),
/// a tab as a space, a line break (`w:br`, `w:cr`) as the start of a new line, a non-breaking
/// hyphen as `-`, a symbol (`w:sym`) as its character; hidden text (`w:vanish`) and deleted text
/// (`w:del`, `w:moveFrom`: tracked changes are read as accepted) left out, inserted text (`w:ins`)
/// kept; tables row by row and cell by cell; a text box's paragraphs before the paragraph holding
/// it. Field codes (`w:instrText`) are not text; a field's shown result is. Headers and footers
/// (page numbers) are other parts and never read. Each paragraph keeps its style, outline level
/// and numbering, and each run the face it is set in, so that a heading and a run-in heading can
/// be told.
struct WordBody {
    /// How a run is set, as far as telling a run-in heading from its paragraph goes.
    struct Face: Hashable {
        var bold = false
        /// The East Asian font, or else the Latin one (`w:rFonts`); nil: the paragraph's.
        var font: String?
        /// A character style (`w:rStyle`, such as `Strong`).
        var style: String?
    }

    /// A run's text and face.
    struct Run {
        var text: String
        var face: Face
    }

    /// One paragraph.
    struct Paragraph {
        /// `w:pStyle`.
        var style: String?
        /// `w:outlineLvl` set on the paragraph itself.
        var outlineLevel: Int?
        /// `w:numPr` set on the paragraph itself.
        var numbering: WordNumbering.Reference?
        /// Its lines (more than one after a line break), each as runs.
        var lines: [[Run]] = [[]]
    }

    /// The most paragraphs a body may have: a reply has some dozens, a 500-page report some
    /// tens of thousands. More is a file made to fill memory (a body of 64 MiB of empty `<w:p/>`).
    static let maximumParagraphs = 100_000

    let paragraphs: [Paragraph]

    /// The body of the document part `part` holding `data`. The text of `w:t` is read; deleted
    /// and moved-away text and note references are skipped.
    /// - Throws: `WordText.Failure.malformed` naming the part, `.tooManyParagraphs`.
    init(_ data: Data, part: String) throws(WordText.Failure) {
        var done: [Paragraph] = [], open: [Builder] = [], over = false
        try WordXML.read(data, part: part, namespaces: WordXML.wordprocessing, textIn: ["t"],
                         skipping: ["del", "moveFrom", "footnoteReference", "endnoteReference"]) { event in
            guard !over else { return }
            if case .start("p", _) = event { open.append(Builder()); return }
            if case .end("p") = event, let builder = open.popLast() {
                done.append(builder.paragraph)
                over = done.count > Self.maximumParagraphs
                return
            }
            guard !open.isEmpty else { return }
            open[open.count - 1].take(event)
        }
        if over { throw .tooManyParagraphs(Self.maximumParagraphs) }
        paragraphs = done
    }

    /// Whether an on/off property (`<w:b/>`, `<w:b w:val="false"/>`) is on (ECMA-376 17.17.4).
    static func isOn(_ attributes: [String: String]) -> Bool {
        guard let value = attributes["val"] else { return true }
        return !["0", "false", "off"].contains(value)
    }

    /// A paragraph being read.
    private struct Builder {
        var paragraph = Paragraph()
        var inProperties = false, inNumbering = false, inRun = false, inRunProperties = false, hidden = false
        var face = Face()

        mutating func take(_ event: WordXML.Event) {
            switch event {
            case .start("pPr", _) where !inRun: inProperties = true
            case .end("pPr") where !inRun: inProperties = false
            case .start(let name, let a) where inProperties: property(name, a)
            case .end("numPr") where inProperties: inNumbering = false
            case .start("r", _):
                inRun = true
                face = Face()
                hidden = false
            case .end("r"): inRun = false
            case .start("rPr", _) where inRun: inRunProperties = true
            case .end("rPr") where inRun: inRunProperties = false
            case .start(let name, let a) where inRunProperties:
                switch name {
                case "b": face.bold = WordBody.isOn(a)
                case "rFonts": face.font = a["eastAsia"] ?? a["ascii"] ?? a["hAnsi"]
                case "rStyle": face.style = a["val"]
                case "vanish": hidden = WordBody.isOn(a)
                default: break
                }
            case .start(let name, let a) where inRun:
                switch name {
                case "tab", "ptab": append(" ")
                case "br", "cr": if !hidden { paragraph.lines.append([]) }
                case "noBreakHyphen": append("-")
                case "sym":
                    // A symbol font's private-use code shows nothing a reply could keep.
                    if let code = a["char"].flatMap({ UInt32($0, radix: 16) }), let scalar = Unicode.Scalar(code),
                       !(0xE000...0xF8FF).contains(code) {
                        append(String(scalar))
                    }
                default: break
                }
            case .text(let text) where inRun: append(text)
            default: break
            }
        }

        mutating func property(_ name: String, _ a: [String: String]) {
            switch name {
            case "pStyle": paragraph.style = a["val"]
            case "outlineLvl": paragraph.outlineLevel = a["val"].flatMap { Int($0) }
            case "numPr":
                inNumbering = true
                paragraph.numbering = WordNumbering.Reference(id: nil, level: 0)
            case "ilvl" where inNumbering: paragraph.numbering?.level = a["val"].flatMap { Int($0) } ?? 0
            case "numId" where inNumbering: paragraph.numbering?.id = a["val"]
            default: break
            }
        }

        /// Adds `text` in the current face, to the run before when that is set alike (a producer
        /// may split a word into a run a character).
        mutating func append(_ text: String) {
            guard !hidden else { return }
            let line = paragraph.lines.count - 1
            if let last = paragraph.lines[line].indices.last, paragraph.lines[line][last].face == face {
                paragraph.lines[line][last].text += text
            } else {
                paragraph.lines[line].append(Run(text: text, face: face))
            }
        }
    }
}
