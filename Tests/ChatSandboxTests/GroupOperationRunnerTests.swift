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
        try await TestSandbox.with(try TestSandbox.config(faults: ["sns/friend_update:row=30005/f2"])) { _, client in
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
            // The emulator's row fault rewrites the answer only: f2 left Old, but the runner was told otherwise and
            // does not delete a group it cannot know is empty.
            #expect(try await client.groupGet(account: "o").resultItem?.map(\.groupName) == ["Old"], "Old is not deleted")
            #expect(try stores.journal.load(app: app, account: "o").groupOperations == [delete, create])
            #expect(try stores.audit.records(account: "o").map { "\($0.friend):\($0.code)" } == ["f1:0", "f2:30005"])
            // The next submit reads again: nobody is left in Old, so it is deleted, and the create runs.
            let again = try await session.submit([], groupOperations: [delete, create], customKeys: [])
            #expect(again.groups.map(\.outcome) == [.ok, .ok] && again.groups[0].moves.isEmpty && again.groups[0].deleted)
            #expect(try await client.groupGet(account: "o").resultItem?.map(\.groupName) == ["Later"])
            #expect(try stores.journal.load(app: app, account: "o").isEmpty)
        }
    }
}
