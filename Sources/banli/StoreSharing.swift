import Foundation
import Model

/// What the commands that share a store through git (`init --git`, `git-setup`, `sync`) need
/// beyond a store: git in its directory, the clerk's identity, and this banli as the merge driver.
enum StoreSharing {
    /// git in `directory`.
    /// - Throws: `GitError.notInstalled` when `PATH` holds no git.
    static func git(in directory: String) throws -> Git { try Git.installed(in: directory) }

    /// The clerk as git records them: the configuration's `user:` name and e-mail, else the OS user.
    static func identity(_ configuration: Configuration) -> GitIdentity {
        GitIdentity(configuredName: configuration.userName, configuredEmail: configuration.userEmail, osUser: currentUser())
    }

    /// The merge-driver command naming this very banli by its absolute path (`/proc/self/exe`), so
    /// that git finds it whatever `PATH` the clerk's shell has.
    static var driverCommand: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return StoreRepository.driverCommand(executable: executable)
    }

    /// The sync of `context`'s store, or nil when the store is no git repository or git is not
    /// installed (the terminal UI then has no sync state to show).
    static func sync(_ context: AppContext) -> StoreSync? {
        guard let git = try? git(in: context.store.directory), StoreRepository(git: git).isRepository else { return nil }
        return StoreSync(store: context.store, git: git, identity: identity(context.configuration), driverCommand: driverCommand)
    }

    /// Sets `directory` up as a shared store and prints what was done, or that nothing was.
    static func setUp(_ directory: String, remote: String?, configuration: Configuration) throws {
        let repository = StoreRepository(git: try git(in: directory))
        let changes = try repository.setUp(driverCommand: driverCommand, remote: remote, identity: identity(configuration))
        if changes.isEmpty {
            print(UntrustedText.inert("\(directory) 已是共享的 git 案件库，未作改动"))
        } else {
            print(UntrustedText.inert("\(directory)：" + changes.joined(separator: "；")))
        }
    }
}
