import CYaml

/// A failure of libyaml's reader, scanner or parser, as its `yaml_parser_t` held it once
/// `yaml_parser_parse` failed: the fields Yams read into its `YamlError`, marks made 1-based as
/// Yams made them. `YAMLSource` words it for a clerk through `YAMLProblem`.
struct YAMLLibraryError: Error, Sendable {
    /// Which part of libyaml stopped.
    enum Stage: Sendable { case memory, reader, scanner, parser, other }

    let stage: Stage
    /// libyaml's English problem text (`found character that cannot start any token`).
    let problem: String
    /// What libyaml was reading (`while scanning a quoted scalar`), if it said.
    let context: String?
    /// The 1-based line where `context` began.
    let contextLine: Int
    /// The 1-based line and column (in Unicode scalars) where libyaml stopped.
    let line: Int
    let column: Int
    /// For the reader: the byte offset of the offending bytes.
    let offset: Int

    init(_ parser: yaml_parser_t) {
        switch parser.error {
        case YAML_MEMORY_ERROR: stage = .memory
        case YAML_READER_ERROR: stage = .reader
        case YAML_SCANNER_ERROR: stage = .scanner
        case YAML_PARSER_ERROR: stage = .parser
        default: stage = .other
        }
        problem = parser.problem.map { String(cString: $0) } ?? ""
        context = parser.context.map { String(cString: $0) }
        contextLine = parser.context_mark.line + 1
        line = parser.problem_mark.line + 1
        column = parser.problem_mark.column + 1
        offset = parser.problem_offset
    }
}
