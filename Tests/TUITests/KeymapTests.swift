import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

@Suite struct KeymapTests {
    func keymap(user text: String) throws -> Keymap {
        let path = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write(text, to: path)
        let configuration = try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        return try Keymap(configuration.keyBindings)
    }

    @Test func theShippedDefaultsBindEveryListAction() throws {
        let keymap = try Keymap(Fixtures.configuration().keyBindings)
        #expect(keymap.action(for: .character("j"), in: .list) == .moveDown)
        #expect(keymap.action(for: .control("f"), in: .detail) == .pageDown)
        #expect(keymap.action(for: .character("?"), in: .help) == .back)
        let listActions: [Action] = [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .open, .quit, .help,
                                     .search, .nextMatch, .previousMatch, .filter, .sort, .reply, .outcome, .status,
                                     .mark, .contact, .feedback, .due, .statistics]
        #expect(listActions.allSatisfy { !keymap.keys(for: $0, in: .list).isEmpty })
        let formActions: [Action] = [.save, .nextField, .previousField, .addSection, .sectionMenu, .insertPoint,
                                     .insertPhrase, .preview, .externalEditor, .help, .back]
        #expect(formActions.allSatisfy { !keymap.keys(for: $0, in: .form).isEmpty })
        #expect(keymap.action(for: .control("s"), in: .form) == .save)
    }

    @Test func aUserFileRebindsOneAction() throws {
        let keymap = try keymap(user: "keys:\n  list:\n    quit: [Q, Ctrl-Q]\n")
        #expect(keymap.action(for: .character("Q"), in: .list) == .quit)
        #expect(keymap.action(for: .control("q"), in: .list) == .quit)
        #expect(keymap.action(for: .character("q"), in: .list) == nil)
        #expect(keymap.action(for: .character("j"), in: .list) == .moveDown)
    }

    @Test func ctrlArrowsHaveNamesAndLabels() {
        #expect(Key(name: "Ctrl-Left") == .controlLeft && Key.controlLeft.label == "Ctrl-←")
        #expect(Key(name: "Ctrl-Right") == .controlRight && Key.controlRight.label == "Ctrl-→")
        #expect(Key(name: "Ctrl-Home") == .controlHome && Key(name: "Ctrl-End") == .controlEnd)
    }

    @Test(arguments: [
        ("keys:\n  list:\n    fly: [x]\n", "“fly”无效"),
        ("keys:\n  list:\n    open: [Hyper-X]\n", "无法识别的按键名"),
        ("keys:\n  list:\n    open: [r]\n", "已绑定到“reply”"),
        ("keys:\n  list:\n    quit: []\n", "必须有退出的按键"),
        ("keys:\n  sidebar:\n    open: [x]\n", "“sidebar”无效"),
        ("keys:\n  form:\n    save: [s]\n", "“答复表单”中的字符键用于输入文字"),
        ("keys:\n  form:\n    back: []\n", "答复表单必须有离开的按键"),
        // Ctrl-M is the byte Enter sends and Ctrl-I Tab's: bound, they would never arrive as themselves.
        ("keys:\n  list:\n    quit: [Ctrl-M]\n", "终端送来的 Ctrl-M 就是 Enter"),
        ("keys:\n  form:\n    save: [Ctrl-I]\n", "终端送来的 Ctrl-I 就是 Tab"),
        ("keys:\n  list:\n    open: [Ctrl-h]\n", "就是 Backspace"),
    ])
    func badBindingsAreRefusedWithFileAndLine(text: String, message: String) {
        #expect {
            _ = try keymap(user: text)
        } throws: { error in
            let e = error as! DataFileError
            return e.path.hasSuffix("config.yaml") && e.line == 3 && e.description.contains(message)
        }
    }
}
