import Foundation
import Synchronization
import Testing
import TestSupport
@testable import ChatAPI

/// ChatClient's batching, ordering, retries and gating, without sockets.
@Suite struct ChatClientBatchingTests {
    static func updateItems(_ n: Int) -> [UpdateItem] {
        (0..<n).map { UpdateItem(toAccount: "f\($0)", snsItem: [TagValue(tag: FriendTag.remark, value: .string("r\($0)"))]) }
    }

    /// Answers friend_update with results in reverse order, failing friends whose number ends in 7.
    static func reversedResults(_ body: JSONValue) -> HTTPResponse {
        let ids = body["UpdateItem"]!.elements.compactMap { $0["To_Account"]?.string }
        let items = ids.reversed().map { id in
            id.hasSuffix("7") ? "{\"To_Account\":\"\(id)\",\"ResultCode\":30011,\"ResultInfo\":\"Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold\"}"
                : "{\"To_Account\":\"\(id)\",\"ResultCode\":0,\"ResultInfo\":\"\"}"
        }
        return ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"ResultItem\":[\(items.joined(separator: ","))]}")
    }

    @Test func twentyFiveHundredUpdatesBecomeThreeCallsMergedInOrder() async throws {
        let transport = ScriptedTransport { _, body, _ in Self.reversedResults(body) }
        let client = try TestClients.make(transport: transport)
        let results = try await client.friendUpdate(account: "owner", items: Self.updateItems(2500))
        #expect(transport.sent.map { $0.json["UpdateItem"]!.elements.count } == [1000, 1000, 500])
        #expect(transport.sent.allSatisfy { $0.command == "sns/friend_update" && $0.json["From_Account"] == .string("owner") })
        #expect(results.map(\.toAccount) == (0..<2500).map { "f\($0)" })
        #expect(results[7].outcome == .failed(code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold", level: .row))
        #expect(results.filter { !$0.outcome.isOK }.count == 250)
    }

    @Test func aRefusedCallMarksEachOfItsRowsAndOthersStillGo() async throws {
        let transport = ScriptedTransport { _, body, index in
            index == 1 ? ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30001,\"ErrorInfo\":\"Invalid field: Tag_SNS_Custom_X\"}")
                : Self.reversedResults(body)
        }
        let results = try await TestClients.make(transport: transport).friendUpdate(account: "o", items: Self.updateItems(2100))
        #expect(transport.sent.count == 3)
        #expect(results[1000..<2000].allSatisfy { $0.outcome == .failed(code: 30001, info: "Invalid field: Tag_SNS_Custom_X", level: .call) })
        #expect(results[2000].outcome == .ok)
    }

    @Test func aCredentialFailureStopsLaterCalls() async throws {
        let transport = ScriptedTransport { _, _, _ in ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70009,\"ErrorInfo\":\"bad sig\"}") }
        let results = try await TestClients.make(transport: transport).friendUpdate(account: "o", items: Self.updateItems(1500))
        #expect(transport.sent.count == 1)
        #expect(results[0].outcome == .failed(code: 70009, info: "bad sig", level: .call))
        guard case .notSent(let reason) = results[1200].outcome else { Issue.record("\(results[1200])"); return }
        #expect(reason.contains("70009"))
    }

    /// A scripted friend_get over friends u0..<total: a page runs from StartIndex to `end(start)` (capped at the
    /// total) and carries StandardSequence `sequence(start)`.
    static func friendPages(total: Int, end: @escaping @Sendable (Int) -> Int = { $0 + 100 },
                            sequence: @escaping @Sendable (Int) -> Int = { _ in 9 }) -> ScriptedTransport {
        ScriptedTransport { _, body, _ in
            let start = Int(body["StartIndex"]!.int!)
            let stop = min(end(start), total)
            let items = (start..<stop).map { "{\"To_Account\":\"u\($0)\",\"ValueItem\":[]}" }
            let done = stop >= total
            return ScriptedTransport.json("""
                {"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","UserDataItem":[\(items.joined(separator: ","))],
                 "StandardSequence":\(sequence(start)),"CustomSequence":4,"FriendNum":\(total),"CompleteFlag":\(done ? 1 : 0),
                 "NextStartIndex":\(done ? 0 : stop)}
                """)
        }
    }

    @Test func friendGetPagesUntilCompleteFlag() async throws {
        let transport = Self.friendPages(total: 250)
        let pages = Mutex<[Int]>([])
        let snapshot = try await TestClients.make(transport: transport).friendGetAll(account: "o") { page in
            pages.withLock { $0.append(page.count) }
        }
        // The first page comes first; the other two are prefetched together.
        #expect(transport.sent.first?.json["StartIndex"]?.int == 0)
        #expect(transport.sent.map { $0.json["StartIndex"]!.int! }.sorted() == [0, 100, 200])
        #expect(pages.withLock { $0 } == [100, 100, 50])
        #expect(snapshot.friends.map(\.toAccount) == (0..<250).map { "u\($0)" })
        #expect(snapshot.standardSequence == 9 && snapshot.customSequence == 4 && snapshot.friendNum == 250 && snapshot.pages == 3)
    }

    /// A server whose pages are not all the size of the first: the prefetched pages that do not fit are dropped
    /// and the rest is read page by page from the first that did not fit, without gaps or duplicates.
    @Test func prefetchedPagesThatDoNotFitAreReadAgainPageByPage() async throws {
        // Pages: 0..<100, then 100..<150, then 150..<250 (the server shortened its second page).
        let transport = Self.friendPages(total: 250, end: { $0 == 100 ? 150 : $0 + 100 })
        let snapshot = try await TestClients.make(transport: transport).friendGetAll(account: "o")
        #expect(snapshot.friends.map(\.toAccount) == (0..<250).map { "u\($0)" })
        // 0, then 100 and 200 prefetched (200 dropped), then 150 page by page.
        #expect(transport.sent.map { $0.json["StartIndex"]!.int! }.sorted() == [0, 100, 150, 200])
    }

    @Test func aSequenceThatMovesDuringPrefetchFallsBackToPaging() async throws {
        // The list changed after the first page: later pages carry a newer StandardSequence.
        let transport = Self.friendPages(total: 300, sequence: { $0 == 0 ? 9 : 10 })
        let snapshot = try await TestClients.make(transport: transport).friendGetAll(account: "o")
        #expect(snapshot.friends.map(\.toAccount) == (0..<300).map { "u\($0)" })
        // Read across a change: not a consistent copy, so no sequences to cache it under.
        #expect(snapshot.standardSequence == nil && snapshot.customSequence == nil)
        #expect(transport.sent.count >= 4, "the prefetched page at 100 did not fit and was read again")
    }

    /// The list shrank after the first page: the page past its new end fails, and that failure arrives before
    /// the page that ends the list. Paging would never have asked for it, so the read succeeds.
    @Test func aPrefetchedPagePastTheEndDoesNotFailTheRead() async throws {
        let answeredBeyond = Mutex(false)
        let transport = ScriptedTransport { _, body, _ in
            let start = Int(body["StartIndex"]!.int!)
            if start == 200 {
                answeredBeyond.withLock { $0 = true }
                return ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30001,\"ErrorInfo\":\"StartIndex beyond the list\"}")
            }
            if start == 100 { while !answeredBeyond.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(1)) } }
            let stop = start == 0 ? 100 : 150
            let items = (start..<stop).map { "{\"To_Account\":\"u\($0)\",\"ValueItem\":[]}" }
            return ScriptedTransport.json("""
                {"ActionStatus":"OK","ErrorCode":0,"UserDataItem":[\(items.joined(separator: ","))],"StandardSequence":9,"CustomSequence":4,
                 "FriendNum":\(start == 0 ? 300 : 150),"CompleteFlag":\(start == 0 ? 0 : 1),"NextStartIndex":\(start == 0 ? 100 : 0)}
                """)
        }
        let snapshot = try await TestClients.make(transport: transport, retry: RetryPolicy(maxAttempts: 1)).friendGetAll(account: "o")
        #expect(snapshot.friends.map(\.toAccount) == (0..<150).map { "u\($0)" })
    }

    @Test func pagingThatDoesNotAdvanceIsAProtocolError() async throws {
        let transport = ScriptedTransport { _, _, _ in
            ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserDataItem\":[],\"CompleteFlag\":0,\"NextStartIndex\":0}")
        }
        await #expect(throws: ChatError.self) { try await TestClients.make(transport: transport).friendGetAll(account: "o") }
        #expect(transport.sent.count == 1)
    }

    /// A page of `count` friends from `start`, with the given FriendNum, CompleteFlag (nil: left out) and NextStartIndex.
    static func page(_ start: Int, _ count: Int, total: Int, flag: String?, next: Int) -> HTTPResponse {
        let items = (start..<(start + count)).map { "{\"To_Account\":\"u\($0)\",\"ValueItem\":[]}" }.joined(separator: ",")
        let flagPart = flag.map { ",\"CompleteFlag\":\($0)" } ?? ""
        return ScriptedTransport.json("""
            {"ActionStatus":"OK","ErrorCode":0,"UserDataItem":[\(items)],"StandardSequence":9,"CustomSequence":4,"FriendNum":\(total)\(flagPart),"NextStartIndex":\(next)}
            """)
    }

    static func protocolReason(_ body: () async throws -> Void) async -> String? {
        do { try await body(); return nil } catch let ChatError.protocolError(_, reason, _) { return reason } catch { return "\(error)" }
    }

    /// Every read is complete or an error: a reply that cannot say it is the end never becomes a shorter list.
    @Test(arguments: [nil, "-1", "null", "2"] as [String?])
    func aPageWithoutAValidCompleteFlagIsAnError(flag: String?) async {
        let transport = ScriptedTransport { _, _, _ in Self.page(0, 100, total: 150, flag: flag, next: 100) }
        let reason = await Self.protocolReason { _ = try await TestClients.make(transport: transport).friendGetAll(account: "o") }
        #expect(reason?.contains("CompleteFlag is") == true, "\(reason ?? "no error")")
    }

    @Test func emptyPagesBeforeTheEndAndShortOrEndlessListsAreErrors() async {
        // An empty page while CompleteFlag says there is more.
        let empty = ScriptedTransport { _, body, _ in
            let start = Int(body["StartIndex"]!.int!)
            return start == 0 ? Self.page(0, 100, total: 300, flag: "0", next: 100) : Self.page(start, 0, total: 300, flag: "0", next: start + 100)
        }
        let emptyReason = await Self.protocolReason { _ = try await TestClients.make(transport: empty).friendGetAll(account: "o") }
        #expect(emptyReason?.contains("has no friends but the list is not complete") == true, "\(emptyReason ?? "no error")")
        // The end, after fewer friends than FriendNum.
        let short = ScriptedTransport { _, _, _ in Self.page(0, 100, total: 150, flag: "1", next: 0) }
        let shortReason = await Self.protocolReason { _ = try await TestClients.make(transport: short).friendGetAll(account: "o") }
        #expect(shortReason == "the list ended after 100 friends, FriendNum says 150")
        // Full pages forever: stopped once past FriendNum by more than a page, after a bounded number of calls.
        let endless = ScriptedTransport { _, body, _ in
            let start = Int(body["StartIndex"]!.int!)
            return Self.page(start, 100, total: 300, flag: "0", next: start + 100)
        }
        let endlessReason = await Self.protocolReason { _ = try await TestClients.make(transport: endless).friendGetAll(account: "o") }
        #expect(endlessReason?.contains("more than FriendNum 300") == true, "\(endlessReason ?? "no error")")
        #expect(endless.sent.count < 20)
    }

    @Test(arguments: [30006, 30007, 30008, 60007, 60011, 70169, 70500])
    func retryableCodesAreRetried(code: Int) async throws {
        let transport = ScriptedTransport { _, _, index in
            index < 2 ? ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":\(code),\"ErrorInfo\":\"busy\"}")
                : ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ResultItem\":[]}")
        }
        _ = try await TestClients.make(transport: transport).groupGet(account: "o")
        #expect(transport.sent.count == 3)
    }

    @Test func retriesAreBounded() async throws {
        let transport = ScriptedTransport { _, _, _ in ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":30006,\"ErrorInfo\":\"x\"}") }
        await #expect(throws: ChatError.api(command: .groupGet, code: 30006, info: "x")) {
            try await TestClients.make(transport: transport).groupGet(account: "o")
        }
        #expect(transport.sent.count == TestClients.fastRetry.maxAttempts)
    }

    @Test(arguments: [30001, 30003, 30011, 60009, 70009, 91234])
    func nonRetryableCodesAreNotRetried(code: Int) async throws {
        let transport = ScriptedTransport { _, _, _ in ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":\(code),\"ErrorInfo\":\"no\"}") }
        await #expect(throws: ChatError.api(command: .groupGet, code: code, info: "no")) {
            try await TestClients.make(transport: transport).groupGet(account: "o")
        }
        #expect(transport.sent.count == 1)
    }

    @Test func expiredUserSigIsRenewedOnceAndRetried() async throws {
        // A clock that ticks on every reading, so a renewed UserSig differs from the refused one.
        let tick = Mutex<Int64>(Int64(Date().timeIntervalSince1970))
        let sigs = KeyUserSigSource(key: TestCredentials.key, sdkAppID: TestCredentials.sdkAppID, identifier: TestCredentials.admin,
                                    clock: { tick.withLock { $0 += 1; return $0 } })
        let transport = ScriptedTransport { _, _, index in
            index == 0 ? ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70001,\"ErrorInfo\":\"expired\"}")
                : ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0}")
        }
        _ = try await TestClients.make(transport: transport, userSigs: sigs).groupDelete(account: "o", groups: ["g"])
        #expect(transport.sent.count == 2)
        #expect(transport.sent[0].query["usersig"] != transport.sent[1].query["usersig"])
        #expect(await sigs.generated == 2)
    }

    /// The clock does not move between the refusal and the renewal: the new UserSig must still differ.
    @Test func aRenewalInTheSameSecondGivesANewUserSig() async throws {
        let sigs = KeyUserSigSource(key: TestCredentials.key, sdkAppID: 1, identifier: "a", lifetime: 3600, clock: { 1_000_000 })
        let first = try await sigs.userSig(renew: false)
        let renewed = try await sigs.userSig(renew: true)
        let again = try await sigs.userSig(renew: true)
        #expect(Set([first, renewed, again]).count == 3)
        let claims = try UserSig.verify(renewed, key: TestCredentials.key, sdkAppID: 1, identifier: "a", now: 1_000_000)
        #expect(claims.time == 1_000_000 && claims.expire == 3599)
    }

    /// A UserSig made a moment ago that the service calls expired means the clocks disagree: say so.
    @Test func anExpiredFreshUserSigPointsAtTheClock() async throws {
        let transport = ScriptedTransport { _, _, _ in ScriptedTransport.json("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70001,\"ErrorInfo\":\"expired\"}") }
        do {
            _ = try await TestClients.make(transport: transport).groupGet(account: "o")
            Issue.record("no error")
        } catch let ChatError.api(_, code, info) {
            #expect(code == 70001 && transport.sent.count == 2)
            #expect(info.hasPrefix("the service says this UserSig expired: check this machine's clock (NTP); local time is "), "\(info)")
            #expect(info.contains("(expired)"))
        }
        // An old UserSig (made by a command an hour ago, say) is not blamed on the clock.
        let old = UserSig.generate(key: TestCredentials.key, sdkAppID: 1, identifier: "a", expire: 60, time: Int64(Date().timeIntervalSince1970) - 3600)
        #expect(ChatClient.expiredExplanation(old, info: "expired") == "expired")
        // Extreme numbers in a crafted UserSig do not trap.
        let crafted = UserSig.generate(key: TestCredentials.key, sdkAppID: 1, identifier: "a", expire: .max, time: .max)
        #expect(ChatClient.expiredExplanation(crafted, info: "x") == "x")
        #expect(try UserSig.decode(crafted).expiresAt == .max)
    }

    @Test func userSigsAreCachedAndRenewedBeforeExpiry() async throws {
        let now = Mutex<Int64>(1_000_000)
        let sigs = KeyUserSigSource(key: TestCredentials.key, sdkAppID: 1, identifier: "a", lifetime: 3600,
                                    clock: { now.withLock { $0 } })
        let first = try await sigs.userSig(renew: false)
        now.withLock { $0 += 3000 }
        #expect(try await sigs.userSig(renew: false) == first)
        now.withLock { $0 += 300 }  // 300 s left, less than a tenth of the lifetime: renew
        let renewed = try await sigs.userSig(renew: false)
        #expect(renewed != first)
        #expect(try UserSig.verify(renewed, key: TestCredentials.key, sdkAppID: 1, identifier: "a", now: 1_003_300).time == 1_003_300)
        #expect(await sigs.generated == 2)
    }

    @Test func aReplyThatIsNotTheAPIsJSONIsRetriedOnceThenReported() async throws {
        let transport = ScriptedTransport { _, _, _ in ScriptedTransport.json("<html>Bad Gateway</html>") }
        do {
            _ = try await TestClients.make(transport: transport).groupGet(account: "o")
            Issue.record("no error")
        } catch let ChatError.protocolError(command, reason, excerpt) {
            #expect(command == .groupGet && reason == "not a JSON object" && excerpt == "<html>Bad Gateway</html>")
        }
        #expect(transport.sent.count == 2)

        let missing = ScriptedTransport { _, _, _ in ScriptedTransport.json("{\"Hello\":1}") }
        await #expect(throws: ChatError.protocolError(command: .groupGet, reason: "no ActionStatus or ErrorCode", excerpt: "{\"Hello\":1}")) {
            try await TestClients.make(transport: missing).groupGet(account: "o")
        }
    }

    @Test func oneWriteInFlightPerAccountButReadsAndOtherAccountsOverlap() async throws {
        let transport = ScriptedTransport { _, body, _ in
            try await Task.sleep(for: .milliseconds(30))
            return body["UpdateItem"] != nil ? Self.reversedResults(body) : ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0}")
        }
        let client = try TestClients.make(transport: transport)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { _ = try await client.friendUpdate(account: "same", items: Self.updateItems(3)) } }
            try await group.waitForAll()
        }
        #expect(transport.maxInFlight == 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<4 { group.addTask { _ = try await client.friendUpdate(account: "acc\(i)", items: Self.updateItems(3)) } }
            try await group.waitForAll()
        }
        #expect(transport.maxInFlight > 1)
    }

    @Test func lookupsGoInHundredsAndComeBackInRequestOrder() async throws {
        let transport = ScriptedTransport { command, body, _ in
            if command == "profile/portrait_get" {
                let ids = body["To_Account"]!.elements.compactMap(\.string).shuffled()
                let items = ids.map { "{\"To_Account\":\"\($0)\",\"ProfileItem\":[{\"Tag\":\"Tag_Profile_IM_Nick\",\"Value\":\"nick-\($0)\"}],\"ResultCode\":0}" }
                return ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"UserProfileItem\":[\(items.joined(separator: ","))]}")
            }
            let ids = body["To_Account"]!.elements.compactMap(\.string).reversed()
            let items = ids.map { "{\"To_Account\":\"\($0)\",\"SnsProfileItem\":[],\"ResultCode\":0}" }
            return ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"InfoItem\":[\(items.joined(separator: ","))]}")
        }
        let client = try TestClients.make(transport: transport)
        let ids = (0..<250).map { "u\($0)" }
        let profiles = try await client.portraitGet(accounts: ids)
        #expect(profiles.map(\.toAccount) == ids)
        #expect(profiles[123].profileItem?.value(for: FriendTag.nick) == .string("nick-u123"))
        let infos = try await client.friendGetList(account: "o", friends: ids, tags: [FriendTag.remark])
        #expect(infos.map(\.toAccount) == ids)
        #expect(transport.sent.map { $0.json["To_Account"]!.elements.count }.sorted() == [50, 50, 100, 100, 100, 100])
    }

    @Test func theRateLimitHoldsInEverySecond() async throws {
        let times = Mutex<[ContinuousClock.Instant]>([])
        let transport = ScriptedTransport { _, _, _ in
            times.withLock { $0.append(ContinuousClock.now) }
            return ScriptedTransport.json("{\"ActionStatus\":\"OK\",\"ErrorCode\":0}")
        }
        let client = try TestClients.make(transport: transport, callsPerSecond: 4)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<9 { group.addTask { _ = try await client.groupGet(account: "o") } }
            try await group.waitForAll()
        }
        let t = times.withLock { $0 }.sorted()
        #expect(t.count == 9)
        for i in 4..<t.count { #expect(t[i] - t[i - 4] >= .seconds(1), "5 calls within one second") }
    }

    @Test func backoffGrowsAndStaysBounded() {
        let p = RetryPolicy(maxAttempts: 6, baseDelay: 0.2, maxDelay: 1)
        #expect(p.delay(beforeRetry: 1, random: 0) == 0.1 && p.delay(beforeRetry: 1, random: 1) == 0.2)
        #expect(p.delay(beforeRetry: 3, random: 1) == 0.8)
        #expect(p.delay(beforeRetry: 9, random: 1) == 1 && p.delay(beforeRetry: 9, random: 0) == 0.5)
    }
}
