import Glibc

/// banli's own directories in `.banli/` that this user may not write — on a shared store, made by a
/// colleague under a umask of 022 — each named by `banli check` with what is lost while it stays so,
/// and how to allow it. The store still opens and cases still save; only what the directory holds is
/// not written (the save, the reply form and `undo` say so when it happens).
extension CaseStore {
    /// Where the README tells how to set up, or put right, a store shared by a group.
    static let sharedStoreSection = "README 的“A store shared by a group”一节"

    /// banli's own directories, each with what is lost when this user may not write it.
    private var ownDirectories: [(path: String, loss: String)] {
        [(metadataDirectory, "列表索引和文本缓存无法更新，缺少的 recovery、editing、undo 目录无法创建"),
         (recoveryDirectory, "没有崩溃恢复：答复草稿无法写入"),
         (editingDirectory, "没有编辑标记：他人打开案件时不会得知你在编辑"),
         (undoDirectory, "更改无法撤销：撤销记录无法写入"),
         (conflictsDirectory, "保存冲突时无法另存你的版本"),
         (deletedDirectory, "无法删除误建的案件，也无法恢复已删除的案件")]
    }

    /// A warning for each of banli's own directories that exists and that this user may not write
    /// (`access(W_OK | X_OK)`, as the kernel will decide): whose it is, its mode, what is lost and how
    /// to allow it. A link or anything not a directory is another problem (`ownFileProblems`).
    func unwritableDirectoryProblems() -> [StoreProblem] {
        ownDirectories.compactMap { directory in
            var info = stat()
            guard lstat(directory.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
                  faccessat(AT_FDCWD, directory.path, W_OK | X_OK, AT_EACCESS) != 0 else { return nil }
            let remedy = WriteRemedy.remedy(for: directory.path, info, noun: "目录")
            let reason = "你不能写入此目录（\(WriteRemedy.ownership(info))）：\(directory.loss)；要允许写入：\(remedy)；"
                + "整个案件库的修正见 \(Self.sharedStoreSection)"
            return StoreProblem(path: directory.path, line: nil, reason: reason, severity: .warning)
        }
    }
}
