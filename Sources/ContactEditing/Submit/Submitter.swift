import ChatAPI
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
        public init(outcomes: [String: SubmitOutcome], fresh: [String: Friend], before: [String: Friend] = [:], auditFailure: String? = nil) {
            self.outcomes = outcomes; self.fresh = fresh; self.before = before; self.auditFailure = auditFailure
        }
    }

    public func submit(account: String, entries: [ChangeEntry], customKeys: [String], recorder: SubmitRecorder? = nil,
                       progress: @escaping @Sendable (_ done: Int, _ total: Int) async -> Void = { _, _ in }) async throws -> Report {
        let (plan, fresh, refused) = try await SubmitPlan.fetch(client, account: account, entries: entries, customKeys: customKeys)
        var report = Report(outcomes: [:], fresh: [:])
        // friend_get_list answers 30001 for someone who is not a friend: say that, not just "bad parameter".
        for (friend, r) in refused {
            report.outcomes[friend] = .failed(code: r.code, info: r.code == 30001 ? "not a friend of \(account)" + (r.info.isEmpty ? "" : " (\(r.info))") : r.info)
        }
        for (friend, fields) in plan.conflicts { report.outcomes[friend] = .conflict(fields: fields) }
        for friend in plan.alreadyApplied { report.outcomes[friend] = .ok }
        await progress(0, plan.items.count)
        var done = 0
        // One friend_update run, so its rule holds across calls: after a call that configuration or credentials
        // doomed, the later ones are not sent.
        let results = try await client.friendUpdate(account: account, items: plan.items, sending: { ids in
            do { try recorder?.sending(ids); return nil } catch {
                // Without a record of what is on the wire, do not send.
                return "\(error)"
            }
        }, answered: { rows in
            // Rows without an answer stay in flight: the next start re-reads them.
            try? recorder?.settled(rows.filter { if case .notSent = $0.outcome { return false } else { return true } }.map(\.toAccount))
            done += rows.count
            await progress(done, plan.items.count)
        })
        let sent = Dictionary(uniqueKeysWithValues: plan.items.map { ($0.toAccount, $0.snsItem) })
        for r in results {
            switch r.outcome {
            case .ok: report.outcomes[r.toAccount] = .ok
            case .failed(let code, let info, _): report.outcomes[r.toAccount] = .failed(code: code, info: info)
            case .notSent(let reason): report.outcomes[r.toAccount] = .notSent(reason: reason)
            }
        }
        for (friend, maybeTags) in fresh {
            guard let tags = maybeTags else { continue }
            report.before[friend] = Friend(id: friend, tags: tags)
            var merged = tags
            if report.outcomes[friend] == .ok, let applied = sent[friend] {
                for t in applied { merged.removeAll { $0.tag == t.tag }; merged.append(t) }
            }
            report.fresh[friend] = Friend(id: friend, tags: merged)
        }
        return report
    }
}

extension Submitter {
    /// After a crash during a submit: re-reads the friends that were in flight and returns those whose staged values
    /// the server already has (applied), so they leave the change set instead of being sent again.
    public func reconcile(account: String, entries: [ChangeEntry], inFlight: [String], customKeys: [String]) async throws -> Set<String> {
        try await reconcileReport(account: account, entries: entries, inFlight: inFlight, customKeys: customKeys).applied
    }

    /// `reconcile` with the friends as re-read, so the applied rows can be audited with their values.
    public func reconcileReport(account: String, entries: [ChangeEntry], inFlight: [String], customKeys: [String]) async throws
        -> (applied: Set<String>, fresh: [String: Friend]) {
        let pending = entries.filter { inFlight.contains($0.key.friend) }
        guard !pending.isEmpty else { return ([], [:]) }
        let (plan, fresh, _) = try await SubmitPlan.fetch(client, account: account, entries: pending, customKeys: customKeys)
        var friends: [String: Friend] = [:]
        for (id, tags) in fresh { if let tags { friends[id] = Friend(id: id, tags: tags) } }
        return (plan.alreadyApplied, friends)
    }
}
