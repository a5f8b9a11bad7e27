import ArgumentParser

@main
struct Banli: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banli",
        abstract: "办理政协提案和人大代表建议 —— handle CPPCC proposals and People's Congress suggestions.",
        subcommands: [
            OpenCommand.self, InitCommand.self, ListCommand.self, ShowCommand.self, ExportCommand.self, NewCommand.self,
            DueCommand.self, MoveCommand.self, OutcomeCommand.self, SendBackCommand.self, SignCommand.self,
            DiscloseCommand.self, ContactCommand.self, FeedbackCommand.self, DeadlineCommand.self,
            StatsCommand.self, LedgerCommand.self, KeysCommand.self, CheckCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}

/// Runs a command body, turning banli's typed errors into one line on stderr and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("banli: \(error)")
        throw ExitCode.failure
    }
}

func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(string.data(using: .utf8)!)
    }
}

import Foundation
