/// The configured wording of a reply for one purpose: patterns with `{placeholders}` filled from
/// the case and the office.
public struct ReplyTemplate: Hashable, Sendable {
    public enum Purpose: String, CaseIterable, Sendable {
        case proposal, suggestion
        /// A co-handler's opinion to the lead unit （会办意见）.
        case coHandler = "co_handler"
    }

    public var title: String
    public var salutation: String
    public var opening: String
    public var closing: String
    public var signature: String
    public var footer: String
    /// What `{you}` says to several proposers (`you_plural`): 您 by default, as the published replies
    /// the templates follow write it (Qingpu's reply to proposal 090 of 2018, to three members); some
    /// offices write 你们. One proposer is always 您.
    public var pluralYou: String

    /// `pluralYou` when no configuration file sets it.
    public static let defaultPluralYou = "您"

    /// The placeholders filled from the case and the office. A profile's templates may also use
    /// `OfficeProfile.linePlaceholders` (`OfficeProfile.placeholders`).
    public static let placeholders: Set<String> = [
        "district", "unit", "short_name", "term", "session", "meeting", "number", "title", "subject", "names",
        "you", "lead_unit", "kind", "addressee", "date", "numbers", "merged_numbers",
    ]
}

/// Patterns with `{name}` placeholders; `{{` and `}}` stand for literal braces.
public enum TemplateText {
    enum Segment: Equatable {
        case literal(String), placeholder(String)
        /// A brace with no partner, as written — a `}` alone, or a `{` never closed and what follows
        /// it — and the brace's place in the pattern (1-based, in characters).
        case stray(String, at: Int)
    }

    /// A brace in a pattern with no partner: `{` never closed (`关于{title`), or `}` with no `{`
    /// before it.
    public struct StrayBrace: Hashable, Sendable, CustomStringConvertible {
        /// `{` or `}`.
        public let brace: Character
        /// Where it is in the pattern: 1-based, in characters, as a clerk counts them.
        public let position: Int

        /// Where the brace is and what it lacks, in Chinese: `第 3 个字符“{”没有配对的“}”`.
        public var description: String {
            brace == "{" ? "第 \(position) 个字符“{”没有配对的“}”" : "第 \(position) 个字符“}”前面没有配对的“{”"
        }
    }

    static func segments(of pattern: String) -> [Segment] {
        var segments: [Segment] = [], text = "", name: String? = nil, opened = 0
        var chars = Array(pattern)[...]
        func flush() {
            if !text.isEmpty { segments.append(.literal(text)); text = "" }
        }
        while let ch = chars.popFirst() {
            let position = chars.startIndex
            if var current = name {
                if ch == "}" { segments.append(.placeholder(current)); name = nil } else { current.append(ch); name = current }
            } else if ch == "{" || ch == "}" {
                if chars.first == ch { text.append(ch); chars.removeFirst(); continue }
                flush()
                if ch == "}" { segments.append(.stray("}", at: position)) } else { name = ""; opened = position }
            } else {
                text.append(ch)
            }
        }
        flush()
        if let name { segments.append(.stray("{" + name, at: opened)) }
        return segments
    }

    /// The first brace in `pattern` with no partner; nil when every brace pairs or is doubled.
    public static func strayBrace(in pattern: String) -> StrayBrace? {
        segments(of: pattern).lazy.compactMap { segment -> StrayBrace? in
            guard case .stray(let text, let position) = segment, let brace = text.first else { return nil }
            return StrayBrace(brace: brace, position: position)
        }.first
    }

    /// Fills every known placeholder; an unknown one is left as written.
    public static func fill(_ pattern: String, _ values: [String: String]) -> String {
        segments(of: pattern).map { segment in
            switch segment {
            case .literal(let text), .stray(let text, _): return text
            case .placeholder(let name): return values[name] ?? "{\(name)}"
            }
        }.joined()
    }

    public static func placeholders(in pattern: String) -> [String] {
        segments(of: pattern).compactMap { if case .placeholder(let name) = $0 { return name } else { return nil } }
    }
}
