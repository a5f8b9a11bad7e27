/// One node of a YAML document as banli reads it: built by `YAMLComposer` straight from libyaml's
/// events, holding only what the decoders look at (the text and style of a scalar, the items of a
/// list, the keys and values of a mapping in order) and each node's 1-based line.
enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// The 1-based line where the node starts (for a block mapping, its first key).
    var line: Int {
        switch self {
        case .scalar(let scalar): scalar.line
        case .sequence(let sequence): sequence.line
        case .mapping(let mapping): mapping.line
        }
    }

    /// The tag written on the node (`tag:yaml.org,2002:int` for `!!int`, `!` for the non-specific
    /// tag), or nil when none was written. Only a mapping key's tag is ever looked at: it decides,
    /// as in Yams, whether two keys are the same (`YAMLDuplicateKeys`).
    var tag: String? {
        switch self {
        case .scalar(let scalar): scalar.tag
        case .sequence(let sequence): sequence.tag
        case .mapping(let mapping): mapping.tag
        }
    }
}

/// A text node.
struct YAMLScalar: Sendable {
    /// How the text was written: libyaml's `yaml_scalar_style_t`, in its order.
    enum Style: UInt8, Sendable {
        case any, plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The text, as libyaml gave it (escapes and folding applied), less a leading U+FEFF: Yams made
    /// each scalar a String through Foundation, which takes one for a byte-order mark, and banli
    /// reads files as it did (docs/case-file.md).
    let string: String
    let style: Style
    let line: Int
    let tag: String?
}

/// A list node (`- a` lines or `[a, b]`).
struct YAMLSequence: Sendable {
    let items: [YAMLNode]
    let line: Int
    let tag: String?
}

/// A mapping node: its keys and values in the order written, `keys[i]` holding `values[i]`.
struct YAMLMapping: Sendable {
    let keys: [YAMLNode]
    let values: [YAMLNode]
    let line: Int
    let tag: String?
}
