/// Why the full-screen UI cannot run where banli was started. `description` is the one line banli
/// prints before it exits: what is wrong, in the user's terms, and what to do instead.
public enum TerminalUnavailable: Error, Equatable, CustomStringConvertible {
    /// There is no controlling terminal (`/dev/tty` cannot be opened: a cron job, `setsid`).
    case noControllingTerminal
    /// The locale the environment names is not installed; `setting` is how it was named (`LANG=zh_CN.UTF-8`).
    case localeMissing(setting: String)
    /// The locale's character set is not UTF-8; `setting` as above, nil when no variable is set.
    case localeNotUTF8(setting: String?)
    /// `TERM` is unset or empty.
    case noTerminalType
    /// terminfo has no entry for the terminal type (or no database at all).
    case unknownTerminalType(String)
    /// The terminal type cannot address the cursor: `dumb`, a hardcopy or generic type.
    case notFullScreen(String)
    /// ncurses refused to start on the terminal for a reason terminfo did not show.
    case cannotStart(String)

    private static let instead = "请设置 TERM（如 xterm-256color），或用 banli list"

    public var description: String {
        switch self {
        case .noControllingTerminal:
            return "banli：没有控制终端，无法打开全屏界面；请在终端中运行，或用 banli list"
        case .localeMissing(let setting):
            return "banli：本机没有安装所设的语言环境（\(setting)），无法显示中文；请设置 LANG=C.UTF-8，或安装该语言环境"
        case .localeNotUTF8(let setting):
            return "banli：当前语言环境不是 UTF-8（\(setting ?? "未设置 LANG")），无法显示中文；请设置 LANG=C.UTF-8 或 zh_CN.UTF-8"
        case .noTerminalType:
            return "banli：未设置终端类型 TERM，无法打开全屏界面；" + TerminalUnavailable.instead
        case .unknownTerminalType(let name):
            return "banli：terminfo 中没有终端类型“\(name)”，无法打开全屏界面；" + TerminalUnavailable.instead
        case .notFullScreen(let name):
            return "banli：终端类型“\(name)”不支持全屏界面；" + TerminalUnavailable.instead
        case .cannotStart(let name):
            return "banli：无法在终端类型“\(name)”上打开全屏界面；" + TerminalUnavailable.instead
        }
    }

    /// The variable that decides the character set, as C does (LC_ALL, then LC_CTYPE, then LANG),
    /// written `LANG=C`; nil when none is set.
    static func localeSetting(environment: [String: String]) -> String? {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[name], !value.isEmpty { return "\(name)=\(value)" }
        }
        return nil
    }
}
