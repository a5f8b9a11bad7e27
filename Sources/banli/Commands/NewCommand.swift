import ArgumentParser
import Foundation
import Model

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "新建案件 (create a case from options, or import a case file with --from).",
        discussion: """
            例：banli new --kind 提案 --term 6 --session 5 --number 031 --title 关于…的建议 --lead 张三 --text-file 正文.txt
            编号可按文件上的印刷形式写（如 --number B〔2017〕9号、第52号）：案件保留它作“案号”，文件名用由它得出的编号（B2017-9、52，已有则 52-2）。
            不知道届次时可不写 --term、--session：编号为 zx0-0-52。
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("导入一个案件文件（YAML，格式见 docs/case-file.md）", valueName: "FILE"))
    var from: String?

    @Option(help: "类型：提案 或 建议")
    var kind: String?
    @Option(help: "届（与 --session 一同省略：会议未知）") var term: Int?
    @Option(help: "次") var session: Int?
    @Option(help: "编号，按印刷形式，如 090、第52号、B〔2017〕9号") var number: String?
    @Option(help: "标题") var title: String?
    @Option(help: "领衔人") var lead: String?
    @Option(help: "联名人，用“、”或“，”分隔") var signers: String?
    @Option(help: "主题") var topic: String?
    @Flag(help: "重点案件") var key = false
    @Option(help: "承办方式：主办、会办、分办、独办") var role: String = HandlingRole.lead.rawValue
    @Option(help: "会办时的主办单位") var leadUnit: String?
    @Option(help: ArgumentHelp("交办日期，默认今天", valueName: "YYYY-MM-DD"), transform: LocalDate.argument) var assigned: LocalDate?
    @Option(help: "提案正文") var text: String?
    @Option(help: ArgumentHelp("从文件读取提案正文（UTF-8）", valueName: "FILE")) var textFile: String?
    @Option(help: ArgumentHelp("--text-file、--from 文件的编码：utf-8（默认）或 gb18030（GBK、GB2312 文件也用它）", valueName: "ENCODING"))
    var encoding: IncomingText.Encoding = .utf8

    func run() throws {
        let context = try options.context()
        let value = try from.map { try imported($0, context: context) } ?? built(context: context)
        let stored = try context.store.create(value)
        print(UntrustedText.inert("已新建案件 \(value.id):\(stored.path)"))
    }

    private func imported(_ path: String, context: AppContext) throws -> Case {
        var value = try context.store.decoder.decode(Array(try incoming(path).utf8), path: path)
        value.journal.append(JournalEntry(time: context.clock.timestamp(), user: context.user, text: "从 \(path) 导入"))
        return value
    }

    /// A file named on the command line that could not be taken in: not there, not readable, or not
    /// text in the encoding given. Not a usage error (exit 1): the command line was right, the file not.
    struct UnreadableFile: Error, CustomStringConvertible {
        var path: String
        var failure: IncomingText.Failure

        /// The failure naming the file; for a file that is not UTF-8, how to read a GBK one.
        var description: String {
            switch failure {
            case .unreadable, .refused: return failure.description
            default: break
            }
            let hint = if case .notText(.utf8, _, _) = failure { "；若是 GBK/GB18030 文件，请加 --encoding gb18030" } else { "" }
            return "\(path)：\(failure)\(hint)"
        }
    }

    /// A file named on the command line, normalised as `IncomingText`.
    /// - Throws: `UnreadableFile`.
    private func incoming(_ path: String) throws -> String {
        do {
            return try IncomingText(contentsOf: path, encoding: encoding).text
        } catch {
            throw UnreadableFile(path: path, failure: error)
        }
    }

    private func built(context: AppContext) throws -> Case {
        func need(_ value: String?, _ option: String) throws -> String {
            guard let value else { throw ValidationError("缺少 --\(option)（或用 --from 导入案件文件）") }
            return value
        }
        var fields = CaseFields()
        fields.kind = try need(kind, "kind")
        fields.number = try need(number, "number")
        fields.title = try need(title, "title")
        fields.leadProposer = try need(lead, "lead")
        switch (term, session) {
        case (nil, nil): break
        case let (term?, session?): fields.meeting = "\(term)-\(session)"
        default: throw ValidationError("--term 与 --session 须同时写出（会议未知时都不写）")
        }
        fields.jointSigners = signers ?? ""
        fields.topic = topic ?? ""
        fields.isKey = key ? "是" : ""
        fields.role = role
        fields.leadUnit = leadUnit ?? ""
        fields.assignedOn = assigned?.description ?? ""
        fields.text = try textFile.map(incoming) ?? text ?? ""
        let c: Case
        do {
            c = try fields.validated(configuration: context.configuration, today: context.clock.today, user: context.user,
                                     time: context.clock.timestamp())
        } catch {
            throw ValidationError(error.description)
        }
        return CaseID.isValidNumber(TypedText.normalized(fields.number)) ? c : try context.store.placed(c)
    }
}
