import Foundation
import Yams

/// Turns the bytes of a YAML file into a node tree, reporting every failure as a `DataFileError`
/// that names the file and line.
enum YAMLSource {
    static func parse(_ bytes: [UInt8], path: String) throws(DataFileError) -> Node {
        guard let root = try document(bytes, path: path) else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
        return root
    }

    /// The node tree of `bytes`, or nil when they hold no YAML document at all (nothing, or only
    /// comments and blank lines): a user's configuration file left so overrides nothing.
    static func document(_ bytes: [UInt8], path: String) throws(DataFileError) -> Node? {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = IncomingText.firstInvalidUTF8(bytes)
            throw DataFileError(path: path, line: bad.line, reason: .invalidUTF8(byteOffset: bad.offset)).orNotText(bytes)
        }
        do {
            return try document(text, path: path)
        } catch {
            // A UTF-16 file of ASCII is valid UTF-8 full of NULs, which libyaml stops at.
            throw error.orNotText(bytes)
        }
    }

    static func parse(_ text: String, path: String) throws(DataFileError) -> Node {
        guard let root = try document(text, path: path) else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
        return root
    }

    /// `document(_:path:)` for text already decoded.
    static func document(_ text: String, path: String) throws(DataFileError) -> Node? {
        let composed: Composed
        do {
            composed = try compose(text)
        } catch let error as YamlError {
            throw describe(error, in: text, path: path)
        } catch {
            throw DataFileError(path: path, line: nil, reason: .syntax(YAMLProblem(problem: String(describing: error))))
        }
        switch composed {
        case .refused(let reason, let line): throw DataFileError(path: path, line: line, reason: reason)
        case .tree(let root): return root
        }
    }

    /// What composing a text gave: its tree (nil for an empty text), or why it is refused — its first
    /// anchor or tag — and that one's line.
    private enum Composed {
        case tree(Node?)
        case refused(DataFileError.Reason, line: Int?)
    }

    /// The text's node tree, refusing anchors (`&name`) and so aliases (`*name`): a hand-written file
    /// has no use for them, and an alias is the anchored node again, so a few aliases of aliases make
    /// a tree (and a save of it) of any size. The tree must not even be built with aliases in it: Yams
    /// checks a mapping's keys for duplicates by hashing them, expansion and all. An alias resolves
    /// only to an anchor, so text without `&` is composed as it is. Text with `&` is first composed
    /// with every `*` made a letter — same length, so every line and column stays, and aliases are
    /// plain text that expands to nothing — and refused at its first anchor. Only then is the text
    /// itself composed, where any alias is undefined, an error libyaml reports at its line. A syntax
    /// error in the copy is reported as the text's: the marks are the same, and `describe` quotes
    /// the text's own character. Explicit tags are refused too (`refusingTags`), looked for only in
    /// text holding a `!`.
    private static func compose(_ text: String) throws -> Composed {
        // A tag begins with `!`: text without one (nearly every file) costs no walk.
        let mayHoldTags = contains(UInt8(ascii: "!"), in: text)
        guard contains(UInt8(ascii: "&"), in: text) else {
            let root = try composeTree(text)
            return mayHoldTags ? refusingTags(root) : .tree(root)
        }
        let star = UInt8(ascii: "*")
        let hasAliases = contains(star, in: text)
        let inert = hasAliases ? String(decoding: text.utf8.map { $0 == star ? UInt8(ascii: "x") : $0 }, as: UTF8.self) : text
        // Yams keeps a node's anchor only while its parser lives.
        let parser = try Parser(yaml: inert, resolver: .basic)
        let found = try withExtendedLifetime(parser) { () throws -> Composed in
            let root = try parser.singleRoot()
            if let anchor = root.flatMap(firstAnchor) { return .refused(.anchor(anchor.name), line: anchor.line) }
            return mayHoldTags ? refusingTags(root) : .tree(root)
        }
        guard case .tree = found, hasAliases else { return found }
        return .tree(try composeTree(text))
    }

    /// Whether `text` holds the ASCII `byte`, found with `memchr`: every file read is searched.
    private static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        } ?? text.utf8.contains(byte)
    }

    private static func composeTree(_ text: String) throws -> Node? {
        // banli reads every scalar as text and converts it itself, so tag resolution (a set of
        // regular expressions run on every plain scalar) is skipped: it dominated parse time.
        try Yams.compose(yaml: text, .basic)
    }

    /// `root`, or the refusal of its first explicit tag (`!!binary`, `!!int`, `!foo`, `!<tag:…>`):
    /// banli reads every value as text, so a tag would be dropped by the next save and with it the
    /// value's meaning (`!!binary d2FuZ2xp` is not the text `d2FuZ2xp`). `!!str` on a scalar is
    /// kept: it says what banli reads anyway, so nothing changes when a save leaves it out — and
    /// Yams gives a quoted scalar that same tag, so it could not be told apart from `"…"`.
    private static func refusingTags(_ root: Node?) -> Composed {
        guard let tagged = root.flatMap(firstTag) else { return .tree(root) }
        return .refused(.tag(shortTagName(tagged.tag)), line: tagged.line)
    }

    /// The first node in document order with an explicit tag other than `!!str` on a scalar.
    /// The tags are read as written (`Tag.description`), not `Node.tag`, which resolves an implicit
    /// one to the node's kind.
    private static func firstTag(in root: Node) -> (tag: String, line: Int?)? {
        let implicit = Tag.Name.implicit.rawValue
        return first(in: root) { node in
            let tag: String
            switch node {
            case .scalar(let scalar):
                tag = scalar.tag.description
                if tag == Tag.Name.str.rawValue { return nil }
            case .sequence(let sequence): tag = sequence.tag.description
            case .mapping(let mapping): tag = mapping.tag.description
            case .alias: return nil
            }
            return tag == implicit ? nil : (tag, node.mark?.line)
        }
    }

    /// A tag as it is written: `!!binary` for YAML's own (`tag:yaml.org,2002:binary`), a local tag
    /// (`!foo`) as it is, any other in the verbatim form `!<…>`.
    private static func shortTagName(_ name: String) -> String {
        let yaml = "tag:yaml.org,2002:"
        if name.hasPrefix(yaml) { return "!!" + name.dropFirst(yaml.count) }
        return name.hasPrefix("!") ? name : "!<\(name)>"
    }

    /// The first anchored node in document order, and its line.
    private static func firstAnchor(in root: Node) -> (name: String, line: Int?)? {
        first(in: root) { node in node.anchor.map { ($0.rawValue, node.mark?.line) } }
    }

    /// What `found` gives for the first node in document order (each node before what it holds, a
    /// mapping's key before its value) for which it gives anything. An alias is not followed: it
    /// only comes after its anchor, which is met first.
    private static func first<T>(in node: Node, _ found: (Node) -> T?) -> T? {
        if let hit = found(node) { return hit }
        switch node {
        case .scalar, .alias:
            return nil
        case .sequence(let sequence):
            for item in sequence { if let hit = first(in: item, found) { return hit } }
            return nil
        case .mapping(let mapping):
            for (key, value) in mapping { if let hit = first(in: key, found) ?? first(in: value, found) { return hit } }
            return nil
        }
    }

    private static func describe(_ error: YamlError, in text: String, path: String) -> DataFileError {
        let problem: YAMLProblem
        switch error {
        case let .scanner(context, what, mark, _), let .parser(context, what, mark, _),
             let .composer(context, what, mark, _):
            problem = YAMLProblem(problem: what, context: context?.text, line: mark.line, column: mark.column,
                                  startLine: context?.mark.line,
                                  character: character(in: text, line: mark.line, column: mark.column))
        case let .reader(what, offset, _, _):
            // The reader counts its offset in characters from the start of the text.
            let before = offset.map { text.prefix($0) }
            let line = before.map { $0.count(where: \.isNewline) + 1 }
            let column = before.map { $0.unicodeScalars.reversed().prefix { !Character($0).isNewline }.count + 1 }
            let at = offset.flatMap { text.dropFirst($0).first }
            problem = YAMLProblem(problem: what, line: line, column: column, character: at)
        case let .duplicatedKeysInMapping(duplicates, context):
            return DataFileError(path: path, line: context.mark.line, reason: .duplicateKey(duplicates.first ?? ""))
        default:
            problem = YAMLProblem(problem: String(describing: error))
        }
        return DataFileError(path: path, line: problem.reportedLine, reason: .syntax(problem))
    }

    /// The character libyaml's mark points at: it counts lines and columns (in Unicode scalars) from 1.
    private static func character(in text: String, line: Int, column: Int) -> Character? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        return lines[line - 1].unicodeScalars.dropFirst(column - 1).first.map(Character.init)
    }
}
