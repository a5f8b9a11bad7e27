// banli-bench: generates a large store and measures what a user waits for. Not a test: figures go
// into the README. Run: swift run -c release banli-bench [--cases N] [--keep DIR]
import Foundation
import Glibc
import Model
import TUI

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let count = option("--cases").flatMap(Int.init) ?? 10_000
let root = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath()
var repository = root.deletingLastPathComponent()
while repository.path != "/" && !FileManager.default.fileExists(atPath: repository.path + "/config/banli.yaml") {
    repository.deleteLastPathComponent()
}
let configuration = try ConfigurationLoader.load(defaultsPath: repository.path + "/config/banli.yaml", userPath: nil)
let directory = option("--keep") ?? NSTemporaryDirectory() + "banli-bench-\(getpid())"
try? FileManager.default.removeItem(atPath: directory)
let store = try CaseStore.create(at: directory, vocabulary: configuration.vocabulary)

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func milliseconds(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

// Realistic cases: a few paragraphs of proposal text, half of them with a drafted reply. One case in
// 500 has a paragraph of its own, which only a search of the text finds.
let paragraph = "居委会是居民自我管理、自我教育、自我服务的基层群众性自治组织，在加强基层社区管理、联系服务群众、促进社会和谐等方面有着不可替代的作用。"
let rareParagraph = "建议在老旧小区加装电梯，并设立专项补贴。"
let statuses = configuration.workflow.states.map(\.name)
let outcomes = configuration.outcomeScheme.map(\.label)
let generate = try seconds {
    for i in 0..<count {
        let assigned = LocalDate(year: 2026, month: 1, day: 1)!.adding(days: i % 300)
        var c = Case(kind: i % 2 == 0 ? .proposal : .suggestion, meeting: Meeting(term: 6, session: 1 + i % 5),
                     number: String(format: "%05d", i), title: "关于第\(i)号社区养老服务设施建设若干问题的建议",
                     leadProposer: "张委员\(i % 97)", jointSigners: i % 3 == 0 ? ["李四", "王五"] : [], topic: "养老服务",
                     isKey: i % 20 == 0, assignedOn: assigned,
                     deadline: configuration.deadlines.replyDeadline(assignedOn: assigned, role: .lead),
                     status: statuses[i % statuses.count], handler: "wangli",
                     disclosure: Disclosure(category: configuration.disclosure.defaultOption),
                     text: (Array(repeating: paragraph, count: 6) + (i % 500 == 250 ? [rareParagraph] : [])).joined(separator: "\n") + "\n",
                     journal: [JournalEntry(time: "2026-01-01T09:00:00+08:00", user: "wangli", text: "新建案件")])
        if i % 2 == 0 {
            c.outcomes = [OutcomeRecord(result: outcomes[i % outcomes.count], date: assigned.adding(days: 60), recordedBy: "wangli")]
            c.reply = Reply(salutation: "张委员：", opening: paragraph,
                            sections: (1...3).map { ReplySection(heading: "第\($0)部分", text: paragraph + "\n" + paragraph) },
                            closing: "感谢您对民政工作的关心和支持。", signature: configuration.office.unit)
        }
        try store.create(c)
    }
}

var bytes = 0
let catAll = try seconds {
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".yaml") {
        bytes += FileManager.default.contents(atPath: directory + "/" + name)?.count ?? 0
    }
}
var listing = try store.list()
try? FileManager.default.removeItem(atPath: directory + "/.banli/index.tsv")
let cold = try seconds { listing = try store.list() }
let warm = try seconds { listing = try store.list() }
var table: [String] = []
let render = seconds {
    let today = LocalDate(year: 2026, month: 11, day: 29)!
    var t = TextTable(columns: [.init("编号"), .init("类型"), .init("标题", shrinks: true), .init("期限"), .init("状态")])
    for s in listing.summaries {
        t.add([s.id.description, s.kind.rawValue, s.title,
               DeadlineStatus(s, today: today, workflow: configuration.workflow, warnDays: 7).label, s.status])
    }
    table = t.render(maxWidth: 80)
}
// Full-text search's cache: built from every file, then loaded as it is.
let textCachePath = directory + "/.banli/text.tsv"
let textCold = try seconds { _ = try store.textIndex() }
let textCacheBytes = (try? FileManager.default.attributesOfItem(atPath: textCachePath)[.size] as? Int) ?? 0
let textWarm = try seconds { _ = try store.textIndex() }
for i in stride(from: 0, to: count, by: max(1, count / 100)) {
    var c = try store.load(listing.summaries[i].id)
    c.value.topic = "已修改"
    try store.save(c.value, replacing: c.revision)
}
var partial = 0
let changed = try seconds { partial = try store.list().parsedCount }
let textChanged = try seconds { _ = try store.textIndex() }
var loaded: StoredCase?
let loadOne = try seconds { loaded = try store.load(listing.summaries[count / 2].id) }
let saveOne = try seconds { _ = try store.save(loaded!.value, replacing: loaded!.revision) }

