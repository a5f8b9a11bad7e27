// banli-bench: generates a store of realistic cases (or reuses one) and measures what a user waits
// for. Not a test: figures go into the README. Run after a release build of both products:
//   swift build -c release && .build/release/banli-bench [--cases N] [--keep DIR]
//   With taskwarrior installed (`task` on PATH), `banli list` is timed beside `task list` on as many tasks.
//   .build/release/banli-bench --sync [--cases N] [--changed 100] [--no-auto-gc] [--keep DIR]: sharing the store through
//   git (publish, clone, sync of N changed cases each way, merges); see SyncBenchmark.
//   .build/release/banli-bench --import-list FILE.xlsx  (FILE from scripts/make-import-fixtures --rows 5000 FILE.xlsx)
// --keep DIR keeps the store in DIR and reuses it on the next run with the same N.
import Foundation
import Glibc
import Model
import TUI

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let executable = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath()
var repository = executable.deletingLastPathComponent()
while repository.path != "/" && !FileManager.default.fileExists(atPath: repository.path + "/config/banli.yaml") {
    repository.deleteLastPathComponent()
}
let configuration = try ConfigurationLoader.load(defaultsPath: repository.path + "/config/banli.yaml", userPath: nil)
let today = LocalDate(year: 2026, month: 11, day: 29)!

if let list = option("--import-list") {
    try ImportBenchmark.measure(list: list, banli: executable.deletingLastPathComponent().path + "/banli", configuration: configuration, today: today)
    exit(0)
}

if let directory = option("--first-frame") {
    try FirstFrame.run(directory: directory, configuration: configuration, today: today)
    exit(0)
}

let count = option("--cases").flatMap(Int.init) ?? 10_000
let directory = option("--keep") ?? NSTemporaryDirectory() + "banli-bench-\(getpid())"
let banli = executable.deletingLastPathComponent().path + "/banli"
guard FileManager.default.isExecutableFile(atPath: banli) else {
    print("banli-bench: \(banli) is missing: build both products first (swift build -c release)")
    exit(1)
}

// The store, generated unless --keep names one made by this generator with as many cases.
let generate = try BenchStore.prepare(count: count, directory: directory, configuration: configuration)
if arguments.contains("--sync") {
    let sync = SyncBenchmark(banli: banli, count: count, changed: option("--changed").flatMap(Int.init) ?? 100,
                             store: directory, configuration: configuration)
    try sync.measure(work: NSTemporaryDirectory() + "banli-bench-sync-\(getpid())")
    if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
    exit(0)
}
let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
let indexPath = directory + "/.banli/index.tsv", textCachePath = directory + "/.banli/text.tsv"
let bytes = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.reduce(0) {
    $0 + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + $1)[.size] as? Int) ?? 0)
}

// The cost of merely reading the store: `cat` of every case file (the files are in the page cache,
// as they are for every measurement below; the better of two runs).
let cat = (0..<2).map { _ in
    seconds { run("/bin/sh", ["-c", "find . -maxdepth 1 -name '*.yaml' -print0 | xargs -0 cat > /dev/null"], in: directory) }
}.min()!

// Start to first frame, in a new process each time: with no index (the first open of a store), then
// with the index, three times.
try? FileManager.default.removeItem(atPath: indexPath)
try? FileManager.default.removeItem(atPath: textCachePath)
let coldFrame = FirstFrame.measure(directory: directory)
let warmFrames = (0..<3).map { _ in FirstFrame.measure(directory: directory) }

// The command line, on the indexed store (and the text cache the runs above built).
let environment = ["XDG_CONFIG_HOME": directory + "/.banli/no-config", "COLUMNS": "100"]
let list = (0..<2).map { _ in seconds { run(banli, ["list", "--store", directory], environment: environment) } }
let stats = (0..<2).map { _ in seconds { run(banli, ["stats", "--store", directory], environment: environment) } }

