import ArgumentParser
import Model

/// Model values the command line takes as arguments, written as in case files and read as an IME
/// types them (`TypedText`: `满意　`, full-width digits).
extension Feedback.Satisfaction: ExpressibleByArgument {
    public init?(argument: String) { self.init(typed: argument) }
}

extension ContactEntry.Method: ExpressibleByArgument {
    public init?(argument: String) { self.init(typed: argument) }
}

extension LedgerFormat: ExpressibleByArgument {}
extension DocumentFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

extension IncomingText.Encoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
}

extension LocalDate {
    /// Reads a date argument (`@Option(transform: LocalDate.argument)`), throwing the `DateError` that
    /// says what is wrong (`2018年2月没有30日`): argument-parser quotes a thrown error's description
    /// after the value, where `ExpressibleByArgument` could only say the value is invalid.
    static func argument(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }
}
