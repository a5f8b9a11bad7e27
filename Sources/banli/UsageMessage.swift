import ArgumentParser
import Foundation

/// A command-line usage error (a missing argument, an unknown option or command, a value the option
/// does not take, one too many arguments, a `validate()` refusal, a `ValidationError` a command's
/// `run()` throws for a value it refuses once parsed) as one line of Chinese ending with where to
/// read the usage: `banli show：缺少案件编号。用法见 banli show --help`.
///
/// swift-argument-parser words its errors in English over several lines and keeps their kinds
/// internal. What it makes public is the text (`message(for:)`, and `fullMessage(for:)`'s `Help:`
/// line with the argument's help) and the command the error belongs to; each kind's English sentence
/// is matched here and said again in Chinese with the same names and values. A sentence not matched
/// (a later parser version's, or a `validate()` message, which is banli's own Chinese) is kept as it
/// is, on one line.
struct UsageMessage {
    /// The command as typed: `banli show`, or `banli` for the default command.
    let command: String
    /// What is wrong, in Chinese.
    let problem: String
    /// Where to read more: the command's help, or the list of commands.
    let advice: String

    /// The message for `error` when the parser threw it for `arguments` (nil for any other error).
    init?(_ error: Error, arguments: [String]) {
        guard let stack = UsageMessage.commandStack(of: error) else { return nil }
        let english = Banli.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        let words = CommandWords(arguments)
        command = UsageMessage.typed(stack, words)
        // The default command, not typed, takes no argument: a word where a command's name goes
        // names a command that does not exist, whatever the parser found wrong after it.
        if UsageMessage.isDefault(stack, words),
           let unknown = words.unknownCommand ?? english.firstMatch(of: #/^Unexpected argument '(.*)'$/#).map({ String($0.1) }) {
            problem = "没有命令“\(unknown)”"
            advice = "可用的命令见 banli --help"
            return
        }
        let help = UsageMessage.helpLine(Banli.fullMessage(for: error))
        problem = UsageMessage.chinese(english, help: help)
        advice = "用法见 \(command) --help"
    }

    /// The message for a value the command `running` refused once parsed: a `ValidationError` its
    /// `run()` threw (a status not in the configuration, an option `new` needs), worded as the
    /// parser's own refusals are.
    init(_ refusal: ValidationError, running: ParsableCommand.Type, arguments: [String]) {
        command = UsageMessage.typed([Banli.self, running], CommandWords(arguments))
        problem = UsageMessage.oneLine(refusal.message)
        advice = "用法见 \(command) --help"
    }

    /// The command as typed, from the commands the parser went through: `banli show`, or `banli`
    /// for the default command when its name was not typed.
    private static func typed(_ stack: [ParsableCommand.Type], _ words: CommandWords) -> String {
        (["banli"] + (isDefault(stack, words) ? [] : stack.dropFirst().map { $0._commandName })).joined(separator: " ")
    }

    /// Whether the parser ran the default command without its name being typed.
    private static func isDefault(_ stack: [ParsableCommand.Type], _ words: CommandWords) -> Bool {
        stack.count == 2 && !words.namesDefaultCommand
            && Banli.configuration.defaultSubcommand.map { ObjectIdentifier($0) == ObjectIdentifier(stack[1]) } == true
    }

    /// The line to print.
    var line: String {
        let end = problem.last.map { "。！？".contains($0) } ?? false ? "" : "。"
        return "\(command)：\(problem)\(end)\(advice)"
    }

