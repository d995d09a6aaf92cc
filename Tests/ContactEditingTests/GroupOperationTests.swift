import ContactDeskStrings
import ContactEditing
import Foundation
import Testing
import TestSupport

/// Group operations as change-set values: what they do to names and to a friend's list, how they fold, how
/// friend edits follow a rename, the checks, and the journal.
@Suite struct GroupOperationTests {
    let app: UInt64 = 7
    func op(_ o: GroupOperation, members: Int = 0, account: String = "acct") -> GroupOperationEntry {
        GroupOperationEntry(app: app, account: account, operation: o, members: members)
    }

    @Test func renameReplacesInPlaceMergeDedupesDeleteRemoves() {
        #expect(GroupOperation.rename(from: "B", to: "N").apply(toFriend: ["A", "B", "C"]) == ["A", "N", "C"])
        #expect(GroupOperation.merge(from: "B", into: "C").apply(toFriend: ["A", "B", "C"]) == ["A", "C"])
        #expect(GroupOperation.merge(from: "B", into: "C").apply(toFriend: ["B", "A"]) == ["C", "A"])
        #expect(GroupOperation.delete("B").apply(toFriend: ["A", "B"]) == ["A"])
        #expect(GroupOperation.delete("B").apply(toFriend: ["A"]) == ["A"])
        #expect(GroupOperation.rename(from: "B", to: "N").apply(toNames: ["A", "B", "C"]) == ["A", "C", "N"])
        #expect(GroupOperation.create("N").apply(toNames: ["A"]) == ["A", "N"])
        #expect(GroupOperation(kind: "merge", name: "B", target: "C") == .merge(from: "B", into: "C"))
        #expect(GroupOperation(kind: "rename", name: "B", target: nil) == nil)
    }

    @Test func operationsThatUndoEachOtherFold() {
        var set = ChangeSet()
        set.stage(op(.create("X")))
        set.stage(op(.delete("X")))
        #expect(set.isEmpty, "create then delete leaves nothing")
        set.stage(op(.rename(from: "A", to: "B"), members: 4))
        set.stage(op(.rename(from: "B", to: "C")))
        #expect(set.groupOperations.map(\.operation) == [.rename(from: "A", to: "C")] && set.groupOperations[0].members == 4)
        set.stage(op(.rename(from: "C", to: "A")))
        #expect(set.isEmpty, "renamed back")
        set.stage(op(.create("N")))
        set.stage(op(.rename(from: "N", to: "M")))
        #expect(set.groupOperations.map(\.operation) == [.create("M")])
        set.stage(op(.delete("Z"), account: "other"))
        #expect(set.groupOperations(app: app, account: "acct").count == 1 && set.count == 2)
        #expect(set.groupNames(after: ["A", "Z"], app: app, account: "acct") == ["A", "Z", "M"])
    }

    /// Only the last operation folds: folding an earlier one would run it before what was staged in between.
    @Test func foldingNeverReordersAcrossOtherOperations() {
        var set = ChangeSet()
        set.stage(op(.rename(from: "A", to: "B")))
        set.stage(op(.delete("C")))
        set.stage(op(.rename(from: "B", to: "C")))
        #expect(set.groupOperations.map(\.operation) == [.rename(from: "A", to: "B"), .delete("C"), .rename(from: "B", to: "C")])
        var started = ChangeSet()
        started.stage(op(.rename(from: "A", to: "B")))
        started.stage(op(.rename(from: "B", to: "C")), fold: false)
        #expect(started.groupOperations.count == 2, "an operation that started is not folded into")
    }

    @Test func aMergeMapsAnAddedSourceButOnlyForgetsARemovedOne() {
        let f1 = EntryKey(app: app, account: "acct", friend: "f1", field: .groups)
        let f2 = EntryKey(app: app, account: "acct", friend: "f2", field: .groups)
        var set = ChangeSet()
        set.stage(f1, base: .groups(["A", "B"]), intent: .groups(add: ["X"], remove: ["A"]))
        set.stage(f2, base: .groups([]), intent: .groups(add: ["A"], remove: []))
        set.stage(op(.merge(from: "A", into: "B")))
        #expect(set[f1]?.intent == .groups(add: ["X"], remove: []), "f1 stays in B, which it was in already")
        #expect(set[f2]?.intent == .groups(add: ["B"], remove: []))
    }

    @Test func friendEditsFollowARenameAndForgetADeletedGroup() {
        let key = EntryKey(app: app, account: "acct", friend: "f1", field: .groups)
        var set = ChangeSet()
        set.stage(key, base: .groups(["A"]), intent: .groups(add: ["Old"], remove: ["A"]))
        set.stage(op(.rename(from: "Old", to: "New")))
        #expect(set[key]?.intent == .groups(add: ["New"], remove: ["A"]))
        set.stage(op(.delete("New")))
        #expect(set[key]?.intent == .groups(add: [], remove: ["A"]))
    }

