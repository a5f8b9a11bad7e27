import Foundation
import Yams

/// Turns the bytes of a YAML file into a node tree, reporting every failure as a `DataFileError`
/// that names the file and line.
enum YAMLSource {
    static func parse(_ bytes: [UInt8], path: String) throws(DataFileError) -> Node {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = IncomingText.firstInvalidUTF8(bytes)
            throw DataFileError(path: path, line: bad.line, reason: .invalidUTF8(byteOffset: bad.offset))
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(DataFileError) -> Node {
        let root: Node?
        do {
            // banli reads every scalar as text and converts it itself, so tag resolution (a set of
            // regular expressions run on every plain scalar) is skipped: it dominated parse time.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw describe(error, in: text, path: path)
        } catch {
            throw DataFileError(path: path, line: nil, reason: .syntax(YAMLProblem(problem: String(describing: error))))
        }
        guard let root else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
        return root
    }

    private static func describe(_ error: YamlError, in text: String, path: String) -> DataFileError {
        let problem: YAMLProblem
        switch error {
        case let .scanner(context, what, mark, _), let .parser(context, what, mark, _),
             let .composer(context, what, mark, _):
            problem = YAMLProblem(problem: what, context: context?.text, line: mark.line, column: mark.column,
                                  startLine: context?.mark.line,
                                  character: character(in: text, line: mark.line, column: mark.column))
        case let .reader(what, offset, _, _):
            // The reader counts its offset in characters from the start of the text.
            let before = offset.map { text.prefix($0) }
            let line = before.map { $0.count(where: \.isNewline) + 1 }
            let column = before.map { $0.unicodeScalars.reversed().prefix { !Character($0).isNewline }.count + 1 }
            let at = offset.flatMap { text.dropFirst($0).first }
            problem = YAMLProblem(problem: what, line: line, column: column, character: at)
        case let .duplicatedKeysInMapping(duplicates, context):
            return DataFileError(path: path, line: context.mark.line, reason: .duplicateKey(duplicates.first ?? ""))
        default:
            problem = YAMLProblem(problem: String(describing: error))
        }
        return DataFileError(path: path, line: problem.reportedLine, reason: .syntax(problem))
    }

    /// The character libyaml's mark points at: it counts lines and columns (in Unicode scalars) from 1.
    private static func character(in text: String, line: Int, column: Int) -> Character? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        return lines[line - 1].unicodeScalars.dropFirst(column - 1).first.map(Character.init)
    }
}