var listing = try store.list()
let taskwarrior = try TaskwarriorBenchmark.measure(store: directory, summaries: listing.summaries, banli: banli, environment: environment)
let warm = try seconds { listing = try store.list() }
var table: [String] = []
let render = seconds {
    var t = TextTable(columns: [.init("编号"), .init("类型"), .init("标题", shrinks: true), .init("期限"), .init("状态")])
    for s in listing.summaries {
        t.add([s.id.description, s.kind.rawValue, s.title,
               DeadlineStatus(s, today: today, workflow: configuration.workflow, warnDays: 7).label, s.status])
    }
    table = t.render(maxWidth: 80)
}
var textIndex: TextIndex?
let textWarm = try seconds { textIndex = try store.textIndex() }
// The index of character pairs, built after search is ready (on another thread in banli).
textIndex!.indexPairs()
let textCacheBytes = (try? FileManager.default.attributesOfItem(atPath: textCachePath)[.size] as? Int) ?? 0
for i in stride(from: 0, to: count, by: max(1, count / 100)) {
    var c = try store.load(listing.summaries[i].id)
    c.value.topic = c.value.topic == "已修改" ? "又修改" : "已修改"
    try store.save(c.value, replacing: c.revision)
}
var partial = 0
let changed = try seconds { partial = try store.list().parsedCount }
let textChanged = try seconds { _ = try store.textIndex() }
var loaded: StoredCase?
let loadOne = try seconds { loaded = try store.load(listing.summaries[count / 2].id) }
let saveOne = try seconds { _ = try store.save(loaded!.value, replacing: loaded!.revision) }
let searchReady = try seconds { _ = CaseSearch(listing.summaries, text: try store.textIndex()) }

// The terminal UI on the same store, drawn into an in-memory terminal at 80×24 that times each key
// from reading it to the frame showing it. As in banli, the text for search loads on another thread
// after the first frame.
let terminal = TimingTerminal()
let runner = AppRunner(terminal: terminal, listing: try store.list(), configuration: configuration,
                       keymap: try Keymap(configuration.keyBindings),
                       workspace: Workspace(store: store, user: "bench", clock: .system, environment: [:]), storeName: "bench",
                       loadText: { [store] in Result { () throws(StoreError) in try store.textIndex() } })
runner.run()
struct KeyTimes {
    /// Key to the frame showing it: the mean and the slowest key.
    var mean: Double, slowest: Double
    /// Key to its last frame: for a search, the frame with the result once every case is read.
    var slowestDone: Double
}
/// Keys typed fast (each read as soon as the last frame is drawn), or `alone`: each key sent after
/// the app has finished with the one before, as when typing slowly.
@MainActor func time(_ keys: [Key], alone: Bool = false) -> KeyTimes {
    terminal.reset()
    if alone {
        for key in keys {
            terminal.send(keys: [key])
            runner.run()
        }
    } else {
        terminal.send(keys: keys)
        runner.run()
    }
    let first = terminal.toFirstFrame
    return KeyTimes(mean: first.reduce(0, +) / Double(first.count), slowest: first.max()!, slowestDone: terminal.toLastFrame.max()!)
}
func typing(_ query: String) -> [Key] { [.character("/")] + query.map { .character($0) } + [.escape] }
let moving = time(Array(repeating: .character("j"), count: 500) + Array(repeating: .pageDown, count: 100))
let movingAlone = time(Array(repeating: .character("j"), count: 50) + Array(repeating: .pageDown, count: 10), alone: true)
// The first search waits for the text if it is still loading: that wait is measured above ("search
// ready"), not here.
terminal.send(keys: [.character("/"), .escape])
runner.run()
// The searches below are timed with the index of character pairs, which banli builds on another
// thread once search is ready ("pair index" below).
runner.waitForPairIndex()
// Title words, text words, no hit (不存: two common characters rarely together), a rare first
// character; then two characters rarely together alone, words found only in titles, and a long query
// whose every adjacent pair is in one common sentence though the whole is nowhere.
let queries = ["养老服务设施", "加装电梯", "不存在的词", "殡葬", "不存", "工作的建议", "群众的获得感不断增强"]
let typedFast = queries.map { time(typing($0)) }
let typedAlone = queries.map { time(typing($0), alone: true) }
// Saving a reply from the form: the file written (atomic, fsync), the list updated, the frame drawn.
// Only a reply that is not signed or sent can be edited (a locked one would measure a refusal).
let editable = try store.list().summaries.filter { $0.hasReply && !configuration.workflow.locksReply($0.status) }
terminal.send(keys: typing(editable.first!.id.description).dropLast() + [.enter, .character("r"), .character("。")])
runner.run()
let formSave = time([.control("s")]).slowest

// The reply form: a case whose first section holds 5,000 characters is opened in the form, the
// caret moved into the middle of that section, and each keystroke typed there is inserted, the whole
// form laid out and the frame drawn at 80×24, as when a clerk types.
var long = try store.load(editable.last!.id)
long.value.reply.sections[0].text = String(String(repeating: CaseGenerator.rareSentence, count: 250).prefix(5000))
_ = try store.save(long.value, replacing: long.revision)
terminal.send(keys: [.escape] + typing(long.value.id.description).dropLast() + [.enter, .character("r"), .tab, .tab]
              + Array(repeating: .down, count: 40))
