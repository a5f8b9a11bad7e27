import Foundation

/// The statistics `banli stats` prints: the figures for all cases, then for each meeting.
public struct CaseStatistics: Hashable, Sendable, Encodable {
    public struct MeetingFigures: Hashable, Sendable, Encodable {
        public var kind: String
        /// As the profile in use names it (`MeetingNaming`): 区政协第六届委员会第五次会议; `会议未知` for cases whose meeting is unknown.
        public var meeting: String
        public var figures: Figures
    }

    public var overall: Figures
    /// In case order: proposals first, then by term and session.
    public var meetings: [MeetingFigures]

    public init(_ cases: [CaseSummary], configuration: Configuration) {
        overall = Figures(cases, configuration: configuration)
        let groups = Dictionary(grouping: cases) { CaseID(kind: $0.kind, meeting: $0.id.meeting, number: "") }
        meetings = groups.keys.sorted().map { key in
            MeetingFigures(kind: key.kind.documentName,
                           meeting: key.meeting.isKnown ? configuration.meetingNaming.name(key.meeting, kind: key.kind) : "会议未知",
                           figures: Figures(groups[key]!, configuration: configuration))
        }
    }

    /// Plain text, one figure per line, each rate with what it counts.
    public var text: String {
        let o = overall
        func list(_ tallies: [Tally]) -> String { tallies.map { "\($0.name) \($0.count)" }.joined(separator: "，") }
        func rate(_ r: Rate) -> String { "\(r.name)：\(r.text)" }
        var lines = [
            "共\(o.total)件",
            "类型：" + list(o.byKind),
            "状态：" + list(o.byStatus),
            "办理结果：" + list(o.byOutcome),
            "满意度：" + list(o.bySatisfaction),
            "撤案 \(o.withdrawn) 件；并案 \(o.merged) 件，并入 \(o.mergedInto) 件答复",
        ]
        lines += [o.resolved, o.onTime, o.contact, o.satisfied].map { rate($0) + "　（\($0.definition)）" }
        lines += ["", "按会议："]
        for m in meetings {
            let f = m.figures
            lines.append("\(m.meeting)（\(m.kind)）：共\(f.total)件")
            lines.append("  办理结果：" + list(f.byOutcome) + "；满意度：" + list(f.bySatisfaction))
            lines.append("  " + [f.resolved, f.onTime, f.contact, f.satisfied].map(rate).joined(separator: "；"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON with sorted keys, for scripts and spreadsheets.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail; a failure here is a bug in banli.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}
