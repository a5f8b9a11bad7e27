import Foundation

/// Where the shipped defaults (`config/banli.yaml`) and the demo store (`demo/store`) are: found by
/// walking up from the executable (`.build/debug/banli` sits inside the checkout), or named by
/// `BANLI_HOME`.
struct Resources {
    var root: String

    var defaultConfiguration: String { root + "/config/banli.yaml" }
    var demoStore: String { root + "/demo/store" }

    enum LocateError: Error, CustomStringConvertible {
        case notFound(searched: [String])
        var description: String {
            if case .notFound(let searched) = self {
                return "找不到默认配置 config/banli.yaml（已查找：\(searched.joined(separator: "、"))），请设置 BANLI_HOME 为 banli 源码目录"
            }
            return ""
        }
    }

    static func locate() throws -> Resources {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["BANLI_HOME"], !home.isEmpty { candidates.append(home) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() { directory = executable.deletingLastPathComponent() }
        while directory.path != "/" {
            candidates.append(directory.path)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/config/banli.yaml") {
            return Resources(root: candidate)
        }
        throw LocateError.notFound(searched: Array(candidates.prefix(3)))
    }
}
