import Glibc

/// The few POSIX calls the store needs, with errors that name the path: whole-file reads, durable
/// atomic replacement, stat stamps and an advisory lock.
public enum FileSystem {
    /// The whole file at `path`, which must be a regular file of at most `limit` bytes. It is opened
    /// without waiting (a named pipe would wait for a writer forever) and, unless `followingLinks`, not
    /// through a symbolic link at its last component; its type is checked on the open file, so a file
    /// swapped after a listing looked at it is caught too. Reading stops at the cap.
    /// `followingLinks` is for files the user names (the configuration, `--text-file`), which may well
    /// be links; never for a file in a store.
    /// - Throws: `StoreError.notARegularFile` (a link, a pipe, a device, a directory …), `.tooLarge`,
    ///   or `.io` naming the path and why (不存在, 没有权限 …).
    public static func read(_ path: String, limit: ReadLimit, followingLinks: Bool = false) throws(StoreError) -> [UInt8] {
        let (fd, size) = try openRegularFile(path, limit: limit, followingLinks: followingLinks)
        defer { close(fd) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(size))
        // One byte past the cap tells a file that grew while being read from one that fits.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit.bytes {
            let wanted = min(chunk.count, limit.bytes + 1 - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path: path, operation: "读取", errno: errno)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
        throw StoreError.tooLarge(path: path, size: max(size, Int64(bytes.count)), limit: limit)
    }

    /// Maps the file read-only; it must be a regular file of at most `limit` bytes, opened as `read`
    /// opens one. Safe against other writers because banli only ever replaces a file by renaming a
    /// new one over it: the mapping keeps the old file's pages.
    /// - Throws: what `read` throws.
    static func map(_ path: String, limit: ReadLimit) throws(StoreError) -> ByteBuffer {
        let (fd, size) = try openRegularFile(path, limit: limit, followingLinks: false)
        defer { close(fd) }
        // mmap refuses an empty length; an empty file is simply no bytes.
        guard size > 0 else { return ByteBuffer([]) }
        guard let base = mmap(nil, Int(size), PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw StoreError.io(path: path, operation: "映射", errno: errno)
        }
        return ByteBuffer(mapping: UnsafeRawBufferPointer(start: base, count: Int(size)))
    }

