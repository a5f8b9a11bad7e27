import ArgumentParser
import Model

struct GitSetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "git-setup", abstract: "把案件库设为 git 仓库，以便多人共享 (make the store a git repository to share).",
        discussion: """
            在案件库目录中：不是 git 仓库时 git init（分支 main）；写入 .gitattributes（案件文件用 banli 按字段合并）
            和 .gitignore（.banli/ 中的缓存、草稿、编辑标记、已删除的案件只留在本机）；在仓库配置中登记
            banli 的合并程序；还没有提交时作首次提交。加 --remote 地址 设置远程仓库 origin。再次运行只补上缺少的，
            都已具备时不作改动。git clone 得到的案件库请先运行一次（banli sync 也会自动登记合并程序）。

            git init (branch main) unless the store is a repository, .gitattributes (case files merge with \
            banli's field-by-field driver), .gitignore (.banli/ stays local), the merge driver in the \
            repository's config, a first commit; --remote URL sets origin. Idempotent.
            """)

    @Option(help: ArgumentHelp("远程仓库地址（设为 origin）", valueName: "URL"))
    var remote: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        try StoreSharing.setUp(context.store.directory, remote: remote, configuration: context.configuration)
    }
}
