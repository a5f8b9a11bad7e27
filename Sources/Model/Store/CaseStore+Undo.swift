import Foundation
import Glibc

/// The undo history of each case: every save that replaces a case and journals a change keeps the
/// file as it was before in `.banli/undo/<case>.<n>.yaml` (a comment line with the revision the step
/// applies to, then the old file's bytes, untouched), the highest `n` the latest. Up to `undoDepth`
/// steps are kept per case. A step is written after the case file; if it cannot be, the change stays
/// saved, the save says so (`StoredCase.undoNote`), and the case's older steps are dropped where the
/// directory allows, so undo never restores past a change it did not see (where it does not, the step
/// left no longer applies to the file, and undo says the latest change has no step).
/// A step file has the case file's mode and group: it holds the case's earlier bytes, so it is as
/// private as the case, and readable by whoever may read the case (a colleague on a shared store is
/// told that the latest change is not theirs to undo, rather than that the step cannot be read).
extension CaseStore {
    /// How many changes to one case can be undone, latest first.
    public static let undoDepth = 10

    var undoDirectory: String { metadataDirectory + "/undo" }

    private static let undoMarker = "# banli 撤销记录 "

    /// The steps kept for `id`, oldest first, with their numbers.
    private func undoFiles(of id: CaseID) -> [(number: Int, path: String)] {
        let prefix = id.description + "."
        let names = FileSystem.entries(of: undoDirectory)
        return names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix(prefix), name.hasSuffix(".yaml"),
                  let n = Int(name.dropFirst(prefix.count).dropLast(5)) else { return nil }
            return (n, undoDirectory + "/" + name)
        }.sorted { $0.0 < $1.0 }
    }

    /// The latest change to `id` that can be undone, or nil when none is kept. A step file that
    /// cannot be read is reported, not removed.
    public func lastChange(of id: CaseID) throws(StoreError) -> UndoStep? {
        guard let latest = undoFiles(of: id).last else { return nil }
        let bytes = try FileSystem.read(latest.path, limit: caseFileLimit.withHeaderLine())
        guard let step = MarkedCaseFile(bytes, marker: Self.undoMarker), let applies = Self.applies(step) else {
            throw StoreError.malformed(DataFileError(path: latest.path, line: 1, reason: .invalidValue(
                field: "撤销记录", value: String(decoding: bytes.prefix(80), as: UTF8.self), why: "缺少 banli 撤销记录的首行"))
                .orNotText(bytes))
        }
        do {
            let before = try step.decode(with: decoder, path: latest.path)
            return UndoStep(before: before, applies: applies, path: latest.path)
        } catch {
            throw StoreError.malformed(error)
        }
    }

    /// A step file's bytes: its first line naming the revision it applies to, then `before`.
    private static func step(applying revision: Revision, before: some Collection<UInt8>) -> [UInt8] {
        MarkedCaseFile.bytes(marker: undoMarker, fields: "applies=\(revision)", body: before)
    }

    /// The revision named on a step file's first line (`# banli 撤销记录 applies=…`).
    private static func applies(_ bytes: [UInt8]) -> Revision? {
        MarkedCaseFile(bytes, marker: undoMarker).flatMap(applies)
    }

    /// The revision a step file, split at its first line, applies to.
    private static func applies(_ step: MarkedCaseFile) -> Revision? {
        guard step.fields.hasPrefix("applies=") else { return nil }
        return UInt64(step.fields.dropFirst("applies=".count), radix: 16).map(Revision.init(value:))
    }

    /// Keeps `before` (the file's bytes before a save of `id` that wrote revision `after`) as the
    /// case's latest step. Steps that no longer join on — the file was changed outside banli between
    /// them — are dropped, as are those beyond `undoDepth`. Called under the store's lock. Returns nil,
    /// or when the step cannot be written (the directory not writable by this user, a full disk) the
    /// note the save gives: `…/.banli/undo: 没有权限，本次更改无法撤销`.
    func recordUndoStep(of id: CaseID, before: [UInt8], after: Revision) -> String? {
        var files = undoFiles(of: id)
        if let latest = files.last, (try? FileSystem.read(latest.path, limit: caseFileLimit.withHeaderLine())).flatMap(Self.applies) != Revision(of: before) {
            for file in files { unlink(file.path) }
            files = []
        }
        let path = undoDirectory + "/\(id).\((files.last?.number ?? 0) + 1).yaml"
        do {
            try makeOwnDirectory(undoDirectory)
            try write(Self.step(applying: after, before: before), to: path, permissions: .sameAs(self.path(of: id)))
        } catch {
            for file in files { unlink(file.path) }
            let why = if case .io(_, _, let code) = error { StoreError.reason(code) } else { "\(error)" }
            return "\(undoDirectory): \(why)，本次更改无法撤销"
        }
        for file in files.dropLast(Self.undoDepth - 1) { unlink(file.path) }
        return nil
    }

    /// Removes `step` once it has been undone, leaving the step before it to apply to the file as the
    /// undo wrote it (`now`). Called under the store's lock.
    func consumeUndoStep(_ step: UndoStep, of id: CaseID, now: Revision) {
        unlink(step.path)
        guard let previous = undoFiles(of: id).last,
              let bytes = try? FileSystem.read(previous.path, limit: caseFileLimit.withHeaderLine()),
              let step = MarkedCaseFile(bytes, marker: Self.undoMarker) else { return }
        if (try? write(Self.step(applying: now, before: step.body), to: previous.path, permissions: .sameAs(path(of: id)))) == nil {
            unlink(previous.path)
        }
    }

    /// Drops every step of `id` (a new case under an ID whose file had gone).
    func discardUndoSteps(of id: CaseID) {
        for file in undoFiles(of: id) { unlink(file.path) }
    }

    /// Writes the case `value` that undoing `step` made (`CaseHandling.undo`) over the version read as
    /// `revision`, and removes the step. Refused like any save when the file changed meanwhile.
    @discardableResult
    public func saveUndoing(_ step: UndoStep, _ value: Case, replacing revision: Revision) throws(StoreError) -> StoredCase {
        try save(value, replacing: revision, undoing: step)
    }
}