// The terminal UI on the same store, drawn into the in-memory terminal at 80×24. As in banli, the
// text for search loads on another thread after the first frame (from the cache, brought up to date
// by an untimed load after the save above).
_ = try store.textIndex()
let searchReady = try seconds { _ = CaseSearch(listing.summaries, text: try store.textIndex()) }
let terminal = MemoryTerminal(width: 80, height: 24)
var runner: AppRunner?
let firstFrame = try seconds {
    let state = AppState(storeName: "bench", listing: try store.list(), configuration: configuration,
                         today: LocalDate(year: 2026, month: 11, day: 29)!)
    runner = AppRunner(terminal: terminal, state: state, keymap: try Keymap(configuration.keyBindings),
                       workspace: Workspace(store: store, user: "bench", clock: .system, environment: [:]),
                       loadText: { [store] in Result { () throws(StoreError) in try store.textIndex() } })
    runner!.run()
}
/// Mean time per key over the whole sequence (one frame per key, as when typing fast).
@MainActor func perKey(_ keys: [Key]) -> Double {
    terminal.send(keys: keys)
    return seconds { runner!.run() } / Double(keys.count)
}
/// The slowest single key of the sequence: the key and its frame, each key run alone (less the time
/// of a frame with no key).
@MainActor func slowestKey(_ keys: [Key]) -> Double {
    let frame = (0..<5).map { _ in seconds { runner!.run() } }.min()!
    return keys.map { key in
        terminal.send(keys: [key])
        return seconds { runner!.run() } - frame
    }.max()!
}
func typing(_ query: String) -> [Key] { [.character("/")] + query.map { .character($0) } + [.escape] }
let moveKey = perKey(Array(repeating: .character("j"), count: 500) + Array(repeating: .pageDown, count: 100))
// Typing the first key of a search waits for the text if it is still loading; it is not by now.
let searchKey = perKey(typing("养老服务设施"))
let textHitKey = perKey(typing("加装电梯"))
let missKey = perKey(typing("不存在的词"))
let slowest = ["养老服务设施", "加装电梯", "不存在的词", "殡葬"].map { slowestKey(typing($0)) }

// The reply form: a case whose first section holds 5,000 characters is opened in the form, the
// caret moved into the middle of that section, and each keystroke typed there is inserted, the whole
// form laid out and the frame drawn at 80×24, as when a clerk types.
var long = try store.load(listing.summaries.last { $0.hasReply }!.id)
long.value.reply.sections[0].text = String(Array(repeating: paragraph, count: 80).joined(separator: "\n").prefix(5000))
_ = try store.save(long.value, replacing: long.revision)
terminal.send(keys: typing(long.value.id.description).dropLast() + [.enter, .character("r"), .tab, .tab]
              + Array(repeating: .down, count: 40))
runner!.run()
let typed = Array("我局将进一步加强社区养老服务设施建设，")
let keystrokes = 500
let formKey = perKey((0..<keystrokes).map { .character(typed[$0 % typed.count]) })
guard let section = runner!.state.form?.focused, section.role == .body(0), section.editor.characterCount > 5000 else {
    fatalError("the reply form did not open on the long section; the typing figure would be meaningless")
}
let formSave = seconds {
    terminal.send(keys: [.control("s")])
    runner!.run()
}
terminal.send(keys: [.escape])
runner!.run()

var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("banli-bench: \(count) cases, \(bytes / 1024) KiB of case files, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("generate store:                  \(String(format: "%.1f s", generate))")
print("read every file (cat baseline):  \(milliseconds(catAll))")
print("open + list, no index (cold):    \(milliseconds(cold))  (\(String(format: "%.1fx", cold / catAll)) the cat baseline)")
print("open + list, with index (warm):  \(milliseconds(warm))  (\(String(format: "%.1fx", warm / catAll)) the cat baseline)")
print("open + list, \(partial) files changed:  \(milliseconds(changed))")
print("format list table (\(table.count) rows):  \(milliseconds(render))")
print("TUI first frame (open + list + draw): \(milliseconds(firstFrame))")
print("TUI per key, moving (j, PgDn):    \(milliseconds(moveKey))")
print("TUI per key, search typing (title hits):   \(milliseconds(searchKey))")
print("TUI per key, search typing (text hits):    \(milliseconds(textHitKey))")
print("TUI per key, search typing (miss, text too): \(milliseconds(missKey))")
print("TUI slowest search key (title hit / text hit / miss / rare first character): \(slowest.map(milliseconds).joined(separator: " / "))")
print("text index, no cache (build \(textCacheBytes / 1024) KiB): \(milliseconds(textCold))")
print("text index, cache present (load):  \(milliseconds(textWarm))")
print("text index, \(partial) files changed:   \(milliseconds(textChanged))")
print("search ready (text load + build, on another thread after the first frame): \(milliseconds(searchReady))")
print("reply form per key, typing into a 5,000-character section: \(milliseconds(formKey))  (insert + layout + draw, 80×24)")
print("reply form save (Ctrl-S: journal entry, atomic write, list update): \(milliseconds(formSave))")
print("load one case:                   \(milliseconds(loadOne))")
print("save one case (atomic, fsync):   \(milliseconds(saveOne))")
print("peak memory (max RSS):           \(usage.ru_maxrss / 1024) MiB")
if option("--keep") == nil { try? FileManager.default.removeItem(atPath: directory) }
