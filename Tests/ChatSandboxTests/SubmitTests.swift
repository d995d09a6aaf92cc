import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Testing
import TestSupport

/// Submitting staged changes against the emulator: merge, conflicts, per-row outcomes, faults.
@Suite struct SubmitTests {
    static func entry(_ friend: String, _ field: FieldKey, _ base: FieldValue, _ intent: Intent) -> ChangeEntry {
        ChangeEntry(key: EntryKey(app: TestCredentials.sdkAppID, account: "o", friend: friend, field: field), base: base, intent: intent)
    }

    @Test func planMergesGroupsAndHoldsBackConflicts() {
        let entries = [
            Self.entry("a", .remark, .text("old"), .set("mine")),
            Self.entry("b", .remark, .text("old"), .set("mine")),
            Self.entry("c", .groups, .groups(["X"]), .groups(add: ["New"], remove: ["X"])),
            Self.entry("d", .remark, .text("old"), .set("same")),
        ]
        let plan = SubmitPlan.make(entries: entries, fresh: [
            "a": [TagValue(tag: FriendTag.remark, value: .string("old"))],
            "b": [TagValue(tag: FriendTag.remark, value: .string("theirs"))],
            "c": [TagValue(tag: FriendTag.group, value: .strings(["X", "AddedMeanwhile"]))],
            "d": [TagValue(tag: FriendTag.remark, value: .string("same"))],
        ])
        #expect(plan.items == [UpdateItem(toAccount: "a", snsItem: [TagValue(tag: FriendTag.remark, value: .string("mine"))]),
                               UpdateItem(toAccount: "c", snsItem: [TagValue(tag: FriendTag.group, value: .strings(["AddedMeanwhile", "New"]))])])
        #expect(plan.conflicts == ["b": [.remark]] && plan.alreadyApplied == ["d"])
    }

    @Test func threeFriendsOneOverTheGroupLimitAfterASecondClient() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2", "f3"], groups: ["g0"])
            let entries = [
                Self.entry("f1", .remark, .text("remark of f1"), .set("一号")),
                Self.entry("f2", .remark, .text("remark of f2"), .set("二号")),
                Self.entry("f3", .groups, .groups(["g0"]), .groups(add: ["新组"], remove: [])),
            ]
            // A second client brings the account to 32 groups before the submit.
            _ = try await client.groupAdd(account: "o", groups: (1...31).map { "x\($0)" })
            let report = try await Submitter(client: client).submit(account: "o", entries: entries, customKeys: ["Test"])
            #expect(report.outcomes["f1"] == .ok && report.outcomes["f2"] == .ok)
            #expect(report.outcomes["f3"] == .failed(code: 30011, info: "Err_SNS_FriendUpdate_Group_Num_Exceed_Threshold"))
            #expect(report.outcomes["f3"]?.inline == "✗ 30011 friend-list group limit reached (32)")
            #expect(report.fresh["f1"]?.remark == "一号" && report.fresh["f3"]?.groups == ["g0"])
            // Audit records for all three.
            let dir = try CommandRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let log = try AuditLog(url: dir.appendingPathComponent("audit.sqlite"))
            try log.append(AuditRecord.from(entries: entries, outcomes: report.outcomes, operator: ("op", "10.0.0.9")))
            let records = try log.records(account: "o")
            #expect(records.map(\.code) == [0, 0, 30011] && records.map(\.friend) == ["f1", "f2", "f3"])
            #expect(records[2].old == "g0" && records[2].new == "g0,新组" && records[0].sshClient == "10.0.0.9")
        }
    }

    @Test func aRemarkChangedOnTheServerIsAConflictAndNotSent() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            _ = try await client.friendUpdate(account: "o", items: [UpdateItem(toAccount: "f1", snsItem: [TagValue(tag: FriendTag.remark, value: .string("by someone else"))])])
            await server.resetCallCounts()
            let report = try await Submitter(client: client).submit(account: "o", entries: [
                Self.entry("f1", .remark, .text("remark of f1"), .set("mine")),
                Self.entry("f2", .remark, .text("remark of f2"), .set("mine too")),
            ], customKeys: [])
            #expect(report.outcomes["f1"] == .conflict(fields: [.remark]) && report.outcomes["f2"] == .ok)
            #expect(try await friends(client, "o")["f1"]?.value(for: FriendTag.remark) == .string("by someone else"))
        }
    }

    @Test func transientFaultsAreRetriedThrough() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:code=30008x1", "sns/friend_update:http502x1"])) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.entry("f1", .remark, .text("remark of f1"), .set("ok"))],
                                                                    customKeys: [])
            #expect(report.outcomes["f1"] == .ok)
        }
    }

    @Test func anUnconfiguredCustomFieldFailsEveryRowOfTheCall() async throws {
        try await TestSandbox.with(try TestSandbox.config(customFields: ["Test"])) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            let report = try await Submitter(client: client).submit(account: "o", entries: [
                Self.entry("f1", .custom("Nope"), .text(""), .set("x")),
                Self.entry("f2", .remark, .text("remark of f2"), .set("y")),
            ], customKeys: ["Test", "Nope"])
            #expect(report.outcomes["f1"] == .failed(code: 30001, info: "Invalid field: Tag_SNS_Custom_Nope"))
            #expect(report.outcomes["f2"] == .failed(code: 30001, info: "Invalid field: Tag_SNS_Custom_Nope"))
        }
    }

    @Test func aSubmitInterruptedBetweenSendAndReplyIsReconciledNotResent() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            let entries = [Self.entry("f1", .remark, .text("remark of f1"), .set("applied")),
                           Self.entry("f2", .remark, .text("remark of f2"), .set("never sent"))]
            let set = ChangeSet(entries)
            try journal.save(set, replacing: ChangeSet(), app: TestCredentials.sdkAppID, account: "o")
            // The process marked both rows in flight, f1's call reached the server, then it was killed.
            try journal.markInFlight(app: TestCredentials.sdkAppID, account: "o", friends: ["f1", "f2"])
            _ = try await client.friendUpdate(account: "o", items: [UpdateItem(toAccount: "f1", snsItem: [TagValue(tag: FriendTag.remark, value: .string("applied"))])])
            #expect(try journal.inFlight(app: TestCredentials.sdkAppID, account: "o") == ["f1", "f2"])

            let applied = try await Submitter(client: client).reconcileReport(account: "o", entries: set.sorted, inFlight: ["f1", "f2"], customKeys: []).applied
            #expect(applied == ["f1"])
            // What is left to send is f2 alone, exactly once.
            await server.resetCallCounts()
            var remaining = set
            remaining.drop(entries[0].key)
            let recorder = JournalRecorder(journal: journal, app: TestCredentials.sdkAppID, account: "o")
            let report = try await Submitter(client: client).submit(account: "o", entries: remaining.sorted, customKeys: [], recorder: recorder)
            #expect(report.outcomes == ["f2": .ok])
            #expect(await server.callCounts()["sns/friend_update"] == 1)
            try journal.clearInFlight(app: TestCredentials.sdkAppID, account: "o", friends: ["f1"])
            #expect(try journal.inFlight(app: TestCredentials.sdkAppID, account: "o").isEmpty)
        }
    }

    @Test func rowsWithoutAReplyStayInFlight() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:drop"])) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            let recorder = JournalRecorder(journal: journal, app: TestCredentials.sdkAppID, account: "o")
            let report = try await Submitter(client: client).submit(account: "o", entries: [Self.entry("f1", .remark, .text("remark of f1"), .set("x"))],
                                                                    customKeys: [], recorder: recorder)
            guard case .notSent = report.outcomes["f1"] else { Issue.record("\(report.outcomes)"); return }
            #expect(try journal.inFlight(app: TestCredentials.sdkAppID, account: "o") == ["f1"])
        }
    }
}

extension SubmitTests {
    /// Over 1000 rows the submit takes two calls; when the first fails with a code that dooms every call
    /// (30004: not an administrator), the second is not sent and its rows stay staged as not sent.
    @Test func aCallThatConfigurationDoomsStopsTheCallsAfterIt() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:code=30004x1"])) { server, client in
            let ids = (0..<1500).map { String(format: "f%04d", $0) }
            try await TestSandbox.seed(client, owner: "o", friends: ids)
            await server.resetCallCounts()
            let entries = ids.map { Self.entry($0, .remark, .text("remark of \($0)"), .set("新")) }
            let report = try await Submitter(client: client).submit(account: "o", entries: entries, customKeys: [])
            #expect(await server.callCounts()["sns/friend_update"] == 1)
            #expect(ids.prefix(1000).allSatisfy { report.outcomes[$0] == .failed(code: 30004, info: report.outcomes[$0].flatMap {
                if case .failed(_, let info) = $0 { info } else { nil } } ?? "") })
            #expect(ids.suffix(500).allSatisfy { if case .notSent = report.outcomes[$0] { true } else { false } })
        }
    }
}
