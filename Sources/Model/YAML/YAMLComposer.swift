import CYaml

/// Builds the `YAMLNode` tree of a text from libyaml's event API (`yaml_parser_parse`): libyaml
/// scans and parses every byte, exactly as it did under Yams; only the tree is banli's own, built
/// without Yams' `Node` values, their tag resolvers and its grouping of every mapping's keys by
/// hash, which cost far more than libyaml itself. What Yams' composer (`Parser.singleRoot`) reported
/// is reported the same: an alias (there are never anchors for it to name, `YAMLSource`), a second
/// document, a duplicate key (`YAMLDuplicateKeys`). The first anchor and the first refused tag are
/// noted, not thrown: `YAMLSource` refuses them only once the whole text composes.
struct YAMLComposer {
    /// What a text composed to.
    struct Composed {
        /// The document's root, nil when the text holds no document (nothing, or only comments).
        var root: YAMLNode?
        /// The first anchor (`&name`) in document order: its name and line.
        var firstAnchor: (name: String, line: Int)?
        /// The first explicit tag in document order other than `!!str` on a scalar, as libyaml
        /// resolved it (`tag:yaml.org,2002:int`), and its line.
        var firstTag: (tag: String, line: Int)?
    }

    /// Why a text did not compose.
    enum Failure: Error {
        /// libyaml's reader, scanner or parser stopped: its own fields, marks 1-based as Yams made
        /// them; `offset` is the reader's byte offset of the problem.
        case libyaml(YAMLLibraryError)
        /// What Yams' composer itself refused: `found undefined alias`, `but found another document`.
        case composer(problem: String, context: String?, contextLine: Int?, line: Int, column: Int)
        /// Two equal keys in one mapping: the key Yams named and the line it gave.
        case duplicateKey(String, line: Int)
    }

    private static let yamlString = "tag:yaml.org,2002:str"

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var event = yaml_event_t()
    private var composed = Composed()

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// Composes `bytes`, UTF-8 text (libyaml is told so, as Yams told it for a Swift string).
    static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Composed {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw .libyaml(YAMLLibraryError(parser.pointee)) }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        var composer = YAMLComposer(parser: parser)
        defer { yaml_event_delete(&composer.event) }
        try composer.singleRoot()
        return composer.composed
    }

    /// Yams' `Parser.singleRoot`: the stream's one document, nil for none, a second one refused.
    private mutating func singleRoot() throws(Failure) {
        try next()  // STREAM-START
        try next()
        guard event.type != YAML_STREAM_END_EVENT else { return }
        try next()  // past DOCUMENT-START
        composed.root = try node()
        try next()  // DOCUMENT-END
        try next()
        if event.type != YAML_STREAM_END_EVENT {
            throw .composer(problem: "but found another document", context: "expected a single document in the stream",
                            contextLine: 1, line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        }
    }

    /// Replaces the current event by the next one.
    private mutating func next() throws(Failure) {
        yaml_event_delete(&event)
        guard yaml_parser_parse(parser, &event) == 1 else { throw .libyaml(YAMLLibraryError(parser.pointee)) }
    }

    /// The node whose first event is the current one; the current event is then its last.
    private mutating func node() throws(Failure) -> YAMLNode {
        let line = event.start_mark.line + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            note(anchor: scalar.anchor, line: line)
            // Yams gives a quoted scalar without a tag the tag `!!str`, which is never refused.
            let tag = scalar.quoted_implicit == 1 ? nil : Self.string(scalar.tag)
            if let tag, tag != Self.yamlString { note(tag: tag, line: line) }
            var bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            let style = YAMLScalar.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
            return .scalar(YAMLScalar(string: String(decoding: bytes, as: UTF8.self), style: style, line: line, tag: tag))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            note(anchor: start.anchor, line: line)
            let tag = start.implicit != 0 ? nil : Self.string(start.tag)
            if let tag { note(tag: tag, line: line) }
            var items: [YAMLNode] = []
            try next()
            while event.type != YAML_SEQUENCE_END_EVENT {
                items.append(try node())
                try next()
            }
            return .sequence(YAMLSequence(items: items, line: line, tag: tag))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            note(anchor: start.anchor, line: line)
            let tag = start.implicit != 0 ? nil : Self.string(start.tag)
            if let tag { note(tag: tag, line: line) }
            var keys: [YAMLNode] = []
            var values: [YAMLNode] = []
            try next()
            while event.type != YAML_MAPPING_END_EVENT {
                keys.append(try node())
                try next()
                values.append(try node())
                try next()
            }
            if let duplicate = YAMLDuplicateKeys.first(in: keys) { throw .duplicateKey(duplicate.name, line: duplicate.line) }
            return .mapping(YAMLMapping(keys: keys, values: values, line: line, tag: tag))
        default:
            // An alias: anchors are refused before any text with one is composed for its tree.
            throw .composer(problem: "found undefined alias", context: nil, contextLine: nil,
                            line: line, column: event.start_mark.column + 1)
        }
    }

    private mutating func note(anchor: UnsafeMutablePointer<UInt8>?, line: Int) {
        guard composed.firstAnchor == nil, let name = Self.string(anchor) else { return }
        composed.firstAnchor = (name, line)
    }

    private mutating func note(tag: String, line: Int) {
        if composed.firstTag == nil { composed.firstTag = (tag, line) }
    }

    /// A C string of libyaml's (an anchor, a tag) as Yams read it, bad UTF-8 repaired.
    private static func string(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
