import Foundation
import Testing
import TestSupport
@testable import TUI

/// `docs/keys.md` is generated from the action table and the shipped keymap; this fails when the file
/// is stale, and rewrites it with `BANLI_REGENERATE=1`.
@Suite struct KeysDocumentTests {
    @Test func theKeysDocumentIsUpToDate() throws {
        let path = Fixtures.repositoryRoot + "/docs/keys.md"
        let expected = KeysDocument.markdown(try Keymap(Fixtures.configuration().keyBindings))
        if ProcessInfo.processInfo.environment["BANLI_REGENERATE"] == "1" {
            try expected.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let actual = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        #expect(actual == expected, "docs/keys.md is stale; regenerate it with: \(KeysDocument.regenerate)")
    }

    @Test func everyActionOfEveryContextIsListedWithItsKeys() throws {
        let keymap = try Keymap(Fixtures.configuration().keyBindings)
        let text = KeysDocument.markdown(keymap)
        for context in KeyContext.allCases {
            #expect(text.contains("`\(context.rawValue)`"))
            for action in context.actions { #expect(text.contains("| `\(action.rawValue)` |"), "\(context) \(action)") }
        }
        #expect(text.contains("| `Ctrl-S` | `save` | 保存答复 |"))
        #expect(text.contains("| `y` `Y` | `confirm` | 确定 |"))
    }
}
