import Foundation
import Testing
import TestSupport

/// State holds customers' remarks and the operator's history: the folder is 0700 and every file in it 0600,
/// also when the folder was made before with group and world access.
@Suite struct StatePermissionTests {
    func mode(_ path: String) throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) }

    @Test func aLooseStateFolderAndItsFilesAreTightened() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let state = dir.appendingPathComponent("state/contactdesk")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        for name in ["journal.sqlite", "journal.sqlite-wal", "roster-cache.sqlite"] {
            FileManager.default.createFile(atPath: state.appendingPathComponent(name).path, contents: Data(), attributes: [.posixPermissions: 0o644])
        }
        #expect(try mode(state.path) == 0o755)
        // Any command that opens the state: the audit log is read (and made) here.
        let out = try CommandRunner.run(["audit"], environment: CommandRunner.environment(state: dir))
        #expect(out.status == 0, "\(out.stderr)")
        #expect(try mode(state.path) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: state.path)
        #expect(files.contains("audit.sqlite") && files.count >= 4, "\(files)")
        for name in files { #expect(try mode(state.appendingPathComponent(name).path) & 0o077 == 0, "\(name) is readable by others") }
    }
}