    /// Opens `path` for reading as `read` describes and gives the descriptor and the file's size.
    private static func openRegularFile(_ path: String, limit: ReadLimit, followingLinks: Bool) throws(StoreError) -> (Int32, Int64) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            let code = errno
            // O_NOFOLLOW says ELOOP for a link; a socket says ENXIO: name what is there instead.
            var info = stat()
            if (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0, FileKind(mode: info.st_mode) != .regular {
                throw StoreError.notARegularFile(path: path, kind: FileKind(mode: info.st_mode))
            }
            throw StoreError.io(path: path, operation: "读取", errno: code)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw StoreError.io(path: path, operation: "读取", errno: code)
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            // A directory is worded as every other read of one (`读取失败：是目录`).
            throw kind == .directory ? StoreError.io(path: path, operation: "读取", errno: EISDIR)
                                     : StoreError.notARegularFile(path: path, kind: kind)
        }
        guard Int64(info.st_size) <= Int64(limit.bytes) else {
            close(fd)
            throw StoreError.tooLarge(path: path, size: Int64(info.st_size), limit: limit)
        }
        return (fd, Int64(info.st_size))
    }

    /// The names in the directory at `path` but `.` and `..`; nothing when it cannot be listed or,
    /// unless `followingLink`, is a symbolic link to one (banli never lists its own directories
    /// through a link, which could lead anywhere; the store directory itself may be one).
    static func entries(of path: String, followingLink: Bool = false) -> [String] {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return [] }
        guard let dir = fdopendir(fd) else {
            close(fd)
            return []
        }
        defer { closedir(dir) }
        return names(in: dir).filter { $0 != "." && $0 != ".." }
    }

    /// Every name `readdir` gives for `dir`, `.` and `..` included.
    static func names(in dir: OpaquePointer) -> [String] {
        var names: [String] = []
        while let entry = readdir(dir) {
            names.append(withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            })
        }
        return names
    }

    /// Size, modification time, status-change time and inode: if all four are unchanged, the file's
    /// content is taken to be unchanged (the index and the text cache rely on this, as git's index
    /// does). The change time (ctime) is what makes this hold: `touch -r` or any `utimensat` can put
    /// an edited file's mtime back, so a same-size edit keeps size, mtime and inode, but no call sets
    /// the ctime (short of setting the system clock), which every write, rename, chmod and `utimensat`
    /// sets to now. A file system's clock ticks coarsely (a jiffy on ext4 without fine-grained
    /// timestamps, 2 s on FAT, a second on some network shares): an edit within the tick in which a
    /// cache was written could keep every field. So a cache vouches only for files settled before it
    /// was written (`isSettled(before:)`), as git treats "racily clean" entries.
    struct Stamp: Hashable, Sendable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var changedNanoseconds: Int64
        var inode: UInt64
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(info)
    }

    /// The stamp of the directory at `path` (whose mtime and ctime change as a file is put in or
    /// taken out); nil when it cannot be read or is not a directory.
    static func directoryStamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return Stamp(size: Int64(info.st_size),
                     modifiedNanoseconds: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                     changedNanoseconds: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                     inode: UInt64(info.st_ino))
    }

    /// Whether `path` is a directory, following symbolic links.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Makes the directory `path` unless it exists. It gets 0777 less the umask, as `mkdir` gives,
    /// so that under umask 002 the group may write `.banli/recovery` and `.banli/editing` as well as
    /// whoever made them; in a set-group-ID directory it takes that directory's group and bit (the
    /// kernel does this; nothing here changes the mode afterwards).
    static func makeDirectory(_ path: String) throws(StoreError) {
        if mkdir(path, 0o777) != 0 && errno != EEXIST {
            throw StoreError.io(path: path, operation: "创建目录", errno: errno)
        }
    }

    /// Makes `path` and every missing directory above it, as `mkdir -p` does.
    public static func makeDirectories(_ path: String) throws(StoreError) {
        let parent = parent(of: path)
        if parent != path, !parent.isEmpty, !isDirectory(parent) { try makeDirectories(parent) }
        try makeDirectory(path)
    }

    /// The absolute path of `path` with every symbolic link, `.` and `..` resolved.
    /// - Throws: `StoreError.io` when part of it does not exist or cannot be searched.
    public static func realPath(_ path: String) throws(StoreError) -> String {
        guard let resolved = realpath(path, nil) else { throw StoreError.io(path: path, operation: "查找", errno: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes `bytes` to a temporary file beside `path`, fsyncs it, renames it over `path` and fsyncs
    /// the directory: a crash at any moment leaves either the old file or the new one, never a mix.
    /// Errors name `path`, the file the caller asked for, not the temporary one. `failure` makes the
    /// write fail as a full or read-only disk would (for tests); `beforeRename` lets tests stop the
    /// write at its most delicate point. `permissions` says what mode and group the file gets (by
    /// default those of the file it replaces, or 0666 less the umask).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, permissions: FilePermissions = .shared,
                                       failure: SimulatedDiskFailure? = nil,
                                       beforeRename: () throws(StoreError) -> Void = {}) throws(StoreError) {
        let temporary = try writeTemporary(bytes, for: path, permissions: permissions, failure: failure, sync: true)
        do throws(StoreError) {
            try beforeRename()
            try moveIntoPlace(temporary, path)
        } catch {
            unlink(temporary)
            throw error
        }
        try syncDirectory(parent(of: path))
    }

    /// Writes `bytes` to a new temporary file beside `path` (hidden, named by `temporaryFileWriter`'s
    /// rule) with the mode and group `permissions` gives, and returns its path; fsyncs it when `sync`
    /// (a batch syncs the disk once instead: `CaseStore.create(_:progress:)`). Nothing is left behind
    /// when it fails. Errors name `path`.
    static func writeTemporary(_ bytes: [UInt8], for path: String, permissions: FilePermissions, failure: SimulatedDiskFailure?,
                               sync: Bool) throws(StoreError) -> String {
        let temporary = parent(of: path) + "/." + baseName(of: path) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let failure = failure.flatMap { $0.affects(path) ? $0 : nil }
        if let failure, !failure.failsWhileWriting {
            throw StoreError.io(path: path, operation: "写入", errno: failure.errno)
        }
        let plan = permissions.plan(replacing: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, plan.creationMode)
        guard fd >= 0 else { throw StoreError.io(path: path, operation: "写入", errno: errno) }
        do throws(StoreError) {
            if let failure {
                // A full disk takes part of the file before it refuses the rest.
                try writeAll(fd, Array(bytes.prefix(bytes.count / 2)), path: path)
                throw StoreError.io(path: path, operation: "写入", errno: failure.errno)
            }
            try writeAll(fd, bytes, path: path)
            if let model = plan.model { FilePermissions.adopt(model, on: fd) }
            if sync, fsync(fd) != 0 { throw StoreError.io(path: path, operation: "写入磁盘", errno: errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        return temporary
    }

    /// Renames a temporary file written by `writeTemporary` over `path`.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws(StoreError) {
        guard rename(temporary, path) == 0 else { throw StoreError.io(path: path, operation: "替换文件", errno: errno) }
    }

    /// The process that wrote `name`, if it is one of the temporary files above: `.NAME.tmp-PID-RANDOM`,
    /// hidden so never taken for a case, and naming its writer so that one left by a killed process
    /// can be recognised.
    static func temporaryFileWriter(_ name: String) -> pid_t? {
        guard name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return nil }
        let fields = name[name.index(after: dot)...].split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == "tmp", UInt32(fields[2]) != nil, let pid = pid_t(fields[1]), pid > 0 else { return nil }
        return pid
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path: path, operation: "写入", errno: errno)
            }
            offset += n
        }
    }

    static func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path: directory, operation: "打开目录", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.io(path: directory, operation: "同步目录", errno: errno) }
    }

    /// Runs `body` holding an exclusive advisory lock on `lockPath` (created if needed), so two banli
    /// processes never interleave a check-then-write on the same store. A lock file that may not be
    /// written is still locked (flock needs no write access): on a store this user may not write, the
    /// error is then the one about the file being saved, not about the lock. A new lock file gets 0666
    /// less the umask, like the store's other shared files. The lock must be a regular file: it is
    /// opened without following a link or waiting on a pipe, and its kind checked before and after.
    /// - Throws: `StoreError.oddLockFile` when it is not a regular file, `.io` when it cannot be
    ///   opened or locked, or what `body` throws.
    static func withLock<T>(_ lockPath: String, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        // Not opened at all when odd: opening a device may do something.
        if let kind = FileKind(at: lockPath), kind != .regular { throw StoreError.oddLockFile(path: lockPath, kind: kind) }
        let flags = O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK
        var fd = open(lockPath, O_RDWR | O_CREAT | flags, 0o666)
        if fd < 0 && (errno == EACCES || errno == EROFS) {
            let refused = errno
            fd = open(lockPath, O_RDONLY | flags)
            // No lock file yet, and none may be made: the cause is why it could not be made (没有权限,
            // 文件系统为只读), not that it is missing.
            if fd < 0 && errno == ENOENT { throw StoreError.io(path: lockPath, operation: "创建锁文件", errno: refused) }
        }
        // A link (ELOOP) or pipe put there since the look above.
        if fd < 0, errno == ELOOP, let kind = FileKind(at: lockPath) { throw StoreError.oddLockFile(path: lockPath, kind: kind) }
        guard fd >= 0 else { throw StoreError.io(path: lockPath, operation: "加锁", errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.io(path: lockPath, operation: "加锁", errno: errno) }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else { throw StoreError.oddLockFile(path: lockPath, kind: kind) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.io(path: lockPath, operation: "加锁", errno: errno) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// The directory part of `path` (`.` for a bare name, `/` for a name at the root).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
