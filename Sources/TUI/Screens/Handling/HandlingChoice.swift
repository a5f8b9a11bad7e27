import Model

/// A menu a handling step opens partway, after the first: whether a result that exists is followed
/// up or corrected, the result to change it to, and the detail fields of a feedback form (是否走访,
/// 工作态度, 针对性, 结果看法, in the printed form's order, each with a last item that leaves the
/// field empty), which lead to the comment.
public enum HandlingChoice: Hashable, Sendable {
    /// 跟踪办理 or 更正, for cases that have a result.
    case outcomeStep
    /// The result to change to: a follow-up's or a correction's.
    case outcomes(correction: Bool)
    case feedbackVisited(Feedback)
    case feedbackAttitude(Feedback)
    case feedbackRelevance(Feedback)
    case feedbackView(Feedback)

    /// What the last item of each feedback menu says.
    static let unasked = "未填（表上没有此项）"

    var title: String {
        switch self {
        case .outcomeStep: return "已有办理结果"
        case .outcomes(let correction): return correction ? "更正：结果应为" : "跟踪办理：结果改为"
        case .feedbackVisited: return "反馈：是否走访"
        case .feedbackAttitude: return "反馈：工作态度"
        case .feedbackRelevance: return "反馈：针对性"
        case .feedbackView: return "反馈：结果看法"
        }
    }

    /// The items and where each leads; `current` is the cases' current results.
    func items(_ configuration: Configuration, current: Set<String>) -> [(label: String, next: HandlingFlow.Next)] {
        switch self {
        case .outcomeStep:
            return [("跟踪办理（结果有了变化，写明说明）", .choose(.outcomes(correction: false))),
                    ("更正（原结果登记有误，写明原因）", .choose(.outcomes(correction: true)))]
        case .outcomes(let correction):
            // Changing to the result a case already has would change nothing.
            return configuration.outcomeScheme.filter { current != [$0.label] }.map {
                ($0.label, .ask(correction ? .correctionReason(outcome: $0.label) : .followUpNote(outcome: $0.label)))
            }
        case .feedbackVisited(let f):
            return [("是", true), ("否", false)].map { label, visited in
                var f = f
                f.visited = visited
                return (label, .choose(.feedbackAttitude(f)))
            } + [(Self.unasked, .choose(.feedbackAttitude(f)))]
        case .feedbackAttitude(let f): return Self.answers(Feedback.attitudes, f, \.attitude) { .choose(.feedbackRelevance($0)) }
        case .feedbackRelevance(let f): return Self.answers(Feedback.relevances, f, \.relevance) { .choose(.feedbackView($0)) }
        case .feedbackView(let f): return Self.answers(Feedback.viewsOfResult, f, \.viewOfResult) { .ask(.feedbackComment($0)) }
        }
    }

    private static func answers(_ answers: [String], _ f: Feedback, _ field: WritableKeyPath<Feedback, String>,
                                then next: (Feedback) -> HandlingFlow.Next) -> [(label: String, next: HandlingFlow.Next)] {
        answers.map { answer in
            var f = f
            f[keyPath: field] = answer
            return (answer, next(f))
        } + [(unasked, next(f))]
    }
}
