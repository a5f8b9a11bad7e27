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
    let user: String
    /// The session's current directory: a temporary one of its own, where an export is first
    /// suggested and a relative path is taken.
    let currentDirectory: String

    init(width: Int = 80, height: Int = 24, store directory: String = Fixtures.demoStoreCopy(), user: String = "tester",
         clock: Clock = .fixed(AppSession.today), environment: [String: String] = [:],
         failure: SimulatedDiskFailure? = nil, loadText: Bool = false, access: CaseStore.Access = .readWrite,
         readOnlyCause: StoreError? = nil, currentDirectory: String = Fixtures.temporaryDirectory("banli-cwd"),
         textLoader: (@Sendable (CaseStore) -> Result<TextIndex, StoreError>)? = nil,
         sharing: ((CaseStore) -> StoreSync)? = nil) throws {
        let configuration = try Fixtures.configuration()
        var store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary, access: access)
        store.simulatedFailure = failure
        self.store = store
        self.user = user
        self.currentDirectory = currentDirectory
        terminal = MemoryTerminal(width: width, height: height)
        var text: (@Sendable () -> Result<TextIndex, StoreError>)?
        if let textLoader {
            text = { [store] in textLoader(store) }
        } else if loadText {
            text = { [store] in Result { () throws(StoreError) in try store.textIndex() } }
        }
        runner = AppRunner(terminal: terminal, listing: try store.list(), configuration: configuration,
                           keymap: try Keymap(configuration.keyBindings),
                           workspace: Workspace(store: store, user: user, clock: clock, environment: environment, currentDirectory: currentDirectory),
                           storeName: "demo", readOnlyCause: readOnlyCause, loadText: text, sharing: sharing?(store))
    }

    var state: AppState { runner.state }
    func keys(_ keys: Key...) { terminal.send(keys: keys); runner.run() }
    func send(_ keys: Key...) { terminal.send(keys: keys); runner.run() }
    func type(_ text: String) { terminal.type(text); runner.run() }
    func send(_ events: InputEvent...) { for event in events { terminal.send(event) }; runner.run() }
    var lines: [String] { terminal.lines }
    var status: String { terminal.lines[terminal.height - 2] }
    var hints: String { terminal.lines[terminal.height - 1] }
    var message: String { runner.state.message }
    var form: ReplyForm? { runner.state.form }
    var selected: String? { runner.state.selectedCase?.id.description }
    func load(_ id: String) throws -> Case { try store.load(CaseID(id)!).value }

    /// Selects a case in the list with a search.
    func select(_ id: String) {
        terminal.send(keys: [.character("/")])
        terminal.type(id)
        keys(.enter)
    }

    /// Opens the reply form of case `id` from the list.
    func openReply(_ id: String) {
        select(id)
        keys(.character("r"))
    }

    /// A session that typed `text` into the reply of case `id` and paused, so the draft was written
    /// to the recovery file, and was then abandoned as a crash would leave it.
    @discardableResult
    static func leavingADraft(in directory: String, case id: String, text: String) throws -> AppSession {
        let crashed = try AppSession(store: directory)
        crashed.openReply(id)
        crashed.type(text)
        crashed.send(.idle)
        return crashed
    }

    /// Tabs to the part `role` of the open form (backwards to the parts after the sections).
    func focus(_ role: ReplyForm.Role) {
        let key: Key = [.closing, .attachments, .signature, .jointUnits, .leader, .contactPerson, .contactPhone, .contactAddress, .postcode,
                        .copyTo, .reportTo].contains(role) ? .backTab : .tab
        for _ in 0..<80 where runner.state.form?.focused.role != role { keys(key) }
    }
}
