import Foundation

/// The bundled demo cases are copied once into the user's data directory and opened from there, so
/// trying banli never modifies files in the repository.
enum DemoStore {
    static func writableCopy(of source: String, environment: [String: String]) throws -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        let target = dataHome + "/banli/demo"
        let manager = FileManager.default
        if manager.fileExists(atPath: target) { return target }
        try manager.createDirectory(atPath: dataHome + "/banli", withIntermediateDirectories: true)
        // Copy into a temporary sibling, then rename: a half-made copy is never taken for the demo.
        let staging = target + ".partial-\(getpid())"
        try? manager.removeItem(atPath: staging)
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source) where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
            try manager.copyItem(atPath: source + "/" + name, toPath: staging + "/" + name)
        }
        try manager.moveItem(atPath: staging, toPath: target)
        return target
    }
}
