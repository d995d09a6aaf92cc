import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Synchronization
import Testing
import TestSupport

/// The API has no conditional write. A submit plans each call from a read made right before it, plans again
/// before any retry, reads back what it wrote, and re-reads a call whose reply was lost.
@Suite struct LostUpdateTests {
    static func remark(_ friend: String, _ to: String) -> ChangeEntry {
        SubmitTests.entry(friend, .remark, .text("remark of \(friend)"), .set(to))
    }
    static func addGroup(_ friend: String, _ group: String) -> ChangeEntry {
        SubmitTests.entry(friend, .groups, .groups(["g0"]), .groups(add: [group], remove: []))
    }
    static func write(_ client: ChatClient, _ friend: String, _ tag: TagValue) async throws {
        let rows = try await client.friendUpdate(account: "o", items: [UpdateItem(toAccount: friend, snsItem: [tag])])
        precondition(rows.allSatisfy(\.outcome.isOK), "the other client's write failed: \(rows)")
    }
    static func server(_ client: ChatClient, _ friends: [String]) async throws -> [String: Friend] {
        let infos = try await client.friendGetList(account: "o", friends: friends, tags: [FriendTag.remark, FriendTag.group])
        return Dictionary(uniqueKeysWithValues: infos.map { ($0.toAccount, Friend(id: $0.toAccount, tags: $0.snsProfileItem ?? [])) })
    }

