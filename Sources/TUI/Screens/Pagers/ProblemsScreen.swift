import Model

/// The files banli could not read when it opened the store, each with its path, line and reason,
/// so they can be put right in an editor. The other cases work meanwhile.
public struct ProblemsScreen: PagedScreen {
    public var keyContext: KeyContext { .problems }
    let problems: [DataFileError]
    var pager = Pager("")
    private var built = false

    init(_ problems: [DataFileError]) { self.problems = problems }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["这些文件没有读入，banli 不会修改或删除它们。用编辑器改正后重新打开 banli 即可读入；其余案件照常使用。"]
    }

    public mutating func arrange(_ context: RenderContext) {
        if !built {
            let text = problems.map { context.environment.place(of: $0) + "\n  " + $0.message }.joined(separator: "\n\n")
            pager = Pager("有 \(problems.count) 个文件无法读取（案件库 \(context.environment.storeDirectory)）：\n\n" + text)
            built = true
        }
        pager.arrange(width: context.size.width, rows: context.size.bodyHeight)
    }

    func style(of line: Substring) -> Style { line.hasPrefix(" ") || line.hasPrefix("有 ") ? .normal : .header }

    public func title(_ context: RenderContext) -> TitleBar? { TitleBar("无法读取的文件", right: "\(problems.count)个") }
}
