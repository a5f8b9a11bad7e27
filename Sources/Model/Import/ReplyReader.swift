/// Reads the lines of a published reply into its parts (`ReadReply`), whatever office printed it:
/// the page's chrome is left out, then the title, the lines above and under it, the salutation, the
/// opening, sections at every level (run-in headings too), the closing, attachments, signing
/// units, the date, the contact block, copies and the footer are recognised by their shapes and
/// words (`ReplyWords`). A line no rule recognises goes into the nearest part and is listed in
/// `ReadReply.guesses`; nothing of the reply is dropped.
public struct ReplyReader: Sendable {
    /// Every outcome label of the configuration's schemes, to know an unlabelled `解决或采纳` or `A类`.
    public var outcomeLabels: [String]

    public init(outcomeLabels: [String]) {
        self.outcomeLabels = outcomeLabels
    }

    /// Why lines are not a reply: no title and no salutation, or nothing under them.
    public enum Refusal: Error, Hashable, Sendable {
        /// No line with anything on it.
        case empty
        /// Neither a title (`关于…的答复`) nor a salutation (`…委员：`).
        case noTitleOrSalutation
        /// A title or salutation, but no paragraph under it.
        case noBody
    }

    /// The parts of the reply in `lines` (as a file or a page holds them; blank ones are skipped).
    /// `lineNumbers` gives the file's line number of each (by default its place in `lines`, as in
    /// a plain-text file); `structure`, what a Word document says of each beyond its text (a
    /// heading's level, a run-in heading's end; none by default).
    /// - Throws: `Refusal` when they are not a reply.
    public func read(_ lines: [String], lineNumbers: [Int]? = nil, structure: [LineStructure]? = nil) throws(Refusal) -> ReadReply {
        var reply = ReadReply()
        let numbers = lineNumbers ?? Array(lines.indices.map { $0 + 1 })
        let structure = structure ?? Array(repeating: LineStructure(), count: lines.count)
        let trimmed = zip(zip(numbers, lines.map(\.trimmingSpaces)), structure).map { ($0.0, $0.1, $1) }.filter { !$0.1.isEmpty }
        guard !trimmed.isEmpty else { throw .empty }
        var kept = trimmed.filter { line in
            if PageChrome.isChrome(line.1) || ReplyDocument.isDraftMark(line.1) { reply.chrome.append(line.1); return false }
            return true
        }
        // A page ends with its footer; what the site prints under it (a year and a view count on the
        // Qingpu page) is the site's.
        if let footer = kept.lastIndex(where: { isFooter($0.1) }), kept.count - footer <= 4,
           kept[(footer + 1)...].allSatisfy({ !$0.1.contains("。") && $0.1.count <= 40 }) {
            reply.chrome += kept[(footer + 1)...].map(\.1)
            kept.removeSubrange((footer + 1)...)
        }
        reply.lines = kept.map(\.1)
        reply.lineNumbers = kept.map(\.0)
        reply.parts = Array(repeating: .body, count: kept.count)
        var reader = Pass(reply: reply, outcomeLabels: outcomeLabels, structure: kept.map(\.2))
        try reader.readAll()
        return reader.reply
    }

    private func isFooter(_ line: String) -> Bool { LabelledText(line)?.value(for: ReplyWords.footerLabels).map { !$0.isEmpty } ?? false }

    /// One reading of one reply's lines.
    private struct Pass {
        var reply: ReadReply
        let outcomeLabels: [String]
        /// What a Word document says of each of `lines` beyond its text.
        let structure: [LineStructure]
        var lines: [String] { reply.lines }

        mutating func readAll() throws(Refusal) {
            guard let firstBody = lines.indices.first(where: { isSalutation(lines[$0]) || isParagraph(lines[$0]) }) else {
                throw lines.contains(where: ReplyWords.isTitle) ? .noBody : .noTitleOrSalutation
            }
            let titleRange = readFront(upTo: firstBody)
            var bodyStart = firstBody
            if isSalutation(lines[firstBody]) {
                reply.salutation = lines[firstBody]
                reply.parts[firstBody] = .salutation
                bodyStart += 1
            }
            guard titleRange != nil || !reply.salutation.isEmpty else { throw .noTitleOrSalutation }
            let tailStart = readTail(from: bodyStart)
            guard tailStart > bodyStart else { throw .noBody }
            readBody(bodyStart..<tailStart)
        }

