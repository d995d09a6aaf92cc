import ChatAPI
import ChatSandbox
import ContactEditing
import Foundation
import Synchronization
import Testing
import TestSupport

/// The one submit path (TUI and `apply`): audit required, every known outcome audited with the value the
/// write replaced, the journal settled per account, and rows of an interrupted submit audited when reconciled.
@Suite struct SubmitSessionTests {
    static func entry(_ friend: String, _ field: FieldKey, _ base: FieldValue, _ intent: Intent, account: String = "o") -> ChangeEntry {
        ChangeEntry(key: EntryKey(app: TestCredentials.sdkAppID, account: account, friend: friend, field: field), base: base, intent: intent)
    }

    struct Stores {
        let dir: URL
        let journal: Journal
        let audit: AuditLog
        init() throws {
            dir = try CommandRunner.temporaryDirectory()
            journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
            audit = try SubmitSession.openAudit(dir.appendingPathComponent("audit.sqlite"))
        }
    }

    @Test func theAuditRecordsTheServerValueReplacedNotTheStagedBase() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"], groups: ["g0"])
            let stores = try Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let entries = [
                Self.entry("f1", .groups, .groups([]), .groups(add: ["VIP"], remove: [])),
                Self.entry("f2", .remark, .text("remark of f2"), .set("二号")),
            ]
            let set = ChangeSet(entries)
            try stores.journal.save(set, replacing: ChangeSet(), app: TestCredentials.sdkAppID, account: "o")
            // Someone else puts f1 in g0 after it was staged: the write replaces ["g0"], not the base [].
            _ = try await update(client, "o", [("f1", [groups(["g0"])])])
            let session = SubmitSession(client: client, app: TestCredentials.sdkAppID, account: "o", audit: stores.audit, journal: stores.journal)
            let report = try await session.submit(entries, customKeys: [])
            #expect(report.outcomes == ["f1": .ok, "f2": .ok] && report.auditFailure == nil)
            let records = try stores.audit.records(account: "o")
            #expect(records.map(\.friend) == ["f1", "f2"])
            #expect(records[0].old == "g0" && records[0].new == "g0,VIP", "\(records[0])")
            #expect(records[1].old == "remark of f2" && records[1].new == "二号")
            // Applied entries left the journal.
            #expect(try stores.journal.load(app: TestCredentials.sdkAppID, account: "o").isEmpty)
        }
    }

    @Test func anEditMadeWhileTheSubmitRanStaysStaged() throws {
        let sent = Self.entry("f1", .remark, .text("a"), .set("b"))
        let edited = Self.entry("f1", .remark, .text("a"), .set("c"))
        let other = Self.entry("f2", .remark, .text("a"), .set("b"))
        let now = ChangeSet([edited, other])
        #expect(now.settled(after: [sent, other], outcomes: ["f1": .ok, "f2": .ok]) == ChangeSet([edited]))
        let stores = try Stores()
        defer { try? FileManager.default.removeItem(at: stores.dir) }
        try stores.journal.save(now, replacing: ChangeSet(), app: TestCredentials.sdkAppID, account: "o")
        try stores.journal.settle([sent, other])
        #expect(try stores.journal.load(app: TestCredentials.sdkAppID, account: "o") == ChangeSet([edited]))
    }

    @Test func withoutAWritableAuditLogNothingIsSent() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1"])
            let dir = try CommandRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let url = dir.appendingPathComponent("audit.sqlite")
            _ = try AuditLog(url: url)
            // Opened read-only, as a log on a read-only mount would be (the tests run as root, which file modes do not stop).
            let readOnly = try AuditLog(url: url, readOnly: true)
            await server.resetCallCounts()
            let session = SubmitSession(client: client, app: TestCredentials.sdkAppID, account: "o", audit: readOnly, journal: nil)
            await #expect(throws: AuditUnavailable.self) {
                _ = try await session.submit([Self.entry("f1", .remark, .text("remark of f1"), .set("x"))], customKeys: [])
            }
            #expect(await server.callCounts()["sns/friend_update", default: 0] == 0)
            #expect(await server.callCounts()["sns/friend_get_list", default: 0] == 0)
        }
    }

    @Test func rowsAppliedByAnInterruptedSubmitAreAuditedWhenReconciled() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            try await TestSandbox.seed(client, owner: "o", friends: ["f1", "f2"])
            let stores = try Stores()
            defer { try? FileManager.default.removeItem(at: stores.dir) }
            let entries = [
                Self.entry("f1", .custom("Test"), .text(""), .set("applied")),
                Self.entry("f2", .remark, .text("remark of f2"), .set("never sent")),
            ]
            let set = ChangeSet(entries)
            try stores.journal.save(set, replacing: ChangeSet(), app: TestCredentials.sdkAppID, account: "o")
            // The crash: both rows marked in flight, only f1's write reached the server.
            try stores.journal.markInFlight(app: TestCredentials.sdkAppID, account: "o", friends: ["f1", "f2"])
            _ = try await update(client, "o", [("f1", [custom("Test", .string("applied"))])])
            // customKeys empty: a start-up reconcile knows no roster yet; the entries name the field.
            let session = SubmitSession(client: client, app: TestCredentials.sdkAppID, account: "o", audit: stores.audit, journal: stores.journal)
            let (remaining, applied) = try await session.reconcile(set, customKeys: [])
            #expect(applied == ["f1"] && remaining == ChangeSet([entries[1]]))
            let records = try stores.audit.records(account: "o")
            #expect(records.count == 1 && records[0].friend == "f1" && records[0].field == "custom:Test" && records[0].code == 0)
            #expect(records[0].new == "applied" && records[0].info.contains("reconciled"))
            #expect(try stores.journal.load(app: TestCredentials.sdkAppID, account: "o") == remaining)
            #expect(try stores.journal.inFlight(app: TestCredentials.sdkAppID, account: "o").isEmpty)
        }
    }
}

