import Glibc

/// Builds the configuration from the shipped defaults and, over them, the user's file.
public enum ConfigurationLoader {
    /// The user's file: `$XDG_CONFIG_HOME/banli/config.yaml`, or `~/.config/banli/config.yaml`.
    public static func userConfigPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/banli/config.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/banli/config.yaml"
    }

    /// Reads `defaultsPath`, then `userPath` over it. A missing user file is fine unless `required`
    /// (it was named with `--config`). Nothing is returned unless both files are valid.
    public static func load(defaultsPath: String, userPath: String?, userFileRequired: Bool = false)
        throws(DataFileError) -> Configuration {
        let defaults = try ConfigurationDecoder(path: defaultsPath).decode(try read(defaultsPath), over: nil)
        guard let userPath else { return defaults }
        guard FileSystem.exists(userPath) || userFileRequired else { return defaults }
        return try ConfigurationDecoder(path: userPath).decode(try read(userPath), over: defaults)
    }

    private static func read(_ path: String) throws(DataFileError) -> [UInt8] {
        do {
            // The user's file may be a link (dotfiles kept elsewhere often are); a pipe or a device is not read.
            return try FileSystem.read(path, limit: .configuration, followingLinks: true)
        } catch {
            throw DataFileError(path: path, unreadable: error)
        }
    }
}
