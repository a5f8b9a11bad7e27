import Foundation
import Testing
@testable import Model
import TestSupport

/// A printed case number (`第52号`, `B〔2017〕9号`) gives a safe ASCII ID number, and a store gives a
/// free one when that is taken.
@Suite struct PrintedNumberTests {
    let configuration = try! Fixtures.configuration()

    @Test(arguments: [
        ("第52号", "52"), ("B〔2017〕9号", "B2017-9"), ("155144", "155144"), ("090", "090"), ("第５２号", "52"),
        ("Ｂ〔２０１７〕９号", "B2017-9"), ("沪政协〔2018〕第12号", "2018-12"), ("12-3", "12-3"), ("A-12", "A-12"),
        ("提案第0052号", "0052"), ("第 7 号", "7"), ("1234567890123456789", "890123456789"),
        ("青民〔2018〕1234567890号", "1234567890"), ("第九号", "1"), ("", "1"), ("../../x", "x"), ("〔〕号", "1"),
    ])
    func aPrintedNumberGivesASafeNumber(printed: String, number: String) {
        let derived = CaseID.number(derivedFrom: printed)
        #expect(derived == number)
        #expect(CaseID.isValidNumber(derived) && derived.count <= CaseID.derivedNumberLimit)
    }

    @Test func anyTextGivesANumberFitForAFileNameWithRoomForASuffix() {
        var random = SplitMix64(seed: 14)
        let pieces = ["第", "号", "〔", "〕", "B", "ｂ", "2017", "９", "-", "/", "..", "\u{0}", " ", "（", "）", "0", "𠮷", "\n", "Ⅻ", "¹"]
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let derived = CaseID.number(derivedFrom: text)
            let id = CaseID(kind: .proposal, meeting: .unknown, number: derived)
            #expect(CaseID.isValidNumber(id.numbered(CaseStore.freeIDAttempts).number), "\(text.debugDescription) → \(derived)")
            #expect(CaseID(id.description) == id)
        }
    }

    @Test func theStoreAddsASuffixWhileTheNumberIsTaken() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let meeting = Meeting(term: 5, session: 2)
        /// The ID a new case of this kind and meeting with the printed number `printed` is placed under.
        func placedID(_ kind: CaseKind, _ meeting: Meeting, _ printed: String) throws -> String {
            var c = Fixtures.fullCase(number: CaseID.number(derivedFrom: printed))
            c.kind = kind
            c.meeting = meeting
            return try store.placed(c).id.description
        }
        #expect(try placedID(.proposal, meeting, "第90号").description == "zx5-2-90")
        try store.create(Fixtures.fullCase(number: "090"))
        // `90` would name `090` as typed: taken.
        #expect(try placedID(.proposal, meeting, "第90号").description == "zx5-2-90-2")
        try store.create(Fixtures.fullCase(number: "90-2"))
        #expect(try placedID(.proposal, meeting, "第９０号").description == "zx5-2-90-3")
        // Another kind or meeting has its own numbers.
        #expect(try placedID(.suggestion, meeting, "第90号").description == "rd5-2-90")
        #expect(try placedID(.proposal, .unknown, "第90号").description == "zx0-0-90")
        // Letters are compared as a person types them: `b2017-9` is taken by `B2017-9`.
        var lettered = Fixtures.fullCase(number: "B2017-9")
        lettered.printedNumber = "B〔2017〕9号"
        try store.create(lettered)
        #expect(try store.freeID(near: CaseID("zx5-2-b2017-9")!).description == "zx5-2-b2017-9-2")
    }

    /// Defect: a taken number gave `053-2` as the number documents print (`第053-2号`).
    @Test func aCasePlacedUnderAnotherNumberKeepsTheNumberAsPrinted() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let free = try store.placed(Fixtures.fullCase(number: "053"))
        #expect(free.number == "053" && free.printedNumber.isEmpty)
        try store.create(free)
        let second = try store.placed(Fixtures.fullCase(number: "053"))
        #expect(second.number == "053-2" && second.printedNumber == "053" && second.numberAsPrinted == "053")
        var printed = Fixtures.fullCase(number: "B2017-9")
        printed.printedNumber = "B〔2017〕9"
        try store.create(printed)
        let third = try store.placed(printed)
        #expect(third.number == "B2017-9-2" && third.printedNumber == "B〔2017〕9")
    }
}
