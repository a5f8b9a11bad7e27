/// The typefaces of the printed document (Word and PDF), a setting of the office profile
/// (`fonts:`). Each role names a list of fonts, the preferred first: a Word run names one font, so
/// the first goes into the document and the rest are declared as its fallbacks, for machines
/// without the government fonts. The roles follow GB/T 9704-2012: body 仿宋 (7.3.3), title and
/// 发文机关标志 小标宋 (7.3.1, 7.2.3), level-1 headings 黑体, level-2 楷体, levels 3 and 4 仿宋 (7.3.3),
/// page numbers 宋体 (7.5).
public struct DocumentFonts: Hashable, Sendable {
    /// A role's fonts, preferred first; never empty.
    public typealias Names = [String]

    /// 正文, 版记, and the lines that are neither title nor heading.
    public var body: Names
    /// 标题 and 发文机关标志.
    public var title: Names
    /// Level-1 headings, `一、`.
    public var heading1: Names
    /// Level-2 headings, `（一）`.
    public var heading2: Names
    /// Levels 3 and 4, `1.` and `（1）`.
    public var heading3: Names
    /// `— 1 —`.
    public var pageNumber: Names

    /// The keys under `fonts:` in the profile, in the order they are read.
    public static let keys = ["body", "title", "heading1", "heading2", "heading3", "page_number"]

    /// The fonts of the role named by `key` (one of `keys`).
    public subscript(key: String) -> Names {
        get {
            switch key {
            case "body": return body
            case "title": return title
            case "heading1": return heading1
            case "heading2": return heading2
            case "heading3": return heading3
            default: return pageNumber
            }
        }
        set {
            switch key {
            case "body": body = newValue
            case "title": title = newValue
            case "heading1": heading1 = newValue
            case "heading2": heading2 = newValue
            case "heading3": heading3 = newValue
            default: pageNumber = newValue
            }
        }
    }

    /// The government fonts first, then what Windows, macOS and Linux (Noto CJK, `fonts-noto-cjk`)
    /// call the same family.
    public static let standard = DocumentFonts(
        body: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC"],
        title: ["方正小标宋简体", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC"],
        heading1: ["黑体", "SimHei", "STHeiti", "Noto Sans CJK SC"],
        heading2: ["楷体_GB2312", "楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "Noto Serif CJK SC"],
        heading3: ["仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC"],
        pageNumber: ["宋体", "SimSun", "Songti SC", "Noto Serif CJK SC"])

    /// Every list, role by role in `keys` order.
    public var all: [Names] { Self.keys.map { self[$0] } }
}
