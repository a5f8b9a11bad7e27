import ArgumentParser
import Model

extension OutputFile {
    /// The format a command writes `output` in (`-o`): `chosen` (`--format`), else the one the file
    /// name's extension names, else `fallback`.
    /// - Throws: `ValidationError` when the extension names a format other than the one chosen.
    static func format<Format: FileFormat>(_ chosen: Format?, for output: String?, default fallback: Format) throws -> Format {
        let format = chosen ?? output.flatMap(Format.init(fileName:)) ?? fallback
        if let output, let mismatch = format.mismatch(with: output) {
            throw ValidationError("\(mismatch)（改 -o 的扩展名，或去掉 --format 由扩展名决定）")
        }
        return format
    }
}
