import ChatAPI
import ContactDeskStrings
import Foundation

/// Where a submit records which rows are on the wire, so a crash between send and reply is reconciled.
public protocol SubmitRecorder: Sendable {
    func sending(_ friends: [String]) throws
    func settled(_ friends: [String]) throws
}

/// The journal as a submit recorder for one account.
public struct JournalRecorder: SubmitRecorder {
    public let journal: Journal
    public let app: UInt64
    public let account: String
    public init(journal: Journal, app: UInt64, account: String) { self.journal = journal; self.app = app; self.account = account }
    public func sending(_ friends: [String]) throws { try journal.markInFlight(app: app, account: account, friends: friends) }
    public func settled(_ friends: [String]) throws { try journal.clearInFlight(app: app, account: account, friends: friends) }
}

/// Sends an account's staged changes: re-read, merge, friend_update in calls of at most 1000, outcome per friend.
public struct Submitter: Sendable {
    public let client: ChatClient
    public init(client: ChatClient) { self.client = client }

    /// The result of a submit: an outcome per staged friend and their fresh values after it.
    public struct Report: Equatable, Sendable {
        public var outcomes: [String: SubmitOutcome]
        /// Friends as the server has them now (for applied rows, with the sent values).
        public var fresh: [String: Friend]
        /// Friends as the re-read before sending found them: the values a write replaced (the audit's "old").
        public var before: [String: Friend]
        /// Set when applied rows could not be written to the audit log: shown loudly, never dropped.
        public var auditFailure: String?
        /// Applied friends whose audit record could not be written: still marked in flight, still staged.
        public var unaudited: Set<String> = []
        /// Friends whose rows went into a friend_update call (the others were decided by the re-read).
        public var sent: Set<String> = []
        /// The staged group operations, run before the friend rows.
        public var groups: [GroupOperationReport] = []
        public init(outcomes: [String: SubmitOutcome], fresh: [String: Friend], before: [String: Friend] = [:], auditFailure: String? = nil) {
            self.outcomes = outcomes; self.fresh = fresh; self.before = before; self.auditFailure = auditFailure
        }
    }

    /// Writes the outcomes of one answered call to the audit log (friend -> outcome, values before, values after);
    /// a throw keeps those rows in flight, so the next start re-reads and audits them.
    public typealias AuditHook = (_ outcomes: [String: SubmitOutcome], _ before: [String: Friend], _ after: [String: Friend]) throws -> Void

    /// Sends the entries in calls of at most 1000 friends. Each call is planned from a read made right before
    /// it, and again before any retry (30008 included): the API has no conditional write, so a plan is never
    /// re-sent once it may be stale. A call without an answer is re-read, and its rows reported applied or not.
    /// After an answered call its rows are read back: a friend whose value is not what was sent (someone wrote
    /// meanwhile) is a conflict showing the server's value, never a plain ✓.
    /// `settle` hears the applied friends of each call once its read-back is done, before their marks go.
    public func submit(account: String, entries: [ChangeEntry], customKeys: [String], recorder: SubmitRecorder? = nil,
                       audit: AuditHook? = nil, settle: (@Sendable ([String]) -> Void)? = nil,
                       progress: @escaping @Sendable (_ done: Int, _ total: Int) async -> Void = { _, _ in }) async throws -> Report {
        var run = SubmitRun(client: client, account: account, customKeys: customKeys, recorder: recorder, audit: audit, settle: settle)
        let byFriend = Dictionary(grouping: entries, by: \.key.friend)
        let friends = byFriend.keys.sorted()
        var done = 0
        await progress(0, friends.count)
        for chunk in friends.chunked(BatchLimit.friendUpdate) {
            let chunkEntries = chunk.flatMap { byFriend[$0] ?? [] }
            if let stop = run.stop {
                for f in chunk { run.report.outcomes[f] = .notSent(reason: stop) }
            } else {
                try await run.send(chunkEntries)
            }
            done += chunk.count
            await progress(done, friends.count)
        }
        if let problem = run.auditProblem {
            run.report.auditFailure = EditText.auditAppliedRowsMissing.text(["count": run.report.unaudited.count, "problem": problem])
        }
        return run.report
    }

    static func outcome(_ o: RowOutcome) -> SubmitOutcome {
        switch o {
        case .ok: .ok
        case .failed(let code, let info, _): .failed(code: code, info: info)
        case .notSent(let reason): .notSent(reason: reason)
        }
    }
}

extension Submitter {
    /// After a crash during a submit: re-reads the friends that were in flight and returns those whose staged values
    /// the server already has (applied), with the friends as re-read so the applied rows can be audited.
    public func reconcileReport(account: String, entries: [ChangeEntry], inFlight: [String], customKeys: [String]) async throws
        -> (applied: Set<String>, fresh: [String: Friend]) {
        let pending = entries.filter { inFlight.contains($0.key.friend) }
        guard !pending.isEmpty else { return ([], [:]) }
        let fetched = try await SubmitPlan.fetch(client, account: account, entries: pending, customKeys: customKeys)
        var friends: [String: Friend] = [:]
        for (id, tags) in fetched.fresh { if let tags { friends[id] = Friend(id: id, tags: tags) } }
        return (fetched.plan.alreadyApplied, friends)
    }
}
