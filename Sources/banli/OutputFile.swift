import Glibc
import Model

/// The file a command writes when the user names one with `-o` (`export`, `ledger`). Outputs never
/// overwrite data: the path is checked before anything is read or written, and refused when it is a
/// directory, when it lies inside a store (the one in use, or any directory with a store's marker:
/// a case file replaced by an export drops that case), when what is there is not a regular file
/// (a device, a named pipe, a socket or a symbolic link: `--force` replacing `/dev/null` with a
/// regular file, or a link with a copy, would break what they are for), or when a file is there
/// already and the user did not say `--force`. The place checked is the one the write replaces: the real directory
/// (symbolic links and `..` resolved) and the name in it, a symbolic link itself being replaced,
/// never followed.
struct OutputFile {
    /// Why a path was refused; each description is one line naming the path and what to do.
    enum Refusal: Error, CustomStringConvertible {
        case isADirectory(path: String)
        case exists(path: String)
        /// What is at `path` is of `kind`, not a regular file; `--force` does not replace it.
        case notRegular(path: String, kind: FileKind)
        case insideStore(path: String, store: String)
        /// The directory the file would go in (`directory`, as typed) does not exist.
        case noDirectory(path: String, directory: String)

        var description: String {
            switch self {
            case .isADirectory(let path): return "不能写入 \(path)：是目录（请在 -o 后写出文件名）"
            case .exists(let path): return "不能写入 \(path)：文件已存在（确要替换请加 --force）"
            case .notRegular(let path, let kind): return "不能写入 \(path)：是\(kind.name)，未覆盖（--force 只覆盖普通文件）"
            case .insideStore(let path, let store): return "不能写入 \(path)：位于案件库 \(store) 之中，导出不写进案件库（请写到库外）"
            case .noDirectory(let path, let directory): return "不能写入 \(path)：目录 \(directory) 不存在（请先创建，或写到已有的目录）"
            }
        }
    }

    let path: String

    /// Checks `path` as an output of a command working on `store`; `overwrite` is `--force`.
    /// - Throws: `Refusal` (`.noDirectory` when the directory is not there), or `StoreError.io`
    ///   naming `path` when its directory cannot be looked up otherwise (no permission).
    init(_ path: String, store: CaseStore, overwrite: Bool) throws {
        let name = FileSystem.baseName(of: path)
        guard !name.isEmpty, name != ".", name != "..", !FileSystem.isDirectory(path) else { throw Refusal.isADirectory(path: path) }
        let directory: String, typedDirectory = FileSystem.parent(of: path)
        do {
            directory = try FileSystem.realPath(typedDirectory)
        } catch {
            guard case .io(_, _, let code) = error else { throw error }
            if code == ENOENT { throw Refusal.noDirectory(path: path, directory: typedDirectory) }
            throw StoreError.io(path: path, operation: "写入", errno: code)
        }
        let storeDirectory = try? FileSystem.realPath(store.directory)
        var above = directory
        while true {
            if above == storeDirectory || StoreMarker.isPresent(in: above) { throw Refusal.insideStore(path: path, store: above) }
            let next = FileSystem.parent(of: above)
            if next == above { break }
            above = next
        }
        switch FileKind(at: path) {
        case nil: break
        case .regular?: if !overwrite { throw Refusal.exists(path: path) }
        case let kind?: throw Refusal.notRegular(path: path, kind: kind)
        }
        self.path = path
    }

    /// Replaces the file atomically with `text`.
    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Replaces the file atomically with `bytes`.
    func write(_ bytes: [UInt8]) throws {
        try FileSystem.writeAtomically(bytes, to: path)
    }
}
