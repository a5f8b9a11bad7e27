/// Finds a duplicate key in a mapping as Yams' composer did (`Parser.checkDuplicates`), so a file
/// is refused with the same key and line as before: keys are the same when their kinds, contents
/// (Swift String equality, so canonically equivalent texts are equal) and resolved tags are; among
/// the keys written more than once the least is named (Yams sorted them), at the line of its first
/// occurrence (the one its grouping kept).
enum YAMLDuplicateKeys {
    private static let yamlString = "tag:yaml.org,2002:str"

    /// The key to report, or nil when every key is different.
    static func first(in keys: [YAMLNode]) -> (name: String, line: Int)? {
        guard keys.count > 1, !allTextKeysDiffer(keys) else { return nil }
        var groups: [(key: YAMLNode, count: Int)] = []
        for key in keys {
            if let i = groups.firstIndex(where: { same($0.key, key) }) {
                groups[i].count += 1
            } else {
                groups.append((key, 1))
            }
        }
        let repeated = groups.filter { $0.count > 1 }.map(\.key)
        guard let least = repeated.min(by: less) else { return nil }
        guard case .scalar(let scalar) = least else { return ("<uncovertable>", least.line) }
        return (scalar.string, least.line)
    }

    /// Whether every key is text with the tag `!!str` (written or implied — nearly every mapping)
    /// and no two are equal: one pass over a set, instead of comparing the keys pair by pair.
    private static func allTextKeysDiffer(_ keys: [YAMLNode]) -> Bool {
        var seen = Set<String>(minimumCapacity: keys.count)
        for key in keys {
            guard case .scalar(let scalar) = key, resolvedTag(key) == yamlString,
                  seen.insert(scalar.string).inserted else { return false }
        }
        return true
    }

    /// The tag Yams' basic resolver gives: a written tag, else the kind's own (`!` says just that).
    private static func resolvedTag(_ node: YAMLNode) -> String {
        if let tag = node.tag, tag != "!" { return tag }
        switch node {
        case .scalar: return yamlString
        case .sequence: return "tag:yaml.org,2002:seq"
        case .mapping: return "tag:yaml.org,2002:map"
        }
    }

    /// Yams' `Node ==`: same kind, same resolved tag, equal contents in order.
    private static func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        guard resolvedTag(a) == resolvedTag(b) else { return false }
        switch (a, b) {
        case let (.scalar(a), .scalar(b)): return a.string == b.string
        case let (.sequence(a), .sequence(b)): return a.items.elementsEqual(b.items, by: same)
        case let (.mapping(a), .mapping(b)):
            return a.keys.elementsEqual(b.keys, by: same) && a.values.elementsEqual(b.values, by: same)
        default: return false
        }
    }

    /// Yams' `Node <`: texts by String order, lists item by item, mappings key by key; nodes of
    /// different kinds are not ordered.
    private static func less(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        switch (a, b) {
        case let (.scalar(a), .scalar(b)): return a.string < b.string
        case let (.sequence(a), .sequence(b)): return lexicographicallyLess(a.items, b.items)
        case let (.mapping(a), .mapping(b)): return lexicographicallyLess(a.keys, b.keys)
        default: return false
        }
    }

    /// Yams' `Array <`: the first pair that differs decides, else the shorter is less.
    private static func lexicographicallyLess(_ a: [YAMLNode], _ b: [YAMLNode]) -> Bool {
        for (x, y) in zip(a, b) {
            if less(x, y) { return true }
            if less(y, x) { return false }
        }
        return a.count < b.count
    }
}