    /// The campaign's race: the account is busy (30008) and another client adds a group meanwhile. The retry is
    /// planned from a new read, so their group stays; re-sending the first plan would have removed it.
    @Test func aRetryAfter30008IsPlannedFromANewReadAndKeepsAGroupAddedMeanwhile() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:code=30008x1"])) { server, other in
            try await TestSandbox.seed(other, owner: "o", friends: ["f1", "f2"], groups: ["g0"])
            let hook = HookTransport(after: "sns/friend_update") {
                try await Self.write(other, "f1", TagValue(tag: FriendTag.group, value: .strings(["g0", "Theirs"])))
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.addGroup("f1", "Mine"), Self.remark("f2", "新")],
                                                                    customKeys: [])
            #expect(hook.fired)
            #expect(report.outcomes == ["f1": .ok, "f2": .ok])
            let now = try await Self.server(other, ["f1", "f2"])
            #expect(Set(now["f1"]?.groups ?? []) == ["g0", "Theirs", "Mine"], "\(now)")
            #expect(now["f2"]?.remark == "新")
        }
    }

    /// Someone writes right after the call lands: the read-back shows their value, so the row is a conflict
    /// with the server's value, not a plain ✓; the write itself is on record as applied.
    @Test func aChangeMadeAfterTheWriteIsAConflictWithTheServersValue() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, other in
            try await TestSandbox.seed(other, owner: "o", friends: ["f1", "f2"], groups: ["g0"])
            let hook = HookTransport(after: "sns/friend_update") {
                try await Self.write(other, "f1", TagValue(tag: FriendTag.remark, value: .string("theirs")))
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            let audited = Mutex<[String: SubmitOutcome]>([:])
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.remark("f1", "mine"), Self.remark("f2", "mine too")],
                                                                    customKeys: [], audit: { outcomes, _, _ in audited.withLock { $0.merge(outcomes) { $1 } } })
            #expect(hook.fired)
            #expect(report.outcomes["f1"] == .conflict(fields: [.remark]) && report.outcomes["f2"] == .ok)
            #expect(report.outcomes["f1"]?.inline == "! conflict: remark")
            #expect(report.fresh["f1"]?.remark == "theirs" && report.fresh["f2"]?.remark == "mine too")
            #expect(audited.withLock { $0 } == ["f1": .ok, "f2": .ok])
        }
    }

    /// Over 1000 friends a submit makes two calls. A group added and a remark changed between them, for friends
    /// of the second call, are seen by that call's own read: the group is kept beside ours, the remark is a
    /// conflict and not sent. One read for the whole submit would have overwritten both.
    @Test func aChangeBetweenCallsIsSeenByTheNextCallsRead() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, other in
            let ids = (0..<1500).map { String(format: "f%04d", $0) }
            try await TestSandbox.seed(other, owner: "o", friends: ids, groups: ["g0"])
            let hook = HookTransport(after: "sns/friend_update") {
                try await Self.write(other, "f1200", TagValue(tag: FriendTag.group, value: .strings(["g0", "Theirs"])))
                try await Self.write(other, "f1300", TagValue(tag: FriendTag.remark, value: .string("theirs")))
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            let entries = ids.map { Self.remark($0, "新") } + [Self.addGroup("f1200", "Mine")]
            let report = try await Submitter(client: client).submit(account: "o", entries: entries, customKeys: [])
            #expect(hook.fired)
            #expect(report.outcomes["f1300"] == .conflict(fields: [.remark]))
            #expect(ids.filter { $0 != "f1300" }.allSatisfy { report.outcomes[$0] == .ok })
            let now = try await Self.server(other, ["f0001", "f1200", "f1300"])
            #expect(Set(now["f1200"]?.groups ?? []) == ["g0", "Theirs", "Mine"] && now["f1200"]?.remark == "新")
            #expect(now["f1300"]?.remark == "theirs" && now["f0001"]?.remark == "新")
        }
    }

    /// The write is applied and its reply lost: the next read finds the values there, so the rows are reported
    /// applied (and audited, marks cleared) without sending them again.
    @Test func aLostReplyIsReadAgainAndReportedAppliedWithoutResending() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:drop-afterx1"])) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"], groups: ["g0"])
            await server.resetCallCounts()
            let recorder = JournalRecorder(journal: journal, app: TestCredentials.sdkAppID, account: "o")
            let audited = Mutex<[String: SubmitOutcome]>([:])
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.remark("f1", "一"), Self.addGroup("f2", "Mine")],
                                                                    customKeys: [], recorder: recorder,
                                                                    audit: { outcomes, before, _ in
                                                                        #expect(before["f1"]?.remark == "remark of f1")
                                                                        audited.withLock { $0.merge(outcomes) { $1 } } })
            #expect(report.outcomes == ["f1": .ok, "f2": .ok])
            #expect(await server.callCounts()["sns/friend_update"] == 1)
            #expect(audited.withLock { $0 } == ["f1": .ok, "f2": .ok])
            #expect(try journal.inFlight(app: TestCredentials.sdkAppID, account: "o").isEmpty)
            #expect(report.before["f1"]?.remark == "remark of f1" && report.fresh["f2"]?.groups == ["g0", "Mine"])
        }
    }

    /// A group another client adds between the read a call is planned from and the write: the list's sequences
    /// moved, so the call is read and planned again, and the group stays beside ours instead of being overwritten.
    @Test func aGroupAddedBetweenTheReadAndTheWriteIsKept() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, other in
            try await TestSandbox.seed(other, owner: "o", friends: ["f1", "f2"], groups: ["g0"])
            let hook = HookTransport(after: "sns/friend_get_list") {
                try await Self.write(other, "f1", TagValue(tag: FriendTag.group, value: .strings(["g0", "Theirs"])))
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            await server.resetCallCounts()
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.addGroup("f1", "Mine"), Self.remark("f2", "二")],
                                                                    customKeys: [])
            #expect(hook.fired && report.outcomes == ["f1": .ok, "f2": .ok])
            #expect(Set(try await Self.server(other, ["f1"])["f1"]?.groups ?? []) == ["g0", "Theirs", "Mine"])
            // Planned twice (the second read after the sequences moved), sent once.
            #expect(await server.callCounts()["sns/friend_update"] == 2)  // theirs and ours
            #expect((await server.callCounts()["sns/friend_get_list"] ?? 0) >= 3)  // two plans and the read-back
        }
    }

    /// A group another client adds right after the write lands: the read-back shows a list other than the one
    /// sent, so the row is a conflict on groups with the server's list, not a plain ✓.
    @Test func aGroupAddedRightAfterTheWriteIsAConflict() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, other in
            try await TestSandbox.seed(other, owner: "o", friends: ["f1"], groups: ["g0"])
            let hook = HookTransport(after: "sns/friend_update") {
                try await Self.write(other, "f1", TagValue(tag: FriendTag.group, value: .strings(["g0", "Mine", "Theirs"])))
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.addGroup("f1", "Mine")], customKeys: [])
            #expect(hook.fired && report.outcomes == ["f1": .conflict(fields: [.groups])])
            #expect(report.fresh["f1"]?.groups == ["g0", "Mine", "Theirs"])
        }
    }

    /// A lost reply (f1 applied, f2 not), then a refusal of the resend: f1 is found applied and audited once, and
    /// f2 is read, planned and sent again until applied. Each applied row is on record exactly once.
    @Test func aRowFoundAppliedIsAuditedOnceWhateverFollows() async throws {
        let faults = ["sns/friend_update:drop-afterx1", "sns/friend_update:row=30006/f2x1", "sns/friend_update:code=30008x1"]
        try await TestSandbox.with(try TestSandbox.config(faults: faults)) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            await server.resetCallCounts()
            let audited = Mutex<[String]>([])
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.remark("f1", "一"), Self.remark("f2", "二")],
                                                                    customKeys: [], audit: { outcomes, _, _ in
                                                                        audited.withLock { $0 += outcomes.filter { $0.value == .ok }.map(\.key) } })
            #expect(report.outcomes == ["f1": .ok, "f2": .ok])
            #expect(audited.withLock { $0.sorted() } == ["f1", "f2"])
            let calls = await server.callCounts()["sns/friend_update"] ?? 0
            #expect(calls == 3, "\(calls) calls")
        }
    }
}
