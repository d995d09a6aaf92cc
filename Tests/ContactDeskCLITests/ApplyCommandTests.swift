import ChatAPI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// `contactdesk apply FILE` against the emulator, one test per exit status.
@Suite struct ApplyCommandTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }
    var env: [String: String] { CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText]) }

    func file(_ entries: [(String, FieldKey, FieldValue, Intent)], app: UInt64 = TestCredentials.sdkAppID) throws -> String {
        var set = ChangeSet()
        for (friend, field, base, intent) in entries {
            set.stage(EntryKey(app: app, account: "demo_alice", friend: friend, field: field), base: base, intent: intent)
        }
        let url = dir.appendingPathComponent("changes-\(UUID().uuidString).json")
        try ChangeSetFile(set: set, app: app, account: "demo_alice").encoded().write(to: url)
        return url.path
    }

    func apply(_ path: String, _ url: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.run(["apply", path, "--endpoint", url, "--sdkappid", "\(TestCredentials.sdkAppID)", "--admin", TestCredentials.admin] + extra,
                              environment: env)
    }

    @Test func exitStatusesZeroOneAndTwo() throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())

        let good = try file([("c0001", .remark, .text("ramen shop owner 黄芳"), .set("applied by apply"))])
        let dry = try apply(good, url, ["--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("c0001  would send Tag_SNS_IM_Remark=\"applied by apply\"") && dry.stdout.contains("nothing was sent"))
        let ok = try apply(good, url)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("c0001  ✓") && ok.stdout.contains("1 applied, 0 failed"))

        // A friend of someone else and a stale base (a conflict): exit 1, one line each.
        let mixed = try file([("c0099", .remark, .text(""), .set("not a friend of demo_alice")),
                              ("c0002", .remark, .text("not what the server has"), .set("mine"))])
        let partial = try apply(mixed, url)
        #expect(partial.status == 1)
        #expect(partial.stdout.contains("c0099  ✗ 30001 bad parameter") && partial.stdout.contains("c0002  ! conflict: remark"))

        // Usage and configuration errors: exit 2.
        let otherApp = try file([("c0001", .remark, .text(""), .set("x"))], app: 42)
        let wrong = try apply(otherApp, url)
        #expect(wrong.status == 2 && wrong.stderr.contains("made for SDKAppID 42"))
        #expect(try apply(dir.appendingPathComponent("missing.json").path, url).status == 2)
        #expect(try CommandRunner.run(["apply"], environment: env).status == 2)

        let audit = try CommandRunner.run(["audit", "--format", "json"], environment: env)
        #expect(try JSONValue.parse(Data(audit.stdout.utf8)).elements.count == 3)
    }
}
