import ChatAPI
import ChatSandbox
import Foundation
import Testing
import TestSupport

/// Injected faults, from start-up flags and at run time, and how ChatClient copes with them.
@Suite struct FaultTests {
    @Test func faultSpecsParseAndBadOnesExplainTheForm() throws {
        #expect(try FaultRule.parse("sns/friend_update:code=30008x2").kind == .callCode(30008))
        #expect(try FaultRule.parse("sns/friend_update:code=30008x2").remaining == 2)
        #expect(try FaultRule.parse("*:latency=300").kind == .latency(milliseconds: 300))
        #expect(try FaultRule.parse("sns/friend_get:http502@0.25").rate == 0.25)
        #expect(try FaultRule.parse("sns/friend_update:row=30011/u1+u2").kind == .rowCode(30011, accounts: ["u1", "u2"]))
        #expect(try FaultRule.parse("profile/portrait_get:drop-after").kind == .dropAfter)
        for bad in ["nocolon", "sns/friend_get:explode", "sns/friend_get:http502@2", "sns/friend_get:latency=-1"] {
            #expect(throws: SandboxConfigError.self) { try FaultRule.parse(bad) }
        }
        do { _ = try FaultRule.parse("x") } catch { #expect("\(error)".contains("COMMAND:KIND")) }
    }

    @Test func countedFaultsAreRetriedThroughByTheClient() async throws {
        let config = try TestSandbox.config(faults: ["sns/group_get:http502x1", "sns/group_get:dropx1",
                                                     "sns/group_get:code=30006x1", "sns/group_get:malformedx1"])
        try await TestSandbox.with(config, retry: RetryPolicy(maxAttempts: 6, baseDelay: 0.01, maxDelay: 0.02)) { server, client in
            _ = try await client.groupGet(account: TestCredentials.admin)
            #expect(await server.callCounts()["sns/group_get"] == 5)
        }
    }

    @Test func aWholeCallCodeFault() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:code=30001x1"]), retry: once) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            let rows = try await client.friendUpdate(account: "o", items: [UpdateItem(toAccount: "f1", snsItem: [remark("a")]),
                                                                           UpdateItem(toAccount: "f2", snsItem: [remark("b")])])
            #expect(rows.map(\.outcome) == Array(repeating: .failed(code: 30001, info: "bad parameter", level: .call), count: 2))
        }
    }

    @Test func rowFaultsHitChosenRowsAndListThemInFailAccount() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:row=30011/f2"]), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2", "f3"])
            let reply = try await update(client, "o", [("f1", [remark("a")]), ("f2", [remark("b")]), ("f3", [remark("c")])])
            #expect(rowCodes(reply).codes == ["f1": 0, "f2": 30011, "f3": 0] && rowCodes(reply).failed == ["f2"])
            // What the reply calls failed was not applied; the others were.
            let remarks = try await client.friendGetList(account: "o", friends: ["f1", "f2", "f3"], tags: [FriendTag.remark])
                .map { $0.snsProfileItem?.value(for: FriendTag.remark)?.stringValue ?? "" }
            #expect(remarks == ["a", "remark of f2", "c"], "\(remarks)")
            // Every row failed: nothing runs, every row is answered.
            try await server.addFault("sns/friend_update:row=30005x1")
            let all = try await update(client, "o", [("f1", [remark("x")]), ("f3", [remark("y")])])
            #expect(rowCodes(all).codes == ["f1": 30005, "f3": 30005])
            #expect(try await client.friendGetList(account: "o", friends: ["f1"], tags: [FriendTag.remark]).first?
                .snsProfileItem?.value(for: FriendTag.remark)?.stringValue == "a")
        }
    }

    @Test func aRateOfZeroNeverFiresAndARateOfOneAlwaysDoes() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/group_get:code=30006@0"]), retry: once) { server, client in
            for _ in 0..<5 { _ = try await client.groupGet(account: TestCredentials.admin) }
            try await server.addFault("sns/group_get:code=30005@1")
            await expectCallFailure(30005) { _ = try await client.groupGet(account: TestCredentials.admin) }
        }
    }

    @Test func theControlEndpointChangesFaultsAtRunTime() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { server, client in
            let control = CurlTransport()
            let added = try await control.post(HTTPRequest(url: server.url + "/_sandbox/faults",
                                                           body: Data("{\"add\":[\"sns/group_get:code=30007x1\"]}".utf8)))
            #expect(try JSONValue.parse(added.body)["faults"] == .array([.string("sns/group_get:code=30007x1 (1 left)")]))
            await expectCallFailure(30007) { _ = try await client.groupGet(account: TestCredentials.admin) }
            _ = try await client.groupGet(account: TestCredentials.admin)
            _ = try await control.post(HTTPRequest(url: server.url + "/_sandbox/faults", body: Data("{\"add\":[\"*:code=30006\"]}".utf8)))
            _ = try await control.post(HTTPRequest(url: server.url + "/_sandbox/faults", body: Data("{\"clear\":true}".utf8)))
            _ = try await client.groupGet(account: TestCredentials.admin)
            let bad = try? await control.post(HTTPRequest(url: server.url + "/_sandbox/faults", body: Data("{\"add\":[\"nonsense\"]}".utf8)))
            #expect(bad == nil)
            let settings = try await control.post(HTTPRequest(url: server.url + "/_sandbox/settings",
                                                              body: Data("{\"serializeWrites\":false,\"rateLimit\":7}".utf8)))
            #expect(try JSONValue.parse(settings.body) == .object(["serializeWrites": .bool(false), "rateLimit": .integer(7)]))
        }
    }

    @Test func latencyPastTheClientsTimeoutIsATimeout() async throws {
        try await SandboxServer.with(try TestSandbox.config(faults: ["sns/group_get:latency=3000"])) { server in
            let client = try TestClients.make(baseURL: server.url, transport: CurlTransport(options: .init(totalTimeout: 0.3)), retry: once)
            do {
                _ = try await client.groupGet(account: TestCredentials.admin)
                Issue.record("no timeout")
            } catch let ChatError.transport(_, error, _) {
                guard case .timeout = error else { Issue.record("\(error)"); return }
            }
        }
    }

    /// A stalled reply ends at the call's deadline, however many attempts the retry policy allows: no attempt
    /// starts after it. (Before, five attempts of a 60 s timeout took 302 s.)
    @Test func aStalledReplyEndsAtTheCallsDeadline() async throws {
        try await SandboxServer.with(try TestSandbox.config(faults: ["sns/group_get:latency=5000"])) { server in
            let config = ChatClientConfig(endpoint: try Endpoint(baseURL: server.url), sdkAppID: TestCredentials.sdkAppID,
                                          adminIdentifier: TestCredentials.admin, retry: RetryPolicy(maxAttempts: 50, baseDelay: 0.01, maxDelay: 0.02),
                                          deadline: 1.2)
            let client = ChatClient(config: config, userSigs: KeyUserSigSource(key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID,
                                                                               identifier: TestCredentials.admin),
                                    transport: CurlTransport(options: .init(totalTimeout: 0.5)))
            do {
                _ = try await client.groupGet(account: TestCredentials.admin)
                Issue.record("no timeout")
            } catch let ChatError.transport(_, error, attempts) {
                guard case .timeout = error else { Issue.record("\(error)"); return }
                // 0.5 s attempts within 1.2 s: the deadline, not the policy's 50, ended it (one attempt on a loaded machine).
                #expect(attempts <= 3, "\(attempts) attempts")
            }
        }
    }

    @Test func dropAfterAppliesTheWriteButLosesTheReply() async throws {
        try await TestSandbox.with(try TestSandbox.config(), retry: once) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            try await server.addFault("sns/friend_update:drop-afterx1")
            let rows = try await client.friendUpdate(account: "o", items: [UpdateItem(toAccount: "f1", snsItem: [remark("applied")])])
            guard case .notSent = rows[0].outcome else { Issue.record("expected not sent: \(rows)"); return }
            #expect(try await friends(client, "o")["f1"]?.value(for: FriendTag.remark) == .string("applied"))
        }
    }
}
