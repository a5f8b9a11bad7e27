import ArgumentParser
import Foundation
import Model

struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "与远程仓库同步案件库 (commit, fetch, merge and push the store through git).",
        discussion: """
            依次：提交本机修改过的案件文件（说明取自各案件新增的日志，作者为配置中的 user.name，缺省为系统用户）；
            从远程仓库 origin 取回；按字段合并（同一字段两边改得不同时记为案件中的冲突）；推送。其他同事先推送时
            自动重新取回、合并再推送。任何失败都是一行说明，本机的提交保留，案件文件可读，下次同步继续。
            退出状态：0 已同步（或没有远程仓库，只在本机提交）；1 失败。

            Commits this copy's changed case files (the message from their new journal entries, the \
            configured user as author), fetches origin, merges (field by field), pushes; a push rejected \
            because another clone pushed first is retried after a new fetch and merge. Exit 0: synced \
            (or committed locally, no remote); 1: failed, one line, local commits kept.
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let sync = StoreSync(store: context.store, git: try StoreSharing.git(in: context.store.directory),
                             identity: StoreSharing.identity(context.configuration), driverCommand: StoreSharing.driverCommand)
        let result = try sync.run()
        print(UntrustedText.inert(result.line))
    }
}
