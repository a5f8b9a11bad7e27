/// A meeting name as a reply prints it, read back: `区政协第五届委员会第二次会议` (long),
/// `政协十届三次会议` (short), `县十八届人大三次会议`, `区人大七届四次会议`,
/// `区第七届人民代表大会第五次会议`. The body
/// tells the kind (政协 → proposal, 人大/人民代表大会 → suggestion); the character before it the
/// issuing level (区, 县, 市, 镇), when printed.
public struct PrintedMeeting: Hashable, Sendable {
    /// 提案 for a 政协 meeting, 建议 for a 人大 one.
    public var kind: CaseKind
    /// Term and session.
    public var meeting: Meeting
    /// `区`, `县`, `市`, `镇`, or empty when the name starts with the body.
    var level: String
    /// The long form (`第五届委员会第二次会议`) rather than the short (`五届二次会议`).
    var isLong: Bool
    /// The name as printed.
    var printed: String

    /// The shapes of a meeting name, each compiled once: compiled on every call they made
    /// importing an assignment list of 5,000 rows take ten seconds. A `Regex` is an immutable value
    /// not marked `Sendable`; the program it compiles lazily is published atomically by the
    /// standard library, so sharing the compiled shapes between threads is safe.
    nonisolated(unsafe) private static let patterns: [(Regex<(Substring, Substring?, Substring, Substring)>, CaseKind, Bool)] = {
        let numeral = #"([〇零一二三四五六七八九十百0-9]{1,4})"#
        return [
            (#"([区县市镇])?政协第"# + numeral + #"届委员会第"# + numeral + #"次会议"#, CaseKind.proposal, true),
            (#"([区县市镇])?第"# + numeral + #"届人民代表大会第"# + numeral + #"次会议"#, .suggestion, true),
            (#"([区县市镇])?政协"# + numeral + #"届"# + numeral + #"次会议"#, .proposal, false),
            (#"([区县市镇])?"# + numeral + #"届人大"# + numeral + #"次会议"#, .suggestion, false),
            (#"([区县市镇])?人大"# + numeral + #"届"# + numeral + #"次会议"#, .suggestion, false),
        ].map { (try! Regex<(Substring, Substring?, Substring, Substring)>($0.0), $0.1, $0.2) }
    }()

    /// The first meeting name in `text`; nil when there is none.
    public init?(in text: String) {
        var best: (Range<String.Index>, String, Int, Int, CaseKind, Bool)?
        for (regex, kind, isLong) in Self.patterns {
            guard let match = text.firstMatch(of: regex),
                  let term = Self.number(match.output.2), let session = Self.number(match.output.3) else { continue }
            if best == nil || match.range.lowerBound < best!.0.lowerBound {
                best = (match.range, String(match.output.1 ?? ""), term, session, kind, isLong)
            }
        }
        guard let (range, level, term, session, kind, isLong) = best else { return nil }
        self.kind = kind
        meeting = Meeting(term: term, session: session)
        self.level = level
        self.isLong = isLong
        printed = String(text[range])
    }

    private static func number(_ text: Substring) -> Int? {
        Int(text) ?? ChineseNumeral.value(of: text)
    }
}
