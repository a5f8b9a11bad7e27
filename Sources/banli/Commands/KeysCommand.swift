import ArgumentParser
import Foundation
import TUI

/// `banli keys`: 按键测试. Shows each key as banli receives it from the terminal, one a line, newest
/// at the bottom, with the name a key binding would use; users run it to see what their terminal
/// sends before rebinding keys, and the end-to-end tests read decoding off it.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "按键测试：逐行显示 banli 收到的每个按键及其配置名，按 q 退出 (show each key banli receives).")

    func run() throws {
        let terminal = try openTerminal(useColor: false)
        var log = KeyLog()
        while true {
            terminal.present(log.render(width: terminal.width, height: terminal.height), cursor: nil)
            switch terminal.nextEvent(timeoutMilliseconds: -1) {
            case nil, .ending: return
            case .key(.character("q")): return
            case .key(let key): log.add(key.label, key.name ?? "无法绑定")
            case .paste(let text): log.add("粘贴 \(text.count) 字", "")
            case .resize, .idle: break
            }
        }
    }
}

/// The lines `banli keys` shows: the most recent keys, and how many have arrived.
struct KeyLog {
    private(set) var lines: [(label: String, name: String)] = []
    private(set) var count = 0
    /// Enough for the tallest window; older lines are dropped.
    static let kept = 500

    mutating func add(_ label: String, _ name: String) {
        lines.append((label, name))
        count += 1
        if lines.count > KeyLog.kept { lines.removeFirst(lines.count - KeyLog.kept) }
    }

    /// The title bar, then one key a line up to the bottom row: the label in a column of 18, then
    /// the name (at least two spaces apart, so a reader can split the two).
    func render(width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        buffer.fill(y: 0, style: .title)
        buffer.put("banli 按键测试 · 已收到 \(count) 个 · 按 q 退出", x: 0, y: 0, style: .title)
        let rows = max(0, height - 1)
        for (row, line) in lines.suffix(rows).enumerated() {
            let column = buffer.put(line.label, x: 0, y: row + 1)
            buffer.put(line.name, x: max(18, column + 2), y: row + 1, style: .muted)
        }
        return buffer
    }
}
