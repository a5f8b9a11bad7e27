import Foundation

/// The numbered lists of a Word package (`word/numbering.xml`, ECMA-376 17.9) and their counts as
/// a reader goes through the document: the numeral Word shows before a numbered paragraph is not
/// in its text, so it is made here from the level's `w:lvlText` (`%1、`, `（%2）`) and `w:numFmt`
/// (`WordNumberFormat`). A list instance (`w:num`) counts with every other instance of its
/// abstract list unless it overrides a start (`w:startOverride`), as Word counts; a level restarts
/// when a level above it is used.
struct WordNumbering {
    /// A paragraph's numbering (`w:numPr`): the list instance and the level (0-based).
    struct Reference: Hashable {
        /// `w:numId`; `0` takes numbering away, nil leaves it to the paragraph's style.
        var id: String?
        var level = 0
    }

    /// One level of an abstract list.
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        /// `w:isLgl`: the numerals of the levels above are shown as digits.
        var isLegal = false
    }

    /// A list instance: its abstract list and the starts it overrides.
    private struct Instance {
        var abstract = ""
        var starts: [Int: Int] = [:]
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: Instance] = [:]
    /// The counts of each list, keyed by `counterKey`, one per level (0: not used yet).
    private var counts: [String: [Int]] = [:]

    /// No lists: a package without a numbering part.
    init() {}

    /// The lists the numbering part `part` holding `data` defines.
    /// - Throws: `WordText.Failure.malformed` naming the part.
    init(_ data: Data, part: String) throws(WordText.Failure) {
        var abstract: String?, instance: (id: String, value: Instance)?, level: (index: Int, value: Level)?, override: Int?
        var abstracts: [String: [Int: Level]] = [:], instances: [String: Instance] = [:]
        try WordXML.read(data, part: part, namespaces: WordXML.wordprocessing) { event in
            switch event {
            case .start("abstractNum", let a): abstract = a["abstractNumId"]
            case .start("num", let a): instance = a["numId"].map { ($0, Instance()) }
            case .start("abstractNumId", let a): instance?.value.abstract = a["val"] ?? ""
            case .start("lvlOverride", let a): override = a["ilvl"].flatMap { Int($0) }
            case .start("startOverride", let a):
                if let override, let start = a["val"].flatMap({ Int($0) }) { instance?.value.starts[override] = start }
            case .start("lvl", let a) where abstract != nil: level = (a["ilvl"].flatMap { Int($0) } ?? 0, Level())
            case .start("start", let a): level?.value.start = a["val"].flatMap { Int($0) } ?? 1
            case .start("numFmt", let a): level?.value.format = a["val"] ?? "decimal"
            case .start("lvlText", let a): level?.value.text = a["val"] ?? ""
            case .start("isLgl", let a): level?.value.isLegal = WordBody.isOn(a)
            case .end("lvl"):
                if let abstract, let level { abstracts[abstract, default: [:]][level.index] = level.value }
                level = nil
            case .end("abstractNum"): abstract = nil
            case .end("lvlOverride"): override = nil
            case .end("num"):
                if let instance { instances[instance.id] = instance.value }
                instance = nil
            default: break
            }
        }
        self.abstracts = abstracts
        self.instances = instances
    }

    /// The numeral of the next paragraph numbered `reference` (`三、`, `（二）`, `1.2`), counted;
    /// empty for no numbering, a bullet, a level without text, or a list the part does not define.
    mutating func numeral(_ reference: Reference) -> String {
        guard let id = reference.id, id != "0", let instance = instances[id], let levels = abstracts[instance.abstract],
              let level = levels[reference.level] else { return "" }
        let key = instance.starts.isEmpty ? "abstract " + instance.abstract : "num " + id
        var count = counts[key] ?? Array(repeating: 0, count: 10)
        guard count.indices.contains(reference.level) else { return "" }
        count[reference.level] = count[reference.level] == 0 ? (instance.starts[reference.level] ?? level.start) : count[reference.level] + 1
        for deeper in (reference.level + 1)..<count.count { count[deeper] = 0 }
        counts[key] = count
        guard level.format != "bullet" else { return "" }
        // `%1` … `%9` stand for the numbers of levels 1 … 9 as those levels format them.
        var out = "", characters = Array(level.text), i = 0
        while i < characters.count {
            if characters[i] == "%", i + 1 < characters.count, let n = characters[i + 1].wholeNumberValue, (1...9).contains(n) {
                let shown = levels[n - 1] ?? Level()
                let value = count[n - 1] == 0 ? (instance.starts[n - 1] ?? shown.start) : count[n - 1]
                let format = level.isLegal && n - 1 < reference.level ? "decimal" : shown.format
                out += WordNumberFormat.string(value, format: format)
                i += 2
            } else {
                out.append(characters[i])
                i += 1
            }
        }
        return out
    }
}