/// Audit records are written call by call, before the call's in-flight marks go: a crash (or an audit
/// failure) during a later call cannot leave the rows of an earlier one untraced.
@Suite struct AuditPerCallTests {
    final class Marks: SubmitRecorder, @unchecked Sendable {
        let lock = NSLock()
        var inFlight: Set<String> = []
        func sending(_ friends: [String]) throws { lock.withLock { inFlight.formUnion(friends) } }
        func settled(_ friends: [String]) throws { lock.withLock { inFlight.subtract(friends) } }
    }

    @Test func eachCallIsAuditedBeforeItsMarksAreCleared() async throws {
        try await TestSandbox.with(try TestSandbox.config()) { server, client in
            let friends = (0..<1500).map { String(format: "f%04d", $0) }
            try await TestSandbox.seed(client, owner: "o", friends: friends)
            let entries = friends.map { SubmitSessionTests.entry($0, .custom("Test"), .text(""), .set("v")) }
            let marks = Marks()
            let calls = Mutex(0)
            var audited: [String] = []
            let report = try await Submitter(client: client).submit(account: "o", entries: entries, customKeys: ["Test"], recorder: marks,
                                                                    audit: { outcomes, _, after in
                // When the hook runs, this call's rows are still marked: the record comes first.
                #expect(marks.lock.withLock { Set(outcomes.keys).isSubset(of: marks.inFlight) })
                let n = calls.withLock { $0 += 1; return $0 }
                if n == 2 { throw JournalError(message: "audit.sqlite is read-only") }
                #expect(outcomes.values.allSatisfy { $0 == .ok } && after.values.allSatisfy { $0.custom["Test"] == "v" })
                audited += outcomes.keys
            })
            #expect(calls.withLock { $0 } == 2 && audited.count == 1000)
            // The second call's rows were applied but not audited: still marked, reported loudly.
            #expect(report.unaudited.count == 500 && marks.inFlight == report.unaudited)
            #expect(report.auditFailure?.hasPrefix("500 applied rows are on the server but not in the audit log") == true)
            #expect(Set(audited).isDisjoint(with: report.unaudited) && report.sent.count == 1500)
        }
    }
}

/// Applied rows leave the journal call by call, right after their audit record, so a crash during a later call
/// cannot offer them again on resume; a row the read-back found changed by someone else stays staged.
@Suite struct SettlePerCallTests {
    @Test func appliedRowsLeaveTheJournalAsTheirCallAnswers() async throws {
        let stores = try SubmitSessionTests.Stores()
        defer { try? FileManager.default.removeItem(at: stores.dir) }
        let app = TestCredentials.sdkAppID
        try await TestSandbox.with(try TestSandbox.config()) { server, other in
            let friends = (0..<1500).map { String(format: "f%04d", $0) }
            try await TestSandbox.seed(other, owner: "o", friends: friends)
            let entries = friends.map { SubmitSessionTests.entry($0, .remark, .text("remark of \($0)"), .set("新")) }
            try stores.journal.save(ChangeSet(entries), replacing: ChangeSet(), app: app, account: "o")
            // When the second call's reply is in (and before it is read), the first call's 1000 rows are settled.
            let stagedThen = Mutex(-1)
            let hook = HookTransport(after: "sns/friend_update", nth: 2) {
                stagedThen.withLock { $0 = (try? stores.journal.load(app: app, account: "o").count) ?? -1 }
            }
            let client = try TestClients.make(baseURL: server.url, transport: hook)
            let session = SubmitSession(client: client, app: app, account: "o", audit: stores.audit, journal: stores.journal)
            let report = try await session.submit(entries, customKeys: [])
            #expect(hook.fired && stagedThen.withLock { $0 } == 500)
            #expect(report.outcomes.values.allSatisfy { $0 == .ok })
            #expect(try stores.journal.load(app: app, account: "o").isEmpty)
        }
    }

    @Test func aRowChangedRightAfterItsWriteStaysStagedAsAConflict() async throws {
        let stores = try SubmitSessionTests.Stores()
        defer { try? FileManager.default.removeItem(at: stores.dir) }
        let app = TestCredentials.sdkAppID
        try await TestSandbox.with(try TestSandbox.config()) { server, other in
            try await TestSandbox.seed(other, owner: "o", friends: ["f1", "f2"])
            let entries = ["f1", "f2"].map { SubmitSessionTests.entry($0, .remark, .text("remark of \($0)"), .set("mine")) }
            try stores.journal.save(ChangeSet(entries), replacing: ChangeSet(), app: app, account: "o")
            let hook = HookTransport(after: "sns/friend_update") {
                _ = try await update(other, "o", [("f1", [TagValue(tag: FriendTag.remark, value: .string("theirs"))])])
            }
            let session = SubmitSession(client: try TestClients.make(baseURL: server.url, transport: hook), app: app, account: "o",
                                        audit: stores.audit, journal: stores.journal)
            let report = try await session.submit(entries, customKeys: [])
            #expect(hook.fired && report.outcomes == ["f1": .conflict(fields: [.remark]), "f2": .ok])
            #expect(try stores.journal.load(app: app, account: "o") == ChangeSet([entries[0]]))
            // The write itself is on record as applied.
            #expect(try stores.audit.records(account: "o").map(\.code) == [0, 0])
        }
    }
}
