import Foundation
import Logging
import Synchronization
import Testing
import TestSupport
@testable import ChatAPI

/// ChatClient over libcurl against a scripted server on 127.0.0.1, port 0.
@Suite struct CurlTransportTests {
    static let ok = StubReply.ok()

    @Test func twentyFiveHundredUpdatesBecomeThreeCallsOverTheNetwork() async throws {
        try await StubChatServer.with({ request in
            let ids = request.json?["UpdateItem"]?.elements.compactMap { $0["To_Account"]?.string } ?? []
            let items = ids.reversed().map { "{\"To_Account\":\"\($0)\",\"ResultCode\":\($0 == "f1999" ? 30011 : 0),\"ResultInfo\":\"\"}" }
            return .ok("\"ResultItem\":[\(items.joined(separator: ","))]" + (ids.contains("f1999") ? ",\"Fail_Account\":[\"f1999\"]" : ""))
        }) { server in
            let client = try TestClients.make(baseURL: server.baseURL)
            let results = try await client.friendUpdate(account: "owner", items: ChatClientBatchingTests.updateItems(2500))
            #expect(server.requests.count == 3)
            #expect(server.requests.map { $0.json?["UpdateItem"]?.elements.count } == [1000, 1000, 500])
            #expect(results.map(\.toAccount) == (0..<2500).map { "f\($0)" })
            #expect(results[1999].outcome == .failed(code: 30011, info: "", level: .row))
            #expect(results.filter(\.outcome.isOK).count == 2499)
            // The documented query parameters are all there, with a valid UserSig for the admin.
            let q = server.requests[0].query
            #expect(q["sdkappid"] == "\(TestCredentials.sdkAppID)" && q["identifier"] == TestCredentials.admin && q["contenttype"] == "json")
            #expect(UInt32(q["random"] ?? "") != nil)
            #expect(throws: Never.self) {
                try UserSig.verify(q["usersig"] ?? "", key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID,
                                   identifier: TestCredentials.admin)
            }
        }
    }

    @Test func pagingToCompleteFlagOverTheNetwork() async throws {
        try await StubChatServer.with({ request in
            let start = Int(request.json?["StartIndex"]?.int ?? 0)
            let items = (start..<min(start + 100, 230)).map { "{\"To_Account\":\"u\($0)\",\"ValueItem\":[{\"Tag\":\"Tag_SNS_IM_Remark\",\"Value\":\"备注\($0)\"}]}" }
            let done = start + 100 >= 230
            return .ok("\"UserDataItem\":[\(items.joined(separator: ","))],\"CompleteFlag\":\(done ? 1 : 0),\"NextStartIndex\":\(done ? 0 : start + 100),\"FriendNum\":230")
        }) { server in
            let snapshot = try await TestClients.make(baseURL: server.baseURL).friendGetAll(account: "o")
            #expect(snapshot.friends.count == 230 && snapshot.pages == 3)
            #expect(snapshot.friends[229].valueItem?.value(for: FriendTag.remark) == .string("备注229"))
        }
    }

    /// A server that fails the first `failures` requests with `failure`, then answers OK.
    static func flaky(_ failures: Int, _ failure: StubReply) -> StubChatServer.Handler {
        let count = Mutex(0)
        return { _ in count.withLock { $0 += 1; return $0 } <= failures ? failure : .ok("\"ResultItem\":[]") }
    }

    @Test(arguments: [30006, 30007, 30008, 60007])
    func retryableCodesAreRetriedOverTheNetwork(code: Int) async throws {
        try await StubChatServer.with(Self.flaky(2, .fail(code, "try again"))) { server in
            _ = try await TestClients.make(baseURL: server.baseURL).groupGet(account: "o")
            #expect(server.requests.count == 3)
        }
    }

    @Test func http502IsRetried() async throws {
        try await StubChatServer.with(Self.flaky(2, .status(502, "<html><h1>502 Bad Gateway</h1></html>"))) { server in
            _ = try await TestClients.make(baseURL: server.baseURL).groupGet(account: "o")
            #expect(server.requests.count == 3)
        }
    }

    @Test func aDroppedConnectionIsRetried() async throws {
        try await StubChatServer.with(Self.flaky(1, .drop)) { server in
            _ = try await TestClients.make(baseURL: server.baseURL).groupGet(account: "o")
            #expect(server.requests.count == 2)
        }
    }

    @Test func http502ThatPersistsIsATransportErrorWithStatusAndExcerpt() async throws {
        try await StubChatServer.with({ _ in .status(502, "<html><h1>502 Bad Gateway</h1></html>") }) { server in
            do {
                _ = try await TestClients.make(baseURL: server.baseURL).groupGet(account: "o")
                Issue.record("no error")
            } catch let ChatError.transport(command, error, attempts) {
                #expect(command == .groupGet && attempts == TestClients.fastRetry.maxAttempts)
                #expect(error == .httpStatus(502, excerpt: "<html><h1>502 Bad Gateway</h1></html>"))
            }
        }
    }

    @Test func badParameterIsNotRetried() async throws {
        try await StubChatServer.with({ _ in .fail(30001, "Invalid field: Tag_SNS_Custom_Nope") }) { server in
            await #expect(throws: ChatError.api(command: .friendUpdate, code: 30001, info: "Invalid field: Tag_SNS_Custom_Nope")) {
                _ = try await TestClients.make(baseURL: server.baseURL).call(
                    .friendUpdate, account: "o", FriendUpdateRequest(fromAccount: "o", updateItem: []), as: FriendUpdatePayload.self)
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func anExpiredUserSigIsRenewedAndTheCallRetried() async throws {
        // The server refuses any UserSig issued before its clock's second-hand notion of "now" moved on.
        let tick = Mutex<Int64>(1_000)
        let sigs = KeyUserSigSource(key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID, identifier: TestCredentials.admin,
                                    lifetime: 86_400, clock: { tick.withLock { $0 += 1; return $0 } })
        try await StubChatServer.with({ request in
            let claims = try? UserSig.verify(request.query["usersig"] ?? "", key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID,
                                             identifier: TestCredentials.admin, now: 1_001)
            return claims?.time == 1_001 ? .fail(70001, "UserSig expired") : .ok()
        }) { server in
            _ = try await TestClients.make(baseURL: server.baseURL, userSigs: sigs).groupDelete(account: "o", groups: ["g"])
            #expect(server.requests.count == 2)
            #expect(await sigs.generated == 2)
        }
    }

    @Test func theTotalTimeoutFires() async throws {
        try await StubChatServer.with({ _ in .delayed(.seconds(5), .ok()) }) { server in
            let transport = CurlTransport(options: .init(connectTimeout: 2, totalTimeout: 0.3))
            let client = try TestClients.make(baseURL: server.baseURL, transport: transport, retry: RetryPolicy(maxAttempts: 1))
            do {
                _ = try await client.groupGet(account: "o")
                Issue.record("no timeout")
            } catch let ChatError.transport(_, error, _) {
                guard case .timeout(let message) = error else { Issue.record("\(error)"); return }
                #expect(message.contains("timed out"))
            }
        }
    }

    @Test func connectionsAreReusedAcrossCalls() async throws {
        try await StubChatServer.with({ _ in .ok() }) { server in
            let transport = CurlTransport()
            let client = try TestClients.make(baseURL: server.baseURL, transport: transport)
            for _ in 0..<5 { _ = try await client.groupDelete(account: "o", groups: ["g"]) }
            #expect(Set(server.requests.map(\.connection)).count == 1)
            let again = try await transport.post(HTTPRequest(url: server.baseURL + "/v4/sns/group_get", body: Data("{}".utf8)))
            #expect(again.newConnections == 0)
        }
    }

    @Test func aCancelledCallStopsPromptly() async throws {
        try await StubChatServer.with({ _ in .delayed(.seconds(20), .ok()) }) { server in
            let client = try TestClients.make(baseURL: server.baseURL)
            let task = Task { try await client.groupGet(account: "o") }
            while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            let started = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(ContinuousClock.now - started < .seconds(10), "cancellation waited for the server")
            #expect(server.requests.count == 1)
        }
    }

    @Test func nothingListeningIsAConnectionError() async throws {
        // Port 9 (discard) on loopback has no listener here.
        let client = try TestClients.make(baseURL: "http://127.0.0.1:9", retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01))
        do {
            _ = try await client.groupGet(account: "o")
            Issue.record("no error")
        } catch let ChatError.transport(_, error, attempts) {
            guard case .connection = error else { Issue.record("\(error)"); return }
            #expect(attempts == 2)
        }
    }

    @Test func theLogNamesCallsButNeverTheUserSig() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cd-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("contactdesk.log")
        let factory = try FileLogHandler.open(file, level: .debug)
        try await StubChatServer.with(Self.flaky(1, .fail(30008, "busy"))) { server in
            let client = try TestClients.make(baseURL: server.baseURL, logger: Logger(label: "contactdesk.chat", factory: factory))
            _ = try await client.friendUpdate(account: "acct-1", items: ChatClientBatchingTests.updateItems(3))
            let sig = server.requests[0].query["usersig"] ?? "missing"
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("command=sns/friend_update") && text.contains("account=acct-1") && text.contains("rows=3"))
            #expect(text.contains("attempts=2") && text.contains("codes=30008,0"))
            #expect(!text.contains(sig) && !text.contains(TestCredentials.keyText))
        }
    }
}
