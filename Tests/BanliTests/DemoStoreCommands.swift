import TestSupport

/// A suite that runs the real binary on its own copy of the demo store, as a user would.
protocol DemoStoreCommands {
    var banli: Banli { get }
    /// The store copy's directory.
    var store: String { get }
}

extension DemoStoreCommands {
    /// `banli ARGUMENTS --store STORE`.
    func run(_ arguments: [String]) throws -> Banli.Output { try banli.run(arguments + ["--store", store]) }

    /// The case file `ID.yaml` as it is on disk now.
    func file(_ id: String) -> String { String(decoding: Fixtures.bytes(store + "/" + id + ".yaml"), as: UTF8.self) }
}
