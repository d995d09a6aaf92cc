import ChatAPI
import ChatSandbox
import Foundation
import Testing
import TestSupport

/// Serialized writes (30008) and the per-command rate limit (60007).
@Suite struct ConcurrencyAndRateTests {
    static let write = "{\"From_Account\":\"o\",\"UpdateItem\":[{\"To_Account\":\"f1\",\"SnsItem\":[{\"Tag\":\"Tag_SNS_IM_Remark\",\"Value\":\"x\"}]}]}"

    /// Two writes for one account at once; returns their ErrorCodes sorted. The second is sent once the emulator
    /// has counted the first, which it does in the same step as taking the account's write slot, so the first is
    /// inside its injected latency (a fixed pause here failed on a loaded machine).
    func twoConcurrentWrites(_ server: SandboxServer) async throws -> [Int64] {
        let before = await server.callCounts()["sns/friend_update"] ?? 0
        async let a = TestSandbox.raw(server, "sns/friend_update", body: Self.write)
        let deadline = ContinuousClock.now + .seconds(30)
        while (await server.callCounts()["sns/friend_update"] ?? 0) == before && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        async let b = TestSandbox.raw(server, "sns/friend_update", body: Self.write)
        let (ra, rb) = try await (a, b)
        return [ra.json["ErrorCode"]?.int ?? -1, rb.json["ErrorCode"]?.int ?? -1].sorted()
    }

    @Test func aSecondWriterForTheSameAccountGets30008() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            try await server.addFault("sns/friend_update:latency=2000")
            let codes = try await twoConcurrentWrites(server)
            #expect(codes == [0, 30008])
        }
    }

    @Test func serializationCanBeSwitchedOff() async throws {
        try await TestSandbox.with(try TestSandbox.config(serializeWrites: false), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            try await server.addFault("sns/friend_update:latency=2000")
            let codes = try await twoConcurrentWrites(server)
            #expect(codes == [0, 0])
        }
    }

    @Test func theClientNeverCollidesWithItself() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            try await server.addFault("sns/friend_update:latency=200")
            // Without retries, any 30008 would surface: the client's one-write-per-account gate prevents it.
            async let a = client.friendUpdate(account: "o", items: [UpdateItem(toAccount: "f1", snsItem: [remark("a")])])
            async let b = client.friendUpdate(account: "o", items: [UpdateItem(toAccount: "f2", snsItem: [remark("b")])])
            let (ra, rb) = try await (a, b)
            #expect(ra.map(\.outcome) == [.ok] && rb.map(\.outcome) == [.ok])
        }
    }

    @Test func overTheRateLimitIs60007() async throws {
        // A minute's window: on a loaded machine eight calls "at once" have been seen to spread over more than
        // a second, which tested the clock instead of the limit.
        try await SandboxServer.with(try TestSandbox.config(rateLimit: 5, rateWindow: .seconds(60))) { server in
            // Eight calls at once: five fit in the window, three are refused.
            let codes = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        try await TestSandbox.raw(server, "sns/group_get", body: "{\"From_Account\":\"administrator\"}").json["ErrorCode"]?.int ?? -1
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0.append($1) }.sorted()
            }
            #expect(codes == [0, 0, 0, 0, 0, 60007, 60007, 60007])
            // Per command: another command still has its own budget.
            let other = try await TestSandbox.raw(server, "im_open_login_svc/account_check", body: "{\"CheckItem\":[{\"UserID\":\"x\"}]}")
            #expect(other.json["ErrorCode"]?.int == 0)
        }
    }

    @Test func theClientsRateLimitKeepsItUnderTheEmulators() async throws {
        try await SandboxServer.with(try TestSandbox.config(rateLimit: 5)) { server in
            let client = try TestClients.make(baseURL: server.url, retry: once, callsPerSecond: 5)
            for _ in 0..<7 { _ = try await client.groupGet(account: TestCredentials.admin) }
            #expect(await server.callCounts()["sns/group_get"] == 7)
        }
    }
}
