/// Puts one person's changes to a reply onto the version someone else saved meanwhile: the three-way
/// merge behind the form's 合并, when a save was refused because the case changed on disk.
///
/// `base` is the case as it was read, `mine` the same case with the reply and disclosure as edited,
/// `theirs` the case as it is now on disk. The result is `theirs` (so whatever else they changed —
/// status, outcome, journal — stays) with each part of the reply that `mine` changed taken from
/// `mine`. A part both changed, differently, keeps `mine` and is named in `bothChanged`, so that
/// nobody's text is replaced without their being told.
public struct ReplyMerge: Sendable {
    public private(set) var value: Case
    /// The parts both sides changed, in document order, named as the journal names them.
    public private(set) var bothChanged: [String] = []

    public init(base: Case, mine: Case, onto theirs: Case) {
        value = theirs
        take("公开属性", \.disclosure, base, mine, theirs)
        take("文号", \.reply.documentNumber, base, mine, theirs)
        take("日期", \.reply.date, base, mine, theirs)
        take(Reply.Part.salutation.description, \.reply.salutation, base, mine, theirs)
        take(Reply.Part.opening.description, \.reply.opening, base, mine, theirs)
        let counts = Set([base, mine, theirs].map(\.reply.sections.count))
        if counts.count == 1 {
            for i in base.reply.sections.indices {
                take(Reply.Part.section(i).description, \.reply.sections[i], base, mine, theirs)
            }
        } else {
            // Sections were added or deleted: which one matches which is no longer known.
            take("正文各部分", \.reply.sections, base, mine, theirs)
        }
        take(Reply.Part.closing.description, \.reply.closing, base, mine, theirs)
        take(Reply.Part.signature.description, \.reply.signature, base, mine, theirs)
        take("联系人", \.reply.contactPerson, base, mine, theirs)
        take("联系电话", \.reply.contactPhone, base, mine, theirs)
        take("联系地址", \.reply.contactAddress, base, mine, theirs)
        take("邮政编码", \.reply.postcode, base, mine, theirs)
        take("抄送", \.reply.copyTo, base, mine, theirs)
    }

    private mutating func take<T: Equatable>(_ name: String, _ part: WritableKeyPath<Case, T>, _ base: Case, _ mine: Case, _ theirs: Case) {
        let merged = ThreeWay.value(base[keyPath: part], mine[keyPath: part], theirs[keyPath: part])
        if merged.clash { bothChanged.append(name) }
        value[keyPath: part] = merged.value
    }
}
