import ChatAPI
import Foundation
import Testing
import TestSupport

/// The roster cache in the real binary: the second open shows the saved list and confirms it with two calls;
/// a change made elsewhere in between is picked up by the refresh.
@Suite(.serialized) struct CacheEndToEndTests {
    @Test func aSecondOpenIsConfirmedWithTwoCallsAndSeesChangesMadeElsewhere() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        func open() throws -> TmuxSession { try EmulatorSession.tui(url, env: env, account: "demo_shop", width: 100) }
        func calls() throws -> JSONValue {
            let out = try CommandRunner.run(["-s", url + "/_sandbox/calls"], environment: ["PATH": "/usr/bin:/bin"],
                                            executable: URL(fileURLWithPath: "/usr/bin/curl")).stdout
            return try JSONValue.parse(Data(out.utf8))
        }
        func resetCalls() throws {
            _ = try CommandRunner.run(["-s", "-X", "POST", url + "/_sandbox/calls/reset"], environment: ["PATH": "/usr/bin:/bin"],
                                      executable: URL(fileURLWithPath: "/usr/bin/curl"))
        }

        let cold = try open()
        try cold.waitFor("3000 friends loaded")
        try cold.send("q")
        try cold.waitFor("EXIT=0")
        #expect(try calls()["sns/friend_get"] == .integer(30))

        try resetCalls()
        let warm = try open()
        try warm.waitFor("3000 friends loaded")
        try warm.send("q")
        try warm.waitFor("EXIT=0")
        #expect(try calls() == .object(["sns/friend_get": .integer(1), "sns/group_get": .integer(1)]))

        // Another client renames c0001; the next open shows the saved list, then the new remark.
        let other = try TestClients.make(baseURL: url)
        _ = try await other.friendUpdate(account: "demo_shop", items: [UpdateItem(toAccount: "c0001", snsItem: [
            TagValue(tag: FriendTag.remark, value: .string("改名了 renamed")),
        ])])
        let changed = try open()
        let screen = try changed.waitFor("3000 friends loaded")
        #expect(screen.split(separator: "\n").contains { $0.contains("c0001") && $0.contains("改名了 renamed") }, "\(screen)")
        try changed.send("q")
        try changed.waitFor("EXIT=0")
    }
}
