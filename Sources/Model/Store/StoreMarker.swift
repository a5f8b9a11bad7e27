import Foundation

/// The file that makes a directory a store: `.banli-store` at its top, written by `banli init`.
/// It sits beside the case files, not in `.banli/` (local caches, which a store kept in git leaves
/// out), so it travels with every copy of the store; its name starts with `.` and does not end in
/// `.yaml`, so it is never taken for a case. Every command but `init` refuses a directory without it:
/// a mistyped `--store` then says so instead of looking like an empty store.
public enum StoreMarker {
    /// The marker's file name.
    public static let fileName = ".banli-store"

    /// The store format this banli reads and writes. A store marked with a later one was written by
    /// a newer banli and is refused rather than misread.
    public static let format = 1

    /// What `banli init` writes: comments saying what the file is, and the format line.
    public static var text: String { text(profile: nil) }

    /// The marker naming `profile`, the office profile （版式） the store's documents are laid out
    /// with unless a case names another: `profile: NAME` after the format line. A marker without
    /// one (every marker before profiles) leaves the choice to the configuration.
    public static func text(profile: String?) -> String {
        """
        # banli 案件库标记 (banli case store marker)
        # 有此文件的目录是 banli 案件库：目录中的 *.yaml 是案件文件。请随案件一同保留，勿删除。
        # The *.yaml files beside this file are banli case files; banli opens only a directory that holds it.
        format: \(format)

        """ + (profile.map { "\(profileKey) \($0)\n" } ?? "")
    }

    /// The line that names the store's profile starts with this.
    static let profileKey = "profile:"

    /// The profile the marker in `directory` names, or nil when it names none.
    /// - Throws: what reading the marker throws (`StoreError.io`, `.tooLarge`, `.notARegularFile`).
    public static func profile(in directory: String) throws(StoreError) -> String? {
        let text = String(decoding: try FileSystem.read(path(in: directory), limit: .smallFile), as: UTF8.self)
        let named = text.split(whereSeparator: \.isNewline).last { $0.hasPrefix(profileKey) }
        let name = named.map { $0.dropFirst(profileKey.count).trimmingCharacters(in: .whitespaces) } ?? ""
        return name.isEmpty ? nil : name
    }

    /// The marker's path in `directory`.
    public static func path(in directory: String) -> String { directory + "/" + fileName }

    /// Whether `directory` holds a marker at all (whatever its format, and whatever kind of file:
    /// a named pipe or a link there is a marker that `check` refuses by what it is, not an absence).
    public static func isPresent(in directory: String) -> Bool {
        FileSystem.exists(path(in: directory))
    }

    /// Checks that `directory` (an existing directory) is a store this banli can open.
    /// - Throws: `StoreError.notAStore` without a marker, `.unsupportedStoreFormat` for a marker of a
    ///   later format, `.notARegularFile` or `.tooLarge` for a marker banli does not read (a named
    ///   pipe, a device, a link, an oversize file), `.io` when the marker cannot be read.
    static func check(_ directory: String) throws(StoreError) {
        let markerPath = path(in: directory)
        guard isPresent(in: directory) else { throw StoreError.notAStore(path: directory) }
        let text = String(decoding: try FileSystem.read(markerPath, limit: .smallFile), as: UTF8.self)
        // A marker edited by hand without a format line is still a marker: only a later format is refused.
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("format:") {
            let value = line.dropFirst("format:".count).trimmingCharacters(in: .whitespaces)
            if let found = Int(value), found > format {
                throw StoreError.unsupportedStoreFormat(path: directory, found: found, supported: format)
            }
        }
    }

    /// Writes the marker into `directory`, naming `profile` when given.
    static func write(in directory: String, profile: String? = nil) throws(StoreError) {
        try FileSystem.writeAtomically(Array(text(profile: profile).utf8), to: path(in: directory))
    }

    /// Makes the marker in `directory` name `profile`: its other lines (a hand-written comment, the
    /// format) are kept, an earlier profile line replaced.
    static func setProfile(_ profile: String, in directory: String) throws(StoreError) {
        let text = String(decoding: try FileSystem.read(path(in: directory), limit: .smallFile), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(profileKey) }
        if lines.last == "" { lines.removeLast() }
        let updated = lines.joined(separator: "\n") + "\n\(profileKey) \(profile)\n"
        try FileSystem.writeAtomically(Array(updated.utf8), to: path(in: directory))
    }
}