        // MARK: Above the body

        /// Reads the page title, document head, title and header lines before `end`; the title's
        /// line range, or nil when there is no title.
        mutating func readFront(upTo end: Int) -> Range<Int>? {
            var titles: [Range<Int>] = []
            var i = 0
            while i < end {
                if ReplyWords.isTitle(lines[i]) {
                    titles.append(i..<(i + 1))
                } else if i + 1 < end, ReplyWords.startsTitle(lines[i]), ReplyWords.isTitle(lines[i] + lines[i + 1]),
                          !isHeaderItem(lines[i + 1]) {
                    titles.append(i..<(i + 2))
                    i += 1
                }
                i += 1
            }
            // A web page shows its own title above the letter's.
            if titles.count >= 2 {
                reply.pageTitle = titles[0].map { lines[$0] }.joined()
                for j in titles[0] { reply.parts[j] = .pageTitle }
            }
            let title = titles.last
            if let title {
                reply.title = title.map { lines[$0] }
                for j in title { reply.parts[j] = .title }
            }
            let headStart = titles.count >= 2 ? titles[0].upperBound : 0
            // A line above the title that is none of the head's is most likely a title line the
            // rules do not know.
            let unknownHead = (headStart..<(title?.lowerBound ?? headStart)).filter { !readHead($0) }
            for j in unknownHead { guess(j, .title) }
            reply.title = unknownHead.map { lines[$0] } + reply.title
            var unplaced: [Int] = []
            for j in (title?.upperBound ?? headStart)..<end where !readHeader(j) { unplaced.append(j) }
            // A line under the title that is none of the header's goes to the body's start.
            for j in unplaced { guess(j, .opening) }
            reply.opening = unplaced.map { lines[$0] }
            return title
        }

        /// A line above the title: `XX县民政局文件`, the document number, `签发人：…`; false when it
        /// holds something else.
        mutating func readHead(_ j: Int) -> Bool {
            reply.parts[j] = .documentHead
            var known = true
            for item in LineItems.split(lines[j]) {
                if item.hasSuffix("文件"), ReplyWords.isUnit(String(item.dropLast(2))) {
                    reply.headUnit = String(item.dropLast(2))
                } else if ReplyWords.isDocumentNumber(item) {
                    reply.documentNumber = item
                } else if let signer = LabelledText(item)?.value(for: ReplyWords.signerLabels) {
                    reply.signer = signer
                } else {
                    known = false
                }
            }
            return known
        }

        func isHeaderItem(_ item: String) -> Bool {
            var copy = self
            return copy.readHeaderItem(item)
        }

        /// A line under the title; false when it holds an item that is none of the header's.
        mutating func readHeader(_ j: Int) -> Bool {
            let items = LineItems.split(lines[j])
            var copy = self
            guard items.allSatisfy({ copy.readHeaderItem($0) }) else { return false }
            self = copy
            reply.parts[j] = .header
            return true
        }

        /// One item of a header line: disclosure, unit, document number, date, outcome, signer.
        mutating func readHeaderItem(_ item: String) -> Bool {
            let labelled = LabelledText(item)
            if let disclosure = ReplyWords.disclosure(item) {
                reply.disclosure = disclosure
            } else if let outcome = labelled?.value(for: ReplyWords.outcomeLabels) ?? (outcomeLabels.contains(item) ? item : nil) {
                reply.outcome = outcome
            } else if let signer = labelled?.value(for: ReplyWords.signerLabels) {
                reply.signer = signer
            } else if let date = PrintedDate(labelled?.value(for: ReplyWords.dateLabels) ?? item) {
                reply.headerDate = date
            } else if ReplyWords.isDocumentNumber(labelled?.value(for: ReplyWords.numberLabels) ?? item) {
                reply.documentNumber = labelled?.value(for: ReplyWords.numberLabels) ?? item
            } else if let unit = labelled?.value(for: ReplyWords.unitLabels) ?? (ReplyWords.isUnit(item) ? item : nil) {
                reply.headerUnit = unit
            } else {
                return false
            }
            return true
        }

        /// `甲、乙委员：`, `周海波代表：`, `区住房和城乡建设管理委员会：` — a short line ending with a
        /// colon that is no label of a value.
        func isSalutation(_ line: String) -> Bool {
            guard line.hasSuffix("：") || line.hasSuffix(":"), line.count <= 60, !line.contains("。"),
                  PrintedHeading(startOf: line) == nil else { return false }
            guard let labelled = LabelledText(line) else { return true }
            return labelled.value.isEmpty && !isKnownLabel(labelled.label)
        }

