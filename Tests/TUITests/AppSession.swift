import Foundation
import Model
import TestSupport
@testable import TUI

/// The whole app in the in-memory terminal over a store (a fresh copy of the demo store unless
/// given), with a fixed day and user, as the screen tests drive it.
struct AppSession {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    let terminal: MemoryTerminal
    let runner: AppRunner
    let store: CaseStore

    init(width: Int = 80, height: Int = 24, store directory: String = Fixtures.demoStoreCopy(),
         environment: [String: String] = [:]) throws {
        let configuration = try Fixtures.configuration()
        store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        terminal = MemoryTerminal(width: width, height: height)
        let state = AppState(storeName: "demo", listing: try store.list(), configuration: configuration, today: Self.today)
        runner = AppRunner(terminal: terminal, state: state, keymap: try Keymap(configuration.keyBindings),
                           workspace: Workspace(store: store, user: "tester", clock: .fixed(Self.today), environment: environment))
    }

    func keys(_ keys: Key...) { terminal.send(keys: keys); runner.run() }
    func type(_ text: String) { terminal.type(text); runner.run() }
    var status: String { terminal.lines[terminal.height - 2] }
    func load(_ id: String) throws -> Case { try store.load(CaseID(id)!).value }

    /// Selects a case in the list with a search.
    func select(_ id: String) {
        terminal.send(keys: [.character("/")])
        terminal.type(id)
        keys(.enter)
    }
}
