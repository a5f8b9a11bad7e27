/// One block of a reply document. `ReplyDocument.blocks` is the single ordered list of them; a
/// renderer decides only how each kind of block looks, never what comes where, so text, Markdown
/// and HTML exports cannot drift apart. Texts are already inert (`UntrustedText`) and trimmed, but
/// not escaped: escaping belongs to the format.
public enum DocumentBlock: Hashable, Sendable {
    /// 草稿, with what is still missing; only in a draft.
    case draftMark(String)
    /// The title; a line break where it is printed on two lines.
    case title(String)
    /// A line among lines: of the document head above the title (`青溪县民政局文件`, 签发人, 文号),
    /// of the header under it (disclosure, issuing unit, document number, date, 办理结果), or of the
    /// attachment list after the body. Items of one line are joined by `DocumentBlock.itemSeparator`.
    case headerField(String, place: LinePlace = .header)
    case salutation(String)
    /// A paragraph; one that begins with a run-in heading （标题接排） carries the heading apart, so
    /// that a format may set it in the heading's face.
    case paragraph(String, runIn: Heading? = nil)
    /// A numbered section heading on a line of its own, numeral included: `一、规范居委会功能，推进社区减负`.
    case sectionHeading(String, level: Int = 1)
    /// 落款： one signing unit, or several on one line.
    case signature(String)
    case signatureDate(String)
    /// `联系人：王丽`, `联系电话：…`: one line of items, as published.
    case contact([String])
    /// `抄送：…` or `抄报：…`.
    case copyTo(String)
    /// `主办单位：民政局`, as the published web version ends.
    case footer(String)

    /// Where a `headerField` line stands.
    public enum LinePlace: String, Hashable, Sendable {
        /// 版头： above the title.
        case head
        /// 版头's 发文机关标志 (`青溪县民政局文件`), which formats print large and red; decided by the
        /// profile (`OfficeProfile.isMasthead`), not by where the line stands.
        case masthead
        /// Under the title.
        case header
        /// 附件： after the body.
        case attachments
    }

    /// A heading run in with the paragraph it begins: its text, numeral included, and its level.
    public struct Heading: Hashable, Sendable {
        public var text: String
        /// 1 for `一、` … 4 for `（1）` (`ReplySection.levels`).
        public var level: Int

        public init(text: String, level: Int) {
            self.text = text
            self.level = level
        }
    }

    /// What separates the items of one line in plain text: four spaces, as published replies space
    /// `联系人：…    联系电话：…` and joint signing units.
    public static let itemSeparator = "    "

    /// The block's text as printed, a contact block's items one by one.
    public var items: [String] {
        switch self {
        case .contact(let items): return items
        case .paragraph(let s, let runIn): return [(runIn?.text ?? "") + s]
        case .headerField(let s, _), .sectionHeading(let s, _): return [s]
        case .draftMark(let s), .title(let s), .salutation(let s), .signature(let s), .signatureDate(let s),
             .copyTo(let s), .footer(let s):
            return [s]
        }
    }

    /// Consecutive blocks of one group stand together; renderers put space between groups. The raw
    /// value names the group where a format needs a name (an HTML class).
    public enum Group: String, Sendable {
        case draftMark = "draft", head, title, header, body, attachments, signature, contact, footer

        /// The blocks of a line group are the lines of one unit (the document head, the header
        /// fields, the attachment list, the signature and date, the contact block) rather than
        /// paragraphs of their own.
        public var isLines: Bool { [.head, .header, .attachments, .signature, .contact].contains(self) }
    }

    public var group: Group {
        switch self {
        case .draftMark: return .draftMark
        case .title: return .title
        case .headerField(_, let place):
            switch place {
            case .head, .masthead: return .head
            case .header: return .header
            case .attachments: return .attachments
            }
        case .salutation, .paragraph, .sectionHeading: return .body
        case .signature, .signatureDate: return .signature
        case .contact, .copyTo: return .contact
        case .footer: return .footer
        }
    }
}

extension Array where Element == DocumentBlock {
    /// The title as printed, a line break between its lines; empty when there is none.
    public var title: String {
        lazy.compactMap { if case .title(let s) = $0 { s } else { nil } }.first ?? ""
    }

    /// The title on one line, as a page's `<title>`, a file name or the document properties name it.
    public var titleOnOneLine: String { title.split(whereSeparator: \.isNewline).joined() }

    /// Runs of consecutive blocks of the same group, in order.
    public var groupRuns: [(group: DocumentBlock.Group, blocks: [DocumentBlock])] {
        var runs: [(group: DocumentBlock.Group, blocks: [DocumentBlock])] = []
        for block in self {
            if let last = runs.last, last.group == block.group {
                runs[runs.count - 1].blocks.append(block)
            } else {
                runs.append((block.group, [block]))
            }
        }
        return runs
    }
}
