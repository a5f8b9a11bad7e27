import Foundation

/// A directory of case files, marked as a store by `StoreMarker`. Each case is one YAML file named
/// after its ID; banli's own bookkeeping (the list index, the search text, drafts and the write lock)
/// lives in `.banli/`. The store is a value passed to whoever needs it, never a global.
public struct CaseStore: Sendable {
    /// What opening the store allows it to write.
    public enum Access: Sendable {
        /// For commands that only read (`list`, `show`, `export`, …): nothing is written, not even a
        /// cache; the list index is used where it is valid but not brought up to date.
        case readOnly
        /// Cases and drafts may be saved, and reading keeps the caches in `.banli/` up to date (the
        /// terminal UI, so that its next start is fast).
        case readWrite
    }

    public let directory: String
    public let decoder: CaseFileDecoder
    public let access: Access
    /// Set by tests only: the store's own writes (cases, drafts, marks, copies) then fail as on a
    /// full or read-only disk.
    public var simulatedFailure: SimulatedDiskFailure?
    /// The most bytes one case file may hold (`case_file_max_mib` in the configuration): a larger
    /// one is listed as a problem and not read, and a save that would make one is refused.
    public var caseFileLimit = ReadLimit.caseFile(mebibytes: ReadLimit.defaultCaseFileMebibytes)
    /// How the comment line at the top of a case file names the case's meeting (the configuration's
    /// `meetingNaming`); nil (tests, the benchmark) leaves the meeting out of that line.
    public var meetingNaming: MeetingNaming?

    /// A store on `directory` taken to be one, its marker unchecked (tests, the benchmark); what a
    /// user names goes through `open`.
    /// - Throws: `StoreError.notADirectory` when `directory` is not a directory;
    ///   `.linkedStoreDirectory` when, opening it `.readWrite`, `.banli` or a directory in it is a
    ///   symbolic link (see `firstOddOwnPlace()`).
    public init(directory: String, vocabulary: CaseVocabulary, access: Access = .readWrite) throws(StoreError) {
        let trimmed = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard FileSystem.isDirectory(trimmed) else { throw StoreError.notADirectory(path: directory) }
        self.directory = trimmed
        self.decoder = CaseFileDecoder(vocabulary: vocabulary)
        self.access = access
        if access == .readWrite, let linked = firstOddOwnPlace() { throw linked }
    }