        func isKnownLabel(_ label: String) -> Bool {
            [ReplyWords.attachmentLabels, ReplyWords.copyToLabels, ReplyWords.reportToLabels, ReplyWords.footerLabels,
             ReplyWords.signerLabels, ContactItem.Field.allLabels].contains { $0.contains(label) }
        }

        /// A paragraph of the body: a sentence, or a long line that is no title.
        func isParagraph(_ line: String) -> Bool {
            (line.contains("。") || (line.count > 60 && !ReplyWords.isTitle(line)) || PrintedHeading(startOf: line) != nil
                || ((line.hasSuffix("：") || line.hasSuffix(":")) && line.contains("如下"))) && !PageChrome.isChrome(line)
        }

        // MARK: Under the body

        /// Reads the attachments, signing units, date, contact block, copies and footer from the end
        /// back; the index of the first line of the tail (`lines.count` when there is none).
        mutating func readTail(from bodyStart: Int) -> Int {
            var start = lines.count
            // Lines read from the end back, so each is put before those already read.
            var contact: [[ContactItem]] = []
            var units: [[String]] = []
            // At least one line of body stays above the tail.
            while start - 1 > bodyStart {
                let j = start - 1, line = lines[j]
                let labelled = LabelledText(line)
                if j == lines.count - 1, let footer = labelled?.value(for: ReplyWords.footerLabels), !footer.isEmpty {
                    reply.footer = line
                    reply.parts[j] = .footer
                } else if let copies = labelled?.value(for: ReplyWords.copyToLabels) {
                    reply.copyTo = ReplyWords.list(copies)
                    reply.parts[j] = .copies
                } else if let copies = labelled?.value(for: ReplyWords.reportToLabels) {
                    reply.reportTo = ReplyWords.list(copies)
                    reply.parts[j] = .copies
                } else if let items = ContactItem.line(line) {
                    contact.insert(items, at: 0)
                    reply.parts[j] = .contact
                } else if let date = PrintedDate(line), units.isEmpty, reply.signatureDate == nil {
                    reply.signatureDate = date
                    reply.parts[j] = .signatureDate
                } else if case let items = LineItems.split(line), !items.isEmpty, items.allSatisfy(ReplyWords.isUnit) {
                    units.insert(items, at: 0)
                    reply.parts[j] = .signature
                } else if let attachments = attachmentBlock(endingAt: j, above: bodyStart) {
                    reply.attachments = attachments.items
                    for k in attachments.lines { reply.parts[k] = .attachments }
                    start = attachments.lines.lowerBound
                    break
                } else {
                    break
                }
                start = j
            }
            for item in contact.joined() { item.field.store(item.value, in: &reply) }
            reply.units = Array(units.joined())
            reply.unitsStacked = units.count > 1
            return start
        }

        /// `附件：1. X` and the numbered lines under it, when the block ends at line `end`.
        func attachmentBlock(endingAt end: Int, above bodyStart: Int) -> (lines: ClosedRange<Int>, items: [String])? {
            var first = end
            while first > bodyStart, LabelledText(lines[first])?.value(for: ReplyWords.attachmentLabels) == nil {
                guard let numeral = PrintedHeading(startOf: lines[first]), numeral.level == 3 else { return nil }
                first -= 1
            }
            guard let list = LabelledText(lines[first])?.value(for: ReplyWords.attachmentLabels) else { return nil }
            var items: [String] = []
            for (k, text) in ([list] + lines[(first + 1)..<(end + 1)]).enumerated() {
                let numeral = PrintedHeading(startOf: text)
                // Numbered in order from 1, or one attachment without a number.
                if let numeral, numeral.level == 3, numeral.value == k + 1 {
                    items.append(String(text.dropFirst(numeral.printed.count)).trimmingSpaces)
                } else if k == 0 && end == first && !text.isEmpty {
                    items.append(text)
                } else {
                    return nil
                }
            }
            return (first...end, items)
        }

        // MARK: The body

