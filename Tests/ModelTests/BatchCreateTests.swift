import Foundation
import Testing
@testable import Model
import TestSupport

/// `CaseStore.create(_:progress:)`: many new cases written as `create` writes one, the disk synced once.
@Suite struct BatchCreateTests {
    let vocabulary = try! Fixtures.configuration().vocabulary

    func newStore() throws -> CaseStore {
        try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: vocabulary)
    }

    @Test func eachCaseIsWrittenAsCreateWritesItAndATakenIDIsRefusedAlone() throws {
        let store = try newStore()
        try store.create(Fixtures.fullCase(number: "002"))
        var bad = Fixtures.fullCase(number: "004")
        bad.number = "../x"
        let values = ["001", "002", "003", "003"].map { Fixtures.fullCase(number: $0) } + [bad]
        var progress: [Int] = []
        let results = store.create(values) { progress.append($0) }
        #expect(progress == [1, 2, 3, 4, 5])
        #expect(try results[0].get().revision == store.load(values[0].id).revision)
        #expect(try store.load(values[2].id).value == values[2])
        for failed in [1, 3] {
            guard case .failure(.alreadyExists) = results[failed] else { Issue.record("\(failed): \(results[failed])"); continue }
        }
        guard case .failure(.invalidCase) = results[4] else { Issue.record("\(results[4])"); return }
        // Nothing is left behind: no temporary file, no case but the three.
        let names = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { !$0.hasPrefix(".banli") }.sorted()
        #expect(names == ["zx5-2-001.yaml", "zx5-2-002.yaml", "zx5-2-003.yaml"])
    }

    @Test func aDiskThatRefusesWhileWritingLeavesNoneOfThem() throws {
        var store = try newStore()
        store.simulatedFailure = SimulatedDiskFailure(errno: ENOSPC) { $0.contains("zx5-2-002") }
        let results = store.create(["001", "002", "003"].map { Fixtures.fullCase(number: $0) })
        #expect(results.allSatisfy { if case .failure(.io(_, _, ENOSPC)) = $0 { true } else { false } }, "\(results)")
        let names = try FileManager.default.contentsOfDirectory(atPath: store.directory).filter { !$0.hasPrefix(".banli") }
        #expect(names.isEmpty, "\(names)")
    }

    @Test func aReadOnlyStoreRefusesThemAll() throws {
        let writable = try newStore()
        let store = try CaseStore.open(writable.directory, vocabulary: vocabulary, access: .readOnly)
        let results = store.create([Fixtures.fullCase(number: "001")])
        guard case .failure(.readOnly) = results[0] else { Issue.record("\(results)"); return }
    }
}
