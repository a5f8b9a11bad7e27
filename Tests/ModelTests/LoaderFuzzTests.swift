import Foundation
import Testing
@testable import Model
import TestSupport

/// Thousands of mutated case files and configuration files fed to the loaders: nothing crashes,
/// every failure names the file, the other cases still load, and no file is modified.
/// `BANLI_FUZZ_ITERATIONS` sets the count (default 600 case files and 600 configurations; the full
/// run in the README uses 20000). `BANLI_FUZZ_SEED` replays a run.
@Suite struct LoaderFuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["BANLI_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 600
    static let seed = ProcessInfo.processInfo.environment["BANLI_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x6261_6e6c_69

    @Test func mutatedCaseFilesNeverCrashTheStoreAndAreNeverTouched() throws {
        let configuration = try Fixtures.configuration()
        let demo = Fixtures.demoStoreCopy()
        let names = try FileManager.default.contentsOfDirectory(atPath: demo).filter { $0.hasSuffix(".yaml") }.sorted()
        let originals = names.map { Fixtures.bytes(demo + "/" + $0) }
        let directory = Fixtures.temporaryDirectory("banli-fuzz")
        // Two good neighbours that must keep loading whatever happens to the victim.
        for name in names.prefix(2) { try FileManager.default.copyItem(atPath: demo + "/" + name, toPath: directory + "/" + name) }
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        var random = SplitMix64(seed: Self.seed)
        var failures = 0
        for iteration in 0..<Self.iterations {
            let pick = 2 + Int(random.next() % UInt64(names.count - 2))
            let victim = directory + "/" + names[pick]
            let mutated = Mutator.mutate(originals[pick], &random)
            try Data(mutated).write(to: URL(fileURLWithPath: victim))
            let listing = try store.list()
            let context = "seed \(Self.seed) iteration \(iteration): \(names[pick])"
            #expect(listing.summaries.filter { names.prefix(2).contains($0.id.fileName) }.count == 2, "\(context)")
            for problem in listing.problems {
                #expect(problem.path == victim, "\(context): \(problem)")
                #expect(!problem.description.contains("\n"), "\(context): a problem is one line")
            }
            failures += listing.problems.count
            #expect(Fixtures.bytes(victim) == mutated, "\(context): the loader changed the file")
            try FileManager.default.removeItem(atPath: victim)
        }
        // The mutations are not all harmless, or the test proves nothing.
        #expect(failures > Self.iterations / 4)
    }

    @Test func mutatedConfigurationsAreRefusedWithTheirFileOrAccepted() throws {
        let defaults = Fixtures.bytes(Fixtures.defaultConfigurationPath)
        let path = Fixtures.temporaryDirectory("banli-fuzz") + "/config.yaml"
        var random = SplitMix64(seed: Self.seed ^ 0xc0f1)
        var refused = 0
        for iteration in 0..<Self.iterations {
            let mutated = Mutator.mutate(defaults, &random)
            try Data(mutated).write(to: URL(fileURLWithPath: path))
            do {
                let configuration = try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
                #expect(!configuration.workflow.states.isEmpty && !configuration.outcomeScheme.isEmpty)
            } catch {
                refused += 1
                #expect(error.path == path, "seed \(Self.seed) iteration \(iteration): \(error)")
                #expect(!error.description.contains("\n"))
            }
            #expect(Fixtures.bytes(path) == mutated)
        }
        #expect(refused > Self.iterations / 4)
    }
}

/// Damage of the kinds files meet: flipped bytes, cut-off ends, invalid UTF-8, YAML punctuation
/// and control characters in odd places, lines lost, doubled or swapped.
enum Mutator {
    static let nasty: [[UInt8]] = [[0xff], [0xc3], [0xe5, 0xb1], [0], [0x1b, 0x5b, 0x32, 0x4a], [0x3a, 0x20], [0x2d, 0x20],
                                   [0x7c], [0x26, 0x61], [0x2a, 0x61], [0x21, 0x21], [0x7b], [0x5b], [0x22], [0x27],
                                   [0x09], [0x0d], Array("\u{202E}".utf8), Array("  ".utf8), Array("\n  ".utf8)]

    static func mutate(_ original: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + Int(random.next() % 3)) {
            guard !bytes.isEmpty else { break }
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 7 {
            case 0: bytes[at] ^= UInt8(truncatingIfNeeded: 1 << (random.next() % 8))
            case 1: bytes.removeSubrange(at...)
            case 2: bytes.insert(contentsOf: nasty[Int(random.next() % UInt64(nasty.count))], at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + 1 + Int(random.next() % 40)))
            default:
                var lines = bytes.split(separator: 0x0a, omittingEmptySubsequences: false).map(Array.init)
                let i = Int(random.next() % UInt64(lines.count)), j = Int(random.next() % UInt64(lines.count))
                switch random.next() % 3 {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: j)
                default: lines.swapAt(i, j)
                }
                bytes = Array(lines.joined(separator: [0x0a]))
            }
        }
        return bytes
    }
}
