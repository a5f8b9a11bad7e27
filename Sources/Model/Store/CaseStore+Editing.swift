import Foundation

/// A note that someone has a case's reply open in the form: written to `.banli/editing/` when the
/// form opens and removed when it closes, so that whoever opens the case next is told. It is advice
/// only: what keeps one save from overwriting another is the revision check.
public struct EditingMark: Sendable, Equatable {
    public var user: String
    public var host: String
    var process: LocalProcess
    /// When editing began, as the journal writes times.
    public var since: String
    public var path: String

    public var pid: Int32 { process.pid }

    /// `wangli（pc-07）自 10:32 起`, with the date when it is not `today`.
    public func summary(today: LocalDate) -> String {
        var when = since.count >= 16 ? String(since.dropFirst(11).prefix(5)) : since
        if let date = LocalDate(iso: String(since.prefix(10))), date != today { when = "\(date.month)月\(date.day)日 " + when }
        return "\(user)（\(host)）自 \(when) 起"
    }

    /// Whether the editor is surely gone: on this machine, when their process no longer runs; from
    /// another machine, whose processes cannot be seen, when the mark is older than `age`.
    func isStale(now: Date, after age: Duration) -> Bool {
        if host == LocalProcess.hostName { return !process.isRunning }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        guard let began = format.date(from: since) else { return true }
        return now.timeIntervalSince(began) > Double(age.components.seconds)
    }

    private enum Key {
        static let user = "用户", host = "主机", pid = "进程", start = "进程启动", since = "开始"
    }

    var text: String {
        let line = { (key: String, value: String) in key + ": " + value.map { $0.isNewline ? " " : $0 } + "\n" }
        return "# banli 编辑标记：此人正在终端界面中编辑本案件的答复，关闭表单时删除\n"
            + line(Key.user, user) + line(Key.host, host) + line(Key.pid, String(process.pid))
            + (process.start.map { line(Key.start, String($0)) } ?? "") + line(Key.since, since)
    }

    /// Reads a mark as `text` writes it; nil for anything else.
    init?(text: String, path: String) {
        var fields: [Substring: Substring] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.range(of: ": ") else { continue }
            fields[line[..<colon.lowerBound]] = line[colon.upperBound...]
        }
        guard let user = fields[Substring(Key.user)], let host = fields[Substring(Key.host)],
              let pid = fields[Substring(Key.pid)].flatMap({ Int32($0) }), let since = fields[Substring(Key.since)] else { return nil }
        self.init(user: String(user), host: String(host),
                  process: LocalProcess(pid: pid, start: fields[Substring(Key.start)].flatMap { UInt64($0) }),
                  since: String(since), path: path)
    }

    init(user: String, host: String, process: LocalProcess, since: String, path: String) {
        self.user = user
        self.host = host
        self.process = process
        self.since = since
        self.path = path
    }
}

/// What opening a case for editing found.
public struct EditingCheck: Sendable {
    /// Others who have the case open, earliest first.
    public var others: [EditingMark]
    /// Marks left by editors who are gone (a crash, a kill, a lost connection), now removed.
    public var cleared: [EditingMark]
    /// Why this editor's own mark could not be written (a read-only store, say), if it could not.
    public var unmarked: StoreError?
    /// Why a save of the case would fail (`CaseStore.saveProblem`), if that can be told now. A mark
    /// that cannot be written does not mean this: `.banli/editing` may be closed to a user who may
    /// save cases.
    public var unsavable: StoreError?

    public init(others: [EditingMark] = [], cleared: [EditingMark] = [], unmarked: StoreError? = nil,
                unsavable: StoreError? = nil) {
        self.others = others
        self.cleared = cleared
        self.unmarked = unmarked
        self.unsavable = unsavable
    }
}

extension CaseStore {
    var editingDirectory: String { metadataDirectory + "/editing" }

    /// How old a mark from another machine must be to be taken as left by a crash there.
    public static let editingMarksFromOtherHostsExpire: Duration = .seconds(12 * 3600)

    /// `.banli/editing/zx5-2-090.wangli@pc-07.4711.lock`: one file per editor, so that marking and
    /// unmarking never race with another editor's mark.
    func editingPath(of id: CaseID, user: String, process: LocalProcess = .current) -> String {
        editingDirectory + "/" + id.description + "." + CaseStore.fileNameToken(user) + "@"
            + CaseStore.fileNameToken(LocalProcess.hostName) + ".\(process.pid).lock"
    }

    /// Every editing mark left for `id`, earliest first; files that are not marks are passed over.
    public func editingMarks(of id: CaseID) -> [EditingMark] {
        let prefix = id.description + "."
        let names = FileSystem.entries(of: editingDirectory)
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".lock") }.compactMap { name in
            let path = editingDirectory + "/" + name
            return (try? FileSystem.read(path, limit: .smallFile)).flatMap { EditingMark(text: String(decoding: $0, as: UTF8.self), path: path) }
        }.sorted { ($0.since, $0.path) < ($1.since, $1.path) }
    }

    /// Marks `id` as being edited by `user` in this process from `time`, and says who else has it
    /// open, and whether the case could be saved. Stale marks are removed on the way (see
    /// `EditingMark.isStale`). A mark that cannot be written does not stop the editing: it is only
    /// advice. A mark is readable by the group (0666 less the umask), so that a colleague on a shared
    /// store sees it.
    public func beginEditing(_ id: CaseID, user: String, time: String, now: Date,
                             staleAfter: Duration = CaseStore.editingMarksFromOtherHostsExpire) -> EditingCheck {
        let mine = editingPath(of: id, user: user)
        var check = EditingCheck(others: [], cleared: [], unmarked: nil, unsavable: saveProblem(of: id))
        for mark in editingMarks(of: id) where mark.path != mine {
            if mark.isStale(now: now, after: staleAfter) {
                removeOwnFile(mark.path)
                check.cleared.append(mark)
            } else {
                check.others.append(mark)
            }
        }
        let mark = EditingMark(user: user, host: LocalProcess.hostName, process: .current, since: time, path: mine)
        do throws(StoreError) {
            try makeOwnDirectory(editingDirectory)
            try write(Array(mark.text.utf8), to: mine)
        } catch {
            check.unmarked = error
        }
        return check
    }

    /// Removes the mark `beginEditing` left: the form was closed.
    public func endEditing(_ id: CaseID, user: String) {
        removeOwnFile(editingPath(of: id, user: user))
    }
}
