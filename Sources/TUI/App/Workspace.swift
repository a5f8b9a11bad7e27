import Foundation
import Model

/// What the running app works on besides the screen: the store, who is working, the clock, and the
/// environment (for `$VISUAL`/`$EDITOR`). Tests make one over a copy of the demo store.
public struct Workspace: Sendable {
    public var store: CaseStore
    public var user: String
    public var clock: Clock
    public var environment: [String: String]
    /// How often, at most, an edited draft is written to its recovery file while typing goes on.
    public var autosaveInterval: Duration
    /// The directory a relative path is taken in, and an export first suggested in: where banli was
    /// started (tests give one of their own, so that nothing is written where they run).
    public var currentDirectory: String

    public init(store: CaseStore, user: String, clock: Clock, environment: [String: String],
                autosaveInterval: Duration = .seconds(3), currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.store = store
        self.user = user
        self.clock = clock
        self.environment = environment
        self.autosaveInterval = autosaveInterval
        self.currentDirectory = currentDirectory
    }

    /// A file path as the user typed it: `~` or `~/…` under `HOME` of the environment, a relative
    /// path under the current directory, `.` and `..` taken away (as a shell would take it).
    public func resolve(_ typed: String) -> String {
        var path = typed
        if let home = environment["HOME"], !home.isEmpty, path == "~" || path.hasPrefix("~/") {
            path = home + path.dropFirst()
        }
        if !path.hasPrefix("/") { path = currentDirectory + "/" + path }
        // `r/../h/a.txt` is shown as the file it names, `h/a.txt`, as a shell's `cd` names it.
        return URL(fileURLWithPath: path).standardized.path
    }
}
