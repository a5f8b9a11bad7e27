import Foundation

/// A directory of case files. Each case is one YAML file named after its ID; banli's own
/// bookkeeping (the list index and the write lock) lives in `.banli/`. The store is a value passed
/// to whoever needs it, never a global.
public struct CaseStore: Sendable {
    public let directory: String
    public let decoder: CaseFileDecoder
    /// Set by tests only: the store's own writes (cases, drafts, marks, copies) then fail as on a
    /// full or read-only disk.
    public var simulatedFailure: SimulatedDiskFailure?

    public init(directory: String, vocabulary: CaseVocabulary) throws(StoreError) {
        let trimmed = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard FileSystem.isDirectory(trimmed) else { throw StoreError.notADirectory(path: directory) }
        self.directory = trimmed
        self.decoder = CaseFileDecoder(vocabulary: vocabulary)
    }

    /// Creates an empty store at `directory`, which must not exist or be empty.
    @discardableResult
    public static func create(at directory: String, vocabulary: CaseVocabulary) throws(StoreError) -> CaseStore {
        if FileSystem.exists(directory) {
            guard FileSystem.isDirectory(directory) else { throw StoreError.alreadyExists(path: directory) }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            guard contents.isEmpty else { throw StoreError.alreadyExists(path: directory) }
        } else {
            try FileSystem.makeDirectory(directory)
        }
        let store = try CaseStore(directory: directory, vocabulary: vocabulary)
        try FileSystem.makeDirectory(store.metadataDirectory)
        return store
    }

    var metadataDirectory: String { directory + "/.banli" }
    var indexPath: String { metadataDirectory + "/index.tsv" }
    var lockPath: String { metadataDirectory + "/lock" }

    public func path(of id: CaseID) -> String { directory + "/" + id.fileName }

