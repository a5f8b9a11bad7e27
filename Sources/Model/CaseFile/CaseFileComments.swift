import CYaml

/// The comments a person wrote into a case file. banli writes every file anew from the case, so a
/// save does not keep them (docs/case-file.md says so); `banli check` warns about each, and a save
/// that drops some says so.
///
/// A `#` is a comment only outside every token libyaml's scanner reads — a `#` inside a literal
/// block or a quoted string is text — so the scanner's token positions decide, not a pattern.
enum CaseFileComments {
    /// The header line banli writes at the top of every case file, which is not the clerk's.
    static let header = "# banli 案件文件"

    /// The 1-based lines on which a comment begins, banli's own header line excluded. Where the
    /// file stops being valid YAML, the rest of it is not looked at (its error is reported anyway).
    static func lines(in bytes: [UInt8]) -> [Int] {
        // Most files hold no comment-like `#` but the header's — a comment's `#` begins a line or
        // follows a space or tab, where `3#楼` holds none: they need no scan (a save asks on every write).
        let hasHeader = bytes.starts(with: Array(header.utf8))
        let afterHeader = hasHeader ? bytes.drop { $0 != 0x0A } : bytes[...]
        let mayHoldComment = afterHeader.indices.contains { i in
            afterHeader[i] == UInt8(ascii: "#")
                && (i == afterHeader.startIndex || [0x0A, 0x0D, 0x20, 0x09].contains(afterHeader[afterHeader.index(before: i)]))
        }
        guard mayHoldComment else { return [] }
        let tokens = tokenSpans(bytes)
        guard let scanned = tokens.map(\.end).max() else { return [] }
        var found: [Int] = []
        var position = Position(line: 0, column: 0)
        var inComment = false
        var scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars[...]
        // libyaml's reader drops a byte-order mark before counting columns.
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var previous: Unicode.Scalar?
        for scalar in scalars {
            defer { previous = scalar }
            // A line break as libyaml counts them: "\r\n" is one.
            if scalar == "\n" && previous == "\r" { continue }
            if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) {
                position = Position(line: position.line + 1, column: 0)
                inComment = false
                continue
            }
            if scalar == "#" && !inComment && position < scanned && !tokens.contains(where: { $0.start <= position && position < $0.end }) {
                inComment = true
                found.append(position.line + 1)
            }
            position.column += 1
        }
        if found.first == 1 && hasHeader { found.removeFirst() }
        return found
    }

    /// A place in the file as libyaml marks it: 0-based line and column (in characters).
    struct Position: Comparable {
        var line: Int
        var column: Int

        static func < (a: Position, b: Position) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// Where each token the scanner reads starts and ends, up to the end of the stream or the first
    /// error.
    private static func tokenSpans(_ bytes: [UInt8]) -> [(start: Position, end: Position)] {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var spans: [(start: Position, end: Position)] = []
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var token = yaml_token_t()
            while yaml_parser_scan(&parser, &token) == 1 {
                let ended = token.type == YAML_STREAM_END_TOKEN
                spans.append((Position(token.start_mark), Position(token.end_mark)))
                yaml_token_delete(&token)
                if ended { break }
            }
        }
        return spans
    }
}

private extension CaseFileComments.Position {
    init(_ mark: yaml_mark_t) { self.init(line: Int(mark.line), column: Int(mark.column)) }
}