    /// The parser's sentence in Chinese. `help` is the argument's help text, whose first clause
    /// (`案件编号` of `案件编号，如 zx5-2-090…`) names a positional argument better than its `<ID>`.
    static func chinese(_ english: String, help: String?) -> String {
        let clause = help.map(firstClause)
        if let m = english.firstMatch(of: #/^Missing expected argument '(.+)'$/#) {
            let synopsis = String(m.1)
            if synopsis.hasPrefix("-") { return "缺少选项 \(optionName(synopsis))" + (clause.map { "（\($0)）" } ?? "") }
            return "缺少\(clause ?? synopsis)"
        }
        if let m = english.firstMatch(of: #/^Missing one of: (.+)$/#) {
            return "缺少以下之一：\(quoted(String(m.1)).joined(separator: "、"))"
        }
        if let m = english.firstMatch(of: #/^Unknown option '([^']+)'(?:\. Did you mean '([^']+)'\?)?$/#) {
            return "没有选项 \(m.1)" + (m.2.map { "（是否想写 \($0)？）" } ?? "")
        }
        if let m = english.firstMatch(of: #/^Missing value for '(.+)'$/#) {
            return "选项 \(optionName(String(m.1))) 后缺少值" + (clause.map { "（\($0)）" } ?? "")
        }
        if let m = english.firstMatch(of: #/^The option '(.+)' does not take any value, but '(.*)' was specified\.$/#) {
            return "选项 \(m.1) 不带值，却写了“\(m.2)”"
        }
        if let m = english.firstMatch(of: #/^Unexpected argument '(.*)'$/#) {
            return "多余的参数“\(m.1)”"
        }
        if let m = english.firstMatch(of: #/^\d+ unexpected arguments: (.+)$/#) {
            return "多余的参数" + quoted(String(m.1)).map { "“\($0)”" }.joined(separator: "")
        }
        if let m = english.firstMatch(of: #/^Value to be set with flag '(.+)' had already been set with flag '(.+)'$/#) {
            return "\(m.2) 与 \(m.1) 不能同时使用"
        }
        if let m = english.firstMatch(of: #/(?s)^The value '(.*)' is invalid for '([^']+)'(.*)$/#) {
            let target = m.2.hasPrefix("-") ? "选项 \(optionName(String(m.2))) 的值" : (clause ?? String(m.2))
            let rest = String(m.3)
            if rest.hasPrefix(". Please provide one of") {
                // `'a', 'b' or 'c'.` on one line, or `the following:` and a line `  - a` for each.
                let listed = rest.contains("\n  - ") ? rest.split(separator: "\n").dropFirst().map { $0.dropFirst(4) }.map(String.init)
                                                     : quoted(rest)
                return "\(target)“\(m.1)”无效（可选：\(listed.joined(separator: "、"))）"
            }
            if rest.hasPrefix(": ") { return "\(target)“\(m.1)”无效：\(rest.dropFirst(2))" }
            let format = m.2.firstMatch(of: #/<([^>]+)>/#).map { "（应写作 \($0.1)）" } ?? ""
            return "\(target)“\(m.1)”无效\(format)"
        }
        // A `validate()` refusal, in banli's own words; or a sentence this version does not know.
        let line = oneLine(english)
        return line.contains(where: { $0.unicodeScalars.first!.value >= 0x3000 }) ? line : "命令行有误：\(line)"
    }

    /// `text` with its line breaks made spaces.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The commands from the root to the one a parser's error is about; nil for an error that is not
    /// the parser's. The parser's errors keep them in a `commandStack`, which only reflection can read.
    private static func commandStack(of error: Error) -> [ParsableCommand.Type]? {
        Mirror(reflecting: error).children.first { $0.label == "commandStack" }?.value as? [ParsableCommand.Type]
    }

    /// The help text of the argument concerned: `fullMessage`'s line `Help:  <ID>  案件编号，…`.
    private static func helpLine(_ full: String) -> String? {
        guard let line = full.split(separator: "\n").first(where: { $0.hasPrefix("Help:") }),
              let m = line.firstMatch(of: #/^Help:\s+(?:<[^>]+>|\S+(?: <[^>]+>)?)\s{2,}(.+)$/#) else { return nil }
        return String(m.1)
    }

    /// `案件编号` of `案件编号，如 zx5-2-090`, `方式` of `方式：走访、电话…`.
    private static func firstClause(_ help: String) -> String {
        String(help.prefix { !"，；：（(,;:".contains($0) }).trimmingCharacters(in: .whitespaces)
    }

    /// `--format` of `--format <format>`.
    private static func optionName(_ synopsis: String) -> String {
        String(synopsis.prefix { $0 != " " })
    }

    /// The values between single quotes: `'a', 'b' or 'c'` → a, b, c.
    private static func quoted(_ text: String) -> [String] {
        text.matches(of: #/'([^']*)'/#).map { String($0.1) }
    }
}
