import Foundation
import Testing
import TestSupport
@testable import Model

/// A file that is not UTF-8 text is reported as what it is — UTF-16, or binary — by every reader
/// (case file, configuration, recovery draft, undo step, imported text), not as "cut short" or a
/// control character at some line; a control character in a value is named with its line.
@Suite struct FileContentTests {
    let vocabulary = try! Fixtures.configuration().vocabulary
    let id = CaseID("zx5-2-090")!
    static let caseText = CaseFileEncoder.encode(Fixtures.fullCase())
    static let utf16 = "不是 UTF-8 文本（像是 UTF-16 编码）；请用 UTF-8 编码保存文件"
    static let binary = "是二进制文件，不是 UTF-8 文本"

    /// The case file in UTF-16 as Windows Notepad saves it (with a byte-order mark), as other
    /// programs save it (without), and a binary file — a zero-filled tail after a crash among them.
    static let samples: [(name: String, bytes: [UInt8], message: String)] = [
        ("UTF-16LE with BOM", [0xFF, 0xFE] + utf16(caseText, bigEndian: false), utf16),
        ("UTF-16BE with BOM", [0xFE, 0xFF] + utf16(caseText, bigEndian: true), utf16),
        ("UTF-16LE", utf16(caseText, bigEndian: false), utf16),
        ("UTF-16BE", utf16(caseText, bigEndian: true), utf16),
        ("ASCII as UTF-16BE", utf16("格式: x\n".unicodeScalars.filter(\.isASCII).map(String.init).joined(), bigEndian: true), utf16),
        ("ELF", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + (0..<1024).map { UInt8($0 % 256) }, binary),
        ("zero-filled tail", Array(caseText.utf8) + [UInt8](repeating: 0, count: 4096), binary),
    ]

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    }

    @Test func aCaseFileThatIsNotTextSaysSo() {
        for sample in Self.samples {
            #expect {
                _ = try CaseFileDecoder(vocabulary: vocabulary).decode(sample.bytes, path: "zx5-2-090.yaml")
            } throws: { error in
                (error as? DataFileError)?.description == "zx5-2-090.yaml: " + sample.message
            }
        }
        // A text file cut short is still reported as cut short.
        #expect(throws: DataFileError(path: "a.yaml", line: 3, reason: .truncated)) {
            try CaseFileDecoder(vocabulary: vocabulary).decode(Array("格式: banli-case/1\n类型: 提案\n会议".utf8), path: "a.yaml")
        }
    }

    @Test func aConfigurationThatIsNotTextSaysSo() throws {
        let path = Fixtures.temporaryDirectory() + "/config.yaml"
        let text = "office:\n  unit: 松江区民政局\n"
        for (bytes, message) in [([0xFF, 0xFE] + Self.utf16(text, bigEndian: false), Self.utf16),
                                 (Self.utf16(text, bigEndian: true), Self.utf16),
                                 (Array(text.utf8) + [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0, 0, 0, 0, 0, 0, 0], Self.binary)] {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect {
                try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
            } throws: { error in
                (error as? DataFileError)?.description == path + ": " + message
            }
        }
    }

    /// A store holding the full case with wangli's recovery draft of it and one undo step: the two
    /// files banli writes with a line of its own before the case file's bytes.
    func storeWithDraftAndUndoStep() throws -> (store: CaseStore, draft: String, step: String) {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: vocabulary)
        let stored = try store.create(Fixtures.fullCase())
        try store.writeRecovery(stored.value, base: stored.revision, time: "2026-12-07T09:00:00+08:00", user: "wangli")
        var changed = stored.value
        changed.handler = "zhaomin"
        // A change with a journal entry is one that can be undone.
        changed.journal.append(JournalEntry(time: "2026-12-07T09:05:00+08:00", user: "wangli", text: "改经办人"))
        try store.save(changed, replacing: stored.revision)
        let steps = try FileManager.default.contentsOfDirectory(atPath: store.undoDirectory)
        return (store, store.recoveryPath(of: id, user: "wangli"), store.undoDirectory + "/" + (try #require(steps.first)))
    }

    @Test func aRecoveryDraftOrUndoStepThatIsNotTextSaysSo() throws {
        let (store, draft, step) = try storeWithDraftAndUndoStep()
        for path in [draft, step] {
            let text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
            try Data([0xFF, 0xFE] + Self.utf16(text, bigEndian: false)).write(to: URL(fileURLWithPath: path))
        }
        #expect(throws: DataFileError(path: draft, line: nil, reason: .notText(.utf16))) {
            try store.recovery(for: id, user: "wangli")?.get()
        }
        #expect {
            try store.lastChange(of: id)
        } throws: { error in
            guard case .malformed(let problem) = error as? StoreError else { return false }
            return problem == DataFileError(path: step, line: nil, reason: .notText(.utf16))
        }
    }

    /// An undo step and a recovery draft begin with a line of banli's own before the case file's
    /// bytes; a problem in those bytes is reported at the line a clerk sees it on in the step or
    /// draft file, not one line too low (an anchor on line 10 was reported at :9).
    @Test func aProblemInAnUndoStepOrDraftIsReportedAtTheFilesOwnLine() throws {
        let (store, draft, step) = try storeWithDraftAndUndoStep()
        for (line, reason) in [("备注: &a 甲\n", DataFileError.Reason.anchor("a")), ("备注: 甲\u{0}乙\n", nil), ("备注: !!binary d2FuZ2xp\n", .tag("!!binary"))] {
            for path in [draft, step] {
                let bytes = Fixtures.bytes(path)
                let text = String(decoding: bytes, as: UTF8.self)
                // Before the last field, so the file still ends as banli writes it.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let at = lines.firstIndex { $0.hasPrefix("经办人:") }!
                let edited = (lines[..<at] + [Substring(line.dropLast())] + lines[at...]).joined(separator: "\n")
                try Data(edited.utf8).write(to: URL(fileURLWithPath: path))
                var error: DataFileError?
                do {
                    if path == draft { _ = try store.recovery(for: id, user: "wangli")?.get() } else { _ = try store.lastChange(of: id) }
                } catch let failure as DataFileError {
                    error = failure
                } catch StoreError.malformed(let failure) {
                    error = failure
                }
                #expect(error?.line == at + 1, "\(path): \(String(describing: error))")
                if let reason { #expect(error?.reason == reason) }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
        }
    }

    /// UTF-32, with or without a byte-order mark, is named as UTF-32 (not UTF-16).
    @Test func utf32IsNamedAsSuch() {
        let text = "格式: banli-case/1\n标题: 关于加强社区养老服务的建议\n"
        func utf32(_ bigEndian: Bool) -> [UInt8] {
            text.unicodeScalars.flatMap { scalar in
                let bytes = (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) }
                return bigEndian ? bytes.reversed() : bytes
            }
        }
        for bytes in [[0xFF, 0xFE, 0, 0] + utf32(false), [0, 0, 0xFE, 0xFF] + utf32(true), utf32(false), utf32(true),
                      Array(utf32(false).prefix(16))] {
            #expect(NonText(bytes) == .utf32, "\(bytes.prefix(8))")
        }
        #expect(NonText.utf32.description == "不是 UTF-8 文本（像是 UTF-32 编码）；请用 UTF-8 编码保存文件")
    }

    /// ASCII text with a few NULs is valid UTF-8, not UTF-16: the NULs are control characters at their
    /// line. From `NonText.fewestNULs` NULs in most two-byte units on, it is UTF-16.
    @Test func aFewNULsInShortTextAreNotUTF16() throws {
        for text in ["phrases: [a\u{0}b]\n", "phrases: [ab\u{0}c]\n", "a\u{0}", "a\u{0}b\u{0}c\u{0}\n", "标题: 甲\u{0}乙\u{0}丙\n"] {
            #expect(NonText(Array(text.utf8)) == nil, "\(text.debugDescription)")
        }
        // Four ASCII characters as UTF-16 — the fewest it is told by — on either side.
        #expect(NonText(Self.utf16(": x\n", bigEndian: true)) == .utf16)
        #expect(NonText(Self.utf16(": x\n", bigEndian: false)) == .utf16)
        let path = Fixtures.temporaryDirectory() + "/cn.yaml"
        try Data("phrases: [a\u{0}b]\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        } throws: { error in
            (error as? DataFileError)?.line == 1 && (error as? DataFileError)?.description.contains("U+0000") == true
        }
    }

    /// A file of 0 bytes is empty, not cut short.
    @Test func anEmptyCaseFileSaysSo() {
        #expect(throws: DataFileError(path: "a.yaml", line: nil, reason: .empty)) {
            try CaseFileDecoder(vocabulary: vocabulary).decode([], path: "a.yaml")
        }
        #expect(DataFileError(path: "a.yaml", line: nil, reason: .empty).description == "a.yaml: 文件是空的（0 字节）")
    }

    @Test func importedTextThatIsNotTextSaysSo() {
        #expect(throws: IncomingText.Failure.nonText(.utf16)) { try IncomingText(bytes: [0xFF, 0xFE] + Self.utf16("正文\n", bigEndian: false)) }
        #expect(throws: IncomingText.Failure.nonText(.utf16)) { try IncomingText(bytes: Self.utf16("text\n", bigEndian: true)) }
        #expect(throws: IncomingText.Failure.nonText(.binary)) { try IncomingText(bytes: Array("正文\n".utf8) + [UInt8](repeating: 0, count: 64)) }
        #expect(IncomingText.Failure.nonText(.utf16).description == Self.utf16)
        // One stray NUL in text is still a control character at its line.
        #expect(throws: IncomingText.Failure.controlCharacter(line: 2, scalar: "\u{0}")) {
            try IncomingText(bytes: Array("第一行，一段较长的文字\n第二\u{0}行，又一段较长的文字\n".utf8))
        }
    }
}