    /// The case files present: `*.yaml` at the top level, hidden (temporary) files excluded.
    func caseFileNames() throws(StoreError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
        } catch {
            throw StoreError.io(path: directory, operation: "列出目录", errno: (error as NSError).code == 0 ? EIO : Int32((error as NSError).code))
        }
    }

    /// Reads every case's header fields, from the index where it is still valid and by parsing the
    /// file (on all cores) where it is not. A malformed file becomes a problem in the listing; every
    /// other case still loads. The index is rewritten when it changed and the store is writable.
    /// `willParse` is told how many files are to be parsed, before they are, when there are any: the
    /// first open of a large store takes a while, and the user can be told why.
    public func list(willParse: (Int) -> Void = { _ in }) throws(StoreError) -> StoreListing {
        let files = try CaseFiles(directory: directory)
        let key = vocabularyKey
        let index = (try? FileSystem.read(indexPath)).flatMap { StoreIndex(bytes: $0, vocabularyKey: key) }
        let cached = index?.entries ?? []
        let position = Dictionary(cached.indices.map { (cached[$0].file, $0) }, uniquingKeysWith: { first, _ in first })
        var kept = [Bool](repeating: false, count: cached.count), keptCount = 0
        var toParse: [Int] = []
        for (i, name) in files.names.enumerated() {
            if let stamp = files.stamps[i], let at = position[name], cached[at].stamp == stamp {
                kept[at] = true
                keptCount += 1
            } else {
                toParse.append(i)
            }
        }
        if !toParse.isEmpty { willParse(toParse.count) }
        let parsed = readAll(toParse.map { files.names[$0] }) { $0.summary }
        var fresh: [StoreIndex.Entry] = [], problems: [DataFileError] = []
        for (i, result) in zip(toParse, parsed) {
            switch result {
            case .success(let summary):
                if let stamp = files.stamps[i] { fresh.append(StoreIndex.Entry(file: files.names[i], stamp: stamp, summary: summary)) }
            case .failure(let problem):
                problems.append(problem)
            }
        }
        var entries = keptCount == cached.count ? cached : cached.indices.filter { kept[$0] }.map { cached[$0] }
        if !fresh.isEmpty { entries = StoreIndex.merge(entries, fresh.sorted { $0.summary.id < $1.summary.id }) }
        if index == nil || !fresh.isEmpty || keptCount != cached.count {
            // The index is a cache: a read-only store simply goes without it.
            try? FileSystem.makeDirectory(metadataDirectory)
            try? FileSystem.writeAtomically(StoreIndex(entries: entries).bytes(vocabularyKey: key), to: indexPath)
        }
        return StoreListing(summaries: entries.map(\.summary), problems: problems.sorted { $0.path < $1.path },
                            parsedCount: toParse.count)
    }

    /// Reads the named case files on all cores, keeping what `keep` takes from each.
    func readAll<T: Sendable>(_ names: [String], keeping keep: @Sendable (Case) -> T) -> [Result<T, DataFileError>] {
        let placeholder = Result<T, DataFileError>.failure(DataFileError(path: "", line: nil, reason: .notAMapping))
        var results = Array(repeating: placeholder, count: names.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: names.count) { i in
                out[i] = Result { () throws(DataFileError) in keep(try readCase(named: names[i]).value) }
            }
        }
        return results
    }

    /// Reads and checks one case file: it must parse, and its identity must match its name.
    func readCase(named name: String) throws(DataFileError) -> StoredCase {
        let path = directory + "/" + name
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path)
        } catch {
            throw DataFileError(path: path, line: nil, reason: .unreadable(error.description))
        }
        let value = try decoder.decode(bytes, path: path)
        guard value.id.fileName == name else {
            throw DataFileError(path: path, line: nil, reason: .identityMismatch(expected: value.id.fileName, found: name))
        }
        return StoredCase(value: value, revision: Revision(of: bytes), path: path)
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

    /// Finds the case `text` names (see `CaseReference`): its full ID (`zx5-2-090`) or, when that is
    /// unambiguous, its number alone (`090`, `90`), as an IME types it (`０９０`, `ZX5-2-090`) or the
    /// shell completes it (`zx5-2-090.yaml`). Throws `notFound`, or `ambiguous` naming every case the
    /// number fits.
    public func resolve(_ text: String) throws(StoreError) -> CaseID {
        try resolve([text])[0]
    }

    /// Finds the case each of `texts` names, reading the directory at most once.
    public func resolve(_ texts: [String]) throws(StoreError) -> [CaseID] {
        var present: [CaseID]?
        return try texts.map { (typed: String) throws(StoreError) -> CaseID in
            let reference = CaseReference(typed)
            // The usual case, a full ID as banli prints it, costs one stat rather than a directory listing.
            if let exact = reference.exactID, FileSystem.exists(path(of: exact)) { return exact }
            if present == nil { present = try caseFileNames().compactMap { CaseID(String($0.dropLast(5))) } }
            let matches = reference.matches(among: present!)
            switch matches.count {
            case 1: return matches[0]
            case 0: throw StoreError.notFound(id: typed, store: directory)
            default:
                // `61` fits zx6-5-061 and rd7-5-061: the message names the number as they spell it.
                let numbers = Set(matches.map(\.number))
                throw StoreError.ambiguous(id: numbers.count == 1 ? numbers.first! : reference.text, matches: matches.map(\.description))
            }
        }
    }

    /// Adds a new case; refuses when a case with the same ID exists.
    @discardableResult
    public func create(_ value: Case) throws(StoreError) -> StoredCase {
        try save(value, replacing: nil)
    }

    /// Writes `value` over the version read as `revision` (nil for a new case). Refuses, writing
    /// nothing, when the file on disk is no longer that version or the journal lost entries.
    @discardableResult
    public func save(_ value: Case, replacing revision: Revision?) throws(StoreError) -> StoredCase {
        // The file name comes from the number; one that could name another directory is never used.
        guard CaseID.isValidNumber(value.number) else {
            throw StoreError.invalidCase("编号“\(value.number)”只能包含字母、数字和“-”，未保存")
        }
        try FileSystem.makeDirectory(metadataDirectory)
        let path = path(of: value.id)
        let bytes = Array(CaseFileEncoder.encode(value).utf8)
        // A file the loader refuses would take the case out of the list: such a case is not saved.
        // (The monkey test once pasted text into the disclosure category.)
        do {
            _ = try decoder.decode(bytes, path: path)
        } catch {
            throw StoreError.invalidCase("\(error)，未保存")
        }
        return try FileSystem.withLock(lockPath) { () throws(StoreError) -> StoredCase in
            let exists = FileSystem.exists(path)
            if let revision {
                guard exists else { throw StoreError.conflict(path: path, changedFields: ["文件已被删除"]) }
                let current = try FileSystem.read(path)
                guard Revision(of: current) == revision else {
                    throw StoreError.conflict(path: path, changedFields: changedFields(onDisk: current, path: path, mine: value))
                }
                if let old = try? decoder.decode(current, path: path), !value.journal.starts(with: old.journal) {
                    throw StoreError.journalRewritten(path: path)
                }
            } else if exists {
                throw StoreError.alreadyExists(path: path)
            }
            try write(bytes, to: path)
            return StoredCase(value: value, revision: Revision(of: bytes), path: path)
        }
    }

    /// Writes one of the store's own files atomically (the list index and the text cache, mere caches,
    /// are written directly).
    func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
        try FileSystem.writeAtomically(bytes, to: path, failure: simulatedFailure)
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
