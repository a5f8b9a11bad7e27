import Foundation

/// One thing `banli check` found: an error (the store cannot read the file, so its case is missing
/// from every list) or a warning (the file is read, but something in it will not last or is not
/// what it seems). One line, `path:line: 原因`, as hledger's `check` reports.
public struct StoreProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: Sendable, Equatable { case error, warning }

    public let path: String
    public let line: Int?
    public let reason: String
    public let severity: Severity

    public init(path: String, line: Int?, reason: String, severity: Severity) {
        self.path = path
        self.line = line
        self.reason = reason
        self.severity = severity
    }

    /// A file the store refuses, as the store's own reader words it.
    public init(_ error: DataFileError) {
        self.init(path: error.path, line: error.line, reason: error.message, severity: .error)
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): " + (severity == .warning ? "警告：" : "") + reason
    }
}

extension CaseStore {
    /// Reads every case file as `list` and `load` do (the same decoder, the same check of the name
    /// against the case's number) and reports each file they would refuse; warns about each comment
    /// a person wrote into a case file (a save does not keep it), about a case file with more than one
    /// hard link (a save keeps the other names at the old text), about files beside the cases that
    /// banli never reads as one (`090.yml`, `说明.txt`), and about banli's own directories this user
    /// may not write (`unwritableDirectoryProblems`). Returns how many case files were read
    /// and the problems, by path and line.
    public func check() throws(StoreError) -> (caseFiles: Int, problems: [StoreProblem]) {
        let names = try CaseFiles.visibleNames(in: directory).sorted()
        var problems: [StoreProblem] = [], caseFiles = 0, read: [StoredCase] = []
        for name in names {
            let path = directory + "/" + name
            // The entry itself, a link not followed: a named pipe is never opened, a device never read.
            var info = stat()
            let kind = lstat(path, &info) == 0 ? FileKind(mode: info.st_mode) : nil
            guard name.hasSuffix(".yaml") else {
                if !FileSystem.isDirectory(path) {
                    problems.append(StoreProblem(path: path, line: nil, reason: "不是 .yaml 文件，banli 不把它当作案件读取", severity: .warning))
                }
                continue
            }
            caseFiles += 1
            if let kind, kind != .regular {
                problems.append(StoreProblem(DataFileError(path: path, line: nil, reason: .notARegularFile(kind))))
                continue
            }
            // A save renames a new file into place: another name of a hard-linked file (a snapshot
            // backup's, `cp -al`) keeps the old text, which is what such a backup wants, but should not surprise.
            if info.st_nlink > 1 {
                problems.append(StoreProblem(path: path, line: nil, reason: "有 \(info.st_nlink) 个硬链接：保存后其他链接保留旧内容（见 docs/case-file.md）",
                                             severity: .warning))
            }
            // Read once, for the case and for its comments.
            let bytes: [UInt8]
            do {
                bytes = try caseFileBytes(named: name)
            } catch {
                problems.append(StoreProblem(error))
                continue
            }
            do {
                read.append(try readCase(named: name, bytes: bytes))
            } catch {
                problems.append(StoreProblem(error))
            }
            for line in CaseFileComments.lines(in: bytes) {
                problems.append(StoreProblem(path: path, line: line, reason: "注释：banli 保存此案件时不保留注释（见 docs/case-file.md）",
                                             severity: .warning))
            }
        }
        problems += Self.mergeProblems(read)
        problems += Self.conflictProblems(read)
        problems += ownFileProblems()
        problems += unwritableDirectoryProblems()
        problems.sort { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        return (caseFiles, problems)
    }

    /// What in `.banli/` banli will not use: each directory of its own that is a link or not a
    /// directory and a lock that is not a regular file (nothing is then saved), and anything not a
    /// regular file among its caches, drafts, marks and undo steps (never read, so a draft there is
    /// not offered back).
    private func ownFileProblems() -> [StoreProblem] {
        let odd = oddOwnPlaces()
        var problems = odd.compactMap { error -> StoreProblem? in
            switch error {
            case .linkedStoreDirectory(let path, let kind):
                return StoreProblem(path: path, line: nil, reason: kind.directoryRefusal, severity: .error)
            case .oddLockFile(let path, let kind):
                return StoreProblem(path: path, line: nil, reason: kind.lockRefusal(path: path), severity: .error)
            default:
                return nil
            }
        }
        if FileKind(at: metadataDirectory).map({ $0 != .directory }) ?? false { return problems }
        let directories = [recoveryDirectory, editingDirectory, undoDirectory, conflictsDirectory, deletedDirectory].filter { FileKind(at: $0) == .directory }
        let files = [indexPath, textCachePath] + directories.flatMap { directory in
            FileSystem.entries(of: directory).map { directory + "/" + $0 }
        }
        problems += files.compactMap { path in
            guard let kind = FileKind(at: path), kind != .regular else { return nil }
            return StoreProblem(path: path, line: nil, reason: kind.refusal, severity: .warning)
        }
        return problems
    }
}