    /// Opens the store the user named, refusing what is not one.
    /// - Throws: `StoreError.doesNotExist`, `.notADirectory`, `.notAStore` (no marker: not made by
    ///   `banli init`), `.unsupportedStoreFormat`, or `.io` when the path cannot be looked at.
    public static func open(_ directory: String, vocabulary: CaseVocabulary, access: Access) throws(StoreError) -> CaseStore {
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw errno == ENOENT ? StoreError.doesNotExist(path: directory) : StoreError.io(path: directory, operation: "打开", errno: errno)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw StoreError.notADirectory(path: directory) }
        try StoreMarker.check(directory)
        return try CaseStore(directory: directory, vocabulary: vocabulary, access: access)
    }

    /// What `initialize` did.
    public enum Initialization: Equatable, Sendable {
        /// Made a new, empty store (the directory was missing or empty).
        case created
        /// Marked a directory that already held this many case files.
        case marked(caseFiles: Int)
        /// The directory was a store already; nothing was written.
        case alreadyAStore
        /// The directory was a store already; its marker now names the profile asked for.
        case profileSet
    }

    /// `banli init`: makes `directory` a store by writing its marker, making the directory (and its
    /// parents) when missing. A directory that already holds case files (`*.yaml`, as a store made
    /// before stores were marked) is marked as it is; a store is left alone, but for its profile
    /// line when `profile` is given. `profile` (an office profile's name, checked by the caller) is
    /// written into the marker (`StoreMarker.profile(in:)`).
    /// - Throws: `StoreError.notADirectory`, `.notEmpty` for a directory holding other things but no
    ///   case file, what `StoreMarker.check` throws for a marker that is there but not one `open`
    ///   accepts, `.io` when the directory or the marker cannot be written.
    public static func initialize(_ directory: String, profile: String? = nil) throws(StoreError) -> Initialization {
        guard FileSystem.exists(directory) else {
            try FileSystem.makeDirectories(directory)
            try StoreMarker.write(in: directory, profile: profile)
            return .created
        }
        guard FileSystem.isDirectory(directory) else { throw StoreError.notADirectory(path: directory) }
        // A marker `open` would refuse (a pipe, a link, a later format) is reported as `open` reports it.
        if StoreMarker.isPresent(in: directory) {
            try StoreMarker.check(directory)
            guard let profile else { return .alreadyAStore }
            try StoreMarker.setProfile(profile, in: directory)
            return .profileSet
        }
        let visible = try CaseFiles.visibleNames(in: directory)
        // Only regular files count: a pipe, a link or a directory named `*.yaml` is no case (`list` says so).
        let caseFiles = visible.filter { CaseFiles.isCaseFileName($0) && FileKind(at: directory + "/" + $0) == .regular }.count
        guard visible.isEmpty || caseFiles > 0 else { throw StoreError.notEmpty(path: directory) }
        try StoreMarker.write(in: directory, profile: profile)
        return caseFiles == 0 ? .created : .marked(caseFiles: caseFiles)
    }

    /// Creates a new empty store at `directory`, which must not exist or be empty.
    /// - Throws: `StoreError.alreadyExists` when `directory` holds case files or is a store already,
    ///   or what `initialize` throws.
    @discardableResult
    public static func create(at directory: String, vocabulary: CaseVocabulary) throws(StoreError) -> CaseStore {
        guard try initialize(directory) == .created else { throw StoreError.alreadyExists(path: directory) }
        return try CaseStore(directory: directory, vocabulary: vocabulary)
    }

    var metadataDirectory: String { directory + "/.banli" }
    var indexPath: String { metadataDirectory + "/index.tsv" }
    var lockPath: String { metadataDirectory + "/lock" }

    public func path(of id: CaseID) -> String { directory + "/" + id.fileName }

    /// `value` as its case file, its comment line naming the meeting as `meetingNaming` does.
    func encoded(_ value: Case) -> String {
        CaseFileEncoder.encode(value, meetingName: meetingNaming?.name(of: value) ?? "")
    }

    /// The case files present: `*.yaml` at the top level, hidden (temporary) files excluded.
    func caseFileNames() throws(StoreError) -> [String] {
        try CaseFiles.visibleNames(in: directory).filter(CaseFiles.isCaseFileName)
    }

    /// Reads every case's header fields, from the index where it is still valid and by parsing the
    /// file (on all cores) where it is not. A malformed file becomes a problem in the listing; every
    /// other case still loads. The index is rewritten when it changed, the store was opened
    /// `.readWrite` and its directory may be written.
    /// `willParse` is told how many files are to be parsed, before they are, when there are any: the
    /// first open of a large store takes a while, and the user can be told why. `parsed` is then
    /// told, after each file, how many have been parsed so far: from the parsing threads, one call
    /// at a time, the counts rising (a progress bar).
    public func list(willParse: (Int) -> Void = { _ in },
                     parsed: @escaping @Sendable (Int) -> Void = { _ in }) throws(StoreError) -> StoreListing {
        let files = try CaseFiles(directory: directory)
        let key = vocabularyKey
        // Stamped before it is read: should it be replaced meanwhile, the older time vouches for less.
        let indexWritten = FileSystem.stamp(indexPath)?.modifiedNanoseconds ?? .min
        let index = (try? FileSystem.read(indexPath, limit: .index)).flatMap { StoreIndex(bytes: $0, vocabularyKey: key) }
        let cached = index?.entries ?? []
        let position = FileNamePositions(cached)
        var kept = [Bool](repeating: false, count: cached.count), keptCount = 0
        var toParse: [Int] = []
        var problems: [DataFileError] = []
        for (i, name) in files.names.enumerated() {
            if let kind = files.kinds[i], kind != .regular {
                // Never opened: a named pipe would block the read, a device never end it.
                problems.append(DataFileError(path: directory + "/" + name, line: nil, reason: .notARegularFile(kind)))
            } else if let stamp = files.stamps[i], let at = position[name], cached[at].stamp == stamp, stamp.isSettled(before: indexWritten) {
                kept[at] = true
                keptCount += 1
            } else {
                toParse.append(i)
            }
        }
        if !toParse.isEmpty { willParse(toParse.count) }
        let results = readAll(toParse.map { files.names[$0] }, progress: ParseCounter(parsed)) { $0.summary }
        var fresh: [StoreIndex.Entry] = []
        for (i, result) in zip(toParse, results) {
            switch result {
            case .success(let summary):
                if let stamp = files.stamps[i] { fresh.append(StoreIndex.Entry(file: files.names[i], stamp: stamp, summary: summary)) }
            case .failure(let problem):
                problems.append(problem)
            }
        }
        var entries = keptCount == cached.count ? cached : cached.indices.filter { kept[$0] }.map { cached[$0] }
        if !fresh.isEmpty { entries = StoreIndex.merge(entries, fresh.sorted { $0.summary.id < $1.summary.id }) }
        if access == .readWrite, index == nil || !fresh.isEmpty || keptCount != cached.count || index?.damagedRows != 0 {
            // The index is a cache: a store opened read-only, or on a disk that refuses the write, goes without it.
            if (try? makeOwnDirectory(metadataDirectory)) != nil {
                try? FileSystem.writeAtomically(StoreIndex(entries: entries).bytes(vocabularyKey: key), to: indexPath)
            }
        }
        return StoreListing(summaries: entries.map(\.summary), problems: problems.sorted { $0.path < $1.path },
                            parsedCount: toParse.count)
    }

    /// Reads the named case files on all cores, keeping what `keep` takes from each; `progress`
    /// counts them as they are read.
    func readAll<T: Sendable>(_ names: [String], progress: ParseCounter? = nil,
                              keeping keep: @Sendable (Case) -> T) -> [Result<T, DataFileError>] {
        let placeholder = Result<T, DataFileError>.failure(DataFileError(path: "", line: nil, reason: .notAMapping))
        var results = Array(repeating: placeholder, count: names.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: names.count) { i in
                // No revision: a listing never saves, and hashing every byte cost as much as reading them.
                out[i] = Result { () throws(DataFileError) in keep(try decodeCase(named: names[i], bytes: caseFileBytes(named: names[i]))) }
                progress?.count()
            }
        }
        return results
    }

    /// Reads and checks one case file: it must parse, and its identity must match its name.
    func readCase(named name: String) throws(DataFileError) -> StoredCase {
        try readCase(named: name, bytes: try caseFileBytes(named: name))
    }

    /// The bytes of the case file `name`, as `readCase` reads them: a regular file, not a link, of at
    /// most `caseFileLimit` bytes.
    func caseFileBytes(named name: String) throws(DataFileError) -> [UInt8] {
        let path = directory + "/" + name
        do {
            return try FileSystem.read(path, limit: caseFileLimit)
        } catch {
            // A directory named like a case file is worded as `list` words it (`CaseFiles` kinds).
            if case .io(_, _, EISDIR) = error { throw DataFileError(path: path, line: nil, reason: .notARegularFile(.directory)) }
            throw DataFileError(path: path, unreadable: error)
        }
    }

    /// The case in `bytes`, read from the case file `name`: decoded, and refused when it holds
    /// another case than its name says.
    func readCase(named name: String, bytes: [UInt8]) throws(DataFileError) -> StoredCase {
        StoredCase(value: try decodeCase(named: name, bytes: bytes), revision: Revision(of: bytes), path: directory + "/" + name)
    }

    /// The case in `bytes`, read from the case file `name`, without its revision.
    func decodeCase(named name: String, bytes: [UInt8]) throws(DataFileError) -> Case {
        let path = directory + "/" + name
        let value = try decoder.decode(bytes, path: path)
        guard value.id.fileName == name else {
            throw DataFileError(path: path, line: nil, reason: .identityMismatch(expected: value.id.fileName, found: name))
        }
        return value
    }

    /// Reads one case in full.
    public func load(_ id: CaseID) throws(StoreError) -> StoredCase {
        guard FileSystem.exists(path(of: id)) else { throw StoreError.notFound(id: id.description, store: directory) }
        do {
            return try readCase(named: id.fileName)
        } catch {
            throw StoreError.malformed(error)
        }
    }

    /// Adds a new case; refuses when a case with the same ID exists.
    @discardableResult
    public func create(_ value: Case) throws(StoreError) -> StoredCase {
        try save(value, replacing: nil)
    }

    /// Writes `value` over the version read as `revision` (nil for a new case). Refuses, writing
    /// nothing, when the file on disk is no longer that version, the journal lost entries, or the file
    /// is read-only (`StoreError.readOnlyFile`). The new file keeps the old one's mode and group.
    /// A save that replaces a case and journals a change keeps the old file as an undo step
    /// (`CaseStore+Undo`).
    @discardableResult
    public func save(_ value: Case, replacing revision: Revision?) throws(StoreError) -> StoredCase {
        try save(value, replacing: revision, undoing: nil)
    }

    /// Saves as `save(_:replacing:)`; with `step`, the save undoes that step instead of adding one.
    func save(_ value: Case, replacing revision: Revision?, undoing step: UndoStep?) throws(StoreError) -> StoredCase {
        try requireWritable()
        let bytes = try fileBytes(of: value)
        try makeOwnDirectory(metadataDirectory)
        let path = path(of: value.id)
        return try FileSystem.withLock(lockPath) { () throws(StoreError) -> StoredCase in
            let exists = FileSystem.exists(path)
            if exists, let file = ReadOnlyFile.find(at: path) { throw StoreError.readOnlyFile(file) }
            var previous: (bytes: [UInt8], journal: Int)?
            var comments: [Int] = []
            if let revision {
                guard exists else { throw StoreError.conflict(path: path, changedFields: ["文件已被删除"]) }
                // A link is refused here (`FileSystem.read` does not follow one): renaming the new
                // file over it would cut it from the file it leads to, which would silently diverge.
                let current = try FileSystem.read(path, limit: caseFileLimit)
                guard Revision(of: current) == revision else {
                    throw StoreError.conflict(path: path, changedFields: changedFields(onDisk: current, path: path, mine: value))
                }
                if let old = try? decoder.decode(current, path: path) {
                    if !value.journal.starts(with: old.journal) { throw StoreError.journalRewritten(path: path) }
                    previous = (current, old.journal.count)
                }
                comments = CaseFileComments.lines(in: current)
            } else if exists {
                throw StoreError.alreadyExists(path: path)
            }
            try write(bytes, to: path)
            let written = Revision(of: bytes)
            var undoNote: String?
            if let step {
                consumeUndoStep(step, of: value.id, now: written)
            } else if let previous, value.journal.count > previous.journal {
                undoNote = recordUndoStep(of: value.id, before: previous.bytes, after: written)
            } else if revision == nil {
                discardUndoSteps(of: value.id)
            }
            return StoredCase(value: value, revision: written, path: path, droppedComments: comments, undoNote: undoNote)
        }
    }

    /// The case file `value` is written as, once it is known to be one the store can read back.
    /// - Throws: `StoreError.invalidCase` for a number that could name another directory, a file over
    ///   the size cap (every later read would refuse it) or one the loader refuses (the case would
    ///   leave the list; the monkey test once pasted text into the disclosure category).
    func fileBytes(of value: Case) throws(StoreError) -> [UInt8] {
        guard CaseID.isValidNumber(value.number) else {
            throw StoreError.invalidCase("编号“\(value.number)”只能包含字母、数字和“-”，未保存")
        }
        let path = path(of: value.id)
        let bytes = Array(encoded(value).utf8)
        guard bytes.count <= caseFileLimit.bytes else {
            throw StoreError.invalidCase("\(path): \(caseFileLimit.refusal(size: Int64(bytes.count)))，未保存")
        }
        do {
            _ = try decoder.decode(bytes, path: path)
        } catch {
            throw StoreError.invalidCase("\(error)，未保存")
        }
        return bytes
    }

    /// Writes one of the store's own files atomically (the list index and the text cache, mere caches,
    /// are written directly), with `permissions` (`FilePermissions`).
    func write(_ bytes: [UInt8], to path: String, permissions: FilePermissions = .shared) throws(StoreError) {
        try requireWritable()
        try FileSystem.writeAtomically(bytes, to: path, permissions: permissions, failure: simulatedFailure)
    }

    /// Why a save of `id` would fail before it is tried, as far as can be told without writing: a store
    /// opened read-only, a read-only case file, a store directory this user may not write (没有权限,
    /// 文件系统为只读). Nil when nothing is known to stop it. Told when a reply is opened.
    public func saveProblem(of id: CaseID) -> StoreError? {
        guard access == .readWrite else { return StoreError.readOnly(path: directory) }
        let path = path(of: id)
        if let failure = simulatedFailure, failure.affects(path) { return StoreError.io(path: path, operation: "写入", errno: failure.errno) }
        if let file = ReadOnlyFile.find(at: path) { return StoreError.readOnlyFile(file) }
        guard faccessat(AT_FDCWD, directory, W_OK | X_OK, AT_EACCESS) == 0 else {
            return StoreError.io(path: directory, operation: "写入", errno: errno)
        }
        return nil
    }

    /// The first of `oddOwnPlaces()`: what stops the store being written (nil when nothing does).
    func firstOddOwnPlace() -> StoreError? {
        oddOwnPlaces().first
    }

    /// Each of banli's own directories in the store (`.banli` and those in it) that is there but is
    /// not a directory of the store's own — a symbolic link (or a file, a pipe) in its place — and a
    /// lock file that is not a regular file. Writing through a link would put the lock, caches, drafts
    /// and marks wherever it leads, so a store with one is not opened for writing, and nothing is
    /// written into it when opened read-only. When `.banli` itself is one, what lies beyond is not
    /// the store's and is not looked at.
    func oddOwnPlaces() -> [StoreError] {
        if let kind = FileKind(at: metadataDirectory), kind != .directory { return [.linkedStoreDirectory(path: metadataDirectory, kind: kind)] }
        var found: [StoreError] = []
        for path in [recoveryDirectory, editingDirectory, undoDirectory, conflictsDirectory, deletedDirectory] {
            if let kind = FileKind(at: path), kind != .directory { found.append(.linkedStoreDirectory(path: path, kind: kind)) }
        }
        // A linked lock is created where it points, and so would be a file outside the store.
        if let kind = FileKind(at: lockPath), kind != .regular { found.append(.oddLockFile(path: lockPath, kind: kind)) }
        return found
    }

    /// Makes `path`, one of banli's own directories in the store, and `.banli` above it, after
    /// checking that none of them leads out of the store (checked on every write: a long-running
    /// terminal UI must not follow a link put there after it opened the store).
    /// - Throws: the `firstOddOwnPlace()` error, or `.io` when a directory cannot be made.
    func makeOwnDirectory(_ path: String) throws(StoreError) {
        if let linked = firstOddOwnPlace() { throw linked }
        try FileSystem.makeDirectory(metadataDirectory)
        if path != metadataDirectory { try FileSystem.makeDirectory(path) }
    }

    /// Removes `path`, one of banli's own files in `.banli/`, unless a directory on the way has become
    /// a link since the store was opened: a file of the same name wherever it leads is not banli's.
    func removeOwnFile(_ path: String) {
        guard firstOddOwnPlace() == nil else { return }
        unlink(path)
    }

    /// Refuses a write to a store opened `.readOnly`: a command that only reads must leave the store as it was.
    func requireWritable() throws(StoreError) {
        guard access == .readWrite else { throw StoreError.readOnly(path: directory) }
    }

    private func changedFields(onDisk bytes: [UInt8], path: String, mine: Case) -> [String] {
        guard let theirs = try? decoder.decode(bytes, path: path) else { return ["文件内容已无法解析"] }
        return CaseDifference.fields(between: mine, and: theirs)
    }

    /// Distinguishes one vocabulary from another in the index, so a configuration change that could
    /// make cached cases invalid forces a re-read.
    var vocabularyKey: String {
        let v = decoder.vocabulary
        return String(Revision(of: Array((v.statuses + ["|"] + v.outcomes + ["|"] + v.disclosures).joined(separator: "\u{1F}").utf8)).description)
    }
}
