import Foundation
import Testing
@testable import Model
import TestSupport

/// Which profile an import picks and how its report shows the lines the export prints otherwise:
/// a profile that leaves the case complete first, the report's lines as the export prints them,
/// and a moved line listed once, as moved.
@Suite struct ImportDetectionTests {
    let configuration = try! Fixtures.configuration()

    func imported(_ text: String, profile: String? = nil, path: String = "答复.txt") throws -> ImportedReply {
        let importer = ReplyImport(configuration: configuration)
        return try importer.imported(importer.read(bytes: Array(text.utf8), path: path), profile: profile,
                                     status: configuration.workflow.replied, user: "tester",
                                     clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!), source: "答复.txt")
    }

    func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: Fixtures.fixture("replies/" + name), encoding: .utf8)
    }

    /// Defect: the 街道 reply without its 办理结果 line picked 街道, which requires one, so the new
    /// case could not be exported (`无法导出…缺少 办理结果`).
    @Test func theProfileThatPrintsTheReplyIsChosenAndWhatAFinalExportNeedsIsSaid() throws {
        // Without its 办理结果 line the reply is still 街道's to the line, though that profile requires one.
        let text = try fixture("10-padded-date-stacked-units.txt").replacingOccurrences(of: "办理结果：解决或采纳\n", with: "")
        let detected = try imported(text)
        #expect(detected.profile.name == "街道" && detected.explained == detected.total)
        #expect(detected.missing == ["办理结果"])
        #expect(ImportReport(detected).lines.contains { $0.hasPrefix("按版式“街道”导出定稿还缺少：办理结果") }, "\(ImportReport(detected).lines)")
        // With it, nothing is missing and the report says nothing of it.
        let whole = try imported(try fixture("10-padded-date-stacked-units.txt"))
        #expect(whole.profile.name == "街道" && whole.missing.isEmpty && !ImportReport(whole).lines.contains { $0.contains("还缺少") })
        // Given, the profile is used, and the report says plainly what a final export needs.
        let given = try imported(text, profile: "街道")
        #expect(given.missing == ["办理结果"])
        #expect(ImportReport(given).lines.contains("按版式“街道”导出定稿还缺少：办理结果（答复中没有，导出定稿前须补上）"), "\(ImportReport(given).lines)")
    }

    /// Defects: a line the export prints elsewhere was listed both as different and as added; an
    /// added line was shown in the compared form (`联系人:冯丽联系电话:021-5900000`).
    @Test func aMovedLineIsListedOnceAndAddedLinesAsTheExportPrintsThem() throws {
        var lines = try fixture("02-shanghai-district-letter.txt").components(separatedBy: "\n")
        lines.insert("请勿转载", at: 4)
        let report = ImportReport(try imported(lines.joined(separator: "\n"))).lines
        // The file's fifth line (its second is blank).
        #expect(report.filter { $0.contains("请勿转载") } == ["  第 5 行“请勿转载” → 开头", "  第 5 行“请勿转载”"], "\(report)")
        let moved = try #require(report.firstIndex(of: "按版式“上海区”导出时位置不同的行："))
        #expect(report[moved + 1] == "  第 5 行“请勿转载”")
        #expect(!report.contains("导出时多出的行："), "\(report)")
        let text = try fixture("10-padded-date-stacked-units.txt")
        let other = try imported(text, profile: "镇政府")
        #expect(other.added.contains("联系人：冯丽    联系电话：021-5900000"), "\(other.added)")
        #expect(!other.added.contains { $0.contains(":") })
    }

    /// Defect: `第 N 行` counted only the lines left once blank lines and page chrome were taken
    /// away, so a text with blank lines between paragraphs, or any web page, pointed elsewhere.
    @Test func reportedLinesAreTheFilesLines() throws {
        var lines = try fixture("02-shanghai-district-letter.txt").components(separatedBy: "\n").filter { !$0.isEmpty }
        lines.insert("请勿转载", at: 4)
        // Blank lines between paragraphs: the inserted line is the file's ninth.
        let spaced = ImportReport(try imported(lines.joined(separator: "\n\n"))).lines
        #expect(spaced.filter { $0.contains("请勿转载") } == ["  第 9 行“请勿转载” → 开头", "  第 9 行“请勿转载”"], "\(spaced)")
        // A page: four source lines (the last a breadcrumb, chrome) above the reply, one paragraph a line,
        // one paragraph split over two source lines (its first line counts).
        let page = "<!DOCTYPE html>\n<html><head><title>答复</title>\n</head><body>\n<div>首页 &gt; 政务公开</div>\n"
            + lines.map { $0 == "请勿转载" ? "<p>\n请勿转载</p>" : "<p>\($0)</p>" }.joined(separator: "\n") + "\n</body></html>"
        let html = try imported(page, path: "答复.html")
        let report = ImportReport(html).lines
        #expect(report.filter { $0.contains("请勿转载") } == ["  第 10 行“请勿转载” → 开头", "  第 10 行“请勿转载”"], "\(report)")
        #expect(html.read.lineNumbers.first == 5 && html.read.chrome == ["首页 > 政务公开"], "\(html.read.lineNumbers)")
    }
}
