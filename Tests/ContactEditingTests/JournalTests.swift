import ContactEditing
import Foundation
import Testing
import TestSupport

@Suite struct JournalTests {
    let dir: URL
    init() throws { dir = try CommandRunner.temporaryDirectory() }

    static func set(_ pairs: [(String, String)]) -> ChangeSet {
        var s = ChangeSet()
        for (friend, remark) in pairs {
            s.stage(EntryKey(app: 7, account: "acc", friend: friend, field: .remark), base: .text("old"), intent: .set(remark))
        }
        s.stage(EntryKey(app: 7, account: "acc", friend: "g", field: .groups), base: .groups(["A"]), intent: .groups(add: ["新组"], remove: ["A"]))
        return s
    }

    @Test func editsSurviveAReopenExactly() throws {
        let url = dir.appendingPathComponent("journal.sqlite")
        let a = Self.set([("f1", "备注 🐼"), ("f2", "x")])
        try Journal(url: url).save(a, replacing: ChangeSet(), app: 7, account: "acc")
        var b = a
        b.drop(EntryKey(app: 7, account: "acc", friend: "f2", field: .remark))
        b.stage(EntryKey(app: 7, account: "acc", friend: "f3", field: .custom("Tier")), base: .text(""), intent: .set("gold"))
        try Journal(url: url).save(b, replacing: a, app: 7, account: "acc")
        let journal = try Journal(url: url)
        #expect(try journal.load(app: 7, account: "acc") == b)
        #expect(try journal.load(app: 7, account: "other").isEmpty)
        #expect(try journal.pending().map(\.count) == [3])
        try journal.discard(app: 7, account: "acc")
        #expect(try journal.load(app: 7, account: "acc").isEmpty)
    }

    @Test func aProcessKilledMidTransactionLeavesTheLastCommittedSet() throws {
        let url = dir.appendingPathComponent("journal.sqlite")
        let committed = Self.set([("f1", "committed")])
        try Journal(url: url).save(committed, replacing: ChangeSet(), app: 7, account: "acc")
        // Another process opens a transaction, writes two rows, and is killed with SIGKILL before COMMIT.
        let script = """
        import os, signal, sqlite3, sys
        db = sqlite3.connect(sys.argv[1], isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE change_entry SET intent = '{\\"set\\":{\\"_0\\":\\"torn\\"}}' WHERE friend = 'f1'")
        db.execute("DELETE FROM change_entry WHERE friend = 'g'")
        os.kill(os.getpid(), signal.SIGKILL)
        """
        #expect(throws: Python.Failure.self) { try Python.run(script, args: [url.path]) }
        #expect(try Journal(url: url).load(app: 7, account: "acc") == committed)
    }

    @Test func aFullJournalRefusesTheEditAndKeepsEverythingBefore() throws {
        let url = dir.appendingPathComponent("journal.sqlite")
        let first = Self.set([("f1", "fits")])
        try Journal(url: url).save(first, replacing: ChangeSet(), app: 7, account: "acc")
        let journal = try Journal(url: url, maxPageCount: 10)  // a few pages more than it holds: 200 long remarks do not fit
        var big = first
        for i in 0..<200 {
            big.stage(EntryKey(app: 7, account: "acc", friend: "friend-\(i)", field: .remark), base: .text(""),
                      intent: .set(String(repeating: "备", count: 32)))
        }
        do {
            try journal.save(big, replacing: first, app: 7, account: "acc")
            Issue.record("a full journal accepted the edit")
        } catch let e as JournalError {
            #expect(e.message.hasPrefix("NOT staged") && e.message.contains("full") && e.message.contains(url.path))
        }
        #expect(try Journal(url: url).load(app: 7, account: "acc") == first)
    }

    @Test func aReadOnlyJournalRefusesEditsWithAClearMessage() throws {
        let url = dir.appendingPathComponent("journal.sqlite")
        let first = Self.set([("f1", "a")])
        try Journal(url: url).save(first, replacing: ChangeSet(), app: 7, account: "acc")
        let ro = try Journal(url: url, readOnly: true)
        #expect(try ro.load(app: 7, account: "acc") == first)
        do {
            try ro.save(Self.set([("f1", "b")]), replacing: first, app: 7, account: "acc")
            Issue.record("a read-only journal accepted the edit")
        } catch let e as JournalError {
            #expect(e.message.hasPrefix("NOT staged") && e.message.contains("read-only"))
        }
        #expect(try Journal(url: url).load(app: 7, account: "acc") == first)
    }

    @Test func aJournalThatCannotBeCreatedSaysWhere() {
        // A path under a regular file cannot be a directory, even for root.
        let file = dir.appendingPathComponent("plainfile")
        FileManager.default.createFile(atPath: file.path, contents: Data())
        do {
            _ = try Journal(url: file.appendingPathComponent("journal.sqlite"))
            Issue.record("opened")
        } catch let e as JournalError {
            #expect(e.message.contains("cannot be opened") && e.message.contains(file.path))
            // A reason in words, not a Foundation error dump.
            #expect(e.message.contains("in the way") && !e.message.contains("NSCocoaErrorDomain"), "\(e.message)")
        } catch { Issue.record("\(error)") }
    }
}
