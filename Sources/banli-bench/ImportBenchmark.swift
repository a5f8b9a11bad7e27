import Foundation
import Model

/// `banli-bench --import-list FILE` (`measure`): how long an assignment list takes to import — the workbook
/// read and every row judged (`AssignmentImport`, in this process), and the whole `banli import`
/// command (a new store, one atomic write per case) as a clerk runs it. FILE is a workbook made by
/// `scripts/make-import-fixtures --rows 5000 FILE` (LibreOffice Calc's own file).
enum ImportBenchmark {
    static func measure(list: String, banli: String, configuration: Configuration, today: LocalDate) throws {
        var plan: AssignmentImport?
        var read: AssignmentFile?
        let reading = try seconds { read = try AssignmentFile(path: list) }
        guard let read else { return }
        let judging = try seconds {
            let file = read
            let mapping = try ColumnMapping(table: file.table, names: ColumnNames(configured: configuration.importColumns))
            let settings = AssignmentImport.Settings(kind: "提案", meeting: "6-5", configuration: configuration, today: today, user: "bench",
                                                     time: "2026-11-29T09:00:00+08:00")
            plan = try AssignmentImport(file: file, mapping: mapping, settings: settings, store: [])
        }
        guard let plan else { return }
        let directory = NSTemporaryDirectory() + "banli-bench-import-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try CaseStore.create(at: directory, vocabulary: configuration.vocabulary)
        let command = seconds {
            run(banli, ["--store", directory, "import", list, "--kind", "提案", "--meeting", "6-5"])
        }
        let created = try FileManager.default.contentsOfDirectory(atPath: directory).count { $0.hasSuffix(".yaml") }
        print(String(format: "import: %d rows read in %.2f s, judged in %.2f s; banli import created %d cases in %.2f s", plan.rows.count,
                     reading, judging, created, command))
    }
}
