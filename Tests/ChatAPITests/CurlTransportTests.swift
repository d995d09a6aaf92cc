import ChatSandbox
import Foundation
import Logging
import Synchronization
import Testing
import TestSupport
@testable import ChatAPI

/// Counts the new connections libcurl opened, request by request.
final class ConnectionCounter: HTTPTransport, Sendable {
    let inner = CurlTransport()
    let counts = Mutex<[(idempotent: Bool, new: Int)]>([])
    func post(_ request: HTTPRequest) async throws -> HTTPResponse {
        let r = try await inner.post(request)
        counts.withLock { $0.append((request.idempotent, r.newConnections)) }
        return r
    }
}

/// ChatClient over libcurl against the emulator on 127.0.0.1, port 0.
@Suite struct CurlTransportTests {
    @Test func twentyFiveHundredUpdatesBecomeThreeCallsOverTheNetwork() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            let ids = (0..<2500).map { "f\($0)" }
            try await TestSandbox.seed(client, owner: "owner", friends: ids.filter { $0 != "f1999" })
            await server.resetCallCounts()
            let results = try await client.friendUpdate(account: "owner", items: ChatClientBatchingTests.updateItems(2500))
            #expect(await server.callCounts()["sns/friend_update"] == 3)
            #expect(results.map(\.toAccount) == ids)
            #expect(results[1999].outcome == .failed(code: 30001, info: "Err_SNS_FriendUpdate_Not_Friend", level: .row))
            #expect(results.filter(\.outcome.isOK).count == 2499)
        }
    }

    @Test func pagingToCompleteFlagOverTheNetwork() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: (0..<230).map { "u\($0)" })
            let snapshot = try await client.friendGetAll(account: "o")
            #expect(snapshot.friends.count == 230 && snapshot.pages == 3 && snapshot.friendNum == 230)
            #expect(snapshot.friends[229].valueItem?.value(for: FriendTag.remark) == .string("remark of u229"))
        }
    }

    @Test(arguments: ["code=30006", "code=30007", "code=30008", "code=60007", "http502", "drop"])
    func transientFailuresAreRetried(fault: String) async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/group_get:\(fault)x2"])) { server, client in
            _ = try await client.groupGet(account: TestCredentials.admin)
            #expect(await server.callCounts()["sns/group_get"] == 3)
        }
    }

    @Test func http502ThatPersistsIsATransportErrorWithStatusAndExcerpt() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/group_get:http502"])) { _, client in
            do {
                _ = try await client.groupGet(account: TestCredentials.admin)
                Issue.record("no error")
            } catch let ChatError.transport(command, error, attempts) {
                #expect(command == .groupGet && attempts == TestClients.fastRetry.maxAttempts)
                #expect(error == .httpStatus(502, excerpt: "<html><body><h1>502 Bad Gateway</h1></body></html>"))
            }
        }
    }

    @Test func badParameterIsNotRetried() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            await server.resetCallCounts()
            await #expect(throws: ChatError.api(command: .friendUpdate, code: 30001, info: "Invalid field: Tag_SNS_Custom_Nope")) {
                _ = try await client.call(.friendUpdate, account: "o",
                                          FriendUpdateRequest(fromAccount: "o", updateItem: [UpdateItem(toAccount: "f1", snsItem: [
                                              TagValue(tag: FriendTag.custom("Nope"), value: .string("x"))])]),
                                          as: FriendUpdatePayload.self)
            }
            #expect(await server.callCounts()["sns/friend_update"] == 1)
        }
    }

    @Test func anExpiredUserSigIsRenewedAndTheCallRetried() async throws {
        // The first UserSig is made with a clock two days behind, so the emulator refuses it with 70001.
        let readings = Mutex(0)
        let sigs = KeyUserSigSource(key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID, identifier: TestCredentials.admin,
                                    lifetime: 3600, clock: {
                                        let now = Int64(Date().timeIntervalSince1970)
                                        return readings.withLock { $0 += 1; return $0 } == 1 ? now - 172_800 : now
                                    })
        try await SandboxServer.with(try TestSandbox.config()) { server in
            let client = try TestClients.make(baseURL: server.url, userSigs: sigs)
            _ = try await client.groupGet(account: TestCredentials.admin)
            #expect(await server.callCounts()["sns/group_get"] == 2)
            #expect(await sigs.generated == 2)
        }
    }

    @Test func theTotalTimeoutFires() async throws {
        try await SandboxServer.with(try TestSandbox.config(faults: ["sns/group_get:latency=5000"])) { server in
            let transport = CurlTransport(options: .init(connectTimeout: 2, totalTimeout: 0.3))
            let client = try TestClients.make(baseURL: server.url, transport: transport, retry: RetryPolicy(maxAttempts: 1))
            do {
                _ = try await client.groupGet(account: TestCredentials.admin)
                Issue.record("no timeout")
            } catch let ChatError.transport(_, error, _) {
                guard case .timeout(let message) = error else { Issue.record("\(error)"); return }
                #expect(message.contains("timed out"))
            }
        }
    }

    @Test func readsReuseOneConnectionAndWritesGetTheirOwn() async throws {
        try await SandboxServer.with(try TestSandbox.config()) { server in
            let counter = ConnectionCounter()
            let client = try TestClients.make(baseURL: server.url, transport: counter)
            for _ in 0..<5 { _ = try await client.groupGet(account: TestCredentials.admin) }
            for _ in 0..<2 { _ = try await client.groupAdd(account: TestCredentials.admin, groups: ["g"]) }
            let counts = counter.counts.withLock { $0 }
            #expect(counts.filter(\.idempotent).map(\.new) == [1, 0, 0, 0, 0])
            #expect(counts.filter { !$0.idempotent }.map(\.new) == [1, 1])
        }
    }

    @Test func aCancelledCallStopsPromptly() async throws {
        try await SandboxServer.with(try TestSandbox.config(faults: ["sns/group_get:latency=20000"])) { server in
            let client = try TestClients.make(baseURL: server.url)
            let task = Task { try await client.groupGet(account: TestCredentials.admin) }
            while await server.callCounts()["sns/group_get"] == nil { try await Task.sleep(for: .milliseconds(5)) }
            let started = ContinuousClock.now
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(ContinuousClock.now - started < .seconds(10), "cancellation waited for the server")
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
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("contactdesk.log")
        let factory = try FileLogHandler.open(file, level: .debug)
        try await SandboxServer.with(try TestSandbox.config(faults: ["sns/group_add:code=30008x1"])) { server in
            let client = try TestClients.make(baseURL: server.url, logger: Logger(label: "contactdesk.chat", factory: factory))
            _ = try await client.groupAdd(account: TestCredentials.admin, groups: ["g1"], friends: [])
            let sig = try await KeyUserSigSource(key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID,
                                                 identifier: TestCredentials.admin).userSig(renew: false)
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.contains("command=sns/group_add") && text.contains("account=\(TestCredentials.admin)") && text.contains("rows=0"))
            #expect(text.contains("attempts=2") && text.contains("codes=30008,0"))
            #expect(!text.contains(String(sig.prefix(40))) && !text.contains(TestCredentials.keyText))
        }
    }
}

