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
            throw describe(error, path: path)
        } catch {
            throw DataFileError(path: path, line: nil, reason: .syntax(String(describing: error)))
        }
        guard let root else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
        return root
    }

    private static func describe(_ error: YamlError, path: String) -> DataFileError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return DataFileError(path: path, line: mark.line, reason: .syntax(what))
        case let .duplicatedKeysInMapping(duplicates, context):
            return DataFileError(path: path, line: context.mark.line,
                                 reason: .syntax("重复的键 \(duplicates.joined(separator: "、"))"))
        case let .reader(problem, _, _, _):
            return DataFileError(path: path, line: nil, reason: .syntax(problem))
        default:
            return DataFileError(path: path, line: nil, reason: .syntax(String(describing: error)))
        }
    }
}
