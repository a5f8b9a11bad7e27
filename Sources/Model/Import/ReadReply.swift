/// A published reply read into its parts, before it becomes a case: the values each part holds,
/// which part each line went to, and the lines placed by guess. The same whatever office profile
/// then lays it out (`ReplyImport` chooses one).
public struct ReadReply: Hashable, Sendable {
    /// A line that no rule recognised, put into the nearest part.
    public struct Guess: Hashable, Sendable {
        /// The 1-based line of the file it is on (`lineNumbers`).
        public var line: Int
        /// The line as read.
        public var text: String
        /// The part it was put into.
        public var part: ReplyPart
    }

    /// The reply's non-blank lines, trimmed, page chrome left out: what an export must reproduce.
    public var lines: [String] = []
    /// The 1-based line of the file (of a page's source) each of `lines` is on: blank lines and
    /// page chrome left out of `lines` still count, so a report points where the user looks.
    public var lineNumbers: [Int] = []
    /// The part each of `lines` went to.
    public var parts: [ReplyPart] = []
    /// The page's lines that are not the reply's (navigation, publication lines, the site line).
    public var chrome: [String] = []
    /// The lines no rule recognised, in order, with the part each went to.
    public var guesses: [Guess] = []

    /// The web page's own title, when the letter under it has another.
    public var pageTitle = ""
    /// The unit of a document head `XX县民政局文件`.
    public var headUnit = ""
    /// The title's lines (two when printed on two).
    public var title: [String] = []
    /// 文号, above or under the title (`青民发【2024】188号`).
    public var documentNumber = ""
    /// 签发人, above or under the title.
    public var signer = ""
    /// The disclosure category as printed (`主动公开`).
    public var disclosure = ""
    /// The issuing unit named under the title.
    public var headerUnit = ""
    /// The date under the title.
    public var headerDate: PrintedDate?
    /// The outcome as printed, without its label (`解决或采纳`, `A类`).
    public var outcome = ""
    /// 称呼, as printed with its colon.
    public var salutation = ""
    /// The opening's paragraphs (and any line under the title that is none of the header's).
    public var opening: [String] = []
    /// The body: numbered sections, or one section without a heading holding plain paragraphs.
    public var sections: [ReplySection] = []
    /// The closing's paragraphs.
    public var closing: [String] = []
    /// The attachments' names, without `附件：` and their numbers.
    public var attachments: [String] = []
    /// The signing units, in order.
    public var units: [String] = []
    /// Whether several units were printed one a line rather than on one line.
    public var unitsStacked = false
    /// The date under the signing units.
    public var signatureDate: PrintedDate?
    /// The contact block's values, whatever labels they were printed with (`ContactItem`).
    public var leader = ""
    public var contactPerson = ""
    public var contactPhone = ""
    public var contactAddress = ""
    public var postcode = ""
    /// 抄送 and 抄报 units.
    public var copyTo: [String] = []
    public var reportTo: [String] = []
    /// The footer line as printed (`主办单位：民政局`); the profile's template prints it.
    public var footer = ""

    /// The date of the reply: under the signature, or else under the title.
    public var date: LocalDate? { (signatureDate ?? headerDate)?.date }

    /// The lines that went to `part`.
    public func count(of part: ReplyPart) -> Int { parts.count { $0 == part } }
}
