import Foundation
import Testing
import TestSupport

/// `scripts/install` puts banli where it works from any directory with no environment variable. The
/// test installs the binary this build made (`--from-build`: a release build would take the suite
/// minutes) into a temporary prefix and runs it from elsewhere, as a user would.
@Suite struct InstallTests {
    let banli = Banli()

    @Test func theInstalledBanliRunsFromAnyDirectoryWithItsConfigurationAndDemo() throws {
        let prefix = Fixtures.temporaryDirectory("banli-prefix") + "/usr local"
        let install = Process()
        install.executableURL = URL(fileURLWithPath: Fixtures.repositoryRoot + "/scripts/install")
        install.arguments = ["--from-build", URL(fileURLWithPath: Banli.binary).deletingLastPathComponent().path, prefix]
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        let installed = prefix + "/bin/banli"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/banli/config/banli.yaml"))
        let demo = try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/banli/demo/store")
        #expect(demo.contains(".banli-store") && demo.filter { $0.hasSuffix(".yaml") }.count == 32)

        // Run from a directory that is no checkout, with no BANLI_HOME, BANLI_STORE or configuration.
        let elsewhere = Fixtures.temporaryDirectory("x")
        let store = Fixtures.demoStoreCopy()
        let environment = ProcessInfo.processInfo.environment
        #expect(environment["BANLI_HOME"] == nil && environment["BANLI_STORE"] == nil)
        let listed = try banli.run(["list", "--format", "tsv", "--store", store], executable: installed, in: elsewhere)
        #expect(listed.status == 0 && listed.lines.count == 33, "\(listed.stderr)")
        let created = try banli.run(["init", "新库"], executable: installed, in: elsewhere)
        #expect(created.status == 0 && FileManager.default.fileExists(atPath: elsewhere + "/新库/.banli-store"), "\(created.stderr)")
        #expect(try banli.run(["list", "--store", "新库"], executable: installed, in: elsewhere).status == 0)

        // With no store named, the installed demo is copied for the user, with its marker.
        let demoList = try banli.run(["list", "--format", "tsv"], executable: installed, in: elsewhere)
        #expect(demoList.status == 0 && demoList.lines.count == 33, "\(demoList.stderr)")
        #expect(FileManager.default.fileExists(atPath: banli.home + "/.local/share/banli/demo/.banli-store"))

        // A link to it from a directory on PATH finds the same files.
        let bin = Fixtures.temporaryDirectory("bin")
        try FileManager.default.createSymbolicLink(atPath: bin + "/banli", withDestinationPath: installed)
        let linked = try banli.run(["show", "090", "--store", store], executable: bin + "/banli", in: elsewhere)
        #expect(linked.status == 0 && linked.stdout.contains("办理结果：解决或采纳"), "\(linked.stderr)")

        // Without its share/banli, banli says what is missing and how to install, in one line.
        try FileManager.default.moveItem(atPath: prefix + "/share", toPath: prefix + "/share-moved")
        let lost = try banli.run(["list", "--store", store], executable: installed, in: elsewhere)
        #expect(lost.status == 1 && lost.stderr.contains("scripts/install") && lost.stderr.filter { $0 == "\n" }.count == 1, "\(lost.stderr)")
    }
}
