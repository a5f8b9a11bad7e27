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
            读不出的案件文件（banli check 报告的错误）不提交、不上传，原样留在本机，stderr 每个一行说明原因。
            退出状态：0 已同步（或没有远程仓库，只在本机提交）；1 失败；2 其余已同步，但有读不出的案件文件未同步。

            Commits this copy's changed case files (the message from their new journal entries, the \
            configured user as author), fetches origin, merges (field by field), pushes; a push rejected \
            because another clone pushed first is retried after a new fetch and merge. A changed case file \
            that does not read is left out of the commit, one line each on stderr. Exit 0: synced \
            (or committed locally, no remote); 1: failed, one line, local commits kept; 2: synced, but \
            case files that do not read were left out.
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let sync = StoreSync(store: context.store, git: try StoreSharing.git(in: context.store.directory),
                             identity: StoreSharing.identity(context.configuration), driverCommand: StoreSharing.driverCommand)
        let result = try sync.run()
        print(UntrustedText.inert(result.line))
        // The rest is synced, but a script must notice the files left behind.
        guard result.unsent.isEmpty else {
            for file in result.unsent { printError(file.description) }
            throw ExitCode(2)
        }
    }
}
