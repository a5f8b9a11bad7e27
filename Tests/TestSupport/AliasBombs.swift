/// Files that use YAML aliases to grow without limit once read, as issue 13 found them: a few
/// kilobytes that expanded to hundreds of megabytes. banli refuses them at their first anchor.
public enum AliasBombs {
    /// The demo's case 090 (`"090"` renumbered to `number`) with its first reply section anchored
    /// (`&s`) and its text `sectionText` (written as it is: an alias, or a paragraph), then
    /// `aliases` more sections, each `- *s`.
    public static func caseFile(number: String = "090", sectionText: String, aliases: Int) -> String {
        var text = String(decoding: Fixtures.bytes(Fixtures.demoStore + "/zx5-2-090.yaml"), as: UTF8.self)
        let first = "    - 标题: 规范居委会功能，推进社区减负\n      内容: |\n"
        let start = text.range(of: first)!
        let end = text[start.upperBound...].range(of: "\n    - 标题:")!
        let content = sectionText.hasPrefix("*") ? sectionText : "|\n        " + sectionText
        text.replaceSubrange(start.lowerBound..<end.lowerBound,
                             with: "    - &s\n      标题: 规范居委会功能，推进社区减负\n      内容: " + content)
        text = text.replacingOccurrences(of: "  结尾: |", with: String(repeating: "    - *s\n", count: aliases) + "  结尾: |")
        return text.replacingOccurrences(of: "编号: \"090\"", with: "编号: \"\(number)\"")
    }

    /// The first: one section of about 130 KB aliased 3,000 times (`banli show` printed 270 MB,
    /// `banli contact` wrote it back).
    public static let oneLevel = caseFile(sectionText: String(repeating: "推动形成“有困难、找村居”工作机制。", count: 2_300),
                                          aliases: 3_000)

    /// The second: the proposal text (about 30 KB) anchored (`&t`), a section holding it, and
    /// that section aliased 1,000 times.
    public static let twoLevels = caseFile(sectionText: "*t", aliases: 1_000)
        .replacingOccurrences(of: "提案正文: |\n", with: "提案正文: &t |\n  " + String(repeating: "居委会减负。", count: 3_000) + "\n")

    /// A configuration of 100,000 phrases, each an alias of the first (the phrase menu took 16 s, 3 GB).
    public static let configuration = "phrases:\n  - &p 经研究，现将办理情况答复如下：\n" + String(repeating: "  - *p\n", count: 100_000)

    /// The 1-based line of `text`'s first line holding `fragment`.
    public static func line(of fragment: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) }! + 1
    }
}
