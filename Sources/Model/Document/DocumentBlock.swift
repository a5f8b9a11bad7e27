/// One block of a reply document. `ReplyDocument.blocks` is the single ordered list of them; a
/// renderer decides only how each kind of block looks, never what comes where, so text, Markdown
/// and HTML exports cannot drift apart. Texts are already inert (`UntrustedText`) and trimmed, but
/// not escaped: escaping belongs to the format.
public enum DocumentBlock: Hashable, Sendable {
    /// 草稿, with what is still missing; only in a draft.
    case draftMark(String)
    case title(String)
    /// A header line under the title: disclosure, issuing unit, document number, date, 办理结果.
    case headerField(String)
    case salutation(String)
    case paragraph(String)
    /// A numbered section heading, numeral included: `一、规范居委会功能，推进社区减负`.
    case sectionHeading(String)
    /// 落款： the issuing unit under the body.
    case signature(String)
    case signatureDate(String)
    /// `联系人：王丽`, `联系电话：…`: one line of items, as published.
    case contact([String])
    /// `抄送：…`.
    case copyTo(String)
    /// `主办单位：民政局`, as the published web version ends.
    case footer(String)

    /// The block's text, a contact block's items one by one.
    public var items: [String] {
        switch self {
        case .contact(let items): return items
        case .draftMark(let s), .title(let s), .headerField(let s), .salutation(let s), .paragraph(let s),
             .sectionHeading(let s), .signature(let s), .signatureDate(let s), .copyTo(let s), .footer(let s):
            return [s]
        }
    }

    /// Consecutive blocks of one group stand together; renderers put space between groups. The raw
    /// value names the group where a format needs a name (an HTML class).
    public enum Group: String, Sendable {
        case draftMark = "draft", title, header, body, signature, contact, footer

        /// The blocks of a line group are the lines of one unit (the header fields, the signature and
        /// date, the contact block) rather than paragraphs of their own.
        public var isLines: Bool { self == .header || self == .signature || self == .contact }
    }

    public var group: Group {
        switch self {
        case .draftMark: return .draftMark
        case .title: return .title
        case .headerField: return .header
        case .salutation, .paragraph, .sectionHeading: return .body
        case .signature, .signatureDate: return .signature
        case .contact, .copyTo: return .contact
        case .footer: return .footer
        }
    }
}

extension Array where Element == DocumentBlock {
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
