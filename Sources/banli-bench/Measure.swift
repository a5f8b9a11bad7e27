import Foundation
import Glibc
import Model
import TUI

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func milliseconds(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

/// Runs a program to its end, its output thrown away; returns its exit status.
@discardableResult
func run(_ program: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    try! process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

func peakMemoryMiB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

/// RssFile from /proc/self/status: resident pages of mapped files.
func mappedFileMiB() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("RssFile:") } ?? ""
    return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
}

/// Opening the store in the terminal UI, in a process of its own so that its peak memory is the
/// UI's alone: `banli-bench --first-frame DIR` opens DIR as banli does, draws the first frame into an
/// in-memory 80×24 terminal and says so; then waits until search is ready, searches the text, and
/// says so again.
enum FirstFrame {
    struct Measurement {
        /// From starting the process to the first frame drawn.
        var time: Double
        var peakMiB: Int
        var searchPeakMiB: Int
        /// Of the memory in use after the search, the pages of mapped files (the text cache): the
        /// kernel's page cache, shared and dropped under pressure, not memory banli allocated.
        var searchFileMiB: Int
    }

    static func run(directory: String, configuration: Configuration, today: LocalDate) throws {
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let runner = AppRunner(terminal: terminal, listing: try store.list(), configuration: configuration,
                               keymap: try Keymap(configuration.keyBindings),
                               workspace: Workspace(store: store, user: "bench", clock: .system, environment: [:]), storeName: "bench",
                               loadText: { Result { () throws(StoreError) in try store.textIndex() } })
        runner.run()
        // Written straight to the pipe: print's buffer would hold it until the process ends.
        FileHandle.standardOutput.write(Data("frame \(peakMemoryMiB())\n".utf8))
        // Search ready, then its index of character pairs built (on another thread, as in banli); then
        // a query found nowhere.
        terminal.send(keys: [.character("/"), .escape])
        runner.run()
        runner.waitForPairIndex()
        terminal.send(keys: [.character("/")] + "不存在的词".map { .character($0) })
        runner.run()
        guard runner.state.screen(SearchPrompt.self)?.isSearching == false else { fatalError("the search did not finish") }
        print("search \(peakMemoryMiB()) \(mappedFileMiB())")
    }

    static func measure(directory: String) -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--first-frame", directory]
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = DispatchTime.now().uptimeNanoseconds
        try! process.run()
        let output = pipe.fileHandleForReading
        var text = ""
        var time = 0.0
        while let chunk = try? output.read(upToCount: 1), !chunk.isEmpty {
            text += String(decoding: chunk, as: UTF8.self)
            if time == 0 && text.hasSuffix("\n") { time = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        }
        process.waitUntilExit()
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 3 else { fatalError("banli-bench --first-frame failed: \(text)") }
        return Measurement(time: time, peakMiB: numbers[0], searchPeakMiB: numbers[1], searchFileMiB: numbers[2])
    }
}
