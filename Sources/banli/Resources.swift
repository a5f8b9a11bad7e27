import Foundation

/// Where the shipped defaults (`config/banli.yaml`) and the demo store (`demo/store`) are, found from
/// the executable itself (symbolic links resolved), so banli needs no environment variable wherever
/// it is run from:
/// - installed by `scripts/install PREFIX`: `PREFIX/bin/banli` beside `PREFIX/share/banli/`, which
///   holds `config/` and `demo/`;
/// - in the checkout (`swift run`, `.build/debug/banli`): the first directory above the executable
///   that holds `config/banli.yaml`.
struct Resources {
    /// The directory that holds `config/` and `demo/`.
    var root: String

    var defaultConfiguration: String { root + "/config/banli.yaml" }
    var demoStore: String { root + "/demo/store" }

    /// The shipped defaults were not where an installed or a built banli has them.
    struct NotFound: Error, CustomStringConvertible {
        var executable: String
        var description: String {
            "找不到默认配置 config/banli.yaml（banli 位于 \(executable)，应在其上级的 share/banli/ 或源码目录中）。"
                + "请用 scripts/install PREFIX 安装，或在源码目录中用 swift run banli 运行"
        }
    }

    static func locate() throws -> Resources {
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let directory = executable.deletingLastPathComponent()
        var candidates = [directory.deletingLastPathComponent().path + "/share/banli"]
        var above = directory
        while above.path != "/" {
            candidates.append(above.path)
            above = above.deletingLastPathComponent()
        }
        guard let root = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/config/banli.yaml") }) else {
            throw NotFound(executable: executable.path)
        }
        return Resources(root: root)
    }
}
