/// The most a configuration file may hold, checked over the whole file before any of it is read:
/// every list and mapping (`phrases`, which the phrase menu shows whole, `workflow.states`,
/// `workflow.transitions`, `outcomes.schemes`, `disclosure.options`, `office.copy_to`, a key's
/// bindings…) and every text (a phrase, a template line, a state's name). An office configures
/// tens of each, a phrase is a sentence or two; the limits are far above that and keep a file that
/// was generated, or is hostile, from making every menu and screen slow.
public enum ConfigurationLimits {
    /// The most items in one list, or keys in one mapping.
    public static let items = 2_000
    /// The most characters in one text, key or value.
    public static let characters = 2_000

    /// Throws at the first list, mapping or text of `node`, a file's root, over a limit: the error
    /// names the field (`phrases`, `phrases[3]`), the line and the limit.
    static func check(_ node: YAMLNode, path: String) throws(DataFileError) {
        try check(node, field: "", path: path)
    }

    private static func check(_ node: YAMLNode, field: String, path: String) throws(DataFileError) {
        switch node {
        case .scalar(let scalar):
            let length = scalar.string.count
            if length > characters {
                throw DataFileError(path: path, line: scalar.line,
                                    reason: .tooLong(field: field, length: length, limit: characters))
            }
        case .sequence(let sequence):
            if sequence.items.count > items {
                throw DataFileError(path: path, line: sequence.items[items].line,
                                    reason: .tooMany(field: field, count: sequence.items.count, limit: items))
            }
            for (index, item) in sequence.items.enumerated() {
                try check(item, field: "\(field)[\(index + 1)]", path: path)
            }
        case .mapping(let mapping):
            if mapping.keys.count > items {
                throw DataFileError(path: path, line: mapping.keys[items].line,
                                    reason: .tooMany(field: field, count: mapping.keys.count, limit: items))
            }
            for (key, value) in zip(mapping.keys, mapping.values) {
                // A key that is not text is the decoder's to refuse; its name is only for messages.
                var name = "?"
                if case .scalar(let scalar) = key { name = String(scalar.string.prefix(40)) }
                let child = field.isEmpty ? name : field + "." + name
                try check(key, field: child, path: path)
                try check(value, field: child, path: path)
            }
        }
    }
}
