import ArgumentParser
import Foundation
import Model

/// git's merge driver for case files: `banli merge-driver %O %A %B %P`, registered by `banli init
/// --git` / `banli git-setup` for `*.yaml` (driver name `banli`). Hidden from the usage list: git
/// runs it, not a person (docs/case-file.md, 冲突).
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver", abstract: "git 合并案件文件时调用 (git's merge driver for case files).",
        discussion: """
            由 git 调用，不需手动运行：git 在两份案件库副本都改了同一件案件时，按字段三方合并，不按行合并。
            两边改了不同字段，都保留；日志、面商记录、办理结果、反馈合并为按时间排列、不重复的并集；两边把同一
            字段改得不同，保留本方的版本，对方的版本记入案件的“冲突”，在列表中标出，用 banli resolve 或界面
            解决。结果写回 %A，退出码 0（有冲突也是 0）。三个文件中任何一个读不出案件时，%A 保持不动，
            stderr 说明原因，退出码 1，git 报告冲突。

            Called by git (driver line `banli merge-driver %O %A %B %P`): merges a case file three ways \
            by field into %A; exits 0, also when conflicts were recorded in the case. Exits 1, leaving \
            %A as it is, when any of the three files is not a readable case file.
            """,
        shouldDisplay: false)

    @Argument(help: ArgumentHelp("共同祖先版本（%O；空文件表示两边都新增）", valueName: "BASE"))
    var base: String

    @Argument(help: ArgumentHelp("本方版本，合并结果写回此文件（%A）", valueName: "MINE"))
    var mine: String

    @Argument(help: ArgumentHelp("对方版本（%B）", valueName: "THEIRS"))
    var theirs: String

    @Argument(help: ArgumentHelp("案件文件在库中的路径（%P），用于提示", valueName: "PATH"))
    var path: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        var configuration = try options.loadConfiguration(resources: try Resources.locate())
        // git runs the driver at the top of the work tree, the store: its profile names the meeting
        // in the file's first line, as the store's own saves do.
        let store = FileManager.default.currentDirectoryPath
        if let profile = try? StoreMarker.profile(in: store) { try? configuration.useProfile(named: profile, source: StoreMarker.path(in: store)) }
        let decoder = CaseFileDecoder(vocabulary: configuration.vocabulary)
        let ancestor: Case?, ours: Case, other: Case
        do {
            ancestor = try read(base, "共同版本", decoder, emptyIsNone: true)
            ours = try read(mine, "本方", decoder, emptyIsNone: false)!
            other = try read(theirs, "对方", decoder, emptyIsNone: false)!
        } catch {
            // git reports the file as conflicted; the local version in %A is left readable.
            printError("banli merge-driver：\(error)")
            throw ExitCode.failure
        }
        let merged = CaseMerge(base: ancestor, mine: ours, theirs: other, user: currentUser(), time: Clock.system.timestamp())
        let text = CaseFileEncoder.encode(merged.value, meetingName: configuration.meetingNaming.name(of: merged.value))
        try FileSystem.writeAtomically(Array(text.utf8), to: mine)
    }

    /// The case in `file`, its errors naming the case's path and the side (`zx6-5-090.yaml（对方）:12: …`);
    /// nil for an empty file when `emptyIsNone` (git's %O when both sides added the file).
    private func read(_ file: String, _ side: String, _ decoder: CaseFileDecoder, emptyIsNone: Bool) throws -> Case? {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DataFileError(path: "\(path)（\(side)）", line: nil, reason: .unreadable("无法打开 \(file)"))
        }
        if data.isEmpty && emptyIsNone { return nil }
        return try decoder.decode(Array(data), path: "\(path)（\(side)）")
    }
}
