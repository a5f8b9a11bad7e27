/// A step meant for several cases at once that some of them refused. All were checked first, so
/// none was changed.
public struct BatchRefusal: Error, Sendable, CustomStringConvertible {
    /// One case's refusal.
    public struct Refusal: Sendable {
        public var id: CaseID
        public var error: HandlingError

        public init(id: CaseID, error: HandlingError) {
            self.id = id
            self.error = error
        }
    }

    public var refusals: [Refusal]
    /// How many cases the step was meant for.
    public var total: Int

    /// `refusals` of a step meant for `total` cases.
    public init(refusals: [Refusal], total: Int) {
        self.refusals = refusals
        self.total = total
    }

    public var description: String { described { _ in "" } }

    /// The description with `addition` written after each case's reason: what a front end adds on
    /// how to put it right (the command line names the option or command; see `CommandLineHint`).
    public func described(adding addition: (Refusal) -> String) -> String {
        let each = refusals.map { "\($0.id)：\($0.error)\(addition($0))" }.joined(separator: "；")
        return total == 1 ? each : "\(total)件中有\(refusals.count)件不能办理，均未更改：\(each)"
    }
}

extension CaseHandling {
    /// Applies `step` to every case, or to none: the results come back only when every case accepted
    /// the step, so the caller saves all or nothing.
    public func applying(_ step: (Case) throws(HandlingError) -> Handled, to cases: [Case]) throws(BatchRefusal) -> [Handled] {
        var results: [Handled] = [], refusals: [BatchRefusal.Refusal] = []
        for c in cases {
            do {
                results.append(try step(c))
            } catch {
                refusals.append(BatchRefusal.Refusal(id: c.id, error: error))
            }
        }
        guard refusals.isEmpty else { throw BatchRefusal(refusals: refusals, total: cases.count) }
        return results
    }
}
