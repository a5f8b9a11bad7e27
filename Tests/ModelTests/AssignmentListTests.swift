import Foundation
import Testing
@testable import Model
import TestSupport

/// Reading an assignment list: the workbook LibreOffice Calc wrote (`scripts/make-import-fixtures`:
/// shared strings, merged header cells over two rows, dates as serial numbers, two sheets), the
/// CSV files as Excel and WPS save them, a hand-made package with inline strings and the 1904 date
/// system, and files made to hurt.
@Suite struct AssignmentListTests {
    static let configuration = try! Fixtures.configuration()
    static let workbook = Fixtures.fixture("assignment/交办名单.xlsx")

    func settings(kind: String? = "提案", meeting: String? = "6-5") -> AssignmentImport.Settings {
        AssignmentImport.Settings(kind: kind, meeting: meeting, configuration: Self.configuration, today: LocalDate(iso: "2026-03-20")!,
                                  user: "李四", time: "2026-03-20T09:00:00+08:00")
    }

    func plan(_ file: AssignmentFile, kind: String? = "提案", meeting: String? = "6-5", store: [CaseSummary] = []) throws -> AssignmentImport {
        let mapping = try ColumnMapping(table: file.table, names: ColumnNames(configured: Self.configuration.importColumns))
        return try AssignmentImport(file: file, mapping: mapping, settings: settings(kind: kind, meeting: meeting), store: store)
    }

