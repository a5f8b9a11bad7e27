import Testing
@testable import Model

/// What banli's reader over libyaml's events (`YAMLComposer`, `YAMLSource`) gives where Yams' `Node`
/// tree decided before: which of several duplicate keys is named and at which line, which keys
/// are the same, a leading U+FEFF in a value, an empty document. Every expectation here is what
/// Yams 6 reported for the same text.
@Suite struct YAMLComposerTests {
    private func error(_ text: String) -> DataFileError? {
        do {
            _ = try YAMLSource.document(Array(text.utf8), path: "a.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        // Of several repeated keys, the least in String order, at its first occurrence.
        ("b: 1\na: 2\nb: 3\na: 4\n", "a", 2),
        ("乙: 1\n甲: 2\n甲: 3\n乙: 4\n", "乙", 1),
        // Quoted or plain, with `!!str` or without, a key is the same text.
        ("'a': 1\na: 2\n", "a", 1),
        ("!!str a: 1\n\"a\": 2\n", "a", 1),
        // Keys are compared as Swift compares Strings: canonically equivalent texts are equal.
        ("é: 1\ne\u{301}: 2\n", "é", 1),
        // An inner mapping is checked when it ends, before the mapping holding it.
        ("a:\n  x: 1\n  x: 2\na: 3\n", "x", 2),
        // A key that is not text has no name.
        ("? [a, b]\n: 1\n? [a, b]\n: 2\n", "<uncovertable>", 1),
    ])
    func aDuplicateKeyIsNamedAsYamsNamedIt(text: String, key: String, line: Int) {
        #expect(error(text) == DataFileError(path: "a.yaml", line: line, reason: .duplicateKey(key)))
    }

    @Test func keysWithDifferentTagsAreDifferentAndTheTagIsThenRefused() {
        #expect(error("!!int 1: x\n1: y\n") == DataFileError(path: "a.yaml", line: 1, reason: .tag("!!int")))
    }

    @Test func aDuplicateKeyAnywhereComesBeforeTheFirstAnchor() {
        #expect(error("a: &x 1\nb: 2\nb: 3\n") == DataFileError(path: "a.yaml", line: 2, reason: .duplicateKey("b")))
    }

    @Test func aValueLosesOneLeadingByteOrderMark() throws {
        var map = try YAMLMap(YAMLSource.parse(Array("标题: \"\\uFEFF\\uFEFF甲\"\n正文: \"乙\\uFEFF\"\n".utf8), path: "a.yaml"), path: "a.yaml")
        #expect(try map.string("标题") == "\u{FEFF}甲" && map.string("正文") == "乙\u{FEFF}")
    }

    @Test func onlyCommentsAreNoDocumentAndABareStartIsAnEmptyText() throws {
        #expect(try YAMLSource.document(Array("# 注释\n\n".utf8), path: "a.yaml") == nil)
        let root = try YAMLSource.document(Array("---\n".utf8), path: "a.yaml")
        guard case .scalar(let scalar)? = root else {
            Issue.record("not a scalar: \(String(describing: root))")
            return
        }
        #expect(scalar.string.isEmpty && scalar.style == .plain && scalar.line == 2)
    }

    @Test func aSecondDocumentAfterAnEndMarkerIsRefusedAtItsStart() {
        #expect(error("a: 1\n...\n---\nb: 2\n")?.line == 3)
        #expect(error("a: 1\n...\n---\nb: 2\n")?.description.contains("一个文件只能有一份内容") == true)
    }

    @Test func scalarsKeepTheirStyleAndLine() throws {
        let root = try YAMLSource.parse(Array("a: 甲\nb: '乙'\nc: \"丙\"\nd: |\n  丁\ne: >\n  戊\n".utf8), path: "a.yaml")
        guard case .mapping(let mapping) = root else {
            Issue.record("not a mapping")
            return
        }
        let styles = mapping.values.map { value -> YAMLScalar.Style? in
            if case .scalar(let scalar) = value { return scalar.style }
            return nil
        }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
        #expect(mapping.keys.map(\.line) == [1, 2, 3, 4, 6])
    }
}
