import ArgumentParser
import Model

/// `banli profiles`: the office profiles （版式） the configuration defines, one a line with its
/// description, the one in use marked. It needs no store, but marks the store's choice when a
/// store is named.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles", abstract: "列出可用的版式及其说明 (list the office profiles a reply can be laid out with).",
        discussion: """
            每行一个版式：名称和说明，正在使用的版式前标“*”。版式依次取 export --profile、答复的“版式”、
            案件库标记中的 profile（banli init 库目录 --profile 名称）、配置中的 profile。

            One profile a line, the one in use marked *: export --profile, else the reply's own, the \\
            store's (banli init DIR --profile NAME), the configuration's.
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        var configuration = try options.loadConfiguration(resources: try Resources.locate())
        // The store is optional here: without one (or with the demo's, which names none) the
        // configuration's choice is the one in use.
        if let directory = options.namedStoreDirectory(configuration: configuration), StoreMarker.isPresent(in: directory),
           let name = try StoreMarker.profile(in: directory) {
            do {
                try configuration.useProfile(named: name, source: "案件库标记 " + StoreMarker.path(in: directory))
            } catch {
                printError("banli: \(error)")
            }
        }
        for name in configuration.profileNames {
            let profile = try configuration.profile(named: name, source: "profiles")
            print(UntrustedText.inert("\(name == configuration.profileName ? "*" : " ") \(name)　\(profile.description)"))
        }
    }
}
