import Foundation

/// What a government web page puts around a reply, which is not part of it: navigation and tool
/// links (`返回上一级`, `字号`, `打印`, `关闭窗口`), the breadcrumb (`首页 > 政务公开 > …`), the
/// publication lines (`来源：…`, `发布时间：…`, `浏览次数：…`), and the site's own line after the
/// page's footer (`主办单位：…`) — the Qingpu page of reply 090 ends with such a line.
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
        return isPublicationLine(line)
    }

    /// `来源：区民政局    发布时间：2018-11-01    浏览次数：417`: every item labelled as the page's.
    static func isPublicationLine(_ line: String) -> Bool {
        let items = LineItems.split(line)
        return !items.isEmpty && items.allSatisfy { item in
            labels.contains { label in item.hasPrefix(label + "：") || item.hasPrefix(label + ":") || item == label }
        }
    }
}
