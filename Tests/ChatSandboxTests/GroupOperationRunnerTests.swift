import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Testing
import TestSupport

/// The runner through SubmitSession, as the TUI uses it: moves a crash left in flight are audited once when
/// the server has them, the operation finishes on the next submit, and a move the service refuses keeps the
/// old group (nobody is left without it).
@Suite struct GroupOperationRunnerTests {
    let app = TestCredentials.sdkAppID
    func op(_ o: GroupOperation, members: Int) -> GroupOperationEntry { GroupOperationEntry(app: app, account: "o", operation: o, members: members) }

    @Test func aRenameCutOffByACrashIsReconciledThenFinished() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { _, client in
            let friends = ["f1", "f2", "f3", "f4"]
            try await TestSandbox.seed(client, owner: "o", friends: friends, groups: ["Old", "K"])
            let stores = try SubmitSessionTests.Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let rename = op(.rename(from: "Old", to: "New"), members: 4)
            var set = ChangeSet()
            set.stage(rename)
            try stores.journal.save(set, replacing: ChangeSet(), app: app, account: "o")
            // What a process killed during its second call leaves: New made, f1 and f2 moved (their call answered
            // but the process died before auditing), f3 sent but never applied, all three marked in flight.
            try stores.journal.markGroupOperationInFlight(rename)
            _ = try await client.groupAdd(account: "o", groups: ["New"])
            _ = try await update(client, "o", [("f1", [groups(["New", "K"])]), ("f2", [groups(["New", "K"])])])
            try stores.journal.markGroupMoves(app: app, account: "o", ["f1", "f2", "f3"].map { GroupMove(friend: $0, old: ["Old", "K"], new: ["New", "K"]) },
                                              operation: rename.operation.record)

            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            let staged = try stores.journal.load(app: app, account: "o")
            _ = try await session.reconcile(staged, customKeys: [])
            let reconciled = try stores.audit.records(account: "o")
            #expect(reconciled.map(\.friend) == ["f1", "f2"] && reconciled.allSatisfy { $0.code == 0 && $0.info.hasPrefix("reconciled") })
            #expect(try stores.journal.groupMovesInFlight(app: app, account: "o").isEmpty)
            #expect(try stores.journal.load(app: app, account: "o").groupOperations == [rename], "still staged until it finishes")

            let report = try await session.submit([], groupOperations: [rename], customKeys: [])
            #expect(report.groups.map(\.outcome) == [.ok] && report.groups[0].moves.map(\.move.friend) == ["f3", "f4"])
            #expect(report.groups[0].deleted && !report.groups[0].created)
            let names = try await client.groupGet(account: "o", withFriends: true).resultItem ?? []
            #expect(names.map(\.groupName) == ["K", "New"] && names.allSatisfy { Set($0.toAccount ?? []) == Set(friends) })
            let moves = try stores.audit.records(account: "o").filter { $0.field == "groups" }
            #expect(moves.map(\.friend).sorted() == friends, "each member audited once")
            #expect(try stores.journal.load(app: app, account: "o").isEmpty)
        }
    }

    @Test func aRefusedMoveKeepsTheOldGroupAndTheOperationStaged() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:row=30005/f2x1"])) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"], groups: ["Old"])
            let stores = try SubmitSessionTests.Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let delete = op(.delete("Old"), members: 2)
            let create = op(.create("Later"), members: 0)
            let set = ChangeSet([], groupOperations: [delete, create])
            try stores.journal.save(set, replacing: ChangeSet(), app: app, account: "o")
            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            let report = try await session.submit([], groupOperations: [delete, create], customKeys: [])
            if case .failed(30005, _) = report.groups.first?.outcome {} else { Issue.record("\(report.groups.map(\.outcome))") }
            #expect(report.groups.count == 2 && !report.groups[0].deleted)
            if case .notSent = report.groups[1].outcome {} else { Issue.record("the later operation ran: \(report.groups[1].outcome)") }
            // f2's move was refused (and not applied): it is still in Old, which is not deleted.
            let members = try await client.groupGet(account: "o", withFriends: true).resultItem ?? []
            #expect(members.map(\.groupName) == ["Old"] && members.first?.toAccount == ["f2"], "Old keeps f2")
            #expect(try stores.journal.load(app: app, account: "o").groupOperations == [delete, create])
            #expect(try stores.audit.records(account: "o").map { "\($0.friend):\($0.code)" } == ["f1:0", "f2:30005"])
            // The next submit reads again: f2 is moved, Old is deleted, and the create runs.
            let again = try await session.submit([], groupOperations: [delete, create], customKeys: [])
            #expect(again.groups.map(\.outcome) == [.ok, .ok] && again.groups[0].moves.map(\.move.friend) == ["f2"] && again.groups[0].deleted)
            #expect(try await client.groupGet(account: "o").resultItem?.map(\.groupName) == ["Later"])
            #expect(try stores.journal.load(app: app, account: "o").isEmpty)
        }
    }

    /// Staged against groups that changed since: a merge whose target someone deleted is not recreated and a new
    /// name someone took is not merged into; both stay staged with the reason, and nothing is written.
    @Test func operationsAreCheckedAgainstTheFreshGroupsBeforeTheyStart() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"], groups: ["A", "B"])
            let stores = try SubmitSessionTests.Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            _ = try await client.groupDelete(account: "o", groups: ["B"])
            _ = try await client.groupAdd(account: "o", groups: ["Taken"])
            let merge = op(.merge(from: "A", into: "B"), members: 1), rename = op(.rename(from: "A", to: "Taken"), members: 1)
            for e in [merge, rename] {
                try stores.journal.save(ChangeSet([], groupOperations: [e]), replacing: try stores.journal.load(app: app, account: "o"), app: app, account: "o")
                let before = await server.callCounts()
                let report = try await session.submit([], groupOperations: [e], customKeys: [])
                #expect(report.groups.first?.outcome == .conflict(fields: [.groups]), "\(report.groups)")
                #expect(report.groups.first?.problem?.contains(e == merge ? "there is no group \"B\"" : "exists already") == true)
                let after = await server.callCounts()
                #expect(after["sns/friend_update"] == before["sns/friend_update"] && after["sns/group_add"] == before["sns/group_add"])
                #expect(try stores.journal.load(app: app, account: "o").groupOperations == [e], "still staged for the operator")
                #expect(try stores.journal.inFlightGroupOperations(app: app, account: "o").isEmpty)
            }
            #expect(try await client.groupGet(account: "o").resultItem?.map(\.groupName) == ["A", "Taken"])
        }
    }

    /// A group created by a call whose reply was lost is audited once, by the next run's reconcile.
    @Test func aGroupWriteCutOffIsAuditedOnceByTheNextRun() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { _, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"], groups: ["A"])
            let stores = try SubmitSessionTests.Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let create = op(.create("New"), members: 0)
            // What a process killed after sending group_add leaves: the operation started, the write on record, applied.
            try stores.journal.markGroupOperationInFlight(create)
            try stores.journal.markGroupMoves(app: app, account: "o", [GroupMove(friend: "", old: [], new: ["New"])], operation: create.operation.record)
            _ = try await client.groupAdd(account: "o", groups: ["New"])
            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            let report = try await session.submit([], groupOperations: [create], customKeys: [])
            #expect(report.groups.map(\.outcome) == [.ok] && !report.groups[0].created, "found done, not created twice")
            let records = try stores.audit.records(account: "o")
            #expect(records.count == 1 && records[0].field == "group" && records[0].new == "New" && records[0].info.hasPrefix("reconciled"))
            #expect(try stores.journal.load(app: app, account: "o").isEmpty)
        }
    }

    /// A friend edit naming a group whose creation was refused is held back, not sent to make a stray group.
    @Test func friendRowsNamingAnUnfinishedOperationAreHeld() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/group_add:code=30011x1"])) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"], groups: ["A"])
            let stores = try SubmitSessionTests.Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let create = op(.create("New"), members: 0)
            let intoNew = SubmitSessionTests.entry("f1", .groups, .groups(["A"]), .groups(add: ["New"], remove: []))
            let remark = SubmitSessionTests.entry("f2", .remark, .text("remark of f2"), .set("still sent"))
            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            let report = try await session.submit([intoNew, remark], groupOperations: [create], customKeys: [])
            if case .failed(30011, _) = report.groups.first?.outcome {} else { Issue.record("\(report.groups)") }
            if case .notSent(let reason) = report.outcomes["f1"] { #expect(reason.contains("create group New")) } else { Issue.record("\(report.outcomes)") }
            #expect(report.outcomes["f2"] == .ok)
            let lists = try await client.friendGetList(account: "o", friends: ["f1"], tags: [FriendTag.group])
            #expect(lists.first?.snsProfileItem?.value(for: FriendTag.group)?.stringsValue == ["A"], "f1 was not sent")
            #expect(await server.callCounts()["sns/group_add"] == 1)
        }
    }
}

