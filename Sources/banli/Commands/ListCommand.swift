import ArgumentParser
import Foundation
import Model
import TUI

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出案件 (list cases as a table, TSV or JSON).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, tsv, json }

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("只列出此类型：提案 或 建议", valueName: "KIND"))
    var kind: String?

    @Option(help: ArgumentHelp("只列出此状态，如 办理中", valueName: "STATUS"))
    var status: String?

    @Option(help: ArgumentHelp("只列出此办理结果，如 解决或采纳；写“无”列出尚无结果的", valueName: "OUTCOME"))
    var outcome: String?

    @Flag(help: "只列出已逾期的案件")
    var overdue = false

    @Option(help: "输出格式：table、tsv 或 json")
    var format: Format = .table

    func run() throws {
        let context = try options.context(access: .readOnly)
        let kindFilter = try kind.map(parseKind)
        let vocabulary = context.configuration.vocabulary
        let status = try self.status.map { typed in
            guard let status = TypedText.match(typed, in: vocabulary.statuses + Disposition.labels) else {
                throw ValidationError("未知状态“\(typed)”（可选：\((vocabulary.statuses + Disposition.labels).joined(separator: "、"))）")
            }
            return status
        }
        let outcome = try self.outcome.map { typed in
            guard let outcome = TypedText.match(typed, in: vocabulary.outcomes + ["无"]) else {
                throw ValidationError("未知办理结果“\(typed)”（可选：\(vocabulary.outcomes.joined(separator: "、"))、无）")
            }
            return outcome
        }
        let listing = try ListingProgress.list(context.store)
        for problem in listing.problems { printError("警告：\(problem)") }
        let today = context.clock.today
        // Lazy: a table of 10,000 rows is laid out straight from the summaries, with no array of rows.
        let rows = listing.summaries.lazy.map { CaseRow($0, today: today, configuration: context.configuration) }.filter { row in
            (kindFilter == nil || row.summary.kind == kindFilter)
                && (status == nil || row.summary.filteredStatus == status)
                && (outcome == nil || row.summary.outcome == (outcome == "无" ? "" : outcome))
                && (!overdue || row.deadline.isOverdue)
        }
        switch format {
        case .table: printTable(rows)
        case .tsv: printTSV(rows)
        case .json: try printJSON(rows)
        }
    }

    private func parseKind(_ text: String) throws -> CaseKind {
        switch TypedText.normalized(text).lowercased() {
        case "提案", "proposal", "zx": return .proposal
        case "建议", "suggestion", "rd": return .suggestion
        default: throw ValidationError("未知类型“\(text)”（可选：提案、建议）")
        }
    }

    /// The title column's most cells: some 30 characters, which most titles fit (a longer one is
    /// cut with `…`; `--format tsv` or `show` gives it whole).
    static let titleColumnLimit = 60

    private func printTable(_ rows: some Sequence<CaseRow>) {
        var table = TextTable(columns: [
            .init("编号"), .init("类型"), .init("标题", shrinks: true, limit: Self.titleColumnLimit), .init("领衔人", shrinks: true),
            .init("期限"), .init("状态"), .init("办理结果"),
        ])
        for row in rows { table.add(row.cells) }
        writeStandardOutput(table.renderedBytes(maxWidth: outputTerminalWidth()))
    }

    private func printTSV(_ rows: some Sequence<CaseRow>) {
        print(CaseRow.fieldNames.joined(separator: "\t"))
        for row in rows {
            print(row.fields.map { TextMetrics.sanitized($0) }.joined(separator: "\t"))
        }
    }

    private func printJSON(_ rows: some Sequence<CaseRow>) throws {
        let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(CaseRow.fieldNames, $0.fields)) }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// One case as the list shows it.
struct CaseRow {
    let summary: CaseSummary
    let deadline: DeadlineStatus

    init(_ summary: CaseSummary, today: LocalDate, configuration: Configuration) {
        self.summary = summary
        self.deadline = DeadlineStatus(summary, today: today, workflow: configuration.workflow,
                                       warnDays: configuration.deadlines.warnDays)
    }

    var cells: [String] {
        // A withdrawn or merged case has no deadline to keep: `-`, as the TUI's list shows it.
        let due = summary.disposition != nil ? "-" : deadline.label.isEmpty ? (summary.deadline?.description ?? "") : deadline.label
        // `[冲突]` as the terminal UI's list flags a case with recorded conflicts (`banli resolve`).
        let flags = (summary.conflictCount > 0 ? "[冲突]" : "") + (summary.isKey ? "*" : "")
        return [summary.id.description, summary.kind.rawValue, flags + summary.title, summary.proposersInBrief, due,
                summary.shownStatus, summary.outcome]
    }

    /// `number` is the ID's, `printed_number` the number as documents print it (the same unless the
    /// case keeps a printed one, `B〔2017〕9号`); `assigned` is empty for a case without 交办日期.
    static let fieldNames = ["id", "kind", "number", "title", "lead", "signers", "assigned", "deadline", "days_left",
                             "status", "outcome", "key", "printed_number"]

    var fields: [String] {
        var daysLeft = ""
        switch deadline {
        case .onTrack(let d), .dueSoon(let d): daysLeft = String(d)
        case .overdue(let d): daysLeft = String(-d)
        case .none: break
        }
        return [summary.id.description, summary.kind.rawValue, summary.id.number, summary.title, summary.leadProposer,
                summary.jointSigners.joined(separator: "、"), summary.assignedOn?.description ?? "",
                summary.deadline?.description ?? "", daysLeft, summary.status, summary.outcome, summary.isKey ? "是" : "否",
                summary.numberAsPrinted]
    }
}
