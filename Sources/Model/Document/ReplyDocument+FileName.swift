import Foundation

extension ReplyDocument {
    /// The longest file name suggested, in UTF-8 bytes. ext4 (and most Linux file systems) allow 255
    /// bytes in a name; an atomic write first writes `.NAME.tmp-PID-RANDOM` beside it, up to 24 bytes
    /// longer (`FileSystem.writeAtomically`), and a name of 200 bytes (some 60 Chinese characters)
    /// is already longer than anyone reads.
    public static let fileNameLimit = 200

    /// The file name the document is suggested under: `<ID> <title>.<ext>`, the title as the
    /// document prints it (a two-line title joined into one), made safe for a file name by
    /// `fileNameText` and cut at a character to keep the name within `fileNameLimit` bytes
    /// (`zx5-2-090 关于青浦区政协第五届委员会第二次会议第090号提案的办理意见.docx`). With no title, the ID
    /// alone.
    public func suggestedFileName(as format: ExportFormat) -> String {
        let title = blocks.title
        let stem = c.id.description, ext = "." + format.fileExtension
        var room = Self.fileNameLimit - stem.utf8.count - ext.utf8.count - 1
        var kept = ""
        for character in Self.fileNameText(title) {
            room -= character.utf8.count
            guard room >= 0 else { break }
            kept.append(character)
        }
        kept = kept.trimmingCharacters(in: .whitespaces)
        return (kept.isEmpty ? stem : stem + " " + kept) + ext
    }

    /// `text` as part of a file name: line breaks and other control and format characters dropped
    /// (`UntrustedText`), and the characters a Windows disk refuses in a name — `/` above all, which
    /// no Unix name may hold, and `\ : * ? " < > |` — in their full-width forms (`／` `：` `？`…), as
    /// Chinese text writes them anyway, so that an exported file can be copied to a colleague's
    /// Windows machine as it is.
    public static func fileNameText(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isNewline).joined()
        var out = String.UnicodeScalarView()
        for scalar in UntrustedText.inert(oneLine).unicodeScalars {
            switch scalar {
            case "\u{FFFD}": continue
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|": out.append(Unicode.Scalar(scalar.value + 0xFEE0)!)
            default: out.append(scalar)
            }
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }
}
