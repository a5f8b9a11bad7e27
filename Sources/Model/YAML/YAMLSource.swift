import Foundation

/// Turns the bytes of a YAML file into a node tree (`YAMLComposer`, over libyaml's events),
/// reporting every failure as a `DataFileError` that names the file and line.
enum YAMLSource {
    static func parse(_ bytes: [UInt8], path: String) throws(DataFileError) -> YAMLNode {
        guard let root = try document(bytes, path: path) else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
        return root
    }

    /// The node tree of `bytes`, or nil when they hold no YAML document at all (nothing, or only
    /// comments and blank lines): a user's configuration file left so overrides nothing.
    static func document(_ bytes: [UInt8], path: String) throws(DataFileError) -> YAMLNode? {
        guard bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) != nil else {
            let bad = IncomingText.firstInvalidUTF8(bytes)
            throw DataFileError(path: path, line: bad.line, reason: .invalidUTF8(byteOffset: bad.offset)).orNotText(bytes)
        }
        do {
            return try validDocument(bytes, path: path)
        } catch {
            // A UTF-16 file of ASCII is valid UTF-8 full of NULs, which libyaml stops at.
            throw error.orNotText(bytes)
        }
    }

    static func parse(_ text: String, path: String) throws(DataFileError) -> YAMLNode {
        guard let root = try document(text, path: path) else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
        return root
    }

    /// `document(_:path:)` for text already decoded.
    static func document(_ text: String, path: String) throws(DataFileError) -> YAMLNode? {
        try validDocument(Array(text.utf8), path: path)
    }

    /// `document(_:path:)` for bytes known to be UTF-8.
    private static func validDocument(_ bytes: [UInt8], path: String) throws(DataFileError) -> YAMLNode? {
        let composed: Composed
        do {
            composed = try compose(bytes)
        } catch {
            throw describe(error, in: String(decoding: bytes, as: UTF8.self), path: path)
        }
        switch composed {
        case .refused(let reason, let line): throw DataFileError(path: path, line: line, reason: reason)
        case .tree(let root): return root
        }
    }

    /// What composing a text gave: its tree (nil for an empty text), or why it is refused — its first
    /// anchor or tag — and that one's line.
    private enum Composed {
        case tree(YAMLNode?)
        case refused(DataFileError.Reason, line: Int?)
    }

    /// The text's node tree, refusing anchors (`&name`) and so aliases (`*name`): a hand-written file
    /// has no use for them, and an alias is the anchored node again, so a few aliases of aliases make
    /// a tree (and a save of it) of any size. An alias resolves only to an anchor, so text without
    /// `&` is composed as it is, and any alias in it is undefined, an error libyaml reports at its
    /// line. Text with `&` is first composed with every `*` made a letter — same length, so every
    /// line and column stays, and aliases are plain text — and refused at its first anchor. Only
    /// then is the text itself composed. A syntax error in the copy is reported as the text's: the
    /// marks are the same, and `describe` quotes the text's own character. Explicit tags are
    /// refused too (`refusingTags`), once the text has composed and has no anchor. This is the
    /// order Yams checked in, kept so every file is refused with the same message as before.
    private static func compose(_ bytes: [UInt8]) throws(YAMLComposer.Failure) -> Composed {
        guard contains(UInt8(ascii: "&"), in: bytes) else { return refusingTags(try composeTree(bytes)) }
        let star = UInt8(ascii: "*")
        let hasAliases = contains(star, in: bytes)
        let inert = hasAliases ? bytes.map { $0 == star ? UInt8(ascii: "x") : $0 } : bytes
        let copy = try composeTree(inert)
        if let anchor = copy.firstAnchor { return .refused(.anchor(anchor.name), line: anchor.line) }
        let found = refusingTags(copy)
        guard case .tree = found, hasAliases else { return found }
        return .tree(try composeTree(bytes).root)
    }

    /// Whether `bytes` hold the ASCII `byte`, found with `memchr`: every file read is searched.
    private static func contains(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false
        }
    }

    private static func composeTree(_ bytes: [UInt8]) throws(YAMLComposer.Failure) -> YAMLComposer.Composed {
        try bytes.withUnsafeBufferPointer { buffer throws(YAMLComposer.Failure) in try YAMLComposer.compose(buffer) }
    }

    /// The tree, or the refusal of its first explicit tag (`!!binary`, `!!int`, `!foo`, `!<tag:…>`):
    /// banli reads every value as text, so a tag would be dropped by the next save and with it the
    /// value's meaning (`!!binary d2FuZ2xp` is not the text `d2FuZ2xp`). `!!str` on a scalar is
    /// kept: it says what banli reads anyway, so nothing changes when a save leaves it out — and
    /// a quoted scalar has that same tag in YAML, so it could not be told apart from `"…"`.
    private static func refusingTags(_ composed: YAMLComposer.Composed) -> Composed {
        guard let tagged = composed.firstTag else { return .tree(composed.root) }
        return .refused(.tag(shortTagName(tagged.tag)), line: tagged.line)
    }

    /// A tag as it is written: `!!binary` for YAML's own (`tag:yaml.org,2002:binary`), a local tag
    /// (`!foo`) as it is, any other in the verbatim form `!<…>`.
    private static func shortTagName(_ name: String) -> String {
        let yaml = "tag:yaml.org,2002:"
        if name.hasPrefix(yaml) { return "!!" + name.dropFirst(yaml.count) }
        return name.hasPrefix("!") ? name : "!<\(name)>"
    }

    private static func describe(_ failure: YAMLComposer.Failure, in text: String, path: String) -> DataFileError {
        let problem: YAMLProblem
        switch failure {
        case .duplicateKey(let key, let line):
            return DataFileError(path: path, line: line, reason: .duplicateKey(key))
        case let .composer(what, context, contextLine, line, column):
            problem = YAMLProblem(problem: what, context: context, line: line, column: column, startLine: contextLine,
                                  character: character(in: text, line: line, column: column))
        case .libyaml(let error):
            problem = describe(error, in: text)
        }
        return DataFileError(path: path, line: problem.reportedLine, reason: .syntax(problem))
    }

    private static func describe(_ error: YAMLLibraryError, in text: String) -> YAMLProblem {
        switch error.stage {
        case .reader:
            // Yams counted the reader's offset in characters from the start of the text, nil where
            // the byte offset is not at a character's start.
            let offset = text.utf8.index(text.startIndex, offsetBy: error.offset, limitedBy: text.endIndex)?
                .samePosition(in: text).map { text.distance(from: text.startIndex, to: $0) }
            let before = offset.map { text.prefix($0) }
            let line = before.map { $0.count(where: \.isNewline) + 1 }
            let column = before.map { $0.unicodeScalars.reversed().prefix { !Character($0).isNewline }.count + 1 }
            let at = offset.flatMap { text.dropFirst($0).first }
            return YAMLProblem(problem: error.problem, line: line, column: column, character: at)
        case .scanner, .parser:
            return YAMLProblem(problem: error.problem, context: error.context, line: error.line, column: error.column,
                               startLine: error.context == nil ? nil : error.contextLine,
                               character: character(in: text, line: error.line, column: error.column))
        case .memory:
            return YAMLProblem(problem: "Memory error")
        case .other:
            return YAMLProblem(problem: error.problem)
        }
    }

    /// The character libyaml's mark points at: it counts lines and columns (in Unicode scalars) from 1.
    private static func character(in text: String, line: Int, column: Int) -> Character? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        return lines[line - 1].unicodeScalars.dropFirst(column - 1).first.map(Character.init)
    }
}
