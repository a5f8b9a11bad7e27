import ArgumentParser
import Model

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建案件库，或把已有案件文件的目录标记为案件库 (create a store, or mark a directory of case files as one).",
        discussion: """
            在目录中写入标记文件 .banli-store；其他命令只打开有此标记的目录。目录不存在时创建，为空时成为空的案件库；
            已有案件文件（*.yaml）时加上标记，文件不动。加 --profile 版式名 时，标记中写明案件库使用的版式
            （profile: 名称）：此后本库的答复按它排版，除非答复自选版式或导出时加 --profile；对已有的案件库
            只改写这一行。banli profiles 列出可用的版式。加 --git 时同时设为 git 仓库（见 banli git-setup）。

            Writes the marker .banli-store, without which no other command opens the directory. A missing \
            directory is created; one that already holds case files (*.yaml) is marked, its files untouched. \
            --profile NAME writes the store's office profile into the marker (on an existing store, only that line).
            """)

    @Argument(help: ArgumentHelp("案件库目录：新目录、空目录或已有案件文件的目录", valueName: "DIR"))
    var directory: String

    @Option(help: ArgumentHelp("案件库使用的版式（banli profiles 列出可用的版式）", valueName: "NAME"))
    var profile: String?

    @Flag(help: ArgumentHelp("同时设为 git 仓库以便多人共享（同 banli git-setup）"))
    var git = false

    @Option(help: ArgumentHelp("与 --git 同用：远程仓库地址（设为 origin）", valueName: "URL"))
    var remote: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        if let profile {
            _ = try options.loadConfiguration(resources: try Resources.locate()).profile(named: profile, source: "--profile")
        }
        let sharing = git || remote != nil
        let message: String?, named = profile.map { "；版式：\($0)" } ?? ""
        switch try CaseStore.initialize(directory, profile: profile) {
        case .created: message = "已创建案件库：\(directory)" + named
        case .marked(let count): message = "已将 \(directory) 标记为案件库（其中已有 \(count) 个案件文件）" + named
        // With --git the set-up says what it did, or that nothing was left to do.
        case .alreadyAStore: message = sharing ? nil : "\(directory) 已是案件库，未作改动"
        case .profileSet: message = "\(directory) 已是案件库，版式改为“\(profile ?? "")”"
        }
        if let message { print(UntrustedText.inert(message)) }
        if sharing {
            try StoreSharing.setUp(directory, remote: remote, configuration: try options.loadConfiguration(resources: try Resources.locate()))
        }
    }
}
