import ArgumentParser
import Model

/// `banli import FILE`: reads an assignment list (`.xlsx` or `.csv`) and creates its cases
/// (`AssignmentImport`): prints the column mapping it chose, each row in error and each row naming
/// a case already in the store, then one summary line (`新建 182 件，跳过已有 3 件，错误 2 行`).
/// A file that cannot be read as a list is refused in one line, exit 65 (sysexits' EX_DATAERR),
/// nothing written. Rows in error do not stop the valid ones; they make the exit status 65 too,
/// so that a script sees the list was not taken whole.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "导入交办名单（Excel 工作簿 .xlsx 或 CSV），新建其中的案件 (import an assignment list).",
        discussion: """
            按表头的列名认列（案号/提案号/建议号/编号，标题/案由/题目，领衔人/提出人/第一提案人，附议人/联名人，
            主办单位，会办单位/协办单位，交办日期，类型，届次，主题/类别，重点/是否重点，承办人，正文/内容……；
            两行的表头如“办理单位”下分“主办”“会办”也认得）。配置项 import: columns: 可为各项添加列名，
            --column 标题=案由 指定某项取哪一列（--column 主题= 不取）。每行按 banli new 的规则检查：
            有误的行报告行号和原因，不导入；库中已有的案件（类型、届次、编号相同）跳过；其余各新建一件。
            没有“承办方式”列时，本单位（office.unit）在会办单位中为会办，否则为主办。
            CSV 可为 UTF-8（可带 BOM）或 GB18030/GBK（自动识别，或用 --encoding 指定）。
            有误的行使退出码为 65（其余的行照常导入）。

            例：banli import 交办名单.xlsx --kind 提案 --meeting 6-5 --dry-run
            """)

    /// Exit status of a list that cannot be read, or that has rows in error: sysexits' EX_DATAERR.
    static let dataError = ExitCode(65)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("交办名单：Excel 工作簿（.xlsx）或 CSV 文件", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("读哪张工作表：名称或序号（默认：第一张有内容的）", valueName: "NAME|N"))
    var sheet: String?

    @Option(help: ArgumentHelp("CSV 文件的编码：utf-8 或 gb18030（默认自动识别）", valueName: "ENCODING"))
    var encoding: IncomingText.Encoding?

    @Option(name: .customLong("column"), help: ArgumentHelp("某项取哪一列，如 标题=案由（可重复；列名为空则不取）", valueName: "项=列名"))
    var columns: [String] = []

    @Option(help: "全部行的类型：提案 或 建议（不用名单中的“类型”列）")
    var kind: String?

    @Option(help: ArgumentHelp("全部行的届次，如 6-5、六届五次（不用名单中的“届次”列）", valueName: "MEETING"))
    var meeting: String?

    @Flag(help: "只报告将会怎样，不新建案件")
    var dryRun = false

    func run() throws {
        let chosen = try chosenColumns()
        let context = try options.context(access: dryRun ? .readOnly : .readWrite)
        let settings = AssignmentImport.Settings(kind: kind, meeting: meeting, configuration: context.configuration,
                                                 today: context.clock.today, user: context.user, time: context.clock.timestamp())
        let plan: AssignmentImport
        do {
            let list = try AssignmentFile(path: file, sheet: sheet, encoding: encoding)
            let mapping = try ColumnMapping(table: list.table, names: ColumnNames(configured: context.configuration.importColumns), chosen: chosen)
            plan = try AssignmentImport(file: list, mapping: mapping, settings: settings, store: try ListingProgress.list(context.store).summaries)
        } catch let error as AssignmentListError {
            printError(UntrustedText.inert("banli: \(file)：\(error)"))
            throw Self.dataError
        }
        let where_ = [plan.file.table.sheet.isEmpty ? nil : "工作表“\(plan.file.table.sheet)”", plan.file.encoding.map(\.label)]
        print(UntrustedText.inert("列的对应（\(([plan.file.name] + where_.compactMap { $0 }).joined(separator: "，"))，数据从第\(plan.mapping.lastHeaderRow + 1)行起）："))
        for line in plan.mappingLines { print(UntrustedText.inert("  " + line)) }
        let rows: [AssignmentRow]
        let summary: String
        if dryRun {
            rows = plan.rows
            summary = AssignmentImport.summary(created: plan.newCount, existing: plan.existingCount, errors: plan.errorCount, dryRun: true)
        } else {
            var bar = ProgressBar(total: plan.rows.count, label: "导入")
            let creation = plan.create(in: context.store) { bar.update($0) }
            bar.finish()
            rows = creation.rows
            summary = creation.summary
            if let stopped = creation.stopped { printError(UntrustedText.inert("banli: \(stopped)")) }
        }
        for row in rows {
            switch row.outcome {
            case .new where !dryRun: continue
            default: print(UntrustedText.inert(row.line()))
            }
        }
        print(UntrustedText.inert(summary))
        if rows.contains(where: \.isError) { throw Self.dataError }
    }

    /// `--column 项=列名` as fields and header names.
    private func chosenColumns() throws -> [CaseField: String] {
        var chosen: [CaseField: String] = [:]
        for given in columns {
            guard let equals = given.firstIndex(of: "=") else { throw ValidationError("--column 应写作 项=列名（如 标题=案由），不是“\(given)”") }
            let name = String(given[..<equals])
            guard let field = ColumnNames.field(named: name) else { throw ValidationError(AssignmentListError.unknownField(name).description) }
            chosen[field] = String(given[given.index(after: equals)...])
        }
        return chosen
    }
}