    @Test func checksNameTheFieldTheLimitAndTheFix() {
        let groups = (1...31).map { "G\($0)" }
        #expect(GroupOperation.create("G1").problem(groups: groups)?.error.message.contains("exists already") == true)
        #expect(GroupOperation.rename(from: "G1", to: "G2").problem(groups: groups)?.error.message.contains("merge instead") == true)
        #expect(GroupOperation.delete("Nope").problem(groups: groups)?.error.message.contains("there is no group \"Nope\"") == true)
        #expect(GroupOperation.merge(from: "G1", into: "G1").problem(groups: groups)?.error.message.contains("into itself") == true)
        #expect(GroupOperation.create("G32").problem(groups: groups) == nil)
        let limit = GroupOperation.create("G33").problem(groups: groups + ["G32"])
        #expect(limit?.isLimit == true && limit?.error.message == "the account has 32 groups and the limit is 32; delete or merge an unused group first")
        #expect(GroupOperation.rename(from: "G1", to: "N").problem(groups: groups + ["G32"])?.isLimit == true, "a rename needs a slot for the new name")
        #expect(GroupOperation.merge(from: "G1", into: "G2").problem(groups: groups + ["G32"]) == nil, "a merge needs none")
        #expect(GroupOperation.delete("G1").problem(groups: groups + ["G32"]) == nil)
        let long = GroupOperation.create(String(repeating: "组", count: 11)).problem(groups: [])
        #expect(long?.error.description == "Group \"组组组组组组组组组组组\": 33 bytes, the limit is 30 bytes of UTF-8; shorten it by 3 bytes")
        #expect(GroupOperation.create(" ").problem(groups: [])?.error.message.contains("empty") == true)
        Language.$scoped.withValue(.zh) {
            #expect(GroupOperation.create("G1").problem(groups: groups)?.error.message == "分组 \"G1\" 已存在；请换一个名称")
        }
    }

    @Test func theJournalKeepsOperationsInOrderWithTheirInFlightMark() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("journal.sqlite")
        let journal = try Journal(url: url)
        var set = ChangeSet()
        set.stage(op(.delete("A"), members: 2))
        set.stage(op(.rename(from: "B", to: "账单"), members: 10))
        set.stage(EntryKey(app: app, account: "acct", friend: "f", field: .remark), base: .text(""), intent: .set("r"))
        try journal.save(set, replacing: ChangeSet(), app: app, account: "acct")
        try journal.markGroupOperationInFlight(set.groupOperations[1])
        // Another process (a crash, then a new start) sees the same.
        let reopened = try Journal(url: url)
        #expect(try reopened.load(app: app, account: "acct") == set)
        #expect(try reopened.pending().first?.count == 3)
        #expect(try reopened.inFlightGroupOperations(app: app, account: "acct").map(\.operation) == [.rename(from: "B", to: "账单")])
        // Dropping the first keeps the mark of the second; settling forgets it.
        var smaller = set
        smaller.dropGroupOperation(set.groupOperations[0])
        try reopened.save(smaller, replacing: set, app: app, account: "acct")
        #expect(try reopened.inFlightGroupOperations(app: app, account: "acct").count == 1)
        try reopened.settleGroupOperation(smaller.groupOperations[0])
        #expect(try reopened.load(app: app, account: "acct").groupOperations.isEmpty)
        try reopened.markGroupMoves(app: app, account: "acct", [GroupMove(friend: "f", old: ["B"], new: ["账单"])], operation: "rename")
        #expect(try reopened.groupMovesInFlight(app: app, account: "acct").map(\.move.new) == [["账单"]])
        try reopened.discard(app: app, account: "acct")
        #expect(try reopened.pending().isEmpty)
    }
}

/// Group operations travel in the change-set file (version 2, optional `groupOperations`), read strictly.
@Suite struct GroupOperationFileTests {
    @Test func operationsRoundTripAndBadOnesAreNamed() throws {
        var set = ChangeSet()
        set.stage(GroupOperationEntry(app: 7, account: "acct", operation: .rename(from: "Billing", to: "账单"), members: 10))
        set.stage(GroupOperationEntry(app: 7, account: "acct", operation: .delete("Old"), members: 0))
        set.stage(EntryKey(app: 7, account: "acct", friend: "f", field: .remark), base: .text(""), intent: .set("r"))
        let data = try ChangeSetFile(set: set, app: 7, account: "acct").encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""operation" : "rename""#) && text.contains(#""target" : "账单""#) && text.contains(#""friends" : 10"#))
        let read = try ChangeSetFile.read(data, expectingApp: 7)
        #expect(read.changeSet == set)
        // A file without operations is written as before: no key at all.
        let plain = String(decoding: try ChangeSetFile(set: ChangeSet(set.sorted), app: 7, account: "acct").encoded(), as: UTF8.self)
        #expect(!plain.contains("groupOperations"))

        func problems(_ ops: String) -> [String] {
            let json = #"{"version": 2, "app": 7, "account": "acct", "entries": [], "groupOperations": "# + ops + "}"
            do { _ = try ChangeSetFile.read(Data(json.utf8), expectingApp: 7); return [] } catch { return error.problems }
        }
        #expect(problems(#"[{"operation": "rename", "group": "A"}]"#) == [
            "group operation 1: \"operation\" is create, delete, rename or merge; rename and merge need \"target\", the others must not have it"])
        #expect(problems(#"[{"operation": "delete", "group": "A", "into": "B"}]"#).first?.contains("unknown key \"into\"") == true)
        #expect(problems(#"[{"operation": "create", "group": "A", "friends": -1}]"#).first?.contains("whole number") == true)
        #expect(problems(#"{"operation": "create"}"#) == ["\"groupOperations\" must be a list"])
        #expect(problems(#"[{"operation": "create", "group": "A"}]"#).isEmpty)
    }
}
