import Foundation
import Glibc

/// An unsaved draft of a case, written beside the store every few seconds while a reply is being
/// edited, so a crash, a kill or a lost terminal costs at most those seconds. It lives in
/// `.banli/recovery/`, never among the case files, one per case and user (two people drafting the
/// same reply must not overwrite or delete each other's draft), and is removed once that user saves.
public struct RecoveredDraft: Sendable {
    public var value: Case
    /// The revision of the case file the draft was begun from: restoring onto a file that has changed
    /// since is a conflict the saver reports, not an overwrite.
    public var base: Revision
    /// The case as revision `base` held it: what a restored draft is saved against and merged from,
    /// so that a colleague's change since is kept, not overwritten. Nil in a recovery file written
    /// before banli kept it there, or when that part of the file cannot be read.
    public var begunFrom: Case?
    /// When the draft was written, as the journal writes times.
    public var time: String
    public var path: String

    public init(value: Case, base: Revision, begunFrom: Case? = nil, time: String, path: String) {
        self.value = value
        self.base = base
        self.begunFrom = begunFrom
        self.time = time
        self.path = path
    }
}

extension CaseStore {
    var recoveryDirectory: String { metadataDirectory + "/recovery" }

    /// `.banli/recovery/zx5-2-090.wangli.yaml`.
    public func recoveryPath(of id: CaseID, user: String) -> String {
        recoveryDirectory + "/" + id.description + CaseStore.recoverySuffix(user: user)
    }

    /// What follows the case number in the name of `user`'s recovery files: `.wangli.yaml`.
    private static func recoverySuffix(user: String) -> String { "." + fileNameToken(user) + ".yaml" }

    private static let recoveryMarker = "# banli 恢复文件 "

    /// Writes `user`'s draft atomically, replacing their previous one for the same case. A draft is
    /// the user's own unsent text: 0600, whatever the umask (`FilePermissions.ownerOnly`).
    /// `begunFrom`, the case as revision `base` held it, follows the draft as YAML comments
    /// (`DraftBase`): the file still reads as the draft alone, and a draft restored over a changed
    /// file can be merged rather than saved over the change.
    public func writeRecovery(_ value: Case, base: Revision, begunFrom: Case? = nil, time: String, user: String) throws(StoreError) {
        try makeOwnDirectory(recoveryDirectory)
        let body = encoded(value) + (begunFrom.map { DraftBase.commented(encoded($0)) } ?? "")
        let bytes = MarkedCaseFile.bytes(marker: Self.recoveryMarker, fields: "base=\(base) time=\(time)", body: body.utf8)
        try write(bytes, to: recoveryPath(of: value.id, user: user), permissions: .ownerOnly)
    }

    /// The draft `user` kept for `id`, if any. A recovery file that cannot be read is reported, not
    /// deleted: it may hold the only copy of someone's text. Anything at the draft's path that is not
    /// a regular file (a pipe, a link, a device someone put there) holds no text of the user's: it is
    /// passed over, so it cannot stop the reply being opened, and the next draft replaces it (never
    /// writing through a link).
    public func recovery(for id: CaseID, user: String) -> Result<RecoveredDraft, DataFileError>? {
        let path = recoveryPath(of: id, user: user)
        guard FileKind(at: path) == .regular else { return nil }
        return Result { () throws(DataFileError) -> RecoveredDraft in
            let bytes: [UInt8]
            do throws(StoreError) {
                bytes = try FileSystem.read(path, limit: caseFileLimit.withDraftBase())
            } catch {
                throw DataFileError(path: path, unreadable: error)
            }
            guard let draft = MarkedCaseFile(bytes, marker: Self.recoveryMarker) else {
                let firstLine = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
                throw DataFileError(path: path, line: 1, reason: .invalidValue(field: "恢复文件", value: firstLine, why: "缺少 banli 恢复文件的首行"))
                    .orNotText(bytes)
            }
            var fields: [Substring: Substring] = [:]
            for pair in draft.fields.split(separator: " ") {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                fields[pair[..<eq]] = pair[pair.index(after: eq)...]
            }
            guard let baseText = fields["base"], let base = UInt64(baseText, radix: 16) else {
                throw DataFileError(path: path, line: 1, reason: .invalidValue(field: "base", value: Self.recoveryMarker + draft.fields, why: "不是版本号"))
            }
            let value = try draft.decode(with: decoder, path: path)
            guard value.id == id else {
                throw DataFileError(path: path, line: nil, reason: .identityMismatch(expected: id.fileName, found: value.id.fileName))
            }
            // A base that cannot be read costs only the merge its base: the draft itself is intact.
            let begunFrom = DraftBase.uncommented(bytes).flatMap { try? decoder.decode($0, path: path) }.flatMap { $0.id == id ? $0 : nil }
            return RecoveredDraft(value: value, base: Revision(value: base), begunFrom: begunFrom,
                                  time: String(fields["time"] ?? ""), path: path)
        }
    }

    /// The cases `user` has a recovery draft of, in ID order: unsaved text they may want before
    /// leaving (asked when quitting).
    public func recoveryDrafts(user: String) -> [CaseID] {
        let suffix = CaseStore.recoverySuffix(user: user)
        let names = FileSystem.entries(of: recoveryDirectory)
        // A pipe or a link there is no draft (it is never read; `banli check` reports it).
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") && FileKind(at: recoveryDirectory + "/" + $0) == .regular }
            .compactMap { CaseID(String($0.dropLast(suffix.count))) }.sorted()
    }

    /// Removes `user`'s draft for `id` once its text is safely in the case file (or they declined it).
    public func discardRecovery(for id: CaseID, user: String) {
        removeOwnFile(recoveryPath(of: id, user: user))
    }

    /// A user or host name made safe as part of a file name: letters (of any script), digits, `-`
    /// and `_` are kept, anything else becomes `_`.
    static func fileNameToken(_ text: String) -> String {
        let kept = String(text.prefix(64).map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return kept.isEmpty ? "_" : kept
    }
}