/// The threads libcurl's blocking transfers run on.
@Suite struct TransferThreadsTests {
    /// Jobs never wait for each other (a hung transfer must not hold up the next), threads are reused, and idle
    /// ones end.
    @Test func everyJobGetsAThreadAtOnceAndIdleThreadsEnd() async throws {
        // Idle threads kept for a minute here: a loaded machine must not end them while the test looks at reuse.
        let pool = TransferThreads(idleLimit: 60)
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        for _ in 0..<3 { pool.run { started.signal(); release.wait(); done.signal() } }
        // All three run at once: each signals before any is released.
        for _ in 0..<3 { #expect(started.wait(timeout: .now() + 10) == .success) }
        #expect(pool.threads == 3)
        for _ in 0..<3 { release.signal() }
        for _ in 0..<3 { #expect(done.wait(timeout: .now() + 10) == .success) }
        // A job after they went idle reuses one of them instead of starting a fourth.
        let idle = ContinuousClock.now + .seconds(10)
        while pool.idleThreads < 3, ContinuousClock.now < idle { try await Task.sleep(for: .milliseconds(5)) }
        pool.run { done.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(pool.threads == 3)

        // A pool whose threads may idle 0.2 s: once its job is done, its thread ends.
        let short = TransferThreads(idleLimit: 0.2)
        short.run { done.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
        let ended = ContinuousClock.now + .seconds(10)
        while short.threads > 0, ContinuousClock.now < ended { try await Task.sleep(for: .milliseconds(20)) }
        #expect(short.threads == 0)
    }
}