        /// Opening, sections (or plain paragraphs) and closing of the lines in `range`.
        mutating func readBody(_ range: Range<Int>) {
            // Each heading: its line, level and the length of its numeral.
            var headings: [(Int, level: Int, numeral: Int)] = []
            var counters = [Int](repeating: 0, count: ReplySection.levels.upperBound + 1)
            let outlineLevels = Self.levels(ofOutlineLevels: range.compactMap { structure[$0].outlineLevel })
            for j in range {
                // A numeral out of sequence starts a paragraph, not a heading: numbering is
                // automatic, so only headings in sequence can be printed again as they were. A
                // Word document's heading paragraph is a heading whatever its text.
                let numeral = PrintedHeading(startOf: lines[j])
                let level: Int
                if let numeral, numeral.value == counters[numeral.level] + 1 {
                    level = numeral.level
                } else if let outline = structure[j].outlineLevel, let ranked = outlineLevels[outline] {
                    level = ranked
                } else {
                    continue
                }
                counters[level] += 1
                for deeper in (level + 1)..<counters.count { counters[deeper] = 0 }
                headings.append((j, level, numeral?.printed.count ?? 0))
            }
            var openingEnd = headings.first?.0 ?? openingEnd(of: range)
            openingEnd = max(openingEnd, range.lowerBound)
            var closingStart = range.upperBound
            while closingStart - 1 >= max(openingEnd, (headings.last?.0 ?? -1) + 1), ReplyWords.isClosing(lines[closingStart - 1]) {
                closingStart -= 1
            }
            for j in range.lowerBound..<openingEnd { reply.parts[j] = .opening }
            reply.opening += lines[range.lowerBound..<openingEnd]
            for j in closingStart..<range.upperBound { reply.parts[j] = .closing }
            reply.closing = Array(lines[closingStart..<range.upperBound])
            if headings.isEmpty {
                if openingEnd < closingStart {
                    reply.sections = [ReplySection(heading: "", text: lines[openingEnd..<closingStart].joined(separator: "\n"))]
                }
                return
            }
            for (k, (j, level, numeral)) in headings.enumerated() {
                let end = k + 1 < headings.count ? headings[k + 1].0 : closingStart
                let rest = String(lines[j].dropFirst(numeral)).trimmingSpaces
                var paragraphs = Array(lines[(j + 1)..<end])
                var section = ReplySection(heading: rest, text: "", level: level)
                if let (heading, first) = runIn(j, numeral: numeral) ?? RunInHeading.split(rest) {
                    section.heading = heading
                    section.runIn = true
                    paragraphs.insert(first, at: 0)
                }
                section.text = paragraphs.joined(separator: "\n")
                reply.sections.append(section)
            }
        }

        /// The levels of a Word document's outline levels used in the body: the highest is level
        /// 1, the next level 2 (a document may make its title `heading 1`, its sections `heading 2`).
        static func levels(ofOutlineLevels used: [Int]) -> [Int: Int] {
            let ranked = Set(used).sorted().prefix(ReplySection.levels.upperBound)
            return Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0 + 1) })
        }

        /// The heading and first paragraph of line `j`, whose numeral is `numeral` characters long,
        /// when its leading run sets a run-in heading apart from text that follows it (a stop set
        /// in the text's face after it still ends the heading).
        func runIn(_ j: Int, numeral: Int) -> (heading: String, first: String)? {
            guard var lead = structure[j].leadingRun?.trimmingSpaces, lead.count > numeral, lines[j].hasPrefix(lead) else { return nil }
            if let stop = lines[j].dropFirst(lead.count).first, ReplySection.runInStops.contains(stop) { lead.append(stop) }
            let heading = String(lead.dropFirst(numeral)).trimmingSpaces, first = String(lines[j].dropFirst(lead.count)).trimmingSpaces
            return heading.isEmpty || first.isEmpty ? nil : (heading, first)
        }

        /// Where the opening ends in a body without numbered sections: after the line that says the
        /// answer follows (`…现答复如下：`, `…已收悉。`), or after the first line.
        func openingEnd(of range: Range<Int>) -> Int {
            let first = range.prefix(3).first { lines[$0].contains("如下") || lines[$0].hasSuffix("收悉。") }
            return (first ?? range.lowerBound) + 1
        }

        mutating func guess(_ j: Int, _ part: ReplyPart) {
            reply.parts[j] = part
            reply.guesses.append(ReadReply.Guess(line: reply.lineNumbers[j], text: lines[j], part: part))
        }
    }
}
