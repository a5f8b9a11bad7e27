import Glibc

/// A file the user names for banli to write: a command's `-o` (`export`, `ledger`) and the terminal
/// UI's export dialog, so both apply one set of rules. Outputs never overwrite data: the path is
/// checked before anything is read or written, and refused when it is a directory, when it lies
/// inside a store (the one in use, or any directory with a store's marker: a case file replaced by
/// an export drops that case), when what is there is not a regular file (a device, a named pipe, a
/// socket or a symbolic link: replacing `/dev/null` with a regular file, or a link with a copy, would
/// break what they are for), or when a file is there already and the user did not say to replace it.
/// The place checked is the one the write replaces: the real directory (symbolic links and `..`
/// resolved) and the name in it, a symbolic link itself being replaced, never followed.
public struct OutputFile: Sendable {
    /// Why a path was refused; each description is one line naming the path and what is wrong. How
    /// to put it right differs (the command line's `--force` and `-o`, the dialog's question), so
    /// the command line adds its own remedy (`CommandLineHint`) where the description has none.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case isADirectory(path: String)
        case exists(path: String)
        /// What is at `path` is of `kind`, not a regular file; it is never replaced.
        case notRegular(path: String, kind: FileKind)
        case insideStore(path: String, store: String)
        /// The directory the file would go in (`directory`, as typed) does not exist.
        case noDirectory(path: String, directory: String)

        /// The path refused, as given.
        public var path: String {
            switch self {
            case .isADirectory(let path), .exists(let path), .notRegular(let path, _), .insideStore(let path, _),
                 .noDirectory(let path, _): return path
            }
        }

        /// What is wrong, without the path.
        private var reason: String {
            switch self {
            case .isADirectory: return "是目录"
            case .exists: return "文件已存在"
            case .notRegular(_, let kind): return "是\(kind.name)，未覆盖"
            case .insideStore(_, let store): return "位于案件库 \(UntrustedText.inert(store)) 之中，导出不写进案件库（请写到库外）"
            case .noDirectory(_, let directory): return "目录 \(UntrustedText.inert(directory)) 不存在（请先创建，或写到已有的目录）"
            }
        }

        /// What is wrong before the path, for a status line narrower than a long path: at 40
        /// columns the reason shows and the path's end is cut (`位于案件库 s 之中…：/home/…`).
        public var reasonFirst: String { "\(reason)：\(UntrustedText.inert(path))" }

        public var description: String { "不能写入 \(UntrustedText.inert(path))：\(reason)" }
    }

    /// The path checked, as given.
    public let path: String

    /// Checks `path` as an output of a command working on `store`; `overwrite` says an existing
    /// regular file may be replaced (the command line's `--force`, a confirmed question).
    /// - Throws: `Refusal` (`.noDirectory` when the directory is not there), or `StoreError.io`
    ///   naming `path` when its directory cannot be looked up otherwise (no permission).
    public init(_ path: String, store: CaseStore, overwrite: Bool) throws {
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
    /// - Throws: `StoreError.io` naming the path.
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// Replaces the file atomically with `bytes` (nothing half-written is left on a failure).
    /// - Throws: `StoreError.io` naming the path.
    public func write(_ bytes: [UInt8]) throws {
        try FileSystem.writeAtomically(bytes, to: path)
    }
}
