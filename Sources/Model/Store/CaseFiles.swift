import Dispatch
import Glibc

/// The case files in a store directory: `*.yaml` at the top level, hidden (temporary) files excluded,
/// each with its stamp and its kind (taken from the entry itself, a symbolic link not followed), so
/// that a named pipe or a device is never opened. Read with `readdir` and stamped with `fstatat` on all cores: for 100,000 files,
/// FileManager's listing and one `stat` of a full path at a time took most of opening a store.
struct CaseFiles {
    var names: [String]
    /// Parallel to `names`; nil where the file vanished or is not a regular file.
    var stamps: [FileSystem.Stamp?]
    /// Parallel to `names`; nil where the file vanished.
    var kinds: [FileKind?]

    init(directory: String) throws(StoreError) {
        guard let dir = opendir(directory) else { throw StoreError.io(path: directory, operation: "列出目录", errno: errno) }
        defer { closedir(dir) }
        let found = FileSystem.names(in: dir).filter(CaseFiles.isCaseFileName)
        var stamps = [FileSystem.Stamp?](repeating: nil, count: found.count)
        var kinds = [FileKind?](repeating: nil, count: found.count)
        let fd = dirfd(dir)
        let chunk = 4096
        stamps.withUnsafeMutableBufferPointer { stampBuffer in
            kinds.withUnsafeMutableBufferPointer { kindBuffer in
                nonisolated(unsafe) let out = stampBuffer, outKinds = kindBuffer
                DispatchQueue.concurrentPerform(iterations: (found.count + chunk - 1) / chunk) { c in
                    for i in (c * chunk)..<min(found.count, (c + 1) * chunk) {
                        var info = stat()
                        guard fstatat(fd, found[i], &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                        out[i] = FileSystem.Stamp(info)
                        outKinds[i] = FileKind(mode: info.st_mode)
                    }
                }
            }
        }
        self.names = found
        self.stamps = stamps
        self.kinds = kinds
    }

    /// Whether a name in a store's directory is a case file's: `*.yaml`, not hidden. (A hidden file is
    /// a temporary file being written, or the store's marker.)
    static func isCaseFileName(_ name: String) -> Bool {
        name.utf8.first != UInt8(ascii: ".") && name.utf8.count > 5 && name.hasSuffix(".yaml")
    }

    /// The names in `directory` that do not start with `.`.
    static func visibleNames(in directory: String) throws(StoreError) -> [String] {
        guard let dir = opendir(directory) else { throw StoreError.io(path: directory, operation: "列出目录", errno: errno) }
        defer { closedir(dir) }
        return FileSystem.names(in: dir).filter { $0.utf8.first != UInt8(ascii: ".") }
    }

}

extension FileSystem.Stamp {
    /// Whether a cache file last written at `cacheWritten` (its mtime, ns) can vouch for a file with
    /// this stamp: only when the file was last modified and last changed strictly before, in an
    /// earlier tick of the file system's clock. A file changed in the same tick as the cache was
    /// written is read again (and the rewritten cache, written in a later tick, then vouches for it).
    func isSettled(before cacheWritten: Int64) -> Bool {
        modifiedNanoseconds < cacheWritten && changedNanoseconds < cacheWritten
    }

    /// The stamp of a regular file, nil for anything else.
    init?(_ info: stat) {
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(size: Int64(info.st_size),
                  modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changedNanoseconds: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino))
    }
}
