import Foundation
import Testing
@testable import Model
import TestSupport

/// The case file keeps every text as it was, written so a person can read it: random texts and names
/// (生僻字 beyond U+FFFF, spaces at either end of a line, tabs, `#`, `: `, `- `, quotes, empty lines,
/// U+3000, U+FEFF, control characters) come back equal through the decoder, and the file shows them
/// raw, long texts as literal blocks.
@Suite struct CaseFileRoundTripTests {
    let decoder = CaseFileDecoder(vocabulary: try! Fixtures.configuration().vocabulary)

    /// Pieces random texts are made of: what a YAML writer must take care with, and ordinary Chinese.
    static let pieces: [String] = [
        "居委会", "减负", "。", "，", "王", "𪚥", "𠮷", "𠀀", "😀", " ", "  ", "\t", "#", " #", "# ", ":", ": ", "- ", "-", "?", "? ",
        "'", "\"", "\\", "|", ">", "[", "]", "{", "}", ",", "&", "*", "!", "%", "@", "`", "\n", "\n", "\n\n", "\u{3000}",
        "\u{FEFF}", "\u{1}", "\u{7}", "\u{1B}[2J", "\r", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}", "\u{FFFE}",
        "---", "...", "yes", "No", "~", "null", "090", "2018-05-10", "1e3", "0x1F", "e\u{301}", "\u{200B}", "abc", "a b",
    ]

    /// A U+FEFF that begins a value is lost on reading: Yams makes each scalar a String through
    /// Foundation, which takes it for a byte-order mark (docs/case-file.md says so). Text arriving
    /// from outside never has one there (`IncomingText` drops it), so random texts do not either.
    static func randomText(_ random: inout SplitMix64, maxPieces: Int = 10) -> String {
        let count = Int(random.next() % UInt64(maxPieces + 1))
        let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        return String(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
    }

    @Test func randomTextsAndNamesSurviveTheFile() throws {
        var random = SplitMix64(seed: 12)
        for round in 0..<400 {
            var c = Fixtures.fullCase()
            func text() -> String { Self.randomText(&random) }
            // Required fields may not be blank; the rest may be anything, empty included.
            c.title = "题" + text()
            c.leadProposer = "王" + text()
            c.jointSigners = (0..<Int(random.next() % 3)).map { _ in text() }
            c.topic = text()
            c.leadUnit = text()
            c.otherUnits = [text(), text()]
            c.deadlineNote = text()
            c.handler = text()
            c.returnReason = text()
            c.text = Self.randomText(&random, maxPieces: 30)
            c.contacts[0].people = text()
            c.contacts[0].summary = text()
            c.outcomes[1].note = text()
            c.feedback[c.feedback.count - 1].comment = text()
            c.reply.salutation = text()
            c.reply.opening = Self.randomText(&random, maxPieces: 30)
            c.reply.sections[0].heading = text()
            c.reply.sections[0].text = Self.randomText(&random, maxPieces: 30)
            c.reply.copyTo = [text(), text()]
            c.reply.contactPhone = text()
            c.previousReplies[0].reply.opening = text()
            c.previousReplies[0].reason = text()
            c.journal[1].text = text()
            if round % 2 == 0 {
                c.conflicts = [FieldConflict(field: "答复.正文.1.内容", mine: Self.randomText(&random, maxPieces: 20),
                                             theirs: Self.randomText(&random, maxPieces: 20), mineUser: text(), theirsUser: text(),
                                             time: "2026-12-07T20:30:00+08:00")]
            }
            let file = CaseFileEncoder.encode(c)
            let decoded: Case
            do {
                decoded = try decoder.decode(Array(file.utf8), path: "round-\(round).yaml")
            } catch {
                Issue.record("round \(round): \(error)\n\(file)")
                continue
            }
            #expect(decoded == c, "round \(round):\n\(file)")
            // Equal Swift strings may still differ in their scalars (canonical equivalence).
            #expect(Array(decoded.text.unicodeScalars) == Array(c.text.unicodeScalars), "round \(round)")
            #expect(CaseFileEncoder.encode(decoded) == file, "round \(round)")
        }
    }

    @Test func rareCharactersAreWrittenRaw() throws {
        var c = Fixtures.fullCase()
        c.leadProposer = "王𪚥"
        c.jointSigners = ["吉𠮷", "𠀀先生"]
        c.title = "关于𪚥字的建议"
        c.text = "第一段𠮷。\n第二段𠀀。\n"
        let file = CaseFileEncoder.encode(c)
        #expect(file.contains("领衔人: 王𪚥\n"))
        #expect(file.contains("联名人: [吉𠮷, 𠀀先生]\n"))
        #expect(file.contains("标题: 关于𪚥字的建议\n"))
        #expect(file.contains("提案正文: |\n  第一段𠮷。\n  第二段𠀀。\n"))
        #expect(!file.contains("\\U") && !file.contains("\\u"))
        #expect(try decoder.decode(Array(file.utf8), path: "t.yaml") == c)
    }

    @Test(arguments: [
        // A line ending in a space (libyaml's emitter refuses a block then), a text without a final
        // line break, one with empty lines at its end, one starting with spaces, one starting with an
        // empty line, and comment-like and list-like lines.
        ("第一段 \n第二段\n", "提案正文: |\n  第一段 \n  第二段\n"),
        ("第一段\n第二段", "提案正文: |-\n  第一段\n  第二段\n"),
        ("第一段\n\n\n", "提案正文: |+\n  第一段\n\n\n"),
        ("  缩进\n第二段\n", "提案正文: |2\n    缩进\n  第二段\n"),
        ("\n第二段\n", "提案正文: |2\n\n  第二段\n"),
        ("# 不是注释\n- 不是列表\n\t制表符 \n", "提案正文: |\n  # 不是注释\n  - 不是列表\n  \t制表符 \n"),
        // One paragraph is a block too, so editing it never turns the field into a line of its own.
        ("只有一段。", "提案正文: |-\n  只有一段。\n"),
        ("只有一段。\n", "提案正文: |\n  只有一段。\n"),
    ])
    func longTextsAreLiteralBlocksOneLinePerParagraph(text: String, written: String) throws {
        var c = Fixtures.fullCase()
        c.text = text
        let file = CaseFileEncoder.encode(c)
        #expect(file.contains(written), "\(file)")
        #expect(try decoder.decode(Array(file.utf8), path: "t.yaml").text == text)
        // The reply's long parts are written the same way.
        c.reply.opening = text
        c.reply.sections[0].text = text
        c.reply.closing = text
        let reply = CaseFileEncoder.encode(c)
        let field = written.replacingOccurrences(of: "提案正文: ", with: "").replacingOccurrences(of: "\n  ", with: "\n    ")
        for key in ["  开头: ", "    内容: ", "  结尾: "] {
            let expected = key + (key == "    内容: " ? field.replacingOccurrences(of: "\n    ", with: "\n      ") : field)
            #expect(reply.contains(expected), "\(key)\n\(reply)")
        }
        #expect(try decoder.decode(Array(reply.utf8), path: "t.yaml").reply == c.reply)
    }

    /// What YAML cannot hold raw is escaped, and only that.
    @Test func controlCharactersAreEscapedInDoubleQuotes() throws {
        var c = Fixtures.fullCase()
        c.topic = "甲\u{1B}[2J乙\u{FEFF}丙𪚥"
        c.text = "一\r二\n三\u{2028}\n"
        let file = CaseFileEncoder.encode(c)
        #expect(file.contains("主题: \"甲\\x1B[2J乙\\uFEFF丙𪚥\"\n"))
        #expect(file.contains("提案正文: \"一\\x0D二\\n三\\u2028\\n\"\n"))
        #expect(try decoder.decode(Array(file.utf8), path: "t.yaml") == c)
    }

    /// Through the store: a save writes the rare characters raw and the text as a block.
    @Test func aSavedCaseShowsRareCharactersAndTrailingSpacesAsWritten() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory(), vocabulary: configuration.vocabulary)
        var c = Fixtures.fullCase()
        c.leadProposer = "王𪚥"
        c.text = "𠮷字 \n𠀀字\n"
        let stored = try store.create(c)
        let file = String(decoding: Fixtures.bytes(stored.path), as: UTF8.self)
        #expect(file.contains("领衔人: 王𪚥\n"))
        #expect(file.contains("提案正文: |\n  𠮷字 \n  𠀀字\n"))
        #expect(try store.load(c.id).value == c)
    }
}