extension GroupOperationRunnerTests {
    /// A rename's moves refused as a whole (30008, the account busy) while another client adds a group to a
    /// member: the retry is planned from a new read, so the member keeps that group beside the new name.
    @Test func aMoveRetriedAfter30008KeepsAGroupAddedMeanwhile() async throws {
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:code=30008x1"])) { server, other in
            try await TestSandbox.seed(other, owner: "o", friends: ["f1", "f2"], groups: ["Old"])
            let hook = HookTransport(after: "sns/friend_update") {
                _ = try await update(other, "o", [("f1", [groups(["Old", "Theirs"])])])
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            let stores = try SubmitSessionTests.Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            let report = try await session.submit([], groupOperations: [op(.rename(from: "Old", to: "New"), members: 2)], customKeys: [])
            #expect(hook.fired)
            #expect(report.groups.map(\.outcome) == [.ok])
            let names = try await other.groupGet(account: "o", withFriends: true).resultItem ?? []
            #expect(Set(names.map(\.groupName)) == ["New", "Theirs"], "\(names)")
            #expect(names.first { $0.groupName == "Theirs" }?.toAccount == ["f1"])
            // Each applied move on record once; the refused attempt is on record as refused.
            let moves = try stores.audit.records(account: "o").filter { $0.field == "groups" }
            #expect(moves.filter { $0.code == 0 }.map(\.friend).sorted() == ["f1", "f2"])
            #expect(moves.filter { $0.code != 0 }.allSatisfy { $0.code == 30008 })
        }
    }
}
