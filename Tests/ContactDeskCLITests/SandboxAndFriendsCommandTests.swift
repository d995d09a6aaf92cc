import ChatAPI
import Foundation
import Testing
import TestSupport

/// `contactdesk sandbox` and `contactdesk friends list`, run as processes the way the README shows.
@Suite struct SandboxAndFriendsCommandTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }

    var env: [String: String] { CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText]) }

    func list(_ url: String, _ account: String, _ format: String, admin: String = "administrator") throws -> CommandRunner.Output {
        try CommandRunner.run(["friends", "list", "--account", account, "--format", format, "--endpoint", url,
                                                          "--sdkappid", "1400000000", "--admin", admin], environment: env)
    }

    @Test func sandboxPrintsItsURLAndFriendsListReadsTheDemoAccount() throws {
        let state = dir.appendingPathComponent("sandbox.json")
        let sandbox = try BackgroundProcess(["sandbox", "--listen", "127.0.0.1:0", "--custom-field", "Extra", "--state", state.path],
                                            environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine(), "no URL printed: \(sandbox.stderr)")
        #expect(url.hasPrefix("http://127.0.0.1:") && !url.hasSuffix(":0"))

        let table = try list(url, "demo_alice", "table")
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("UserID") == true && lines.first?.contains("Nickname") == true)
        #expect(lines.first?.contains("Tier") == true && lines.first?.contains("Ticket") == true)
        #expect(lines.last == "50 friends of demo_alice")
        #expect(lines.count == 52)

        let json = try list(url, "demo_shop", "json")
        let rows = try JSONValue.parse(Data(json.stdout.utf8)).elements
        #expect(rows.count == 3000)
        #expect(rows[0]["UserID"] == .string("c0001") && rows[0]["Nickname"]?.string?.isEmpty == false)

        let csv = try list(url, "demo_solo", "csv")
        #expect(csv.stdout.hasPrefix("UserID,Nickname,Remark,Groups") && csv.stdout.split(separator: "\r\n").count == 2)

        let missing = try list(url, "nobody", "table")
        #expect(missing.status == 1 && missing.stderr.contains("30003") && missing.stderr.contains("Check the UserID"))
        let notAdmin = try list(url, "demo_solo", "table", admin: "demo_solo")
        #expect(notAdmin.status == 1 && notAdmin.stderr.contains("60010"))

        #expect(sandbox.stop() == 0)
        let saved = try JSONValue.parse(Data(contentsOf: state))
        #expect(saved["customFields"] == .array([.string("Tier"), .string("Ticket"), .string("Extra")]))
    }

    @Test func friendsListReadsAProfile() throws {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let config = dir.appendingPathComponent("config/contactdesk")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try """
            [profiles.demo]
            sdkappid = 1400000000
            base_url = "\(url)"
            admin = "administrator"
            key_env = "DEMO_KEY"
            """.write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        var e = CommandRunner.environment(state: dir, extra: ["DEMO_KEY": TestCredentials.keyText])
        let out = try CommandRunner.run(["friends", "list", "--profile", "demo", "--account", "demo_solo", "--format", "csv"], environment: e)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.split(separator: "\r\n").count == 2)
        e["DEMO_KEY"] = nil
        let missing = try CommandRunner.run(["friends", "list", "--profile", "demo", "--account", "demo_solo"], environment: e)
        #expect(missing.status != 0 && missing.stderr.contains("DEMO_KEY is not set"))
        let unknown = try CommandRunner.run(["friends", "list", "--profile", "nope", "--account", "demo_solo"], environment: e)
        #expect(unknown.status != 0 && unknown.stderr.contains("no such profile; profiles are demo"))
    }

    @Test func badFlagsAreExplained() throws {
        let badFault = try CommandRunner.run(["sandbox", "--fault", "nonsense"], environment: env)
        #expect(badFault.status != 0 && badFault.stderr.contains("COMMAND:KIND"))
        let badField = try CommandRunner.run(["sandbox", "--custom-field", "Too_Long9"], environment: env)
        #expect(badField.status != 0 && badField.stderr.contains("ASCII letters"))
        let insecure = try CommandRunner.run(["friends", "list", "--account", "a", "--endpoint", "http://example.com",
                                                                          "--sdkappid", "1", "--admin", "x"], environment: env)
        #expect(insecure.status != 0 && insecure.stderr.contains("use https"))
        let noApp = try CommandRunner.run(["friends", "list", "--account", "a", "--endpoint", "http://127.0.0.1:9",
                                                                       "--admin", "x"], environment: env)
        #expect(noApp.status != 0 && noApp.stderr.contains("--sdkappid"))
    }
}
