/// The case a published reply describes: what its title, salutation and opening say about the
/// proposal (kind, meeting, number, proposers, the proposal's title, the role), and the reply
/// itself as `ReadReply` holds it. Profile-independent; `ReplyImport` then names the profile.
struct ImportedCase {
    let read: ReadReply
    let configuration: Configuration

    /// What could not be kept in the case, in Chinese, for the report.
    private(set) var notes: [String] = []

    init(read: ReadReply, configuration: Configuration) {
        self.read = read
        self.configuration = configuration
    }

    /// The case, in workflow state `status`, its journal saying it was read from `source`.
    mutating func value(status: String, user: String, clock: Clock, source: String) -> Case {
        let title = read.title.joined()
        let opening = read.opening.joined(separator: "\n")
        let meeting = PrintedMeeting(in: title) ?? PrintedMeeting(in: opening)
        let number = PrintedCaseNumber(in: title) ?? PrintedCaseNumber(in: read.opening.first ?? "")
        let addressee = Addressee(salutation: read.salutation)
        let kind = kind(title: title, meeting: meeting, addressee: addressee)
        let today = clock.today
        let date = read.date
        var c = Case(kind: kind, meeting: meeting?.meeting ?? Meeting(term: 0, session: 0), number: number?.ascii ?? "1",
                     title: PublishedLine.tidied(proposalTitle(opening: opening, fallback: title)), leadProposer: "",
                     assignedOn: date ?? today, status: status, handler: user)
        // A published reply does not say when the case was assigned; the case file needs a day.
        notes.append("交办日期：答复中没有，暂记为\(c.assignedOn)")
        if let number, number.printed != number.ascii { c.printedNumber = number.printed }
        switch addressee {
        case .proposers(let names):
            c.leadProposer = names.first ?? ""
            c.jointSigners = Array(names.dropFirst())
        case .unit(let unit):
            c.role = .coHandler
            c.leadUnit = unit
            // A 会办 opinion names the proposer in its opening: `王建国代表提出的…`.
            let named = opening.firstMatch(of: #/^([^，。、：]{2,12}?)(?:等)?(?:委员|代表)(?:提出|在)/#).map { String($0.output.1) }
            c.leadProposer = named ?? ""
        case nil:
            break
        }
        if c.leadProposer.isEmpty { notes.append("领衔人：答复中没有写明") }
        if !read.disclosure.isEmpty {
            let category = configuration.disclosure.options.first { Disclosure(category: $0).printedCategory == read.disclosure }
            if let category { c.disclosure = Disclosure(category: category) } else { notes.append("公开属性“\(read.disclosure)”不在配置的选项中，未记录") }
        }
        if !read.outcome.isEmpty {
            if let label = TypedText.match(read.outcome, in: configuration.outcomeScheme.map(\.label)) {
                c.outcomes = [OutcomeRecord(result: label, date: date ?? today, recordedBy: user)]
            } else {
                notes.append("办理结果“\(read.outcome)”不在所用的办理结果方案（\(configuration.outcomeSchemeName)）中，未记录")
            }
        }
        if !read.signer.isEmpty { c.signOff = SignOff(signer: read.signer, date: date ?? today) }
        c.reply = reply
        c.journal = [JournalEntry(time: clock.timestamp(), user: user, text: "从 \(source) 导入已公开的答复")]
        return c
    }

    /// The reply as read, its paragraphs `PublishedLine.tidied`; `layout` and `title` are the
    /// profile's to set.
    var reply: Reply {
        let sections = read.sections.map { s in
            ReplySection(heading: PublishedLine.tidied(s.heading), text: Self.tidied(s.text), level: s.level, runIn: s.runIn)
        }
        return Reply(documentNumber: read.documentNumber, date: read.date, salutation: PublishedLine.tidied(read.salutation),
              opening: Self.tidied(read.opening.joined(separator: "\n")), sections: sections,
              closing: Self.tidied(read.closing.joined(separator: "\n")),
              signature: read.units.first ?? read.headerUnit, jointUnits: Array(read.units.dropFirst()),
              attachments: read.attachments.map(PublishedLine.tidied),
              leader: read.leader, contactPerson: read.contactPerson, contactPhone: read.contactPhone,
              contactAddress: read.contactAddress, postcode: read.postcode, copyTo: read.copyTo, reportTo: read.reportTo)
    }

    /// Every line of `text` tidied.
    private static func tidied(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(PublishedLine.tidied).joined(separator: "\n")
    }

    /// 提案 or 建议: as the title says, else the meeting's body, else how the proposers are addressed.
    private func kind(title: String, meeting: PrintedMeeting?, addressee: Addressee?) -> CaseKind {
        if title.contains("提案") { return .proposal }
        if title.contains("建议") || title.contains("议案") { return .suggestion }
        if let meeting { return meeting.kind }
        if case .proposers = addressee, read.salutation.contains("代表") { return .suggestion }
        return read.opening.joined().contains("建议") && !read.opening.joined().contains("提案") ? .suggestion : .proposal
    }

    /// The proposal's own title: `《…》` in the opening, else `关于…的建议` there, else the reply's title.
    private func proposalTitle(opening: String, fallback: String) -> String {
        if let quoted = opening.firstMatch(of: #/《([^》]{2,100})》/#) { return String(quoted.output.1) }
        if let about = opening.firstMatch(of: #/关于[^，。：《》]{2,80}?的(?:建议|提案|议案)/#) { return String(about.output) }
        return fallback.isEmpty ? String(opening.prefix(40)) : fallback
    }

    /// Who a salutation addresses: proposers (`甲、乙等委员：`) or, in a 会办 opinion, the lead unit.
    enum Addressee: Equatable {
        case proposers([String])
        case unit(String)

        init?(salutation: String) {
            var s = Substring(salutation.trimmingSpaces)
            guard s.last == "：" || s.last == ":" else { return nil }
            s = s.dropLast()
            if s.hasPrefix("尊敬的") { s = s.dropFirst(3) }
            if ReplyWords.isUnit(String(s)) && !s.hasSuffix("委员") {
                self = .unit(String(s))
                return
            }
            for title in ["委员", "代表", "同志", "先生", "女士"] where s.hasSuffix(title) {
                s = s.dropLast(title.count)
                break
            }
            if s.hasSuffix("等") { s = s.dropLast() }
            self = .proposers(ReplyWords.list(String(s)))
        }
    }
}
