import Foundation

/// The profile's font fallbacks as fontconfig aliases, for LibreOffice on Linux: LibreOffice reads
/// a Word file's font names but not its fallbacks (`w:altName`), and fontconfig alone would stand
/// in its default face — a sans-serif one — for every missing government font. With these
/// aliases a missing 仿宋_GB2312 becomes the next installed font of its list (Noto Serif CJK SC
/// where only `fonts-noto-cjk` is installed), 黑体 a sans-serif one, as the profile says.
public struct FontSubstitution: Sendable {
    /// The fonts whose fallbacks are written.
    public let fonts: DocumentFonts

    public init(fonts: DocumentFonts) {
        self.fonts = fonts
    }

    /// The system's fontconfig file, included first so that every installed font and rule stays.
    public static let systemConfiguration = "/etc/fonts/fonts.conf"

    /// A fontconfig file: the system's configuration (`base`), then per font of every role an
    /// alias preferring the rest of its list, in order.
    public func configuration(including base: String = FontSubstitution.systemConfiguration) -> String {
        var aliases = "", seen: Set<String> = []
        for names in fonts.all {
            for (i, name) in names.enumerated() where i + 1 < names.count && seen.insert(name).inserted {
                aliases += "  <alias binding=\"same\"><family>\(MarkupText.escaped(name))</family><prefer>"
                    + names[(i + 1)...].map { "<family>\(MarkupText.escaped($0))</family>" }.joined() + "</prefer></alias>\n"
            }
        }
        return """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">\(MarkupText.escaped(base))</include>
            \(aliases)</fontconfig>

            """
    }

    /// The environment for a converter run with the aliases written to `path`: `FONTCONFIG_FILE`
    /// naming it, including the configuration in use (`FONTCONFIG_FILE` when set, else the
    /// system's). Nil where there is no fontconfig configuration to build on (macOS, Windows).
    /// - Throws: `StoreError` when the file cannot be written.
    public func environment(writingTo path: String,
                            inherited: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> [String: String]? {
        let base = inherited["FONTCONFIG_FILE"] ?? Self.systemConfiguration
        guard FileManager.default.fileExists(atPath: base) else { return nil }
        try FileSystem.writeAtomically(Array(configuration(including: base).utf8), to: path)
        return inherited.merging(["FONTCONFIG_FILE": path]) { $1 }
    }
}
