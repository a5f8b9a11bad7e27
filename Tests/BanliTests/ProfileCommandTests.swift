import Foundation
import Testing
import TestSupport

/// Office profiles through the real binary: `banli profiles`, `init --profile`, `export --profile`,
/// and the order in which the profile is chosen.
@Suite struct ProfileCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    @Test func profilesListsEachWithItsDescriptionAndMarksTheOneInUse() throws {
        let out = try run(["profiles"])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.count == 10)
        #expect(out.lines[0].hasPrefix("* 上海区　上海区级部门的办理意见"))
        #expect(out.lines.contains { $0.hasPrefix("  县局文件　县级部门以文件答复") })
    }

    @Test func exportTakesAProfileAndRefusesAnUnknownOneInOneLine() throws {
        let county = try run(["export", "090", "--profile", "县局文件"])
        #expect(county.status == 0 && county.stderr.isEmpty, "\(county.stderr)")
        #expect(Array(county.lines.prefix(3)) == ["青浦区民政局文件", "签发人：钱志明", "关于对政协五届二次会议第090号提案的答复"])
        let town = try run(["export", "090", "--profile", "镇政府", "--format", "html"])
        #expect(town.status == 0 && town.stdout.contains("<p class=\"date\">二〇一八年十一月一日</p>"))
        let unknown = try run(["export", "090", "--profile", "省厅"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "banli: 没有名为“省厅”的版式（--profile）；可用的版式：上海区、区局函、县局文件、县局函、镇政府、市局、街道、网页版、上海区网页、县局文件横排\n",
                "\(unknown.stderr)")
    }

    /// `init --profile` names the store's profile in its marker; export then uses it, unless the
    /// command line or the reply names another. An older marker has no profile line.
    @Test func initWritesTheStoresProfileWhichExportUses() throws {
        #expect(!String(decoding: Fixtures.bytes(store + "/.banli-store"), as: UTF8.self).contains("profile:"))
        let set = try banli.run(["init", store, "--profile", "市局"])
        #expect(set.status == 0 && set.stdout == "\(store) 已是案件库，版式改为“市局”\n", "\(set.stdout)\(set.stderr)")
        #expect(String(decoding: Fixtures.bytes(store + "/.banli-store"), as: UTF8.self).hasSuffix("format: 1\nprofile: 市局\n"))
        let byStore = try run(["export", "090"])
        #expect(byStore.lines.first == "关于市政协五届二次会议第090号提案的答复" && byStore.lines.contains("2018.11.01"), "\(byStore.stderr)")
        #expect(try run(["export", "090", "--profile", "上海区"]).lines.first == "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见")
        #expect(try run(["profiles"]).lines.contains { $0.hasPrefix("* 市局") })
        // The reply's own 版式 comes before the store's.
        let path = store + "/zx5-2-090.yaml"
        let text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
        Fixtures.write(text.replacingOccurrences(of: "答复:\n", with: "答复:\n  版式: 镇政府\n"), to: path)
        #expect(try run(["export", "090"]).lines.contains("二〇一八年十一月一日"))

        let fresh = Fixtures.temporaryDirectory() + "/new-store"
        let created = try banli.run(["init", fresh, "--profile", "县局文件"])
        #expect(created.status == 0 && created.stdout == "已创建案件库：\(fresh)；版式：县局文件\n", "\(created.stderr)")
        let refused = Fixtures.temporaryDirectory() + "/refused"
        let unknown = try banli.run(["init", refused, "--profile", "省厅"])
        #expect(unknown.status == 1 && unknown.stderr.hasPrefix("banli: 没有名为“省厅”的版式（--profile）；可用的版式：上海区、"))
        #expect(!FileManager.default.fileExists(atPath: refused))
    }

    /// A store whose marker names a profile this configuration lacks still lists; its documents
    /// are refused naming the marker.
    @Test func aStoreProfileTheConfigurationLacksStopsOnlyTheDocuments() throws {
        Fixtures.write("format: 1\nprofile: 别处的版式\n", to: store + "/.banli-store")
        #expect(try run(["list"]).status == 0)
        let refused = try run(["export", "090"])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("banli: 没有名为“别处的版式”的版式（案件库标记 \(store)/.banli-store）"), "\(refused.stderr)")
        #expect(try run(["export", "090", "--profile", "上海区"]).status == 0)
        let listed = try run(["profiles"])
        #expect(listed.status == 0 && listed.lines.first?.hasPrefix("* 上海区") == true)
        #expect(listed.stderr.hasPrefix("banli: 没有名为“别处的版式”的版式（案件库标记 "), "\(listed.stderr)")
    }
}
