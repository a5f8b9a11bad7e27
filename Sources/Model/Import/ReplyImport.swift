/// Reads a published reply — plain text, a saved web page or a Word document — into a new case: the parts are
/// read (`ReplyReader`), the case built from them, and the office profile detected as the one
/// whose layout explains the most lines: the case is exported with each configured profile and the
/// lines printed as the reply has them are counted (`PublishedLine`). Of profiles that explain as
/// many lines, one under which the case is complete (nothing of its `required` missing, so it can
/// be exported final) comes first, then the one that adds the fewest lines; the report names what a
/// final export under the chosen profile still needs. Ties go to the profile in use, then to the
/// configuration's order.
public struct ReplyImport: Sendable {
    /// The profiles to choose from, the outcome scheme and disclosure options the case must fit,
    /// and the workflow.
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The parts of the reply in the file `path` holding `bytes`: a Word document
    /// (`WordText.isWordFile`), or else text or a web page.
    /// - Throws: `ReplyImportError.notWord` (a `.doc`, a damaged or crafted `.docx`),
    ///   `.unreadable` (not text) or `.notAReply`.
    public func read(bytes: [UInt8], path: String) throws(ReplyImportError) -> ReadReply {
        let file: PublishedFile
        if WordText.isWordFile(bytes: bytes, name: path) {
            do {
                file = PublishedFile(try WordText(bytes: bytes))
            } catch {
                throw .notWord(path: path, error)
            }
        } else {
            do {
                file = try PublishedFile(bytes: bytes, name: path)
            } catch {
                throw .unreadable(path: path, error)
            }
        }
        let labels = configuration.outcomeSchemes.values.flatMap { $0.map(\.label) }
        do {
            return try ReplyReader(outcomeLabels: labels).read(file.lines, lineNumbers: file.lineNumbers, structure: file.structure)
        } catch {
            throw .notAReply(path: path, error)
        }
    }

    /// The case `read` describes, in workflow state `status`, laid out with the profile named
    /// `profileName` or else the one detected; its journal names `source`.
    /// - Throws: `ReplyImportError.unknownProfile`.
    public func imported(_ read: ReadReply, profile profileName: String? = nil, status: String, user: String, clock: Clock,
                         source: String) throws(ReplyImportError) -> ImportedReply {
        var builder = ImportedCase(read: read, configuration: configuration)
        let base = builder.value(status: status, user: user, clock: clock, source: source)
        let profiles: [OfficeProfile]
        if let profileName {
            do {
                profiles = [try configuration.profile(named: profileName, source: "--profile")]
            } catch {
                throw .unknownProfile(error)
            }
        } else {
            let inUse = configuration.profileName
            profiles = ([inUse] + configuration.profileNames.filter { $0 != inUse }).compactMap { configuration.profiles[$0] }
        }
        // The page's own title is the page's, not the reply's.
        let wanted = read.lines.indices.filter { read.parts[$0] != .pageTitle }.map { (line: $0 + 1, text: PublishedLine.normalised(read.lines[$0])) }
        var best: ImportedReply?
        for profile in profiles {
            // Within a profile the case that prints the reply best; across profiles the one that
            // prints most of it, complete before incomplete.
            let fits = variants(of: base, read: read).map { fitted($0, to: profile, read: read, wanted: wanted, notes: builder.notes, given: profileName != nil) }
            let candidate = fits.dropFirst().reduce(fits[0]) { (current, next) in
                (current.explained, -current.added.count) >= (next.explained, -next.added.count) ? current : next
            }
            if let current = best, (current.explained, current.missing.isEmpty ? 1 : 0, -current.added.count)
                >= (candidate.explained, candidate.missing.isEmpty ? 1 : 0, -candidate.added.count) { continue }
            best = candidate
        }
        return best!
    }

    /// The ways the case may carry what the reply shows: a web copy names its unit under the title
    /// but does not sign, which a profile prints either as the office's own unit (no signing unit
    /// kept) or as the signing unit (printed under the body too).
    private func variants(of c: Case, read: ReadReply) -> [Case] {
        guard read.units.isEmpty, !read.headerUnit.isEmpty else { return [c] }
        var unsigned = c
        unsigned.reply.signature = ""
        return [unsigned, c]
    }

    /// `c` laid out with `profile`, its title kept as printed where the profile's pattern does not
    /// print it so, and measured against the reply's `wanted` lines (normalised, with their 1-based
    /// place in `read.lines`).
    private func fitted(_ c: Case, to profile: OfficeProfile, read: ReadReply, wanted: [(line: Int, text: String)], notes: [String],
                        given: Bool) -> ImportedReply {
        var c = c
        c.reply.layout = profile.name
        let document = ReplyDocument(for: c, configuration: configuration, profile: profile)
        let printedTitle = document.blocks.title
        if PublishedLine.lines(of: printedTitle) != read.title.map(PublishedLine.normalised) {
            c.reply.title = read.title.map(PublishedLine.tidied).joined(separator: "\n")
        }
        let laidOut = ReplyDocument(for: c, configuration: configuration, profile: profile)
        // Each printed line as the export prints it (for the report) and as it is compared.
        let exported = laidOut.plainText.split(whereSeparator: \.isNewline).map { (printed: String($0), text: PublishedLine.normalised($0)) }
            .filter { !$0.text.isEmpty }
        let match = PublishedLine.matching(wanted.map(\.text), exported.map(\.text))
        var unexplained = wanted.indices.filter { !match.inA.contains($0) }
        var added = exported.indices.filter { !match.inB.contains($0) }
        // A line the export prints elsewhere is moved, not both different and added.
        var moved: [Int] = []
        for i in unexplained {
            guard let j = added.firstIndex(where: { exported[$0].text == wanted[i].text }) else { continue }
            moved.append(i)
            added.remove(at: j)
        }
        unexplained.removeAll(where: moved.contains)
        return ImportedReply(c: c, read: read, profile: profile, profileGiven: given, total: wanted.count, explained: match.count,
                             unexplained: unexplained.map { wanted[$0].line }, moved: moved.map { wanted[$0].line },
                             added: added.map { exported[$0].printed }, notes: notes, missing: laidOut.missingParts)
    }
}
