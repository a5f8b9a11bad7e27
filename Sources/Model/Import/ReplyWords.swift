/// The words by which the parts of a published reply are known, gathered from real replies of
/// districts, counties and towns (`documents.md` of issue 14). Each predicate looks at one
/// trimmed line or item.
enum ReplyWords {
    /// How a title ends: `…的办理意见`, `…的答复`, `…的会办意见`, `…答复意见`, `…的函`.
    static let titleEndings = ["办理意见", "会办意见", "答复意见", "答复", "复函", "的函", "答复函", "的意见", "办理情况"]
    /// What a title is about.
    static let titleSubjects = ["提案", "建议", "议案", "意见", "答复", "函"]
    /// How a closing paragraph starts: `感谢…`, `此复。`, `特此答复。`, `以上供…参考。`.
    static let closingStarts = ["感谢", "再次感谢", "衷心感谢", "非常感谢", "此复", "特此答复", "特此函复", "特此复函", "专此函复", "以上供",
                                "以上意见", "谢谢"]
    /// How the name of an issuing unit ends.
    static let unitEndings = ["局", "委员会", "委", "政府", "办事处", "办公室", "办", "中心", "院", "所", "厅", "处", "部", "公司", "集团",
                              "站", "队", "馆", "社", "联合会", "会", "署", "司", "科"]
    /// Disclosure categories as printed.
    static let disclosures = ["主动公开", "依申请公开", "不予公开", "免予公开", "部分公开"]
    static let disclosureLabels = ["公开属性", "公开方式", "公开类型", "信息公开属性", "公开选项"]
    static let outcomeLabels = ["办理结果", "答复类别", "办理类别", "办理结果类别", "答复结果", "答复类型"]
    static let dateLabels = ["日期", "答复日期", "办理日期", "成文日期", "发文日期", "发布日期"]
    static let unitLabels = ["办理单位", "承办单位", "答复单位", "发文单位"]
    static let numberLabels = ["文号", "发文字号"]
    static let signerLabels = ["签发人", "签发"]
    static let footerLabels = ["主办单位", "会办单位"]
    static let attachmentLabels = ["附件"]
    static let copyToLabels = ["抄送"]
    static let reportToLabels = ["抄报"]

    /// A title line: ends as a title does, about a proposal, suggestion or reply, not a sentence.
    static func isTitle(_ line: String) -> Bool {
        line.count <= 120 && !line.hasSuffix("。") && !line.hasSuffix("：") && !line.hasSuffix(":")
            && titleEndings.contains(where: line.hasSuffix) && titleSubjects.contains(where: line.contains)
            && PrintedHeading(startOf: line) == nil && LabelledText(line) == nil
    }

    /// The first line of a title printed on two: starts as a title does and is not a sentence.
    static func startsTitle(_ line: String) -> Bool {
        (line.hasPrefix("关于") || line.hasPrefix("对")) && line.count <= 80
            && !line.contains(where: { "。：:；".contains($0) }) && !isTitle(line)
    }

    /// An issuing unit's name: short, no sentence punctuation, ending as a unit's name does.
    static func isUnit(_ item: String) -> Bool {
        (2...40).contains(item.count) && !item.contains(where: { "。，、；：:,;！？!?“”《》".contains($0) })
            && unitEndings.contains(where: item.hasSuffix) && PrintedHeading(startOf: item) == nil
    }

    /// `青民函〔2018〕12号`, `潼民发【2024】275号`: a prefix, the year in brackets, a number and 号.
    static func isDocumentNumber(_ item: String) -> Bool {
        item.wholeMatch(of: #/[^\s〔【\[［(（]{1,12}[〔【\[［(（]\s*\d{4}\s*[〕】\]］)）]\s*\d{1,6}\s*号/#) != nil
    }

    /// The disclosure category an item prints (`主动公开`, `公开属性：主动公开`), or nil.
    static func disclosure(_ item: String) -> String? {
        let value = LabelledText(item)?.value(for: disclosureLabels) ?? item
        return disclosures.contains(value) ? value : nil
    }

    /// Whether a paragraph is a closing one.
    static func isClosing(_ line: String) -> Bool { closingStarts.contains(where: line.hasPrefix) }

    /// `甲、乙，丙` as names.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { "、，,；;".contains($0) }).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}