    @Test func theWorkbooksMergedTwoRowHeaderAndSerialDatesAreRead() throws {
        let file = try AssignmentFile(path: Self.workbook)
        #expect(file.sheets == ["一组", "二组"] && file.table.sheet == "一组" && file.source == "交办名单.xlsx（一组）")
        let mapping = try ColumnMapping(table: file.table, names: ColumnNames())
        #expect(mapping.lastHeaderRow == 3)
        #expect(mapping.columns == [.number: 1, .title: 2, .leadProposer: 3, .jointSigners: 4, .leadUnit: 5, .otherUnits: 6,
                                    .assignedOn: 7, .topic: 8, .isKey: 9])
        #expect(mapping.lines.last == "未用的列：序号（A列）")
        let row4 = try #require(file.table.rows.first { $0.number == 4 })
        #expect(row4.cells[7] == "2026-03-05", "a serial number in a yyyy/m/d style is a date")
        #expect(file.table.rows.first { $0.number == 6 }?.cells[1] == "003", "a number in a 000 style keeps its zeros")
        #expect(file.table.rows.first { $0.number == 1 }?.cells[9] == "2026年青浦区政协六届五次会议提案交办清单", "a merged cell fills its range")
    }

    @Test func everyRowIsJudgedAndTheValidOnesCreated() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: Self.configuration.vocabulary)
        var existing = Case(kind: .proposal, meeting: Meeting(term: 6, session: 5), number: "090", title: "已有", leadProposer: "某",
                            assignedOn: LocalDate(iso: "2026-01-01"), status: "待签收")
        existing.journal = [JournalEntry(time: "2026-01-01T09:00:00+08:00", user: "李四", text: "新建案件")]
        try store.create(existing)
        let plan = try plan(AssignmentFile(path: Self.workbook), store: try store.list().summaries)
        #expect(plan.rows.map { $0.line() } == [
            "第4行：新建 zx6-5-001 关于加强社区养老服务的建议", "第5行：新建 zx6-5-002 关于完善养老机构监管的建议",
            "第6行：新建 zx6-5-003 关于推进婚姻登记便民服务的建议", "第7行：标题：不能为空",
            "第8行：主办单位：“区水务局”主办，会办单位中也没有本单位（青浦区民政局）", "第9行：案号“002”与第5行重复",
            "第10行：新建 zx6-5-006 关于殡葬改革的建议", "第11行：交办日期：“2026/2/30”无效：2026年2月没有30日",
            "第12行：已有 zx6-5-090，跳过", "第13行：重点：应为“是”或“否”，不是“也许”",
        ])
        let creation = plan.create(in: store)
        #expect(creation.summary == "新建 4 件，跳过已有 1 件，错误 5 行" && creation.stopped == nil)
        let first = try store.load(CaseID("zx6-5-001")!).value
        #expect(first.role == .lead && first.leadUnit == "" && first.otherUnits == ["区卫健委"] && first.isKey)
        #expect(first.jointSigners == ["李四", "王五"] && first.topic == "社会保障" && first.assignedOn == LocalDate(iso: "2026-03-05"))
        #expect(first.journal.map(\.text) == ["从 交办名单.xlsx（一组） 第4行导入"])
        let second = try store.load(CaseID("zx6-5-002")!).value
        #expect(second.role == .coHandler && second.leadUnit == "区卫健委" && second.otherUnits == ["青浦区民政局", "区财政局"])
        #expect(try store.load(CaseID("zx6-5-006")!).value.assignedOn == LocalDate(iso: "2026-03-07"))
        // The same list again creates nothing: every valid row is now in the store.
        let again = try self.plan(AssignmentFile(path: Self.workbook), store: try store.list().summaries)
        #expect(again.newCount == 0 && again.existingCount == 5 && again.errorCount == 5)
    }

    @Test func theSecondSheetTakesKindAndMeetingFromItsColumnsAndPlacesAPrintedNumber() throws {
        let file = try AssignmentFile(path: Self.workbook, sheet: "2")
        #expect(file.table.sheet == "二组")
        #expect(try AssignmentFile(path: Self.workbook, sheet: "二组").table.sheet == "二组")
        #expect(throws: AssignmentListError.noSuchSheet("三组", sheets: ["一组", "二组"])) { try AssignmentFile(path: Self.workbook, sheet: "三组") }
        let plan = try plan(file, kind: nil, meeting: nil)
        #expect(plan.rows.map { $0.line() } == ["第2行：新建 rd6-5-12 关于优化低保审核流程的建议", "第3行：新建 zx6-5-52 关于加强社区养老服务的提案",
                                                 "第4行：类型：未知“议案”（可选：提案、建议）"])
    }

    @Test func csvFilesInGB18030AndWithABOMReadAlike() throws {
        let gb = try AssignmentFile(path: Fixtures.fixture("assignment/交办名单-gb18030.csv"))
        let bom = try AssignmentFile(path: Fixtures.fixture("assignment/交办名单-bom.csv"))
        #expect(gb.encoding == .gb18030 && bom.encoding == .utf8)
        #expect(gb.table == bom.table && gb.table.rows[0].cells[0] == "类型")
        #expect(gb.table.rows[2].cells[3] == "关于\"老有所依\"的建议，含逗号")
        let lines = try plan(gb, kind: nil, meeting: nil).rows.map { $0.line() }
        #expect(lines == [
            "第2行：新建 zx6-5-101 关于社区食堂建设的建议", "第3行：新建 zx6-5-102 关于\"老有所依\"的建议，含逗号", "第4行：新建 rd6-5-103 关于适老化改造的建议",
            "第5行：类型：未知“议案”（可选：提案、建议）", "第6行：届次：看不懂“甲乙”（写作 6-5、六届五次，或会议全称；不知道时留空）",
            "第7行：案号“101”与第2行重复", "第8行：领衔人：不能为空；交办日期：“2026/13/5”无效：没有13月",
        ])
        #expect(throws: AssignmentListError.self) { try AssignmentFile(path: Fixtures.fixture("assignment/交办名单-gb18030.csv"), encoding: .utf8) }
    }

    @Test func theMappingCanBeChosenAndConfigured() throws {
        let file = try AssignmentFile(path: Self.workbook)
        let chosen = try ColumnMapping(table: file.table, names: ColumnNames(), chosen: [.topic: "", .handler: "序号"])
        #expect(chosen.columns[.topic] == nil && chosen.columns[.handler] == 0 && chosen.lines.last == "未用的列：类别（I列）")
        #expect(throws: AssignmentListError.noSuchColumn("备注", headers: file.table.rows[2].cells)) {
            try ColumnMapping(table: file.table, names: ColumnNames(), chosen: [.text: "备注"])
        }
        #expect(ColumnNames.field(named: "案由") == .title && ColumnNames.field(named: "标题") == .title && ColumnNames.field(named: "备注") == nil)
        let configured = try Fixtures.configuration(user: "import:\n  columns:\n    正文: [备注说明]\n    承办人: 序号\n")
        #expect(configured.importColumns == [.text: ["备注说明"], .handler: ["序号"]])
        #expect(try ColumnMapping(table: file.table, names: ColumnNames(configured: configured.importColumns)).columns[.handler] == 0)
        #expect(throws: (any Error).self) { try Fixtures.configuration(user: "import:\n  columns:\n    标提: [案由]\n") }
        do {
            _ = try Fixtures.configuration(user: "import:\n  columns:\n    标提: [案由]\n")
        } catch let error as DataFileError {
            #expect(error.line == 3 && error.description.contains("import.columns.标提"), "\(error)")
        }
    }

    @Test func serialNumbersFollowBothDateSystemsAndThe1900Bug() throws {
        #expect(try SpreadsheetDate.date(serial: 1) == LocalDate(iso: "1900-01-01"))
        #expect(try SpreadsheetDate.date(serial: 59) == LocalDate(iso: "1900-02-28"))
        #expect(throws: SpreadsheetDate.Failure.february29of1900) { try SpreadsheetDate.date(serial: 60) }
        #expect(try SpreadsheetDate.date(serial: 61) == LocalDate(iso: "1900-03-01"))
        #expect(try SpreadsheetDate.date(serial: 45356.75) == LocalDate(iso: "2024-03-05"))
        #expect(try SpreadsheetDate.date(serial: 0, system: .from1904) == LocalDate(iso: "1904-01-01"))
        #expect(try SpreadsheetDate.date(serial: 43894, system: .from1904) == LocalDate(iso: "2024-03-05"))
        #expect(throws: SpreadsheetDate.Failure.outOfRange(3_000_000)) { try SpreadsheetDate.date(serial: 3_000_000) }
        for text in ["2024-03-05", "2024-3-5", "2024/3/5", "2024.3.5", "2024年3月5日", "２０２４年３月５日", "45356", "2024/3/5 0:00"] {
            #expect(try LocalDate(written: text) == LocalDate(iso: "2024-03-05"), "\(text)")
        }
        #expect(throws: DateError.noSuchDay(year: 2024, month: 2, day: 30)) { try LocalDate(written: "2024年2月30日") }
        #expect(throws: DateError.wrongShape) { try LocalDate(written: "3月5日") }
        #expect(XLSXNumberFormats.shown(code: "yyyy\"年\"m\"月\"d\"日\"") == .date && XLSXNumberFormats.shown(code: "[$-F800]dddd") == .date)
        #expect(XLSXNumberFormats.shown(code: "h:mm") == .number && XLSXNumberFormats.shown(code: "0.00E+00") == .number)
        #expect(XLSXNumberFormats.shown(code: "m/d") == .date && XLSXNumberFormats.shown(code: "0000") == .zeroPadded(4))
    }

    /// LibreOffice and Excel write shared strings; other programs write inline strings, which this
    /// package — assembled here, as no spreadsheet program on this machine writes them — holds,
    /// with the 1904 date system and the built-in date format 14.
    @Test func inlineStringsAndThe1904SystemAreRead() throws {
        let file = try AssignmentFile(bytes: try Self.package(cells: """
            <row r="1"><c r="A1" t="inlineStr"><is><t>案号</t></is></c><c r="B1" t="inlineStr"><is><r><t>标</t></r><r><t>题</t></r></is></c><c r="C1" t="inlineStr"><is><t>交办日期</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>7</t></is></c><c r="B2" t="inlineStr"><is><t>关于_x000D_
            某事的建议</t></is></c><c r="C2" s="1"><v>43894</v></c></row>
            """, date1904: true), name: "名单.xlsx")
        #expect(file.table.rows == [CellTable.Row(number: 1, cells: ["案号", "标题", "交办日期"]), CellTable.Row(number: 2, cells: ["7", "关于\n某事的建议", "2024-03-05"])])
    }

    @Test func hostileFilesAreRefusedInOneLine() throws {
        #expect(throws: AssignmentListError.controlCharacter(cell: "Sheet1!B1", scalar: "ESC（U+001B）")) {
            try AssignmentFile(bytes: try Self.package(cells: #"<row r="1"><c r="A1" t="inlineStr"><is><t>案号</t></is></c><c r="B1" t="inlineStr"><is><t>_x001B_[2J</t></is></c></row>"#), name: "a.xlsx")
        }
        #expect(throws: AssignmentListError.notWorkbook) { try AssignmentFile(bytes: Array("案号,标题\n".utf8), name: "a.xlsx") }
        #expect(throws: AssignmentListError.legacy) { try AssignmentFile(bytes: WordPackageFixture.compoundFile, name: "a.xls") }
        #expect(throws: AssignmentListError.unsupported(name: "a.pdf")) { try AssignmentFile(bytes: Array("%PDF".utf8), name: "a.pdf") }
        // A zip bomb: a sheet that unpacks beyond what the package may.
        let bomb = try WordPackageFixture.zip(Self.parts(cells: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + String(repeating: "案", count: 23 << 20) + "</t></is></c></row>"))
        #expect(bomb.count < 1 << 20)
        #expect(throws: AssignmentListError.tooLarge("解压后超过 64 MiB")) { try AssignmentFile(bytes: bomb, name: "a.xlsx") }
        // A sheet claiming a million rows: the cap stops the reading, not the claim.
        let rows = (1...CellTable.maximumRows + 1).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }.joined()
        #expect(throws: AssignmentListError.tooMany("工作表“Sheet1”的行数超过 100000")) {
            try AssignmentFile(bytes: try Self.package(cells: rows, dimension: "A1:Z1000000"), name: "a.xlsx")
        }
        #expect(throws: AssignmentListError.notText("第2行含有控制字符 U+0007，banli 不收入这样的文字（请删去后再试）")) {
            try AssignmentFile(bytes: Array("案号,标题\n1,\u{7}\n".utf8), name: "a.csv")
        }
    }

    /// The parts of a one-sheet workbook whose sheet data is `cells`.
    static func parts(cells: String, date1904: Bool = false, dimension: String = "A1") -> [(path: String, data: Data)] {
        let main = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return [
            ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<workbook \#(main) xmlns:r="\#(relationships)"><workbookPr date1904="\#(date1904 ? "1" : "0")"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<styleSheet \#(main)><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#),
            ("xl/worksheets/sheet1.xml", #"<worksheet \#(main)><dimension ref="\#(dimension)"/><sheetData>\#(cells)</sheetData></worksheet>"#),
        ].map { ($0.0, Data($0.1.utf8)) }
    }

    static func package(cells: String, date1904: Bool = false, dimension: String = "A1") throws -> [UInt8] {
        try WordPackageFixture.zip(parts(cells: cells, date1904: date1904, dimension: dimension))
    }
}
