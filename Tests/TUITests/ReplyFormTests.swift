import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The reply form: its structure commands, and the screen driven by keys in the in-memory terminal
/// at several sizes, with the store underneath (saving, recovery, the external editor).
@Suite struct ReplyFormTests {
    static let today = AppSession.today
    let configuration = try! Fixtures.configuration()

    func session(width: Int = 80, height: Int = 24, store directory: String = Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]),
                 environment: [String: String] = [:]) throws -> AppSession {
        try AppSession(width: width, height: height, store: directory, environment: environment)
    }

    /// A session whose `$VISUAL` is a script that writes `output` (printf's format) as the edited text.
    func session(withAnEditorWriting output: String) throws -> AppSession {
        let script = Fixtures.temporaryDirectory() + "/editor.sh"
        Fixtures.write("#!/bin/sh\nprintf '\(output)' > \"$1\"\n", to: script)
        chmod(script, 0o755)
        return try session(environment: ["VISUAL": script])
    }

    func form(_ fields: [(ReplyForm.Role, String)] = []) throws -> ReplyForm {
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]), vocabulary: configuration.vocabulary)
        return ReplyForm(stored: try store.load(CaseID("zx5-2-090")!))
    }

    @Test func sectionsAreAddedMovedAndDeletedWithTheirNumbering() throws {
        var form = try form()
        #expect(form.sectionCount == 3)
        form.focus = form.fields.firstIndex { $0.role == .body(0) }!
        form.addSection()
        #expect(form.focused.role == .heading(1) && form.sectionCount == 4)
        form.edit { $0.insert("新的一部分") }
        form.moveSection(by: -1)
        #expect(form.focused.role == .heading(0) && form.reply.sections[0].heading == "新的一部分")
        #expect(form.reply.sections[1].heading == "规范居委会功能，推进社区减负")
        form.moveSection(by: -1)
        #expect(form.focused.role == .heading(0))
        form.deleteSection()
        #expect(form.sectionCount == 3 && form.reply.sections[0].heading == "规范居委会功能，推进社区减负")
        #expect(form.isModified)
    }

    @Test func movingSectionsKeepsEachHeadingWithItsText() throws {
        var form = try form()
        let original = form.reply.sections
        form.focus = form.fields.firstIndex { $0.role == .body(0) }!
        form.moveSection(by: 1)
        #expect(form.focused.role == .body(1))
        #expect(form.reply.sections == [original[1], original[0], original[2]])
        form.moveSection(by: 1)
        form.moveSection(by: 1)
        #expect(form.focused.role == .body(2) && form.reply.sections == [original[1], original[2], original[0]])
        // Any mix of adding, moving and deleting keeps heading–text pairs, numbered in order, and
        // matches the same steps done on a plain list of sections.
        var random = SplitMix64(seed: 6)
        var model = form.reply.sections
        for step in 0..<300 {
            form.focus = Int(random.next() % UInt64(form.fields.count))
            while form.isHidden(form.focus) { form.moveFocus(by: 1) }
            let section = form.focusedSection
            switch random.next() % 4 {
            case 0:
                form.addSection()
                model.insert(ReplySection(heading: "", text: ""), at: (section ?? (model.count - 1)) + 1)
                form.edit { $0.insert("第\(step)步") }
                model[form.focusedSection!].heading = "第\(step)步"
            case 1, 2:
                let by = random.next() % 2 == 0 ? -1 : 1
                form.moveSection(by: by)
                if let i = section, model.indices.contains(i + by) { model.swapAt(i, i + by) }
            default:
                form.deleteSection()
                if let i = section { model.remove(at: i) }
            }
            let roles = form.fields.map(\.role).filter { $0.section != nil }
            #expect(roles == (0..<model.count).flatMap { [ReplyForm.Role.heading($0), .body($0)] }, "step \(step)")
            #expect(form.reply.sections.map(\.heading) == model.map(\.heading), "step \(step)")
            #expect(form.reply.sections == model, "step \(step)")
        }
    }

    @Test func levelsRunInAndSubsectionsChangeTheShapeNotTheTextAndAreUndone() throws {
        var form = try form()
        let original = form.reply.sections
        #expect(form.numerals() == ["一、", "二、", "三、"])
        form.focus = form.fields.firstIndex { $0.role == .body(1) }!
        let demoted = form.changeLevel(by: 1), toggled = form.toggleRunIn()
        #expect(demoted && toggled && form.numerals() == ["一、", "（一）", "二、"])
        #expect(form.reply.sections[1].runIn && form.isModified)
        // A sub-section goes right after the section, one level deeper; a section added beside a
        // sub-section is at its level.
        let added = form.addSection(deeper: true)
        #expect(added && form.focused.role == .heading(2))
        form.edit { $0.insert("细化到人") }
        #expect(form.numerals() == ["一、", "（一）", "1.", "二、"])
        form.addSection()
        form.edit { $0.insert("再细化") }
        #expect(form.numerals() == ["一、", "（一）", "1.", "2.", "二、"] && form.level(ofSection: 3) == 3)
        let deepest = form.addSection(deeper: true)
        #expect(deepest && form.level(ofSection: 4) == 4)
        // No level below the fourth, none above the first: refused, nothing changes.
        let tooDeep = form.addSection(deeper: true), below = form.changeLevel(by: 1)
        #expect(!tooDeep && !below && form.sectionCount == 6)
        form.focus = form.fields.firstIndex { $0.role == .heading(0) }!
        let above = form.changeLevel(by: -1)
        #expect(!above)
        // An empty heading: plain paragraphs, no numeral, no number used.
        #expect(form.numerals() == ["一、", "（一）", "1.", "2.", nil, "二、"])
        // The texts are untouched throughout, and each change is one undo step.
        #expect(form.reply.sections.filter { !$0.heading.isEmpty && !["细化到人", "再细化"].contains($0.heading) }.map(\.text)
                == original.map(\.text))
        while form.undo() {}
        #expect(form.reply.sections == original && !form.isModified)
        while form.redo() {}
        #expect(form.reply.sections.map(\.level) == [1, 2, 3, 3, 4, 1] && form.reply.sections[1].runIn)
    }

    @Test func aListItemHoldingACommaIsKeptUntilTheFieldIsEdited() throws {
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]), vocabulary: configuration.vocabulary)
        let stored = try store.load(CaseID("zx5-2-090")!)
        var draft = stored.value
        draft.reply.reportTo = ["区委、区政府督查室"]
        draft.reply.attachments = ["规范村居功能、畅通为民服务的指导意见"]
        var form = ReplyForm(stored: stored, draft: draft)
        #expect(form.reply.reportTo == ["区委、区政府督查室"] && form.reply.attachments == draft.reply.attachments)
        // Edited, the one-line list is split at its 、 and ，; attachments only at line breaks.
        form.focus = form.fields.firstIndex { $0.role == .reportTo }!
        form.edit { $0.replaceAll(with: "区委办公室、区政府办公室，区人大") }
        form.focus = form.fields.firstIndex { $0.role == .attachments }!
        form.edit { $0.replaceAll(with: "清单一、清单二\n\n  意见  ") }
        #expect(form.reply.reportTo == ["区委办公室", "区政府办公室", "区人大"])
        #expect(form.reply.attachments == ["清单一、清单二", "意见"])
    }

    /// The line the hardware cursor is on, and the cells before it.
    func caretLine(_ s: AppSession) throws -> (line: String, before: String) {
        let cursor = try #require(s.terminal.cursor)
        let line = s.lines[cursor.y]
        var before = "", width = 0
        for c in line where width < cursor.x {
            before.append(c)
            width += TextMetrics.width(of: c)
        }
        #expect(width == cursor.x, "the cursor is not inside a character")
        return (line, before)
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func aSectionsLevelRunInAndSubsectionsAreSetWithKeysAndShownAsPrinted(width: Int, height: Int) throws {
        let s = try session(width: width, height: height)
        s.openReply("zx5-2-090")
        s.focus(.heading(1))
        s.keys(.controlHome, .alt(.right))
        #expect(s.status == "第二部分改为第二级“（一）”")
        // The numeral as it will print, the section indented under the one above; caret on the heading's first character.
        #expect(try caretLine(s) == (">   （一）挖掘特色优势，深化居民自治", ">   （一）"))
        s.keys(.alt(.character("j")))
        #expect(s.status == "第二部分标题接排：与第一段排成一段")
        // The tag follows the heading's last line (wrapped sooner to leave it room), a space after the
        // caret; the heading ends in no stop, so the tag says the document adds 。 — until it has one.
        s.keys(.controlEnd)
        var (line, before) = try caretLine(s)
        #expect(line == before + " 〔接排，印时补。〕" && before.hasSuffix(width == 80 ? ">   （一）挖掘特色优势，深化居民自治" : "自治"))
        s.type("。")
        (line, before) = try caretLine(s)
        #expect(line == before + " 〔接排〕" && before.hasSuffix("自治。"))
        s.focus(.body(1))
        #expect(s.status.hasPrefix("第二部分正文（第二级·接排） "))
        // A sub-section below it, one level deeper; its empty heading shows it has no numeral yet.
        s.keys(.alt(.character("n")))
        #expect(try caretLine(s) == (">     （无标题，不编号）", ">     "))
        s.type("细化到人")
        #expect(try caretLine(s) == (">     1.细化到人", ">     1.细化到人"))
        // Up to the first level, and no further; each step is undone on its own.
        s.keys(.alt(.left), .alt(.left))
        #expect(try caretLine(s).line == "> 二、细化到人" && s.status == "第三部分改为第一级“一、”")
        s.keys(.alt(.left))
        #expect(s.status == "已是第一级“一、”，不能再升")
        s.keys(.control("z"))
        #expect(try caretLine(s).line == ">   （二）细化到人")
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= width })
        s.keys(.control("s"))
        let saved = try s.load("zx5-2-090")
        #expect(saved.reply.sections.map(\.level) == [1, 2, 2, 1] && saved.reply.sections.map(\.runIn) == [false, true, false, false])
        #expect(saved.reply.sections[2] == ReplySection(heading: "细化到人", text: "", level: 2))
        #expect(saved.journal.last?.text == "修改答复：第二部分、第三部分、第四部分")
    }

    @Test func theSectionMenuSetsLevelAndRunInAndOutsideASectionTheKeysSaySo() throws {
        let s = try session()
        s.openReply("zx5-2-090")
        s.focus(.body(2))
        s.keys(.control("t"))
        #expect(s.lines.contains { $0.hasSuffix("7 降一级") } && s.lines.contains { $0.hasSuffix("8 标题接排：与第一段排成一段") })
        s.keys(.character("7"))
        s.keys(.control("t"), .character("8"))
        s.keys(.control("t"))
        #expect(s.lines.contains { $0.hasSuffix("8 取消接排：标题单独成行") })
        s.keys(.character("5"))
        #expect(s.form!.reply.sections.map(\.level) == [1, 1, 2, 3] && s.form!.reply.sections[2].runIn)
        s.focus(.salutation)
        s.keys(.alt(.right))
        #expect(s.status == "光标不在正文的某一部分中；按 Tab 移到某部分，或按 Ctrl-N 新增一部分")
        #expect(s.form!.reply.sections.map(\.level) == [1, 1, 2, 3])
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func theNewFieldsAreEditedAndSavedAndTheJournalNamesThem(width: Int, height: Int) throws {
        let s = try session(width: width, height: height)
        s.openReply("zx5-2-090")
        s.focus(.title)
        // Empty, the title field shows the title the profile prints, cut to fit.
        let hint = "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见"
        let shown = try caretLine(s)
        #expect(shown.before == "> 标题        ")
        #expect(width == 80 ? shown.line.hasSuffix(hint) : shown.line.hasSuffix("…") && TextMetrics.width(of: shown.line) <= width)
        s.type("关于居委会减负的答复")
        s.keys(.enter)
        s.type("（第二行）")
        s.focus(.attachments)
        s.type("居委会工作事项清单（2018年版）")
        s.keys(.enter)
        s.type("印章使用、退出机制说明")
        #expect(try caretLine(s) == (">" + String(repeating: " ", count: 13) + "印章使用、退出机制说明", ">" + String(repeating: " ", count: 13) + "印章使用、退出机制说明"))
        #expect(s.status.hasPrefix("附件 2件"))
        s.focus(.jointUnits)
        s.type("区财政局、区委组织部")
        s.focus(.leader)
        s.type("王副区长")
        s.focus(.reportTo)
        s.type("区政府办公室")
        #expect(try caretLine(s) == ("> 抄报        区政府办公室", "> 抄报        区政府办公室"))
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= width })
        s.keys(.control("s"))
        let reply = try s.load("zx5-2-090").reply
        #expect(reply.title == "关于居委会减负的答复\n（第二行）")
        #expect(reply.attachments == ["居委会工作事项清单（2018年版）", "印章使用、退出机制说明"])
        #expect(reply.jointUnits == ["区财政局", "区委组织部"] && reply.leader == "王副区长" && reply.reportTo == ["区政府办公室"])
        #expect(try s.load("zx5-2-090").journal.last?.text == "修改答复：标题、落款、附件、联系方式、抄报")
    }

    @Test func theNextPointCountsThePointsAlreadyBegun() throws {
        var form = try form()
        form.focus = form.fields.firstIndex { $0.role == .body(1) }!
        form.edit { $0.replaceAll(with: "一是甲。\n二是乙。") }
        form.insertPoint()
        #expect(form.focused.editor.text == "一是甲。\n二是乙。\n三是")
        form.focus = form.fields.firstIndex { $0.role == .closing }!
        form.edit { $0.replaceAll(with: "") }
        form.insertPoint()
        #expect(form.focused.editor.text == "一是")
        // Points written inside one paragraph count too; 统一是 is no point.
        form.edit { $0.replaceAll(with: "统一是前提。一是甲；二是乙。") }
        form.insertPoint()
        #expect(form.focused.editor.text == "统一是前提。一是甲；二是乙。\n三是")
    }

    @Test func aDisclosureOtherThanActivePublicationNeedsAReason() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        s.keys(.backTab, .backTab, .backTab, .backTab, .backTab, .backTab)
        #expect(s.form?.focused.role == .disclosure)
        s.type("x")
        #expect(s.status == "公开属性从列表中选择：按 Enter")
        // Nor does a paste, a numbered point, a phrase or the external editor put text there (the
        // monkey test found a paste that made the case file unreadable).
        s.send(.paste("一是\u{1B}[2J清屏"))
        s.keys(.control("k"), .control("p"), .control("o"))
        #expect(s.form?.text(.disclosure) == "主动公开·全文")
        s.keys(.enter, .character("4"))
        #expect(s.lines[1] == "  公开属性    不予公开")
        #expect(s.lines[2] == "> 不公开理由  （依申请公开、不予公开时填写）")
        #expect(s.status == "“不予公开”须写明不公开的理由")
        s.keys(.control("s"))
        #expect(s.status == "未保存：公开属性为“不予公开”时须填写不公开理由")
        s.type("涉及个人隐私")
        s.keys(.control("s"))
        #expect(try s.load("zx6-5-101").disclosure == Disclosure(category: "不予公开", reason: "涉及个人隐私"))
    }

    @Test func pointsAndPhrasesGoOnlyIntoParagraphs() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        #expect(s.form?.focused.role == .heading(0))
        s.keys(.control("k"))
        #expect(s.status == "“第一部分标题”不是段落，不能插入要点；请在开头、各部分正文或结尾中使用")
        s.keys(.control("p"))
        #expect(s.status.hasPrefix("“第一部分标题”不是段落，不能插入常用语"))
        s.focus(.date)
        s.keys(.control("k"))
        #expect(s.status.hasPrefix("“日期”不是段落"))
        // Nor into the title, though it takes a line break for a title printed on two lines.
        s.focus(.title)
        s.keys(.control("k"))
        #expect(s.status.hasPrefix("“标题”不是段落") && s.form?.text(.title) == "")
        #expect(s.form?.text(.heading(0)) == "" && s.form?.text(.date) == "2026-11-29")
        s.focus(.body(0))
        s.keys(.control("k"))
        #expect(s.form?.text(.body(0)) == "一是")
    }

    @Test func aDateThatDoesNotParseStopsTheSave() throws {
        var form = try form()
        form.focus = form.fields.firstIndex { $0.role == .date }!
        form.edit { $0.replaceAll(with: "2018年11月1日") }
        #expect(form.problems.map(\.message) == ["日期“2018年11月1日”无效：应写作 2026-11-03 的形式"])
        #expect(form.problems.map(\.role) == [.date])
        #expect(form.reply.date == LocalDate(year: 2018, month: 11, day: 1))
        form.edit { $0.replaceAll(with: "2018-02-30") }
        #expect(form.problems.map(\.message) == ["日期“2018-02-30”无效：2018年2月没有30日"])
        form.edit { $0.replaceAll(with: "2018-13-01") }
        #expect(form.problems.map(\.message) == ["日期“2018-13-01”无效：没有13月"])
        // As an IME in full-width mode types it.
        form.edit { $0.replaceAll(with: "２０１８－１１－０２") }
        #expect(form.problems.isEmpty && form.reply.date == LocalDate(year: 2018, month: 11, day: 2))
    }

    @Test func aNewReplyOpensFromTheTemplateWithTheCursorAtTheFirstEmptyPart() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        let lines = s.lines
        #expect(lines[0].hasPrefix("答复 zx6-5-101 关于完善社区养老顾问制度的建议") && lines[0].hasSuffix("新答复"))
        #expect(lines[1] == "  公开属性    主动公开·全文")
        // The title the profile prints stands, dimmed, in the empty title field.
        #expect(lines[2] == "  标题        关于青浦区政协第六届委员会第五次会议第101号提案的办理意见")
        #expect(s.terminal.frame[14, 2].style == .muted)
        #expect(lines[3] == "  文号")
        #expect(lines[4] == "  日期        2026-11-29")
        #expect(lines[5] == "  称呼        苏立群委员：")
        #expect(lines[7] == "  【开头】 59字")
        #expect(lines[8] == "  您在区政协第六届委员会第五次会议上提出的101号《关于完善社区养老顾问制度的建")
        // An empty heading prints no numeral: the section is plain paragraphs until it has one.
        #expect(lines[11] == "> （无标题，不编号）")
        #expect(lines[12] == "  （本部分正文）")
        #expect(lines[22] == "新答复已按模板生成称呼、开头、结尾和落款")
        #expect(lines[23] == "Ctrl-S 保存  Tab 下一项  Ctrl-R 预览  F3 原文  Ctrl-G 帮助  Esc 返回")
        #expect(s.terminal.cursor! == (2, 11))
        s.type("加强队伍建设")
        #expect(s.lines[11] == "> 一、加强队伍建设" && s.terminal.cursor! == (18, 11))
        s.keys(.tab)
        s.type("建立专职顾问队伍。")
        #expect(s.lines[0].hasSuffix("未保存"))
        #expect(s.lines[11] == "  一、加强队伍建设")
        #expect(s.lines[12] == "> 建立专职顾问队伍。")
        #expect(s.terminal.cursor! == (20, 12))
        #expect(s.status == "第一部分正文 9字 · 全文95字 · 未保存")
    }

    @Test func anUntouchedNewReplyIsLeftWithoutAQuestionAndNothingSaved() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        s.keys(.escape)
        #expect(s.form == nil && s.state.top is ListScreen)
        #expect(try s.load("zx6-5-101").reply.isEmpty)
        #expect(s.store.recovery(for: CaseID("zx6-5-101")!, user: "tester") == nil)
    }

    @Test func savingWritesTheReplyAndAJournalEntryAndUpdatesTheList() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        s.type("加强队伍建设")
        s.keys(.tab)
        s.type("建立专职顾问队伍。")
        s.keys(.control("s"))
        #expect(s.status == "已保存 zx6-5-101（答复95字）")
        #expect(s.lines[0].hasSuffix("已保存"))
        let saved = try s.load("zx6-5-101")
        #expect(saved.reply.sections == [ReplySection(heading: "加强队伍建设", text: "建立专职顾问队伍。")])
        #expect(saved.reply.salutation == "苏立群委员：")
        #expect(saved.journal.last == JournalEntry(time: saved.journal.last!.time, user: "tester",
                                                   text: "修改答复：日期、称呼、开头、第一部分、结尾、落款、联系方式、抄送"))
        #expect(s.store.recovery(for: saved.id, user: "tester") == nil)
        s.keys(.escape)
        #expect(s.form == nil && s.state.cases.all.first { $0.id == saved.id }!.hasReply)
    }

    @Test func leavingWithUnsavedChangesAsksKeepEditingFirstAndDiscardsOnlyWhenConfirmed() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        s.type("草稿")
        s.keys(.escape)
        #expect(s.lines[12].hasSuffix("答复有未保存的修改"))
        #expect(s.lines[13].hasSuffix("> 1 继续编辑"))
        #expect(s.lines[15].hasSuffix("3 放弃修改并离开（先确认）"))
        #expect(s.terminal.cursor == nil)
        #expect(s.hints == "Enter 选定  Esc 取消  ↑↓ 移动")
        // Enter takes the default: go on editing.
        s.keys(.enter)
        #expect(s.form?.text(.heading(0)) == "草稿" && s.state.top is ReplyFormScreen)
        // Discarding asks once more, No by default.
        s.keys(.escape, .character("3"))
        #expect(s.lines.contains { $0.contains("放弃对 zx6-5-101 答复的修改？") })
        #expect(s.status == "确定？(y/N)")
        s.keys(.enter)
        #expect(s.form?.text(.heading(0)) == "草稿")
        s.keys(.escape, .character("3"), .character("y"))
        #expect(s.form == nil)
        #expect(try s.load("zx6-5-101").reply.isEmpty)
        #expect(s.store.recovery(for: CaseID("zx6-5-101")!, user: "tester") == nil)
    }

    @Test func anAutosavedDraftIsOfferedBackAfterACrash() throws {
        let directory = Fixtures.demoStoreCopy()
        let first = try AppSession.leavingADraft(in: directory, case: "zx6-5-101", text: "没保存就崩溃了")
        let id = CaseID("zx6-5-101")!
        #expect(try first.store.recovery(for: id, user: "tester")?.get().value.reply.sections.first?.heading == "没保存就崩溃了")
        // A second process (the first one "crashed" and is abandoned) finds the draft.
        let second = try session(store: directory)
        second.openReply("zx6-5-101")
        #expect(second.lines.contains { $0.hasSuffix("发现 今天 09:00 未保存的草稿") })
        second.keys(.character("1"))
        #expect(second.form?.text(.heading(0)) == "没保存就崩溃了")
        #expect(second.status.hasPrefix("已恢复 今天 09:00 的草稿"))
        second.keys(.control("s"))
        #expect(try second.load("zx6-5-101").reply.sections.first?.heading == "没保存就崩溃了")
        #expect(second.store.recovery(for: id, user: "tester") == nil)
    }

    @Test func aDraftIsDiscardedOnlyWhenConfirmedAndEscapingTheQuestionKeepsIt() throws {
        let directory = Fixtures.demoStoreCopy()
        try AppSession.leavingADraft(in: directory, case: "zx6-5-101", text: "留着")
        let second = try session(store: directory)
        second.openReply("zx6-5-101")
        second.keys(.escape)
        #expect(second.form == nil)
        #expect(second.store.recovery(for: CaseID("zx6-5-101")!, user: "tester") != nil)
        second.keys(.character("r"), .character("2"))
        #expect(second.status == "确定？(y/N)")
        // No brings the question back; yes discards.
        second.keys(.character("n"))
        #expect(second.lines.contains { $0.hasSuffix("未保存的草稿") })
        second.keys(.character("2"), .character("y"))
        #expect(second.store.recovery(for: CaseID("zx6-5-101")!, user: "tester") == nil)
        #expect(second.form?.text(.heading(0)) == "" && second.status == "已丢弃草稿")
    }

    @Test func aFieldCanBeEditedInTheUsersEditor() throws {
        let s = try session(withAnEditorWriting: "外部编辑器写的标题\\n")
        s.openReply("zx6-5-101")
        s.terminal.send(keys: [.control("o")])
        s.runner.run()
        #expect(s.runner.state.form?.text(.heading(0)) == "外部编辑器写的标题")
        #expect(s.terminal.lines[11] == "> 一、外部编辑器写的标题")
        let failing = try session(environment: ["VISUAL": "false"])
        failing.openReply("zx6-5-101")
        failing.terminal.send(keys: [.control("o")])
        failing.runner.run()
        #expect(failing.terminal.lines[22] == "编辑器“false”以状态 1 退出，本项未修改")
        #expect(failing.runner.state.form?.text(.heading(0)) == "")
    }

    @Test func thePreviewShowsTheDocumentAndWhatIsMissing() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        // A paragraph that starts with words and a colon is laid out as the document has it, not hung.
        s.keys(.tab)
        s.type("具体措施：建立专职顾问队伍，开展系统培训和持证上岗，推行养老顾问与家庭医生联合上门服务。")
        s.terminal.send(keys: [.control("r")])
        s.runner.run()
        #expect(s.terminal.lines[0].hasPrefix("预览 答复 zx6-5-101"))
        #expect(s.terminal.lines[1] == "关于青浦区政协第六届委员会第五次会议第101号提案的办理意见")
        // The section has text and no heading: plain paragraphs, which is a written body.
        #expect(s.terminal.lines[22] == "尚缺：办理结果")
        let row = try #require(s.lines.firstIndex { $0.hasPrefix("具体措施：") })
        #expect(!s.lines[row + 1].hasPrefix(" "))
        s.terminal.send(keys: [.escape])
        s.runner.run()
        #expect(s.state.top is ReplyFormScreen)
    }

    @Test(arguments: [(40, 12), (120, 40), (20, 6)])
    func theFormFitsAndTheCursorStaysOnTheCaret(width: Int, height: Int) throws {
        let s = try session(width: width, height: height)
        s.openReply("zx5-2-090")
        for _ in 0..<12 { s.terminal.send(keys: [.tab]) }
        s.terminal.type("补充一句")
        s.runner.run()
        #expect(s.terminal.lines.allSatisfy { TextMetrics.width(of: $0) <= width })
        let cursor = try #require(s.terminal.cursor)
        #expect((0..<width).contains(cursor.x) && (1..<(height - 2)).contains(cursor.y))
        #expect(s.terminal.lines[cursor.y].hasPrefix(">"))
    }

    @Test func aDeletedSectionComesBackWithUndoAndUndoGoesBackAcrossParts() throws {
        let s = try session()
        s.openReply("zx5-2-090")
        let headings = s.form!.reply.sections.map(\.heading)
        s.focus(.body(1))
        s.keys(.control("t"), .character("4"))
        let question = try #require(s.state.top as? ConfirmationLayer).question
        #expect(question == "删除第二部分“挖掘特色优势，深化居民自治”及其正文？（可按 Ctrl-Z 撤销）")
        #expect(s.lines.contains { $0.contains("删除第二部分“挖掘特色优势，深化居民自治”") })
        s.keys(.character("y"))
        #expect(s.form!.sectionCount == 2 && s.form!.isModified)
        s.keys(.control("z"))
        #expect(s.form!.reply.sections.map(\.heading) == headings && s.form!.focused.role == .body(1))
        #expect(!s.form!.isModified)
        s.keys(.control("y"))
        #expect(s.form!.sectionCount == 2)
        s.keys(.control("z"))
        // One history for the whole reply: Ctrl-Z goes back to the part last changed.
        s.focus(.salutation)
        s.type("各位")
        s.focus(.closing)
        s.keys(.controlHome)
        s.type("另外，")
        s.keys(.control("z"))
        #expect(s.form!.focused.role == .closing && !s.form!.text(.closing).hasPrefix("另外"))
        s.keys(.control("z"))
        #expect(s.form!.focused.role == .salutation && s.form!.text(.salutation) == "周建平、沈雅琴、陆卫国委员：")
        #expect(!s.form!.isModified)
        s.keys(.control("z"))
        #expect(s.status == "没有可以撤销的修改")
    }

    @Test func aFinalLineBreakFromTheFileIsNeitherAParagraphNorLost() throws {
        let s = try session()
        let stored = try s.load("zx5-2-090")
        #expect(stored.reply.closing.hasSuffix("\n"))
        s.openReply("zx5-2-090")
        s.focus(.closing)
        // The caret cannot go below the last paragraph: there is no empty one after it.
        s.keys(.controlEnd)
        let editor = s.form!.focused.editor
        #expect(editor.caret == editor.characters.count && editor.characters.last != "\n")
        #expect(!s.lines.contains { $0 == ">" })
        // Another part changed and saved: the closing, untouched, is saved exactly as it was.
        s.focus(.salutation)
        s.type("尊敬的")
        s.keys(.control("s"))
        let saved = try s.load("zx5-2-090")
        #expect(saved.reply.closing == stored.reply.closing && saved.reply.opening == stored.reply.opening)
        #expect(saved.journal.last?.text == "修改答复：称呼")
    }

    @Test func anEditorThatWritesDOSLineEndsAddsNoEmptyParagraph() throws {
        let s = try session(withAnEditorWriting: "甲\\r\\n乙\\r\\n")
        s.openReply("zx6-5-101")
        s.focus(.body(0))
        s.keys(.control("o"))
        #expect(s.form?.text(.body(0)) == "甲\n乙")
    }

    @Test func aSaveRefusedForADateGoesToTheDateAndASectionThatCannotMoveSaysSo() throws {
        let s = try session()
        s.openReply("zx5-2-090")
        s.focus(.date)
        s.keys(.controlEnd)
        s.type("日")
        s.focus(.closing)
        s.keys(.control("s"))
        #expect(s.status.hasPrefix("未保存：日期“2018-11-01日”") && s.form?.focused.role == .date)
        s.keys(.control("u"))
        s.type("2018-02-30")
        s.focus(.closing)
        s.keys(.control("s"))
        #expect(s.status.hasPrefix("未保存：日期“2018-02-30”无效：2018年2月没有30日") && s.form?.focused.role == .date)
        s.focus(.body(2))
        s.keys(.control("t"), .character("3"))
        #expect(s.status == "已是最后一部分，不能再下移" && s.form?.focused.role == .body(2))
    }
}
