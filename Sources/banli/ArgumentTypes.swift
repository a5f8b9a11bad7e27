import ArgumentParser
import Model

/// Model values the command line takes as arguments, written as in case files.
extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension Feedback.Satisfaction: ExpressibleByArgument {}
extension ContactEntry.Method: ExpressibleByArgument {}
extension LedgerFormat: ExpressibleByArgument {}
extension DocumentFormat: ExpressibleByArgument {}

extension IncomingText.Encoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}
