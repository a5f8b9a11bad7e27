import ArgumentParser
import Foundation
import Model
import TUI

/// `banli` with no subcommand: the terminal UI on the store. Without a terminal it prints the list.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "打开终端界面 (start the terminal UI; the default command).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        // Input from a pipe, or output into one (`banli | less`): the list, as `banli list` prints it,
        // and like it leaving the store as it was.
        let interactive = isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        var readOnlyCause: StoreError?
        let context: AppContext
        do {
            context = try options.context(access: interactive ? .readWrite : .readOnly)
        } catch let error as StoreError where error.oddOwnPlace != nil {
            // `.banli` (or a directory in it, or the lock) leading elsewhere stops saving, not browsing:
            // the store opens read-only, and the screen says why.
            readOnlyCause = error
            context = try options.context(access: .readOnly)
        }
        let keymap = try Keymap(context.configuration.keyBindings)
        guard interactive else {
            let list = try ListCommand.parse(["--store", context.store.directory] + (options.config.map { ["--config", $0] } ?? []))
            try list.run()
            return
        }
        // Parsing every file of a large store takes seconds: a bar says why the screen stays blank.
        let listing = try ListingProgress.list(context.store)
        let useColor = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        let terminal = try openTerminal(useColor: useColor)
        let storeName = URL(fileURLWithPath: context.store.directory).lastPathComponent
        let workspace = Workspace(store: context.store, user: context.user, clock: context.clock,
                                  environment: ProcessInfo.processInfo.environment)
        let store = context.store
        let runner = AppRunner(terminal: terminal, listing: listing, configuration: context.configuration, keymap: keymap,
                               workspace: workspace, storeName: storeName, readOnlyCause: readOnlyCause,
                               loadText: { Result { () throws(StoreError) in try store.textIndex() } },
                               sharing: StoreSharing.sync(context))
        // Input ended with a reply open (a lost connection): its text goes to the recovery file, its mark goes.
        if runner.run() == .inputEnded { runner.end() }
        // Temporary files of writes cut short by a crash or a kill; never those of a running writer.
        store.removeAbandonedTemporaryFiles()
    }
}
