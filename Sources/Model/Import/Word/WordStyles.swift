import Foundation

/// The paragraph styles of a Word package (`word/styles.xml`, ECMA-376 17.7), as far as reading a
/// reply needs them: which style makes a paragraph a heading of which outline level, and which
/// numbers its paragraphs. A style inherits what it does not set from the style it is based on.
struct WordStyles {
    /// One paragraph style, as written.
    struct Style {
        var name = ""
        var basedOn: String?
        /// `w:outlineLvl` in its paragraph properties.
        var outlineLevel: Int?
        var numbering: WordNumbering.Reference?
    }

    private var styles: [String: Style] = [:]
    /// The style of a paragraph that names none (`w:default="1"`).
    private(set) var defaultStyle: String?

    /// No styles: a package without a styles part.
    init() {}

    /// The paragraph styles the styles part `part` holding `data` defines.
    /// - Throws: `WordText.Failure.malformed` naming the part.
    init(_ data: Data, part: String) throws(WordText.Failure) {
        var id: String?, style = Style(), inNumbering = false
        var styles: [String: Style] = [:], defaultStyle: String?
        try WordXML.read(data, part: part, namespaces: WordXML.wordprocessing) { event in
            switch event {
            case .start("style", let a) where a["type"] == "paragraph":
                id = a["styleId"]
                style = Style()
                if a["default"] == "1" || a["default"] == "true" { defaultStyle = id }
            case .start("name", let a) where id != nil: style.name = a["val"] ?? ""
            case .start("basedOn", let a) where id != nil: style.basedOn = a["val"]
            case .start("outlineLvl", let a) where id != nil: style.outlineLevel = a["val"].flatMap { Int($0) }
            case .start("numPr", _) where id != nil:
                inNumbering = true
                style.numbering = style.numbering ?? WordNumbering.Reference()
            case .start("ilvl", let a) where inNumbering: style.numbering?.level = a["val"].flatMap { Int($0) } ?? 0
            case .start("numId", let a) where inNumbering: style.numbering?.id = a["val"]
            case .end("numPr"): inNumbering = false
            case .end("style"):
                if let id { styles[id] = style }
                id = nil
            default: break
            }
        }
        self.styles = styles
        self.defaultStyle = defaultStyle
    }

    /// The outline level (0 for `heading 1`) paragraphs of style `id` have: the style's
    /// `w:outlineLvl`, or the level its name says (`heading 2`, as Word names its built-in heading
    /// styles whatever the interface language; `标题 2` as WPS may), or else its base style's.
    /// Nil for body text (`w:outlineLvl` 9 is body text too).
    func outlineLevel(ofStyle id: String?) -> Int? {
        inherited(from: id) { style in
            if let level = style.outlineLevel { return level }
            let name = style.name.lowercased()
            for word in ["heading", "标题"] where name.hasPrefix(word) {
                guard let level = Int(name.dropFirst(word.count).trimmingSpaces), (1...9).contains(level) else { continue }
                return level - 1
            }
            return nil
        }.flatMap { (0...8).contains($0) ? $0 : nil }
    }

    /// Whether paragraphs of style `id` are a document title: Word's built-in `Title` (`标题` in
    /// WPS), or a style based on it. A title's line breaks only say where its printed lines end.
    func isTitle(_ id: String?) -> Bool {
        inherited(from: id) { ["title", "标题"].contains($0.name.lowercased()) ? true : nil } ?? false
    }

    /// The numbering paragraphs of style `id` have, from the style or the one it is based on.
    func numbering(ofStyle id: String?) -> WordNumbering.Reference? {
        inherited(from: id) { $0.numbering }
    }

    /// What `property` gives for style `id` or, failing that, for the styles it is based on (a
    /// loop of `basedOn` ends where it comes round again).
    private func inherited<T>(from id: String?, _ property: (Style) -> T?) -> T? {
        var seen: Set<String> = [], next = id ?? defaultStyle
        while let current = next, seen.insert(current).inserted, let style = styles[current] {
            if let value = property(style) { return value }
            next = style.basedOn
        }
        return nil
    }
}
