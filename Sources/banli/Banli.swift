import ArgumentParser
import Foundation
import Model

@main
struct Banli: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banli",
        abstract: "办理政协提案和人大代表建议 —— handle CPPCC proposals and People's Congress suggestions.",
        version: Version.current,
        subcommands: [
            OpenCommand.self, InitCommand.self, ListCommand.self, ShowCommand.self, ExportCommand.self, NewCommand.self, ImportReplyCommand.self, ImportCommand.self,
            DueCommand.self, MoveCommand.self, OutcomeCommand.self, SendBackCommand.self, SignCommand.self,
            DiscloseCommand.self, ContactCommand.self, FeedbackCommand.self, CorrectCommand.self, UndoCommand.self, DeadlineCommand.self,
            StatsCommand.self, LedgerCommand.self, KeysCommand.self, CheckCommand.self, ProfilesCommand.self,
            WithdrawCommand.self, MergeCommand.self, UnmergeCommand.self, DeleteCommand.self, RestoreCommand.self,
            ResolveCommand.self, MergeDriverCommand.self,
            LogCommand.self, DiffCommand.self,
            GitSetupCommand.self, SyncCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// Parses the command line and runs the command, so that every error, whichever command it comes
    /// from, ends as one line of Chinese on stderr: a usage error as `UsageMessage` words it (exit 64,
    /// the parser's code) — the parser's own, and a `ValidationError` a command's `run()` throws for a
    /// value it refuses once parsed —, any other as `banli: …` with the command-line way out
    /// (`CommandLineHint`, exit 1). Help (`--help`, `-h`, `help`) and `--version` print as the parser
    /// prints them, exit 0.
    ///
    /// Every argument is text from outside, taken in once here (`IncomingText`: CRLF and CR to LF, a
    /// byte-order mark dropped), so that no option's value — a reason, a summary, a comment — keeps a
    /// Windows line end. Global options written before the command's name are moved after it
    /// (`CommandWords`), so `banli --store DIR list` is `banli list --store DIR`.
    static func main() {
        var given: [String] = []
        for (i, argument) in CommandLine.arguments.dropFirst().enumerated() {
            // A title or reason carrying an escape sequence would be kept in the case file and shown
            // as � everywhere: refused here, where the user can see what they typed.
            do {
                given.append(try IncomingText(checking: argument).text)
            } catch {
                printError("banli：第\(i + 1)个参数\(error)")
                exit(withError: ExitCode.validationFailure)
            }
        }
        let arguments = CommandWords(given).parserOrder
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            exit(reporting: error, arguments: arguments)
        }
        do {
            try command.run()
        } catch let refusal as ValidationError {
            printError(UsageMessage(refusal, running: type(of: command), arguments: arguments).line)
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(reporting: error, arguments: arguments)
        }
    }

    private static func exit(reporting error: Error, arguments: [String]) -> Never {
        // An `ExitCode` comes after its message was printed; help is printed as the parser prints it.
        if error is ExitCode || exitCode(for: error) == .success { exit(withError: error) }
        if let usage = UsageMessage(error, arguments: arguments) {
            printError(usage.line)
            exit(withError: exitCode(for: error))
        }
        printError("banli: \(CommandLineHint.described(error))")
        exit(withError: ExitCode.failure)
    }
}

/// Writes one line to stderr. The line is made inert first: it may quote a case file, a path or an
/// argument, and no control character, escape sequence or line break in those reaches the terminal.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((UntrustedText.inert(text) + "\n").utf8))
}
