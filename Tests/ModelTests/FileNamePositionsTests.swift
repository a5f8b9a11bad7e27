import Testing
@testable import Model
import TestSupport

@Suite struct FileNamePositionsTests {
    func entry(_ file: String) -> StoreIndex.Entry {
        var c = Fixtures.fullCase()
        c.number = String(file.split(separator: "-").last!.prefix { $0 != "." })
        return StoreIndex.Entry(file: file, stamp: FileSystem.Stamp(size: 1, modifiedNanoseconds: 2, changedNanoseconds: 3, inode: 4),
                                summary: c.summary)
    }

    @Test func eachNameIsFoundAtItsFirstEntryAndNoOtherNameIsFound() {
        let names = ["zx6-5-001.yaml", "zx6-5-002.yaml", "rd7-5-001.yaml", "zx6-5-001.yaml", "zx6-5-关于.yaml"]
        let positions = FileNamePositions(names.map(entry))
        #expect(names.map { positions[$0] } == [0, 1, 2, 0, 4])
        for absent in ["", "zx6-5-003.yaml", "zx6-5-001.yam", "zx6-5-001.yaml ", "ZX6-5-001.yaml"] {
            #expect(positions[absent] == nil, "\(absent)")
        }
        #expect(FileNamePositions([])["zx6-5-001.yaml"] == nil)
    }
}
