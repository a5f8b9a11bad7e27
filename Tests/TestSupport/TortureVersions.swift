import Model

/// The versions of three cases that `banli-torture` saves, and the drafts it writes, in turn. The
/// writer and the test that kills it both know every one of them, so anything else found on disk
/// afterwards is a torn or mixed write.
public enum TortureVersions {
    public static let numbers = ["001", "002", "003"]
    public static let count = 4

    /// Version `k` of case `number`; version 0 is the case as the test creates it. Only the reply's
    /// closing differs, in length too, so a file cut short or mixed from two versions passes for none.
    public static func saved(_ number: String, _ k: Int) -> Case {
        var c = Fixtures.fullCase(number: number)
        if k > 0 { c.reply.closing = "第\(k)版：" + String(repeating: "答复正文。", count: 300 * k) }
        return c
    }

    /// Draft `k` of case `number`, as the recovery file holds it.
    public static func draft(_ number: String, _ k: Int) -> Case {
        var c = saved(number, 0)
        c.reply.opening = "草稿\(k)：" + String(repeating: "尚未保存的文字。", count: 200 * k + 1)
        return c
    }

    /// The user whose drafts the writer keeps.
    public static let user = "torture"
}