runner.run()
let typed = Array("我局将进一步加强社区养老服务设施建设，")
let keystrokes = 500
let formKey = time((0..<keystrokes).map { .character(typed[$0 % typed.count]) }).mean
guard let section = runner.state.form?.focused, section.role == .body(0), section.editor.characterCount > 5000 else {
    fatalError("the reply form did not open on the long section; the typing figure would be meaningless")
}
terminal.send(keys: [.escape, .character("3"), .character("y")])
runner.run()

func ratio(_ s: Double) -> String { String(format: "%.1f× cat", s / cat) }
func range(_ values: [Double]) -> String {
    let low = milliseconds(values.min()!), high = milliseconds(values.max()!)
    return low == high ? low : "\(low)–\(high)"
}
print("banli-bench: \(count) cases, \(bytes / 1024 / 1024) MiB of case files, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("generate store:                   \(generate.map { String(format: "%.1f s", $0) } ?? "reused \(directory)")")
print("cat every case file:              \(milliseconds(cat))")
print("start to first frame, no index:   \(milliseconds(coldFrame.time))  (\(ratio(coldFrame.time)))  peak memory \(coldFrame.peakMiB) MiB")
print("start to first frame, index:      \(range(warmFrames.map(\.time)))  (\(ratio(warmFrames.map(\.time).min()!)))  peak memory \(warmFrames.map(\.peakMiB).max()!) MiB")
print("  peak memory once search is ready and has searched the text: \(warmFrames.map(\.searchPeakMiB).max()!) MiB"
      + " (of which \(warmFrames.map(\.searchFileMiB).max()!) MiB pages of the mapped text cache);"
      + " in the first open, which built the text cache: \(coldFrame.searchPeakMiB) MiB (\(coldFrame.searchFileMiB) MiB mapped)")
print("banli list (table):               \(range(list))  (\(ratio(list.min()!)))")
if let taskwarrior {
    print("taskwarrior task list (\(taskwarrior.tasks) tasks): \(range(taskwarrior.task)); banli list: \(range(taskwarrior.banli))"
          + String(format: "; banli/task %.2f× (best of %d runs each, alternating)", taskwarrior.banli.min()! / taskwarrior.task.min()!, taskwarrior.task.count))
} else {
    print("taskwarrior comparison skipped: `task` is not on PATH (install taskwarrior 2.6: apt-get install taskwarrior)")
}
print("banli stats:                      \(range(stats))  (\(ratio(stats.min()!)))")
print("open + list, index (in process):  \(milliseconds(warm))")
print("open + list, \(partial) files changed:   \(milliseconds(changed))")
print("format list table (\(table.count) rows):  \(milliseconds(render))")
print("TUI per key, moving (j, PgDn):    \(milliseconds(moving.mean)) mean, \(milliseconds(movingAlone.slowest)) slowest")
print("TUI search, key to frame, typed fast (\(queries.joined(separator: " / "))): "
      + typedFast.map { "\(milliseconds($0.mean)) mean, \(milliseconds($0.slowest)) slowest" }.joined(separator: " / "))
print("TUI search, typed slowly, slowest key to frame / to the frame with the result: "
      + typedAlone.map { "\(milliseconds($0.slowest)) / \(milliseconds($0.slowestDone))" }.joined(separator: " · "))
print("TUI save a reply (Ctrl-S: write, update the list, draw): \(milliseconds(formSave))")
print("text index, cache present (load \(textCacheBytes / 1024 / 1024) MiB): \(milliseconds(textWarm))"
      + "  of which the index of characters: \(milliseconds(seconds(textIndex!.indexBuildTime)))")
print("pair index, built after search is ready (on another thread): \(milliseconds(seconds(textIndex!.pairBuildTime!)));"
      + " characters and pairs take \(textIndex!.indexByteCount / 1024 / 1024) MiB")
print("text index, \(partial) files changed:  \(milliseconds(textChanged))")
print("search ready (text load + build, on another thread after the first frame): \(milliseconds(searchReady))")
print("reply form per key, typing into a 5,000-character section: \(milliseconds(formKey))  (insert + layout + draw, 80×24)")
print("load one case:                    \(milliseconds(loadOne))")
print("save one case (atomic, fsync):    \(milliseconds(saveOne))")
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
