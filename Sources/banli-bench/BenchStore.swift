import Foundation
import Model

/// The benchmark's store: `count` generated cases in `directory`, made unless the directory already
/// holds a store this generator made with as many cases (named in `.banli/bench`), so that a kept
/// store is reused by the next run (`--keep DIR`) of any mode.
enum BenchStore {
    /// Makes the store if needed; the seconds its generation took, nil when an existing one was reused.
    /// - Throws: what creating the store or writing its marker throws.
    static func prepare(count: Int, directory: String, configuration: Configuration) throws -> Double? {
        let marker = directory + "/.banli/bench"
        let markerText = "banli-bench store 3, \(count) cases\n"
        guard (try? String(contentsOfFile: marker, encoding: .utf8)) != markerText else { return nil }
        try? FileManager.default.removeItem(atPath: directory)
        let store = try CaseStore.create(at: directory, vocabulary: configuration.vocabulary)
        let generator = CaseGenerator(configuration: configuration)
        let generate = seconds {
            // Written directly, on all cores: creating through the store would fsync every file.
            DispatchQueue.concurrentPerform(iterations: count) { i in
                let c = generator.make(i)
                _ = FileManager.default.createFile(atPath: store.path(of: c.id), contents: Data(CaseFileEncoder.encode(c).utf8))
            }
        }
        // A new store holds no .banli/ until banli first writes there.
        try FileManager.default.createDirectory(atPath: directory + "/.banli", withIntermediateDirectories: true)
        try markerText.write(toFile: marker, atomically: true, encoding: .utf8)
        return generate
    }
}
