import Foundation
import Testing
import TestSupport
import Model

/// `banli import` through the real binary: the mapping printed first, each bad row and each row
/// already in the store reported with its row number, one summary line, exit 65 when a row was in
/// error; `--dry-run` writes nothing; a file that is no list is refused in one line.
@Suite struct ImportCommandTests {
    let banli = Banli()
    let store: String
    static let workbook = Fixtures.fixture("assignment/交办名单.xlsx")

    init() throws {
        store = Fixtures.temporaryDirectory("banli-assignment") + "/store"
        let out = try Banli().run(["init", store])
        #expect(out.status == 0, "\(out.stderr)")
    }

    func run(_ arguments: [String]) throws -> Banli.Output { try banli.run(arguments + ["--store", store]) }

    var caseFiles: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted() }

    @Test func theWorkbookIsImportedRowByRowWithAReportAndASummary() throws {
        let dry = try run(["import", Self.workbook, "--kind", "提案", "--meeting", "六届五次", "--dry-run"])
        #expect(dry.status == 65 && dry.stderr.isEmpty, "\(dry.stderr)")
        #expect(dry.lines.first == "列的对应（交办名单.xlsx，工作表“一组”，数据从第4行起）：")
        #expect(dry.lines.contains("  主办单位 ← 主办（F列）") && dry.lines.contains("  未用的列：序号（A列）"), "\(dry.stdout)")
        #expect(dry.lines.contains("第4行：新建 zx6-5-001 关于加强社区养老服务的建议") && dry.lines.last == "将新建 5 件，跳过已有 0 件，错误 5 行")
        #expect(caseFiles.isEmpty)

        let out = try run(["import", Self.workbook, "--kind", "提案", "--meeting", "6-5"])
        #expect(out.status == 65 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.suffix(6) == [
            "第7行：标题：不能为空", "第8行：主办单位：“区水务局”主办，会办单位中也没有本单位（青浦区民政局）", "第9行：案号“002”与第5行重复",
            "第11行：交办日期：“2026/2/30”无效：2026年2月没有30日", "第13行：重点：应为“是”或“否”，不是“也许”", "新建 5 件，跳过已有 0 件，错误 5 行",
        ], "\(out.stdout)")
        #expect(caseFiles == ["zx6-5-001.yaml", "zx6-5-002.yaml", "zx6-5-003.yaml", "zx6-5-006.yaml", "zx6-5-090.yaml"])
        let file = String(decoding: Fixtures.bytes(store + "/zx6-5-002.yaml"), as: UTF8.self)
        #expect(file.contains("承办方式: 会办") && file.contains("从 交办名单.xlsx（一组） 第5行导入"), "\(file)")

        let again = try run(["import", Self.workbook, "--kind", "提案", "--meeting", "6-5"])
        #expect(again.lines.contains("第4行：已有 zx6-5-001，跳过") && again.lines.last == "新建 0 件，跳过已有 5 件，错误 5 行", "\(again.stdout)")
    }

    @Test func aCSVInGB18030WithAChosenColumnAndItsOwnKinds() throws {
        let out = try run(["import", Fixtures.fixture("assignment/交办名单-gb18030.csv"), "--column", "联名人=", "--column", "正文=会办单位"])
        #expect(out.lines.first == "列的对应（交办名单-gb18030.csv，GB18030，数据从第2行起）：", "\(out.stdout)")
        #expect(out.lines.contains("  正文 ← 会办单位（H列）") && out.lines.contains("  未用的列：附议人（F列）"), "\(out.stdout)")
        // Without its 会办单位 column, row 3 (主办 区卫健委, 会办 this office) is another office's case.
        #expect(out.lines.contains("第3行：主办单位：“区卫健委”主办，会办单位中也没有本单位（青浦区民政局）"), "\(out.stdout)")
        #expect(out.lines.last == "新建 2 件，跳过已有 0 件，错误 5 行" && caseFiles == ["rd6-5-103.yaml", "zx6-5-101.yaml"])
        let wrong = try run(["import", Fixtures.fixture("assignment/交办名单-gb18030.csv"), "--encoding", "utf-8"])
        #expect(wrong.status == 65 && wrong.stdout.isEmpty && wrong.stderr.hasPrefix("banli: ") && wrong.stderr.contains("不是 UTF-8 文本"), "\(wrong.stderr)")
        let unknown = try run(["import", Fixtures.fixture("assignment/交办名单-gb18030.csv"), "--column", "备注=案由"])
        #expect(unknown.status == 64 && unknown.stderr.contains("没有“备注”这一项"), "\(unknown.stderr)")
    }

    @Test func aFileThatIsNoListIsRefusedInOneLineAndNothingIsWritten() throws {
        let directory = Fixtures.temporaryDirectory("banli-assignment-bad")
        let bad = directory + "/名单.xlsx"
        Fixtures.write("案号,标题\n", to: bad)
        let out = try run(["import", bad, "--kind", "提案"])
        #expect(out.status == 65 && out.stdout.isEmpty && out.stderr == "banli: \(bad)：不是 Excel 工作簿（.xlsx 应是含有 xl/workbook.xml 的 zip 压缩包），未导入\n")
        // A list whose heading, sheet and name say neither 政协 nor 人大: the kind must be given.
        let plain = directory + "/名单.csv"
        Fixtures.write("案号,标题,领衔人\n001,关于加强河道治理的建议,张三\n", to: plain)
        let noKind = try run(["import", plain])
        #expect(noKind.status == 65 && noKind.stderr.contains("找不到“类型”列") && noKind.stderr.contains("--kind 提案"), "\(noKind.stderr)")
        #expect(caseFiles.isEmpty)
    }

    @Test func theListsHeadingGivesTheKindAndMeetingOfRowsWithout() throws {
        // The workbook's first sheet has no 类型 or 届次 column; its heading is 2026年青浦区政协六届五次会议提案交办清单.
        let dry = try run(["import", Self.workbook, "--dry-run"])
        #expect(dry.lines.contains("  类型、届次 ← 标题“区政协六届五次会议”（无此列或此格空时）"), "\(dry.stdout)")
        #expect(dry.lines.last == "将新建 5 件，跳过已有 0 件，错误 5 行", "\(dry.stdout)")
        #expect(dry.stdout.contains("zx6-5-"), "\(dry.stdout)")
    }
}
