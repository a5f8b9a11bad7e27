import Foundation
import Model

/// The bundled demo cases are copied once into the user's data directory and opened from there, so
/// trying banli never modifies files in the repository or the installed `share/banli/`.
enum DemoStore {
    /// The writable copy of the demo store at `source`: made on first use (the case files and the
    /// store's marker), and returned as it is afterwards.
    /// - Throws: `StoreError` naming the file that could not be read or written.
    static func writableCopy(of source: String, environment: [String: String]) throws(StoreError) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        let target = dataHome + "/banli/demo"
        if FileSystem.exists(target) {
            // A copy made before stores carried a marker gets one: it is banli's own copy of the demo.
            _ = try CaseStore.initialize(target)
            return target
        }
        try FileSystem.makeDirectories(dataHome + "/banli")
        // Copy into a temporary sibling, then rename: a half-made copy is never taken for the demo.
        let staging = target + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try FileSystem.makeDirectories(staging)
        let caseFiles = (try? FileManager.default.contentsOfDirectory(atPath: source))?.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }
        for name in [StoreMarker.fileName] + (caseFiles ?? []) {
            try FileSystem.writeAtomically(try FileSystem.read(source + "/" + name, limit: .caseFile(mebibytes: ReadLimit.defaultCaseFileMebibytes)), to: staging + "/" + name)
        }
        guard rename(staging, target) == 0 else { throw StoreError.io(path: target, operation: "创建", errno: errno) }
        return target
    }
}
