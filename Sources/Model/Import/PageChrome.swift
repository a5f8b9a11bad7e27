import Foundation

/// What a government web page puts around a reply, which is not part of it: navigation and tool
/// links (`返回上一级`, `字号`, `打印`, `关闭窗口`), the breadcrumb (`首页 > 政务公开 > …`), the
/// publication lines (`来源：…`, `发布时间：…`, `浏览次数：…`), the site's own line after the
/// page's footer (`主办单位：…`) — the Qingpu page of reply 090 ends with such a line — and a
/// printed page's number (`— 1 —`).
public enum PageChrome {
    /// Whole lines that are links or buttons of the page.
    static let controls: Set<String> = [
        "返回上一级", "返回", "返回首页", "返回列表", "字号", "打印", "打印本页", "【打印】", "【关闭】", "关闭", "关闭窗口", "【关闭窗口】",
        "收藏", "分享", "分享到", "大", "中", "小", "大中小", "【大中小】", "字号：大中小", "【字号：大中小】", "【字体：大中小】",
        "字体：大中小", "[打印]", "[关闭]", "上一篇", "下一篇", "扫一扫在手机打开当前页", "相关链接",
    ]
    static let controlsLongestFirst = controls.sorted { $0.count > $1.count }
    /// Labels of the page's publication lines: a line made only of such items is the page's.
    /// (`发布日期：` alone is a header line some offices print: `ReplyWords.dateLabels`.)
    static let labels = ["来源", "信息来源", "发布时间", "浏览次数", "点击数", "点击量", "阅读次数", "访问量",
                         "作者", "发布机构", "索引号", "字号", "分享到", "责任编辑", "编辑"]
    /// Words that start a breadcrumb.
    static let breadcrumbStarts = ["首页", "当前位置", "您的位置", "您现在的位置", "所在位置", "当前的位置"]

    /// Whether `line` (trimmed) is the page's rather than the reply's.
    public static func isChrome(_ line: String) -> Bool {
        let compact = String(line.filter { !$0.isWhitespace && !TypedText.isSpace($0.unicodeScalars.first!) })
        // A row of the page's links: `【打印】【关闭】`.
        let links = controlsLongestFirst.reduce(compact) { $0.replacingOccurrences(of: $1, with: "") }
        if links.isEmpty || links.allSatisfy({ "【】[]|｜".contains($0) }) { return true }
        if breadcrumbStarts.contains(where: compact.hasPrefix), compact.contains(where: { ">＞»›/".contains($0) }) { return true }
        return isPageNumber(compact) || isPublicationLine(line)
    }

    /// A page number as printed documents write it (GB/T 9704-2012 7.5: `— 1 —`, also `-1-`) or
    /// as a copy of a printed page shows it (`第1页`, `第1页共3页`): the page's, not the reply's.
    static func isPageNumber(_ compact: String) -> Bool {
        let dashes: Set<Character> = ["—", "－", "–", "-", "―"]
        if let first = compact.first, let last = compact.last, dashes.contains(first), dashes.contains(last) {
            let digits = compact.trimmingCharacters(in: CharacterSet(charactersIn: String(dashes)))
            return (1...4).contains(digits.count) && digits.allSatisfy(\.isASCIIDigit)
        }
        guard compact.hasPrefix("第"), let page = compact.firstIndex(of: "页") else { return false }
        let number = compact[compact.index(after: compact.startIndex)..<page], rest = compact[compact.index(after: page)...]
        let total = rest.drop { "，,".contains($0) }
        return !number.isEmpty && number.allSatisfy(\.isASCIIDigit)
            && (total.isEmpty || (total.hasPrefix("共") && total.hasSuffix("页") && total.dropFirst().dropLast().allSatisfy(\.isASCIIDigit)))
    }

    /// `来源：区民政局    发布时间：2018-11-01    浏览次数：417`: every item labelled as the page's.
    static func isPublicationLine(_ line: String) -> Bool {
        let items = LineItems.split(line)
        return !items.isEmpty && items.allSatisfy { item in
            labels.contains { label in item.hasPrefix(label + "：") || item.hasPrefix(label + ":") || item == label }
        }
    }
}
