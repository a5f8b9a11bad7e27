/// Reads one YAML mapping field by field. Every accessor reports a wrong type or value as a
/// `DataFileError` at the line of the offending node; `finish()` rejects keys nobody asked for, so a
/// misspelt key is an error instead of data silently dropped on the next save.
struct YAMLMap {
    let path: String
    /// The dotted key path of this mapping, for messages (`答复.正文[2]`).
    let context: String
    let line: Int?
    /// The keys as text, parallel to `values` and `keyLines`. Keys are compared as UTF-8 bytes:
    /// String equality on Chinese text normalises first, which made key lookup the largest cost of
    /// reading a case.
    let keys: [String]
    private let values: [YAMLNode]
    private let keyLines: [Int]
    /// Parallel to `keys`: whether an accessor has read the key.
    private var used: [Bool]
    /// Where the next key read is most likely: after the one read last.
    private var cursor = 0

    init(_ node: YAMLNode, path: String, context: String = "") throws(DataFileError) {
        guard case .mapping(let mapping) = node else {
            if context.isEmpty { throw DataFileError(path: path, line: node.line, reason: .notAMapping) }
            throw DataFileError(path: path, line: node.line, reason: .wrongType(field: context, expected: "映射（键: 值）"))
        }
        self.path = path
        self.context = context
        self.line = mapping.line
        var keys: [String] = []
        keys.reserveCapacity(mapping.keys.count)
        for key in mapping.keys {
            guard case .scalar(let scalar) = key else {
                throw DataFileError(path: path, line: key.line, reason: .nonTextKey)
            }
            keys.append(scalar.string)
        }
        self.keys = keys
        self.values = mapping.values
        self.keyLines = mapping.keys.map(\.line)
        self.used = Array(repeating: false, count: keys.count)
    }

    /// Where `key` is, looking from `start` round to it. The decoders read keys in the order banli
    /// writes them, so `node(_:)` starts after the key read last and nearly always ends at its first
    /// comparison; a key is compared by its length, then its bytes.
    private func index(of key: String, from start: Int = 0) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            var i = start
            for _ in keys.indices {
                if i >= keys.count { i = 0 }
                if keys[i].utf8.count == wanted.count, Self.bytes(of: keys[i], equal: wanted) { return i }
                i += 1
            }
            return nil
        }
    }

    private static func bytes(of text: String, equal wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(wanted) } ?? text.utf8.elementsEqual(wanted)
    }

    func field(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    func error(_ key: String, _ reason: DataFileError.Reason) -> DataFileError {
        DataFileError(path: path, line: lineOf(key) ?? line, reason: reason)
    }

    func lineOf(_ key: String) -> Int? {
        index(of: key).map { values[$0].line }
    }

    /// The node for `key`, or nil when absent or explicitly empty (`键：` / `键： ~`).
    mutating func node(_ key: String) -> YAMLNode? {
        guard let i = index(of: key, from: cursor) else { return nil }
        used[i] = true
        cursor = i + 1
        let node = values[i]
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null"].contains(s.string) { return nil }
        return node
    }

    mutating func string(_ key: String) throws(DataFileError) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            throw error(key, .wrongType(field: field(key), expected: "文字"))
        }
        return scalar.string
    }

    mutating func required(_ key: String) throws(DataFileError) -> String {
        guard let value = try string(key), !value.isBlank else {
            throw DataFileError(path: path, line: line, reason: .missingField(field(key)))
        }
        return value
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) throws(DataFileError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw error(key, .invalidValue(field: field(key), value: text, why: "应为 \(range.lowerBound)–\(range.upperBound) 的整数"))
        }
        return value
    }

    mutating func date(_ key: String) throws(DataFileError) -> LocalDate? {
        guard let text = try string(key) else { return nil }
        do {
            return try LocalDate(parsing: text)
        } catch {
            throw self.error(key, .invalidValue(field: field(key), value: text, why: error.description))
        }
    }

    /// `是` / `否`.
    mutating func yesNo(_ key: String) throws(DataFileError) -> Bool? {
        try oneOf(key, ["是", "否"]).map { $0 == "是" }
    }

    /// One of `allowed`, as written or once both are `TypedText.normalized` (a clerk's `办理中　`,
    /// typed with the IME's space): the configured spelling is returned, and is what a save writes.
    mutating func oneOf(_ key: String, _ allowed: [String]) throws(DataFileError) -> String? {
        guard let text = try string(key) else { return nil }
        guard let word = TypedText.match(text, in: allowed) else {
            throw error(key, .unknownValue(field: field(key), value: text, allowed: allowed))
        }
        return word
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) throws(DataFileError) -> T?
    where T.RawValue == String {
        guard let text = try oneOf(key, T.allCases.map(\.rawValue)) else { return nil }
        return T(rawValue: text)
    }

    mutating func strings(_ key: String) throws(DataFileError) -> [String] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            throw error(key, .wrongType(field: field(key), expected: "列表"))
        }
        var result: [String] = []
        for item in sequence.items {
            guard case .scalar(let scalar) = item else {
                throw DataFileError(path: path, line: item.line, reason: .wrongType(field: field(key), expected: "文字列表"))
            }
            result.append(scalar.string)
        }
        return result
    }

    mutating func map(_ key: String) throws(DataFileError) -> YAMLMap? {
        guard let node = node(key) else { return nil }
        return try YAMLMap(node, path: path, context: field(key))
    }

    mutating func maps(_ key: String) throws(DataFileError) -> [YAMLMap] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            throw error(key, .wrongType(field: field(key), expected: "列表"))
        }
        var result: [YAMLMap] = []
        for (i, item) in sequence.items.enumerated() {
            result.append(try YAMLMap(item, path: path, context: "\(field(key))[\(i + 1)]"))
        }
        return result
    }

    /// A list of mappings, or one mapping alone (a field that held one record before it became a
    /// history, as `反馈` did).
    mutating func oneOrMoreMaps(_ key: String) throws(DataFileError) -> [YAMLMap] {
        guard let node = node(key) else { return [] }
        if case .mapping = node { return [try YAMLMap(node, path: path, context: field(key))] }
        return try maps(key)
    }

    mutating func requiredInt(_ key: String, in range: ClosedRange<Int>) throws(DataFileError) -> Int {
        try present(int(key, in: range), key)
    }

    mutating func requiredDate(_ key: String) throws(DataFileError) -> LocalDate { try present(date(key), key) }

    mutating func requiredOneOf(_ key: String, _ allowed: [String]) throws(DataFileError) -> String {
        try present(oneOf(key, allowed), key)
    }

    mutating func requiredChoice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws(DataFileError) -> T
    where T.RawValue == String {
        try present(choice(key, type), key)
    }

    mutating func requiredMap(_ key: String) throws(DataFileError) -> YAMLMap { try present(map(key), key) }

    private func present<T>(_ value: T?, _ key: String) throws(DataFileError) -> T {
        guard let value else { throw DataFileError(path: path, line: line, reason: .missingField(field(key))) }
        return value
    }

    /// Fails on the first key that no accessor read.
    func finish() throws(DataFileError) {
        if let i = used.firstIndex(of: false) {
            throw DataFileError(path: path, line: keyLines[i], reason: .unknownField(field(keys[i])))
        }
    }
}
