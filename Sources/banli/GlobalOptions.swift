import ArgumentParser
import Foundation
import Model

/// Options every command takes: where the store and the user's configuration are.
struct GlobalOptions: ParsableArguments {
    /// The long names of these options, each taking a value. `CommandWords` reads them before the
    /// parser does, so that they may come before the command's name too (`banli --store DIR list`).
    enum Name: String, CaseIterable {
        case store, config
    }

    @Option(name: .customLong(Name.store.rawValue), help: ArgumentHelp("案件库目录 (store directory); 默认依次取 BANLI_STORE、配置中的 store、演示库副本", valueName: "DIR"))
    var store: String?

    @Option(name: .customLong(Name.config.rawValue), help: ArgumentHelp("用户配置文件 (user config file); 默认 $XDG_CONFIG_HOME/banli/config.yaml", valueName: "FILE"))
    var config: String?

    /// Loads the configuration (defaults, then the user's file over them).
    func loadConfiguration(resources: Resources) throws -> Configuration {
        let environment = ProcessInfo.processInfo.environment
        let userPath = config ?? ConfigurationLoader.userConfigPath(environment: environment)
        return try ConfigurationLoader.load(defaultsPath: resources.defaultConfiguration, userPath: userPath,
                                            userFileRequired: config != nil)
    }

    /// The store directory: `--store`, `BANLI_STORE`, the configuration, or a writable copy of the demo.
    func storeDirectory(configuration: Configuration, resources: Resources) throws -> String {
        if let named = namedStoreDirectory(configuration: configuration) { return named }
        return try DemoStore.writableCopy(of: resources.demoStore, environment: ProcessInfo.processInfo.environment)
    }

    /// The store directory the user named: `--store`, `BANLI_STORE` or the configuration's; nil
    /// when none is named (the demo copy stands in).
    func namedStoreDirectory(configuration: Configuration) -> String? {
        if let store { return store }
        if let fromEnvironment = ProcessInfo.processInfo.environment["BANLI_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        if !configuration.store.isEmpty { return (configuration.store as NSString).expandingTildeInPath }
        return nil
    }

    /// Everything a command needs: configuration, the opened store, who is working and when. A
    /// command that only reads opens the store `.readOnly`, so that it leaves the store as it was.
    /// The profile the store's marker names becomes the profile in use; one the configuration does
    /// not define is left to the commands that lay out documents to refuse (`AppContext.storeProfile`),
    /// so that a colleague's store still lists and edits.
    /// - Throws: `StoreError` when the directory is not a store (missing, not a directory, no marker).
    func context(access: CaseStore.Access = .readWrite) throws -> AppContext {
        let resources = try Resources.locate()
        var configuration = try loadConfiguration(resources: resources)
        let directory = try storeDirectory(configuration: configuration, resources: resources)
        var store = try CaseStore.open(directory, vocabulary: configuration.vocabulary, access: access)
        store.caseFileLimit = configuration.caseFileLimit
        let storeProfile = try StoreMarker.profile(in: directory)
        if let storeProfile { try? configuration.useProfile(named: storeProfile, source: StoreMarker.path(in: directory)) }
        store.meetingNaming = configuration.meetingNaming
        return AppContext(configuration: configuration, store: store, user: currentUser(), clock: .system, storeProfile: storeProfile)
    }
}

struct AppContext {
    var configuration: Configuration
    var store: CaseStore
    var user: String
    var clock: Clock
    /// The profile the store's marker names (`banli init --profile`), if any.
    var storeProfile: String?

    /// The profile a document of `c` is laid out with: `chosen` (`--profile`), the reply's `版式`,
    /// the store's, the configuration's.
    /// - Throws: `UnknownProfile` for a name, from any of these, the configuration does not define.
    func profile(for c: Case, chosen: String?) throws -> OfficeProfile {
        if chosen == nil, c.reply.layout.isBlank, let storeProfile {
            return try configuration.profile(named: storeProfile, source: "案件库标记 " + StoreMarker.path(in: store.directory))
        }
        return try configuration.profile(for: c, chosen: chosen)
    }
}

/// The OS user, as journal entries record it.
func currentUser() -> String {
    let environment = ProcessInfo.processInfo.environment
    return environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? ProcessInfo.processInfo.userName
}
