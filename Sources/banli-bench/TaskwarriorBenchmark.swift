import Foundation
import Model

/// `banli list` beside taskwarrior's `task list` on as many tasks as the store has cases, timed in
/// the same run (issue 17's yardstick: `banli list` at most 0.1× `task list` at 10,000).
///
/// The tasks are made once from the store's cases — the title as the description, the deadline as
/// the due date, the topic as the project, the kind as a tag — and imported with `task import` into
/// a data directory beside the store, `DIR/.banli/bench-taskwarrior/` (its own `taskrc`: no
/// confirmation, no messages, no colour, 100 columns), and reused while the store has as many cases.
enum TaskwarriorBenchmark {
    struct Timings {
        var tasks: Int
        /// Wall seconds of each run, in the order run (alternating with the other program).
        var task: [Double], banli: [Double]
    }

    /// Runs of each program, alternating.
    static let runs = 5
    /// Bumped whenever the tasks made change, so that a kept data set is made again.
    static let dataSetVersion = 1

    /// `task` on PATH, or nil.
    static func taskExecutable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/task" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Makes the data set if need be, then times `task list` and `banli list` alternately (output to
    /// /dev/null); nil when `task` is not installed.
    /// - Throws: when the data set cannot be written or `task import` fails.
    static func measure(store directory: String, summaries: [CaseSummary], banli: String,
                        environment: [String: String]) throws -> Timings? {
        guard let task = taskExecutable() else { return nil }
        let home = directory + "/.banli/bench-taskwarrior"
        let taskEnvironment = ["TASKRC": home + "/taskrc", "TASKDATA": home + "/data"]
        let marker = home + "/made", markerText = "banli-bench taskwarrior \(dataSetVersion), \(summaries.count) tasks\n"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) != markerText {
            try? FileManager.default.removeItem(atPath: home)
            try FileManager.default.createDirectory(atPath: home + "/data", withIntermediateDirectories: true)
            try "data.location=\(home)/data\nconfirmation=no\nverbose=nothing\ncolor=off\ndefaultwidth=100\n"
                .write(toFile: home + "/taskrc", atomically: true, encoding: .utf8)
            try Data(tasksJSON(summaries).utf8).write(to: URL(fileURLWithPath: home + "/tasks.json"))
            let status = run(task, ["import", home + "/tasks.json"], environment: taskEnvironment)
            guard status == 0 else { throw BenchmarkFailure("task import exited with status \(status)") }
            try markerText.write(toFile: marker, atomically: true, encoding: .utf8)
        }
        var timings = Timings(tasks: summaries.count, task: [], banli: [])
        for _ in 0..<runs {
            timings.task.append(seconds { run(task, ["list"], environment: taskEnvironment) })
            timings.banli.append(seconds { run(banli, ["list", "--store", directory], environment: environment) })
        }
        return timings
    }

    /// One JSON object per line, as `task import` reads them.
    static func tasksJSON(_ summaries: [CaseSummary]) -> String {
        func date(_ d: LocalDate) -> String { String(format: "%04d%02d%02dT000000Z", d.year, d.month, d.day) }
        func quoted(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
        return summaries.enumerated().map { i, s in
            var fields = ["\"uuid\":\"00000000-0000-4000-8000-\(String(format: "%012x", i + 1))\"", "\"status\":\"pending\"",
                          "\"entry\":\"\(date(s.assignedOn ?? LocalDate(year: 2026, month: 4, day: 1)!))\"",
                          "\"description\":\(quoted(s.title))", "\"tags\":[\(quoted(s.kind.rawValue))]"]
            if let due = s.deadline { fields.append("\"due\":\"\(date(due))\"") }
            if !s.topic.isEmpty { fields.append("\"project\":\(quoted(s.topic))") }
            return "{" + fields.joined(separator: ",") + "}\n"
        }.joined()
    }
}

/// The benchmark could not set up what it measures.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
